// Measures the indicator table with 10,000 rows in Debian's headless Chromium (not a test:
// numbers only).
//
//   scripts/build-web && node bench/table.mjs          (RUNS=7 runs per figure; default 5)
//   BASE=<git rev> node bench/table.mjs                 the same with that revision's page scripts
//
// Pastes reports (tests/fixtures/corpus, repeated) until the core finds at least 10,000
// indicators, then, at 1366×768:
//   sort     a click on a column head, from the click to the end of the frame that shows the
//            sorted table (its style, layout and paint included): the first click on each column
//            (which sorts that column's distinct values with the collator) and the median of the
//            next RUNS clicks (the direction flips each time);
//   filter   a search in the filter box, from the moment the table starts on it (the page's
//            `zhibiao:table` mark, after the box's 60 ms pause in typing) to the end of the frame
//            that shows the result;
//   scroll   a jump of the table's box to its middle, from the scroll to the end of the frame
//            that shows the rows there;
//   floor    a frame that changes one attribute of the table's heading: what any frame of this
//            page costs at this size and machine load, for reference.
// With BASE (an older page, which marks nothing) only the sorts are measured, and after its
// "显示全部" as well.
import { execFileSync } from "node:child_process";
import { launch, serve, bigText, waitDone, ROOT } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.env.RUNS || 5);
const WANT = 10000;
const server = await serve();
if (process.env.BASE) {
  for (const f of ["index.html", "main.js", "report.js", "style.css", "table.js", "tooltip.js", "view.js"]) {
    server.overrides[`/${f}`] = execFileSync("git", ["show", `${process.env.BASE}:www/${f}`], { cwd: ROOT });
  }
}
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
await page.goto(`${server.url}index.html`);
await page.waitForFunction(() => document.body.dataset.state === "done" && document.getElementById("version").textContent !== "");

// Enough text for 10,000 indicators (counted by the core in node: tests/www/core.mjs).
const { extract } = await import("../tests/www/core.mjs");
const unit = await bigText(1 << 18);
const perUnit = extract(unit).indicators.length;
let text = unit.repeat(Math.ceil(WANT / perUnit));
const n = extract(text).indicators.length;
// Put in as a paste puts it (one input event), without typing 1 M characters through the driver.
await page.evaluate((t) => {
  document.body.dataset.state = "busy";
  const input = document.getElementById("input");
  input.value = t;
  input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
}, text);
await waitDone(page, 300000);
console.log(`${text.length.toLocaleString("en")} characters, ${n.toLocaleString("en")} indicators (rows)`);

/** Runs `action` in the page and resolves with the ms from `from` ("click": just before the
 * action; a mark name: that mark, set by the page after the action) to the end of the next frame. */
function timed(action, from) {
  return page.evaluate(
    async ({ action, from }) => {
      const endOfFrame = () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(null);
          }),
        );
      performance.clearMarks(from);
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        if (from === "click") return resolve();
        const poll = () => (performance.getEntriesByName(from).length ? resolve() : setTimeout(poll, 0));
        poll();
      });
      // eslint-disable-next-line no-new-func
      new Function(action)();
      window.__script = performance.now() - t0; // the action's own script (a sort is synchronous)
      await done;
      const t1 = await endOfFrame();
      const start = from === "click" ? t0 : performance.getEntriesByName(from).at(-1).startTime;
      return t1 - start;
    },
    { action, from },
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => `${x.toFixed(1)} ms`;
const click = (col) => `document.querySelector('th[data-col="${col}"] button').click()`;

async function sorts(label) {
  console.log(`sort (${label}): to the frame shown, first click / median of ${RUNS} more; [the click's script alone]`);
  const script = () => page.evaluate(() => window.__script);
  for (const col of ["text", "metric", "value", "unit", "change", "section"]) {
    const first = await timed(click(col), "click");
    const firstScript = await script();
    const more = [];
    const scripts = [];
    for (let k = 0; k < RUNS; k++) {
      more.push(await timed(click(col), "click"));
      scripts.push(await script());
    }
    console.log(`  ${col.padEnd(8)} ${ms(first).padStart(10)} / ${ms(median(more)).padStart(10)}   [${ms(firstScript)} / ${ms(median(scripts))}]`);
  }
}

// The floor: a frame that changes one attribute of the table's heading, at this page size and load.
const floor = [];
for (let k = 0; k < RUNS; k++) floor.push(await timed(`document.getElementById("table-count").dataset.x = Math.random()`, "click"));
console.log(`a frame that changes nothing of the table: median ${ms(median(floor))}`);
await sorts("rows as the page shows them");
if (process.env.BASE) {
  const all = await page.$("#table-more button");
  if (all) {
    await all.click();
    await page.waitForTimeout(500);
    await sorts("after 显示全部");
  }
} else {
  console.log(`filter (from the table's start to the frame shown; median of ${RUNS})`);
  for (const f of ["率", "万", "工作", "98.7", "不存在的词", ""]) {
    const xs = [];
    for (let k = 0; k < RUNS; k++) {
      await page.evaluate(() => {
        const el = document.getElementById("filter");
        el.value = "x";
        el.dispatchEvent(new Event("input"));
      });
      await page.waitForTimeout(150);
      xs.push(
        await timed(`const el = document.getElementById("filter"); el.value = ${JSON.stringify(f)}; el.dispatchEvent(new Event("input"));`, "zhibiao:table"),
      );
    }
    const rows = await page.$eval("#table", (t) => Number(t.getAttribute("aria-rowcount")) - 1);
    console.log(`  ${JSON.stringify(f).padEnd(12)} ${ms(median(xs)).padStart(10)}   (${rows.toLocaleString("en")} rows)`);
  }
  const xs = [];
  for (let k = 0; k < RUNS; k++) {
    xs.push(await timed(`const w = document.querySelector(".table-wrap"); w.scrollTop = w.scrollTop > 1000 ? 0 : w.scrollHeight / 2;`, "click"));
    await page.waitForTimeout(100);
  }
  console.log(`scroll to the middle and back: median ${ms(median(xs))} (${RUNS} runs)`);
}
await browser.close();
await server.close();
