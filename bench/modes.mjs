// Measures the page's 批量 and 对比 modes in Debian's headless Chromium (not a test: numbers only).
//
//   scripts/build-web && node bench/modes.mjs          (RUNS=5 for more runs; default 3;
//   FILES=1000 for another number of files; DEBUG=1 prints what the longest CPU task did)
//
// 批量: 300 reports of ~10,000 characters (windows of the bundled real reports, tests/fixtures,
// each starting at a different line) are given to the file picker at once, as a user choosing
// 300 files. From the picker's `change` event to the last table row in the DOM the bench records,
// on the main thread:
//   longest task   the longest task (PerformanceObserver "longtask": tasks over 50 ms; 0 when
//                  there was none) — what "the main thread never blocked more than 100 ms" means
//   longest frame  the longest animation frame ("long-animation-frame": frames over 50 ms,
//                  scripts, style, layout and paint together)
//   blocking       total blocking time: the sum over long tasks of their time beyond 50 ms
//   max gap        the longest wait of a 10 ms timer loop running all along (what a click or a
//                  key press would have waited at worst)
//   CPU            the longest main-thread task by the thread's CPU time (a Chromium trace of
//                  the run): on a machine whose cores other processes share, wall times include
//                  waiting for a core, CPU times do not
//   done           when the table was on screen (the Worker's rows in, the rows in sight built)
// 对比: two reports of 50,000 characters (the second a changed copy of the first: figures
// altered, a passage deleted, a sentence added), pasted into the two text areas: time from the
// second text's `input` (a paste's) to the pairs table in the DOM, the core's own time (in the
// Worker), and the main thread's longest task, frame and timer gap meanwhile.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, bigText, launch, serve } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.env.RUNS || 3);
const N = Number(process.env.FILES || 300);
const SIZE = 10000;

const big = await bigText(2 << 20);
const pair = await Promise.all(["hailar-2012.txt", "hailar-2013.txt"].map((n) => readFile(join(ROOT, "tests/fixtures/pairs", n), "utf8")));
const pool = big + "\n" + pair.join("\n");
const lines = [0];
for (let i = pool.indexOf("\n"); i >= 0 && lines.length < 100000; i = pool.indexOf("\n", i + 1)) lines.push(i + 1);
const step = Math.max(1, Math.floor(lines.length / N));
const files = Array.from({ length: N }, (_, k) => {
  const start = lines[(k * step * 7) % lines.length];
  let text = pool.slice(start, start + SIZE);
  if (text.length < SIZE) text += pool.slice(0, SIZE - text.length);
  return { name: `report-${String(k).padStart(3, "0")}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) };
});

const server = await serve();
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1366, height: 900 } });

/** A fresh page in `mode`, its core ready. */
async function openPage(mode) {
  const p = await context.newPage();
  await p.goto(`${server.url}#${mode}`);
  await p.waitForFunction(() => document.getElementById("version").textContent !== "");
  return p;
}

/** Starts the main-thread probes in `page`; `window.__probe.stop()` returns their figures. */
function startProbes(page) {
  return page.evaluate(() => {
    const tasks = [];
    const frames = [];
    const lt = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e)));
    lt.observe({ type: "longtask" });
    const lf = new PerformanceObserver((l) => l.getEntries().forEach((e) => frames.push(e)));
    lf.observe({ type: "long-animation-frame" });
    let last = performance.now();
    let gap = 0;
    let on = true;
    const tick = () => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
      if (on) setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
    const t0 = performance.now();
    window.__probe = {
      t0,
      stop() {
        on = false;
        lt.disconnect();
        lf.disconnect();
        return {
          longestTask: Math.max(0, ...tasks.map((e) => e.duration)),
          longTasks: tasks.length,
          blocking: tasks.reduce((s, e) => s + Math.max(0, e.duration - 50), 0),
          longestFrame: Math.max(0, ...frames.map((e) => e.duration)),
          maxGap: gap,
        };
      },
    };
  });
}

/** The page's main-thread tasks in a Chromium trace after the mark `from`: the longest by wall
 * time, and the longest by the thread's CPU time (`tdur`). On a loaded machine (other processes
 * on the same cores) a task's wall time includes the time the thread waited for a core; its CPU
 * time does not, and is what the page's own work costs. */
function traceTasks(buffer, from) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const mark = events.find((e) => e.name === from);
  if (!mark) return null;
  const tasks = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.name === "RunTask" && e.ph === "X" && e.ts + e.dur >= mark.ts);
  const max = (k) => Math.max(0, ...tasks.map((t) => (t[k] ?? 0) / 1000));
  const top = tasks.reduce((a, t) => ((t.tdur ?? 0) > (a?.tdur ?? -1) ? t : a), null);
  if (process.env.DEBUG && top) console.log("   ", events.filter((e) => e.pid === top.pid && e.tid === top.tid && e.ts >= top.ts && e.ts <= top.ts + top.dur && (e.tdur ?? 0) > 3000 && e !== top).map((e) => `${e.name}${e.args?.data?.functionName ? ":" + e.args.data.functionName : ""}${e.args?.data?.url ? "@" + e.args.data.url.split("/").pop() + ":" + e.args.data.lineNumber : ""} ${(e.tdur / 1000).toFixed(0)}`).join(" | "));
  return { wall: max("dur"), cpu: max("tdur"), over50cpu: tasks.filter((t) => (t.tdur ?? 0) > 50000).length };
}

const f0 = (x) => Math.round(x).toLocaleString("en");
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const text = (files) => files.reduce((s, f) => s + f.buffer.toString("utf8").length, 0);

console.log(`批量: ${N} files, ${f0(text(files))} characters in all (${f0(text(files) / N)} per file); ${RUNS} runs, each in a fresh page`);
const batchRuns = [];
for (let run = 0; run < RUNS; run++) {
  const page = await openPage("batch");
  // The File objects are made in the page first (playwright's setInputFiles would decode 3 MB of
  // base64 in the page's main thread, a task of its own); then given to the picker as a user's
  // choice is: its `files`, and a `change` event.
  await page.evaluate((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([f.text], f.name, { type: "text/plain" }));
    window.__files = dt.files;
  }, files.map((f) => ({ name: f.name, text: f.buffer.toString("utf8") })));
  await page.waitForTimeout(500);
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
  await startProbes(page);
  await page.evaluate(() => {
    window.__t = {};
    performance.mark("bench:start");
    const picker = document.getElementById("batch-files");
    picker.addEventListener("change", () => (window.__t.change = performance.now()), { capture: true, once: true });
    picker.files = window.__files;
    picker.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.waitForFunction((n) => document.getElementById("batch-area").dataset.state === "done" && document.querySelector(".batch-table").getAttribute("aria-rowcount") === String(n + 1) && document.querySelector(".bt-body .bt-row"), N, { timeout: 600000 });
  const r = await page.evaluate(() => {
    const done = performance.now();
    const probe = window.__probe.stop();
    return { ...probe, done: done - window.__t.change, columns: document.querySelectorAll(".bt-head [role=columnheader]").length, status: document.querySelector("#batch-area .status").textContent };
  });
  const tr = traceTasks(await browser.stopTracing(), "bench:start");
  Object.assign(r, { traceWall: tr.wall, traceCpu: tr.cpu });
  batchRuns.push(r);
  console.log(
    `  run ${run + 1}: done ${f0(r.done)} ms (${r.status}); ${r.columns} columns; longest task ${f0(r.longestTask)} ms wall, ${f0(tr.cpu)} ms CPU (${tr.over50cpu} over 50 ms CPU; blocking ${f0(r.blocking)} ms wall); longest frame ${f0(r.longestFrame)} ms; max timer gap ${f0(r.maxGap)} ms`,
  );
  await page.close();
}
const worst = (k) => Math.max(...batchRuns.map((r) => r[k]));
console.log(`  median done ${f0(median(batchRuns.map((r) => r.done)))} ms; worst of ${RUNS}: longest task ${f0(worst("longestTask"))} ms wall, ${f0(worst("traceCpu"))} ms CPU; longest frame ${f0(worst("longestFrame"))} ms; max timer gap ${f0(worst("maxGap"))} ms`);

// 对比: 50,000 characters each.
const old = big.slice(0, 50000);
let changed = old.replace(/(\d+)(\.\d+)?(亿元|万元|%|件|个)/g, (m, a, b, u, at) => (at % 3 === 0 ? `${Number(a) + 1}${b || ""}${u}` : m));
const cut = changed.indexOf("\n", 20000);
changed = changed.slice(0, cut) + changed.slice(changed.indexOf("\n", cut + 1500)) + "\n全年新增市场主体1234户，同比增长12.5%。\n";
console.log(`对比: ${f0(old.length)} and ${f0(changed.length)} characters; ${RUNS} runs in one page`);
const page = await openPage("compare");
await page.fill("#cmp-old", old);
await page.waitForFunction(() => document.getElementById("compare-area").dataset.state === "done");
for (let run = 0; run < RUNS; run++) {
  await page.fill("#cmp-new", "");
  await page.waitForFunction(() => document.getElementById("compare-area").dataset.state === "done");
  // The text goes into the text area first and the browser lays it out (two frames): that is the
  // browser's work for any paste (bench/browser.mjs measures it as the paste task); then the
  // `input` event a paste fires, from which the page's own work is measured.
  await page.evaluate(
    (t) =>
      new Promise((resolve) => {
        document.getElementById("cmp-new").value = t;
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)));
      }),
    changed,
  );
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
  await startProbes(page);
  await page.evaluate(() => {
    window.__t = {};
    performance.mark("bench:start");
    const input = document.getElementById("cmp-new");
    input.addEventListener("input", () => (window.__t.input = performance.now()), { capture: true, once: true });
    document.getElementById("compare-area").removeAttribute("data-state");
    input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
  });
  await page.waitForFunction(() => document.getElementById("compare-area").dataset.state === "done" && document.querySelector(".cmp-pairs tbody tr"));
  const r = await page.evaluate(() => ({
    ...window.__probe.stop(),
    done: performance.now() - window.__t.input,
    pairs: document.querySelectorAll(".cmp-pairs tbody tr").length,
    status: document.querySelector("#compare-area .status").textContent,
    summary: document.querySelector(".cmp-summary").textContent,
  }));
  await page.waitForTimeout(300); // the frame that shows it, inside the trace
  const tr = traceTasks(await browser.stopTracing(), "bench:start");
  console.log(
    `  run ${run + 1}: pairs on screen ${f0(r.done)} ms (${r.status}); ${r.summary}; longest task ${f0(r.longestTask)} ms wall, ${f0(tr.cpu)} ms CPU (traced: ${f0(tr.wall)} ms wall); longest frame ${f0(r.longestFrame)} ms; max timer gap ${f0(r.maxGap)} ms`,
  );
}
await browser.close();
await server.close();
