// End-to-end tests of the page's 对比 and 批量 modes in Debian's headless Chromium, on real
// reports: the 海拉尔区 政府工作报告 of 2012 and 2013 (tests/fixtures/pairs) and the corpus.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, useBrowser } from "./helpers.mjs";

const OLD = await readFile(join(ROOT, "tests/fixtures/pairs/hailar-2012.txt"), "utf8");
const NEW = await readFile(join(ROOT, "tests/fixtures/pairs/hailar-2013.txt"), "utf8");
const CORPUS = join(ROOT, "tests/fixtures/corpus");
const NAMES = (await readdir(CORPUS)).filter((n) => n.endsWith(".txt")).sort();

const session = useBrowser();

/** A new context and the page in `mode` ("compare", "batch"), its core ready. */
async function open(mode, { serviceWorkers = "block", ...options } = {}) {
  const context = await session.browser.newContext({ serviceWorkers, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${session.server.url}#${mode}`);
  await page.waitForFunction(() => document.getElementById("version").textContent.startsWith("zhibiao"));
  return { context, page, errors };
}

/** The core's comparison, computed in the page's main thread (the reference for the DOM). */
const coreCompare = (page, a, b) =>
  page.evaluate(
    async ([a, b]) => {
      const m = await import("./pkg/zhibiao_compare.js"); // the modes' module, as the worker loads it
      await m.default();
      return JSON.parse(m.compareJson(a, b));
    },
    [a, b],
  );

async function compareDone(page) {
  await page.waitForFunction(() => document.getElementById("compare-area").dataset.state === "done" && document.querySelector(".cmp-pairs tbody tr"));
}

/** Parses the page's CSV (BOM, quoted fields, \n line ends). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = "";
  let q = false;
  for (let i = text.startsWith("\ufeff") ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") row.push(f), (f = "");
    else if (ch === "\n") row.push(f), rows.push(row), (row = []), (f = "");
    else f += ch;
  }
  return rows;
}

describe("对比", () => {
  test("two years of a report: both texts shown, every figure marked, pairs as the core found them", async () => {
    const { context, page, errors } = await open("compare");
    assert.equal(await page.evaluate(() => document.body.dataset.mode), "compare");
    assert.equal(await page.isVisible("#input"), false, "the 标注 mode's text area is hidden");
    await page.fill("#cmp-old", OLD);
    await page.fill("#cmp-new", NEW);
    await compareDone(page);
    // The texts as the page holds them: the fixtures have CRLF line ends, and a text area may give
    // its value with LF (HTML's newline normalization: Debian's Chromium 156.0.8078.114 does for
    // fill(); the build CI had in session 8 kept CRLF). The page shows and marks what it holds.
    const [old, neu] = await page.evaluate(() => ["old", "new"].map((s) => document.getElementById(`cmp-${s}`).value));
    assert.equal(old.replace(/\r\n/g, "\n"), OLD.replace(/\r\n/g, "\n"));
    const c = await coreCompare(page, old, neu);
    const dom = await page.evaluate(() => {
      const side = (s) => {
        const v = document.getElementById(`cmp-view-${s}`);
        return {
          text: v.textContent,
          pairs: [...v.querySelectorAll("mark.pair")].map((m) => [Number(m.dataset.pair), m.textContent]),
          only: v.querySelectorAll("mark.only").length,
          carried: [...v.querySelectorAll(".carried")].map((e) => e.textContent).join(""),
        };
      };
      return {
        old: side("old"),
        new: side("new"),
        rows: [...document.querySelectorAll(".cmp-pairs tbody tr")].map((tr) => [...tr.cells].map((td) => td.textContent)),
        summary: document.querySelector(".cmp-summary").textContent,
      };
    });
    assert.equal(dom.old.text, old);
    assert.equal(dom.new.text, neu);
    assert.equal(dom.rows.length, c.pairs.length);
    for (const s of ["old", "new"]) {
      assert.deepEqual(
        dom[s].pairs.sort((a, b) => a[0] - b[0]),
        c.pairs.map((p, k) => [k, p[s].text]),
        `${s}: each pair's figure is marked`,
      );
      assert.equal(dom[s].only, s === "old" ? c.onlyOld.length : c.onlyNew.length);
    }
    // The dimmed text of the new report is what the core says it carried over.
    const merged = [];
    for (const p of [...c.carriedOver].sort((a, b) => a.newStart - b.newStart)) {
      const last = merged.at(-1);
      if (last && p.newStart <= last[1]) last[1] = Math.max(last[1], p.newEnd);
      else merged.push([p.newStart, p.newEnd]);
    }
    assert.ok(merged.length > 0);
    assert.equal(dom.new.carried, merged.map(([a, b]) => neu.slice(a, b)).join(""));
    const gdp = dom.rows.find((r) => r[1] === "198.5亿元");
    assert.deepEqual(gdp.slice(0, 4), ["地区生产总值", "198.5亿元", "235.2亿元", "↑ +36.7亿元（+18.5%）"]);
    assert.match(dom.summary, new RegExp(`配对 ${c.pairs.length} 项 · 仅旧报告有 ${c.onlyOld.length} 项 · 仅新报告有 ${c.onlyNew.length} 项`));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a pair jumps to both figures; keyboard alone walks the pairs", async () => {
    const { context, page } = await open("compare", { viewport: { width: 1366, height: 768 } });
    await page.fill("#cmp-old", OLD);
    await page.fill("#cmp-new", NEW);
    await compareDone(page);
    const k = Math.min(20, (await page.locator(".cmp-pairs tbody tr").count()) - 1); // far down both texts
    /** Whether pair k's marks are flashed and inside their views' visible rectangles. */
    const shown = (k) =>
      page.evaluate((k) => {
        return ["old", "new"].map((s) => {
          const v = document.getElementById(`cmp-view-${s}`);
          const m = v.querySelector(`mark[data-pair="${k}"]`);
          const r = m.getBoundingClientRect();
          const vr = v.getBoundingClientRect();
          return m.classList.contains("flash") && r.top >= vr.top && r.bottom <= vr.bottom;
        });
      }, k);
    const row = page.locator(".cmp-pairs tbody tr").nth(k);
    await row.locator("button.jump").click();
    assert.deepEqual(await shown(k), [true, true]);
    // Keyboard: the first pair's button is the table's one tab stop; ↓ moves, Enter jumps.
    await page.focus(".cmp-pairs tbody tr:first-child button.jump");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement.closest("tr").dataset.pair);
    assert.equal(focused, "2");
    await page.keyboard.press("Enter");
    assert.deepEqual(await shown(2), [true, true]);
    // A paired figure clicked in the text shows its partner.
    await page.locator('#cmp-view-new mark[data-pair="5"]').click();
    assert.deepEqual(await shown(5), [true, true]);
    await context.close();
  });

  test("unpair and pair by hand; the CSV follows", async () => {
    const { context, page } = await open("compare");
    await page.fill("#cmp-old", OLD);
    await page.fill("#cmp-new", NEW);
    await compareDone(page);
    const counts = () =>
      page.evaluate(() => [".cmp-pairs tbody tr", ".cmp-only-box:first-child li", ".cmp-only-box:last-child li"].map((s) => document.querySelectorAll(s).length));
    const [pairs, onlyOld, onlyNew] = await counts();
    const first = await page.evaluate(() => [...document.querySelector(".cmp-pairs tbody tr").cells].slice(1, 3).map((td) => td.textContent));
    await page.click(".cmp-pairs tbody tr:first-child td.act button");
    assert.deepEqual(await counts(), [pairs - 1, onlyOld + 1, onlyNew + 1]);
    // Pair them again by hand: pick the old figure and the new one, then 配对所选.
    const pick = (box, text) => page.locator(`.cmp-only-box:${box}-child label`, { hasText: text }).first().locator("input").check();
    await pick("first", first[0]);
    assert.equal(await page.isDisabled("text=配对所选"), true, "one side picked is not enough");
    await pick("last", first[1]);
    await page.click("text=配对所选");
    assert.deepEqual(await counts(), [pairs, onlyOld, onlyNew]);
    const last = await page.evaluate(() => {
      const tr = [...document.querySelectorAll(".cmp-pairs tbody tr")].at(-1);
      return [tr.querySelector(".tag")?.textContent, ...[...tr.cells].slice(1, 3).map((td) => td.textContent)];
    });
    assert.deepEqual(last, ["手动", first[0], first[1]]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".cmp-export button:has-text('下载 CSV')")]);
    const rows = parseCsv(await readFile(await download.path(), "utf8"));
    assert.equal(rows[0][0], "类别");
    assert.equal(rows.length - 1, pairs + onlyOld + onlyNew);
    assert.deepEqual(rows.filter((r) => r[0] === "配对（手动）").map((r) => [r[3], r[6]]), [first]);
    await context.close();
  });

  test("two files dropped at once: the first by name is the old report; one text only asks for the other", async () => {
    const { context, page } = await open("compare");
    await page.fill("#cmp-new", NEW);
    await page.waitForFunction(() => document.getElementById("compare-area").dataset.state === "done");
    assert.match(await page.textContent("#compare-area .status"), /请再输入旧报告/);
    await page.evaluate(
      ([a, b]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([b], "hailar-2013.txt", { type: "text/plain" }));
        dt.items.add(new File([a], "hailar-2012.txt", { type: "text/plain" }));
        document.getElementById("compare-area").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [OLD, NEW],
    );
    // (A text area holds line ends as LF: the files' CRLF are read as such.)
    const lf = (t) => t.replace(/\r\n/g, "\n");
    await page.waitForFunction((n) => document.getElementById("cmp-old").value.length === n, lf(OLD).length);
    await compareDone(page);
    assert.equal(await page.inputValue("#cmp-old"), lf(OLD));
    assert.equal(await page.inputValue("#cmp-new"), lf(NEW));
    assert.equal(await page.evaluate(() => document.getElementById("cmp-view-old").textContent), lf(OLD));
    assert.equal(await page.inputValue("#input"), "", "the 标注 mode's text is untouched");
    // One file dropped on the new report's text area replaces that one only.
    const changed = NEW.replace("235.2亿元", "236.1亿元");
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], "new.txt", { type: "text/plain" }));
      document.getElementById("cmp-new").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, changed);
    await page.waitForFunction(() => document.getElementById("cmp-new").value.includes("236.1亿元"));
    await compareDone(page);
    assert.equal(await page.inputValue("#cmp-old"), lf(OLD));
    assert.ok(await page.locator(".cmp-pairs tbody td", { hasText: "236.1亿元" }).count());
    assert.equal(await page.isHidden("#drop-hint"), true);
    await context.close();
  });

  test("offline after the first visit", async () => {
    const { context, page } = await open("compare", { serviceWorkers: "allow" });
    await page.evaluate(() => navigator.serviceWorker.ready);
    for (let k = 0; k < 100 && !(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))); k++) await page.waitForTimeout(100);
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.getElementById("version").textContent.startsWith("zhibiao"));
    await page.fill("#cmp-old", OLD);
    await page.fill("#cmp-new", NEW);
    await compareDone(page);
    await context.setOffline(false);
    await context.close();
  });
});

describe("批量", () => {
  const files = async () => [
    ...(await Promise.all(NAMES.map(async (n) => ({ name: n, mimeType: "text/plain", buffer: await readFile(join(CORPUS, n)) })))),
    { name: "hailar-2012.txt", mimeType: "text/plain", buffer: Buffer.from(OLD) },
    { name: "hailar-2013.txt", mimeType: "text/plain", buffer: Buffer.from(NEW) },
    { name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]) },
  ];

  async function batchDone(page, n) {
    await page.waitForFunction(
      (n) => document.getElementById("batch-area").dataset.state === "done" && document.querySelector(".batch-table")?.getAttribute("aria-rowcount") === String(n + 1),
      n,
      { timeout: 60000 },
    );
  }
  /** The table as data: header texts, and the rows in the DOM as arrays of cell texts by column
   * (aria-colindex; "" for a cell not made). Only the cells in sight are made: with `sweep`, the
   * view is scrolled across, a frame at each step, to read every column. */
  const tableState = (page, sweep = false) =>
    page.evaluate(async (sweep) => {
      const wrap = document.querySelector(".batch-wrap");
      const n = Number(document.querySelector(".batch-table").getAttribute("aria-colcount"));
      const rows = new Map();
      const read = () => {
        for (const r of document.querySelectorAll(".bt-body .bt-row")) {
          const cells = rows.get(r.ariaRowIndex) || Array(n).fill("");
          for (const c of r.children) cells[Number(c.getAttribute("aria-colindex")) - 1] = c.textContent;
          rows.set(r.ariaRowIndex, cells);
        }
      };
      read();
      const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      for (let x = wrap.clientWidth / 2; sweep && x < wrap.scrollWidth; x += wrap.clientWidth / 2) {
        wrap.scrollLeft = x;
        await frame();
        read();
      }
      if (sweep) {
        wrap.scrollLeft = 0;
        await frame();
      }
      return {
        head: [...document.querySelectorAll(".bt-head [role=columnheader]")].map((h) => h.textContent),
        rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
      };
    }, sweep);

  test("many files: one row each (a file that is no text says so), one column per metric, as the core's rows", async () => {
    const { context, page, errors } = await open("batch");
    const fs = await files();
    await page.setInputFiles("#batch-files", fs);
    await batchDone(page, fs.length);
    const core = await page.evaluate(async (texts) => {
      const m = await import("./pkg/zhibiao_compare.js");
      await m.default();
      return { rows: texts.map(([n, t]) => JSON.parse(m.tableRowJson(n, t))), columns: JSON.parse(m.metricColumnsJson()) };
    }, fs.slice(0, -1).map((f) => [f.name, f.buffer.toString("utf8")]));
    const t = await tableState(page, true);
    assert.equal(t.rows.length, fs.length);
    const ids = new Set(core.rows.flatMap((r) => r.metrics.map((m) => m.metricId)));
    const names = core.columns.filter((c) => ids.has(c.metricId)).map((c) => c.name);
    assert.deepEqual(t.head.slice(0, 9), ["文件", "标题", "发布机关", "年度", "体裁", "发布日期", "时限", "五项", "指标数"]);
    assert.deepEqual(t.head.slice(9), names);
    for (const r of core.rows) {
      const row = t.rows.find((x) => x[0] === r.file);
      assert.ok(row, r.file);
      assert.equal(row[8], String(r.figures));
      for (const m of r.metrics) {
        const text = row[9 + names.indexOf(core.columns.find((c) => c.metricId === m.metricId).name)];
        assert.equal(text, m.count > 1 ? `${m.text} ×${m.count}` : m.text, `${r.file} ${m.metricId}`);
      }
    }
    assert.match(t.rows.find((r) => r[0].startsWith("scan.txt"))[0], /无法读取：不是文本文件/);
    assert.match(await page.textContent(".batch-results .count"), new RegExp(`${fs.length} 份报告 · ${names.length} 个指标列 · 1 份无法读取`));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("sorting by a metric, keyboard included; CSV in the table's order; a file opens in 标注", async () => {
    const { context, page } = await open("batch");
    const fs = await files();
    await page.setInputFiles("#batch-files", fs);
    await batchDone(page, fs.length);
    const col = await page.evaluate(() => [...document.querySelectorAll(".bt-head [role=columnheader]")].findIndex((h) => h.textContent === "指标数"));
    const header = page.locator(".bt-head [role=columnheader] button").nth(col);
    await header.focus();
    await page.keyboard.press("Enter");
    const values = async () => (await tableState(page)).rows.map((r) => r[col]).filter(Boolean).map(Number);
    const up = await values();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    assert.equal(await page.evaluate((c) => document.querySelectorAll(".bt-head [role=columnheader]")[c].getAttribute("aria-sort"), col), "ascending");
    await page.keyboard.press("Enter"); // focus stayed on the header: again, descending
    const down = await values();
    assert.deepEqual(down, [...up].sort((a, b) => b - a));
    assert.equal((await tableState(page)).rows.at(-1)[0].startsWith("scan.txt"), true, "no figure count: last either way");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click(".batch-export button:has-text('下载 CSV')")]);
    const csv = parseCsv(await readFile(await download.path(), "utf8"));
    const fig = csv[0].indexOf("指标个数");
    assert.deepEqual(csv.slice(1).map((r) => r[fig]).filter(Boolean).map(Number), down);
    assert.equal(csv.length, fs.length + 1);

    // Keyboard: the first row's file button, ↓ to the next, Enter opens it in the 标注 mode.
    await page.focus(".bt-body .bt-row button");
    await page.keyboard.press("ArrowDown");
    const name = await page.evaluate(() => document.activeElement.textContent);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.body.dataset.mode === "annotate" && document.body.dataset.state === "done" && document.getElementById("input").value);
    const text = (await files()).find((f) => f.name === name).buffer.toString("utf8").replace(/\r\n/g, "\n");
    assert.equal(await page.inputValue("#input"), text);
    assert.equal(await page.isVisible("#batch-area"), false);
    await context.close();
  });

  test("300 files: the table shows the rows in sight and scrolls through all of them", async () => {
    const { context, page } = await open("batch", { viewport: { width: 1366, height: 768 } });
    const texts = await Promise.all(NAMES.map((n) => readFile(join(CORPUS, n), "utf8")));
    await page.evaluate((texts) => {
      const dt = new DataTransfer();
      for (let k = 0; k < 300; k++) dt.items.add(new File([texts[k % texts.length].slice(k, k + 3000)], `r${String(k).padStart(3, "0")}.txt`, { type: "text/plain" }));
      document.getElementById("batch-area").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, texts);
    await batchDone(page, 300);
    const inDom = await page.evaluate(() => document.querySelectorAll(".bt-body .bt-row").length);
    assert.ok(inDom < 80, `${inDom} rows in the DOM`);
    await page.evaluate(() => {
      const w = document.querySelector(".batch-wrap");
      w.scrollTop = w.scrollHeight;
    });
    await page.waitForFunction(() => [...document.querySelectorAll(".bt-body .bt-row")].some((r) => r.textContent.startsWith("r299.txt")));
    // End from the first row's button: the last row, focused.
    await page.evaluate(() => (document.querySelector(".batch-wrap").scrollTop = 0));
    await page.waitForFunction(() => document.querySelector(".bt-body .bt-row")?.textContent.startsWith("r000.txt"));
    await page.focus(".bt-body .bt-row button");
    await page.keyboard.press("End");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "r299.txt");
    await context.close();
  });
});
