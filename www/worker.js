// Runs the WebAssembly core off the main thread, so a 1 MB report never freezes the page.
// Message in: { id, text }. Message out: { id, result, ms } or { id, error }.
import init, { extract, version } from "./pkg/zhibiao.js";

const ready = init().then(
  () => postMessage({ ready: true, version: version() }),
  (e) => postMessage({ ready: false, error: String(e && e.message || e) }),
);

self.onmessage = async ({ data: { id, text } }) => {
  await ready;
  try {
    const t0 = performance.now();
    const result = extract(text);
    postMessage({ id, result, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ id, error: String(e && e.message || e) });
  }
};
