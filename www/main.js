// zhibiao page: paste a report, see its indicators and structure highlighted.
//
// This file only wires the page's modules together and runs an analysis from input to screen:
//   worker-client.js  the WebAssembly core in a Web Worker (worker.js), and its message protocol
//   view.js           the highlighted text; focusing and jumping to highlights; keyboard walk
//   tooltip.js        a highlight's details        legend.js   kinds shown/hidden, with counts
//   outline.js        document facts, outline, five parts, deadline, warnings
//   checks.js         the 检查 panel: findings by group, each jumping to its highlighted spans
//   table.js          the indicator table          export.js   TSV copy, CSV and JSON downloads
//   storage.js        localStorage (text, hidden kinds)
//   notices.js        warnings that stay until dismissed   bookmarklet.js  text from a web page
//   report.js         pure functions of a text and its result (no DOM; tests/www/ tests them)
//   modes.js          the 对比 (compare.js) and 批量 (batch.js) modes beside this one, 标注
//   dom.js            small DOM helpers
// The page's state is the one object `state` below; the modules read and change it, nothing else
// is shared.
//
// After a paste, the first screen of the highlighted view is shown first (one frame with little
// to lay out); the rest of the view follows in slices that yield to the browser, inside blocks
// with `content-visibility: auto`, then the outline, then the table (virtualised: table.js); so a
// 1 MB report neither freezes the page nor lays out at once. `node bench/browser.mjs` measures it.
import { $, afterNextFrame } from "./dom.js";
import { bookmarkletHref, receiveSource } from "./bookmarklet.js";
import { createChecks } from "./checks.js";
import { createExport } from "./export.js";
import { createLegend } from "./legend.js";
import { createOutline } from "./outline.js";
import { createNotices } from "./notices.js";
import { decodeText, isWebUrl, isolated, summary } from "./report.js";
import { loadSource, loadText, saveSource, saveText } from "./storage.js";
import { createTable } from "./table.js";
import { createTooltip } from "./tooltip.js";
import { createView } from "./view.js";
import { createModes } from "./modes.js";
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
  /** The indicator table's view: sort column and direction, filter. */
  table: { col: null, dir: 1, filter: "" },
  /** Why the core cannot run, once it failed. */
  failed: null,
  /** The web page the text came from (bookmarklet.js): { url, title, date }, or null. */
  source: null,
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
  { info: $("doc-info"), outline: $("outline"), partsHeading: $("parts-h"), parts: $("parts"), deadline: $("deadline"), warnings: $("warnings") },
  state,
  view,
);
const checks = createChecks($("checks"), state, { ...view, view: viewEl });
const table = createTable({ table: $("table"), count: $("table-count"), filter: $("filter") }, state, {
  jumpToIndicator(i) {
    const m = state.current && state.current.marks.indicator[i];
    if (!m) return;
    if (state.hidden.has(m.dataset.sub)) legend.toggle(m.dataset.sub);
    view.focusMark(m, true);
  },
});
createExport({ copyTsv: $("copy-tsv"), csv: $("download-csv"), json: $("download-json") }, state, { rows: table.rows, setStatus });
const notices = createNotices($("notices"));
const extract = startCore({
  onReady(version) {
    $("version").textContent = `zhibiao ${version}`;
    registerServiceWorker();
  },
  onFail: fail,
});

// The 对比 and 批量 modes (modes.js); a file opened from the 批量 table comes to this mode.
const modes = createModes({ core: extract, openReport: (file) => openFile(file) });

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
input.addEventListener("input", (e) => {
  const pasted = /^insertFrom(Paste|Drop)$/.test(e.inputType || "");
  if (pasted) setSource(null); // a pasted text is not the web page's any more
  if (input.value) offerUndo(null);
  schedule(pasted);
});

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
  if (saveText(text)) notices.dismiss("storage");
  else notices.warn("storage", "文本太大，无法保存在本浏览器中：刷新或关闭页面后这段文本将不会恢复（之前保存的文本已删除）。请保留原文件。");
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
  checks.render(reply.result);
  // The indicator table (below the view) waits for the frame that shows the rest of the view
  // and the outline.
  await afterNextFrame();
  if (generation !== state.generation) return;
  table.render();
  if (generation !== state.generation) return;
  const t2 = state.shownAt; // the first screen of highlights was on screen
  performance.mark("zhibiao:rendered");
  setStatus(summary(text.length, reply.result.indicators.length, t1 - t0, t2 - t1) || (cleared ? "已清空。" : ""));
  document.body.dataset.state = "done";
  document.body.dataset.coreMs = String(Math.round(reply.ms)); // for bench/browser.mjs
}

/** Replaces the text (and forgets the web page it came from: `source` is the new one's). */
function setText(text, source = null) {
  input.value = text;
  setSource(source);
  if (text) offerUndo(null);
  schedule(true);
}

// ---- where text comes from: the sample, a file (chosen or dropped), a web page, 清空 -------------
$("sample").addEventListener("click", async () => {
  try {
    const r = await fetch("sample.txt");
    if (!r.ok) throw new Error(r.statusText);
    setText(await r.text());
  } catch (e) {
    notices.warn("sample", `无法载入示例：${e.message}`);
  }
});

// 清空 can be undone: the 撤销 button beside the status, or Ctrl+Z in the emptied text area (whose
// own undo history a programmatic change wipes), until new text comes in.
let cleared = null;
function offerUndo(what) {
  cleared = what;
  $("undo").hidden = !what;
}
function undoClear() {
  if (!cleared) return;
  const { text, source } = cleared;
  setText(text, source);
  input.focus();
  setStatus("已恢复清空前的文本。");
}
$("clear").addEventListener("click", () => {
  const before = input.value ? { text: input.value, source: state.source } : null;
  setText("");
  offerUndo(before);
  input.focus();
});
$("undo").addEventListener("click", undoClear);
input.addEventListener("keydown", (e) => {
  if (cleared && !input.value && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
    e.preventDefault();
    undoClear();
  }
});

$("file").addEventListener("change", (e) => {
  const f = e.target.files && e.target.files[0];
  if (f) openFile(f);
  e.target.value = "";
});

async function openFile(file) {
  const { text, note } = decodeText(new Uint8Array(await file.arrayBuffer()));
  if (text === null) return notices.warn("file", `${isolated(file.name)}：${note}当前文本未改变。`);
  notices.dismiss("file");
  setText(text);
  if (note) notices.warn("file", `${isolated(file.name)}${note}`);
}

// A web page's text, handed over by the bookmarklet (bookmarklet.js): offered on the page as a
// link to drag to the bookmarks bar, with zhibiao's own URL baked in.
const bookmarklet = $("bookmarklet");
bookmarklet.href = bookmarkletHref(location.origin + location.pathname);
bookmarklet.addEventListener("click", (e) => {
  e.preventDefault();
  setStatus("请把“导入到指标”拖到浏览器的书签栏，然后在政府网站的报告页面上点它。");
});
// A web page's paragraphs come with blank lines between them (innerText): one line end each.
receiveSource((source) => setText(source.text.replace(/\r\n?/g, "\n").replace(/\n(?:[ \t\u00a0\u3000]*\n)+/g, "\n"), source));

/** Shows where the text came from: the page's title and URL (a live link only for http(s)). */
function setSource(source) {
  state.source = source;
  saveSource(source);
  const el = $("source");
  el.hidden = !source;
  if (!source) return el.replaceChildren();
  const live = isWebUrl(source.url);
  const url = document.createElement(live ? "a" : "span");
  url.textContent = isolated(source.url);
  if (live) Object.assign(url, { href: source.url, target: "_blank", rel: "noopener noreferrer" });
  const title = source.title ? `${isolated(source.title)} ` : "";
  const date = source.date ? `（发布日期 ${source.date}）` : "（未找到发布日期）";
  el.replaceChildren("来源网页：", title, url, date);
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
  if (modes.drop(e)) return;
  const f = e.dataTransfer.files && e.dataTransfer.files[0];
  if (!f) return;
  e.preventDefault();
  openFile(f);
});

// ---- start ----------------------------------------------------------------------------------
const saved = loadText();
if (saved) setText(saved, loadSource());
else run();

// Offline: the service worker (sw.js) caches every shipped file, listed by the build in
// pkg/build.json, under the build's id, so a new build (new id → new worker script URL) replaces
// the old cache.
// It is registered once the core is loaded: its install then finds every file, the 350 KB wasm
// included, in the HTTP cache (see sw.js) instead of downloading it a second time.
function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  fetch("pkg/build.json", { cache: "no-store" })
    .then((r) => r.json())
    .then((b) => navigator.serviceWorker.register(`sw.js?build=${encodeURIComponent(b.build)}`))
    .catch(() => {});
}
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  // A new build took over: this page still runs the old code until it is reloaded.
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) setStatus("已有新版本，刷新页面即可使用。");
  });
}
