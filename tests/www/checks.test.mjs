// The 检查 panel's pure parts (www/checks.js), on what the core really returns for report text:
// the groups and which checks a genre gets, and each finding's explanation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extract } from "./core.mjs";
import { GROUPS, KIND_LABEL, checkGroups, explain, genreLine } from "../../www/checks.js";

const REPORT = readFileSync(new URL("../fixtures/corpus/001_2f779e0289e0123a.txt", import.meta.url), "utf8");

test("every kind of finding has a label and a group", () => {
  const kinds = GROUPS.flatMap((g) => g.checks.flatMap((c) => c.kinds));
  for (const k of ["rate", "share", "sum", "change", "points", "difference", "growth", "annual", "thin", "basis", "year", "deadline"]) {
    assert.ok(kinds.includes(k), k);
    assert.ok(KIND_LABEL[k], k);
  }
  assert.equal(new Set(kinds).size, kinds.length, "one group per kind");
});

test("a rate stated beside its counts: what the text says, what was computed, the tolerance", () => {
  const r = extract(REPORT);
  const groups = checkGroups(r);
  const arithmetic = groups.find((g) => g.key === "arithmetic");
  assert.equal(arithmetic.findings.length, 1);
  const f = arithmetic.findings[0];
  assert.equal(f.tolerance, 0.01);
  assert.deepEqual(explain(f, r, REPORT), [
    ["报告写", "97.87%"],
    ["计算得", "97.89%（用原文的 1205件、1231件 算出）"],
    ["允许误差", "不到末位的一个单位（0.01%）；原文各数也按其所写位数的舍入范围计算，超出才算不一致。"],
  ]);
  assert.equal(genreLine(r), "按“法治政府建设年度报告”检查，含五项法定内容与公开时限。");
  assert.deepEqual(groups.flatMap((g) => g.skipped), []);
});

test("a total of exact counts has no tolerance; the late deadline joins the genre group", () => {
  const text = "全年办理行政复议案件18件,其中撤销5件,维持6件,确认违法2件,其他1件。";
  const r = extract(text);
  const [f] = checkGroups(r).find((g) => g.key === "arithmetic").findings;
  assert.equal(f.kind, "sum");
  assert.deepEqual(explain(f, r, text).at(-1), ["允许误差", "无：各项计数之和须与合计完全相等。"]);
  const late = { date: "2024-04-20", source: "signature", due: "2024-04-01", status: "late" };
  const genre = checkGroups({ ...r, genre: "rule_of_law_report" }, late).find((g) => g.key === "genre");
  assert.equal(genre.findings.length, 1);
  assert.equal(genre.findings[0].kind, "deadline");
  assert.equal(checkGroups(r, { ...late, status: "onTime" }).find((g) => g.key === "genre").findings.length, 0);
});

test("a 政府工作报告 is not asked for bases, five parts, its year or the deadline", () => {
  const r = extract("2024年政府工作报告\n各位代表：\n过去一年，国内生产总值超过126万亿元，增长5.2%。\n");
  assert.equal(r.genre, "government_work_report");
  const groups = checkGroups(r);
  assert.deepEqual(groups.flatMap((g) => g.findings), []);
  assert.equal(groups.find((g) => g.key === "arithmetic").skipped.length, 0);
  assert.equal(groups.find((g) => g.key === "substance").applied.length, 0);
  assert.deepEqual(groups.find((g) => g.key === "genre").applied, []);
  assert.match(genreLine(r), /^按“政府工作报告”检查。五项法定内容与公开时限只适用于法治政府建设年度报告；此类报告的增减按惯例与上年相比/);
});
