// Unit tests of www/compare-model.js (what the 对比 and 批量 modes derive from the core's results)
// in node, on real reports run through the real core (www/pkg: scripts/build-web first): the
// 海拉尔区 政府工作报告 of 2012 and 2013 (tests/fixtures/pairs) and the bundled corpus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { compare, metricColumns, tableRow } from "./core.mjs";
import {
  batchColumns,
  carriedIntervals,
  compareModel,
  deltaText,
  exportBatch,
  exportComparison,
  pairDelta,
  pairMetric,
  pairUp,
  paintRuns,
  partsCell,
  scaled,
  sentenceAround,
  sortBatch,
  unpair,
} from "../../www/compare-model.js";

const read = (p) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), "utf8");
const OLD = read("pairs/hailar-2012.txt");
const NEW = read("pairs/hailar-2013.txt");
const C = compare(OLD, NEW);

/** Parses the page's CSV (BOM, quoted fields, \n line ends) into rows of fields. */
function parseCsv(text) {
  assert.ok(text.startsWith("\ufeff"));
  const rows = [];
  let row = [];
  let f = "";
  let q = false;
  for (let i = 1; i < text.length; i++) {
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

test("a pair's change: same unit only, percentages in points, money in 亿/万", () => {
  const gdp = C.pairs.find((p) => p.metricId === "gdp" && p.old.text === "198.5亿元");
  assert.ok(gdp, "the 2011 and 2012 地区生产总值 are paired");
  assert.equal(gdp.new.text, "235.2亿元");
  // The page's own delta (for pairs made by hand) agrees with the core's for every core pair.
  for (const p of C.pairs) {
    const d = pairDelta(p.old, p.new);
    assert.equal(d.delta === null, p.delta === null, `${p.old.text} → ${p.new.text}`);
    if (p.delta !== null) assert.ok(Math.abs(d.delta - p.delta) <= Math.abs(p.delta) * 1e-9, `${p.old.text} → ${p.new.text}`);
  }
  assert.equal(deltaText(gdp), "↑ +36.7亿元（+18.5%）");
  const rate = C.pairs.find((p) => p.old.unit === "%" && p.new.unit === "%" && p.delta < 0);
  assert.match(deltaText(rate), /^↓ −[\d.]+个百分点$/);
  assert.equal(deltaText({ ...gdp, delta: 0, deltaPercent: 0 }), "＝ 持平");
  assert.equal(deltaText({ ...gdp, delta: null, deltaPercent: null }), "");
  assert.deepEqual(pairDelta({ value: 54, unit: "个" }, { value: 54, unit: "家" }), { delta: null, deltaPercent: null });
  assert.deepEqual(pairDelta({ value: 3, valueMax: 5, unit: "个" }, { value: 4, unit: "个" }), { delta: null, deltaPercent: null });
  assert.deepEqual(pairDelta({ value: 98.7, unit: "%" }, { value: 99.1, unit: "%" }), { delta: 0.4, deltaPercent: 0.4052684904 });
  assert.equal(scaled(3670000000, "元"), "36.7亿元");
  assert.equal(scaled(-20000, "平方米"), "-2万平方米");
  assert.equal(scaled(12.345, "%"), "12.35%");
});

test("a stated growth pair is labelled as a growth, not as the level", () => {
  const growth = C.pairs.find((p) => p.old.change && p.new.change);
  assert.ok(growth, "the reports pair some 同比增长 figures");
  assert.match(pairMetric(growth), /增幅）$/);
  const level = C.pairs.find((p) => !p.old.change && !p.new.change && p.metric);
  assert.equal(pairMetric(level), level.metric);
});

test("unpair and pair by hand move figures between the lists and keep every figure once", () => {
  const m = compareModel(C);
  const total = (x) => 2 * x.pairs.length + x.onlyOld.length + x.onlyNew.length;
  const k = m.pairs.findIndex((p) => p.metricId === "gdp");
  const u = unpair(m, k);
  assert.equal(u.pairs.length, m.pairs.length - 1);
  assert.equal(total(u), total(m));
  assert.ok(u.onlyOld.includes(m.pairs[k].old) && u.onlyNew.includes(m.pairs[k].new));
  assert.deepEqual(u.onlyOld.map((x) => x.start), u.onlyOld.map((x) => x.start).sort((a, b) => a - b), "text order");
  assert.equal(m.pairs[k].old.text, "198.5亿元", "the model it came from is unchanged");
  // Paired again by hand: the same figures, the same change, marked manual, at the end.
  const i = u.onlyOld.indexOf(m.pairs[k].old);
  const j = u.onlyNew.indexOf(m.pairs[k].new);
  const p = pairUp(u, i, j);
  const again = p.pairs.at(-1);
  assert.equal(total(p), total(m));
  assert.equal(again.manual, true);
  assert.equal(again.old, m.pairs[k].old);
  assert.equal(again.delta, m.pairs[k].delta);
  assert.equal(again.metricId, "gdp");
  assert.equal(unpair(m, 999), m);
  assert.equal(pairUp(m, -1, 0), m);
});

test("painting a side: runs cover the text once, figures whole, carried-over passages marked", () => {
  for (const side of ["old", "new"]) {
    const text = side === "old" ? OLD : NEW;
    const m = compareModel(C);
    const figs = [
      ...m.pairs.map((p, k) => ({ start: p[side].start, end: p[side].end, ref: k })),
      ...(side === "old" ? m.onlyOld : m.onlyNew).map((x) => ({ start: x.start, end: x.end, ref: x.text })),
    ];
    const carried = carriedIntervals(C.carriedOver, side, text.length);
    const runs = paintRuns(text.length, figs, carried);
    assert.equal(runs.map((r) => text.slice(r.s, r.e)).join(""), text);
    for (let k = 1; k < runs.length; k++) assert.equal(runs[k].s, runs[k - 1].e);
    const marked = runs.filter((r) => r.fig !== null);
    assert.equal(marked.length, figs.length, "no figure overlaps another");
    for (const r of marked) {
      const f = figs.find((x) => x.start === r.s);
      assert.equal(r.e, f.end);
    }
    // A plain run is carried exactly when it lies in a carried-over passage.
    for (const r of runs.filter((r) => r.fig === null)) {
      const inside = carried.some(([a, b]) => a <= r.s && r.e <= b);
      assert.equal(r.carried, inside, `${side} ${r.s}–${r.e}`);
    }
    const carriedChars = runs.filter((r) => r.carried && r.fig === null).reduce((s, r) => s + r.e - r.s, 0);
    assert.ok(carriedChars > 0, "the two years share some passages word for word");
  }
  assert.deepEqual(carriedIntervals([{ oldStart: 5, oldEnd: 9, newStart: 0, newEnd: 4 }, { oldStart: 0, oldEnd: 6, newStart: 10, newEnd: 30 }], "old", 8), [[0, 8]]);
  assert.deepEqual(paintRuns(10, [{ start: 2, end: 5, ref: "a" }, { start: 4, end: 6, ref: "b" }], [[3, 8]]).map((r) => [r.s, r.e, r.carried, r.fig]), [
    [0, 2, false, null],
    [2, 5, false, "a"],
    [5, 8, true, null],
    [8, 10, false, null],
  ]);
});

test("a pair's sentences, for the hover", () => {
  const gdp = C.pairs.find((p) => p.old.text === "198.5亿元");
  const s = sentenceAround(OLD, gdp.old.start, gdp.old.end);
  assert.ok(s.includes("198.5亿元"));
  assert.doesNotMatch(s, /[\n。；].+/, "one sentence: nothing after its end");
  const t = "甲。乙办理4.6万件；丙";
  assert.equal(sentenceAround(t, t.indexOf("4.6"), t.indexOf("；")), "乙办理4.6万件；");
});

test("the comparison's CSV: the CLI's columns, every pair and unpaired figure, edits included", () => {
  const m = unpair(compareModel(C), 0);
  const rows = parseCsv(exportComparison("csv", m));
  assert.deepEqual(rows[0], ["类别", "指标", "指标编号", "旧文", "旧值", "旧单位", "新文", "新值", "新单位", "变化量", "变化率(%)", "旧起点", "旧终点", "新起点", "新终点"]);
  assert.equal(rows.length - 1, m.pairs.length + m.onlyOld.length + m.onlyNew.length);
  const gdp = rows.find((r) => r[3] === "235.2亿元" || r[6] === "235.2亿元");
  assert.ok(gdp);
  const p = m.pairs[0];
  const row = rows.find((r) => r[0] === "配对" && r[3] === p.old.text && r[11] === String(p.old.start));
  assert.deepEqual(row.slice(4, 11), [String(p.old.value), p.old.unit, p.new.text, String(p.new.value), p.new.unit, String(p.delta), String(p.deltaPercent)]);
  const tsv = exportComparison("tsv", m);
  assert.equal(tsv.split("\r\n").length - 2, rows.length - 1);
  // A figure text a spreadsheet would run as a formula is made text.
  const evil = { ...m, pairs: [], onlyNew: [{ start: 0, end: 3, text: "=1+2", value: 3, unit: null, kind: "count", metric: "@SUM(A1)", heading: null }], onlyOld: [] };
  const [, r] = parseCsv(exportComparison("csv", evil));
  assert.equal(r[1], "'@SUM(A1)");
  assert.equal(r[6], "'=1+2");
});

test("the batch table: one row per report, metric columns in taxonomy order, sorting, CSV", () => {
  const dir = new URL("../fixtures/corpus/", import.meta.url);
  const names = readdirSync(dir).filter((n) => n.endsWith(".txt")).sort();
  const rows = [...names.map((n) => tableRow(n, readFileSync(new URL(n, dir), "utf8"))), tableRow("hailar-2012.txt", OLD), tableRow("hailar-2013.txt", NEW)];
  const all = metricColumns();
  const cols = batchColumns(rows, all);
  const metricCols = cols.filter((c) => c.metricId);
  const ids = new Set(rows.flatMap((r) => r.metrics.map((m) => m.metricId)));
  assert.deepEqual(metricCols.map((c) => c.metricId), all.map((c) => c.metricId).filter((id) => ids.has(id)));
  assert.equal(cols[0].key, "file");

  // Sorting by a metric: numbers ascending, then descending; reports without it last both ways.
  const gdp = cols.find((c) => c.metricId === "gdp");
  assert.ok(gdp, "the 政府工作报告 have a GDP column");
  for (const dir of [1, -1]) {
    const sorted = sortBatch(rows, gdp, dir);
    const values = sorted.map((r) => gdp.sort(r));
    const present = values.filter((v) => v !== null);
    assert.ok(present.length >= 2);
    assert.deepEqual(values.slice(present.length), Array(values.length - present.length).fill(null), "empty cells last");
    for (let k = 1; k < present.length; k++) assert.ok((present[k] - present[k - 1]) * dir >= 0);
  }
  const byFile = sortBatch(rows, cols[0], -1).map((r) => r.file);
  assert.deepEqual(byFile, rows.map((r) => r.file).sort((a, b) => b.localeCompare(a, "zh-CN", { numeric: true })));
  assert.deepEqual(sortBatch(rows, null), rows, "no sort column: the files' order");

  // The five parts: shown for a 法治政府建设年度报告, not for a 政府工作报告 (exported either way).
  const rol = rows.find((r) => r.genre === "rule_of_law_report");
  assert.match(partsCell(rol), /^[✓≈✗]{5}$/);
  assert.equal(partsCell(rows.find((r) => r.file === "hailar-2012.txt")), "");

  const csv = parseCsv(exportBatch("csv", rows, cols));
  assert.equal(csv.length, rows.length + 1);
  assert.deepEqual(csv[0].slice(0, 7), ["文件", "标题", "发布机关", "报告年度", "体裁", "发布日期", "公开时限"]);
  assert.equal(csv[0].length, 7 + 5 + 1 + 3 * metricCols.length);
  const h = csv[0].indexOf("地区生产总值(gdp)");
  const hailar = csv.find((r) => r[0] === "hailar-2012.txt");
  const cell = rows.find((r) => r.file === "hailar-2012.txt").metrics.find((m) => m.metricId === "gdp");
  assert.deepEqual(hailar.slice(h, h + 3), [String(cell.value), cell.unit, String(cell.count)]);
  assert.equal(hailar[4], "政府工作报告");
});
