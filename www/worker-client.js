// The page's side of the Web Worker (worker.js) that runs the WebAssembly core off the main
// thread, so a 1 MB report never freezes the page.
//
// The whole message protocol (worker.js implements the other side):
//
//   worker → page, once, when the core is loaded and warmed up:
//     { ready: true, version }          version: the core's version string ("0.3.0")
//     { ready: false, error }           the core cannot run here (error: why, in Chinese when
//                                       the engine lacks WebAssembly SIMD)
//   page → worker, per request (id: a number unique per request):
//     { id, text }                      extract one report (op "extract", the default)
//     { id, op: "compare", old, new }   the 对比 mode: compare two texts (`compareJson`)
//     { id, op: "table", files }        the 批量 mode: files [{ name, text }] (decoded by the page;
//                                       { name, error } for a file that is no text) → one table
//                                       row each (`tableRowJson`)
//     { op: "cancel", batch }           stop the "table" request `batch` (a newer one came)
//   worker → page, per request, in order:
//     { id, json, ms }                  json: the result as one JSON string, parsed here:
//                                       extract: `extractJson`; compare: `compareJson`; table:
//                                       {"columns": metricColumnsJson, "rows": [row…]}, a file
//                                       that is no text giving { file, error } as its row;
//                                       ms: the core's own time for it
//     { id, progress, total }           table only, at most every 50 ms: files done so far
//     { id, cancelled: true }           table only, after a cancel
//     { id, error }                     the core threw (a bug: the core returns a result for
//                                       any text)
// A table request yields every 50 ms, so requests sent meanwhile (an extract while 300 files
// are tabled) are answered between two files, not after the last.
//
// The result travels as a string rather than an object graph: measured, parsing 1 MB of JSON on
// the main thread is a far shorter task than receiving the structured clone of the same result.
// Requests sent before the core is ready wait in the worker (it awaits its own `ready`).

/**
 * Starts the worker. `onReady(version)` runs once the core is loaded; `onFail(message)` when the
 * core or the worker cannot start. Returns `extract(text)`: a promise of { ms, result }; and on
 * it, `extract.compare(oldText, newText)`: a promise of { ms, result } (the comparison), and
 * `extract.table(files, onProgress)` (files: [{ name, text } or { name, error }]): a promise of
 * { ms, result: { columns, rows } }, or of null
 * once `extract.cancelTable()` stopped it; `onProgress(done, total)` is called as files are done.
 */
export function startCore({ onReady, onFail }) {
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let lastId = 0;
  worker.onmessage = ({ data }) => {
    if ("ready" in data) {
      if (data.ready) onReady(data.version);
      else onFail(`无法加载 WebAssembly 核心：${data.error}`);
      return;
    }
    const p = pending.get(data.id);
    if (!p) return;
    if ("progress" in data) return void (p.onProgress && p.onProgress(data.progress, data.total));
    pending.delete(data.id);
    if (data.error) p.reject(new Error(data.error));
    else if (data.cancelled) p.resolve(null);
    else p.resolve({ ms: data.ms, result: JSON.parse(data.json) });
  };
  worker.onerror = (e) => onFail(`无法启动后台线程：${e.message || "请用 scripts/serve 启动（需先构建 www/pkg/）"}`);

  const request = (message, onProgress) => {
    const id = ++lastId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, ...message });
    });
  };
  let batch = 0;
  const extract = (text) => request({ text });
  extract.compare = (oldText, newText) => request({ op: "compare", old: oldText, new: newText });
  extract.table = (files, onProgress) => {
    extract.cancelTable();
    const promise = request({ op: "table", files: [...files] }, onProgress);
    batch = lastId;
    return promise;
  };
  extract.cancelTable = () => {
    if (batch) worker.postMessage({ op: "cancel", batch });
    batch = 0;
  };
  return extract;
}
