// The 检查 panel: what the core checked in the text (src/checks.rs), its findings grouped as an
// evaluator reads them — 算术 (figures recomputed from the others beside them), 内容 (what a part
// or a claim leaves out), 体裁与时间 (the rules of the report's genre: its year, its deadline) —
// each explained in plain words: what was computed, what the text says, the tolerance. A click
// or Enter on a finding scrolls the view to the figure checked and highlights every span involved
// (the highlights stay until another finding is chosen or the text changes). With nothing found,
// each group says what it checked, and which checks this genre does not get.
import { button, oneTabStop, roving } from "./dom.js";
import { deadlineText, deadlineWith, fmt } from "./report.js";

/** What each kind of finding is called in the panel. */
export const KIND_LABEL = {
  rate: "比率",
  share: "占比",
  sum: "合计",
  change: "增减幅度",
  points: "百分点",
  difference: "增减量",
  growth: "增幅",
  annual: "年均增速",
  thin: "内容空泛",
  basis: "缺少比较基准",
  year: "年度不符",
  deadline: "公开逾期",
};

const ALL = ["rule_of_law_report", "government_work_report", "statistical_bulletin", "other"];
const ROL = ["rule_of_law_report"];

/** The groups, their kinds, and each check with the genres it applies to (as in the core's
 * table in src/checks.rs; `deadline` is the core's `deadline` field, shown here when late). */
export const GROUPS = [
  {
    key: "arithmetic",
    title: "算术",
    checks: [
      { kinds: ["rate", "share"], genres: ALL, what: "比率、占比与算出它的两个数" },
      { kinds: ["sum"], genres: ALL, what: "合计与“其中”列全的各分项" },
      { kinds: ["change", "points", "difference", "annual"], genres: ALL, what: "增减幅度、百分点、增减量、年均增速与前后两个数值" },
      { kinds: ["growth"], genres: ALL, what: "增幅与现值、增量" },
    ],
  },
  {
    key: "substance",
    title: "内容",
    checks: [
      { kinds: ["thin"], genres: ROL, what: "五项法定内容各部分有无数据或具体事项" },
      { kinds: ["basis"], genres: ["rule_of_law_report", "other"], what: "增减百分比是否说明与何时相比" },
    ],
  },
  {
    key: "genre",
    title: "体裁与时间",
    checks: [
      { kinds: ["year"], genres: ["rule_of_law_report", "statistical_bulletin"], what: "标题年度与落款日期、正文开头的年份" },
      { kinds: ["deadline"], genres: ROL, what: "是否在次年4月1日前公开" },
    ],
  },
];

export const GENRE_LABEL = {
  rule_of_law_report: "法治政府建设年度报告",
  government_work_report: "政府工作报告",
  statistical_bulletin: "统计公报",
  other: "其他材料",
};

/** Why some checks do not apply to a genre, in a few words. */
const NOT_APPLIED = {
  government_work_report: "此类报告的增减按惯例与上年相比、开头回顾上一年，不查比较基准与年度",
  statistical_bulletin: "统计公报的增减按惯例与上年相比，不查比较基准",
};

/** A number without float noise: 0.01, 1000, 0.1. */
function plain(x) {
  return String(Number(x.toPrecision(6)));
}

/** The text of span `s` of `text`, shortened. */
function quote(text, s) {
  const t = text.slice(s.start, s.end).replace(/\s+/g, " ");
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

/** The indicator whose span is exactly `s`, or undefined. */
function indicatorAt(r, s) {
  return r.indicators.find((x) => x.start === s.start && x.end === s.end);
}

/**
 * The explanation of finding `f` of result `r` on `text`, as [label, words] rows: what the text
 * says, what was computed from what, and how far apart the two may be.
 */
export function explain(f, r, text) {
  const [first, ...rest] = f.spans;
  const rows = [];
  if (f.kind === "deadline") return [["核对", f.message]];
  if (f.kind === "thin") {
    rows.push(["原文", `“${quote(text, first)}”这一部分`]);
    rows.push(["核对", "这一部分没有任何数据，也没有列出具体事项（分项、小标题），多是原则性表述。"]);
    return rows;
  }
  if (f.kind === "basis") {
    rows.push(["原文", `只写了变化 ${quote(text, first)}`]);
    rows.push(["核对", "本句和本段都没有说明与何时相比（同比、比上年、较2023年……）。仅作提示。"]);
    return rows;
  }
  if (f.kind === "year") {
    rows.push(["原文", `标题写 ${quote(text, first)}，另一处写 ${rest.map((s) => quote(text, s)).join("、")}`]);
    rows.push(["核对", "报告年度应与落款日期（不早于该年度）和正文开头的年份一致。"]);
    return rows;
  }
  // Arithmetic: the stated figure first, then the figures it was computed from.
  const unit = (indicatorAt(r, first) || {}).unit || "";
  rows.push(["报告写", quote(text, first)]);
  if (f.computed !== null) {
    const from = rest.length ? `（用原文的 ${rest.map((s) => quote(text, s)).join("、")} 算出）` : "";
    rows.push(["计算得", `${fmt(f.computed)}${unit}${from}`]);
  }
  if (f.tolerance === 0) rows.push(["允许误差", "无：各项计数之和须与合计完全相等。"]);
  else if (typeof f.tolerance === "number") {
    rows.push(["允许误差", `不到末位的一个单位（${plain(f.tolerance)}${unit}）；原文各数也按其所写位数的舍入范围计算，超出才算不一致。`]);
  }
  return rows;
}

/** The groups of result `r` for the panel: each { key, title, findings, applied, skipped }, with
 * `applied`/`skipped` the descriptions of the checks this genre gets or does not get. The late
 * deadline (`deadline`, from report.js `deadlineWith`) is a finding of the genre group. */
export function checkGroups(r, deadline = null) {
  const genre = r.genre || "other";
  const findings = [...(r.checks || [])];
  if (deadline && deadline.status === "late") {
    findings.push({ kind: "deadline", severity: "warning", message: deadlineText(deadline), spans: [], stated: null, computed: null, tolerance: null });
  }
  return GROUPS.map((g) => {
    const kinds = g.checks.flatMap((c) => c.kinds);
    return {
      key: g.key,
      title: g.title,
      findings: findings.filter((f) => kinds.includes(f.kind)),
      applied: g.checks.filter((c) => c.genres.includes(genre)).map((c) => c.what),
      skipped: g.checks.filter((c) => !c.genres.includes(genre)).map((c) => c.what),
    };
  });
}

/** The line that says which genre the checks were chosen for, and why some were left out. */
export function genreLine(r) {
  const genre = r.genre || "other";
  const name = `按“${GENRE_LABEL[genre] || genre}”检查`;
  if (genre === "rule_of_law_report") return `${name}，含五项法定内容与公开时限。`;
  const why = NOT_APPLIED[genre] ? `；${NOT_APPLIED[genre]}` : "";
  return `${name}。五项法定内容与公开时限只适用于法治政府建设年度报告${why}。`;
}

/**
 * The panel in element `el` (a <section>). `state.current` gives the text shown and its marks,
 * `state.source` the web page (its date, for the deadline); `focusMark(mark, flash)` and
 * `jumpToRange(start, end)` are the view's, `view` its element (for the highlight ranges).
 */
export function createChecks(el, state, { focusMark, jumpToRange, view }) {
  const heading = document.createElement("h2");
  heading.id = "checks-h";
  const count = document.createElement("span");
  count.className = "count";
  const body = document.createElement("div");
  heading.append("检查 ", count);
  el.replaceChildren(heading, body);
  roving(body, "button");
  let lit = [];

  function clear() {
    for (const m of lit) m.classList.remove("check-hit");
    lit = [];
    if (globalThis.CSS && CSS.highlights) CSS.highlights.delete("zhibiao-check");
  }

  /** A DOM range over text [start, end) of the view, or null. */
  function rangeOf(start, end) {
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const range = document.createRange();
    let started = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (!started && start < offset + len) {
        range.setStart(n, start - offset);
        started = true;
      }
      if (started && end <= offset + len) {
        range.setEnd(n, end - offset);
        return range;
      }
      offset += len;
    }
    return null;
  }

  /** Highlights every span of finding `f` and brings the first into view. */
  function show(f) {
    const cur = state.current;
    if (!cur || !f.spans.length) return;
    clear();
    const r = cur.result;
    const markAt = (s) => {
      const i = r.indicators.findIndex((x) => x.start === s.start && x.end === s.end);
      if (i >= 0) return cur.marks.indicator[i];
      const d = r.dates.findIndex((x) => x.start === s.start && x.end === s.end);
      return d >= 0 ? cur.marks.date[d] : null;
    };
    const marks = f.spans.map(markAt);
    for (const m of marks) if (m) m.classList.add("check-hit");
    lit = marks.filter(Boolean);
    if (globalThis.CSS && CSS.highlights && globalThis.Highlight) {
      const ranges = f.spans.map((s) => rangeOf(s.start, s.end)).filter(Boolean);
      CSS.highlights.set("zhibiao-check", new Highlight(...ranges));
    }
    if (marks[0]) focusMark(marks[0], true);
    else jumpToRange(f.spans[0].start, f.spans[0].end);
  }

  function item(f, r, text) {
    const li = document.createElement("li");
    li.dataset.kind = f.kind;
    li.dataset.severity = f.severity;
    const line = f.spans.length && state.current ? `第 ${state.current.lineOf(f.spans[0].start)} 行 · ` : "";
    const what = f.spans.length ? quote(text, f.spans[0]) : "";
    const head = f.spans.length ? button(`${line}${KIND_LABEL[f.kind] || f.kind}：${what}`, () => show(f)) : document.createElement("b");
    if (!f.spans.length) head.textContent = KIND_LABEL[f.kind] || f.kind;
    head.className = "finding";
    const msg = document.createElement("p");
    msg.className = "msg";
    msg.textContent = f.message;
    const dl = document.createElement("dl");
    for (const [k, v] of explain(f, r, text)) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
    li.append(head, msg, dl);
    return li;
  }

  /** Shows what the checks found in result `r`. */
  function render(r) {
    clear();
    const text = state.current ? state.current.text : "";
    if (!text) {
      count.textContent = "";
      const p = document.createElement("p");
      p.className = "empty";
      p.textContent = "粘贴报告后，这里列出核对结果：数字算得对不对、内容是否具体、年度与公开时间。";
      body.replaceChildren(p);
      return;
    }
    const groups = checkGroups(r, deadlineWith(r, state.source && state.source.date));
    const total = groups.reduce((n, g) => n + g.findings.length, 0);
    count.textContent = total ? `${total} 项` : "未发现问题";
    const intro = document.createElement("p");
    intro.className = "genre-line";
    intro.textContent = genreLine(r);
    const parts = [intro];
    for (const g of groups) {
      const sec = document.createElement("section");
      sec.className = "check-group";
      sec.dataset.group = g.key;
      const h = document.createElement("h3");
      const n = document.createElement("span");
      n.className = "count";
      n.textContent = String(g.findings.length);
      h.append(`${g.title} `, n);
      sec.append(h);
      if (g.findings.length) {
        const ol = document.createElement("ol");
        ol.append(...g.findings.map((f) => item(f, r, text)));
        sec.append(ol);
      }
      const checked = document.createElement("p");
      checked.className = "checked";
      const none = g.findings.length ? "" : g.applied.length ? "未发现问题。" : "";
      const applied = g.applied.length ? `已检查：${g.applied.join("；")}。` : "";
      const skipped = g.skipped.length ? `不适用于此类报告：${g.skipped.join("；")}。` : "";
      checked.textContent = `${none}${applied}${skipped ? ` ${skipped}` : ""}`;
      sec.append(checked);
      parts.push(sec);
    }
    body.replaceChildren(...parts);
    oneTabStop(body, "button");
  }

  return { render, clear };
}
