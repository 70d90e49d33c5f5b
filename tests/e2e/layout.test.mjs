// End-to-end tests, in Debian's headless Chromium, of the page's layout on a laptop, a phone and
// paper: jumps that land on their highlight at common laptop sizes, the table as cards on a phone,
// a tooltip that does not stay stuck, details in the reader's words and the report's own scale, a
// virtualised table, print media, and bidi controls in the text that cannot reorder the page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, coreExtract, paste, useBrowser, waitDone } from "./helpers.mjs";

const CORPUS = join(ROOT, "tests/fixtures/corpus");
const names = (await readdir(CORPUS)).filter((n) => n.endsWith(".txt")).sort();
const REPORTS = await Promise.all(names.map((n) => readFile(join(CORPUS, n), "utf8")));
/** A 33,000-character 政府工作报告 with paragraphs of up to 2,600 characters (tests/fixtures/layout). */
const LONG = await readFile(join(ROOT, "tests/fixtures/layout/guangdong-2026.txt"), "utf8");
const REPORT = REPORTS[1];

const session = useBrowser();

async function open(options = {}) {
  const context = await session.browser.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(session.server.url);
  await waitDone(page);
  await page.waitForFunction(() => document.getElementById("version").textContent.startsWith("zhibiao"));
  return { context, page, errors };
}

/** Waits until the view and the window have not scrolled for five frames (a jump has settled). */
function settled(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const view = document.getElementById("view");
        let last = "";
        let still = 0;
        const tick = () => {
          const now = `${view.scrollTop},${scrollY}`;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 5) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Resolves after two frames (so the events of a scroll have been dispatched). */
const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** Where `mark` is: its rectangle against the view's box and the window (in px outside each). */
function placement(page, selector) {
  return page.$eval(selector, (m) => {
    const r = m.getBoundingClientRect();
    const v = document.getElementById("view").getBoundingClientRect();
    const out = (lo, hi) => Math.max(0, lo - r.top, r.bottom - hi);
    return { inView: out(v.top, v.bottom), inWindow: out(0, innerHeight), focused: document.activeElement === m };
  });
}

describe("layout", () => {
  for (const [width, height] of [
    [1366, 768],
    [1280, 800],
  ]) {
    test(`${width}×${height}: outline and table jumps land on their highlight, forward and back, right after a paste`, async () => {
      const { context, page, errors } = await open({ viewport: { width, height } });
      await paste(page, LONG);
      const r = await coreExtract(page, LONG);
      const n = r.headings.length;
      assert.ok(n >= 20, `${n} headings`);
      // Outline entries across the text, forward then back (right after the paste: most of the
      // view has never been laid out).
      const picks = [0, 1, 2, 3, 4, 5].map((k) => Math.round((k * (n - 1)) / 5));
      assert.equal(await page.locator("#outline button").count(), n);
      for (const i of [...picks, ...picks.slice(0, -1).reverse()]) {
        await page.locator("#outline button").nth(i).click();
        await settled(page);
        const at = await placement(page, `#view mark[data-kind="heading"][data-i="${i}"]`);
        assert.deepEqual(at, { inView: 0, inWindow: 0, focused: true }, `heading ${i} (${r.headings[i].title})`);
      }
      // Table rows, across the text and back.
      const m = r.indicators.length;
      for (const i of [m - 1, Math.round(m / 2), 3, m - 5]) {
        await page.evaluate(() => document.querySelector(".table-area").scrollIntoView());
        const row = page.locator(`#table tbody tr[data-i="${i}"]`);
        if (!(await row.count())) {
          // A virtualised table: filter to the figure's own text brings its row in.
          await page.fill("#filter", r.indicators[i].text);
          await row.waitFor();
        }
        await row.locator("td").nth(1).click();
        await settled(page);
        const at = await placement(page, `#view mark[data-kind="indicator"][data-i="${i}"]`);
        assert.deepEqual(at, { inView: 0, inWindow: 0, focused: true }, `indicator ${i} (${r.indicators[i].text})`);
        await page.fill("#filter", "");
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test("the details say it in the reader's words: no empty （）, no English metric ids", async () => {
    const { context, page, errors } = await open({ viewport: { width: 1366, height: 768 } });
    const text = REPORTS[0];
    await paste(page, text);
    const r = await coreExtract(page, text);
    const noBasis = r.indicators.map((x, i) => [x, i]).filter(([x]) => x.change && !x.change.basis);
    const withId = r.indicators.map((x, i) => [x, i]).filter(([x]) => x.metricId && x.metric);
    assert.ok(noBasis.length && withId.length >= 5, `${noBasis.length} changes without a basis, ${withId.length} metric ids`);
    for (const [x, i] of [...noBasis, ...withId.slice(0, 5)]) {
      await page.$eval(`#view mark[data-kind="indicator"][data-i="${i}"]`, (m) => m.scrollIntoView({ block: "center" }));
      await frames(page); // the scroll's events first: scrolling hides the details
      await page.hover(`#view mark[data-kind="indicator"][data-i="${i}"]`);
      const tip = await page.$eval("#tooltip", (t) => (t.hidden ? null : t.textContent));
      assert.ok(tip, `details of ${x.text}`);
      assert.ok(!tip.includes("（）"), `no empty brackets: ${tip}`);
      assert.ok(!/[a-z]+_[a-z_]+/.test(tip) && !tip.includes(x.metricId || "\u0000"), `no English id: ${tip}`);
      if (x.change) assert.ok(tip.includes(x.change.direction === "up" ? "↑ 增加" : "↓ 减少"), tip);
      if (x.metric) assert.ok(tip.includes(x.metric), tip);
    }
    // The exports keep the id, for machines.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.click("#copy-tsv");
    assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes(`\t${withId[0][0].metricId}\t`));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("values are shown in the report's own scale; the normalised value is in the details and the exports", async () => {
    const { context, page, errors } = await open({ viewport: { width: 1366, height: 768 } });
    const text = `全省地区生产总值134.9万亿元，同比增长5%。\n${REPORTS[3]}`;
    await paste(page, text);
    const r = await coreExtract(page, text);
    const cases = [
      ["134.9万亿元", "134.9万亿", "134,900,000,000,000 元"],
      ["537.97万元", "537.97万", "5,379,700 元"],
      ["25.8万件", "25.8万", "258,000 件"],
    ];
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.click("#copy-tsv");
    const tsv = (await page.evaluate(() => navigator.clipboard.readText())).split("\r\n").map((l) => l.split("\t"));
    for (const [written, shown, normalised] of cases) {
      const i = r.indicators.findIndex((x) => x.text === written);
      assert.ok(i >= 0, written);
      const row = page.locator(`#table tbody tr[data-i="${i}"]`);
      if (!(await row.count())) {
        await page.fill("#filter", written); // a virtualised table: the filter brings the row in
        await row.waitFor();
      }
      const cells = await row.locator("td").allTextContents();
      assert.equal(cells[2], shown, `table value of ${written}`);
      assert.equal(cells[3], r.indicators[i].unit);
      // On one line: the cell is as tall as a one-line cell.
      const lines = await row.locator("td").nth(2).evaluate((td) => Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight)));
      assert.ok(lines <= 2, `${written}: ${lines} lines`); // padding included
      await page.fill("#filter", "");
      await page.$eval(`#view mark[data-kind="indicator"][data-i="${i}"]`, (m) => m.scrollIntoView({ block: "center" }));
      await frames(page); // the scroll's events first: scrolling hides the details
      await page.hover(`#view mark[data-kind="indicator"][data-i="${i}"]`);
      const tip = await page.$eval("#tooltip", (t) => [...t.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
      assert.deepEqual(Object.fromEntries(tip).数值, shown);
      assert.deepEqual(Object.fromEntries(tip).归一化, normalised);
      // The exports: the normalised number.
      const line = tsv.find((l) => l[0] === written);
      assert.equal(Number(line[3]), r.indicators[i].value);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("390×844 phone: the table as cards with the value on screen, a tooltip a tap closes, no keyboard hint", async () => {
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
    const { context, page, errors } = await open(phone);
    await paste(page, REPORT);
    const r = await coreExtract(page, REPORT);
    await page.evaluate(() => document.querySelector(".table-area").scrollIntoView());
    const cards = await page.$$eval("#table tbody tr[data-i]", (trs) =>
      trs.slice(0, 20).map((tr) => {
        const box = (c) => tr.querySelector(`td.c-${c}`).getBoundingClientRect();
        return { display: getComputedStyle(tr).display, height: tr.getBoundingClientRect().height, valueRight: box("value").right, section: box("section").width, text: box("text").width };
      }),
    );
    assert.ok(cards.length >= 5, `${cards.length} cards`);
    for (const c of cards) {
      assert.equal(c.display, "grid");
      assert.ok(c.height < 120, `a card ${c.height}px tall`);
      assert.ok(c.valueRight <= 390, `the value ends at ${c.valueRight}px`);
      assert.ok(c.section > 250 && c.text > 60, `section ${c.section}px, text ${c.text}px wide`);
    }
    // The sort buttons are there, and sort.
    await page.tap('th[data-col="value"] button');
    const first = await page.$eval("#table tbody tr[data-i]", (tr) => Number(tr.dataset.i));
    const min = Math.min(...r.indicators.filter((x) => x.value !== null).map((x) => x.value));
    assert.equal(r.indicators[first].value, min);
    // No ↑↓ hint on a touch screen.
    assert.equal(await page.isVisible("#view-h .hint"), false);

    // A tap on a highlight shows its details; a tap elsewhere closes them; so does scrolling the page.
    await page.evaluate(() => scrollTo(0, 0));
    const mark = page.locator('#view mark[data-kind="indicator"]').nth(2);
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    assert.equal(await page.isVisible("#tooltip"), true, "tap shows the details");
    await page.tap("h1");
    assert.equal(await page.isVisible("#tooltip"), false, "a tap elsewhere hides them");
    await mark.tap();
    assert.equal(await page.isVisible("#tooltip"), true);
    await page.evaluate(() => scrollBy(0, 600));
    await page.waitForFunction(() => document.getElementById("tooltip").hidden);
    assert.deepEqual(errors, []);
    await context.close();

    // A laptop keeps the hint.
    const laptop = await open({ viewport: { width: 1366, height: 768 } });
    assert.equal(await laptop.page.isVisible("#view-h .hint"), true);
    await laptop.context.close();
  });

  test("a file dragged over the page: its message on a panel, the page dimmed behind it", async () => {
    const { context, page } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await paste(page, REPORT);
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(["x"], "a.txt", { type: "text/plain" }));
      return d;
    });
    await page.dispatchEvent("html", "dragover", { dataTransfer: dt });
    assert.equal(await page.isVisible("#drop-hint"), true);
    const look = await page.$eval("#drop-hint", (hint) => {
      const alpha = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); const p = m ? m[1].split(",").map(Number) : []; return p.length === 4 ? p[3] : p.length === 3 ? 1 : 0; };
      const panel = hint.firstElementChild;
      return { backdrop: alpha(getComputedStyle(hint).backgroundColor), panel: panel ? alpha(getComputedStyle(panel).backgroundColor) : 0, text: hint.textContent };
    });
    assert.ok(look.backdrop >= 0.4, `the page behind is dimmed (alpha ${look.backdrop})`);
    assert.equal(look.panel, 1, "the message has an opaque panel");
    assert.match(look.text, /打开文件/);
    await context.close();
  });

  test("print: the whole highlighted text, the outline and the whole table, in colour, without controls", async () => {
    const { context, page, errors } = await open({ viewport: { width: 1366, height: 768 } });
    await paste(page, LONG);
    const r = await coreExtract(page, LONG);
    // What printing does: print media, and the beforeprint event (page.pdf() below fires it too).
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    const paper = await page.evaluate(() => {
      const view = document.getElementById("view");
      const wrap = document.querySelector(".table-wrap");
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden").length;
      const mark = view.querySelector('mark[data-sub="count"]');
      return {
        viewClipped: view.scrollHeight - view.clientHeight,
        tableClipped: wrap.scrollHeight - wrap.clientHeight,
        rows: document.querySelectorAll("#table tbody tr[data-i]").length,
        outline: shown("#outline button"),
        legend: shown(".legend .chip"),
        controls: shown("textarea, input, #sample, #clear, #copy-tsv, #download-csv, #download-json, .bookmarklet-box, label.button"),
        markColour: getComputedStyle(mark).backgroundColor,
        adjust: getComputedStyle(mark).printColorAdjust,
      };
    });
    assert.ok(paper.viewClipped <= 1, `the text is not cut to its box (${paper.viewClipped}px hidden)`);
    assert.ok(paper.tableClipped <= 1, `the table is not cut (${paper.tableClipped}px hidden)`);
    assert.equal(paper.rows, r.indicators.length, "every row of the table");
    assert.equal(paper.outline, r.headings.length, "the outline");
    assert.ok(paper.legend >= 5, "the legend");
    assert.equal(paper.controls, 0, "no controls");
    assert.notEqual(paper.markColour, "rgba(0, 0, 0, 0)");
    assert.equal(paper.adjust, "exact", "highlights print in colour");
    await page.evaluate(() => dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: null });
    // And a real print to PDF: one page per ~1,300 characters of text at least (the old print
    // showed the view's 70vh box: a page of text).
    const pdf = await page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
    assert.ok(pages >= LONG.length / 1300, `${pages} pages`);
    // After printing, the table is virtualised again.
    assert.ok((await page.$$("#table tbody tr[data-i]")).length < r.indicators.length);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("bidi controls in the text (U+202E…) are isolated: they reorder neither a figure nor the page's own words", async () => {
    const { context, page, errors } = await open({ viewport: { width: 1366, height: 768 } });
    const line = "全年受理案件\u202e238件，办结率达98.7%，\u2067同比上升3.2个百分点。";
    const text = `${line}\n${REPORT}`;
    await paste(page, text);
    const r = await coreExtract(page, text);
    /** The x of each character of `el`'s text, in text order (left to right when nothing is reversed). */
    const xs = (sel) =>
      page.$eval(sel, (el) => {
        const out = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let k = 0; k < n.data.length; k++) {
            const range = document.createRange();
            range.setStart(n, k);
            range.setEnd(n, k + 1);
            const rect = range.getBoundingClientRect();
            if (rect.width && !/[\u202a-\u202e\u2066-\u2069]/.test(n.data[k])) out.push(Math.round(rect.left));
          }
        }
        return out;
      });
    const increasing = (a) => a.every((x, k) => k === 0 || x > a[k - 1]);
    for (const figure of ["238件", "98.7%", "3.2个百分点"]) {
      const i = r.indicators.findIndex((x) => x.text === figure);
      assert.ok(i >= 0, figure);
      const at = await xs(`#view mark[data-kind="indicator"][data-i="${i}"]`);
      assert.ok(at.length >= figure.length - 1 && increasing(at), `${figure} reads left to right: ${at}`);
    }
    // The whole first line in order, the controls kept in the text (offsets unchanged).
    const first = await xs("#view .chunk");
    assert.ok(increasing(first.slice(0, line.length - 2)), "the line reads left to right");
    assert.equal(await page.$eval("#view", (v, n) => v.textContent.slice(0, n), line.length), line);
    // A file name with a U+202E in a notice does not turn the page's words after it around.
    await page.setInputFiles("#file", { name: "\u202e报告.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2]) });
    await page.waitForSelector('#notices .notice[data-key="file"]');
    const words = await page.$eval('#notices .notice[data-key="file"] span', (span) => {
      const t = span.firstChild;
      const from = t.data.indexOf("不是文本文件");
      return [...Array(6).keys()].map((k) => {
        const range = document.createRange();
        range.setStart(t, from + k);
        range.setEnd(t, from + k + 1);
        return Math.round(range.getBoundingClientRect().left);
      });
    });
    assert.ok(increasing(words), `the notice's words read left to right: ${words}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
