// Measures the page in Debian's headless Chromium (not a test: numbers only).
//
//   scripts/build-web && node bench/browser.mjs          (RUNS=11 for more runs; default 7)
//
// (ONLY=20 measures only the texts whose name starts so; TRACE_DIR=dir also writes the traces,
// one per text, for Perfetto or chrome://tracing.)
//
// Prints the wasm size (raw and gzipped), the core's throughput in the page including the
// crossing into JavaScript, and, for a 20,000-character report, 1 MiB of reports and 1,000,000
// characters, the time from a paste to highlights on screen.
//
// The paste is a real one: the text is put on the clipboard and Ctrl+V is pressed in the
// textarea, so the browser inserts it, lays the textarea out and fires `input` (inputType
// insertFromPaste), as for a user.
//
// "paste → highlights on screen" runs from that `input` event (its timestamp, taken by a
// capturing listener before the page's own) to the end of the first frame that shows the
// highlights. A MutationObserver on the view sees the highlighted text arrive (it runs as soon as
// the page's script that put it there returns); a requestAnimationFrame callback registered then
// runs at the start of the next frame, before its style, layout and paint; a MessageChannel
// message posted from that callback is handled once the frame's main-thread rendering (style,
// layout, paint, commit to the compositor) is over: that moment is the end. The page waits for
// the same moment in the same way (to go on with the rest of the view, the outline and the
// table); when its handler runs first, its `zhibiao:painted` mark is the end. Rasterising the
// committed frame happens off the main thread and is not included. Nothing else is waited for.
// "from Ctrl+V" adds what the browser does before `input` (insert the text, lay out the textarea),
// measured from the key event's timestamp.
//
// Each text is pasted RUNS times into the emptied textarea; the median, the best and the first
// run are printed; for the 20,000 characters also the first paste in each of COLD (default 5)
// fresh pages, which has nothing compiled or cached yet; then the median run's breakdown from
// the page's performance marks:
//   worker   posting the text to the Web Worker, `extract` there (its own time in parentheses)
//            and the JSON back, parsed on the main thread (frames rendered meanwhile count)
//   DOM      building the highlighted view, the legend and the outline (our scripts)
//   frame    from then to the end of the frame: the browser's style, layout and paint
//   table    the page builds the indicator table after that frame; when it was done
// One more run under a Chromium trace then lists the main thread's tasks with rendering work
// (style / layout / pre-paint / paint / commit, wall and CPU time) from Ctrl+V to the end; tracing
// slows Chromium a little. For the large texts it also prints the longest main-thread task and
// the longest animation frame until the page is done: the page must never freeze.
import { readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { ROOT, bigText, launch, serve } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.env.RUNS || 7);
const COLD = Number(process.env.COLD || 5);
const wasm = await readFile(join(ROOT, "www/pkg/zhibiao_bg.wasm"));
console.log(`wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzipped (www/pkg/zhibiao_bg.wasm)`);

const server = await serve();
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1400, height: 1000 } });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
/** A fresh page of the context, loaded, its core ready. */
async function openPage() {
  const p = await context.newPage();
  await p.goto(server.url);
  await p.waitForFunction(() => document.body.dataset.state === "done" && document.getElementById("version").textContent !== "");
  return p;
}
const page = await openPage();

const big = await bigText(1 << 20);
const million = (await bigText(3 << 20)).slice(0, 1000000);
const inputs = [
  ["20,000-character report", big.slice(0, 20000)],
  [`1 MiB of UTF-8 (${big.length.toLocaleString("en")} characters)`, big],
  ["1,000,000 characters (about 3 MB of UTF-8)", million],
];

/** Empties the textarea (the page renders the empty state), focuses it, lets two frames pass. */
async function reset(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.getElementById("input");
        input.value = "";
        input.dispatchEvent(new InputEvent("input", { inputType: "deleteContentBackward" }));
        input.focus();
        const wait = () =>
          document.body.dataset.state === "done" ? requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))) : setTimeout(wait, 5);
        wait();
      }),
  );
}

/** One Ctrl+V into the empty textarea, measured in the page (see the header). */
async function pasteOnce(page) {
  await page.evaluate(() => {
    window.__bench = new Promise((resolve) => {
      const tasks = [];
      const frames = [];
      // (Entries as { start, duration }: the paste's own task, where the browser inserts the text
      // and lays the textarea out, starts before the input event and is left out below.)
      const longtasks = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e)));
      longtasks.observe({ type: "longtask" });
      const loaf = new PerformanceObserver((l) => l.getEntries().forEach((e) => frames.push(e)));
      loaf.observe({ type: "long-animation-frame" });
      performance.clearMarks();
      let key = NaN;
      let t0 = NaN;
      const onKey = (e) => {
        if (e.key !== "v") return;
        key = e.timeStamp;
        performance.mark("bench:keydown");
        removeEventListener("keydown", onKey, true);
      };
      addEventListener("keydown", onKey, true);
      addEventListener(
        "input",
        (e) => {
          t0 = Math.min(e.timeStamp, performance.now());
          performance.mark("bench:input", { detail: e.inputType });
        },
        { capture: true, once: true },
      );
      const view = document.getElementById("view");
      new MutationObserver((_, mo) => {
        if (!view.querySelector("mark")) return;
        mo.disconnect();
        const shown = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            // The page waits for the same moment (its `afterNextFrame`), and its handler may run
            // first, then go on building the rest of the view: its mark is then the end.
            const painted = performance.getEntriesByName("zhibiao:painted", "mark").find((m) => m.startTime >= shown);
            const end = Math.min(performance.now(), painted ? painted.startTime : Infinity);
            // Then until the page is done (it builds the table after the first frame), for the
            // longest task and frame.
            const finish = () => {
              if (document.body.dataset.state !== "done") return setTimeout(finish, 5);
              longtasks.disconnect();
              loaf.disconnect();
              const mark = (name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime ?? NaN;
              resolve({
                ms: end - t0,
                fromKey: end - key,
                inputType: performance.getEntriesByName("bench:input", "mark")[0]?.detail,
                extracted: mark("zhibiao:extracted") - t0,
                shown: shown - t0,
                done: mark("zhibiao:rendered") - t0,
                core: Number(document.body.dataset.coreMs),
                longestTask: Math.max(0, ...tasks.filter((e) => e.startTime >= t0).map((e) => e.duration)),
                longestFrame: Math.max(0, ...frames.filter((e) => e.startTime >= t0).map((e) => e.duration)),
                pasteTask: Math.max(0, ...tasks.filter((e) => e.startTime < t0).map((e) => e.duration)),
                marks: document.querySelectorAll("#view mark").length,
                length: document.getElementById("input").value.length,
              });
            };
            finish();
          };
          channel.port2.postMessage(0);
        });
      }).observe(view, { childList: true });
    });
  });
  await page.keyboard.down("Control");
  await page.keyboard.down("v"); // the key stays down until measured: its keyup is not part of it
  const r = await page.evaluate(() => window.__bench);
  await page.keyboard.up("v");
  await page.keyboard.up("Control");
  return r;
}

/** The main thread's tasks with rendering work in a trace of one paste, from Ctrl+V on. */
function renderingTasks(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const start = events.find((e) => e.name === "bench:keydown");
  if (!start) return [];
  const main = (e) => e.pid === start.pid && e.tid === start.tid && e.ph === "X" && e.ts + e.dur >= start.ts;
  const mark = (name) => events.find((e) => e.name === name && e.pid === start.pid && e.ts >= start.ts);
  const input = mark("bench:input");
  const extracted = mark("zhibiao:extracted");
  const ms = (us) => us / 1000;
  const PHASES = { UpdateLayoutTree: "style", Layout: "layout", PrePaint: "prepaint", Paint: "paint", Layerize: "commit", Commit: "commit" };
  const phases = events.filter((e) => main(e) && e.name in PHASES).sort((a, b) => a.ts - b.ts);
  const out = [];
  for (const task of events.filter((e) => main(e) && e.name === "RunTask").sort((a, b) => a.ts - b.ts)) {
    const inside = phases.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    if (!inside.some((e) => e.name === "Layout" || e.name === "Paint")) continue;
    const ends = (m) => m && task.ts <= m.ts && m.ts <= task.ts + task.dur;
    const what = ends(input) ? "the paste" : input && task.ts < input.ts ? "before input" : extracted && task.ts > extracted.ts ? "frame after the result" : "frame";
    const t = { what, at: ms(task.ts - (input || start).ts), ms: ms(task.dur), cpu: ms(task.tdur ?? NaN), style: 0, layout: 0, prepaint: 0, paint: 0, commit: 0 };
    let covered = -1; // nested events of a phase (a Paint inside a Paint) count once
    for (const e of inside) {
      if (e.ts + e.dur <= covered) continue;
      t[PHASES[e.name]] += ms(e.dur);
      covered = e.ts + e.dur;
    }
    out.push(t);
  }
  return out;
}

const f0 = (x) => x.toFixed(0);
const f1 = (x) => x.toFixed(1);

for (const [name, text] of inputs.filter(([name]) => !process.env.ONLY || name.startsWith(process.env.ONLY))) {
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
    { t: text, runs: Math.min(RUNS, 5) },
  );
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    await reset(page);
    const r = await pasteOnce(page);
    if (r.length !== text.length || r.inputType !== "insertFromPaste") throw new Error(`the paste went wrong: ${JSON.stringify(r)}`);
    runs.push(r);
  }
  // The first paste in a fresh page (what a visitor gets: nothing compiled or cached yet).
  const cold = [];
  for (let i = 0; i < COLD && text.length <= 20000; i++) {
    const fresh = await openPage();
    await reset(fresh);
    await fresh.waitForTimeout(500);
    cold.push(await pasteOnce(fresh));
    await fresh.close();
  }
  const sorted = runs.slice().sort((a, b) => a.ms - b.ms);
  const median = sorted[(sorted.length - 1) >> 1];
  const keyMedian = runs.map((r) => r.fromKey).sort((a, b) => a - b)[(runs.length - 1) >> 1];
  const mcps = (text.length / core / 1000).toFixed(1);
  console.log(`${name}: extract() in the page ${f1(core)} ms (${mcps} M chars/s incl. crossing to JS)`);
  console.log(
    `  paste → highlights on screen: ${f0(median.ms)} ms median, ${f0(sorted[0].ms)} best, ${f0(runs[0].ms)} first of ${RUNS} ` +
      `(${median.marks} highlights); from Ctrl+V ${f0(keyMedian)} ms median`,
  );
  const breakdown = (r) =>
    `worker ${f1(r.extracted)} (extract ${f1(r.core)}), DOM ${f1(r.shown - r.extracted)}, ` +
    `frame ${f1(r.ms - r.shown)} ms; table built ${f0(r.done - r.ms)} ms after`;
  if (cold.length) {
    const c = cold.slice().sort((a, b) => a.ms - b.ms);
    const m = c[(c.length - 1) >> 1];
    console.log(`  first paste in a fresh page: ${f0(m.ms)} ms median of ${c.length} (${cold.map((r) => f0(r.ms)).join(", ")})`);
    console.log(`  its median: ${breakdown(m)}`);
  }
  console.log(`  median run: ${breakdown(median)}`);
  if (text.length > 100000) {
    const task = Math.max(...runs.map((r) => r.longestTask));
    const frame = Math.max(...runs.map((r) => r.longestFrame));
    const paste = Math.max(...runs.map((r) => r.pasteTask));
    console.log(
      `  after the input event, until done: longest main-thread task ${f0(task)} ms, longest animation frame ${f0(frame)} ms ` +
        `(over all runs; the browser's own paste task, before: up to ${f0(paste)} ms)`,
    );
  }
  // One traced run: the browser's rendering work task by task.
  await reset(page);
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
  const traced = await pasteOnce(page);
  const trace = await browser.stopTracing();
  if (process.env.TRACE_DIR) await writeFile(join(process.env.TRACE_DIR, `${text.length}.json`), trace);
  const tasks = renderingTasks(trace);
  console.log(`  traced run ${f0(traced.ms)} ms; main-thread tasks with rendering work (ms after the input event):`);
  for (const t of tasks.filter((t) => t.at <= traced.ms)) {
    console.log(
      `    ${t.what.padEnd(22)} at ${f0(t.at).padStart(4)}: ${f1(t.ms)} ms (CPU ${f1(t.cpu)}): style ${f1(t.style)}, layout ${f1(t.layout)}, ` +
        `prepaint ${f1(t.prepaint)}, paint ${f1(t.paint)}, commit ${f1(t.commit)}`,
    );
  }
}

await browser.close();
await server.close();
