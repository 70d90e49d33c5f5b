// Measures the page in Debian's headless Chromium (not a test: numbers only).
//
//   scripts/build-web && node bench/browser.mjs
//
// Prints the wasm size (raw and gzipped), the core's throughput in the page including the
// crossing into JavaScript, and the time from a paste to rendered highlights for a 20,000-
// character report and for 1 MiB of reports, with the longest main-thread task meanwhile (the
// page must never freeze). Each figure is the best of several runs: the machine is shared.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { ROOT, bigText, launch, serve } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.env.RUNS || 5);
const wasm = await readFile(join(ROOT, "www/pkg/zhibiao_bg.wasm"));
console.log(`wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzipped (www/pkg/zhibiao_bg.wasm)`);

const server = await serve();
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.body.dataset.state === "done");

const big = await bigText(1 << 20);
const million = (await bigText(3 << 20)).slice(0, 1000000);
const inputs = [
  ["20,000-character report", big.slice(0, 20000)],
  [`1 MiB of UTF-8 (${big.length.toLocaleString("en")} characters)`, big],
  ["1,000,000 characters (about 3 MB of UTF-8)", million],
];

for (const [name, text] of inputs) {
  // The core alone, in the page's main thread, including the result's crossing into JS.
  const core = await page.evaluate(
    async ({ t, runs }) => {
      const m = await import("./pkg/zhibiao.js");
      await m.default();
      let best = Infinity;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        m.extract(t);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    },
    { t: text, runs: RUNS },
  );
  // Paste → rendered highlights (worker + DOM), and the longest task on the main thread.
  let best = null;
  let first = null;
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => {
      const input = document.getElementById("input");
      input.value = "";
      input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
    });
    await page.waitForFunction(() => document.body.dataset.state === "done");
    const r = await page.evaluate(
      (t) =>
        new Promise((resolve) => {
          const tasks = [];
          const frames = [];
          const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
          obs.observe({ type: "longtask" });
          // Long animation frames also count the browser's own style/layout/paint work.
          const loaf = new PerformanceObserver((l) =>
            l.getEntries().forEach((e) => frames.push({ ms: e.duration, scripts: e.scripts.reduce((a, x) => a + x.duration, 0) })),
          );
          loaf.observe({ type: "long-animation-frame" });
          const input = document.getElementById("input");
          const t0 = performance.now();
          input.value = t;
          input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
          const done = () =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                obs.disconnect();
                loaf.disconnect();
                const worst = frames.reduce((a, f) => (f.ms > a.ms ? f : a), { ms: 0, scripts: 0 });
                resolve({
                  ms: performance.now() - t0,
                  longest: Math.max(0, ...tasks),
                  frame: worst,
                  marks: document.querySelectorAll("#view mark").length,
                });
              }, 0),
            );
          new MutationObserver((_, mo) => {
            if (document.body.dataset.state === "done") {
              mo.disconnect();
              done();
            }
          }).observe(document.body, { attributes: true, attributeFilter: ["data-state"] });
        }),
      text,
    );
    if (!best || r.ms < best.ms) best = r;
    if (!first) first = r;
  }
  const mcps = (text.length / core / 1000).toFixed(1);
  console.log(
    `${name}: extract() in the page ${core.toFixed(1)} ms (${mcps} M chars/s incl. crossing to JS); ` +
      `paste → rendered highlights ${best.ms.toFixed(0)} ms best, ${first.ms.toFixed(0)} ms first (${best.marks} highlights); ` +
      `longest main-thread task ${Math.max(best.longest, first.longest).toFixed(0)} ms; ` +
      `longest frame ${best.frame.ms.toFixed(0)} ms (of which our scripts ${best.frame.scripts.toFixed(0)} ms)`,
  );
}

await browser.close();
await server.close();
