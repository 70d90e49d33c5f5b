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

/** "↑ 同比" for an indicator's change, "" without one. */
export function changeText(x) {
  return x.change ? `${x.change.direction === "up" ? "↑" : "↓"} ${x.change.basis}` : "";
}

/** Titles of the headings enclosing indicator `x`, outermost first (from `heading` and the parents). */
export function sectionPath(headings, x) {
  const path = [];
  for (let h = x.heading; h !== null && h !== undefined && headings[h] && path.length < headings.length; h = headings[h].parent) {
    path.push(headings[h].title);
  }
  return path.reverse();
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
      row("数值", x.value === null ? "（无法精确表示）" : valueText(x, " – "));
      row("单位", x.unit);
      row("约数", x.approx);
      if (x.change) row("变化", `${x.change.direction === "up" ? "↑ 增加" : "↓ 减少"}（${x.change.basis}）`);
      row("指标", x.metric ? x.metric + (x.metricId ? `  [${x.metricId}]` : "") : null);
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
  return `公开时限：${late ? "✗ 逾期" : "✓ 按时"}。${d.source === "signature" ? "落款日期" : "网页生成日期"} ${d.date}，应于 ${d.due} 前公开（每年4月1日前）。`;
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

/** The table's rows as { x, i } (i: the indicator's index): those matching `filter` (any cell,
 * case-insensitive), sorted by column `col` in direction `dir` (1 or -1), empty cells last, ties
 * in text order. `view`: { filter, col, dir }. */
export function tableRows(r, { filter = "", col = null, dir = 1 } = {}) {
  if (!r) return [];
  const xs = r.indicators.map((x, i) => ({ x, i }));
  const f = filter.trim().toLowerCase();
  let rows = f
    ? xs.filter(({ x }) =>
        [x.text, x.metric, x.unit, x.approx, fmt(x.value), String(x.value), COLUMNS.change(x), COLUMNS.section(x, r)]
          .join("\t")
          .toLowerCase()
          .includes(f),
      )
    : xs;
  if (col) {
    const key = COLUMNS[col];
    rows = rows.slice().sort((a, b) => {
      const va = key(a.x, r);
      const vb = key(b.x, r);
      const ea = va === null || va === "";
      const eb = vb === null || vb === "";
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1; // empty cells last
      const c = typeof va === "number" ? va - vb : collator.compare(va, vb);
      return c * dir || a.i - b.i;
    });
  }
  return rows;
}

/** The cells of a table row, as shown: text, metric, value, unit, approx, change, section. */
export function tableCells(x, r) {
  return [x.text, x.metric || "", valueText(x), x.unit || "", x.approx || "", COLUMNS.change(x), COLUMNS.section(x, r)];
}

// ---- exports: one writer for CSV and TSV ----------------------------------------------------------
const num = (v) => (v === null || v === undefined ? "" : String(v));

/** Delimited-text formats: separator, line end, leading bytes, and how a field is escaped. */
export const FORMATS = {
  /** RFC 4180 CSV as the CLI writes it (`zhibiao extract --format csv`): UTF-8 with a BOM (for
   * Excel/WPS), a field with `"`, `,` or a line break quoted. */
  csv: { sep: ",", eol: "\n", bom: "\ufeff", field: (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s) },
  /** Tab-separated, as Excel and WPS paste it: tabs and line breaks in a field become a space. */
  tsv: { sep: "\t", eol: "\r\n", bom: "", field: (s) => s.replace(/[\t\r\n]+/g, " ") },
};

/** Writes `rows` in `format` (a FORMATS entry): a header line of the columns' `head`, then
 * one line per row of `get(row)` each; every line ends with the format's line end. */
export function writeDelimited(format, columns, rows) {
  const line = (cells) => cells.map((c) => format.field(String(c))).join(format.sep);
  const out = [line(columns.map((c) => c.head))];
  for (const row of rows) out.push(line(columns.map((c) => c.get(row))));
  return format.bom + out.join(format.eol) + format.eol;
}

/** The export columns of the page's TSV (Chinese, for people). `ctx`: { r, lineOf }. */
export const TSV_COLUMNS = [
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

/** The export columns of the CSV: the CLI's (`--format csv`), with the same machine headers. */
export const CSV_COLUMNS = [
  { head: "file", get: ({ file }) => file },
  { head: "start", get: ({ x }) => x.start },
  { head: "end", get: ({ x }) => x.end },
  { head: "line", get: ({ x, lineOf }) => lineOf(x.start) },
  { head: "text", get: ({ x }) => x.text },
  { head: "value", get: ({ x }) => num(x.value) },
  { head: "value_max", get: ({ x }) => num(x.valueMax) },
  { head: "unit", get: ({ x }) => x.unit || "" },
  { head: "kind", get: ({ x }) => x.kind },
  { head: "approx", get: ({ x }) => x.approx || "" },
  { head: "change", get: ({ x }) => (x.change ? `${x.change.direction} ${x.change.basis}` : "") },
  { head: "metric", get: ({ x }) => x.metric || "" },
  { head: "metric_id", get: ({ x }) => x.metricId || "" },
  { head: "section", get: ({ x, r }) => sectionPath(r.headings, x).join(" > ") },
];

/** `format` ("csv" or "tsv") of the indicators `rows` ({ x } from `tableRows`) of result `r`;
 * `lineOf`: offset → line (`lineIndex(text)`); `file`: the CSV's first column. */
export function exportIndicators(format, r, rows, lineOf, file = "input") {
  const columns = format === "csv" ? CSV_COLUMNS : TSV_COLUMNS;
  return writeDelimited(FORMATS[format], columns, rows.map(({ x }) => ({ x, r, lineOf, file })));
}

/** A file name from the report's title (or "zhibiao"), safe on every system: "标题.csv". */
export function fileName(title, ext) {
  const base = (title || "zhibiao").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return `${base}.${ext}`;
}

// ---- files --------------------------------------------------------------------------------------
/** Decodes a .txt file's bytes: UTF-8 or UTF-16 with a BOM; otherwise UTF-8 if valid, else
 * GB18030 (GBK). Returns { text, note }: `note` says when the encoding was guessed. */
export function decodeText(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), note: "" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), note: "" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: "" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), note: "（不是 UTF-8，已按 GB18030/GBK 解码）" };
  }
}

/** The status line after an analysis: "2.3万 字 · 42 个指标 · 分析 12 毫秒，显示 8 毫秒"; "" for no text. */
export function summary(length, indicators, analyseMs, showMs) {
  if (!length) return "";
  return `${numberFormat.format(length)} 字 · ${numberFormat.format(indicators)} 个指标 · 分析 ${Math.round(analyseMs)} 毫秒，显示 ${Math.round(showMs)} 毫秒`;
}
