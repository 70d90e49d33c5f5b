// The TypeScript types of the output object (src/output.rs), emitted into www/pkg/zhibiao.d.ts
// by src/wasm.rs. output::tests::typescript_names_every_field checks every field name both ways.

/** No option is accepted yet; any key throws. */
export type ExtractOptions = Record<string, never>;

/** `[start, end)` in UTF-16 code units: `text.slice(start, end)`. */
export interface Spanned { start: number; end: number; }

export interface Indicator extends Spanned {
  text: string;
  value: number | null;
  /** Upper end of a range. This and `approx`, `change`, `metricId` are absent when they do not apply. */
  valueMax?: number;
  unit: string | null;
  kind: "count" | "percent" | "money" | "measure";
  approx?: string;
  change?: { direction: "up" | "down"; basis: string };
  metric: string | null; metricId?: string;
  /** Index into `headings` of the innermost enclosing heading. The section (titles of all
   * enclosing headings, outermost first) follows the `parent` links from there. */
  heading: number | null;
  /** A 政府工作报告's target for the coming year (`预期目标是：…`); absent unless true. */
  target?: boolean;
}

export interface DateMention extends Spanned { text: string; iso: string; }

export interface Heading extends Spanned {
  markerStart: number; markerEnd: number; level: 1 | 2 | 3 | 4; marker: string; number: number;
  title: string;
  /** 1-based line. */
  line: number;
  parent: number | null; children: number[];
}

export interface ListItem extends Spanned {
  markerStart: number; markerEnd: number; marker: string; number: number; line: number;
  heading: number | null;
}

export interface Citation extends Spanned {
  text: string;
  class: "law" | "regulation" | "rules" | "plan" | "notice" | "other";
}

export interface Part {
  id: "measures" | "shortcomings" | "leadership" | "plans" | "other";
  name: string;
  status: "present" | "mentioned" | "missing";
  heading: number | null; start: number | null; end: number | null;
  /** Figures and concrete items (list items, sub-headings) under its heading (0 unless present). */
  figures: number; items: number;
}

/** One finding (src/checks.rs describes each kind). */
export interface Check {
  kind: "rate" | "share" | "sum" | "change" | "points" | "difference" | "growth" | "annual"
    | "thin" | "year" | "basis";
  severity: "warning" | "info";
  /** In Chinese: `调解成功率应为97.89%（1205÷1231），报告写97.87%`. */
  message: string;
  /** The figure checked first, then those it was computed from (or the evidence). */
  spans: Spanned[];
  stated: number | null; computed: number | null;
  /** Arithmetic only: one unit of the stated figure's last written digit, in its units (`97.87%`
   * → 0.01, `4.6万件` → 1000), 0 for an exact count; a stated figure less than this away from a
   * value the inputs allow passes. */
  tolerance: number | null;
}

export interface Extraction {
  indicators: Indicator[];
  dates: DateMention[];
  headings: Heading[];
  lists: ListItem[];
  citations: Citation[];
  title: string | null;
  titleSpan: (Spanned & { line: number }) | null;
  reportYear: number | null;
  metadata: (Spanned & { fields: { key: string; value: string; start: number; end: number }[] }) | null;
  signature: {
    issuer: string | null; issuerStart: number | null; issuerEnd: number | null;
    date: string | null; dateStart: number | null; dateEnd: number | null;
  } | null;
  parts: Part[];
  /** The 1 April check, only for genre `rule_of_law_report` (null for the others). */
  deadline: { date: string; source: "signature" | "metadata"; due: string; status: "onTime" | "late" } | null;
  warnings: (Spanned & { line: number; message: string })[];
  genre: "rule_of_law_report" | "government_work_report" | "statistical_bulletin" | "other";
  checks: Check[];
}
