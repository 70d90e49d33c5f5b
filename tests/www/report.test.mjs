// Unit tests of www/report.js (the page's pure functions) in node, without a browser, on real
// report text run through the real core (www/pkg: scripts/build-web first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extract } from "./core.mjs";
import {
  FORMATS,
  decodeText,
  deadlineText,
  describe,
  docInfo,
  exportIndicators,
  fileName,
  fmt,
  isolated,
  lineAt,
  lineIndex,
  lineStarts,
  outlineGroups,
  scaleOf,
  sectionPath,
  shownValue,
  spansOf,
  splitBidi,
  summary,
  tableCells,
  tableRows,
  writeDelimited,
} from "../../www/report.js";

// A report excerpt (lines of 001_2f779e0289e0123a and the README's example), with a CRLF line end.
const SNIPPET =
  "一、主要举措和成效\r\n（一）深化改革。公布市级行政许可事项238项,办理4.6万件,合格率达98.7%,同比上升3.2个百分点。\n" +
  "二、存在的不足\n一是落实《中华人民共和国行政许可法》;二是2024年3月1日前公开,投入约537.97万元。\n";
const R = extract(SNIPPET);
const byText = (t) => R.indicators.findIndex((x) => x.text === t);
const REPORT = readFileSync(new URL("../fixtures/corpus/001_2f779e0289e0123a.txt", import.meta.url), "utf8");

test("line numbers count \\n, \\r\\n and a lone \\r as one line end each", () => {
  const text = "一、总体情况\r\n（一）深化改革。\r二是公开。\n\n末行";
  assert.deepEqual(lineStarts(text), [0, 8, 17, 23, 24]);
  const starts = lineStarts(text);
  assert.deepEqual([0, 7, 8, 16, 17, 23, 24, 99].map((o) => lineAt(starts, o)), [1, 1, 2, 2, 3, 4, 5, 5]);
  const lineOf = lineIndex(SNIPPET);
  assert.equal(lineOf(R.indicators[byText("238项")].start), 2);
  assert.equal(lineOf(R.indicators[byText("537.97万元")].start), 4);
  // The core's own line numbers agree (its headings and lists carry them).
  for (const h of R.headings) assert.equal(lineOf(h.markerStart), h.line);
  for (const l of R.lists) assert.equal(lineOf(l.markerStart), l.line);
});

test("the section path of an indicator follows the headings' parents, outermost first", () => {
  assert.deepEqual(sectionPath(R.headings, R.indicators[byText("238项")]), ["主要举措和成效", "深化改革"]);
  assert.deepEqual(sectionPath(R.headings, R.indicators[byText("537.97万元")]), ["存在的不足"]);
  assert.deepEqual(sectionPath(R.headings, { heading: null }), []);
  // Malformed parents (a cycle) end instead of looping: at most one entry per heading.
  const cyclic = [{ title: "甲", parent: 1 }, { title: "乙", parent: 0 }];
  assert.deepEqual(sectionPath(cyclic, { heading: 0 }), ["乙", "甲"]);
});

test("highlights come in text order, an enclosing span before what it contains", () => {
  const spans = spansOf(R, SNIPPET.length);
  const kinds = spans.map((s) => `${s.kind}:${SNIPPET.slice(s.s, s.e)}`);
  assert.deepEqual(kinds.slice(0, 3), ["heading:一、主要举措和成效", "heading:（一）深化改革", "indicator:238项"]);
  assert.ok(kinds.includes("citation:《中华人民共和国行政许可法》"));
  assert.ok(kinds.indexOf("list:二是") < kinds.indexOf("date:2024年3月1日"));
  for (let k = 1; k < spans.length; k++) assert.ok(spans[k - 1].s <= spans[k].s);
  assert.equal(spans.length, R.headings.length + R.lists.length + R.citations.length + R.dates.length + R.indicators.length);
  // Same start: the longer span first; same span: heading, list, citation, date, indicator.
  const r = { headings: [], lists: [], citations: [], dates: [{ start: 2, end: 7 }], indicators: [{ start: 2, end: 7 }, { start: 2, end: 9 }] };
  assert.deepEqual(spansOf(r, 10).map((s) => `${s.kind}${s.i}`), ["indicator1", "date0", "indicator0"]);
  // Spans outside the text or empty are dropped (a result that does not fit the text shown).
  assert.deepEqual(spansOf(r, 8).map((s) => `${s.kind}${s.i}`), ["date0", "indicator0"]);
  assert.deepEqual(spansOf({ ...r, dates: [{ start: 3, end: 3 }], indicators: [{ start: -1, end: 2 }] }, 10), []);
});

test("the details of a highlight say what the core found, in Chinese", () => {
  assert.deepEqual(describe(R, "indicator", byText("3.2个百分点")), [
    ["类型", "比例"],
    ["数值", "3.2"],
    ["单位", "个百分点"],
    ["变化", "↑ 增加（同比）"],
    ["指标", "合格率"], // the name only: the taxonomy id is for the exports
    ["章节", "主要举措和成效 › 深化改革"],
  ]);
  const money = new Map(describe(R, "indicator", byText("537.97万元")));
  assert.equal(money.get("数值"), "537.97万"); // in the report's own scale, normalised beside it
  assert.equal(money.get("单位"), "元");
  assert.equal(money.get("归一化"), "5,379,700 元");
  assert.equal(money.get("约数"), "约");
  assert.deepEqual(describe(R, "heading", 1), [["标题", "第 2 级 · （一）"], ["行", "2"]]);
  assert.deepEqual(describe(R, "list", 1), [["列举", "第 2 项（二是）"], ["行", "4"]]);
  assert.deepEqual(describe(R, "citation", 0), [["引用", "法律"]]);
  assert.deepEqual(describe(R, "date", 0), [["日期", "2024-03-01"]]);
  assert.equal(describe(R, "nothing", 0), null);
  const range = { indicators: [{ kind: "count", value: 3, valueMax: 5, unit: "个", heading: null }], headings: [] };
  assert.equal(new Map(describe(range, "indicator", 0)).get("数值"), "3 – 5");
});

test("a value is shown in the report's own scale (万, 亿, 万亿), from the core's text and unit", () => {
  const shown = (t) => {
    const r = extract(`全年投入${t}。`);
    assert.equal(r.indicators.length, 1, t);
    return [shownValue(r.indicators[0]), r.indicators[0].unit];
  };
  assert.deepEqual(shown("134.9万亿元"), ["134.9万亿", "元"]);
  assert.deepEqual(shown("537.97万元"), ["537.97万", "元"]);
  assert.deepEqual(shown("4.6万件"), ["4.6万", "件"]);
  assert.deepEqual(shown("98.7%"), ["98.7", "%"]);
  // A written number and a unit that starts with a scale word are not rescaled.
  assert.equal(scaleOf({ text: "12千米", value: 12, unit: "千米" }), null);
  assert.equal(shownValue({ text: "三千人", value: 3000, unit: "人" }), "3,000");
  assert.equal(shownValue({ text: "3—5万元", value: 30000, valueMax: 50000, unit: "元" }), "3–5万");
  assert.equal(shownValue({ text: "2000余万元", value: 20000000, unit: "元" }), "2,000万");
  assert.equal(shownValue({ text: "90万余元", value: 900000, unit: "元" }), "90万");
  assert.equal(shownValue({ text: "x", value: null, unit: null }), "");
});

test("bidi controls are cut out of text for the view, and isolate a name put next to the page's words", () => {
  assert.deepEqual(splitBidi("受理\u202e238件\u2066，\u202c"), ["受理", "\u202e", "238件", "\u2066", "，", "\u202c"]);
  assert.deepEqual(splitBidi("238件"), ["238件"]);
  assert.deepEqual(splitBidi(""), [""]);
  assert.equal(splitBidi("a\u202eb\u202dc").join(""), "a\u202eb\u202dc"); // nothing lost: offsets hold
  assert.equal(isolated("报告.txt"), "报告.txt");
  assert.equal(isolated("\u202e报告.txt"), "\u2068\u202e报告.txt\u2069");
});

test("numbers are grouped with at most six decimals, and nothing for none", () => {
  assert.deepEqual([46000, 98.7, 0.12345678, 134908400000000, 0, null, undefined].map(fmt), ["46,000", "98.7", "0.123457", "134,908,400,000,000", "0", "", ""]);
});

test("the table filters any cell and sorts numbers as numbers, empty cells last", () => {
  const all = tableRows(R);
  assert.deepEqual(all.map((r) => r.i), R.indicators.map((_, i) => i));
  assert.deepEqual(tableRows(R, { filter: " 合格率 " }).map(({ x }) => x.text), ["98.7%", "3.2个百分点"]);
  assert.deepEqual(tableRows(R, { filter: "存在的不足" }).map(({ x }) => x.text), ["537.97万元"]); // the section
  assert.deepEqual(tableRows(R, { filter: "46,000" }).map(({ x }) => x.text), ["4.6万件"]); // the value as shown
  assert.deepEqual(tableRows(R, { col: "value" }).map(({ x }) => x.value), [3.2, 98.7, 238, 46000, 5379700]);
  assert.deepEqual(tableRows(R, { col: "value", dir: -1 }).map(({ x }) => x.value), [5379700, 46000, 238, 98.7, 3.2]);
  // Only two indicators have a change or an approximation: the others come after them, in text order.
  assert.deepEqual(tableRows(R, { col: "approx", dir: -1 }).map(({ x }) => x.text), ["537.97万元", "238项", "4.6万件", "98.7%", "3.2个百分点"]);
  // By metric name: in the collator's order, indicators without a name last.
  const names = R.indicators.map((x) => x.metric).filter(Boolean);
  assert.ok(names.length >= 2);
  assert.deepEqual(tableRows(R, { col: "metric" }).map(({ x }) => x.metric).slice(0, names.length), names.sort(new Intl.Collator("zh-CN", { numeric: true }).compare));
  assert.deepEqual(tableRows(null), []);
  assert.deepEqual(tableCells(R.indicators[byText("3.2个百分点")], R), ["3.2个百分点", "合格率", "3.2", "个百分点", "", "↑ 同比", "主要举措和成效 › 深化改革"]);
});

test("one writer for CSV and TSV: quoting, line ends and the BOM follow the format", () => {
  const columns = [{ head: "a", get: (r) => r[0] }, { head: "b", get: (r) => r[1] }];
  const rows = [["一,二", '《“规划”》"'], ["甲\t乙", "丙\r\n丁"], [238, ""]];
  assert.equal(writeDelimited(FORMATS.csv, columns, rows), '\ufeffa,b\n"一,二","《“规划”》"""\n甲\t乙,"丙\r\n丁"\n238,\n');
  assert.equal(writeDelimited(FORMATS.tsv, columns, rows), "a\tb\r\n一,二\t《“规划”》\"\r\n甲 乙\t丙 丁\r\n238\t\r\n");
});

test("the exports: CSV and TSV with the same Chinese columns, in the rows' order", () => {
  const rows = tableRows(R, { col: "value", dir: -1 });
  const header = "原文\t指标名\t指标编号\t数值\t上限\t单位\t类型\t约数\t变化\t比较基准\t所在章节\t行";
  const csv = exportIndicators("csv", R, rows, lineIndex(SNIPPET)).split("\n");
  assert.equal(csv[0], "\ufeff" + header.replaceAll("\t", ","));
  assert.equal(csv[1], "537.97万元,投入,,5379700,,元,金额,约,,,存在的不足,4");
  // The metric id is the core's (the taxonomy decides which rates have one).
  const id = R.indicators[byText("3.2个百分点")].metricId || "";
  assert.equal(csv[5], "3.2个百分点,合格率," + id + ",3.2,,个百分点,比例,,增加,同比,主要举措和成效 › 深化改革,2");
  assert.equal(csv.length, 7); // header, five rows, the final line end
  const tsv = exportIndicators("tsv", R, rows, lineIndex(SNIPPET)).split("\r\n");
  assert.equal(tsv[0], header);
  assert.equal(tsv[5], "3.2个百分点\t合格率\t" + id + "\t3.2\t\t个百分点\t比例\t\t增加\t同比\t主要举措和成效 › 深化改革\t2");
  assert.equal(tsv.length, 7);
  assert.equal(exportIndicators("tsv", R, [], lineIndex(SNIPPET)), `${tsv[0]}\r\n`);
});

test("file names come from the title, without characters a file system refuses", () => {
  assert.equal(fileName("荔波县人民政府2023年度法治政府建设工作情况报告", "csv"), "荔波县人民政府2023年度法治政府建设工作情况报告.csv");
  assert.equal(fileName('关于 2023/2024 年度"报告"', "json"), "关于_2023_2024_年度_报告_.json");
  assert.equal(fileName(null, "csv"), "zhibiao.csv");
  assert.equal(fileName("报".repeat(80), "csv").length, 64);
});

test("files: UTF-8, UTF-16 with a BOM, and GBK (said so) all decode", () => {
  const text = "一、主要举措\n公布事项238项。";
  assert.deepEqual(decodeText(new TextEncoder().encode(text)), { text, note: "" });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  assert.deepEqual(decodeText(new Uint8Array(le)), { text, note: "" });
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decodeText(new Uint8Array(be)), { text, note: "" });
  // "指标238项" in GBK: not UTF-8, so GB18030.
  const gbk = new Uint8Array([0xd6, 0xb8, 0xb1, 0xea, 0x32, 0x33, 0x38, 0xcf, 0xee]);
  assert.equal(decodeText(gbk).text, "指标238项");
  assert.match(decodeText(gbk).note, /GB18030/);
});

test("the side panel's facts, deadline and outline groups of a real report", () => {
  const r = extract(REPORT);
  const info = new Map(docInfo(r));
  assert.equal(info.get("标题"), "荔波县人民政府2023年度法治政府建设工作情况报告");
  assert.equal(info.get("生成日期"), "2024-03-04");
  assert.ok(!info.has("发布机构"), "an empty metadata field is not shown");
  assert.equal(deadlineText(r.deadline), `公开时限：✓ 按时。落款日期 2024-03-01，应于 2024-04-01 前公开（每年4月1日前）。`);
  assert.equal(deadlineText({ status: "late", source: "signature", date: "2024-05-01", due: "2024-04-01" }), "公开时限：✗ 逾期。落款日期 2024-05-01，应于 2024-04-01 前公开（每年4月1日前）。");
  assert.equal(deadlineText(null), "");
  const groups = outlineGroups(r.headings);
  assert.deepEqual(groups.flat(), r.headings.flatMap((h, i) => (h.parent === null ? [i] : [])));
  assert.ok(groups.length >= 1);
  const many = Array.from({ length: 120 }, () => ({ parent: null }));
  assert.deepEqual(outlineGroups(many).map((g) => g.length), [50, 50, 20]);
});

test("the status line after an analysis", () => {
  assert.equal(summary(23456, 1234, 12.4, 7.6), "23,456 字 · 1,234 个指标 · 分析 12 毫秒，显示 8 毫秒");
  assert.equal(summary(0, 0, 1, 1), "");
});
