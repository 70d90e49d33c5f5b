// End-to-end tests, in Debian's headless Chromium, of where the page's text comes from and where
// its data goes: exports safe for spreadsheets, 清空 and its undo, files that are not text,
// warnings that stay, text too big to store, the five parts by genre, the service worker's first
// visit, and the bookmarklet that brings text in from a government page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, paste, useBrowser, waitDone } from "./helpers.mjs";

const REPORT = await readFile(join(ROOT, "tests/fixtures/corpus/001_2f779e0289e0123a.txt"), "utf8");
const NEWS = await readFile(join(ROOT, "tests/fixtures/excerpts/h05_nanyang.txt"), "utf8");
const BULLETIN = await readFile(join(ROOT, "tests/fixtures/excerpts/h20_yuhuan.txt"), "utf8");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

const session = useBrowser();

async function open({ serviceWorkers = "block", init, ...options } = {}) {
  const context = await session.browser.newContext({ serviceWorkers, ...options });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(session.server.url);
  await waitDone(page);
  await page.waitForFunction(() => document.getElementById("version").textContent.startsWith("zhibiao"));
  return { context, page, errors };
}

const notices = (page) => page.$$eval("#notices .notice", (ps) => ps.map((p) => [p.dataset.key, p.querySelector("span").textContent]));

describe("text in, data out", () => {
  test("formula-looking text is made safe in both exports; numbers stay numbers", async () => {
    const { context, page } = await open({ acceptDownloads: true });
    // As metric words before a figure, and as headings (the exports' 所在章节 column).
    const evil = ['=HYPERLINK("http://x","查看")', "+1+1", "@SUM(A1)", "-2+3"];
    const text =
      evil.map((w, k) => `${"一二三四"[k]}、${w}\n${w}受理案件238件,办结率达98.7%。\n`).join("") + REPORT.slice(0, 1500);
    await paste(page, text);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.click("#copy-tsv");
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    const csv = await readFile(await download.path(), "utf8");
    for (const [format, out, sep] of [["tsv", tsv, "\t"], ["csv", csv.replace(/^\ufeff/, ""), ","]]) {
      const lines = out.trimEnd().split(/\r?\n/);
      assert.equal(lines[0].split(sep)[0], "原文", `${format}: Chinese headers`);
      const fields = lines.flatMap((l) => l.split(sep)).map((f) => f.replace(/^"/, ""));
      const formulas = fields.filter((f) => /^[=+\-@\t\r]/.test(f) && !/^[-+]?\d+(\.\d+)?$/.test(f));
      assert.deepEqual(formulas, [], `${format}: no field a spreadsheet would run`);
      for (const w of ["'=HYPERLINK(", "'+1+1", "'@SUM(A1)", "'-2+3"]) assert.ok(out.includes(w), `${format}: ${w}`);
      // The value column (数值, the 4th) holds plain numbers.
      const values = lines.slice(1).map((l) => l.split(sep)[3]).filter(Boolean);
      assert.ok(values.length > 5 && values.every((v) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(v)), `${format}: ${values.slice(0, 5)}`);
    }
    await context.close();
  });

  test("清空 can be undone with the 撤销 button and with Ctrl+Z, and the text is saved again", async () => {
    const { context, page, errors } = await open();
    await paste(page, REPORT);
    assert.equal(await page.isVisible("#undo"), false);
    await page.evaluate(() => { document.body.dataset.state = "busy"; });
    await page.click("#clear");
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), "");
    assert.equal(await page.evaluate(() => localStorage.getItem("zhibiao.text")), null);
    assert.equal(await page.isVisible("#undo"), true);
    assert.equal(await page.textContent("#status"), "已清空。");
    await page.evaluate(() => { document.body.dataset.state = "busy"; });
    await page.click("#undo");
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), REPORT);
    assert.equal(await page.$eval("#view", (v) => v.textContent), REPORT);
    assert.equal(await page.isVisible("#undo"), false);
    // Ctrl+Z in the emptied text area.
    await page.evaluate(() => { document.body.dataset.state = "busy"; });
    await page.click("#clear");
    await waitDone(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), "input");
    await page.evaluate(() => { document.body.dataset.state = "busy"; });
    await page.keyboard.press("Control+z");
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), REPORT);
    await page.reload();
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), REPORT, "the restored text is saved again");
    // Once new text comes in, there is nothing to undo.
    await page.click("#clear");
    await paste(page, "公布事项238项。");
    assert.equal(await page.isVisible("#undo"), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a PNG, dropped or opened, is refused with a warning that stays until dismissed; the text is kept", async () => {
    const { context, page } = await open();
    await paste(page, REPORT);
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "截图.png", { type: "image/png" }));
      document.getElementById("view").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...PNG]);
    await page.waitForSelector("#notices .notice");
    const [[key, message]] = await notices(page);
    assert.equal(key, "file");
    assert.match(message, /截图\.png.*不是文本文件.*当前文本未改变/);
    assert.equal(await page.inputValue("#input"), REPORT);
    assert.equal(await page.$eval("#view", (v) => v.textContent), REPORT);
    // Opened with the file picker: the same, one warning (not two).
    await page.setInputFiles("#file", { name: "图.png", mimeType: "image/png", buffer: PNG });
    await page.waitForFunction(() => document.querySelector("#notices .notice span").textContent.startsWith("图.png"));
    assert.equal((await notices(page)).length, 1);
    // It stays (the status line's messages come and go; a warning does not) until × is clicked.
    await paste(page, REPORT.slice(0, 5000));
    await page.waitForTimeout(2500);
    assert.equal((await notices(page)).length, 1);
    await page.click("#notices .notice .dismiss");
    assert.deepEqual(await notices(page), []);
    assert.equal(await page.isVisible("#notices"), false);
    assert.equal(await page.inputValue("#input"), REPORT.slice(0, 5000));
    await context.close();
  });

  test("a text too big to store says so, stays said, and a reload does not bring back an older text", async () => {
    // The browser's quota (5-10 MB) simulated: any value over 20,000 characters is refused.
    const { context, page } = await open({
      init: () => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (String(v).length > 20000) throw new DOMException("quota", "QuotaExceededError");
          return setItem.call(this, k, v);
        };
      },
    });
    const older = REPORT.slice(0, 3000);
    await paste(page, older);
    assert.equal(await page.evaluate(() => localStorage.getItem("zhibiao.text")), older);
    const big = REPORT.repeat(Math.ceil(25000 / REPORT.length));
    assert.ok(big.length > 20000);
    await paste(page, big);
    const [[key, message]] = await notices(page);
    assert.equal(key, "storage");
    assert.match(message, /文本太大.*刷新或关闭页面后这段文本将不会恢复/);
    assert.equal(await page.evaluate(() => localStorage.getItem("zhibiao.text")), null, "the older copy is gone");
    await page.waitForTimeout(2500);
    assert.equal((await notices(page)).length, 1, "the warning stays");
    await page.reload();
    await waitDone(page);
    assert.equal(await page.inputValue("#input"), "", "not the older text");
    await context.close();
  });

  test("the five-parts panel: the five parts for a 法治政府建设报告, one line for a news item or a 统计公报, nothing when empty", async () => {
    const { context, page } = await open();
    const panel = () =>
      page.evaluate(() => ({
        heading: !document.getElementById("parts-h").hidden,
        items: [...document.querySelectorAll("#parts li")].map((li) => li.dataset.status || li.textContent),
        visible: !document.getElementById("parts").hidden,
      }));
    assert.deepEqual(await panel(), { heading: false, items: [], visible: false }, "empty page");
    await paste(page, REPORT);
    const report = await panel();
    assert.equal(report.items.length, 5);
    assert.ok(report.items.every((s) => ["present", "mentioned", "missing"].includes(s)));
    const na = { heading: true, items: ["此类报告不适用五项内容检查。"], visible: true };
    await paste(page, NEWS);
    assert.deepEqual(await panel(), na);
    // A 统计公报 in which the core finds one of the five parts mentioned: its genre decides.
    await paste(page, BULLETIN);
    assert.deepEqual(await panel(), na);
    await page.click("#clear");
    await waitDone(page);
    assert.deepEqual(await panel(), { heading: false, items: [], visible: false });
    await context.close();
  });

  test("first visit with the service worker: every file, the wasm included, is downloaded once", async () => {
    session.server.hits.length = 0;
    const context = await session.browser.newContext({ serviceWorkers: "allow" });
    const page = await context.newPage();
    await page.goto(session.server.url);
    await waitDone(page);
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).length;
    });
    const { files } = JSON.parse(await readFile(join(ROOT, "www/pkg/build.json"), "utf8"));
    assert.equal(cached, files.length + 1, "every file and the page are cached");
    const count = (p) => session.server.hits.filter((h) => h === p).length;
    assert.equal(count("/pkg/zhibiao_bg.wasm"), 1, `requests: ${session.server.hits}`);
    for (const f of files.filter((f) => f !== "pkg/build.json")) assert.equal(count(`/${f}`), 1, f);
    await context.close();
  });

  test("the bookmarklet brings a government page's text, URL and date into a new zhibiao tab", async () => {
    // A government page on another origin (another port of 127.0.0.1): navigation, the report in
    // paragraphs, a footer, and its publication date in a meta tag or in the text.
    const paragraphs = REPORT.split("\n").filter((l) => l.trim()).slice(0, 60);
    const gov = createServer((req, res) => {
      const meta = req.url.includes("nometa") ? "" : '<meta name="PubDate" content="2024-03-29 09:30">';
      const dated = req.url.includes("nometa") ? "<p>发布时间：2024-04-08 来源：县司法局</p>" : "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html><head><meta charset="utf-8">${meta}<title>荔波县人民政府 报告</title></head><body>
<nav><a href="/">首页</a> <a href="/x">政务公开</a> <a href="/y">政策文件</a></nav>
<div class="info">${dated}</div>
<div class="TRS_Editor" id="zoom">${paragraphs.map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("\n")}</div>
<footer>版权所有：荔波县人民政府 网站标识码 5227220001</footer></body></html>`);
    });
    await new Promise((ok) => gov.listen(0, "127.0.0.1", ok));
    const govUrl = `http://127.0.0.1:${gov.address().port}/art/2024/3/29/report.html`;
    try {
      const { context, page } = await open();
      // The link is offered on the page, with zhibiao's own URL baked in.
      const href = await page.getAttribute("#bookmarklet", "href");
      assert.ok(href.startsWith("javascript:"));
      const code = decodeURIComponent(href.slice("javascript:".length));
      assert.ok(code.includes(JSON.stringify(session.server.url)), "zhibiao's URL is in the code");
      await page.click(".bookmarklet-box summary");
      await page.click("#bookmarklet"); // on zhibiao itself it only explains
      assert.match(await page.textContent("#status"), /拖到浏览器的书签栏/);

      const run = async (url, select) => {
        const site = await context.newPage();
        await site.goto(url);
        if (select) await site.evaluate(() => getSelection().selectAllChildren(document.querySelectorAll("#zoom p")[1]));
        const [tab] = await Promise.all([context.waitForEvent("page"), site.evaluate((c) => (0, eval)(c), code)]);
        await tab.waitForFunction(() => document.body.dataset.state === "done" && document.getElementById("input").value !== "");
        await waitDone(tab);
        return { site, tab };
      };

      // No selection: the main text, not the navigation or the footer; the date from the meta tag.
      const { tab } = await run(govUrl, false);
      const text = await tab.inputValue("#input");
      const squeeze = (s) => s.replace(/\s+/g, "");
      assert.ok(squeeze(text).includes(squeeze(paragraphs[0])) && squeeze(text).includes(squeeze(paragraphs.at(-1))), `the report's paragraphs: ${text.slice(0, 300)}`);
      assert.ok(!text.includes("首页") && !text.includes("版权所有"), "not the page's navigation or footer");
      assert.equal(await tab.$eval("#view", (v) => v.textContent), text);
      const source = await tab.textContent("#source");
      assert.match(source, /来源网页：荔波县人民政府 报告 /);
      assert.ok(source.includes(govUrl));
      assert.match(source, /发布日期 2024-03-29/);
      assert.equal(await tab.getAttribute("#source a", "href"), govUrl);
      assert.equal(await tab.getAttribute("#deadline", "data-source"), "page");
      assert.match(await tab.textContent("#deadline"), /✓ 按时。来源网页发布日期 2024-03-29，应于 2024-04-01 前公开/);
      assert.doesNotMatch(text, /\n\s*\n/, "one line per paragraph, no blank lines between");
      // The text and where it came from survive a reload.
      await tab.reload();
      await waitDone(tab);
      assert.equal(await tab.inputValue("#input"), text);
      assert.ok((await tab.textContent("#source")).includes(govUrl));
      assert.equal(await tab.getAttribute("#deadline", "data-source"), "page");

      // A selection is taken as it is; a date written in the page's text is found.
      const second = await run(`${govUrl}?nometa`, true);
      assert.equal(squeeze(await second.tab.inputValue("#input")), squeeze(paragraphs[1]));
      assert.match(await second.tab.textContent("#source"), /发布日期 2024-04-08/);
      await context.close();
    } finally {
      await new Promise((ok) => { gov.closeAllConnections(); gov.close(ok); });
    }
  });

  test("a message that is not the bookmarklet's, or not from the opener, is ignored", async () => {
    const { context, page } = await open();
    await page.evaluate(() => {
      window.postMessage({ zhibiao: "source", text: "公布事项238项。", url: "https://x/" }, "*");
    });
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue("#input"), "");
    assert.equal(await page.isVisible("#source"), false);
    await context.close();
  });
});
