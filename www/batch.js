// The 批量 mode: many .txt files (picked or dropped; hundreds) → one table, one row per report and
// one column per canonical metric found in any of them, sortable by any column, exported as
// CSV/TSV (the formula-safe writer of report.js) or JSON. The files are read and decoded here
// (asynchronously, a file at a time) and analysed in the Worker (worker-client.js `table`), which
// reports its progress; the page only shows the
// progress bar and, at the end, shows the rows in sight only, so it never freezes. A
// row's file name opens that report in the 标注 mode. Columns and sorting: compare-model.js.
//
// The table is a grid of blocks with ARIA table roles, and only the rows in sight are in the
// DOM: 300 rows of 60+ columns as a <table>, added 25 rows a frame, made frames of 100–350 ms
// (every frame laid out and painted the whole table again; measured with bench/modes.mjs), and
// as grid rows with `content-visibility: auto` still 100–300 ms (layout, and a composited layer
// per sticky first cell). A window of ~40 rows costs the same for 30 or 3,000 reports.
import { button, oneTabStop } from "./dom.js";
import { el } from "./el.js";
import { copyText, download } from "./export.js";
import { batchColumns, exportBatch, progressText, sortBatch } from "./compare-model.js";
import { decodeText, fmt } from "./report.js";

/**
 * Builds the mode into `root` (an empty section). `core` is worker-client.js's `extract` (its
 * `table`), `openReport(file)` opens one file in the 标注 mode. Returns { drop(files), focus() }.
 */
export function createBatch(root, { core, openReport }) {
  const state = { files: [], rows: [], fileOf: new Map(), columns: [], metricColumns: [], sort: { key: null, dir: 1 } };
  const picker = el("input", {
    type: "file",
    accept: ".txt,text/plain",
    multiple: true,
    className: "visually-hidden",
    id: "batch-files",
    onchange: (e) => {
      const files = [...(e.target.files || [])];
      e.target.value = "";
      if (files.length) drop(files);
    },
  });
  const pickLabel = el("label", { className: "button" }, "选择多个 .txt 文件", picker);
  const progress = el("progress", { className: "batch-progress", max: 1, value: 0, hidden: true, aria: { label: "分析进度" } });
  const status = el("span", { className: "status", role: "status", aria: { live: "polite" } });
  const count = el("span", { className: "count" });
  const thead = el("div", { role: "rowgroup", className: "bt-head" });
  const tbody = el("div", { role: "rowgroup", className: "bt-body" });
  const table = el("div", { role: "table", className: "batch-table", aria: { labelledby: "batch-table-h", rowcount: 0 } }, thead, tbody);
  const exportBar = el(
    "span",
    { className: "batch-export" },
    button("复制（粘贴到 Excel/WPS）", async () => {
      if (!state.rows.length) return;
      const text = exportBatch("tsv", shownRows(), state.columns);
      await copyText(text);
      setStatus(`已复制 ${text.split("\r\n").length - 2} 行，可直接粘贴到 Excel 或 WPS。`);
    }),
    button("下载 CSV", () => state.rows.length && download("批量指标表.csv", "text/csv;charset=utf-8", exportBatch("csv", shownRows(), state.columns))),
    button("下载 JSON", () => state.rows.length && download("批量指标表.json", "application/json", JSON.stringify({ columns: state.metricColumns, rows: shownRows() }, null, 2))),
  );
  const wrap = el("div", { className: "table-wrap batch-wrap" }, table);
  const results = el(
    "div",
    { className: "batch-results", hidden: true },
    el("div", { className: "toolbar" }, el("h3", { id: "batch-table-h" }, "指标总表 ", count), exportBar),
    wrap,
  );
  root.append(
    el("h2", { id: "batch-h" }, "批量：多份报告一张表"),
    el(
      "p",
      { className: "hint" },
      "选择或拖入多个 .txt 文件（可以数百份）：每份报告一行，每个指标一列（同一指标有多个数值时取第一个，并注明个数）。点列标题排序，点文件名在“标注”中打开该报告。文件只在本机读取，不会上传。",
    ),
    el("div", { className: "toolbar" }, pickLabel, button("清空", clear), progress, status),
    results,
  );

  function setStatus(message, isError = false) {
    status.textContent = message;
    status.classList.toggle("error", isError);
  }

  /** The rows in the table's order. */
  const shownRows = () => sortBatch(state.rows, state.columns.find((c) => c.key === state.sort.key), state.sort.dir);

  /** Analyses `files` (replacing the table): in the Worker, with the progress shown. */
  async function drop(files) {
    const list = [...files];
    state.files = list;
    root.dataset.state = "busy";
    progress.hidden = false;
    progress.max = list.length;
    progress.value = 0;
    setStatus(progressText(0, list.length));
    const t0 = performance.now();
    const texts = await decodeAll(list);
    if (state.files !== list) return; // a newer batch took over while reading
    let reply;
    try {
      reply = await core.table(texts, (done, total) => {
        progress.value = done;
        setStatus(progressText(done, total));
      });
    } catch (e) {
      progress.hidden = true;
      root.dataset.state = "done";
      return setStatus(`分析失败：${e.message}`, true);
    }
    if (!reply) return; // a newer batch took over
    progress.hidden = true;
    state.rows = reply.result.rows;
    state.fileOf = new Map(state.rows.map((r, k) => [r, list[k]]));
    state.metricColumns = reply.result.columns.filter((c) => state.rows.some((r) => (r.metrics || []).some((m) => m.metricId === c.metricId)));
    state.columns = batchColumns(state.rows, reply.result.columns);
    state.sort = { key: null, dir: 1 };
    const bad = state.rows.filter((r) => r.error).length;
    const metrics = state.columns.filter((c) => c.metricId).length;
    count.textContent = `（${state.rows.length} 份报告 · ${metrics} 个指标列${bad ? ` · ${bad} 份无法读取` : ""}）`;
    const time = (ms) => (ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`);
    setStatus(`${fmt(list.length)} 份报告 · 分析 ${time(reply.ms)}（共 ${time(performance.now() - t0)}）`);
    results.hidden = false;
    renderHead();
    renderBody();
    root.dataset.state = "done";
  }

  /** The files' texts, [{ name, text }] or [{ name, error }] (report.js `decodeText`, as the 标注
   * mode opens a file), read one after another: each read is asynchronous, and the decoding of a
   * 10,000-character file takes well under a millisecond, so the page stays responsive. */
  async function decodeAll(list) {
    const out = [];
    for (const f of list) {
      try {
        const { text, note } = decodeText(new Uint8Array(await f.arrayBuffer()));
        out.push(text === null ? { name: f.name, error: note } : { name: f.name, text });
      } catch (e) {
        out.push({ name: f.name, error: `无法读取（${e.message}）` });
      }
      if (state.files !== list) break;
    }
    return out;
  }

  function clear() {
    core.cancelTable();
    state.files = null;
    state.rows = [];
    state.columns = [];
    order = [];
    progress.hidden = true;
    results.hidden = true;
    tbody.replaceChildren();
    setStatus("");
    root.dataset.state = "done";
  }

  /** Column widths, in rem: the same for every row (the grid's columns). */
  const WIDTH = { file: 13, title: 14, issuer: 9, reportYear: 4, genre: 11, published: 6.5, deadline: 3.5, parts: 6.5, figures: 4.5 };
  const widthOf = (c) =>
    c.metricId ? Math.min(10, Math.max(6, c.head.length * 0.95 + 1.4)) : c.key === "file" && innerWidth < 640 ? 8.5 : WIDTH[c.key] || 8; // a phone: the sticky file column leaves room for figures

  function renderHead() {
    const widths = state.columns.map(widthOf);
    // CSSOM, which the page's CSP (style-src 'self', no inline style attributes) allows.
    table.style.setProperty("--bt-cols", widths.map((w) => `${w}rem`).join(" "));
    table.style.width = `${widths.reduce((a, b) => a + b, 0) + 1}rem`;
    table.setAttribute("aria-rowcount", String(state.rows.length + 1));
    table.setAttribute("aria-colcount", String(state.columns.length));
    thead.replaceChildren(
      el(
        "div",
        { role: "row", className: "bt-row" },
        ...state.columns.map((c) =>
          el(
            "div",
            {
              role: "columnheader",
              className: [c.num ? "num" : "", c.metricId ? "metric" : `f-${c.key}`].join(" ").trim(),
              title: c.title || null,
              aria: { sort: c.key === state.sort.key ? (state.sort.dir > 0 ? "ascending" : "descending") : "none" },
            },
            button(c.head, () => sortBy(c.key)),
          ),
        ),
      ),
    );
  }

  function sortBy(key) {
    state.sort = state.sort.key === key ? { key, dir: -state.sort.dir } : { key, dir: 1 };
    renderHead();
    thead.querySelector(`[aria-sort="${state.sort.dir > 0 ? "ascending" : "descending"}"] button`).focus();
    renderBody();
  }

  /** Row k (`r`) with the cells of columns `cols` (indices; the file name's, 0, always). */
  function row(r, k, cols) {
    const tr = el("div", { role: "row", className: "bt-row", aria: { rowindex: k + 2 }, dataset: { k } });
    for (const j of cols) {
      const c = state.columns[j];
      const td = el("div", { role: "cell", className: c.num ? "num" : "", aria: { colindex: j + 1 } });
      td.style.gridColumn = String(j + 1); // CSSOM (the CSP allows it): the cells skipped leave a gap
      if (c.key === "title" || c.key === "issuer") td.title = c.text(r);
      if (c.key === "file") {
        const f = state.fileOf.get(r);
        if (r.error) td.append(el("span", { className: "error", title: r.error }, `${r.file}（无法读取：${r.error}）`));
        else td.append(f ? button(r.file, () => openReport(f)) : r.file);
        td.title = r.file;
      } else td.textContent = c.text(r);
      tr.append(td);
    }
    return tr;
  }

  // Only the rows in sight (and OVERSCAN more either side) are in the DOM, between two spacers
  // that stand for the others: rows have one fixed height (one line each, CSS), so row k is at
  // k × height. Of a row, only the cells of the columns in sight (and a few more) are made: the
  // others are gaps in the row's grid. Scrolling re-renders the window, in the frame; so do
  // sorting and the keyboard.
  const OVERSCAN = 5;
  const ROW_REM = 2.1; // modes.css: .bt-body .bt-row { height: 2.1rem }
  const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const before = el("div", { className: "bt-spacer", aria: { hidden: "true" } });
  const after = el("div", { className: "bt-spacer", aria: { hidden: "true" } });
  let order = []; // the rows in the table's order
  let windowAt = "";

  function renderBody() {
    order = shownRows();
    wrap.scrollTop = 0;
    windowAt = "";
    renderWindow(true);
  }

  /** The indices of the columns between `left` and `right` px (and two more either side), the
   * file name's first. */
  function columnsIn(left, right) {
    const unit = rem();
    const cols = [0];
    let x = 0;
    state.columns.forEach((c, j) => {
      const w = widthOf(c) * unit;
      if (j > 0 && x + w >= left - 2 * 8 * unit && x <= right + 2 * 8 * unit) cols.push(j);
      x += w;
    });
    return cols;
  }

  /** Puts the rows around the scroll position into the DOM (unless they are there already). */
  function renderWindow(force = false) {
    if (!order.length) return void tbody.replaceChildren();
    // Sizes from the CSS (row 2.1rem, box-sizing: border-box; the view 75vh), not measured: a
    // measure would lay the page out in the middle of the task. At the top (a new table, a new
    // sort) the header's height and the view's are not read either, for the same reason.
    const height = ROW_REM * rem();
    const atTop = wrap.scrollTop === 0;
    const atLeft = wrap.scrollLeft === 0;
    const top = atTop ? 0 : Math.max(0, wrap.scrollTop - thead.offsetHeight);
    const first = Math.max(0, Math.floor(top / height) - OVERSCAN);
    const count = Math.ceil((atTop ? 0.75 * innerHeight : wrap.clientHeight) / height) + 2 * OVERSCAN;
    const left = atLeft ? 0 : wrap.scrollLeft;
    const cols = columnsIn(left, left + (atLeft && atTop ? innerWidth : wrap.clientWidth));
    const key = `${first} ${cols[1]} ${cols.at(-1)}`;
    if (!force && key === windowAt) return;
    windowAt = key;
    const last = Math.min(order.length, first + count);
    const focusedRow = tbody.contains(document.activeElement) ? Number(document.activeElement.closest("[data-k]")?.dataset.k) : -1;
    before.style.height = `${first * height}px`;
    after.style.height = `${(order.length - last) * height}px`;
    const rows = [];
    for (let k = first; k < last; k++) rows.push(row(order[k], k, cols));
    tbody.replaceChildren(before, ...rows, after);
    oneTabStop(tbody, "button");
    if (focusedRow >= first && focusedRow < last) focusRow(focusedRow);
  }

  function focusRow(k) {
    const b = tbody.querySelector(`[data-k="${k}"] button`) || tbody.querySelector(`[data-k="${k}"] [role=cell]`);
    if (!b) return;
    tbody.querySelectorAll("button").forEach((x) => (x.tabIndex = -1));
    b.tabIndex = 0;
    b.focus({ preventScroll: true });
  }

  /** ↑/↓, PageUp/PageDown, Home/End between the rows' file buttons: the row scrolled into sight,
   * rendered, focused. */
  tbody.addEventListener("keydown", (e) => {
    const from = Number(document.activeElement.closest("[data-k]")?.dataset.k);
    const height = ROW_REM * rem();
    const page = Math.max(1, Math.floor(wrap.clientHeight / height) - 2);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined || Number.isNaN(from) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const to = Math.min(order.length - 1, Math.max(0, from + step));
    const y = thead.offsetHeight + to * height;
    if (y < wrap.scrollTop + thead.offsetHeight) wrap.scrollTop = y - thead.offsetHeight;
    else if (y + height > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = y + height - wrap.clientHeight;
    renderWindow();
    focusRow(to);
  });
  let scrollQueued = false;
  wrap.addEventListener(
    "scroll",
    () => {
      if (scrollQueued) return;
      scrollQueued = true;
      requestAnimationFrame(() => {
        scrollQueued = false;
        renderWindow();
      });
    },
    { passive: true },
  );

  return { drop, focus: () => picker.focus(), state };
}
