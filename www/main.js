// zhibiao page: paste a report, see its indicators and structure highlighted.
//
// This file only wires the page's modules together and runs an analysis from input to screen:
//   worker-client.js  the WebAssembly core in a Web Worker (worker.js), and its message protocol
//   view.js           the highlighted text; focusing and jumping to highlights; keyboard walk
//   tooltip.js        a highlight's details        legend.js   kinds shown/hidden, with counts
//   outline.js        document facts, outline, five parts, deadline, warnings
//   table.js          the indicator table          export.js   TSV copy, CSV and JSON downloads
//   storage.js        localStorage (text, hidden kinds)
//   report.js         pure functions of a text and its result (no DOM; tests/www/ tests them)
//   dom.js            small DOM helpers
// The page's state is the one object `state` below; the modules read and change it, nothing else
// is shared.
//
// After a paste, the first screen of the highlighted view is shown first (one frame with little
// to lay out); the rest of the view follows in slices that yield to the browser, inside blocks
// with `content-visibility: auto`, then the outline, then the table, a few rows per frame; so a
// 1 MB report neither freezes the page nor lays out at once. `node bench/browser.mjs` measures it.
import { $, afterNextFrame } from "./dom.js";
import { createExport } from "./export.js";
import { createLegend } from "./legend.js";
import { createOutline } from "./outline.js";
import { decodeText, summary } from "./report.js";
import { loadText, saveText } from "./storage.js";
import { createTable } from "./table.js";
import { createTooltip } from "./tooltip.js";
import { createView } from "./view.js";
import { startCore } from "./worker-client.js";

const input = $("input");
const statusEl = $("status");

const state = {
  /** The text shown and its result: { text, result, marks, all, lineOf } (see view.js); null
   * until the first analysis has been shown. */
  current: null,
  /** Bumped by every analysis: a render or table fill of an older one stops. */
  generation: 0,
  /** When the latest render's first screen had been painted (performance.now()). */
  shownAt: 0,
  /** Legend keys hidden in the view (legend.js; saved in storage). */
  hidden: new Set(),
  /** The indicator table's view: sort column and direction, filter, rows shown. */
  table: { col: null, dir: 1, filter: "", limit: 200 },
  /** Why the core cannot run, once it failed. */
  failed: null,
};

// ---- modules --------------------------------------------------------------------------------
const viewEl = $("view");
const tooltip = createTooltip($("tooltip"), viewEl, state);
const legend = createLegend($("legend"), viewEl, state);
const view = createView(viewEl, {
  state,
  tooltip,
  onShow(previous) {
    tooltip.hide();
    if (!previous || previous.text !== state.current.text) table.reset();
    legend.render(state.current.result);
  },
});
const outline = createOutline(
  { info: $("doc-info"), outline: $("outline"), parts: $("parts"), deadline: $("deadline"), warnings: $("warnings") },
  state,
  view,
);
const table = createTable({ table: $("table"), count: $("table-count"), more: $("table-more"), filter: $("filter") }, state, {
  jumpToIndicator(i) {
    const m = state.current && state.current.marks.indicator[i];
    if (!m) return;
    if (state.hidden.has(m.dataset.sub)) legend.toggle(m.dataset.sub);
    view.focusMark(m, true);
  },
});
createExport({ copyTsv: $("copy-tsv"), csv: $("download-csv"), json: $("download-json") }, state, { rows: table.rows, setStatus });
const extract = startCore({
  onReady: (version) => ($("version").textContent = `zhibiao ${version}`),
  onFail: fail,
});

function fail(message) {
  state.failed = message;
  setStatus(message, true);
  document.body.dataset.state = "error";
}

function setStatus(message, isError = false) {
  statusEl.textContent = message;
  statusEl.classList.toggle("error", isError);
}

// ---- analysis: input → worker → view, outline, table --------------------------------------------
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
  if (state.failed) return fail(state.failed);
  const generation = ++state.generation;
  performance.mark("zhibiao:run");
  const t0 = performance.now();
  const extracted = extract(text);
  setStatus(text.length > 100000 ? "正在分析……" : "");
  if (!saveText(text)) setStatus("文本太大，无法保存在本浏览器中（刷新后需重新粘贴）。", true);
  let reply;
  try {
    reply = await extracted;
  } catch (e) {
    return fail(`分析失败：${e.message}`);
  }
  if (generation !== state.generation) return; // a newer input superseded this one
  const t1 = performance.now();
  performance.mark("zhibiao:extracted");
  if (!(await view.render(text, reply.result, generation))) return;
  outline.render(reply.result);
  // The indicator table (below the view, 200 rows: more layout than the view's first screen)
  // waits for the frame that shows the rest of the view and the outline.
  await afterNextFrame();
  if (generation !== state.generation) return;
  await table.render(true);
  if (generation !== state.generation) return;
  const t2 = state.shownAt; // the first screen of highlights was on screen
  performance.mark("zhibiao:rendered");
  setStatus(summary(text.length, reply.result.indicators.length, t1 - t0, t2 - t1));
  document.body.dataset.state = "done";
  document.body.dataset.coreMs = String(Math.round(reply.ms)); // for bench/browser.mjs
}

function setText(text) {
  input.value = text;
  schedule(true);
}

// ---- where text comes from: the sample, a file (chosen or dropped), 清空 ---------------------------
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

async function openFile(file) {
  const { text, note } = decodeText(new Uint8Array(await file.arrayBuffer()));
  setText(text);
  if (note) setTimeout(() => setStatus(`${file.name}${note}`), 0);
}

const root = document.documentElement;
root.addEventListener("dragover", (e) => {
  if (![...e.dataTransfer.types].includes("Files")) return;
  e.preventDefault();
  $("drop-hint").hidden = false;
});
root.addEventListener("dragleave", (e) => {
  if (e.relatedTarget === null) $("drop-hint").hidden = true;
});
root.addEventListener("drop", (e) => {
  $("drop-hint").hidden = true;
  const f = e.dataTransfer.files && e.dataTransfer.files[0];
  if (!f) return;
  e.preventDefault();
  openFile(f);
});

// ---- start ----------------------------------------------------------------------------------
const saved = loadText();
if (saved) setText(saved);
else run();

// Offline: the service worker (sw.js) caches every shipped file, listed by the build in
// pkg/build.json, under the build's id, so a new build (new id → new worker script URL) replaces
// the old cache.
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
