//! The metric taxonomy: canonical metrics, each with an id, its unit kinds and its wordings, kept
//! as data in `data/metrics.tsv`, and the id of a figure.
//!
//! About a hundred canonical metrics: those of 法治政府建设年度报告 (`shared/design/domain.md`
//! §1b) and the core figures of 政府工作报告 and 统计公报 (地区生产总值, 一般公共预算收入,
//! 城镇调查失业率, 居民人均可支配收入 by 城镇/农村, 粮食产量, 常住人口, 城镇化率 …).
//!
//! **The contract** ([`id`]). A figure gets a canonical id only when
//! 1. its metric phrase *ends with* one of the metric's wordings — the head of the phrase, after
//!    dropping a tail such as `数`/`总量`, a closing quote or a bracketed note (`(社区)`); the
//!    longest wording wins, and when that one is vetoed the figure gets no id (no fallback to a
//!    shorter, more generic wording);
//! 2. its unit kind is one of the metric's kinds (a count id never on a %, a rate id never on a
//!    count, money ids only on money) — except that a stated change may be a percentage of any
//!    metric (`比上年增长5.0%`), and a change in `个百分点` belongs only to a percent metric;
//! 3. one of the metric's *required* words (if it lists any) is in the phrase or its sentence, and
//!    none of its *forbidden* words nor a part-of-year word (`一季度`, `上半年`) is in the phrase;
//! 4. a list of names sharing one value (`参考率、合格率`) gives every name the same id; an item
//!    that is a modifier parallel to the next one's (`专业性、行业性人民调解委员会`) names nothing
//!    of its own and goes with it.
//!
//! **A change figure** (`同比上升70.2%` after `办理行政复议案件80件`) gets the id of what changed
//! (`review_cases`) and keeps its `change` (direction and basis): *the id plus the change field*
//! is the marker. The id alone says what is measured; a consumer that wants levels only (a
//! table's column, a pair across two years) takes the figures without `change`.
//!
//! ```
//! use zhibiao::taxonomy::{id, lookup};
//! use zhibiao::Kind;
//! assert_eq!(lookup("行政机关负责人出庭应诉率"), Some("appearance_rate"));
//! assert_eq!(lookup("办理行政复议案件"), Some("review_cases"));
//! assert_eq!(lookup("法治文化广场"), None); // 法治文化 is not its head
//! assert_eq!(id("办理行政复议案件", Kind::Count, Some("件"), false, ""), Some("review_cases"));
//! assert_eq!(id("办理行政复议案件", Kind::Percent, Some("%"), true, ""), Some("review_cases"));
//! assert_eq!(id("办理行政复议案件", Kind::Percent, Some("%"), false, ""), None);
//! assert_eq!(id("地区生产总值", Kind::Money, Some("元"), false, ""), Some("gdp"));
//! assert_eq!(id("人均地区生产总值", Kind::Money, Some("元"), false, ""), Some("gdp_per_capita"));
//! assert_eq!(id("一季度国内生产总值", Kind::Percent, Some("%"), true, ""), None);
//! ```

use std::cell::OnceCell;
use std::sync::OnceLock;

use crate::clause::{ideograph_ends_at, ideograph_starts_at};
use crate::lexicon::{self, WordIndex};
use crate::model::Kind;
use crate::text::{self, fold, has_char, CharGroups};

pub use crate::lexicon::Metric;

struct Index {
    metrics: &'static [Metric],
    /// Wordings by last character, longest first, then in file order: the wording, its metric
    /// and its character before the last (`'\0'` for a wording of one character), a test before
    /// comparing the whole wording.
    by_last: CharGroups<Wording>,
    /// The tails by last character, in file order.
    tails: CharGroups<&'static str>,
    forbid_all: WordIndex,
}

#[derive(Clone, Copy)]
struct Wording {
    text: &'static str,
    metric: usize,
    before_last: char,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let metrics = lexicon::metrics();
        let mut by_last = Vec::new();
        for (i, m) in metrics.iter().enumerate() {
            for &v in &m.variants {
                let mut chars = v.chars().rev();
                if let Some(c) = chars.next() {
                    let before_last = chars.next().unwrap_or('\0');
                    by_last.push((
                        c,
                        Wording {
                            text: v,
                            metric: i,
                            before_last,
                        },
                    ));
                }
            }
        }
        // Stable: equal wordings keep file order.
        crate::sort::sort_by(&mut by_last, |a, b| {
            a.0.cmp(&b.0).then(b.1.text.len().cmp(&a.1.text.len()))
        });
        Index {
            metrics,
            by_last: CharGroups::new(by_last),
            tails: CharGroups::new(
                lexicon::metric_words("tail")
                    .into_iter()
                    .filter_map(|t| Some((t.chars().next_back()?, t)))
                    .collect(),
            ),
            forbid_all: WordIndex::new(lexicon::metric_words("forbid").into_iter()),
        }
    })
}

/// All metrics of the taxonomy, in file order.
pub fn all() -> &'static [Metric] {
    index().metrics
}

/// `phrase` without a closing quote, a bracketed note at its end (`示范村(社区)`) or blanks.
fn trim_end(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = s.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '”' | '」' | '』' | '’' | '"' | '\u{200B}'
                        ..='\u{200D}' | '\u{FEFF}' | '\u{2060}'
                )
        });
        if s.ends_with([')', '）']) {
            if let Some(open) = s.rfind(['(', '（']) {
                let inner = s[open..].chars().count();
                if inner <= 10 && open > 0 {
                    s = &s[..open];
                }
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The longest wording that `form` ends with.
fn head_of(form: &str) -> Option<&'static str> {
    let mut chars = form.chars().rev();
    let c = chars.next()?;
    let before_last = chars.next();
    index()
        .by_last
        .get(c)
        .find(|w| {
            (w.before_last == '\0' || Some(w.before_last) == before_last)
                && text::ends(form.as_bytes(), w.text.as_bytes())
        })
        .map(|w| w.text)
}

/// The longest wording that `phrase` ends with (also after dropping a tail): the metrics that
/// have it are those of [`with_wording`].
fn head(phrase: &str) -> Option<&'static str> {
    let p = trim_end(phrase);
    let mut best = head_of(p);
    let last = p.chars().next_back()?;
    for t in index().tails.get(last) {
        if let Some(r) = p.strip_suffix(t) {
            if let Some(v) = head_of(trim_end(r)) {
                if best.map_or(true, |b| v.len() > b.len()) {
                    best = Some(v);
                }
            }
        }
    }
    best
}

/// The metrics that have wording `v`, in file order.
fn with_wording(v: &'static str) -> impl Iterator<Item = &'static Metric> {
    let ix = index();
    let c = v.chars().next_back().unwrap_or('\0');
    ix.by_last
        .get(c)
        .filter(move |w| w.text == v)
        .map(|w| &ix.metrics[w.metric])
}

/// The id of the metric whose longest wording `phrase` ends with, on wording alone (no unit,
/// required or forbidden words: see [`id`] for the figure's id).
pub fn lookup(phrase: &str) -> Option<&'static str> {
    head(phrase).and_then(|v| with_wording(v).next().map(|m| m.id))
}

/// Whether a figure of `kind`, in points of a percentage (`个百分点`) or not, a stated change or
/// not, fits metric `m`.
fn fits(m: &Metric, kind: Kind, points: bool, changed: bool) -> bool {
    if points {
        return changed && m.kinds.contains(&kind);
    }
    m.kinds.contains(&kind) || (changed && kind == Kind::Percent)
}

/// The canonical id of a figure: `phrase` is its metric name, `kind` and `unit` its unit,
/// `changed` whether it states a change, `sentence` the sentence it is in (for required
/// words). See the contract in the module documentation.
pub fn id(
    phrase: &str,
    kind: Kind,
    unit: Option<&str>,
    changed: bool,
    sentence: &str,
) -> Option<&'static str> {
    ids(phrase, kind, unit, changed, &|| sentence)
}

/// [`id`] of the figure at `[head, tail)` of `text`: its sentence ([`sentence_of`]) is found
/// only when a metric asks for it.
pub(crate) fn id_at(
    phrase: &str,
    kind: Kind,
    unit: Option<&str>,
    changed: bool,
    text: &str,
    (head, tail): (usize, usize),
) -> Option<&'static str> {
    let found = OnceCell::new();
    ids(phrase, kind, unit, changed, &|| {
        found.get_or_init(|| sentence_of(text, head, tail))
    })
}

fn ids<'s>(
    phrase: &str,
    kind: Kind,
    unit: Option<&str>,
    changed: bool,
    sentence: &dyn Fn() -> &'s str,
) -> Option<&'static str> {
    // (All three end with 点, which most units lack.)
    let points = unit.is_some_and(|u| {
        has_char(u, '点')
            && (text::has(u, "百分点") || text::has(u, "千分点") || text::has(u, "基点"))
    });
    if has_char(phrase, '、') {
        // 参考率、合格率均为100%: every name the same id, else none. (专业性、行业性人民调解委员会:
        // a modifier parallel to the next item's, its last character among that one's first
        // three, is no name of its own; it goes with the next.)
        let mut items = phrase.split('、').peekable();
        let mut first = None;
        while let Some(p) = items.next() {
            let id = one_id(p, kind, points, changed, sentence, phrase);
            let modifier = id.is_none()
                && items
                    .peek()
                    .is_some_and(|n| crate::metrics::parallel_at(p, n).is_some());
            if !modifier && (id.is_none() || first.is_some_and(|f| Some(f) != id)) {
                return None;
            }
            first = first.or(id);
        }
        return first;
    }
    one_id(phrase, kind, points, changed, sentence, phrase)
}

fn one_id<'s>(
    phrase: &str,
    kind: Kind,
    points: bool,
    changed: bool,
    sentence: &dyn Fn() -> &'s str,
    list: &str,
) -> Option<&'static str> {
    // The head first: an indexed lookup that most phrases fail, before the substring searches.
    let id = with_wording(head(phrase)?).find_map(|m| {
        let ok = fits(m, kind, points, changed)
            && !m.forbids.iter().any(|w| holds(phrase, w))
            && (m.requires.is_empty()
                || m.requires
                    .iter()
                    .any(|w| holds(list, w) || text::has(sentence(), w)));
        ok.then_some(m.id)
    })?;
    let vetoed = index().forbid_all.occurs_in(phrase) || part_of_year_before(phrase, sentence());
    (!vetoed).then_some(id)
}

/// Whether the short `hay` (a metric phrase) holds `word`: a comparison where its first byte
/// stands, not the substring searcher that `str::contains` builds on every call.
fn holds(hay: &str, word: &str) -> bool {
    let (h, w) = (hay.as_bytes(), word.as_bytes());
    let Some(&first) = w.first() else {
        return true;
    };
    h.len() >= w.len() && (0..=h.len() - w.len()).any(|i| h[i] == first && text::starts(&h[i..], w))
}

/// Whether the words right before `phrase` in `sentence` name a part of the year (`1—11月份`,
/// `10月共`, `一季度`): the figure is then not the year's canonical one, even though naming
/// dropped those words from the metric.
fn part_of_year_before(phrase: &str, sentence: &str) -> bool {
    let Some(at) = text::find(sentence, phrase) else {
        return false;
    };
    let before = &sentence[crate::text::back_chars(sentence, at, 6)..at];
    has_char(before, '月') || index().forbid_all.occurs_in(before)
}

/// The sentence around `[head, tail)` in `text`: from after the previous sentence end to the
/// next one, at most 80 characters each way.
pub fn sentence_of(text: &str, head: usize, tail: usize) -> &str {
    let is_end = |c: char| matches!(fold(c), '。' | ';' | '!' | '?' | '\n' | '\r');
    let bytes = text.as_bytes();
    let mut start = head.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    // (Ideographs, most of the sentence, end none: they are stepped over undecoded.)
    for _ in 0..80 {
        if ideograph_ends_at(bytes, start) {
            start -= 3;
            continue;
        }
        match text.get(..start).and_then(|s| s.chars().next_back()) {
            Some(c) if !is_end(c) => start -= c.len_utf8(),
            _ => break,
        }
    }
    let mut end = tail.min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    for _ in 0..80 {
        if ideograph_starts_at(bytes, end) {
            end += 3;
            continue;
        }
        match text.get(end..).and_then(|s| s.chars().next()) {
            Some(c) if !is_end(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_is_well_formed() {
        assert_eq!(lexicon::check(), Vec::<String>::new());
        let m = all();
        assert!(m.len() >= 100, "{}", m.len());
        let mut ids: Vec<_> = m.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), m.len(), "duplicate ids");
        assert!(index().tails.get('数').next().is_some());
        assert!(index().forbid_all.occurs_in("今年上半年"));
    }

    #[test]
    fn specific_wording_wins() {
        assert_eq!(lookup("答复满意率"), Some("deputy_reply_rate"));
        assert_eq!(lookup("按期办结率"), Some("hotline_closure_rate"));
        assert_eq!(
            lookup("行政规范性文件合法性审核率"),
            Some("normative_review_rate")
        );
        assert_eq!(lookup("办理行政复议案件"), Some("review_cases"));
        assert_eq!(lookup("败诉率"), Some("litigation_loss_rate"));
        assert_eq!(lookup("货物进出口总额"), Some("trade_total"));
        assert_eq!(
            lookup("城镇居民人均可支配收入"),
            Some("urban_disposable_income")
        );
    }

    #[test]
    fn head_not_substring() {
        for p in [
            "法治文化广场",
            "法律明白人工作室",
            "业务",
            "快递业务量",
            "森林覆盖率是",
        ] {
            assert_eq!(lookup(p), None, "{p}");
        }
        assert_eq!(
            lookup("国家级“民主法治示范村(社区)”"),
            Some("democracy_villages")
        );
        assert_eq!(lookup("行政复议案件数"), Some("review_cases"));
    }

    #[test]
    fn unit_kind_must_fit() {
        let c = |p, k, u, ch| id(p, k, Some(u), ch, "");
        assert_eq!(c("法律明白人", Kind::Percent, "%", false), None);
        assert_eq!(c("败诉率", Kind::Count, "件", false), None);
        assert_eq!(c("兑付资金", Kind::Count, "项", false), None);
        assert_eq!(
            c("兑付资金", Kind::Money, "元", false),
            Some("enterprise_funds")
        );
        assert_eq!(
            c("败诉率", Kind::Percent, "个百分点", true),
            Some("litigation_loss_rate")
        );
        assert_eq!(c("败诉率", Kind::Percent, "个百分点", false), None);
        assert_eq!(c("行政复议案件", Kind::Percent, "个百分点", true), None);
        assert_eq!(
            c("行政复议案件", Kind::Count, "件", true),
            Some("review_cases")
        );
    }

    #[test]
    fn required_and_forbidden_words() {
        let r = |p, s| id(p, Kind::Percent, Some("%"), false, s);
        assert_eq!(
            r("合格率", "集中抽查评查150件,合格率达98.7%"),
            Some("case_file_pass_rate")
        );
        assert_eq!(r("合格率", "学法考试合格率100%"), Some("exam_pass_rate"));
        assert_eq!(r("合格率", "药品抽检合格率99%"), None);
        assert_eq!(r("城乡居民人均可支配收入", ""), None);
        assert_eq!(
            r("学法考勤参考率、合格率", "学法考勤参考率、合格率均为100%"),
            None
        );
        assert_eq!(
            r("报备率、报备及时率、规范率", ""),
            Some("normative_filing_rate")
        );
    }

    #[test]
    fn sentence_bounds() {
        let t = "甲。自查案卷13件,合格率98%。乙";
        let at = t.find("98").unwrap();
        assert_eq!(sentence_of(t, at, at + 3), "自查案卷13件,合格率98%");
    }
}
