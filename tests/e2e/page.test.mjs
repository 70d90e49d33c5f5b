// End-to-end tests of the page in Debian's headless Chromium (scripts/test runs them after
// scripts/build-web). Each test gets a fresh browser context, so storage starts empty.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, bigText, coreExtract, paste, useBrowser, waitDone } from "./helpers.mjs";

const REPORT = await readFile(join(ROOT, "tests/fixtures/corpus/001_2f779e0289e0123a.txt"), "utf8");
const KINDS = ["indicator", "heading", "list", "citation", "date"];

const session = useBrowser();

/** A new context (no service worker unless asked) and a loaded page with the core ready. */
async function open({ serviceWorkers = "block", ...options } = {}) {
  const context = await session.browser.newContext({ serviceWorkers, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(session.server.url);
  await waitDone(page);
  await page.waitForFunction(() => document.getElementById("version").textContent.startsWith("zhibiao"));
  return { context, page, errors };
}

/** The highlighted view as data: its text, and per kind the marks' [index, text] in order. */
function viewState(page) {
  return page.evaluate((kinds) => {
    const view = document.getElementById("view");
    const marks = {};
    for (const k of kinds) {
      marks[k] = [...view.querySelectorAll(`mark[data-kind="${k}"]`)].map((m) => [Number(m.dataset.i), m.textContent, m.dataset.sub || null]);
    }
    return { text: view.textContent, marks };
  }, KINDS);
}

describe("the page", () => {
  test("highlights every item of every kind exactly where the core found it", async () => {
    const { context, page, errors } = await open();
    await paste(page, REPORT);
    const r = await coreExtract(page, REPORT);
    const v = await viewState(page);
    assert.equal(v.text, REPORT, "the rendered text equals the input text");
    const expected = {
      indicator: r.indicators.map((x, i) => [i, REPORT.slice(x.start, x.end), x.kind]),
      heading: r.headings.map((h, i) => [i, REPORT.slice(h.markerStart, h.end), null]),
      list: r.lists.map((l, i) => [i, REPORT.slice(l.markerStart, l.markerEnd), null]),
      citation: r.citations.map((c, i) => [i, REPORT.slice(c.start, c.end), null]),
      date: r.dates.map((d, i) => [i, REPORT.slice(d.start, d.end), null]),
    };
    for (const k of KINDS) {
      assert.ok(expected[k].length > 0, `the core finds some ${k} in this report`);
      assert.deepEqual(v.marks[k], expected[k], `marks of kind ${k}`);
    }
    for (const x of r.indicators) assert.equal(REPORT.slice(x.start, x.end), x.text, "UTF-16 spans");
    // The legend counts what the core found.
    const legend = await page.$$eval(".chip", (bs) => Object.fromEntries(bs.map((b) => [b.dataset.key, b.querySelector(".n").textContent])));
    assert.equal(legend.heading, String(r.headings.length));
    assert.equal(legend.date, String(r.dates.length));
    // The outline panel: one entry per heading, the five parts with their status.
    assert.equal(await page.locator("#outline button").count(), r.headings.length);
    const parts = await page.$$eval("#parts li", (lis) => lis.map((li) => li.dataset.status));
    assert.deepEqual(parts, r.parts.map((p) => p.status));
    assert.equal(parts.length, 5);
    // Clicking an outline entry moves the focus to that heading in the view.
    await page.locator("#outline button").nth(1).click();
    const focused = await page.evaluate(() => [document.activeElement.dataset.kind, document.activeElement.dataset.i]);
    assert.deepEqual(focused, ["heading", "1"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("extract validates its options and reports its version", async () => {
    const { context, page } = await open();
    const out = await page.evaluate(async () => {
      const m = await import("./pkg/zhibiao.js");
      await m.default();
      const t = "一、主要举措和成效\n公布事项238项,同比上升3.2%。";
      const res = { version: m.version(), ok: Object.keys(m.extract(t, {})) };
      res.sameJson = JSON.stringify(JSON.parse(m.extractJson(t))) === JSON.stringify(m.extract(t));
      try {
        m.extract("公布事项238项。", { colour: true });
        res.error = null;
      } catch (e) {
        res.error = { isError: e instanceof Error, message: e.message };
      }
      return res;
    });
    const cargo = await readFile(join(ROOT, "Cargo.toml"), "utf8");
    assert.equal(out.version, cargo.match(/^version = "(.*)"/m)[1]);
    assert.ok(out.ok.includes("indicators") && out.ok.includes("parts"));
    assert.ok(out.sameJson, "extractJson is extract as one JSON string");
    assert.ok(out.error && out.error.isError, "an unknown option throws an Error");
    assert.match(out.error.message, /colour/);
    await context.close();
  });

  test("a legend button toggles its kind without changing the text", async () => {
    const { context, page } = await open();
    await paste(page, REPORT);
    const chip = page.locator('.chip[data-key="date"]');
    await assert.doesNotReject(chip.click());
    assert.equal(await chip.getAttribute("aria-pressed"), "false");
    assert.ok(await page.$eval("#view", (v) => v.classList.contains("off-date")));
    const bg = () => page.$eval('#view mark[data-kind="date"]', (m) => getComputedStyle(m).backgroundColor);
    if (await page.$('#view mark[data-kind="date"]')) assert.equal(await bg(), "rgba(0, 0, 0, 0)");
    await page.reload(); // the choice survives a reload
    await waitDone(page);
    assert.equal(await chip.getAttribute("aria-pressed"), "false");
    assert.ok(await page.$eval("#view", (v) => v.classList.contains("off-date")));
    await chip.press("Enter"); // and back, by keyboard
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    if (await page.$('#view mark[data-kind="date"]')) assert.notEqual(await bg(), "rgba(0, 0, 0, 0)");
    assert.equal((await viewState(page)).text, REPORT);
    await context.close();
  });

  test("the table sorts by value; the TSV and the CSV (with a BOM) have the same Chinese columns", async () => {
    const { context, page } = await open({ acceptDownloads: true });
    await paste(page, REPORT);
    const r = await coreExtract(page, REPORT);
    const th = page.locator('th[data-col="value"] button');
    await th.click();
    const values = () => page.$$eval("#table tbody tr[data-i]", (trs) => trs.map((tr) => Number(tr.dataset.i)));
    const asc = (await values()).map((i) => r.indicators[i].value).filter((v) => v !== null);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    await th.click();
    assert.equal(await page.getAttribute('th[data-col="value"]', "aria-sort"), "descending");
    const desc = (await values()).map((i) => r.indicators[i].value).filter((v) => v !== null);
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
    const known = r.indicators.map((x) => x.value).filter((v) => v !== null);
    assert.equal(asc[0], Math.min(...known));
    assert.equal(desc[0], Math.max(...known));
    // Virtualised: the rows on and near the screen are built, every row is counted.
    assert.ok((await values()).length >= Math.min(r.indicators.length, 10));
    assert.equal(await page.getAttribute("#table", "aria-rowcount"), String(r.indicators.length + 1));

    // Copy as TSV (for Excel/WPS): Chinese header, one line per indicator, in the table's order.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.click("#copy-tsv");
    const tsv = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split("\r\n");
    assert.equal(tsv[0].split("\t")[0], "原文");
    assert.equal(tsv.length, r.indicators.length + 1);
    assert.equal(tsv[1].split("\t")[0], r.indicators[(await values())[0]].text);

    // The CSV: the same Chinese columns and rows as the TSV (the CLI's CSV keeps machine headers).
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    const csv = await readFile(await download.path(), "utf8");
    assert.ok(csv.startsWith("\ufeff"), "UTF-8 BOM for Excel/WPS");
    const lines = csv.slice(1).trimEnd().split("\n");
    assert.equal(lines[0], tsv[0].replaceAll("\t", ","));
    assert.equal(lines.length, r.indicators.length + 1);
    assert.equal(lines[1].split(",")[0], tsv[1].split("\t")[0]);
    await context.close();
  });

  test("opening a .txt file (here UTF-16 with a BOM) or dropping one loads and highlights it", async () => {
    const { context, page } = await open();
    await page.evaluate(() => { document.body.dataset.state = "busy"; });
    const buffer = Buffer.from("\ufeff" + REPORT, "utf16le");
    await page.setInputFiles("#file", { name: "报告.txt", mimeType: "text/plain", buffer });
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), REPORT);
    assert.equal((await viewState(page)).text, REPORT);
    // Dropping a file anywhere on the page opens it too.
    const dropped = "一、主要举措和成效\n公布市级行政许可事项238项。";
    await page.evaluate((t) => {
      document.body.dataset.state = "busy";
      const dt = new DataTransfer();
      dt.items.add(new File([t], "拖入.txt", { type: "text/plain" }));
      document.getElementById("view").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped);
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), dropped);
    await context.close();
  });

  test("markup in pasted text stays text and never runs", async () => {
    const { context, page, errors } = await open();
    const evil = '一、<img src=x onerror="window.__pwned=1">标题\n<script>window.__pwned=2</script>《<b>条例</b>》\n公布事项238项 &lt;i&gt; <style>*{display:none}</style>';
    await paste(page, evil);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: [...document.querySelectorAll("#view *")].map((e) => e.tagName).filter((t) => !["DIV", "MARK"].includes(t)),
      text: document.getElementById("view").textContent,
    }));
    assert.equal(state.pwned, undefined);
    assert.deepEqual(state.elements, []);
    assert.equal(state.text, evil);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("no request goes to another origin, and none at all after the page has loaded", async () => {
    const context = await session.browser.newContext({ serviceWorkers: "block" });
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    // Anything the page itself does that its own CSP refuses (an inline style, say) is a bug.
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    await page.goto(session.server.url, { waitUntil: "networkidle" });
    await waitDone(page);
    const atLoad = requests.length;
    assert.ok(requests.every((u) => u.startsWith(session.server.url)), `other origins: ${requests.filter((u) => !u.startsWith(session.server.url))}`);
    await paste(page, REPORT);
    await page.click('.chip[data-key="count"]');
    await page.click('th[data-col="metric"] button');
    await page.fill("#filter", "率");
    await page.waitForTimeout(300);
    assert.deepEqual(requests.slice(atLoad), [], "requests after load");
    await page.hover('#view mark[data-kind="indicator"]');
    await page.click('#table tbody tr >> nth=0');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "CSP violations by the page itself");
    // The Content-Security-Policy refuses connections elsewhere, even from script.
    const blocked = await page.evaluate(async () => {
      const violation = new Promise((ok) => document.addEventListener("securitypolicyviolation", (e) => ok(e.violatedDirective), { once: true }));
      const failed = await fetch("http://127.0.0.2:9/x").then(() => false, () => true);
      return { failed, directive: await violation };
    });
    assert.deepEqual(blocked, { failed: true, directive: "connect-src" });
    await context.close();
  });

  test("the text survives a reload, and the clear button removes it", async () => {
    const { context, page } = await open();
    await paste(page, REPORT);
    await page.reload();
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), REPORT);
    assert.equal((await viewState(page)).text, REPORT);
    await page.click("#clear");
    await waitDone(page);
    await page.reload();
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), "");
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await context.close();
  });

  test("keyboard: the highlights can be walked and show their details", async () => {
    const { context, page } = await open();
    await paste(page, REPORT);
    const r = await coreExtract(page, REPORT);
    // Tab from the textarea's toolbar reaches the view; ↓ walks the highlights in text order.
    await page.focus("#view");
    const seen = [];
    for (let k = 0; k < 12; k++) {
      await page.keyboard.press("ArrowDown");
      seen.push(await page.evaluate(() => [document.activeElement.tagName, document.activeElement.dataset.kind, Number(document.activeElement.dataset.i)]));
    }
    assert.ok(seen.every(([tag]) => tag === "MARK"));
    // The first indicator reached shows its normalised value and unit in the tooltip.
    await page.focus("#view");
    let found = null;
    for (let k = 0; k < 40 && !found; k++) {
      await page.keyboard.press("ArrowDown");
      found = await page.evaluate(() => (document.activeElement.dataset.kind === "indicator" ? Number(document.activeElement.dataset.i) : null));
    }
    assert.notEqual(found, null);
    const x = r.indicators[found];
    const tip = await page.textContent("#tooltip");
    assert.equal(await page.isVisible("#tooltip"), true);
    assert.ok(tip.includes(x.text) && tip.includes(x.unit), `tooltip: ${tip}`);
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "MARK");
    // Further on, the view scrolls to the highlight reached: its details stay shown, next to it.
    const scrollTop = () => page.$eval("#view", (v) => v.scrollTop);
    const before = await scrollTop();
    for (let k = 0; k < 200 && (await scrollTop()) === before; k++) await page.keyboard.press("ArrowDown");
    assert.notEqual(await scrollTop(), before, "the view scrolled along");
    await page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))); // its scroll event
    const focused = await page.evaluate(() => document.activeElement.textContent);
    assert.equal(await page.isVisible("#tooltip"), true);
    assert.ok((await page.textContent("#tooltip")).startsWith(focused.slice(0, 60)));
    // The outline is one tab stop; ↓ moves along its entries.
    const tabStops = await page.$$eval("#outline button", (bs) => bs.filter((b) => b.tabIndex === 0).length);
    assert.equal(tabStops, 1);
    await page.focus("#outline button");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.kind, document.activeElement.dataset.i]), ["heading", "1"]);
    await context.close();
  });

  test("a 1 MB paste finishes and renders all of it", async () => {
    const { context, page, errors } = await open();
    const text = await bigText(1 << 20);
    await paste(page, text, 120000);
    const r = await coreExtract(page, text);
    const got = await page.evaluate(() => ({
      length: document.getElementById("view").textContent.length,
      indicators: document.querySelectorAll('#view mark[data-kind="indicator"]').length,
    }));
    assert.equal(got.length, text.length);
    assert.equal(got.indicators, r.indicators.length);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("typing at the end of a long text re-renders it without moving the view", async () => {
    const { context, page } = await open();
    await paste(page, REPORT);
    const scrollTop = () => page.$eval("#view", (v) => v.scrollTop);
    await page.$eval("#view", (v) => (v.scrollTop = 1500));
    assert.equal(await scrollTop(), 1500);
    await page.evaluate(() => { document.body.dataset.state = "busy"; });
    await page.focus("#input");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("共计238项。");
    await waitDone(page);
    assert.equal((await viewState(page)).text, REPORT + "共计238项。");
    assert.equal(await scrollTop(), 1500);
    await context.close();
  });

  test("a paste while the previous text is still being shown replaces it entirely", async () => {
    const { context, page, errors } = await open();
    const big = await bigText(1 << 20);
    await page.evaluate(
      ([first, second]) => {
        document.body.dataset.state = "busy";
        const input = document.getElementById("input");
        input.value = first;
        input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
        // The second paste comes once the first text's first screen is in the view, while the
        // rest of it is being built.
        new MutationObserver((_, mo) => {
          mo.disconnect();
          input.value = second;
          input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
        }).observe(document.getElementById("view"), { childList: true });
      },
      [big, REPORT],
    );
    await waitDone(page, 60000);
    const v = await viewState(page);
    assert.equal(v.text, REPORT);
    const r = await coreExtract(page, REPORT);
    assert.equal(v.marks.indicator.length, r.indicators.length);
    assert.equal(await page.locator("#outline button").count(), r.headings.length);
    assert.equal(await page.getAttribute("#table", "aria-rowcount"), String(r.indicators.length + 1));
    const shown = await page.$$eval("#table tbody tr[data-i]", (trs) => trs.map((tr) => Number(tr.dataset.i)));
    assert.deepEqual(shown, shown.map((_, k) => k)); // the new text's rows, from its first
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("40,000 headings render, and are replaced by the next text without a stall", async () => {
    // Regression: one content-visibility block per outline entry made replacing them quadratic
    // (40,000 entries took ~40 s to remove, past waitDone's 30 s).
    const { context, page } = await open();
    const many = Array.from({ length: 40000 }, (_, i) => `（${"一二三四五六七八九十"[i % 10]}）第${i}项工作`).join("\n");
    const pasteFast = (t) =>
      page.evaluate((text) => {
        document.body.dataset.state = "busy";
        const input = document.getElementById("input");
        input.value = text; // (page.fill types 40,000 lines through the editor: far slower)
        input.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste" }));
      }, t);
    await pasteFast(many);
    await waitDone(page, 60000);
    const r = await coreExtract(page, many);
    assert.equal(await page.locator("#outline button").count(), r.headings.length);
    await pasteFast(REPORT);
    await waitDone(page);
    assert.equal((await viewState(page)).text, REPORT);
    await context.close();
  });

  test("offline after the first visit: the service worker serves the cached build", async () => {
    const context = await session.browser.newContext({ serviceWorkers: "allow" });
    const page = await context.newPage();
    await page.goto(session.server.url);
    await waitDone(page);
    const build = JSON.parse(await readFile(join(ROOT, "www/pkg/build.json"), "utf8")).build;
    const caches = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return caches.keys();
    });
    assert.deepEqual(caches, [`zhibiao-${build}`]);
    await context.setOffline(true);
    await page.reload();
    await waitDone(page);
    await paste(page, REPORT);
    assert.equal((await viewState(page)).text, REPORT);
    // A new build (new id in pkg/build.json) installs a new worker, which replaces the cache.
    await context.setOffline(false);
    const current = JSON.parse(await readFile(join(ROOT, "www/pkg/build.json"), "utf8"));
    session.server.overrides["/pkg/build.json"] = JSON.stringify({ ...current, build: "next" });
    try {
      await page.reload();
      await waitDone(page);
      let keys = [];
      for (let k = 0; k < 100 && keys.join() !== "zhibiao-next"; k++) {
        await page.waitForTimeout(200);
        keys = await page.evaluate(() => caches.keys());
      }
      assert.deepEqual(keys, ["zhibiao-next"]);
    } finally {
      delete session.server.overrides["/pkg/build.json"];
    }
    await context.close();
  });

  test("the service worker caches every file the page is made of: every module, style, sample and the core", async () => {
    const { readdir } = await import("node:fs/promises");
    const shipped = (await readdir(join(ROOT, "www")))
      .filter((n) => /\.(html|js|css|txt)$/.test(n) && n !== "sw.js")
      .concat(["pkg/zhibiao.js", "pkg/zhibiao_bg.wasm", "pkg/zhibiao_compare.js", "pkg/zhibiao_compare_bg.wasm", "pkg/build.json"])
      // the JavaScript the modules import (wasm-bindgen's snippets, src/wasm.rs): offline too
      .concat((await readdir(join(ROOT, "www/pkg/snippets"), { recursive: true })).filter((n) => n.endsWith(".js")).map((n) => `pkg/snippets/${n}`));
    assert.ok(shipped.some((n) => n.startsWith("pkg/snippets/")), `the modules' snippets: ${shipped}`);
    assert.ok(shipped.filter((n) => n.endsWith(".js")).length >= 8, `the page's modules: ${shipped}`);
    const listed = JSON.parse(await readFile(join(ROOT, "www/pkg/build.json"), "utf8")).files;
    assert.deepEqual([...listed].sort(), [...shipped].sort());
    const context = await session.browser.newContext({ serviceWorkers: "allow" });
    const page = await context.newPage();
    await page.goto(session.server.url);
    await waitDone(page);
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1));
    });
    assert.deepEqual(cached.sort(), ["", ...shipped].sort());
    await context.close();
  });
});
