// Runs the WebAssembly core off the main thread, so a 1 MB report never freezes the page.
// The messages it takes and sends are documented in one place: worker-client.js (the page's side).
import init, { extractJson, version } from "./pkg/zhibiao.js";

// compareJson, tableRowJson and metricColumnsJson (the 对比 and 批量 modes) are not in this module
// but in pkg/zhibiao_compare.js: the same core plus them, built by scripts/build-web and fetched
// on first use, so the first visit's module stays within its size budget (README, "Speed and
// size"). `withCompare()` loads it once (and warms it up like the core, below: a cold first
// compareJson was 5× slower) and resolves to its exports.
let compareModule = null;
const withCompare = () =>
  (compareModule ??= import("./pkg/zhibiao_compare.js").then(async (m) => {
    await m.default();
    m.compareJson(WARM_UP, WARM_UP.repeat(150));
    return m;
  }));

// A few calls on a report-like text right after loading let the engine compile the hot code
// with its optimising tier, so the first real (possibly 1 MB) text does not run on baseline code.
const WARM_UP =
  "一、2023年推进法治政府建设的主要举措和成效\n（一）深化改革。公布市级行政许可事项238项,办理4.6万件,合格率达98.7%,同比上升3.2个百分点,投入537.97万元。" +
  "一是落实《中华人民共和国行政许可法》;二是2024年3月1日前公开。\n";

// The core is built with WebAssembly SIMD (wasm-pack.toml). An engine without it cannot compile
// the module at all; this probe (one function: i32.const 0, i8x16.splat, i8x16.popcnt) tells
// that case apart, so the page can say what to do instead of showing a CompileError.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);
const explain = (e) =>
  WebAssembly.validate(SIMD_PROBE)
    ? String((e && e.message) || e)
    : "此浏览器不支持 WebAssembly SIMD，请使用 Chrome/Edge 91、Firefox 89、Safari 16.4 或更新的版本";

const ready = init().then(
  () => {
    const text = WARM_UP.repeat(150);
    for (let i = 0; i < 4; i++) extractJson(text);
    postMessage({ ready: true, version: version() });
  },
  (e) => postMessage({ ready: false, error: explain(e) }),
);

/** Batches being read: id → { cancelled }. */
const batches = new Map();

self.onmessage = async ({ data }) => {
  const { id, op = "extract" } = data;
  if (op === "cancel") {
    const b = batches.get(data.batch);
    if (b) b.cancelled = true;
    return;
  }
  await ready;
  try {
    const t0 = performance.now();
    if (op === "table") return void (await table(id, data.files, t0));
    const json = op === "compare" ? (await withCompare()).compareJson(data.old, data.new) : extractJson(data.text);
    postMessage({ id, json, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ id, error: String((e && e.message) || e) });
  }
};

/** The 批量 table: a row per file (decoded by the page: report.js `decodeText`; a file that is no
 * text comes as { name, error }), progress posted every PROGRESS_MS. Every PROGRESS_MS it also
 * yields to the event loop, so that a `cancel` or another request (the 标注 mode's) is taken in
 * between. (The worker imports none of the page's modules: one the page loads too would be
 * fetched a second time, by the worker.) */
const PROGRESS_MS = 50;
async function table(id, files, t0) {
  const b = { cancelled: false };
  batches.set(id, b);
  const rows = [];
  let posted = performance.now();
  try {
    const { tableRowJson, metricColumnsJson } = await withCompare();
    for (let k = 0; k < files.length; k++) {
      const f = files[k];
      rows.push(f.error !== undefined ? JSON.stringify({ file: f.name, error: f.error }) : tableRowJson(f.name, f.text));
      if (performance.now() - posted >= PROGRESS_MS || k === files.length - 1) {
        posted = performance.now();
        postMessage({ id, progress: k + 1, total: files.length });
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (b.cancelled) return void postMessage({ id, cancelled: true });
      }
    }
    postMessage({ id, json: `{"columns":${metricColumnsJson()},"rows":[${rows.join(",")}]}`, ms: performance.now() - t0 });
  } finally {
    batches.delete(id);
  }
}
