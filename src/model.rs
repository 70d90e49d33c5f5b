//! The result of [`crate::extract`]: plain Rust types with byte spans, no serde.
//!
//! [`crate::output`] turns an [`Extraction`] into the JSON/JS object the CLI prints and the
//! page receives (camelCase keys, UTF-16 offsets). A field that should reach the output also
//! needs its DTO field and line in [`crate::output::Output::new`] and its TypeScript type in
//! `src/output.d.ts` (a unit test of `output` fails until it has one).

use std::borrow::Cow;

use crate::span::Span;

/// Everything zhibiao finds in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Quantities, sorted by start, never overlapping.
    pub indicators: Vec<Indicator>,
    /// Years and dates (`2024年`, `2024年3月1日`, `2024-03-04`, `9月23日`), sorted by start.
    pub dates: Vec<DateMention>,
    /// Outline headings in document order; the tree is given by `parent` / `children`.
    pub headings: Vec<Heading>,
    /// Inline enumerations (`一是……二是……`, `第一,…`, `其一…`), in document order.
    pub lists: Vec<ListItem>,
    /// Every `《…》`, in document order.
    pub citations: Vec<Citation>,
    /// The title line, when the text has one.
    pub title: Option<Title>,
    /// The year the report covers (a report signed in March 2021 about 2020 covers 2020).
    pub report_year: Option<i32>,
    /// A government website's metadata block pasted with the text (`索引号`, `生成日期`, …).
    pub metadata: Option<Metadata>,
    /// The closing signature: issuer line and date.
    pub signature: Option<Signature>,
    /// The five parts the 2019 rules require, in their fixed order.
    pub parts: Vec<Part>,
    /// Publication deadline check, when a date is known and the text is a 法治政府建设 report
    /// (the 1 April rule is the 督察工作规定's; `None` for every other genre).
    pub deadline: Option<Deadline>,
    /// Problems found in the structure (a skipped level, a repeated number, …).
    pub warnings: Vec<Warning>,
    /// What kind of text this is ([`crate::genre`]).
    pub genre: Genre,
    /// What an evaluator would flag: arithmetic, thin parts, years, bases ([`crate::checks`]),
    /// in the order of their first span.
    pub checks: Vec<Finding>,
}

/// What kind of quantity an indicator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A count with a measure word: `238项`, `2000余人`, `2.44万件(次)`.
    Count,
    /// `98.7%`, `百分之九十`, `八成`, `‰`, and `个百分点` (with its own unit).
    Percent,
    /// Money, normalised to 元 (or the currency as written): `537.97万元` → 5379700 元.
    Money,
    /// Lengths, areas, weights, durations, multiples: `12公里`, `3.5万亩`, `5个工作日`, `2倍`.
    Measure,
}

impl Kind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Measure => "measure",
        }
    }
}

/// Direction of a stated change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// A stated change: `同比上升70.2%` → up, basis `同比`; `比2023年增加5件` → up, basis `2023年`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub direction: Direction,
    /// `同比`, `环比`, `较上年`, `2023年`, … as written (without 比/较).
    pub basis: String,
}

/// One quantity the report states.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// From the first digit (or sign) to the end of the unit, `%` or measure word.
    pub span: Span,
    /// The number as stated, multiplied out (`4.6万件` → 46000). `None` when the digits cannot be
    /// represented faithfully (a two-million-digit number): the span is still reported.
    pub value: Option<f64>,
    /// The high end of a range (`3—5个`), else `None`.
    pub value_max: Option<f64>,
    /// The measure word as written (`件`, `件(次)`, `人次`), `%`, `个百分点`, `‰`, `元` after
    /// multiplying out `万元`/`亿元`; `None` when there is none. Borrowed from the unit lexicon
    /// unless the text extends it (`件(次)`, `元/人`): most indicators allocate nothing for it.
    pub unit: Option<Cow<'static, str>>,
    pub kind: Kind,
    /// `余`, `多`, `近`, `约`, `超过`, `以上`, `左右`, … or `None` (from the qualifier tables).
    pub approx: Option<&'static str>,
    pub change: Option<Change>,
    /// The words naming what is measured (`合格率`, `市级行政许可事项`), when the clause says so.
    pub metric: Option<String>,
    /// A canonical id from the metric taxonomy (`data/metrics.tsv`) when the metric is that one
    /// and the unit fits ([`crate::taxonomy::id`]). With `change` set, the id is what changed.
    pub metric_id: Option<&'static str>,
    /// Index into [`Extraction::headings`] of the innermost heading this indicator sits under.
    pub heading: Option<usize>,
    /// A 政府工作报告's target for the coming year (`预期目标是：…增长5%左右`), not a result.
    pub target: bool,
}

/// A year or date in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    /// ISO form: `2024`, `2024-03`, `2024-03-01`, or `--09-23` for a day without a year.
    pub iso: String,
}

/// Outline level by marker type, as in GB/T 9704: `一、` `(一)` `1.` `(1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    One = 1,
    Two = 2,
    Three = 3,
    Four = 4,
}

impl TryFrom<u8> for Level {
    type Error = u8;
    fn try_from(v: u8) -> Result<Self, u8> {
        match v {
            1 => Ok(Level::One),
            2 => Ok(Level::Two),
            3 => Ok(Level::Three),
            4 => Ok(Level::Four),
            other => Err(other),
        }
    }
}

/// An outline heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: Level,
    /// The marker as written: `一、`, `(一)`, `（一）`, `1.`, `1、`, `（1）`.
    pub marker: String,
    pub marker_span: Span,
    /// The marker's number: `十二、` → 12.
    pub number: u32,
    /// Text after the marker up to the first `。` or the line end, without trailing punctuation.
    pub title: String,
    pub title_span: Span,
    /// 1-based line number.
    pub line: usize,
    /// Index of the enclosing heading in [`Extraction::headings`].
    pub parent: Option<usize>,
    /// Indices of the direct children in [`Extraction::headings`].
    pub children: Vec<usize>,
}

/// One item of an inline enumeration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// `一是`, `第一`, `其一`, … as written.
    pub marker: String,
    pub marker_span: Span,
    pub number: u32,
    /// From the marker to the end of the item (the next marker, or the paragraph end).
    pub span: Span,
    /// The heading the list sits under, when any.
    pub heading: Option<usize>,
    /// 1-based line of the marker.
    pub line: usize,
}

/// What a citation names, when its last words make it clear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CitationClass {
    /// …法
    Law,
    /// …条例
    Regulation,
    /// …规定 / 办法 / 规则 / 细则
    Rules,
    /// …纲要 / 规划 / 方案 / 计划
    Plan,
    /// …通知
    Notice,
    Other,
}

impl CitationClass {
    pub const fn as_str(self) -> &'static str {
        match self {
            CitationClass::Law => "law",
            CitationClass::Regulation => "regulation",
            CitationClass::Rules => "rules",
            CitationClass::Plan => "plan",
            CitationClass::Notice => "notice",
            CitationClass::Other => "other",
        }
    }
}

/// A `《…》` title, brackets included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub span: Span,
    pub class: CitationClass,
}

/// The report's title line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    pub span: Span,
    pub line: usize,
}

/// One field of a website metadata block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaField {
    /// The label with inner spaces removed: `索引号`, `信息分类`, `发布机构`, `生成日期`, `文号`,
    /// `是否有效`, `名称`, …
    pub key: String,
    /// The value as written, trimmed; empty when the block leaves it blank.
    pub value: String,
    /// The value's span (empty span at the label's end when the value is blank).
    pub span: Span,
}

/// A website metadata block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata {
    pub span: Span,
    pub fields: Vec<MetaField>,
}

/// The closing signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Issuer line, e.g. `荔波县人民政府`, when present.
    pub issuer: Option<String>,
    pub issuer_span: Option<Span>,
    /// ISO date (`2024-03-01`), when present.
    pub date: Option<String>,
    pub date_span: Option<Span>,
}

/// Status of one mandated part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartStatus {
    /// A heading names it.
    Present,
    /// Only a paragraph cue mentions it.
    Mentioned,
    Missing,
}

impl PartStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            PartStatus::Present => "present",
            PartStatus::Mentioned => "mentioned",
            PartStatus::Missing => "missing",
        }
    }
}

/// One of the five parts required by the 2019 《法治政府建设与责任落实督察工作规定》.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// `measures`, `shortcomings`, `leadership`, `plans`, `other`.
    pub id: &'static str,
    /// Chinese name: `主要举措和成效`, `存在的不足和原因`, …
    pub name: &'static str,
    pub status: PartStatus,
    /// The heading that names it (for `Present`).
    pub heading: Option<usize>,
    /// The evidence: the heading title or the cue phrase.
    pub span: Option<Span>,
    /// Figures under the heading that names the part (0 unless `Present`).
    pub figures: usize,
    /// Concrete items under that heading: list items and sub-headings (0 unless `Present`).
    pub items: usize,
}

/// Deadline check status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineStatus {
    OnTime,
    Late,
}

impl DeadlineStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            DeadlineStatus::OnTime => "onTime",
            DeadlineStatus::Late => "late",
        }
    }
}

/// Publication deadline check: the report about year N is due by 1 April of N+1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The date checked (ISO), from the signature or the metadata's 生成日期.
    pub date: String,
    /// Where it came from: `signature` or `metadata`.
    pub source: &'static str,
    /// The due date (ISO).
    pub due: String,
    pub status: DeadlineStatus,
}

/// A structural problem worth showing the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub span: Span,
    pub line: usize,
    /// A short Chinese message, e.g. `层级跳跃：一、之后直接出现1.`.
    pub message: String,
}

/// What kind of text a report is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Genre {
    /// 法治政府建设年度报告 or 情况报告, a government's or a department's.
    RuleOfLawReport = 0,
    /// 政府工作报告.
    GovernmentWorkReport = 1,
    /// 国民经济和社会发展统计公报.
    StatisticalBulletin = 2,
    /// Work summaries, plans, notices, news items, court reports, …
    #[default]
    Other = 3,
}

impl Genre {
    /// In the order of their discriminants.
    pub const ALL: [Genre; 4] = [
        Genre::RuleOfLawReport,
        Genre::GovernmentWorkReport,
        Genre::StatisticalBulletin,
        Genre::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Genre::RuleOfLawReport => "rule_of_law_report",
            Genre::GovernmentWorkReport => "government_work_report",
            Genre::StatisticalBulletin => "statistical_bulletin",
            Genre::Other => "other",
        }
    }
}

/// What a finding checks ([`crate::checks`] describes each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckKind {
    /// A rate against the two counts it is computed from.
    Rate,
    /// `占比` against a part and the total before `其中`.
    Share,
    /// A total against the parts that exhaust it.
    Sum,
    /// A change in % against the old and the new value.
    Change,
    /// A change in 个百分点 against the old and the new rate.
    Points,
    /// A stated difference against the old and the new value.
    Difference,
    /// A change in % against the value and its stated increase.
    Growth,
    /// A yearly average change in % against two dated values.
    Annual,
    /// A present part with no figure and no concrete item.
    Thin,
    /// The title's year against the date or the body's year.
    Year,
    /// A change that names no basis.
    Basis,
}

impl CheckKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckKind::Rate => "rate",
            CheckKind::Share => "share",
            CheckKind::Sum => "sum",
            CheckKind::Change => "change",
            CheckKind::Points => "points",
            CheckKind::Difference => "difference",
            CheckKind::Growth => "growth",
            CheckKind::Annual => "annual",
            CheckKind::Thin => "thin",
            CheckKind::Year => "year",
            CheckKind::Basis => "basis",
        }
    }

    /// Whether the finding is a recomputed figure.
    pub const fn is_arithmetic(self) -> bool {
        matches!(
            self,
            CheckKind::Rate
                | CheckKind::Share
                | CheckKind::Sum
                | CheckKind::Change
                | CheckKind::Points
                | CheckKind::Difference
                | CheckKind::Growth
                | CheckKind::Annual
        )
    }
}

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    Warning,
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing an evaluator would flag.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: CheckKind,
    pub severity: Severity,
    /// In Chinese: `调解成功率应为97.89%（1205÷1231），报告写97.87%`.
    pub message: String,
    /// The figure checked first, then those it was computed from (or the evidence).
    pub spans: Vec<Span>,
    /// The figure as stated (signed for a change), when the finding has one.
    pub stated: Option<f64>,
    /// The figure computed from the others, rounded as the stated one is written.
    pub computed: Option<f64>,
    /// For arithmetic: one unit of the stated figure's last written digit, in its units
    /// (`97.87%` → 0.01, `4.6万件` → 1000), 0 for an exact count. The stated figure passes when
    /// it is less than this away from some value the inputs' written digits allow.
    pub tolerance: Option<f64>,
}
