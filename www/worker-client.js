// The page's side of the Web Worker (worker.js) that runs the WebAssembly core off the main
// thread, so a 1 MB report never freezes the page.
//
// The whole message protocol (worker.js implements the other side):
//
//   worker → page, once, when the core is loaded and warmed up:
//     { ready: true, version }          version: the core's version string ("0.3.0")
//     { ready: false, error }           the core cannot run here (error: why, in Chinese when
//                                       the engine lacks WebAssembly SIMD)
//   page → worker, per text:
//     { id, text }                      id: a number unique per request; text: the report
//   worker → page, per request, in order:
//     { id, json, ms }                  json: the result as one JSON string (`extractJson`),
//                                       parsed here; ms: the core's own time for it
//     { id, error }                     the core threw (a bug: the core returns a result for
//                                       any text)
//
// The result travels as a string rather than an object graph: measured, parsing 1 MB of JSON on
// the main thread is a far shorter task than receiving the structured clone of the same result.
// Requests sent before the core is ready wait in the worker (it awaits its own `ready`).

/**
 * Starts the worker. `onReady(version)` runs once the core is loaded; `onFail(message)` when the
 * core or the worker cannot start. Returns `extract(text)`: a promise of { ms, result }.
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
    pending.delete(data.id);
    if (data.error) p.reject(new Error(data.error));
    else p.resolve({ ms: data.ms, result: JSON.parse(data.json) });
  };
  worker.onerror = (e) => onFail(`无法启动后台线程：${e.message || "请用 scripts/serve 启动（需先构建 www/pkg/）"}`);

  return function extract(text) {
    const id = ++lastId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, text });
    });
  };
}
