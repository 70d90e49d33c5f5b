// Unit tests of the page's data handling (www/report.js): exports safe for spreadsheets, files
// that are not text, the five parts by genre, the deadline with a web page's date, and the
// bookmarklet's message; on real report text run through the real core where a result is needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { extract } from "./core.mjs";
import {
  FORMATS,
  PARTS_NA,
  decodeText,
  deadlineText,
  deadlineWith,
  exportIndicators,
  isWebUrl,
  isoDate,
  lineIndex,
  looksBinary,
  partsMode,
  sourceMessage,
  spreadsheetSafe,
  tableRows,
  writeDelimited,
} from "../../www/report.js";

const CORPUS = new URL("../fixtures/corpus/", import.meta.url);
const REPORT = readFileSync(new URL("001_2f779e0289e0123a.txt", CORPUS), "utf8");

test("a field a spreadsheet would take for a formula gets a leading ', numbers stay numbers", () => {
  for (const s of ['=HYPERLINK("http://x","查看")', "+1+1", "@SUM(A1)", "-2+3", "\t=1", "\r=1", "=1", "-", "+"]) {
    assert.equal(spreadsheetSafe(s), `'${s}`, s);
  }
  for (const s of ["-1.2", "+3", "-0.5", "46000", "1e-7", "-.5", "238项", "", "原文", "a=b", "3-2"]) {
    assert.equal(spreadsheetSafe(s), s, s);
  }
  // Through the writer: quoting applies to the prefixed field, a negative value stays a number.
  const columns = [{ head: "text", get: (r) => r[0] }, { head: "value", get: (r) => r[1] }];
  const rows = [['=HYPERLINK("http://x","查看")', -1.2], ["@SUM(A1),", "-2+3"]];
  assert.equal(writeDelimited(FORMATS.csv, columns, rows), '\ufefftext,value\n"\'=HYPERLINK(""http://x"",""查看"")",-1.2\n"\'@SUM(A1),",\'-2+3\n');
  assert.equal(writeDelimited(FORMATS.tsv, columns, [["\t=1", -3]]), "text\tvalue\r\n' =1\t-3\r\n");
});

test("formula-looking headings and metric words in a real report's exports are made safe, both formats", () => {
  // As headings (the exports' 所在章节 column) and as the words before a figure (指标名).
  const evil = ['=HYPERLINK("http://x","查看")', "+1+1", "@SUM(A1)", "-2+3"];
  const text = evil.map((w, k) => `${"一二三四"[k]}、${w}\n${w}受理案件238件,办结率达98.7%。\n`).join("") + REPORT.slice(0, 2000);
  const r = extract(text);
  const rows = tableRows(r);
  for (const format of ["csv", "tsv"]) {
    const out = exportIndicators(format, r, rows, lineIndex(text));
    const fields = out.replace(/^\ufeff/, "").split(/\r?\n/).flatMap((line) => line.split(FORMATS[format].sep));
    const formula = fields.map((f) => f.replace(/^"/, "")).filter((f) => /^[=+\-@\t\r]/.test(f) && !/^-?\d+(\.\d+)?$/.test(f));
    assert.deepEqual(formula, [], `${format}: no field starts like a formula`);
    const q = format === "csv" ? '""' : '"';
    for (const w of evil) assert.ok(out.includes(`'${w.replace(/"/g, q)}`), `${format}: ${w} prefixed`);
    // Whatever metric words the core reads from them are prefixed too.
    for (const m of r.indicators.map((x) => x.metric || "").filter((m) => /^[=+\-@]/.test(m))) {
      assert.ok(out.includes(`'${m.replace(/"/g, q)}`), `${format}: ${m} prefixed`);
    }
  }
});

test("a PNG, a PDF-like binary, a zip are refused; text files with a stray control are not", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
  assert.equal(decodeText(png).text, null);
  assert.match(decodeText(png).note, /不是文本文件/);
  // No NUL, but high bytes that are neither UTF-8 nor GB18030 text, and control bytes.
  const junk = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 256 || 1);
  assert.equal(decodeText(junk).text, null);
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]);
  assert.equal(decodeText(zip).text, null);
  // Real text stays text, in every encoding decodeText reads, even with a form feed or a stray ESC.
  const text = REPORT.slice(0, 3000) + "\f\u001b";
  assert.equal(decodeText(new TextEncoder().encode(text)).text, text);
  assert.equal(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).text, text);
  assert.equal(looksBinary(""), false);
  assert.equal(looksBinary("报告\u0000"), true);
});

test("the five-parts panel follows the genre: shown for 法治政府建设报告, one line for others, nothing when empty", () => {
  const r = extract(REPORT);
  // With the core's genre (issue 13), the genre decides, whatever parts were found.
  assert.equal(partsMode({ ...r, genre: "rule_of_law_report" }, true), "parts");
  for (const genre of ["government_work_report", "statistical_bulletin", "other"]) assert.equal(partsMode({ ...r, genre }, true), "na", genre);
  if (r.genre) assert.equal(partsMode(r, true), "parts");
  assert.equal(partsMode(extract(""), false), "none");
  assert.equal(partsMode(r, false), "none");
  assert.match(PARTS_NA, /不适用五项内容检查/);
  // A result without a genre (a core before issue 13): shown when a part was found, else the line;
  // a news item about a court's white paper finds none.
  const { genre, ...old } = r;
  assert.ok(genre === undefined || genre === "rule_of_law_report");
  assert.equal(partsMode(old, true), "parts");
  assert.equal(partsMode({ ...old, parts: old.parts.map((p) => ({ ...p, status: "missing" })) }, true), "na");
  const news = extract(readFileSync(new URL("../fixtures/excerpts/h05_nanyang.txt", import.meta.url), "utf8"));
  assert.equal(partsMode(news, true), "na");
  // The core gives the genre (issue 13): a 统计公报 mentions one of the parts, yet gets the line.
  const bulletin = extract(readFileSync(new URL("../fixtures/excerpts/h20_yuhuan.txt", import.meta.url), "utf8"));
  assert.equal(bulletin.genre, "statistical_bulletin");
  assert.ok(bulletin.parts.some((p) => p.status !== "missing"));
  assert.equal(partsMode(bulletin, true), "na");
  assert.equal(r.genre, "rule_of_law_report");
});

test("the deadline uses the source web page's publication date when there is one", () => {
  const r = extract(REPORT);
  assert.equal(r.reportYear, 2023);
  assert.deepEqual(deadlineWith(r, "2024-03-29"), { date: "2024-03-29", source: "page", due: "2024-04-01", status: "onTime" });
  assert.deepEqual(deadlineWith(r, "2024-04-01").status, "onTime");
  assert.deepEqual(deadlineWith(r, "2024-04-02").status, "late");
  assert.match(deadlineText(deadlineWith(r, "2024-04-02")), /✗ 逾期。来源网页发布日期 2024-04-02，应于 2024-04-01 前公开/);
  // No page date, or no report year: the core's own check.
  assert.equal(deadlineWith(r, null), r.deadline);
  assert.equal(deadlineWith(r, ""), r.deadline);
  assert.equal(deadlineWith({ ...r, reportYear: null, deadline: null }, "2024-04-02"), null);
  // Only a 法治政府建设 report has the 1 April rule: not a 统计公报, even with the page's date.
  const bulletin = extract(readFileSync(new URL("../fixtures/excerpts/h20_yuhuan.txt", import.meta.url), "utf8"));
  assert.equal(bulletin.deadline, null);
  assert.equal(deadlineWith(bulletin, "2024-04-02"), null);
  assert.equal(deadlineWith({ ...r, genre: "other" }, "2024-04-02"), null);
});

test("dates as web pages write them, in ISO form", () => {
  assert.equal(isoDate("2024-03-01T08:00:00+08:00"), "2024-03-01");
  assert.equal(isoDate("2024年3月1日 10:20"), "2024-03-01");
  assert.equal(isoDate("2024/3/1"), "2024-03-01");
  assert.equal(isoDate("2024.03.01"), "2024-03-01");
  assert.equal(isoDate("20240301"), "2024-03-01");
  for (const s of ["", null, undefined, "昨天", "2024-13-01", "2024-02-00", "202403011"]) assert.equal(isoDate(s), "", String(s));
});

test("the bookmarklet's message: only the expected shape is accepted", () => {
  const ok = { zhibiao: "source", text: "一、主要举措", url: "https://www.gov.cn/a.html", title: "报告", date: "2024年3月1日" };
  assert.deepEqual(sourceMessage(ok), { text: "一、主要举措", url: "https://www.gov.cn/a.html", title: "报告", date: "2024-03-01" });
  assert.deepEqual(sourceMessage({ zhibiao: "source", text: "正文" }), { text: "正文", url: "", title: "", date: "" });
  for (const bad of [null, "text", [ok], { ...ok, zhibiao: "ready" }, { ...ok, text: "" }, { ...ok, text: 5 }, { ...ok, url: {} }, { ...ok, extra: 1 }, { ...ok, title: "x".repeat(2000) }]) {
    assert.equal(sourceMessage(bad), null, JSON.stringify(bad)?.slice(0, 80));
  }
  assert.equal(isWebUrl("https://www.gov.cn/a.html"), true);
  assert.equal(isWebUrl("http://127.0.0.1:8000/"), true);
  for (const u of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "", "www.gov.cn"]) assert.equal(isWebUrl(u), false, u);
});
