// The 对比 mode: two reports (pasted, opened or dropped) compared by the core in the Worker
// (`compareJson`): the two texts side by side, figures marked (paired or not) and the passages the
// new text carries over word for word from the old one dimmed; a table of the pairs (metric, old,
// new, change; both sentences on hover), each row jumping to both figures; the figures without a
// partner, which the user can pair by hand (and a pair can be undone); CSV/TSV/JSON exports of
// what is shown. What is derived from the core's result is in compare-model.js (tested in node).
import { button, oneTabStop, roving } from "./dom.js";
import { el } from "./el.js";
import { copyText, download } from "./export.js";
import { createNotices } from "./notices.js";
import {
  carriedIntervals,
  compareModel,
  comparisonJson,
  deltaText,
  direction,
  exportComparison,
  figureText,
  figureValue,
  pairMetric,
  pairUp,
  paintRuns,
  sentenceAround,
  unpair,
} from "./compare-model.js";
import { decodeText, fileName, fmt } from "./report.js";

const SIDES = ["old", "new"];
const CHUNK = 1000; // characters per block of a text view
const FIRST_PAIRS = 200; // pairs in the table until 显示全部
const LABEL = { old: "旧报告", new: "新报告" };

/**
 * Builds the mode into `root` (an empty section). `core` is worker-client.js's `extract` (its
 * `compare`). Returns { drop(files), focus() }.
 */
export function createCompare(root, { core }) {
  const noticeBox = el("div", { className: "notices", role: "alert", hidden: true });
  const notices = createNotices(noticeBox);
  const state = { texts: { old: "", new: "" }, result: null, model: null, generation: 0, pick: { old: -1, new: -1 } };
  const inputs = {};
  const views = {};
  const heads = {};
  let debounce = 0;

  const sideBox = (side) => {
    const id = `cmp-${side}`;
    inputs[side] = el("textarea", {
      id,
      spellcheck: false,
      autocomplete: "off",
      placeholder: side === "old" ? "粘贴旧报告（如上一年度的报告），或把 .txt 文件拖到这里……" : "粘贴新报告（如本年度的报告），或把 .txt 文件拖到这里……",
      oninput: (e) => {
        state.texts[side] = inputs[side].value;
        schedule(/^insertFrom(Paste|Drop)$/.test(e.inputType || ""));
      },
    });
    const file = el("input", {
      type: "file",
      accept: ".txt,text/plain",
      className: "visually-hidden",
      onchange: (e) => {
        const f = e.target.files && e.target.files[0];
        if (f) openFile(side, f);
        e.target.value = "";
      },
    });
    heads[side] = el("span", { className: "cmp-doc" });
    return el(
      "div",
      { className: "cmp-side", dataset: { side } },
      el("div", { className: "toolbar" }, el("label", { htmlFor: id, className: "label" }, LABEL[side]), el("label", { className: "button" }, "打开 .txt 文件", file), heads[side]),
      inputs[side],
    );
  };

  const status = el("span", { className: "status", role: "status", aria: { live: "polite" } });
  const summary = el("p", { className: "cmp-summary", hidden: true });
  const viewBox = (side) => {
    views[side] = el("div", { className: "cmp-view", id: `cmp-view-${side}`, tabIndex: 0, role: "document", aria: { label: `${LABEL[side]}（标注）` } });
    return el("div", { className: "cmp-pane" }, el("h3", {}, LABEL[side]), views[side]);
  };
  const pairsBody = el("tbody");
  const pairsCount = el("span", { className: "count" });
  const pairsMore = el("p", { className: "more", hidden: true });
  const exportBar = el(
    "span",
    { className: "cmp-export" },
    button("复制（粘贴到 Excel/WPS）", async () => {
      if (!state.model) return;
      const text = exportComparison("tsv", state.model);
      await copyText(text);
      setStatus(`已复制 ${text.split("\r\n").length - 2} 行，可直接粘贴到 Excel 或 WPS。`);
    }),
    button("下载 CSV", () => state.model && download(fileName(baseName(), "csv"), "text/csv;charset=utf-8", exportComparison("csv", state.model))),
    button("下载 JSON", () => state.model && download(fileName(baseName(), "json"), "application/json", JSON.stringify(comparisonJson(state.model, state.result), null, 2))),
  );
  const only = {};
  const onlyCount = {};
  const pickButton = button("配对所选", () => {
    const { old: i, new: j } = state.pick;
    if (i < 0 || j < 0) return;
    setModel(pairUp(state.model, i, j), `已手动配对：${figureText(state.model.onlyOld[i])} → ${figureText(state.model.onlyNew[j])}。`);
  });
  pickButton.disabled = true;
  const onlyBox = (side) => {
    only[side] = el("ul", { className: "cmp-only", aria: { labelledby: `cmp-only-${side}-h` } });
    onlyCount[side] = el("span", { className: "count" });
    return el("div", { className: "cmp-only-box" }, el("h4", { id: `cmp-only-${side}-h` }, side === "old" ? "仅旧报告有" : "仅新报告有", " ", onlyCount[side]), only[side]);
  };
  const results = el(
    "div",
    { className: "cmp-results", hidden: true },
    el("div", { className: "cmp-views" }, viewBox("old"), viewBox("new")),
    el("div", { className: "toolbar" }, el("h3", { id: "cmp-pairs-h" }, "指标配对 ", pairsCount), exportBar),
    el(
      "div",
      { className: "table-wrap" },
      el(
        "table",
        { className: "cmp-pairs", aria: { labelledby: "cmp-pairs-h" } },
        el(
          "thead",
          {},
          el("tr", {}, ...[["指标", "metric"], ["旧报告", "old"], ["新报告", "new"], ["变化", "delta num"], ["", "act"]].map(([t, c]) => el("th", { scope: "col", className: c }, t))),
        ),
        pairsBody,
      ),
      pairsMore,
    ),
    el(
      "div",
      { className: "cmp-unpaired" },
      el("div", { className: "toolbar" }, el("h3", {}, "未配对的指标"), el("span", { className: "hint" }, "各选一项后可手动配对："), pickButton),
      el("div", { className: "cmp-only-grid" }, onlyBox("old"), onlyBox("new")),
    ),
  );

  root.append(
    el("h2", { id: "compare-h" }, "对比两份报告"),
    el(
      "p",
      { className: "hint" },
      "粘贴、打开或拖入两份报告（例如同一政府相邻两年的报告；也可一次拖入两个文件）。指标按指标名配对并给出变化；新报告中与旧报告逐字相同的段落（20 字以上）以淡色显示。全部在本机处理。",
    ),
    noticeBox,
    el("div", { className: "cmp-inputs" }, sideBox("old"), sideBox("new")),
    el("div", { className: "toolbar" }, button("交换新旧", swap), button("清空", clear), status),
    summary,
    results,
  );
  roving(pairsBody, "button.jump");

  function setStatus(message, isError = false) {
    status.textContent = message;
    status.classList.toggle("error", isError);
  }

  const baseName = () => {
    const side = (s) => (state.result && state.result[s].reportYear) || LABEL[s];
    return `对比_${side("old")}_${side("new")}`;
  };

  async function openFile(side, file) {
    const { text, note } = decodeText(new Uint8Array(await file.arrayBuffer()));
    if (text === null) return notices.warn("cmp-file", `${file.name}：${note}`);
    notices.dismiss("cmp-file");
    if (note) notices.warn("cmp-file", `${file.name}${note}`);
    setText(side, text);
  }

  function setText(side, text) {
    inputs[side].value = text;
    state.texts[side] = inputs[side].value; // as the text area holds it (CRLF → LF): offsets agree
    schedule(true);
  }

  /** Files dropped on the page (modes.js) at `target`: one goes to the side it was dropped on
   * (else to the old side while that is empty, else the new one); of several, the first two by
   * name, the first as the old report. */
  async function drop(files, target = null) {
    const list = [...files].sort((a, b) => a.name.localeCompare(b.name, "zh-CN", { numeric: true }));
    const on = SIDES.find((s) => target && target.closest && target.closest(`[data-side="${s}"]`));
    if (list.length === 1) return openFile(on || (!state.texts.old ? "old" : "new"), list[0]);
    if (list.length > 2) notices.warn("cmp-file", `对比只取前两个文件：${list[0].name}、${list[1].name}。要把多份报告放进一张表，请用“批量”。`);
    await openFile("old", list[0]);
    await openFile("new", list[1]);
  }

  function swap() {
    const { old: o, new: n } = state.texts;
    inputs.old.value = n;
    inputs.new.value = o;
    state.texts = { old: n, new: o };
    schedule(true);
  }

  function clear() {
    for (const s of SIDES) inputs[s].value = "";
    state.texts = { old: "", new: "" };
    schedule(true);
    inputs.old.focus();
  }

  function schedule(now = false) {
    clearTimeout(debounce);
    root.dataset.state = "busy";
    const n = state.texts.old.length + state.texts.new.length;
    debounce = setTimeout(run, now ? 0 : n < 40000 ? 150 : 400);
  }

  async function run() {
    const generation = ++state.generation;
    const { old: o, new: n } = state.texts;
    if (!o.trim() || !n.trim()) {
      state.result = state.model = null;
      results.hidden = summary.hidden = true;
      for (const s of SIDES) heads[s].textContent = "";
      setStatus(o.trim() || n.trim() ? `请再输入${o.trim() ? "新" : "旧"}报告。` : "");
      root.dataset.state = "done";
      return;
    }
    setStatus("正在对比……");
    const t0 = performance.now();
    let reply;
    try {
      reply = await core.compare(o, n);
    } catch (e) {
      setStatus(`对比失败：${e.message}`, true);
      root.dataset.state = "done";
      return;
    }
    if (generation !== state.generation) return;
    state.result = reply.result;
    state.allPairs = false;
    for (const s of SIDES) {
      const d = reply.result[s];
      heads[s].textContent = [d.reportYear ? `${d.reportYear} 年` : "", d.title || ""].filter(Boolean).join(" · ");
    }
    setModel(compareModel(reply.result));
    setStatus(`${fmt(o.length)} 字与 ${fmt(n.length)} 字 · 对比 ${Math.round(reply.ms)} 毫秒，显示 ${Math.round(performance.now() - t0 - reply.ms)} 毫秒`);
    root.dataset.state = "done";
  }

  /** Shows model `m` (a new comparison, or one edited by hand: `message` says what changed). */
  function setModel(m, message) {
    const focused = document.activeElement;
    const hadFocus = results.contains(focused);
    state.model = m;
    state.pick = { old: -1, new: -1 };
    pickButton.disabled = true;
    const pct = Math.round(m.carriedOverShare * 1000) / 10;
    summary.hidden = false;
    summary.replaceChildren(
      el("b", {}, `配对 ${m.pairs.length} 项`),
      ` · 仅旧报告有 ${m.onlyOld.length} 项 · 仅新报告有 ${m.onlyNew.length} 项 · `,
      el("span", { className: "carried-sample" }, `新报告中逐字沿用旧报告的文字占 ${pct}%`),
      `（${m.carriedOver.length} 段）`,
    );
    results.hidden = false;
    for (const s of SIDES) paint(s);
    fillPairs();
    for (const s of SIDES) fillOnly(s);
    if (message) setStatus(message);
    if (hadFocus && !results.contains(focused)) pairsBody.querySelector("button") ? pairsBody.querySelector("button").focus() : inputs.old.focus();
  }

  /** The text of `side` with its figures marked and its carried-over passages dimmed, in blocks
   * of about CHUNK characters (cut after a line break) that the browser lays out only when they
   * come into sight (`.chunk` in style.css), as the 标注 view does: two 50,000-character texts
   * laid out at once made a frame of several hundred ms. */
  function paint(side) {
    const text = state.texts[side];
    const m = state.model;
    const figs = [];
    m.pairs.forEach((p, k) => figs.push({ start: p[side].start, end: p[side].end, ref: { pair: k } }));
    (side === "old" ? m.onlyOld : m.onlyNew).forEach((x, k) => figs.push({ start: x.start, end: x.end, ref: { only: k } }));
    const runs = paintRuns(text.length, figs, carriedIntervals(m.carriedOver, side, text.length));
    const frag = document.createDocumentFragment();
    let chunk = null;
    let chunkStart = 0;
    let carried = null; // the open carried-over span of the current chunk
    const newChunk = (at) => {
      chunk = el("div", { className: at < 2 * CHUNK ? "chunk near" : "chunk" });
      frag.append(chunk);
      chunkStart = at;
      carried = null;
    };
    const put = (node, isCarried) => {
      if (!isCarried) carried = null;
      else if (!carried) chunk.append((carried = el("span", { className: "carried", title: side === "new" ? "与旧报告逐字相同" : "新报告逐字沿用了这段" })));
      (isCarried ? carried : chunk).append(node);
    };
    newChunk(0);
    let nextBreak = -1;
    for (const r of runs) {
      if (r.fig) {
        const pair = r.fig.pair !== undefined ? m.pairs[r.fig.pair] : null;
        const mark = el("mark", {
          className: pair ? `pair${pair.manual ? " manual" : ""}` : "only",
          dataset: pair ? { pair: r.fig.pair, dir: direction(pair) || "" } : { only: r.fig.only },
          title: pair ? `${pairMetric(pair)}：${figureText(pair.old)} → ${figureText(pair.new)}  ${deltaText(pair)}` : `仅${side === "old" ? "旧" : "新"}报告有`,
        });
        mark.textContent = text.slice(r.s, r.e);
        put(mark, r.carried);
        continue;
      }
      let at = r.s;
      while (at < r.e) {
        let cut = -1;
        if (r.e - chunkStart > CHUNK) {
          // The first line break at or after the chunk's CHUNK-th character, if in this run.
          // (Searched once per break, never again past the run's end: a text of few line
          // breaks would otherwise be scanned to its next one for every run.)
          const from = Math.max(at, chunkStart + CHUNK);
          if (nextBreak < from) nextBreak = text.indexOf("\n", from);
          if (nextBreak < 0) nextBreak = text.length;
          cut = nextBreak < r.e ? nextBreak + 1 : -1;
        }
        const end = cut > 0 ? cut : r.e;
        put(document.createTextNode(text.slice(at, end)), r.carried);
        at = end;
        if (cut > 0) newChunk(at);
      }
    }
    // Back to the top only when scrolled (setting scrollTop lays the page out: the text areas'
    // new text too, which the next frame does anyway).
    if (scrolled[side]) views[side].scrollTop = 0;
    scrolled[side] = false;
    views[side].replaceChildren(frag);
  }

  function fillPairs() {
    const m = state.model;
    pairsCount.textContent = `（${m.pairs.length} 项${m.pairs.some((p) => p.manual) ? "，含手动配对" : ""}）`;
    const shown = state.allPairs ? m.pairs : m.pairs.slice(0, FIRST_PAIRS);
    pairsMore.hidden = shown.length === m.pairs.length;
    pairsMore.replaceChildren(
      `仅显示前 ${shown.length} 项；复制与下载包含全部 ${m.pairs.length} 项。`,
      button("显示全部", () => {
        state.allPairs = true;
        fillPairs();
      }),
    );
    pairsBody.replaceChildren(
      ...shown.map((p, k) => {
        const d = direction(p);
        const side = (s) => `${s === "old" ? "旧" : "新"}：${sentenceAround(state.texts[s], p[s].start, p[s].end)}（${figureValue(p[s]) || p[s].text}）`;
        const tip = `${side("old")}\n${side("new")}`;
        return el(
          "tr",
          { dataset: { pair: k, dir: d || "" }, title: tip, onclick: (e) => !e.target.closest("button") && jumpPair(k) },
          el("td", {}, el("button", { type: "button", className: "jump", onclick: () => jumpPair(k), title: "在两份报告中定位" }, pairMetric(p)), p.manual ? el("span", { className: "tag" }, "手动") : null),
          el("td", {}, figureText(p.old)),
          el("td", {}, figureText(p.new)),
          el("td", { className: `num delta ${d || ""}` }, deltaText(p) || (p.old.unit !== p.new.unit ? "单位不同" : "")),
          el("td", { className: "act" }, button("拆开", () => setModel(unpair(state.model, k), `已拆开：${p.metric || "指标"}（${p.old.text} / ${p.new.text}）。`))),
        );
      }),
    );
    oneTabStop(pairsBody, "button.jump");
  }

  function fillOnly(side) {
    const list = side === "old" ? state.model.onlyOld : state.model.onlyNew;
    onlyCount[side].textContent = `（${list.length}）`;
    only[side].replaceChildren(
      ...list.map((x, k) =>
        el(
          "li",
          {},
          el(
            "label",
            { title: sentenceAround(state.texts[side], x.start, x.end) },
            el("input", {
              type: "radio",
              name: `cmp-pick-${side}`,
              value: k,
              onchange: () => {
                state.pick[side] = k;
                pickButton.disabled = state.pick.old < 0 || state.pick.new < 0;
                show(side, views[side].querySelector(`mark[data-only="${k}"]`));
              },
            }),
            el("span", { className: "fig" }, x.text),
            x.metric ? el("span", { className: "metric" }, x.metric) : null,
          ),
        ),
      ),
    );
  }

  /** Scrolls `mark` to the upper third of its view (the page itself does not move) and flashes it. */
  function show(side, mark) {
    if (!mark) return;
    const view = views[side];
    view.scrollTop += mark.getBoundingClientRect().top - view.getBoundingClientRect().top - view.clientHeight / 3;
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  }

  function jumpPair(k) {
    for (const s of SIDES) show(s, views[s].querySelector(`mark[data-pair="${k}"]`));
    for (const tr of pairsBody.rows) tr.classList.toggle("current", tr.dataset.pair === String(k));
  }

  const scrolled = { old: false, new: false };
  for (const s of SIDES) views[s].addEventListener("scroll", () => (scrolled[s] = true), { passive: true });

  // A paired figure clicked in either text: both figures shown, and its row in the table.
  for (const s of SIDES) {
    views[s].addEventListener("click", (e) => {
      const m = e.target.closest("mark[data-pair]");
      if (!m) return;
      const k = Number(m.dataset.pair);
      if (k >= FIRST_PAIRS && !state.allPairs) {
        state.allPairs = true;
        fillPairs();
      }
      jumpPair(k);
      const row = pairsBody.querySelector(`tr[data-pair="${k}"]`);
      if (row) row.scrollIntoView({ block: "nearest" });
    });
  }

  return { drop, focus: () => inputs.old.focus(), state };
}
