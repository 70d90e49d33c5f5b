// What the page derives from a text and its result, as plain functions: no DOM, no state, so
// `node --test tests/www/` tests all of it without a browser. The result is the core's JSON
// (`extractJson` in src/wasm.rs; the TypeScript types in www/pkg/zhibiao.d.ts); offsets are UTF-16.

/** Legend entries: what can be toggled in the view, with its label and how to count it. */
export const LEGEND = [
  { key: "count", label: "数量", title: "计数：238项、4.6万件、2000余人", count: (r) => r.indicators.filter((i) => i.kind === "count").length },
  { key: "percent", label: "比例", title: "百分比与百分点：98.7%、八成、3个百分点", count: (r) => r.indicators.filter((i) => i.kind === "percent").length },
  { key: "money", label: "金额", title: "金额（归一为元）：537.97万元", count: (r) => r.indicators.filter((i) => i.kind === "money").length },
  { key: "measure", label: "度量", title: "长度、面积、时长、倍数：12公里、5个工作日、2倍", count: (r) => r.indicators.filter((i) => i.kind === "measure").length },
  { key: "change", label: "增减", title: "标明变化的指标：同比上升70.2%", count: (r) => r.indicators.filter((i) => i.change).length },
  { key: "heading", label: "标题", title: "提纲标题：一、（一）1.（1）", count: (r) => r.headings.length },
  { key: "list", label: "列举", title: "行文列举：一是、二是、第一……", count: (r) => r.lists.length },
  { key: "citation", label: "引用", title: "书名号引用：《……》", count: (r) => r.citations.length },
  { key: "date", label: "日期", title: "年份与日期：2024年、2024年3月1日", count: (r) => r.dates.length },
];
export const KIND_LABEL = { count: "数量", percent: "比例", money: "金额", measure: "度量" };
export const CITATION_LABEL = { law: "法律", regulation: "条例", rules: "规定/办法/规则", plan: "纲要/规划/方案/计划", notice: "通知", other: "其他文件" };
/** The five parts' status: [icon, words]. */
export const PART_STATUS = {
  present: ["✓", "有专门章节"],
  mentioned: ["≈", "正文提及，无专门章节"],
  missing: ["✗", "未找到"],
};
/** The metadata fields the outline panel shows, in this order of the report's own fields. */
export const INFO_KEYS = ["发布机构", "生成日期", "发布日期", "文号"];

const collator = new Intl.Collator("zh-CN", { numeric: true });
const numberFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 6 });

/** A number as the page shows it (grouped, at most 6 decimals); "" for none. */
export function fmt(v) {
  return v === null || v === undefined ? "" : numberFormat.format(v);
}

/** An indicator's value as shown: "4.6" or "3–5" for a range; "" when it has none. */
export function valueText(x, dash = "–") {
  return x.value === null ? "" : fmt(x.value) + (x.valueMax !== undefined ? `${dash}${fmt(x.valueMax)}` : "");
}

/** Scale words a report writes between a figure's digits and its unit, largest first. */
const SCALES = [["万亿", 1e12], ["千亿", 1e11], ["百亿", 1e10], ["亿", 1e8], ["千万", 1e7], ["百万", 1e6], ["十万", 1e5], ["万", 1e4], ["千", 1e3]];
const SCALED = new RegExp(`[0-9０-９][余多]?(${SCALES.map(([w]) => w).join("|")})[余多]?$`);

/** The scale word indicator `x`'s text puts after its digits, with its factor: "134.9万亿元" →
 * ["万亿", 1e12]; null when the figure is written without one (98.7%, 238项, 三千人, 12千米). */
export function scaleOf(x) {
  if (x.value === null || !x.unit || typeof x.text !== "string" || !x.text.endsWith(x.unit)) return null;
  const m = SCALED.exec(x.text.slice(0, x.text.length - x.unit.length));
  return m ? SCALES.find(([w]) => w === m[1]) : null;
}

/** An indicator's value in the report's own scale: "134.9万亿" for 134.9万亿元, "3–5万" for
 * 3—5万元, else as `valueText` (the unit is its own column). The normalised value (`valueText`)
 * is in the details and the exports. */
export function shownValue(x, dash = "–") {
  const scale = scaleOf(x);
  if (!scale) return valueText(x, dash);
  const [word, f] = scale;
  return fmt(x.value / f) + (x.valueMax !== undefined ? `${dash}${fmt(x.valueMax / f)}` : "") + word;
}

/** "↑ 同比" for an indicator's change ("↑" when it states no basis), "" without one. */
export function changeText(x) {
  return x.change ? (x.change.direction === "up" ? "↑" : "↓") + (x.change.basis ? ` ${x.change.basis}` : "") : "";
}

/** Titles of the headings enclosing indicator `x`, outermost first (from `heading` and the parents). */
export function sectionPath(headings, x) {
  const path = [];
  for (let h = x.heading; h !== null && h !== undefined && headings[h] && path.length < headings.length; h = headings[h].parent) {
    path.push(headings[h].title);
  }
  return path.reverse();
}

/** Bidi controls that reorder the text after them (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): a U+202E
 * in a pasted text would show 238件 as 件832 and turn the page's own words around it. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** `s` made unable to reorder the text around it: wrapped in FSI … PDI when it has a bidi control
 * (for a file name or a web page's title put next to the page's own words). */
export function isolated(s) {
  return BIDI_CONTROL.test(s) ? `\u2068${s}\u2069` : s;
}

/** `s` cut before and after each bidi control: ["受理", "\u202e", "238件"]; [s] without one. */
export function splitBidi(s) {
  if (!BIDI_CONTROL.test(s)) return [s];
  const out = [];
  let at = 0;
  for (const m of s.matchAll(BIDI_CONTROLS)) {
    if (m.index > at) out.push(s.slice(at, m.index));
    out.push(m[0]);
    at = m.index + 1;
  }
  if (at < s.length) out.push(s.slice(at));
  return out;
}

/** Offsets where each line of `text` starts (after \n, \r\n or a lone \r). */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 1-based line of `offset`, given `lineStarts(text)`. */
export function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(lo, 1);
}

/** offset → line for `text`; the line index is built on the first call (exports only need it). */
export function lineIndex(text) {
  let starts = null;
  return (offset) => lineAt((starts ||= lineStarts(text)), offset);
}

/** Which highlight wins when two start and end at the same place. */
export const PRIORITY = { heading: 0, list: 1, citation: 2, date: 3, indicator: 4 };

/** Every highlight of result `r` as { s, e, kind, i }, in text order, outer spans before the
 * spans they contain; spans outside [0, length] or empty are dropped. */
export function spansOf(r, length) {
  const out = [];
  const add = (s, e, kind, i) => {
    if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= length) out.push({ s, e, kind, i });
  };
  r.headings.forEach((h, i) => add(Math.min(h.markerStart, h.start), h.end, "heading", i));
  r.lists.forEach((l, i) => add(l.markerStart, l.markerEnd, "list", i));
  r.citations.forEach((c, i) => add(c.start, c.end, "citation", i));
  r.dates.forEach((d, i) => add(d.start, d.end, "date", i));
  r.indicators.forEach((x, i) => add(x.start, x.end, "indicator", i));
  out.sort((a, b) => a.s - b.s || b.e - a.e || PRIORITY[a.kind] - PRIORITY[b.kind]);
  return out;
}

/** The details of item `i` of `kind` ("indicator", "heading", …) as [label, value] rows, for the
 * tooltip; null for an unknown kind. Empty values are left out. */
export function describe(r, kind, i) {
  const rows = [];
  const row = (k, v) => v !== null && v !== undefined && v !== "" && rows.push([k, String(v)]);
  switch (kind) {
    case "indicator": {
      const x = r.indicators[i];
      row("类型", KIND_LABEL[x.kind] || x.kind);
      row("数值", x.value === null ? "（无法精确表示）" : shownValue(x, " – "));
      row("单位", x.unit);
      if (scaleOf(x)) row("归一化", `${valueText(x, " – ")} ${x.unit}`);
      row("约数", x.approx);
      if (x.change) row("变化", (x.change.direction === "up" ? "↑ 增加" : "↓ 减少") + (x.change.basis ? `（${x.change.basis}）` : ""));
      // The metric's name only: its taxonomy id (metricId) is for machines, in the exports and the JSON.
      row("指标", x.metric);
      row("章节", sectionPath(r.headings, x).join(" › "));
      break;
    }
    case "heading": {
      const h = r.headings[i];
      row("标题", `第 ${h.level} 级 · ${h.marker}`);
      row("行", h.line);
      break;
    }
    case "list": {
      const l = r.lists[i];
      row("列举", `第 ${l.number} 项（${l.marker}）`);
      row("行", l.line);
      break;
    }
    case "citation":
      row("引用", CITATION_LABEL[r.citations[i].class] || r.citations[i].class);
      break;
    case "date":
      row("日期", r.dates[i].iso);
      break;
    default:
      return null;
  }
  return rows;
}

/** The outline panel's document facts as [label, value] rows: title, year, signature, metadata. */
export function docInfo(r) {
  const rows = [];
  if (r.title) rows.push(["标题", r.title]);
  if (r.reportYear) rows.push(["报告年度", `${r.reportYear} 年`]);
  if (r.signature && (r.signature.issuer || r.signature.date)) rows.push(["落款", [r.signature.issuer, r.signature.date].filter(Boolean).join("  ")]);
  const meta = r.metadata ? r.metadata.fields.filter((f) => f.value && INFO_KEYS.includes(f.key)) : [];
  for (const f of meta) rows.push([f.key, f.value]);
  return rows;
}

/** The deadline check in words, or "" when the result has none. */
export function deadlineText(d) {
  if (!d) return "";
  const late = d.status === "late";
  const source = { signature: "落款日期", metadata: "网页生成日期", page: "来源网页发布日期" }[d.source] || "日期";
  return `公开时限：${late ? "✗ 逾期" : "✓ 按时"}。${source} ${d.date}，应于 ${d.due} 前公开（每年4月1日前）。`;
}

/** Indices of the top-level headings, in groups of `size` (one outline block each). */
export function outlineGroups(headings, size = 50) {
  const roots = headings.map((h, i) => (h.parent === null ? i : -1)).filter((i) => i >= 0);
  const groups = [];
  for (let k = 0; k < roots.length; k += size) groups.push(roots.slice(k, k + size));
  return groups;
}

// ---- the indicator table ----------------------------------------------------------------------
/** The table's sortable columns: what a cell sorts and filters by (numbers sort as numbers). */
export const COLUMNS = {
  text: (x) => x.text,
  metric: (x) => x.metric || "",
  value: (x) => x.value,
  unit: (x) => x.unit || "",
  approx: (x) => x.approx || "",
  change: (x) => changeText(x),
  section: (x, r) => sectionPath(r.headings, x).join(" › "),
};

/** Per result: what sorting and filtering its table needs, computed once (a result is never
 * changed): each indicator's filter text, and per sorted column the indicators' order. */
const tableCache = new WeakMap();
function cacheOf(r) {
  let c = tableCache.get(r);
  if (!c) tableCache.set(r, (c = { haystack: null, order: {} }));
  return c;
}

/** Indicator indices sorted by column `col`, ascending and descending, empty cells last, ties in
 * text order: { asc, desc }. A text column sorts its distinct values once with the collator and
 * then the indicators by rank (numbers), so 10,000 rows are not 140,000 collator calls. */
function orderBy(r, col) {
  const c = cacheOf(r);
  if (c.order[col]) return c.order[col];
  const key = COLUMNS[col];
  const n = r.indicators.length;
  const rank = new Float64Array(n);
  const empty = new Uint8Array(n);
  const values = r.indicators.map((x) => key(x, r));
  const strings = [...new Set(values.filter((v) => typeof v === "string" && v !== ""))].sort(collator.compare);
  const rankOf = new Map(strings.map((v, k) => [v, k]));
  values.forEach((v, i) => {
    if (v === null || v === undefined || v === "") empty[i] = 1;
    else rank[i] = typeof v === "number" ? v : rankOf.get(v);
  });
  const ids = Int32Array.from({ length: n }, (_, i) => i);
  const asc = ids.slice().sort((a, b) => empty[a] - empty[b] || rank[a] - rank[b] || a - b);
  // Descending: empty cells still last, ties still in text order.
  const desc = ids.sort((a, b) => empty[a] - empty[b] || rank[b] - rank[a] || a - b);
  return (c.order[col] = { asc, desc });
}

/** The table's rows as { x, i } (i: the indicator's index): those matching `filter` (any cell,
 * case-insensitive), sorted by column `col` in direction `dir` (1 or -1), empty cells last, ties
 * in text order. `view`: { filter, col, dir }. */
export function tableRows(r, { filter = "", col = null, dir = 1 } = {}) {
  if (!r) return [];
  let idx;
  if (col && COLUMNS[col]) idx = Array.from(orderBy(r, col)[dir > 0 ? "asc" : "desc"]);
  else idx = r.indicators.map((_, i) => i);
  const f = filter.trim().toLowerCase();
  if (f) {
    const c = cacheOf(r);
    c.haystack ||= r.indicators.map((x) =>
      [x.text, x.metric, x.unit, x.approx, shownValue(x), fmt(x.value), String(x.value), COLUMNS.change(x), COLUMNS.section(x, r)]
        .join("\t")
        .toLowerCase(),
    );
    idx = idx.filter((i) => c.haystack[i].includes(f));
  }
  return idx.map((i) => ({ x: r.indicators[i], i }));
}

/** The cells of a table row, as shown: text, metric, value (in the report's scale: `shownValue`), unit,
 * approx, change, section. */
export function tableCells(x, r) {
  return [x.text, x.metric || "", shownValue(x), x.unit || "", x.approx || "", COLUMNS.change(x), COLUMNS.section(x, r)];
}

// ---- exports: one writer for CSV and TSV ----------------------------------------------------------
const num = (v) => (v === null || v === undefined ? "" : String(v));

/** Delimited-text formats: separator, line end, leading bytes, and how a field is escaped. */
export const FORMATS = {
  /** RFC 4180 CSV, like the CLI's (`zhibiao extract --format csv`): UTF-8 with a BOM (for
   * Excel/WPS), a field with `"`, `,` or a line break quoted. */
  csv: { sep: ",", eol: "\n", bom: "\ufeff", field: (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s) },
  /** Tab-separated, as Excel and WPS paste it: tabs and line breaks in a field become a space. */
  tsv: { sep: "\t", eol: "\r\n", bom: "", field: (s) => s.replace(/[\t\r\n]+/g, " ") },
};

/** A plain number as the exports write one ("-1.2", "46000", "1e-7"): a spreadsheet reads it as
 * the number it is, so it is never prefixed. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A field a spreadsheet cannot take for a formula (OWASP "CSV injection"): text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which Excel, WPS and
 * LibreOffice read as "this cell is text" and do not show. Plain numbers (-1.2) stay numbers. */
export function spreadsheetSafe(s) {
  return /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** Writes `rows` in `format` (a FORMATS entry): a header line of the columns' `head`, then
 * one line per row of `get(row)` each; every line ends with the format's line end. Every field
 * is made safe for spreadsheets first (`spreadsheetSafe`). */
export function writeDelimited(format, columns, rows) {
  const line = (cells) => cells.map((c) => format.field(spreadsheetSafe(String(c)))).join(format.sep);
  const out = [line(columns.map((c) => c.head))];
  for (const row of rows) out.push(line(columns.map((c) => c.get(row))));
  return format.bom + out.join(format.eol) + format.eol;
}

/** The columns of the page's exports, CSV and TSV alike (Chinese, for people; the CLI's
 * `--format csv` keeps its machine headers: file,start,end,line,text,…). `row`: { x, r, lineOf }. */
export const EXPORT_COLUMNS = [
  { head: "原文", get: ({ x }) => x.text },
  { head: "指标名", get: ({ x }) => x.metric || "" },
  { head: "指标编号", get: ({ x }) => x.metricId || "" },
  { head: "数值", get: ({ x }) => num(x.value) },
  { head: "上限", get: ({ x }) => num(x.valueMax) },
  { head: "单位", get: ({ x }) => x.unit || "" },
  { head: "类型", get: ({ x }) => KIND_LABEL[x.kind] || x.kind },
  { head: "约数", get: ({ x }) => x.approx || "" },
  { head: "变化", get: ({ x }) => (x.change ? (x.change.direction === "up" ? "增加" : "减少") : "") },
  { head: "比较基准", get: ({ x }) => (x.change ? x.change.basis : "") },
  { head: "所在章节", get: ({ x, r }) => sectionPath(r.headings, x).join(" › ") },
  { head: "行", get: ({ x, lineOf }) => lineOf(x.start) },
];

/** `format` ("csv" or "tsv") of the indicators `rows` ({ x } from `tableRows`) of result `r`;
 * `lineOf`: offset → line (`lineIndex(text)`). */
export function exportIndicators(format, r, rows, lineOf) {
  return writeDelimited(FORMATS[format], EXPORT_COLUMNS, rows.map(({ x }) => ({ x, r, lineOf })));
}

/** A file name from the report's title (or "zhibiao"), safe on every system: "标题.csv". */
export function fileName(title, ext) {
  const base = (title || "zhibiao").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return `${base}.${ext}`;
}

// ---- files --------------------------------------------------------------------------------------
/** Share of characters, in the decoded text, that no text file has (NUL and the other C0 controls
 * but tab, line ends and form feed; DEL; U+FFFD from bytes the encoding refused) above which a file
 * is taken for binary (an image, a PDF, a Word file). A text file has none or a stray few. */
export const BINARY_SHARE = 0.01;

/** Whether decoded `text` is binary data rather than text (see BINARY_SHARE). */
export function looksBinary(text) {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127 || c === 0xfffd) bad++;
  }
  return bad > 0 && bad >= text.length * BINARY_SHARE;
}

/** Decodes a .txt file's bytes: UTF-8 or UTF-16 with a BOM; otherwise UTF-8 if valid, else
 * GB18030 (GBK). Returns { text, note }: `note` says when the encoding was guessed. A file that is
 * not text (NUL bytes without a UTF-16 BOM, or too many characters no text has) gives
 * { text: null, note: why }, so the page keeps the text it has. */
export function decodeText(bytes) {
  const refused = { text: null, note: "不是文本文件（可能是图片、PDF 或 Word 文件），未打开。请打开 .txt 文本文件。" };
  const check = (decoded) => (looksBinary(decoded.text) ? refused : decoded);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return check({ text: new TextDecoder("utf-16le").decode(bytes), note: "" });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return check({ text: new TextDecoder("utf-16be").decode(bytes), note: "" });
  if (bytes.indexOf(0) >= 0) return refused;
  try {
    return check({ text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: "" });
  } catch {
    return check({ text: new TextDecoder("gb18030").decode(bytes), note: "（不是 UTF-8，已按 GB18030/GBK 解码）" });
  }
}

// ---- the five parts and the deadline ------------------------------------------------------------
/** Genres the five statutory parts (2019 督察工作规定) apply to. */
export const PARTS_GENRES = ["rule_of_law_report"];

/** What the five-parts panel shows for result `r` of a text: "none" (no text: nothing),
 * "parts" (the list), or "na" (this kind of report has no five parts: one line says so). With a
 * `genre` (the core's, issue 13) it decides; a result without one (an older core) shows the
 * parts when at least one was found. */
export function partsMode(r, hasText) {
  if (!hasText || !r) return "none";
  if (r.genre) return PARTS_GENRES.includes(r.genre) ? "parts" : "na";
  return (r.parts || []).some((p) => p.status !== "missing") ? "parts" : "na";
}

/** The line shown instead of the five parts when they do not apply. */
export const PARTS_NA = "此类报告不适用五项内容检查。";

/** The line shown instead of the deadline check for a text of another genre. */
export const DEADLINE_NA = "公开时限（每年4月1日前公开上一年度报告）只适用于法治政府建设年度报告，此类报告不检查。";

/** The deadline check of result `r`, given the web page's own publication date `published`
 * (ISO "2024-03-01", from the bookmarklet; may be null). A report on year N is due by 1 April of
 * N+1 (as in the core: src/parts.rs `deadline`). The page's publication date is when the report
 * was made public, which is what the rule is about, so it wins over the core's signature or
 * metadata date; without it, or without a report year, the core's own check stands. Only for the
 * genre the rule is about (`PARTS_GENRES`, as in the core): null for the others. */
export function deadlineWith(r, published) {
  const core = r ? r.deadline || null : null;
  if (r && r.genre && !PARTS_GENRES.includes(r.genre)) return null; // the rule is not this genre's
  if (!r || !r.reportYear || !/^\d{4}-\d{2}-\d{2}$/.test(published || "")) return core;
  const due = `${String(r.reportYear + 1).padStart(4, "0")}-04-01`;
  return { date: published, source: "page", due, status: published > due ? "late" : "onTime" };
}

// ---- text from a web page (bookmarklet.js) ------------------------------------------------------
/** A date as a web page writes it ("2024-03-01T08:00:00+08:00", "2024年3月1日", "2024/3/1",
 * "20240301") in ISO form, "2024-03-01"; "" when it is none. */
export function isoDate(s) {
  const m = /^\s*(\d{4})\s*(?:[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})|(\d{2})(\d{2}))(?!\d)/.exec(String(s || ""));
  if (!m) return "";
  const [y, mo, d] = [Number(m[1]), Number(m[2] || m[4]), Number(m[3] || m[5])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return "";
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The bookmarklet's message `data`, checked: { text, url, title, date } (date ISO or "") when it
 * is exactly { zhibiao: "source", text, url, title?, date? } with strings of sane sizes; else null. */
export function sourceMessage(data) {
  if (!data || typeof data !== "object" || Array.isArray(data) || data.zhibiao !== "source") return null;
  const keys = Object.keys(data);
  if (keys.some((k) => !["zhibiao", "text", "url", "title", "date"].includes(k))) return null;
  const str = (v, max) => (v === undefined || v === null ? "" : typeof v === "string" && v.length <= max ? v : null);
  const text = str(data.text, 20_000_000);
  const url = str(data.url, 4096);
  const title = str(data.title, 1000);
  const date = str(data.date, 100);
  if (!text || url === null || title === null || date === null) return null;
  return { text, url, title, date: isoDate(date) };
}

/** Whether `url` may be shown as a live link: http(s) only (never javascript:, data:, file:). */
export function isWebUrl(url) {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The status line after an analysis: "2.3万 字 · 42 个指标 · 分析 12 毫秒，显示 8 毫秒"; "" for no text. */
export function summary(length, indicators, analyseMs, showMs) {
  if (!length) return "";
  return `${numberFormat.format(length)} 字 · ${numberFormat.format(indicators)} 个指标 · 分析 ${Math.round(analyseMs)} 毫秒，显示 ${Math.round(showMs)} 毫秒`;
}
