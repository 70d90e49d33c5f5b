// zhibiao page: paste a report, see its indicators and structure highlighted.
//
// The WebAssembly core runs in a Web Worker (worker.js); this file only builds the DOM. User text
// only ever enters the page through text nodes (textContent / createTextNode), never innerHTML.
// After a paste, the first screen of the highlighted view is shown first (one frame with little
// to lay out); the rest of the view follows in slices that yield to the browser, inside blocks
// with `content-visibility: auto`, then the outline, then the table, a few rows per frame; so a
// 1 MB report neither freezes the page nor lays out at once. `node bench/browser.mjs` measures it.

const $ = (id) => document.getElementById(id);
const input = $("input");
const view = $("view");
const statusEl = $("status");
const tooltip = $("tooltip");
const STORE_KEY = "zhibiao.text";
const HIDDEN_KEY = "zhibiao.hidden";

/** Legend entries: what can be toggled, with its label and how to count it. */
const LEGEND = [
  { key: "count", label: "数量", title: "计数：238项、4.6万件、2000余人", count: (r) => r.indicators.filter((i) => i.kind === "count").length },
  { key: "percent", label: "比例", title: "百分比与百分点：98.7%、八成、3个百分点", count: (r) => r.indicators.filter((i) => i.kind === "percent").length },
  { key: "money", label: "金额", title: "金额（归一为元）：537.97万元", count: (r) => r.indicators.filter((i) => i.kind === "money").length },
  { key: "measure", label: "度量", title: "长度、面积、时长、倍数：12公里、5个工作日、2倍", count: (r) => r.indicators.filter((i) => i.kind === "measure").length },
  { key: "change", label: "增减", title: "标明变化的指标：同比上升70.2%", count: (r) => r.indicators.filter((i) => i.change).length },
  { key: "heading", label: "标题", title: "提纲标题：一、（一）1.（1）", count: (r) => r.headings.length },
  { key: "list", label: "列举", title: "行文列举：一是、二是、第一……", count: (r) => r.lists.length },
  { key: "citation", label: "引用", title: "书名号引用：《……》", count: (r) => r.citations.length },
  { key: "date", label: "日期", title: "年份与日期：2024年、2024年3月1日", count: (r) => r.dates.length },
];
const KIND_LABEL = { count: "数量", percent: "比例", money: "金额", measure: "度量" };
const CITATION_LABEL = { law: "法律", regulation: "条例", rules: "规定/办法/规则", plan: "纲要/规划/方案/计划", notice: "通知", other: "其他文件" };
const PART_STATUS = {
  present: ["✓", "有专门章节"],
  mentioned: ["≈", "正文提及，无专门章节"],
  missing: ["✗", "未找到"],
};
const collator = new Intl.Collator("zh-CN", { numeric: true });
const numberFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6 });

// ---- state ----------------------------------------------------------------------------------
let current = null; // { text, result, marks: {kind: Element[]}, all: Element[], lineStarts (lazy) }
let requestId = 0;
let renderGeneration = 0;
let shownAt = 0; // when the latest render's first screen had been painted (performance.now())
const hidden = new Set();
const table = { col: null, dir: 1, filter: "", limit: 200 };

// ---- the worker -------------------------------------------------------------------------------
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let workerFailed = null;
worker.onmessage = ({ data }) => {
  if ("ready" in data) {
    if (data.ready) $("version").textContent = `zhibiao ${data.version}`;
    else fail(`无法加载 WebAssembly 核心：${data.error}`);
    return;
  }
  const p = pending.get(data.id);
  if (!p) return;
  pending.delete(data.id);
  if (data.error) p.reject(new Error(data.error));
  else p.resolve({ ms: data.ms, result: JSON.parse(data.json) });
};
worker.onerror = (e) => fail(`无法启动后台线程：${e.message || "请用 scripts/serve 启动（需先构建 www/pkg/）"}`);

function fail(message) {
  workerFailed = message;
  setStatus(message, true);
  document.body.dataset.state = "error";
}

function extractInWorker(text) {
  const id = ++requestId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, text });
  });
}

// ---- input ----------------------------------------------------------------------------------
let debounce = 0;
input.addEventListener("input", (e) => schedule(/^insertFrom(Paste|Drop)$/.test(e.inputType || "")));

/** Runs the analysis: at once for a paste, a drop or a file, after a pause in typing otherwise. */
function schedule(now = false) {
  clearTimeout(debounce);
  document.body.dataset.state = "busy";
  // At once means in this task: the text goes to the worker before the browser lays out the
  // textarea's new text (for 20,000 characters a frame of several ms), so both run in parallel.
  if (now) return void run();
  // Live as you type; larger texts wait for a longer pause so typing stays smooth.
  const n = input.value.length;
  debounce = setTimeout(run, n < 20000 ? 60 : n < 200000 ? 250 : 600);
}

async function run() {
  const text = input.value;
  if (workerFailed) return fail(workerFailed);
  const generation = ++renderGeneration;
  performance.mark("zhibiao:run");
  const t0 = performance.now();
  const extracted = extractInWorker(text);
  setStatus(text.length > 100000 ? "正在分析……" : "");
  save(text);
  let reply;
  try {
    reply = await extracted;
  } catch (e) {
    return fail(`分析失败：${e.message}`);
  }
  if (generation !== renderGeneration) return; // a newer input superseded this one
  const t1 = performance.now();
  performance.mark("zhibiao:extracted");
  if (!(await render(text, reply.result, generation))) return;
  // The indicator table (below the view, 200 rows: more layout than the view's first screen)
  // waits for the frame that shows the rest of the view and the outline.
  await afterNextFrame();
  if (generation !== renderGeneration) return;
  await renderTable(true);
  if (generation !== renderGeneration) return;
  const t2 = shownAt; // the first screen of highlights was on screen
  performance.mark("zhibiao:rendered");
  const n = reply.result.indicators.length;
  setStatus(
    text.length
      ? `${numberFormat.format(text.length)} 字 · ${numberFormat.format(n)} 个指标 · 分析 ${Math.round(t1 - t0)} 毫秒，显示 ${Math.round(t2 - t1)} 毫秒`
      : "",
  );
  document.body.dataset.state = "done";
  document.body.dataset.coreMs = String(Math.round(reply.ms)); // for bench/browser.mjs
}

/** Resolves once the browser has rendered a frame of the current document: in the task that
 * follows the next frame's paint. A hidden tab renders no frames: then after 100 ms. */
function afterNextFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark("zhibiao:painted");
        clearTimeout(timer);
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}

function save(text) {
  try {
    if (text) localStorage.setItem(STORE_KEY, text);
    else localStorage.removeItem(STORE_KEY);
  } catch {
    setStatus("文本太大，无法保存在本浏览器中（刷新后需重新粘贴）。", true);
  }
}

function setStatus(message, isError = false) {
  statusEl.textContent = message;
  statusEl.classList.toggle("error", isError);
}

function setText(text) {
  input.value = text;
  schedule(true);
}

$("sample").addEventListener("click", async () => {
  try {
    const r = await fetch("sample.txt");
    if (!r.ok) throw new Error(r.statusText);
    setText(await r.text());
  } catch (e) {
    setStatus(`无法载入示例：${e.message}`, true);
  }
});

$("clear").addEventListener("click", () => {
  setText("");
  input.focus();
});

$("file").addEventListener("change", (e) => {
  const f = e.target.files && e.target.files[0];
  if (f) openFile(f);
  e.target.value = "";
});

/** Reads a .txt file: UTF-8 or UTF-16 with BOM; otherwise GB18030 (GBK) if it is not UTF-8. */
async function openFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  let note = "";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("gb18030").decode(bytes);
      note = "（不是 UTF-8，已按 GB18030/GBK 解码）";
    }
  }
  setText(text);
  if (note) setTimeout(() => setStatus(`${file.name}${note}`), 0);
}

for (const target of [document.documentElement]) {
  target.addEventListener("dragover", (e) => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    e.preventDefault();
    $("drop-hint").hidden = false;
  });
  target.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) $("drop-hint").hidden = true;
  });
  target.addEventListener("drop", (e) => {
    $("drop-hint").hidden = true;
    const f = e.dataTransfer.files && e.dataTransfer.files[0];
    if (!f) return;
    e.preventDefault();
    openFile(f);
  });
}

// ---- the highlighted view -------------------------------------------------------------------
const PRIORITY = { heading: 0, list: 1, citation: 2, date: 3, indicator: 4 };

/** Every highlight as { s, e, kind, i }, outer spans before the spans they contain. */
function spansOf(r, length) {
  const out = [];
  const add = (s, e, kind, i) => {
    if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= length) out.push({ s, e, kind, i });
  };
  r.headings.forEach((h, i) => add(Math.min(h.markerStart, h.start), h.end, "heading", i));
  r.lists.forEach((l, i) => add(l.markerStart, l.markerEnd, "list", i));
  r.citations.forEach((c, i) => add(c.start, c.end, "citation", i));
  r.dates.forEach((d, i) => add(d.start, d.end, "date", i));
  r.indicators.forEach((x, i) => add(x.start, x.end, "indicator", i));
  out.sort((a, b) => a.s - b.s || b.e - a.e || PRIORITY[a.kind] - PRIORITY[b.kind]);
  return out;
}

function makeMark(span, r) {
  const m = document.createElement("mark");
  m.dataset.kind = span.kind;
  m.dataset.i = span.i;
  if (span.kind === "indicator") {
    const x = r.indicators[span.i];
    m.dataset.sub = x.kind;
    if (x.change) m.dataset.change = x.change.direction;
  } else if (span.kind === "heading") {
    m.dataset.level = r.headings[span.i].level;
  }
  return m;
}

const CHUNK = 1000; // characters per content-visibility block: about half a screen of the view
const FIRST_SCREEN = 2000; // the blocks that start before this offset fill the view's first screen
const SLICE_MS = 12; // work per slice before yielding to the browser

/**
 * Shows `text` with its highlights. The blocks of the first screen go into the view at once,
 * with the legend, and the browser shows them (one frame: `afterNextFrame`) before the rest of
 * the view is built, in slices appended as they are done, then the outline. Returns false when a
 * newer render took over.
 *
 * The first screen's blocks are plain blocks; the others have `content-visibility: auto`. Had
 * they all been in the first frame, Chromium would have laid out every `auto` block up to about
 * one and a half screens away (twice the text shown), and the first screen's `auto` blocks twice:
 * skipped in a first layout pass, found visible, laid out again.
 */
async function render(text, r, generation) {
  const spans = spansOf(r, text.length);
  // Only when the view shows its top: scrolled further (editing a long text, say), everything is
  // built first, so that the view keeps its place.
  const firstScreenFirst = view.scrollTop === 0;
  const marks = { indicator: [], heading: [], list: [], citation: [], date: [] };
  const all = [];
  const head = document.createDocumentFragment(); // the first screen's blocks
  const tail = document.createDocumentFragment(); // the next blocks, until they join the view
  let target = head;
  let chunk = null;
  let chunkStart = 0;
  const newChunk = (at) => {
    if (target === head && at >= FIRST_SCREEN && firstScreenFirst) target = tail;
    chunk = document.createElement("div");
    chunk.className = at < FIRST_SCREEN ? "chunk near" : "chunk";
    target.appendChild(chunk);
    chunkStart = at;
  };
  newChunk(0);
  const stack = []; // open marks: { e, el }
  const parent = () => (stack.length ? stack[stack.length - 1].el : chunk);
  const put = (to, s) => to.appendChild(document.createTextNode(s));
  let pos = 0;
  /** Emits text [pos, to) into the open element, starting new blocks after line breaks. */
  const emit = (to) => {
    while (pos < to) {
      if (!stack.length && pos - chunkStart >= CHUNK) {
        // After a line break; in a huge single line (text pasted without its line breaks), after
        // a 。 instead, so that such a text still gets blocks that can skip layout.
        let cut = text.indexOf("\n", pos);
        if (cut < 0 || cut - chunkStart > 3 * CHUNK) {
          const stop = text.indexOf("。", pos);
          if (stop >= 0 && (cut < 0 || stop < cut)) cut = stop;
        }
        if (cut >= 0 && cut < to) {
          put(chunk, text.slice(pos, cut + 1));
          pos = cut + 1;
          newChunk(pos);
          continue;
        }
      }
      put(parent(), text.slice(pos, to));
      pos = to;
    }
  };
  const close = (upTo) => {
    while (stack.length && stack[stack.length - 1].e <= upTo) {
      emit(stack[stack.length - 1].e);
      stack.pop();
    }
  };
  let shown = false;
  /** Puts the first screen in the view and lets the browser show it. */
  const showFirstScreen = async () => {
    shown = true;
    hideTooltip();
    if (!current || current.text !== text) table.limit = 200;
    if (text) view.replaceChildren(head);
    else view.replaceChildren(); // empty: the view shows its placeholder
    current = { text, result: r, marks, all, lineStarts: null }; // line starts: for exports only
    renderLegend(r);
    performance.mark("zhibiao:shown");
    await afterNextFrame();
    shownAt = performance.now();
    return generation === renderGeneration;
  };
  let skipped = 0;
  let sliceStart = performance.now();
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    close(sp.s);
    if (stack.length && sp.e > stack[stack.length - 1].e) {
      skipped++; // crosses the end of an enclosing highlight: cannot nest
      continue;
    }
    if (sp.s < pos) {
      skipped++; // starts inside text already emitted (overlaps a sibling)
      continue;
    }
    emit(sp.s);
    const el = makeMark(sp, r);
    parent().appendChild(el);
    stack.push({ e: sp.e, el });
    marks[sp.kind][sp.i] = el;
    all.push(el);
    if (!shown && target === tail) {
      if (!(await showFirstScreen())) return false;
      sliceStart = performance.now();
    } else if ((k & 511) === 511 && performance.now() - sliceStart > SLICE_MS) {
      if (shown) view.appendChild(tail);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (generation !== renderGeneration) return false;
      sliceStart = performance.now();
    }
  }
  close(Infinity);
  emit(text.length);
  if (skipped) console.warn(`zhibiao: ${skipped} overlapping highlights not shown`);
  if (!shown && !(await showFirstScreen())) return false;
  view.appendChild(tail);
  renderOutline(r);
  return true;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineOf(offset) {
  const s = (current.lineStarts ||= lineStarts(current.text));
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(lo, 1);
}

// ---- legend ---------------------------------------------------------------------------------
function renderLegend(r) {
  const ul = $("legend");
  const items = LEGEND.map((entry) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = "chip";
    b.dataset.key = entry.key;
    b.title = `${entry.title}（点击显示/隐藏）`;
    b.setAttribute("aria-pressed", String(!hidden.has(entry.key)));
    const sw = document.createElement("span");
    sw.className = "swatch";
    sw.dataset.key = entry.key;
    const label = document.createElement("span");
    label.textContent = entry.label;
    const n = document.createElement("span");
    n.className = "n";
    n.textContent = numberFormat.format(entry.count(r));
    b.append(sw, label, n);
    b.addEventListener("click", () => toggle(entry.key));
    li.append(b);
    return li;
  });
  ul.replaceChildren(...items);
}

function toggle(key) {
  if (hidden.has(key)) hidden.delete(key);
  else hidden.add(key);
  try {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify([...hidden]));
  } catch {
    /* the choice just won't survive a reload */
  }
  view.classList.toggle(`off-${key}`, hidden.has(key));
  const b = document.querySelector(`.chip[data-key="${key}"]`);
  if (b) b.setAttribute("aria-pressed", String(!hidden.has(key)));
}

function isShown(mark) {
  const k = mark.dataset.kind;
  return k === "indicator" ? !hidden.has(mark.dataset.sub) : !hidden.has(k);
}

// ---- tooltip --------------------------------------------------------------------------------
function fmt(v) {
  return v === null || v === undefined ? "" : numberFormat.format(v);
}

/** Titles of the headings enclosing indicator `x`, outermost first (from `heading` and the parents). */
function sectionOf(x) {
  const hs = current ? current.result.headings : [];
  const path = [];
  for (let h = x.heading; h !== null && h !== undefined && hs[h] && path.length < hs.length; h = hs[h].parent) path.push(hs[h].title);
  return path.reverse();
}

function describe(mark) {
  const r = current && current.result;
  if (!r) return null;
  const i = Number(mark.dataset.i);
  const rows = [];
  const row = (k, v) => v !== null && v !== undefined && v !== "" && rows.push([k, String(v)]);
  switch (mark.dataset.kind) {
    case "indicator": {
      const x = r.indicators[i];
      row("类型", KIND_LABEL[x.kind] || x.kind);
      row("数值", x.value === null ? "（无法精确表示）" : fmt(x.value) + (x.valueMax !== undefined ? ` – ${fmt(x.valueMax)}` : ""));
      row("单位", x.unit);
      row("约数", x.approx);
      if (x.change) row("变化", `${x.change.direction === "up" ? "↑ 增加" : "↓ 减少"}（${x.change.basis}）`);
      row("指标", x.metric ? x.metric + (x.metricId ? `  [${x.metricId}]` : "") : null);
      row("章节", sectionOf(x).join(" › "));
      break;
    }
    case "heading": {
      const h = r.headings[i];
      row("标题", `第 ${h.level} 级 · ${h.marker}`);
      row("行", h.line);
      break;
    }
    case "list": {
      const l = r.lists[i];
      row("列举", `第 ${l.number} 项（${l.marker}）`);
      row("行", l.line);
      break;
    }
    case "citation":
      row("引用", CITATION_LABEL[r.citations[i].class] || r.citations[i].class);
      break;
    case "date":
      row("日期", r.dates[i].iso);
      break;
    default:
      return null;
  }
  return rows;
}

function showTooltip(mark) {
  const rows = describe(mark);
  if (!rows || !rows.length || !isShown(mark)) return hideTooltip();
  const dl = document.createElement("dl");
  for (const [k, v] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    dl.append(dt, dd);
  }
  const head = document.createElement("div");
  head.className = "tt-text";
  head.textContent = mark.textContent.length > 60 ? mark.textContent.slice(0, 60) + "…" : mark.textContent;
  tooltip.replaceChildren(head, dl);
  tooltip.hidden = false;
  const rect = mark.getBoundingClientRect();
  const tw = tooltip.offsetWidth;
  const th = tooltip.offsetHeight;
  let left = Math.min(Math.max(8, rect.left), window.innerWidth - tw - 8);
  let top = rect.bottom + 6;
  if (top + th > window.innerHeight - 8) top = Math.max(8, rect.top - th - 6);
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
  mark.setAttribute("aria-describedby", "tooltip");
}

function hideTooltip() {
  tooltip.hidden = true;
}

view.addEventListener("mouseover", (e) => {
  const m = e.target.closest("mark");
  if (m && view.contains(m)) showTooltip(m);
});
view.addEventListener("mouseout", (e) => {
  if (e.target.closest("mark") && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest("mark"))) {
    if (document.activeElement && document.activeElement.tagName === "MARK") showTooltip(document.activeElement);
    else hideTooltip();
  }
});
view.addEventListener("focusin", (e) => {
  if (e.target.tagName === "MARK") showTooltip(e.target);
});
view.addEventListener("focusout", () => hideTooltip());
// Scrolling hides the details, except those of the focused highlight while it stays in view:
// walking the highlights by keyboard scrolls the view to each (`focusMark`).
view.addEventListener(
  "scroll",
  () => {
    const m = document.activeElement;
    if (m && m.tagName === "MARK" && view.contains(m)) {
      const r = m.getBoundingClientRect();
      const v = view.getBoundingClientRect();
      if (r.bottom > v.top && r.top < v.bottom) return showTooltip(m);
    }
    hideTooltip();
  },
  { passive: true },
);

// Keyboard: ↓/J and ↑/K move between the visible highlights; Esc goes back to the view.
view.addEventListener("keydown", (e) => {
  if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
  const forward = e.key === "ArrowDown" || e.key === "j";
  const backward = e.key === "ArrowUp" || e.key === "k";
  if (e.key === "Escape") {
    hideTooltip();
    view.focus();
    return;
  }
  if (!forward && !backward) return;
  e.preventDefault();
  const all = current.all;
  const at = document.activeElement && document.activeElement.tagName === "MARK" ? all.indexOf(document.activeElement) : -1;
  for (let k = at + (forward ? 1 : -1); k >= 0 && k < all.length; k += forward ? 1 : -1) {
    if (isShown(all[k])) return focusMark(all[k]);
  }
});

/** Focuses a highlight, scrolled to the upper third of the view; `flash` draws the eye after a
 * jump from the outline or the table. */
function focusMark(mark, flash = false) {
  mark.tabIndex = -1;
  scrollToRect(() => mark.getBoundingClientRect());
  mark.focus({ preventScroll: true });
  if (flash) {
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  }
  showTooltip(mark);
}

/** Scrolls the view so that the rectangle is in its middle, and the view into the window. */
function scrollToRect(getRect) {
  view.scrollIntoView({ block: "nearest" });
  const vr = view.getBoundingClientRect();
  const rr = getRect();
  view.scrollTop += rr.top - vr.top - vr.height / 3;
}

/** Selects text [start, end) of the view (for evidence that has no highlight of its own). */
function jumpToRange(start, end) {
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let startNode = null;
  let startOff = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (!startNode && start < offset + len) {
      startNode = n;
      startOff = start - offset;
    }
    if (startNode && end <= offset + len) {
      const range = document.createRange();
      range.setStart(startNode, startOff);
      range.setEnd(n, end - offset);
      scrollToRect(() => range.getBoundingClientRect());
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      view.focus({ preventScroll: true });
      return;
    }
    offset += len;
  }
}

/** One tab stop for a long list of buttons: ↑/↓ (and Home/End) move between them. */
function roving(container, selector) {
  container.addEventListener("keydown", (e) => {
    const keys = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    if (!(e.key in keys) || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = [...container.querySelectorAll(selector)];
    const at = items.indexOf(document.activeElement);
    if (at < 0) return;
    e.preventDefault();
    const step = keys[e.key];
    const next = Number.isFinite(step) ? Math.min(Math.max(at + step, 0), items.length - 1) : step < 0 ? 0 : items.length - 1;
    items[at].tabIndex = -1;
    items[next].tabIndex = 0;
    items[next].focus();
  });
}

/** Leaves only the first of the buttons in the tab order (see `roving`). */
function oneTabStop(container, selector) {
  container.querySelectorAll(selector).forEach((b, k) => (b.tabIndex = k === 0 ? 0 : -1));
}

// ---- outline, parts, deadline -----------------------------------------------------------------
function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function renderOutline(r) {
  const nav = $("outline");
  const info = $("doc-info");
  info.replaceChildren();
  const infoRow = (k, v) => {
    const p = document.createElement("p");
    const b = document.createElement("b");
    b.textContent = `${k}：`;
    p.append(b, v);
    info.append(p);
  };
  if (r.title) infoRow("标题", r.title);
  if (r.reportYear) infoRow("报告年度", `${r.reportYear} 年`);
  if (r.signature && (r.signature.issuer || r.signature.date)) infoRow("落款", [r.signature.issuer, r.signature.date].filter(Boolean).join("  "));
  const meta = r.metadata ? r.metadata.fields.filter((f) => f.value && ["发布机构", "生成日期", "发布日期", "文号"].includes(f.key)) : [];
  for (const f of meta) infoRow(f.key, f.value);

  if (!r.headings.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = current.text ? "未识别到标题层级。" : "尚无标题层级。";
    nav.replaceChildren(p);
  } else {
    const build = (indices) => {
      const ol = document.createElement("ol");
      for (const i of indices) {
        const h = r.headings[i];
        const li = document.createElement("li");
        li.append(button(`${h.marker}${h.title}`, () => current.marks.heading[i] && focusMark(current.marks.heading[i], true)));
        const kids = (h.children || []).filter((c) => c > i && c < r.headings.length);
        if (kids.length) li.append(build(kids));
        ol.append(li);
      }
      return ol;
    };
    // Top-level entries in groups of 50, each group one `content-visibility: auto` block: groups
    // off-screen skip layout, and there are few enough of them to be replaced quickly.
    const roots = r.headings.map((h, i) => (h.parent === null ? i : -1)).filter((i) => i >= 0);
    const groups = [];
    for (let k = 0; k < roots.length; k += 50) groups.push(build(roots.slice(k, k + 50)));
    groups[0].className = "near"; // on screen: rendered at once (see `newChunk` in `render`)
    nav.replaceChildren(...groups);
    oneTabStop(nav, "button");
  }

  const parts = $("parts");
  parts.replaceChildren(
    ...r.parts.map((p) => {
      const li = document.createElement("li");
      li.dataset.status = p.status;
      const [icon, label] = PART_STATUS[p.status] || ["?", p.status];
      const ic = document.createElement("span");
      ic.className = "icon";
      ic.setAttribute("aria-hidden", "true");
      ic.textContent = icon;
      const name = p.start !== null && p.end !== null ? button(p.name, () => jumpToRange(p.start, p.end)) : document.createTextNode(p.name);
      const st = document.createElement("span");
      st.className = "st";
      st.textContent = label;
      li.append(ic, name, st);
      return li;
    }),
  );
  if (!r.parts.length) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = current.text ? "未检查（未识别到报告结构）。" : "粘贴报告后显示。";
    parts.append(li);
  }

  const dl = $("deadline");
  dl.replaceChildren();
  if (r.deadline) {
    const d = r.deadline;
    const late = d.status === "late";
    dl.dataset.status = d.status;
    const p = document.createElement("p");
    p.textContent = `公开时限：${late ? "✗ 逾期" : "✓ 按时"}。${d.source === "signature" ? "落款日期" : "网页生成日期"} ${d.date}，应于 ${d.due} 前公开（每年4月1日前）。`;
    dl.append(p);
  }
  const w = $("warnings");
  w.replaceChildren(
    ...r.warnings.map((x) => {
      const p = document.createElement("p");
      p.append(button(`第 ${x.line} 行：${x.message}`, () => jumpToRange(x.start, x.end)));
      return p;
    }),
  );
}

// ---- the indicator table ----------------------------------------------------------------------
const COLUMNS = {
  text: (x) => x.text,
  metric: (x) => x.metric || "",
  value: (x) => x.value,
  unit: (x) => x.unit || "",
  approx: (x) => x.approx || "",
  change: (x) => (x.change ? `${x.change.direction === "up" ? "↑" : "↓"} ${x.change.basis}` : ""),
  section: (x) => sectionOf(x).join(" › "),
};

function tableRows() {
  if (!current) return [];
  const xs = current.result.indicators.map((x, i) => ({ x, i }));
  const f = table.filter.trim().toLowerCase();
  let rows = f
    ? xs.filter(({ x }) =>
        [x.text, x.metric, x.unit, x.approx, fmt(x.value), String(x.value), COLUMNS.change(x), COLUMNS.section(x)]
          .join("\t")
          .toLowerCase()
          .includes(f),
      )
    : xs;
  if (table.col) {
    const key = COLUMNS[table.col];
    const dir = table.dir;
    rows = rows.slice().sort((a, b) => {
      const va = key(a.x);
      const vb = key(b.x);
      const ea = va === null || va === "";
      const eb = vb === null || vb === "";
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1; // empty cells last
      const c = typeof va === "number" ? va - vb : collator.compare(va, vb);
      return c * dir || a.i - b.i;
    });
  }
  return rows;
}

const ROWS_PER_FRAME = 50;
let tableFill = 0;

/** Fills the table. `progressive` (after a paste) puts ROWS_PER_FRAME rows in per frame: 200 rows
 * at once make a frame of tens of ms. Resolves once every row is in, or a newer fill took over. */
async function renderTable(progressive = false) {
  const fill = ++tableFill;
  const rows = tableRows();
  const tbody = $("table").tBodies[0];
  const shown = rows.slice(0, table.limit);
  const row = ({ x, i }) => {
    const tr = document.createElement("tr");
    tr.dataset.i = i;
    const cells = [
      button(x.text, () => jumpToIndicator(i)),
      x.metric || "",
      x.value === null ? "" : fmt(x.value) + (x.valueMax !== undefined ? `–${fmt(x.valueMax)}` : ""),
      x.unit || "",
      x.approx || "",
      COLUMNS.change(x),
      COLUMNS.section(x),
    ];
    cells.forEach((c, k) => {
      const td = document.createElement("td");
      if (k === 2) td.className = "num";
      td.append(c);
      tr.appendChild(td);
    });
    return tr;
  };
  const step = progressive ? ROWS_PER_FRAME : Infinity;
  tbody.replaceChildren(...shown.slice(0, step).map(row));
  oneTabStop(tbody, "button");
  const total = current ? current.result.indicators.length : 0;
  $("table-count").textContent = total ? (rows.length === total ? `（${total} 个）` : `（筛选出 ${rows.length} / ${total} 个）`) : "";
  const more = $("table-more");
  if (rows.length > shown.length) {
    more.hidden = false;
    more.replaceChildren(
      `仅显示前 ${shown.length} 行；复制与下载包含全部 ${rows.length} 行。`,
      button("显示全部", () => {
        table.limit = Infinity;
        renderTable();
      }),
    );
  } else more.hidden = true;
  for (const th of document.querySelectorAll("#table th")) {
    th.setAttribute("aria-sort", th.dataset.col === table.col ? (table.dir > 0 ? "ascending" : "descending") : "none");
  }
  for (let k = step; k < shown.length; k += step) {
    await afterNextFrame();
    if (fill !== tableFill) return;
    tbody.append(...shown.slice(k, k + step).map(row));
    oneTabStop(tbody, "button");
  }
}

function jumpToIndicator(i) {
  const m = current && current.marks.indicator[i];
  if (!m) return;
  if (hidden.has(m.dataset.sub)) toggle(m.dataset.sub);
  focusMark(m, true);
}

roving($("outline"), "button");
roving($("table").tBodies[0], "button");
$("table").tBodies[0].addEventListener("click", (e) => {
  const tr = e.target.closest("tr");
  if (tr && !e.target.closest("button")) jumpToIndicator(Number(tr.dataset.i));
});
for (const th of document.querySelectorAll("#table th")) {
  th.querySelector("button").addEventListener("click", () => {
    if (table.col === th.dataset.col) table.dir = -table.dir;
    else {
      table.col = th.dataset.col;
      table.dir = 1;
    }
    renderTable();
  });
}
let filterTimer = 0;
$("filter").addEventListener("input", (e) => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    table.filter = e.target.value;
    renderTable();
  }, 120);
});

// ---- export -------------------------------------------------------------------------------------
const num = (v) => (v === null || v === undefined ? "" : String(v));

function tsv() {
  const clean = (s) => String(s).replace(/[\t\r\n]+/g, " ");
  const head = ["原文", "指标名", "指标编号", "数值", "上限", "单位", "类型", "约数", "变化", "比较基准", "所在章节", "行"];
  const lines = tableRows().map(({ x }) =>
    [x.text, x.metric || "", x.metricId || "", num(x.value), num(x.valueMax), x.unit || "", KIND_LABEL[x.kind] || x.kind, x.approx || "",
      x.change ? (x.change.direction === "up" ? "增加" : "减少") : "", x.change ? x.change.basis : "", sectionOf(x).join(" › "), lineOf(x.start)]
      .map(clean)
      .join("\t"),
  );
  return [head.join("\t"), ...lines].join("\r\n") + "\r\n";
}

/** The CLI's CSV (`zhibiao extract --format csv`), same columns, UTF-8 with BOM. */
function csv() {
  const field = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = "file,start,end,line,text,value,value_max,unit,kind,approx,change,metric,metric_id,section";
  const file = fileName("").replace(/\.$/, "") || "input";
  const lines = tableRows().map(({ x }) =>
    [file, String(x.start), String(x.end), String(lineOf(x.start)), x.text, num(x.value), num(x.valueMax), x.unit || "", x.kind, x.approx || "",
      x.change ? `${x.change.direction} ${x.change.basis}` : "", x.metric || "", x.metricId || "", sectionOf(x).join(" > ")]
      .map(field)
      .join(","),
  );
  return "\ufeff" + [head, ...lines].join("\n") + "\n";
}

function fileName(ext) {
  const title = current && current.result.title;
  const base = (title || "zhibiao").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return `${base}.${ext}`;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$("copy-tsv").addEventListener("click", async () => {
  const text = tsv();
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  setStatus(`已复制 ${text.split("\r\n").length - 2} 行，可直接粘贴到 Excel 或 WPS。`);
});
$("download-csv").addEventListener("click", () => download(fileName("csv"), "text/csv;charset=utf-8", csv()));
$("download-json").addEventListener("click", () =>
  download(fileName("json"), "application/json", JSON.stringify(current ? current.result : {}, null, 2)),
);

// ---- start ----------------------------------------------------------------------------------
let saved = null;
try {
  saved = localStorage.getItem(STORE_KEY);
  for (const key of JSON.parse(localStorage.getItem(HIDDEN_KEY) || "[]")) {
    if (LEGEND.some((l) => l.key === key)) {
      hidden.add(key);
      view.classList.add(`off-${key}`);
    }
  }
} catch {
  saved = null;
}
if (saved) setText(saved);
else run();

// Offline: the service worker caches the shell and the wasm under the build's id, so a new build
// (new id → new worker script URL) replaces the old cache.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  fetch("pkg/build.json", { cache: "no-store" })
    .then((r) => r.json())
    .then((b) => navigator.serviceWorker.register(`sw.js?build=${encodeURIComponent(b.build)}`))
    .catch(() => {});
  // A new build took over: this page still runs the old code until it is reloaded.
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) setStatus("已有新版本，刷新页面即可使用。");
  });
}
