// End-to-end tests of the 检查 panel (www/checks.js) in Debian's headless Chromium: findings of
// real report text grouped and explained, a click or Enter jumps to the figure checked and
// highlights every span involved, the empty state says what was checked, the genre decides which
// checks apply (the deadline only for 法治政府建设 reports), and the panel fits a laptop and a phone.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, coreExtract, paste, useBrowser, waitDone } from "./helpers.mjs";

// 荔波县 2023: 排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.87% (1205/1231 = 97.89 %).
const REPORT = await readFile(join(ROOT, "tests/fixtures/corpus/001_2f779e0289e0123a.txt"), "utf8");
// The national 2024 政府工作报告's opening (p07): changes on the year before by convention.
const GWR = "2024年政府工作报告\n各位代表：\n过去一年，国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。\n国务院\n2024年3月5日\n";

const session = useBrowser();

async function open(viewport = { width: 1366, height: 768 }) {
  const context = await session.browser.newContext({ serviceWorkers: "block", viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(session.server.url);
  await waitDone(page);
  return { context, page, errors };
}

/** The panel as data: its count, and per group its count, findings' buttons and checked line. */
function panel(page) {
  return page.evaluate(() => {
    const el = document.getElementById("checks");
    return {
      count: el.querySelector("#checks-h .count").textContent,
      genre: el.querySelector(".genre-line")?.textContent ?? null,
      empty: el.querySelector(".empty")?.textContent ?? null,
      groups: [...el.querySelectorAll(".check-group")].map((g) => ({
        key: g.dataset.group,
        count: g.querySelector("h3 .count").textContent,
        findings: [...g.querySelectorAll("li")].map((li) => ({
          kind: li.dataset.kind,
          button: li.querySelector(".finding").textContent,
          message: li.querySelector(".msg").textContent,
          explain: li.querySelector("dl").textContent,
        })),
        checked: g.querySelector(".checked").textContent,
      })),
    };
  });
}

describe("the 检查 panel", () => {
  test("groups a real report's findings, explains them, and jumps to their highlighted spans", async () => {
    const { context, page, errors } = await open();
    const before = await panel(page);
    assert.match(before.empty, /粘贴报告后/, "no text: says what it will show");
    await paste(page, REPORT);
    const r = await coreExtract(page, REPORT);
    const p = await panel(page);
    assert.equal(p.count, `${r.checks.length} 项`);
    assert.match(p.genre, /按“法治政府建设年度报告”检查/);
    const arithmetic = p.groups.find((g) => g.key === "arithmetic");
    assert.equal(arithmetic.count, "1");
    const [f] = arithmetic.findings;
    assert.equal(f.kind, "rate");
    assert.match(f.button, /^第 \d+ 行 · 比率：97\.87%$/);
    assert.equal(f.message, "调解成功率应为97.89%（1205÷1231），报告写97.87%");
    assert.match(f.explain, /报告写97\.87%/);
    assert.match(f.explain, /计算得97\.89%（用原文的 1205件、1231件 算出）/);
    assert.match(f.explain, /允许误差不到末位的一个单位（0\.01%）/);
    // Counts per group add up to the core's findings.
    assert.equal(p.groups.reduce((n, g) => n + Number(g.count), 0), r.checks.length);

    // Enter on the finding: the stated figure gets the focus, all three figures are highlighted.
    await page.focus('#checks li[data-kind="rate"] .finding');
    await page.keyboard.press("Enter");
    const hit = await page.evaluate(() => ({
      focused: document.activeElement.tagName === "MARK" ? document.activeElement.textContent : null,
      lit: [...document.querySelectorAll("#view mark.check-hit")].map((m) => m.textContent),
      ranges: CSS.highlights.get("zhibiao-check") ? [...CSS.highlights.get("zhibiao-check")].map((x) => x.toString()) : [],
    }));
    assert.equal(hit.focused, "97.87%");
    assert.deepEqual(hit.lit.sort(), ["1205件", "1231件", "97.87%"].sort());
    assert.deepEqual(hit.ranges, ["97.87%", "1205件", "1231件"]);
    const inView = await page.evaluate(() => {
      const v = document.getElementById("view").getBoundingClientRect();
      const m = document.querySelector("#view mark.check-hit:focus").getBoundingClientRect();
      return m.top >= v.top && m.bottom <= v.bottom;
    });
    assert.ok(inView, "the figure checked is scrolled into the view");

    // A click on a finding with no highlight of its own (the thin part's heading words) selects it.
    await paste(page, "某县2023年法治政府建设情况报告\n一、主要举措和成效\n(一)推进依法行政。办理行政复议案件12件。\n二、存在的不足和原因\n虽然取得了一定成效,但法治意识仍有待提高。\n三、2024年工作安排\n一是深化改革;二是加强监督。\n");
    const thin = await panel(page);
    assert.equal(thin.groups.find((g) => g.key === "substance").findings[0].kind, "thin");
    assert.deepEqual(await page.evaluate(() => document.querySelectorAll("#view mark.check-hit").length), 0, "a new text clears the highlights");
    await page.click('#checks li[data-kind="thin"] .finding');
    const selected = await page.evaluate(() => getSelection().toString());
    assert.match(selected, /存在的不足和原因/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("with nothing found, each group says what it checked; the genre decides which checks apply", async () => {
    const { context, page, errors } = await open();
    await paste(page, "一、主要举措和成效\n公布市级行政许可事项238项,办理4.6万件,合格率达98.7%。");
    const p = await panel(page);
    assert.equal(p.count, "未发现问题");
    for (const g of p.groups) {
      assert.equal(g.count, "0");
      assert.deepEqual(g.findings, []);
    }
    assert.match(p.groups[0].checked, /^未发现问题。已检查：比率、占比与算出它的两个数；合计/);

    // A 政府工作报告: no basis, no five parts, no deadline — and the page says so.
    await paste(page, GWR);
    const g = await panel(page);
    assert.match(g.genre, /按“政府工作报告”检查。五项法定内容与公开时限只适用于法治政府建设年度报告；此类报告的增减按惯例与上年相比/);
    assert.equal(g.count, "未发现问题");
    const substance = g.groups.find((x) => x.key === "substance");
    assert.match(substance.checked, /不适用于此类报告：五项法定内容各部分有无数据或具体事项；增减百分比是否说明与何时相比。/);
    assert.equal(await page.getAttribute("#deadline", "data-status"), "na");
    assert.match(await page.textContent("#deadline"), /只适用于法治政府建设年度报告/);
    assert.equal((await coreExtract(page, GWR)).deadline, null);

    // A 法治政府建设 report published after 1 April: the late deadline is a finding of its group.
    await paste(page, "某县2023年法治政府建设情况报告\n一、主要举措和成效\n办理行政复议案件12件。\n某县人民政府\n2024年4月20日\n");
    const late = (await panel(page)).groups.find((x) => x.key === "genre");
    assert.equal(late.count, "1");
    assert.equal(late.findings[0].kind, "deadline");
    assert.match(late.findings[0].explain, /逾期。落款日期 2024-04-20，应于 2024-04-01 前公开/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("fits a 1366×768 laptop and a 390-wide phone, and is reached by keyboard", async () => {
    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const { context, page } = await open(viewport);
      await paste(page, REPORT);
      const box = await page.evaluate(() => {
        const el = document.getElementById("checks");
        const b = el.getBoundingClientRect();
        return { width: b.width, scroll: el.scrollWidth, client: el.clientWidth, pageScroll: document.documentElement.scrollWidth };
      });
      assert.ok(box.width > 150, `the panel has room at ${viewport.width}: ${box.width}`);
      assert.ok(box.scroll <= box.client, `no horizontal overflow in the panel at ${viewport.width}`);
      assert.ok(box.pageScroll <= viewport.width, `the page does not scroll sideways at ${viewport.width}`);
      // Tab reaches the finding (one tab stop for the panel's findings).
      await page.focus("#input");
      let reached = false;
      for (let k = 0; k < 40 && !reached; k++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement.classList.contains("finding"));
      }
      assert.ok(reached, `Tab reaches a finding at ${viewport.width}`);
      await context.close();
    }
  });
});
