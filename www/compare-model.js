// What the 对比 and 批量 modes derive from the core's results, as plain functions (no DOM, no
// state), so `node --test tests/www/` tests them without a browser. The comparison is the core's
// `compareJson` (src/compare_out.rs: pairs, onlyOld, onlyNew, carriedOver, carriedOverShare); a
// batch row is `tableRowJson` (src/table.rs: file, title, issuer, reportYear, genre, published,
// deadline, parts, figures, metrics). Offsets are UTF-16, as everywhere in the page.
import { fmt, FORMATS, valueText, writeDelimited } from "./report.js";

const collator = new Intl.Collator("zh-CN", { numeric: true });

// ---- 对比: two reports ---------------------------------------------------------------------------
/** The change from figure `o` to figure `n`: { delta, deltaPercent }, both null unless both are
 * single values (no range) in the same unit; deltaPercent also null when the old value is 0. The
 * core computes the same for its own pairs (src/compare.rs); the page needs it for pairs made by
 * hand. Rounded to 10 significant digits, so 98.7 → 99.1 is 0.4 and not 0.3999999999999915. */
export function pairDelta(o, n) {
  const single = (x) => x && typeof x.value === "number" && x.valueMax === undefined;
  if (!single(o) || !single(n) || (o.unit || "") !== (n.unit || "")) return { delta: null, deltaPercent: null };
  const round = (v) => Number(v.toPrecision(10));
  const delta = round(n.value - o.value);
  return { delta, deltaPercent: o.value === 0 ? null : round(((n.value - o.value) / Math.abs(o.value)) * 100) };
}

/** "up", "down" or "same" for a pair's change; null when it has none. */
export function direction(p) {
  if (p.delta === null || p.delta === undefined) return null;
  return p.delta > 0 ? "up" : p.delta < 0 ? "down" : "same";
}

/** `v` in `unit` as people write it: 3,670,000,000 元 → "36.7亿元", 20,000 平方米 → "2万平方米",
 * with at most `digits` decimals; a percent stays as it is ("3.8%"). */
export function scaled(v, unit, digits = 2) {
  const u = unit || "";
  const a = Math.abs(v);
  const f = (x) => fmt(Number(x.toFixed(digits)));
  if (u === "%" || a < 1e4) return `${f(v)}${u}`;
  return a >= 1e8 ? `${f(v / 1e8)}亿${u}` : `${f(v / 1e4)}万${u}`;
}

/** A pair's change as shown: "↑ +36.7亿元（+18.5%）"; for percentages the difference in points,
 * "↓ −3.8个百分点"; "＝ 持平"; "" when there is none (units differ, a value is missing). */
export function deltaText(p) {
  const d = direction(p);
  if (!d) return "";
  if (d === "same") return "＝ 持平";
  const arrow = d === "up" ? "↑" : "↓";
  const sign = d === "up" ? "+" : "−";
  const unit = p.new.unit || "";
  if (unit === "%") return `${arrow} ${sign}${scaled(Math.abs(p.delta), "")}个百分点`;
  const pct = typeof p.deltaPercent === "number" ? `（${sign}${fmt(Number(Math.abs(p.deltaPercent).toFixed(1)))}%）` : "";
  return `${arrow} ${sign}${scaled(Math.abs(p.delta), unit)}${pct}`;
}

/** A pair's metric as the table shows it: the name, "（增幅）" when both figures are stated
 * changes (增长18.5% is the growth of 地区生产总值, not its level). */
export function pairMetric(p) {
  const name = p.metric || "（无指标名）";
  return p.old.change && p.new.change ? `${name}（${p.new.change.basis || ""}增幅）` : name;
}

/** A figure as the page shows it: as written, "238项"; its normalised value for a title. */
export function figureText(x) {
  return x ? x.text : "";
}

/** A figure's normalised value and unit ("19,850,000,000元"), "" when it has none. */
export function figureValue(x) {
  const v = x && valueText(x);
  return v ? `${v}${x.unit || ""}` : "";
}

/** The sentence of `text` around [start, end): from after the previous 。！？；, line break, to
 * the next one (included), at most `max` characters either side, trimmed. */
export function sentenceAround(text, start, end, max = 120) {
  const stop = /[。！？!?；;\n\r]/;
  let s = start;
  while (s > 0 && start - s < max && !stop.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && e - end < max && !stop.test(text[e])) e++;
  if (e < text.length && /[。！？!?；;]/.test(text[e])) e++;
  return (s > 0 && start - s >= max ? "…" : "") + text.slice(s, e).trim() + (e < text.length && e - end >= max ? "…" : "");
}

/** The editable comparison the page shows, from the core's result `c`: { pairs, onlyOld, onlyNew,
 * carriedOver, carriedOverShare }, each pair { metric, metricId, old, new, delta, deltaPercent,
 * manual }; `manual` marks pairs made by hand. The lists are copies: editing them leaves `c` as
 * the core gave it. */
export function compareModel(c) {
  return {
    pairs: c.pairs.map((p) => ({ ...p, manual: false })),
    onlyOld: c.onlyOld.slice().sort(byStart),
    onlyNew: c.onlyNew.slice().sort(byStart),
    carriedOver: c.carriedOver,
    carriedOverShare: c.carriedOverShare,
  };
}

const byStart = (a, b) => a.start - b.start;

/** Unpairs pair `k` of model `m`: its two figures go back to onlyOld and onlyNew (in text order).
 * Returns a new model. */
export function unpair(m, k) {
  const p = m.pairs[k];
  if (!p) return m;
  return {
    ...m,
    pairs: m.pairs.filter((_, j) => j !== k),
    onlyOld: [...m.onlyOld, p.old].sort(byStart),
    onlyNew: [...m.onlyNew, p.new].sort(byStart),
  };
}

/** Pairs figure `i` of onlyOld with figure `j` of onlyNew by hand (the change computed as the
 * core would: `pairDelta`); the pair goes after the others. Returns a new model. */
export function pairUp(m, i, j) {
  const o = m.onlyOld[i];
  const n = m.onlyNew[j];
  if (!o || !n) return m;
  const pair = { metric: n.metric || o.metric || null, metricId: n.metricId || o.metricId, old: o, new: n, ...pairDelta(o, n), manual: true };
  if (!pair.metricId) delete pair.metricId;
  return { ...m, pairs: [...m.pairs, pair], onlyOld: m.onlyOld.filter((_, k) => k !== i), onlyNew: m.onlyNew.filter((_, k) => k !== j) };
}

/** The carried-over passages on one side ("old" or "new") as sorted, merged [start, end)
 * intervals within [0, length). */
export function carriedIntervals(passages, side, length) {
  const s = side === "old" ? "oldStart" : "newStart";
  const e = side === "old" ? "oldEnd" : "newEnd";
  const spans = passages
    .map((p) => [Math.max(0, p[s]), Math.min(length, p[e])])
    .filter(([a, b]) => a < b)
    .sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * How to paint one side: the text cut into runs [{ s, e, carried, fig }] covering [0, length) in
 * order. `figs` are [{ start, end, ref }] (the figures to mark; `ref` comes back as `fig` on the
 * run that is the figure); a figure overlapping one marked before it is left unmarked. `carried`
 * is `carriedIntervals(…)`: a run inside one has `carried: true`. A figure is one run: when a
 * passage boundary falls inside it, the figure takes the carried state of its first character.
 */
export function paintRuns(length, figs, carried) {
  const marks = figs
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start < f.end && f.end <= length)
    .sort((a, b) => a.start - b.start);
  const runs = [];
  let k = 0; // carried interval index
  const inCarried = (at) => {
    while (k < carried.length && carried[k][1] <= at) k++;
    return k < carried.length && carried[k][0] <= at;
  };
  /** Plain runs for [s, e), cut at the carried boundaries. */
  const plain = (s, e) => {
    let at = s;
    while (at < e) {
      const c = inCarried(at);
      const next = c ? Math.min(e, carried[k][1]) : Math.min(e, k < carried.length ? carried[k][0] : e);
      runs.push({ s: at, e: next, carried: c, fig: null });
      at = next;
    }
  };
  let pos = 0;
  for (const f of marks) {
    if (f.start < pos) continue; // overlaps the previous figure
    plain(pos, f.start);
    runs.push({ s: f.start, e: f.end, carried: inCarried(f.start), fig: f.ref });
    pos = f.end;
  }
  plain(pos, length);
  return runs;
}

/** The columns of the comparison's CSV/TSV: the CLI's (`zhibiao compare --format csv`), in the
 * same order, with a column saying which pairs were made by hand. A row: { kind, p } where kind is
 * "pair" (p a pair), "old" or "new" (p a figure). */
export const COMPARE_EXPORT_COLUMNS = (() => {
  const side = (row, s) => (row.kind === "pair" ? row.p[s] : row.kind === s ? row.p : null);
  const num = (v) => (v === null || v === undefined ? "" : String(v));
  const col = (head, get) => ({ head, get });
  const fig = (s, label) => [
    col(`${label}文`, (r) => side(r, s)?.text || ""),
    col(`${label}值`, (r) => num(side(r, s)?.value)),
    col(`${label}单位`, (r) => side(r, s)?.unit || ""),
  ];
  return [
    col("类别", (r) => ({ pair: r.p.manual ? "配对（手动）" : "配对", old: "仅旧文", new: "仅新文" })[r.kind]),
    col("指标", (r) => (r.kind === "pair" ? r.p.metric : r.p.metric) || ""),
    col("指标编号", (r) => r.p.metricId || ""),
    ...fig("old", "旧"),
    ...fig("new", "新"),
    col("变化量", (r) => (r.kind === "pair" ? num(r.p.delta) : "")),
    col("变化率(%)", (r) => (r.kind === "pair" && typeof r.p.deltaPercent === "number" ? String(Number(r.p.deltaPercent.toFixed(4))) : "")),
    col("旧起点", (r) => num(side(r, "old")?.start)),
    col("旧终点", (r) => num(side(r, "old")?.end)),
    col("新起点", (r) => num(side(r, "new")?.start)),
    col("新终点", (r) => num(side(r, "new")?.end)),
  ];
})();

/** `format` ("csv" or "tsv") of model `m`: the pairs, then the old and the new figures without a
 * partner; every field safe for spreadsheets (report.js `writeDelimited`). */
export function exportComparison(format, m) {
  const rows = [
    ...m.pairs.map((p) => ({ kind: "pair", p })),
    ...m.onlyOld.map((p) => ({ kind: "old", p })),
    ...m.onlyNew.map((p) => ({ kind: "new", p })),
  ];
  return writeDelimited(FORMATS[format], COMPARE_EXPORT_COLUMNS, rows);
}

/** Model `m` as the CLI's JSON shape (`zhibiao compare --format json`), with `manual` on the
 * pairs made or kept by hand; `sides`: { old, new } as the core gave them. */
export function comparisonJson(m, sides) {
  return { old: sides.old, new: sides.new, pairs: m.pairs, onlyOld: m.onlyOld, onlyNew: m.onlyNew, carriedOver: m.carriedOver, carriedOverShare: m.carriedOverShare };
}

// ---- 批量: many reports in one table --------------------------------------------------------------
export const GENRE_LABEL = { rule_of_law_report: "法治政府建设年度报告", government_work_report: "政府工作报告", statistical_bulletin: "统计公报", other: "其他" };
export const DEADLINE_LABEL = { onTime: "按时", late: "逾期" };
/** The five parts in the CLI table's words (src/table.rs part_label), in their fixed order. */
export const PART_LABEL = {
  measures: "主要举措和成效",
  shortcomings: "存在的不足和原因",
  leadership: "党政主要负责人履行推进法治建设第一责任人职责",
  plans: "下一年度工作安排",
  other: "其他需要报告的情况",
};
export const PART_STATUS_LABEL = { present: "有章节", mentioned: "仅提及", missing: "缺失", na: "不适用" };
const PART_ICON = { present: "✓", mentioned: "≈", missing: "✗" };

/** The five parts of a row in one short cell: "✓✓≈✗✓" (the same order as PART_LABEL); "" for a
 * genre they do not apply to (a 政府工作报告, whose parts the core marks "na"; the export says
 * 不适用, as the CLI). */
export function partsCell(row) {
  if (row.genre && row.genre !== "rule_of_law_report") return "";
  return (row.parts || []).map((p) => PART_ICON[p.status] || "?").join("");
}

/** A metric cell as shown: the figure as written, "×3" when the report has three of that metric. */
export function metricCellText(c) {
  if (!c) return "";
  return c.count > 1 ? `${c.text} ×${c.count}` : c.text;
}

/**
 * The batch table's columns: the fixed ones, then one per metric some row has, in the order of
 * `allColumns` (the core's `metricColumnsJson`: [{ metricId, name }] in taxonomy order). Each is
 * { key, head, title, num, text(row), sort(row) }: `sort` gives a number, a string, or null for
 * an empty cell.
 */
export function batchColumns(rows, allColumns) {
  const present = new Set();
  for (const r of rows) for (const m of r.metrics || []) present.add(m.metricId);
  const str = (v) => (v === null || v === undefined || v === "" ? null : String(v));
  const fixed = [
    { key: "file", head: "文件", text: (r) => r.file, sort: (r) => str(r.file) },
    { key: "title", head: "标题", text: (r) => r.title || "", sort: (r) => str(r.title) },
    { key: "issuer", head: "发布机关", text: (r) => r.issuer || "", sort: (r) => str(r.issuer) },
    { key: "reportYear", head: "年度", num: true, text: (r) => (r.reportYear ? String(r.reportYear) : ""), sort: (r) => r.reportYear ?? null },
    { key: "genre", head: "体裁", text: (r) => GENRE_LABEL[r.genre] || "", sort: (r) => str(GENRE_LABEL[r.genre]) },
    { key: "published", head: "发布日期", text: (r) => r.published || "", sort: (r) => str(r.published) },
    { key: "deadline", head: "时限", text: (r) => DEADLINE_LABEL[r.deadline] || "", sort: (r) => str(DEADLINE_LABEL[r.deadline]) },
    {
      key: "parts",
      head: "五项",
      title: `五项法定内容（✓ 有章节，≈ 仅提及，✗ 缺失）：${Object.values(PART_LABEL).join("、")}`,
      text: partsCell,
      sort: (r) => ((r.parts || []).length ? (r.parts || []).filter((p) => p.status === "present").length : null),
    },
    { key: "figures", head: "指标数", num: true, text: (r) => (r.error ? "" : String(r.figures)), sort: (r) => (r.error ? null : r.figures) },
  ];
  const metrics = allColumns
    .filter((c) => present.has(c.metricId))
    .map((c) => {
      const cell = (r) => (r.metrics || []).find((m) => m.metricId === c.metricId);
      return {
        key: `m:${c.metricId}`,
        metricId: c.metricId,
        head: c.name,
        title: `${c.name}（${c.metricId}）`,
        num: true,
        text: (r) => metricCellText(cell(r)),
        sort: (r) => {
          const m = cell(r);
          return m ? (typeof m.value === "number" ? m.value : m.text) : null;
        },
      };
    });
  return [...fixed, ...metrics];
}

/** `rows` sorted by column `col` (from `batchColumns`) in direction `dir` (1 or -1): numbers as
 * numbers before text, empty cells last whatever the direction, ties in the rows' order. */
export function sortBatch(rows, col, dir = 1) {
  if (!col) return rows.slice();
  const keyed = rows.map((r, i) => ({ r, i, v: col.sort(r) }));
  keyed.sort((a, b) => {
    const ea = a.v === null || a.v === undefined;
    const eb = b.v === null || b.v === undefined;
    if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1;
    const na = typeof a.v === "number";
    const nb = typeof b.v === "number";
    const c = na && nb ? a.v - b.v : na !== nb ? (na ? -1 : 1) : collator.compare(a.v, b.v);
    return c * dir || a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

/** The columns of the batch table's CSV/TSV, the CLI's (`zhibiao table --format csv`, src/table.rs):
 * file, title, issuer, year, genre, published, deadline, the five parts, figures, then per
 * metric its value, unit and count. `columns` is `batchColumns(…)`. */
export function batchExportColumns(columns) {
  const num = (v) => (v === null || v === undefined ? "" : String(v));
  const out = [
    { head: "文件", get: (r) => r.file },
    { head: "标题", get: (r) => r.title || "" },
    { head: "发布机关", get: (r) => r.issuer || "" },
    { head: "报告年度", get: (r) => num(r.reportYear) },
    { head: "体裁", get: (r) => GENRE_LABEL[r.genre] || "" },
    { head: "发布日期", get: (r) => r.published || "" },
    { head: "公开时限", get: (r) => DEADLINE_LABEL[r.deadline] || "" },
    ...Object.entries(PART_LABEL).map(([id, label]) => ({
      head: label,
      get: (r) => PART_STATUS_LABEL[((r.parts || []).find((p) => p.id === id) || {}).status] || "",
    })),
    { head: "指标个数", get: (r) => (r.error ? "" : String(r.figures)) },
  ];
  for (const c of columns.filter((c) => c.metricId)) {
    const cell = (r) => (r.metrics || []).find((m) => m.metricId === c.metricId);
    out.push(
      { head: `${c.head}(${c.metricId})`, get: (r) => num(cell(r)?.value) },
      { head: `${c.head}·单位`, get: (r) => cell(r)?.unit || "" },
      { head: `${c.head}·个数`, get: (r) => num(cell(r)?.count) },
    );
  }
  return out;
}

/** `format` ("csv" or "tsv") of the batch rows, in the order given (the table's). */
export function exportBatch(format, rows, columns) {
  return writeDelimited(FORMATS[format], batchExportColumns(columns), rows);
}

/** "已分析 12 / 300 份" while a batch runs. */
export function progressText(done, total) {
  return `已分析 ${done} / ${total} 份`;
}
