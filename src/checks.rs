//! What an evaluator checks in a report, done on what [`crate::extract`] found: the arithmetic
//! of figures stated together, the substance of the five parts, the year, changes without a
//! basis, and a 政府工作报告's targets.
//!
//! # Arithmetic (severity `warning`)
//! Within one sentence (up to `。！？` or a line end), a relation is checked only when the text
//! makes it certain, and reported only when the stated figure differs from the computed one by
//! more than one unit of the last digit it is written with (so a value rounded, truncated or
//! rounded up at its precision passes; inputs written with a multiplier or decimals count with
//! the same slack, exact counts exactly):
//!
//! | kind | sentence | computed |
//! |---|---|---|
//! | `rate` | `排查调处各类矛盾纠纷1231件,调处成功1205件,调解成功率97.87%` | 1205 ÷ 1231 |
//! | `share` | `受理工单1247件,其中城市管理类362件,占比29.0%` | 362 ÷ 1247 |
//! | `sum` | `复议案件18件,其中撤销5件,维持5件,…,其他1件` | the parts' sum |
//! | `change` | `由1200人增加到1300人,增长8.3%`, `7976件(2019年6593件),同比增长20.98%` | new ÷ old − 1 |
//! | `points` | `由85.2%提高到87.5%,提高2.3个百分点` | new − old |
//! | `difference` | `由1200人增加到1300人,增加100人` | new − old |
//! | `annual` | `由2010年的162.4亿元增加到2015年的287.9亿元,年均增长12.1%` | (new ÷ old)^(1/5) − 1 |
//! | `growth` | `家庭经营收入2853元,增加597元,增长26.5%` | increase ÷ (value − increase) |
//!
//! Certainty, because a false alarm costs more than a miss:
//! - no figure of the relation is approximate (`约`, `余`, `近`, `以上`…) or a range;
//! - `rate`: the rate's name and the wording of the count just before it end alike (`调解成功率`
//!   / `调处成功`, two characters at least) and neither narrows the other (`按期办结率` against
//!   `已办结`; the words are data, class `qualifier`); the base is the nearest earlier figure with
//!   the same unit, and when any earlier one gives the rate, nothing is said (`结案23件,败诉2件,
//!   败诉率8.7%` is 2 ÷ 23);
//! - `sum`: two parts at least, no `等` after `其中`, no sum of the first parts that already gives
//!   the total (the list went on to something else), and the parts evidently exhaust the total:
//!   one of them is the rest (`其他`) or together they name a partition (`男`/`女`, three
//!   industries); a bare `其中` list often leaves parts out (`基站1265万个,其中4G基站711万个,5G
//!   基站425万个`), so it says nothing;
//! - `change`, `points`, `difference`: the old value is stated as `由/从A…到/至B`, `B(2019年A)` or
//!   `较上年的A`; `change` and `growth` skip real, average and comparable-price growth (`实际增长`,
//!   `年均增长`, `按可比价格计算`): those are not new ÷ old.
//!
//! # Substance (`thin`, warning; only for 法治政府建设 reports)
//! [`substance`] counts, for each part a heading names, the figures and the concrete items (list
//! items and sub-headings) under that heading; a part with neither is `thin` (the 不足 part
//! written as three sentences of boilerplate).
//!
//! # Time (`year`, warning; 法治政府建设 reports and 统计公报)
//! The year in the title against the signature or publication date (a `2024年度` report dated
//! 2023) and against the year the body opens with (`2023年,…` under a `2024年度` title). The
//! deadline itself is [`crate::parts`]'s, kept by [`review`] for 法治政府建设 reports only.
//!
//! # Claims without a basis (`basis`, info; 法治政府建设 reports and `other` texts)
//! A relative change (`增长8.3%`, `增长2.4倍`) with no basis of its own in a sentence that names
//! none (`比`, `较`, `同比`, `上年`, `由…到`… class `basis`), not a target, not approximate. Not
//! in a 政府工作报告 or a 统计公报, whose changes are on the year before by convention.
//!
//! # Which genre gets which check
//! | check | 法治政府建设 | 政府工作报告 | 统计公报 | other |
//! |---|---|---|---|---|
//! | arithmetic (`rate` … `annual`) | ✓ | ✓ | ✓ | ✓ |
//! | `thin` (the five parts' substance) | ✓ | | | |
//! | the 1 April deadline ([`Extraction::deadline`]) | ✓ | | | |
//! | `year` | ✓ | | ✓ | |
//! | `basis` | ✓ | | | ✓ |
//! | targets | | ✓ | | |
//!
//! `year` is not asked of a 政府工作报告 (the `2024年` report opens with `2023年` by nature)
//! nor of other texts (a plan or a notice names other years as it likes).
//!
//! # Targets
//! In a 政府工作报告, the figures after `预期目标是/为/：` to the end of its paragraph (or, after
//! a heading `主要预期目标`, in the next paragraph) are targets for the coming year: [`targets`].

use std::sync::OnceLock;

use crate::decimal::{self, pow10};
use crate::lexicon::{self, Class};
use crate::model::{
    CheckKind, Direction, Extraction, Finding, Genre, Indicator, Kind, PartStatus, Severity,
};
use crate::span::Span;
use crate::text::{self, fold, has_char, is_blank, is_zero_width, CharGroups, CharSet};

// ---------------------------------------------------------------------------------------------
// Words (data/checks.tsv, through the lexicon)

/// Words looked for in one pass over a text, by their first character: for the lists read over
/// whole sentences and paragraphs (bases, plans), where a search per word would read the text
/// twenty times.
pub(crate) struct Needles {
    first: CharSet,
    groups: CharGroups<&'static str>,
}

impl Needles {
    pub(crate) fn new(words: &[&'static str]) -> Self {
        let firsts: Vec<(char, &'static str)> = words
            .iter()
            .filter_map(|w| Some((w.chars().next()?, *w)))
            .collect();
        Needles {
            first: CharSet::new(firsts.iter().map(|f| f.0)),
            groups: CharGroups::new(firsts),
        }
    }

    /// Whether one of the words occurs in `s`.
    pub(crate) fn any_in(&self, s: &str) -> bool {
        s.char_indices().any(|(i, c)| {
            self.first.contains(c) && self.groups.get(c).any(|w| s[i..].starts_with(w))
        })
    }
}

struct Words {
    /// Longest first.
    link: Vec<&'static str>,
    qualifier: &'static [&'static str],
    residual: &'static [&'static str],
    partition: Vec<Vec<&'static str>>,
    inexact: &'static [&'static str],
    real: &'static [&'static str],
    basis: Needles,
    target: &'static [&'static str],
    plan: Needles,
    annual: &'static [&'static str],
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut link = lexicon::words(Class::RateLink).to_vec();
        crate::sort::sort_by_key(&mut link, |s| std::cmp::Reverse(s.len()));
        Words {
            link,
            qualifier: lexicon::words(Class::Narrows),
            residual: lexicon::words(Class::Rest),
            partition: lexicon::words(Class::Partition)
                .iter()
                .map(|g| g.split('|').filter(|m| !m.is_empty()).collect::<Vec<_>>())
                .filter(|g| g.len() >= 2)
                .collect(),
            inexact: lexicon::words(Class::Inexact),
            real: lexicon::words(Class::RealGrowth),
            basis: Needles::new(lexicon::words(Class::Basis)),
            target: lexicon::words(Class::Target),
            plan: Needles::new(lexicon::words(Class::Plan)),
            annual: lexicon::words(Class::Annual),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Figures

/// An indicator as the checks read it.
#[derive(Clone, Copy, Debug)]
struct Fig<'a> {
    /// Index in `Extraction::indicators`.
    index: usize,
    span: Span,
    value: f64,
    /// One unit of the last written digit, in the value's units (`4.6万件` → 1000); 0 for an
    /// exact count (`1231件`).
    prec: f64,
    /// Decimals written (`97.87%` → 2).
    decimals: usize,
    /// The multiplier written (`万` → 10⁴), to show sums in the figure's own terms.
    mult: f64,
    mult_text: &'a str,
    /// The number as written, without its unit (`1205`, `4.6万`).
    number: &'a str,
    unit: &'a str,
    kind: Kind,
    /// Signed when a change: `下降3%` → Some(Down).
    change: Option<Direction>,
    basis_empty: bool,
    /// Approximate or a range: never part of a checked relation.
    loose: bool,
}

impl Fig<'_> {
    /// The lowest value the written figure may stand for (rounded at its last digit).
    fn lo(&self) -> f64 {
        self.value - self.prec / 2.0
    }
    fn hi(&self) -> f64 {
        self.value + self.prec / 2.0
    }
    fn is_percent(&self) -> bool {
        self.unit == "%"
    }
    fn is_points(&self) -> bool {
        self.unit == "个百分点"
    }
    /// The value with its stated direction's sign.
    fn signed(&self) -> f64 {
        match self.change {
            Some(Direction::Down) => -self.value,
            _ => self.value,
        }
    }
    /// `x` (in the value's units) written the way this figure is: `97.89`, `1.2万`.
    #[inline(never)]
    fn show(&self, x: f64) -> String {
        let d = self.decimals;
        format!("{}{}", decimal::fixed(x / self.mult, d), self.mult_text)
    }
    /// `x` rounded to this figure's written precision (what `computed` holds).
    #[inline(never)]
    fn round(&self, x: f64) -> f64 {
        let step = self.mult / pow10(self.decimals);
        if step >= 1.0 {
            return (x / step).round() * step;
        }
        // Decimals below one: to the double nearest the decimal, so 97.89 is not 97.89000000000001.
        let d = self.decimals - self.mult.log10().round() as usize;
        decimal::round(x, d)
    }
}

/// Reads the written number at the start of a span: sign, digits (ASCII or full-width), point,
/// then multipliers (zero-width characters and blanks between them skipped). Returns the byte
/// ends of the number and of its multipliers, the decimals written and the digits' value; `None`
/// for Chinese numerals (their precision is not written).
// Size: the helpers below that many checks call are kept out of line (`#[inline(never)]`):
// inlined, each call site carried its own copy and `find` grew to 27.8 KB of wasm code. Out of
// line: -1,082 B gzip of `zhibiao_bg.wasm` for +0.09 % instructions natively (callgrind over
// public/, 147.75 -> 147.88 M).
#[inline(never)]
fn written(s: &str) -> Option<(usize, usize, usize, f64)> {
    let mut end = 0;
    let (mut mantissa, mut digits, mut negative) = (0f64, 0usize, false);
    let mut decimals = None::<usize>;
    for (i, c) in s.char_indices() {
        let f = fold(c);
        match f {
            '0'..='9' => {
                mantissa = mantissa * 10.0 + f64::from(f as u8 - b'0');
                digits += 1;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            '.' | '·' if decimals.is_none() && digits > 0 => decimals = Some(0),
            '-' | '−' if i == 0 => negative = true,
            '+' if i == 0 => {}
            _ if is_zero_width(c) => {}
            _ => break,
        }
        end = i + c.len_utf8();
    }
    if digits == 0 || !mantissa.is_finite() {
        return None;
    }
    let v = mantissa / pow10(decimals.unwrap_or(0));
    let v = if negative { -v } else { v };
    let mut mult_end = end;
    for (i, c) in s[end..].char_indices() {
        if matches!(c, '万' | '亿' | '千') {
            mult_end = end + i + c.len_utf8();
        } else if !(is_blank(c) || is_zero_width(c)) {
            break;
        }
    }
    Some((end, mult_end, decimals.unwrap_or(0), v))
}

/// `x` to the power `1/n` (`x > 0`, `n` years ≥ 1) by Newton's method on `r^n = x`: the one root
/// the checks take. (`f64::powf` links libm's `pow`, ~2 KB of wasm, for this alone.)
fn nth_root(x: f64, n: i32) -> f64 {
    // (NaN is not finite.)
    if n <= 1 || x <= 0.0 || !x.is_finite() {
        return x;
    }
    let n = n.min(200);
    // A start within a factor of ~3 of the root (log10 is linked anyway), so Newton needs a few
    // steps whatever `x` is.
    let mut r = 10f64.powi((x.log10() / f64::from(n)).round() as i32);
    for _ in 0..100 {
        let next = (f64::from(n - 1) * r + x / r.powi(n - 1)) / f64::from(n);
        if (next - r).abs() <= 1e-15 * r {
            return next;
        }
        r = next;
    }
    r
}

#[inline(never)]
fn figure<'a>(text: &'a str, index: usize, ind: &'a Indicator) -> Option<Fig<'a>> {
    let value = ind.value?;
    let s = ind.span.of(text);
    let (num_end, mult_end, decimals, digits) = written(s)?;
    let mult_text = &s[num_end..mult_end];
    let mult = if digits == 0.0 || (value - digits).abs() <= 1e-9 * digits.abs() {
        1.0
    } else {
        // A power of ten: 万 = 1e4, 万亿 = 1e12; 千 on a unit like 千瓦 is the unit's.
        let m = (value / digits).abs();
        let p = m.log10().round();
        let k = 10f64.powi(p as i32);
        if (m / k - 1.0).abs() < 1e-9 {
            k
        } else {
            return None;
        }
    };
    let mult_text = if mult == 1.0 {
        ""
    } else {
        mult_text.trim_matches(|c| is_blank(c) || is_zero_width(c))
    };
    let exact = ind.kind == Kind::Count && decimals == 0 && mult == 1.0;
    let prec = if exact { 0.0 } else { mult / pow10(decimals) };
    Some(Fig {
        index,
        span: ind.span,
        value,
        prec,
        decimals,
        mult,
        mult_text,
        number: &s[..if mult == 1.0 { num_end } else { mult_end }],
        unit: ind.unit.as_deref().unwrap_or(""),
        kind: ind.kind,
        change: ind.change.as_ref().map(|c| c.direction),
        basis_empty: ind.change.as_ref().is_some_and(|c| c.basis.is_empty()),
        loose: ind.approx.is_some() || ind.value_max.is_some(),
    })
}

/// Whether a stated figure agrees with a computed interval `[lo, hi]` (inputs taken anywhere
/// their written digits allow): the stated figure may be the computed one rounded, truncated or
/// rounded up at its last digit, i.e. less than one unit `prec` of that digit away. An exact
/// count (`prec` 0) must be met exactly.
#[inline(never)]
fn agrees(stated: f64, prec: f64, lo: f64, hi: f64) -> bool {
    let eps = 1e-9 * stated.abs().max(1.0);
    if prec > 0.0 {
        lo < stated + prec - eps && hi > stated - prec + eps
    } else {
        lo <= stated + eps && hi >= stated - eps
    }
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/// A sentence's end: the chars [`after_last_terminator`] and [`first_terminator`] find on the
/// bytes (this is what a test holds them to).
#[cfg(test)]
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// The bytes a terminator ([`is_terminator`]) ends with: 1 for the ASCII ones, 3 for the last
/// byte of 。 (E3 80 82), ！ (EF BC 81) and ？ (EF BC 9F), 0 for every other byte.
const TERMINATOR_END: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'\n' as usize] = 1;
    t[b'\r' as usize] = 1;
    t[b'!' as usize] = 1;
    t[b'?' as usize] = 1;
    t[0x82] = 3;
    t[0x81] = 3;
    t[0x9F] = 3;
    t
};

/// Whether the three bytes of `b` from `i` are 。, ！ or ？.
fn wide_terminator(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..i + 3),
        Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F])
    )
}

/// The end of the last terminator in `s` (the byte after it), read on the bytes, backwards:
/// the gaps between figures are most of the text, and decoding them char by char was most of
/// the sentence split's cost. Ideographs, most of the text, are stepped over whole.
fn after_last_terminator(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        if i >= 3 && text::is_ideograph_lead(b[i - 3]) {
            i -= 3;
            continue;
        }
        i -= 1;
        match TERMINATOR_END[usize::from(b[i])] {
            0 => {}
            1 => return Some(i + 1),
            // A continuation byte: its lead is in `s` (`s` starts on a char boundary).
            _ => {
                if i >= 2 && wide_terminator(b, i - 2) {
                    return Some(i + 1);
                }
            }
        }
    }
    None
}

/// The start of the first terminator in `s`, read on the bytes (ideographs stepped over whole).
fn first_terminator(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        match TERMINATOR_END[usize::from(x)] {
            0 if text::is_ideograph_lead(x) => i += 2,
            0 => {}
            1 => return Some(i),
            _ => {
                if i >= 2 && wide_terminator(b, i - 2) {
                    return Some(i - 2);
                }
            }
        }
        i += 1;
    }
    None
}

fn is_delim(c: char) -> bool {
    matches!(fold(c), ',' | ';' | ':' | '、') || c == '，' || c == '；' || c == '：'
}

/// The last clause of a gap: after its last `,`/`;`/`:`/`、`, blanks trimmed.
#[inline(never)]
fn tail_clause(gap: &str) -> &str {
    let start = gap
        .char_indices()
        .rfind(|&(_, c)| is_delim(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    gap[start..].trim_matches(is_blank)
}

#[inline(never)]
fn has_delim(s: &str) -> bool {
    s.chars().any(is_delim)
}

#[inline(never)]
fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text::has(s, w))
}

/// `s` without the link words at its end (`调解成功率达` → `调解成功率`).
#[inline(never)]
fn strip_links(mut s: &str) -> &str {
    'outer: loop {
        for w in &words().link {
            if let Some(rest) = s.strip_suffix(w) {
                s = rest;
                continue 'outer;
            }
        }
        return s;
    }
}

/// Bytes of the common suffix of two strings, whole characters only, and its length in characters.
#[inline(never)]
fn common_suffix(a: &str, b: &str) -> (usize, usize) {
    let (mut bytes, mut chars) = (0, 0);
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        bytes += x.len_utf8();
        chars += 1;
    }
    (bytes, chars)
}

/// The largest char boundary of `s` at or before `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Whether `s` has more than `n` chars, counting at most `4 n` bytes: the gaps tested are
/// short, but the one before a sentence's first figure or after its last can run to the
/// sentence's end, and counting those whole was ~1 % of the web `extract` call.
fn longer(s: &str, n: usize) -> bool {
    // A char is 1 to 4 bytes: at most `n` bytes are at most `n` chars, more than `4 n` bytes
    // more than `n` chars.
    s.len() > n && (s.len() > 4 * n || chars(s) > n)
}

// ---------------------------------------------------------------------------------------------
// Sentences

/// How many figures back (or forward) a relation may reach: a relation is written in one short
/// passage, and the bound keeps the checks linear on a sentence of a million figures.
const REACH: usize = 12;

/// One sentence's figures and the text around them.
struct Sentence<'a> {
    text: &'a str,
    /// Byte offset of the sentence's start in the text.
    start: usize,
    end: usize,
    figs: &'a [Fig<'a>],
}

impl<'a> Sentence<'a> {
    /// The text between figure `i - 1` (or the sentence start) and figure `i`.
    fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 {
            self.start
        } else {
            self.figs[i - 1].span.end
        };
        &self.text[from..self.figs[i].span.start]
    }
    /// The text between figure `i` and the next (or the sentence end).
    fn gap_after(&self, i: usize) -> &'a str {
        let to = self.figs.get(i + 1).map_or(self.end, |f| f.span.start);
        &self.text[self.figs[i].span.end..to]
    }
    /// The text between two byte offsets; empty when `to` comes first (the sentence after an
    /// unreadable figure starts right after it, before the last sentence's terminator).
    fn between(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }
}

/// A sentence as [`sentences`] finds it: its byte range in the text and the range of its
/// figures in the one vector of figures of all sentences.
struct Bounds {
    start: usize,
    end: usize,
    figs: std::ops::Range<usize>,
}

/// Groups the indicators by sentence, in one pass over the text between them. A figure the
/// checks cannot read (a Chinese numeral) ends a group too: no relation spans it. Returns the
/// readable figures in order and each sentence's [`Bounds`] (one vector of figures for all
/// sentences, not one each).
fn sentences<'a>(text: &'a str, x: &'a Extraction) -> (Vec<Fig<'a>>, Vec<Bounds>) {
    let mut figs = Vec::new();
    let mut out: Vec<Bounds> = Vec::new();
    let mut current: Option<Bounds> = None;
    let mut prev_end = 0usize;
    for (index, ind) in x.indicators.iter().enumerate() {
        let from = prev_end.min(ind.span.start);
        let cut = after_last_terminator(&text[from..ind.span.start]).map(|i| from + i);
        let fig = figure(text, index, ind);
        match (&mut current, fig) {
            (Some(s), Some(f)) if cut.is_none() => {
                figs.push(f);
                s.figs.end += 1;
            }
            (_, fig) => {
                if let Some(mut s) = current.take() {
                    // Cut by an unreadable figure: the sentence ends there.
                    if cut.is_none() {
                        s.end = ind.span.start;
                    }
                    out.push(s);
                }
                current = fig.map(|f| {
                    figs.push(f);
                    Bounds {
                        start: cut.unwrap_or(from),
                        end: text.len(),
                        figs: figs.len() - 1..figs.len(),
                    }
                });
            }
        }
        prev_end = ind.span.end;
    }
    out.extend(current);
    // Each sentence ends at its first terminator after its last figure (or at the unreadable
    // figure that cut it).
    for s in &mut out {
        let from = figs[s.figs.clone()].last().map_or(s.start, |f| f.span.end);
        if s.end < text.len() {
            s.end = first_terminator(&text[from..s.end]).map_or(s.end, |i| from + i);
            continue;
        }
        s.end = first_terminator(&text[from..]).map_or(text.len(), |i| from + i);
    }
    (figs, out)
}

// ---------------------------------------------------------------------------------------------
// Findings

#[inline(never)]
fn finding(
    kind: CheckKind,
    message: String,
    stated: &Fig,
    inputs: &[&Fig],
    computed: f64,
) -> Finding {
    let mut spans = vec![stated.span];
    spans.extend(inputs.iter().map(|f| f.span));
    Finding {
        kind,
        severity: Severity::Warning,
        message,
        spans,
        stated: Some(stated.value),
        computed: Some(stated.round(computed)),
        tolerance: Some(stated.prec),
    }
}

/// `rate`: `受理A件,办结B件,办结率R%` and `share`: `T件,其中B件,占比R%`.
fn rates(s: &Sentence, out: &mut Vec<Finding>) {
    let w = words();
    for (ri, r) in s.figs.iter().enumerate() {
        if !r.is_percent() || r.change.is_some() || r.loose {
            continue;
        }
        let name = strip_links(tail_clause(s.gap_before(ri)));
        // B: the nearest earlier figure that is not a percentage.
        let Some(bi) = (ri.saturating_sub(REACH)..ri)
            .rev()
            .find(|&i| !s.figs[i].is_percent())
        else {
            continue;
        };
        let b = &s.figs[bi];
        if b.loose || b.change.is_some() {
            continue;
        }
        if name == "占比" || name == "所占比例" || name == "所占比重" {
            if bi + 1 == ri {
                share(s, r, bi, out);
            }
            continue;
        }
        let Some(stem) = name.strip_suffix('率') else {
            continue;
        };
        let wording = tail_clause(s.gap_before(bi));
        let (suffix_bytes, suffix_chars) = common_suffix(stem, wording);
        if suffix_chars < 2 {
            continue;
        }
        let (rest_stem, rest_wording) = (
            &stem[..stem.len() - suffix_bytes],
            &wording[..wording.len() - suffix_bytes],
        );
        if contains_any(rest_stem, w.qualifier) || contains_any(rest_wording, w.qualifier) {
            continue;
        }
        // A: earlier figures with B's unit, nearest first.
        let bases: Vec<&Fig> = s.figs[bi.saturating_sub(REACH)..bi]
            .iter()
            .rev()
            .filter(|a| a.unit == b.unit && a.kind == b.kind && a.change.is_none())
            .collect();
        let Some(a) = bases.first() else { continue };
        if a.loose || a.value <= 0.0 || b.value > a.value {
            continue;
        }
        let fits = |a: &Fig| {
            !a.loose
                && a.lo() > 0.0
                && agrees(
                    r.value,
                    r.prec,
                    100.0 * b.lo() / a.hi(),
                    100.0 * b.hi() / a.lo(),
                )
        };
        if bases.iter().any(|a| fits(a)) {
            continue;
        }
        let c = 100.0 * b.value / a.value;
        let message = format!(
            "{name}应为{}%（{}÷{}），报告写{}%",
            r.show(c),
            b.number,
            a.number,
            r.number
        );
        out.push(finding(CheckKind::Rate, message, r, &[b, a], c));
    }
}

/// `share`: `T件,其中…B件,占比R%` — R against B ÷ T, T the figure just before `其中`.
fn share(s: &Sentence, r: &Fig, bi: usize, out: &mut Vec<Finding>) {
    let b = &s.figs[bi];
    // T: the nearest earlier figure with B's unit that `其中` follows.
    let Some(ti) = (bi.saturating_sub(REACH)..bi)
        .rev()
        .find(|&i| text::has(s.gap_after(i), "其中"))
    else {
        return;
    };
    let t = &s.figs[ti];
    if t.unit != b.unit || t.kind != b.kind {
        return;
    }
    let q = t.span.end + text::find(s.gap_after(ti), "其中").unwrap_or(0);
    let lead = s.between(t.span.end, q);
    if t.loose || t.change.is_some() || t.lo() <= 0.0 || longer(lead, 3) {
        return;
    }
    if agrees(
        r.value,
        r.prec,
        100.0 * b.lo() / t.hi(),
        100.0 * b.hi() / t.lo(),
    ) {
        return;
    }
    let c = 100.0 * b.value / t.value;
    let message = format!(
        "占比应为{}%（{}÷{}），报告写{}%",
        r.show(c),
        b.number,
        t.number,
        r.number
    );
    out.push(finding(CheckKind::Share, message, r, &[b, t], c));
}

/// `sum`: `T件,其中A件,B件,其他C件` — T against A + B + C when the parts exhaust T.
fn sums(s: &Sentence, prev: Option<&Sentence>, out: &mut Vec<Finding>) {
    let is_total = |t: &Fig| !(t.is_percent() || t.is_points() || t.loose || t.change.is_some());
    for (ti, t) in s.figs.iter().enumerate() {
        if !is_total(t) {
            continue;
        }
        // `其中` within the two characters after the total.
        let after = s.gap_after(ti);
        let near = &after[..floor_char(after, 16)];
        let Some(q) = text::find(near, "其中") else {
            continue;
        };
        if !longer(&after[..q], 2) {
            sum_after(s, t, t.span.end + q, ti + 1, out);
        }
    }
    // `地区生产总值2616611万元,同比增长-0.5%。其中,第一产业增加值399560万元,…`: the total is
    // the previous sentence's last figure of the parts' unit.
    let lead = s
        .gap_before(0)
        .trim_start_matches(|c: char| is_blank(c) || c.is_whitespace());
    let Some(prev) = prev else { return };
    let adjacent = prev.end < s.start && !longer(s.between(prev.end, s.start), 1);
    if !lead.starts_with("其中") || !adjacent {
        return;
    }
    let first = &s.figs[0];
    let total = prev
        .figs
        .iter()
        .rev()
        .find(|t| !t.is_percent() && !t.is_points() && t.change.is_none());
    if let Some(t) = total.filter(|t| is_total(t) && t.unit == first.unit && t.kind == first.kind) {
        let q = s.figs[0].span.start - lead.len();
        sum_after(s, t, q, 0, out);
    }
}

/// The parts after `其中` (at byte `q`) from figure `first` on, against the total `t`.
fn sum_after(s: &Sentence, t: &Fig, q: usize, first: usize, out: &mut Vec<Finding>) {
    let w = words();
    let mut parts: Vec<&Fig> = Vec::new();
    let mut last_index = first;
    let mut depth = 0i32;
    for (i, f) in s.figs.iter().enumerate().skip(first).take(REACH) {
        let gap = s.gap_before(i);
        for c in gap.chars() {
            match fold(c) {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
        }
        if depth > 0 {
            continue; // a detail in brackets: `局本级187人(在职139人、…)`
        }
        if i > first && text::has(gap, "其中") {
            return; // a nested breakdown
        }
        if f.is_percent() || f.is_points() {
            continue; // `占比29.0%`, `同比增长3.9%` after a part
        }
        if f.unit != t.unit || f.kind != t.kind || f.change.is_some() {
            break;
        }
        if f.loose {
            return;
        }
        parts.push(f);
        last_index = i;
    }
    if parts.len() < 2 {
        return;
    }
    let last = parts[parts.len() - 1];
    let listed = s.between(q, last.span.end);
    // `等` among the parts or after the last: the parts are examples.
    let rest = s.gap_after(last_index);
    if has_char(listed, '等') || has_char(rest, '等') {
        return;
    }
    let exhaustive = contains_any(listed, w.residual)
        || w.partition
            .iter()
            .any(|g| g.iter().all(|m| text::has(listed, m)));
    if !exhaustive {
        return;
    }
    let (mut lo, mut hi, mut sum) = (0.0, 0.0, 0.0);
    for (k, p) in parts.iter().enumerate() {
        lo += p.lo();
        hi += p.hi();
        sum += p.value;
        // The first parts already make the total: the list went on to something else.
        if k >= 1 && agrees(t.value, t.prec, lo, hi) {
            return;
        }
    }
    let terms: Vec<&str> = parts.iter().map(|p| p.number).collect();
    let message = format!(
        "各分项合计{}{}（{}），报告写{}{}",
        t.show(sum),
        t.unit,
        terms.join("+"),
        t.number,
        t.unit
    );
    out.push(finding(CheckKind::Sum, message, t, &parts, sum));
}

/// A stated old value and new value: figure indices (old, new) and the index of the last figure
/// of the construction.
#[derive(Clone, Copy, Debug)]
struct Pair {
    old: usize,
    new: usize,
    last: usize,
    /// Years between the two values when the text dates both (`由2010年的A增加到2015年的B`).
    years: Option<i32>,
}

/// The first `YYYY年` in `s` (ASCII or full-width digits): the four digits before the first
/// `年` that follows four digits at least.
#[inline(never)]
fn year_of(s: &str) -> Option<i32> {
    // The digits just read (the last four) and how many in a row.
    let (mut value, mut run) = (0u32, 0);
    for c in s.chars() {
        if c == '年' && run >= 4 {
            return Some(value as i32);
        }
        match text::digit(c) {
            Some(d) => (value, run) = (value % 1000 * 10 + d, run + 1),
            None => run = 0,
        }
    }
    None
}

/// `由A…到B`, `B(2019年A)`, `B,较上年的A` starting at figure `i`.
#[inline(never)]
fn pair_at(s: &Sentence, i: usize) -> Option<Pair> {
    let (f, g) = (s.figs.get(i)?, s.figs.get(i + 1)?);
    if f.unit != g.unit || f.kind != g.kind || f.loose || g.loose {
        return None;
    }
    if f.change.is_some() || g.change.is_some() {
        return None;
    }
    let between = s.gap_after(i);
    // A pair's figures stand close: `增加到2015年的`, `(2019年`, `,较上年同期的`.
    if between.len() > 48 {
        return None;
    }
    // 由A增加到B / 从A提高至B
    let to = !has_delim(between) && (has_char(between, '到') || has_char(between, '至'));
    if to && !longer(between, 12) {
        // The last ten characters of the clause before A.
        let t = tail_clause(s.gap_before(i));
        let lead_tail = t.char_indices().rev().nth(9).map_or(t, |(k, _)| &t[k..]);
        if !(has_char(lead_tail, '由') || has_char(lead_tail, '从')) {
            return None;
        }
        let years = match (year_of(lead_tail), year_of(between)) {
            (Some(a), Some(b)) if b > a => Some(b - a),
            _ => None,
        };
        return Some(Pair {
            old: i,
            new: i + 1,
            last: i + 1,
            years,
        });
    }
    // B(2019年A) / B（上年A）
    let mut bc = between.chars();
    if matches!(bc.next().map(fold), Some('(')) {
        let inner: String = bc.collect();
        let inner = inner.trim_end_matches(['为', ':', '：']);
        let dated = inner.ends_with('年')
            && inner.chars().filter(|c| fold(*c).is_ascii_digit()).count() == 4
            && chars(inner) == 5;
        let named = matches!(inner, "上年" | "去年" | "上年同期" | "去年同期");
        let closes = s
            .gap_after(i + 1)
            .chars()
            .next()
            .is_some_and(|c| fold(c) == ')');
        if (dated || named) && closes {
            return Some(Pair {
                old: i + 1,
                new: i,
                last: i + 1,
                years: None,
            });
        }
    }
    // B,较上年的A / B,比去年同期的A
    let clause = tail_clause(between);
    let head = &between[..text::rfind(between, clause).unwrap_or(0)];
    if has_delim(head)
        && head.chars().all(|c| is_delim(c) || is_blank(c))
        && clause.ends_with('的')
        && (clause.starts_with('较') || clause.starts_with('比'))
        && !longer(clause, 8)
    {
        return Some(Pair {
            old: i + 1,
            new: i,
            last: i + 1,
            years: None,
        });
    }
    None
}

/// The text of the `；`-clause from figure `first` to figure `last` (at most 120 bytes before
/// `first`): where a 生产总值 or a 可比价 makes a change real growth.
#[inline(never)]
fn clause_of<'a>(s: &Sentence<'a>, first: usize, last: usize) -> &'a str {
    let mut from = s.figs[first].span.start.saturating_sub(120).max(s.start);
    while !s.text.is_char_boundary(from) {
        from += 1;
    }
    let head = s.between(from, s.figs[first].span.start);
    let from = head.rfind([';', '；']).map_or(from, |i| from + i);
    s.between(from, s.figs[last].span.end)
}

/// `change`, `points`, `difference`, `annual` against a stated old and new value.
fn pairs(s: &Sentence, consumed: &mut [bool], out: &mut Vec<Finding>) {
    let w = words();
    let mut i = 0;
    while i < s.figs.len() {
        // Consecutive pairs (`7976件(2019年6593件),审结7982件(2019年6803件)`).
        let mut found: Vec<Pair> = Vec::new();
        let mut j = i;
        while let Some(p) = pair_at(s, j) {
            if let Some(prev) = found.last() {
                // The next pair must follow in the next clause, with no figure between.
                if p.old.min(p.new) != prev.last + 1 {
                    break;
                }
            }
            found.push(p);
            j = p.last + 1;
        }
        if found.is_empty() {
            i += 1;
            continue;
        }
        // The changes right after.
        let mut changes: Vec<usize> = Vec::new();
        let mut k = j;
        while k < s.figs.len() && s.figs[k].change.is_some() && !longer(s.gap_before(k), 12) {
            changes.push(k);
            k += 1;
        }
        let respectively = changes
            .first()
            .is_some_and(|&c| text::has(s.gap_before(c), "分别"));
        let matched: Vec<(Pair, usize)> = if found.len() == 1 && !respectively {
            changes.iter().take(2).map(|&c| (found[0], c)).collect()
        } else if found.len() == changes.len() && respectively {
            found.iter().copied().zip(changes.iter().copied()).collect()
        } else {
            Vec::new()
        };
        for (p, ci) in matched {
            let (old, new, c) = (&s.figs[p.old], &s.figs[p.new], &s.figs[ci]);
            consumed[ci] = true;
            if c.loose {
                continue;
            }
            let lead = s.gap_before(ci);
            let comparable = contains_any(clause_of(s, p.old.min(p.new), ci), w.real);
            if c.is_percent() && contains_any(lead, w.annual) {
                // 年均增长: compound over the years the text dates, never real growth.
                let Some(n) = p.years else { continue };
                if contains_any(lead, w.real) || text::has(lead, "实际") || comparable {
                    continue;
                }
                if old.lo() <= 0.0 || new.lo() <= 0.0 {
                    continue;
                }
                let rate = |b: f64, a: f64| 100.0 * (nth_root(b / a, n) - 1.0);
                let (lo, hi) = (rate(new.lo(), old.hi()), rate(new.hi(), old.lo()));
                if agrees(c.signed(), c.prec, lo, hi) {
                    continue;
                }
                let v = rate(new.value, old.value);
                let message = format!(
                    "年均增幅应为{}%（由{}到{}，{n}年），报告写{}%",
                    c.show(v),
                    old.number,
                    new.number,
                    c.number
                );
                let mut f = finding(CheckKind::Annual, message, c, &[old, new], v);
                f.stated = Some(c.signed());
                out.push(f);
            } else if c.is_percent() {
                if contains_any(lead, w.inexact) || comparable || old.lo() <= 0.0 {
                    continue;
                }
                let (lo, hi) = (
                    100.0 * (new.lo() / old.hi() - 1.0),
                    100.0 * (new.hi() / old.lo() - 1.0),
                );
                if agrees(c.signed(), c.prec, lo, hi) {
                    continue;
                }
                let v = 100.0 * (new.value / old.value - 1.0);
                let word = if v < 0.0 { "降幅" } else { "增幅" };
                let message = format!(
                    "{word}应为{}%（由{}到{}），报告写{}%",
                    c.show(v.abs()),
                    old.number,
                    new.number,
                    c.number
                );
                let mut f = finding(CheckKind::Change, message, c, &[old, new], v);
                f.computed = Some(c.round(v.abs()) * v.signum());
                f.stated = Some(c.signed());
                out.push(f);
            } else if c.is_points() && old.is_percent() {
                if contains_any(lead, w.inexact) {
                    continue;
                }
                let (lo, hi) = (new.lo() - old.hi(), new.hi() - old.lo());
                if agrees(c.signed(), c.prec, lo, hi) {
                    continue;
                }
                let v = new.value - old.value;
                let word = if v < 0.0 { "下降" } else { "提高" };
                let message = format!(
                    "应{word}{}个百分点（{}%→{}%），报告写{}个百分点",
                    c.show(v.abs()),
                    old.number,
                    new.number,
                    c.number
                );
                let mut f = finding(CheckKind::Points, message, c, &[old, new], v);
                f.computed = Some(c.round(v.abs()) * v.signum());
                f.stated = Some(c.signed());
                out.push(f);
            } else if c.unit == old.unit && c.kind == old.kind {
                if contains_any(lead, w.inexact) {
                    continue;
                }
                let (lo, hi) = (new.lo() - old.hi(), new.hi() - old.lo());
                if agrees(c.signed(), c.prec, lo, hi) {
                    continue;
                }
                let v = new.value - old.value;
                let word = if v < 0.0 { "减少" } else { "增加" };
                let message = format!(
                    "应{word}{}{}（{}→{}），报告写{}{}",
                    c.show(v.abs()),
                    c.unit,
                    old.number,
                    new.number,
                    c.number,
                    c.unit
                );
                let mut f = finding(CheckKind::Difference, message, c, &[old, new], v);
                f.computed = Some(c.round(v.abs()) * v.signum());
                f.stated = Some(c.signed());
                out.push(f);
            }
        }
        i = k.max(i + 1);
    }
}

/// `growth`: `V元,增加X元,增长Y%` — Y against X ÷ (V − X) (or X ÷ (V + X) for a decrease).
fn growths(s: &Sentence, consumed: &[bool], out: &mut Vec<Finding>) {
    let w = words();
    for vi in 0..s.figs.len().saturating_sub(2) {
        let (v, x, y) = (&s.figs[vi], &s.figs[vi + 1], &s.figs[vi + 2]);
        if consumed[vi + 1] || consumed[vi + 2] {
            continue;
        }
        if v.loose || x.loose || y.loose || v.change.is_some() {
            continue;
        }
        let (Some(dx), Some(dy)) = (x.change, y.change) else {
            continue;
        };
        if dx != dy || !y.is_percent() || x.unit != v.unit || x.kind != v.kind || x.is_percent() {
            continue;
        }
        let (g1, g2) = (s.gap_after(vi), s.gap_after(vi + 1));
        if longer(g1, 10) || longer(g2, 6) || !has_delim(g2) || contains_any(g2, w.inexact) {
            continue;
        }
        if contains_any(g1, w.inexact) || contains_any(clause_of(s, vi, vi + 2), w.real) {
            continue;
        }
        let up = dx == Direction::Up;
        let (lo, hi, c) = if up {
            let (d_lo, d_hi) = (v.hi() - x.lo(), v.lo() - x.hi());
            if d_hi <= 0.0 {
                continue;
            }
            (
                100.0 * x.lo() / d_lo,
                100.0 * x.hi() / d_hi,
                100.0 * x.value / (v.value - x.value),
            )
        } else {
            (
                100.0 * x.lo() / (v.hi() + x.lo()),
                100.0 * x.hi() / (v.lo() + x.hi()),
                100.0 * x.value / (v.value + x.value),
            )
        };
        if agrees(y.value, y.prec, lo, hi) {
            continue;
        }
        let (word, op) = if up {
            ("增幅", "−")
        } else {
            ("降幅", "+")
        };
        let message = format!(
            "{word}应为{}%（{}÷（{}{op}{}）），报告写{}%",
            y.show(c),
            x.number,
            v.number,
            x.number,
            y.number
        );
        out.push(finding(CheckKind::Growth, message, y, &[x, v], c));
    }
}

/// A relative change (`增长8.5%`, `增长2.4倍`) with no basis of its own, not approximate, not a
/// target. An amount (`补助标准提高30元`) says what was added, and a count after a verb such as
/// `提升` is often no change at all (`改造提升25个服务区`): neither is asked for a basis.
fn unfounded(f: &Fig, x: &Extraction) -> bool {
    f.change.is_some()
        && (f.is_percent() || f.unit == "倍")
        && f.basis_empty
        && !f.loose
        && !x.indicators[f.index].target
}

/// Whether a genre's changes need a basis of their own. A 政府工作报告 reviews the year before
/// and a 统计公报 reports on it: their changes are on the previous year by convention (the
/// bulletin says so in its notes), so asking for a basis would flag nearly every figure.
fn basis_expected(genre: Genre) -> bool {
    matches!(genre, Genre::RuleOfLawReport | Genre::Other)
}

/// `basis` (info): a change with no basis in a sentence that names none, in a paragraph that
/// has named none before it (`paragraph_basis`: a 统计公报 says `比上年` once for a paragraph),
/// and that is no plan (`今年再提高10%`).
fn bases(s: &Sentence, x: &Extraction, paragraph_basis: bool, out: &mut Vec<Finding>) {
    let sentence = s.between(s.start, s.end);
    if paragraph_basis || words().basis.any_in(sentence) || words().plan.any_in(sentence) {
        return;
    }
    for f in s.figs.iter().filter(|f| unfounded(f, x)) {
        let written = s.between(f.span.start, f.span.end);
        out.push(Finding {
            kind: CheckKind::Basis,
            severity: Severity::Info,
            message: format!("{written}的变化未说明与何时相比（同比、比上年…）"),
            spans: vec![f.span],
            stated: Some(f.signed()),
            computed: None,
            tolerance: None,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Targets

/// Which indicators are targets of a 政府工作报告 (`预期目标是：…增长5%左右`), by index.
pub fn targets(text: &str, x: &Extraction) -> Vec<bool> {
    let mut marks = vec![false; x.indicators.len()];
    if x.genre != Genre::GovernmentWorkReport {
        return marks;
    }
    for cue in words().target {
        for at in text::find_all(text, cue) {
            let after = at + cue.len();
            let rest = &text[after..];
            let line_end = rest.find(['\n', '\r']).map_or(text.len(), |i| after + i);
            let follow = text[after..line_end].trim_matches(is_blank);
            let stated = ["是", "为", "定为", "：", ":"]
                .iter()
                .any(|w| follow.starts_with(w));
            let range = if stated {
                Some((after, line_end))
            } else if follow.is_empty() {
                // A heading `主要预期目标`: its next paragraph.
                let next = text[line_end..]
                    .char_indices()
                    .find(|&(_, c)| !is_blank(c) && c != '\n' && c != '\r')
                    .map(|(i, _)| line_end + i);
                next.map(|n| {
                    let e = text[n..].find(['\n', '\r']).map_or(text.len(), |i| n + i);
                    (n, e)
                })
            } else {
                None
            };
            if let Some((from, to)) = range {
                let first = x.indicators.partition_point(|i| i.span.start < from);
                for (k, ind) in x.indicators.iter().enumerate().skip(first) {
                    if ind.span.start >= to {
                        break;
                    }
                    marks[k] = true;
                }
            }
        }
    }
    marks
}

// ---------------------------------------------------------------------------------------------
// Substance of the five parts

/// For each of `x.parts`: the figures and the concrete items (list items and sub-headings) under
/// the heading that names it; (0, 0) for a part no heading names.
pub fn substance(text: &str, x: &Extraction) -> Vec<(usize, usize)> {
    x.parts
        .iter()
        .map(|p| {
            let Some(h) = p.heading.filter(|_| p.status == PartStatus::Present) else {
                return (0, 0);
            };
            let Some(head) = x.headings.get(h) else {
                return (0, 0);
            };
            let start = head.marker_span.start;
            let end = x.headings[h + 1..]
                .iter()
                .find(|n| n.level <= head.level)
                .map_or(text.len(), |n| n.marker_span.start);
            let inside = |sp: Span| sp.start >= start && sp.start < end;
            let figures = x.indicators.iter().filter(|i| inside(i.span)).count();
            let lists = x.lists.iter().filter(|l| inside(l.marker_span)).count();
            let subheadings = x.headings[h + 1..]
                .iter()
                .take_while(|n| n.marker_span.start < end)
                .count();
            (figures, lists + subheadings)
        })
        .collect()
}

fn thin(x: &Extraction, out: &mut Vec<Finding>) {
    for p in &x.parts {
        if p.status != PartStatus::Present || p.figures > 0 || p.items > 0 {
            continue;
        }
        let Some(span) = p.span else { continue };
        out.push(Finding {
            kind: CheckKind::Thin,
            severity: Severity::Warning,
            message: format!("“{}”部分没有数据，也没有具体事项", p.name),
            spans: vec![span],
            stated: None,
            computed: None,
            tolerance: None,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Year

/// The first year among the dates inside `span`.
fn year_in(x: &Extraction, span: Span) -> Option<(i32, Span)> {
    x.dates
        .iter()
        .filter(|d| span.contains(d.span))
        .find_map(|d| Some((d.iso.get(..4)?.parse().ok()?, d.span)))
}

/// Lines after the title among which the body's opening year is looked for.
const OPENING_LINES: usize = 4;

fn years(text: &str, x: &Extraction, out: &mut Vec<Finding>) {
    let Some(title) = &x.title else { return };
    let Some((year, year_span)) = year_in(x, title.span) else {
        return;
    };
    let mut year_finding = |message: String, span: Span, other: i32| {
        out.push(Finding {
            kind: CheckKind::Year,
            severity: Severity::Warning,
            message,
            spans: vec![year_span, span],
            stated: Some(f64::from(year)),
            computed: Some(f64::from(other)),
            tolerance: None,
        })
    };
    // The signature's date, else the metadata's publication date.
    let dated = x
        .signature
        .as_ref()
        .and_then(|s| s.date_span)
        .or_else(|| {
            let m = x.metadata.as_ref()?;
            let f = m
                .fields
                .iter()
                .find(|f| crate::meta::META_DATE_KEYS.contains(&f.key.as_str()))?;
            Some(f.span)
        })
        .and_then(|span| {
            x.dates
                .iter()
                .find(|d| span.contains(d.span) && d.iso.len() == 10)
        });
    if let Some(d) = dated {
        if let Ok(y) = d.iso[..4].parse::<i32>() {
            if y < year {
                let message = format!(
                    "标题为{year}年度的报告，日期却是{}（该年度尚未开始）",
                    d.iso
                );
                year_finding(message, d.span, y);
            }
        }
    }
    // The body's opening: a line among the first few after the title (metadata aside) that
    // starts with a year and a comma (`2023年,全县…`, `2023年是…`).
    let metadata = x.metadata.as_ref().map(|m| m.span);
    let mut seen = 0;
    for line in crate::text::lines(text) {
        if line.start <= title.span.start
            || metadata.is_some_and(|m| m.contains(Span::new(line.start, line.start)))
        {
            continue;
        }
        let content = line.of(text);
        if content.chars().all(is_blank) || text::has(content, &title.text) {
            continue;
        }
        seen += 1;
        if seen > OPENING_LINES {
            break;
        }
        let lead = content.len() - content.trim_start_matches(is_blank).len();
        let Some(d) = x.dates.iter().find(|d| d.span.start == line.start + lead) else {
            continue;
        };
        let next = text[d.span.end..].chars().next().map(fold);
        if d.iso.len() != 4 || !matches!(next, Some(',' | '是' | '，')) {
            continue;
        }
        if let Ok(y) = d.iso.parse::<i32>() {
            if y != year {
                year_finding(format!("标题为{year}年度，正文开头却是{y}年"), d.span, y);
            }
        }
        break;
    }
}

// ---------------------------------------------------------------------------------------------

/// Every finding on `text`, in the order of their first span. Reads the genre, the targets
/// and the parts' substance from `x` ([`review`] sets them first).
pub fn find(text: &str, x: &Extraction) -> Vec<Finding> {
    let mut out = Vec::new();
    let basis = &words().basis;
    // Whether the paragraph up to `read_to` names a basis, brought up to date only for a
    // sentence with a change that has none of its own: each stretch of text is read once.
    let (mut paragraph_basis, mut read_to) = (false, 0usize);
    let (figs, bounds) = sentences(text, x);
    let all: Vec<Sentence> = bounds
        .iter()
        .map(|b| Sentence {
            text,
            start: b.start,
            end: b.end,
            figs: &figs[b.figs.clone()],
        })
        .collect();
    let basis_expected = basis_expected(x.genre);
    let mut consumed = Vec::new();
    for (n, s) in all.iter().enumerate() {
        consumed.clear();
        consumed.resize(s.figs.len(), false);
        rates(s, &mut out);
        sums(s, n.checked_sub(1).map(|p| &all[p]), &mut out);
        pairs(s, &mut consumed, &mut out);
        growths(s, &consumed, &mut out);
        if basis_expected && s.figs.iter().any(|f| unfounded(f, x)) {
            let gap = &text[read_to.min(s.start)..s.start];
            match gap.rfind(['\n', '\r']) {
                Some(i) => paragraph_basis = basis.any_in(&gap[i..]),
                None => paragraph_basis |= basis.any_in(gap),
            }
            bases(s, x, paragraph_basis, &mut out);
            paragraph_basis |= basis.any_in(s.between(s.start, s.end));
            read_to = s.end;
        }
    }
    if x.genre == Genre::RuleOfLawReport {
        thin(x, &mut out);
    }
    if matches!(x.genre, Genre::RuleOfLawReport | Genre::StatisticalBulletin) {
        years(text, x, &mut out);
    }
    crate::sort::sort_by_key(&mut out, |f| f.spans.first().map_or(0, |s| s.start));
    out
}

/// The last step of [`crate::extract`]: the genre, the targets, the parts' substance, then the
/// findings, which read everything found before.
pub fn review(text: &str, mut x: Extraction) -> Extraction {
    x.genre = crate::genre::classify(text, &x);
    // The 1 April deadline is the 督察工作规定's, for 法治政府建设 reports only.
    if x.genre != Genre::RuleOfLawReport {
        x.deadline = None;
    }
    let marks = targets(text, &x);
    for (ind, t) in x.indicators.iter_mut().zip(marks) {
        ind.target = t;
    }
    let counts = substance(text, &x);
    for (p, (figures, items)) in x.parts.iter_mut().zip(counts) {
        p.figures = figures;
        p.items = items;
    }
    x.checks = find(text, &x);
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte searches for terminators against the char searches they replace, and
    /// `longer` against counting, on every slice of short strings over an alphabet of
    /// terminators, their look-alikes (the same last byte: 」 E3 80 8D… and ﾂ EF BE 82, and
    /// the same first two bytes: ，EF BC 8C) and other widths.
    #[test]
    fn terminators_read_on_bytes_are_the_chars() {
        let alphabet = [
            "。", "！", "？", "!", "?", "\n", "\r", "a", "，", "」", "、", "ﾂ", "゜", "年", "😀",
            "\u{A0}", "\u{81}", "é", "乂", "丁", "丟", "䀂", "鿿",
        ];
        let mut rng = crate::testing::xorshift(0x2545_F491_4F6C_DD1Du64);
        let mut n_slices = 0;
        for _ in 0..4000 {
            let t = crate::testing::random_text(&mut rng, &alphabet, 9);
            let ends: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
            for &a in &ends {
                for &b in ends.iter().filter(|&&b| b >= a) {
                    let s = &t[a..b];
                    let last = s
                        .char_indices()
                        .rfind(|&(_, c)| is_terminator(c))
                        .map(|(i, c)| i + c.len_utf8());
                    assert_eq!(after_last_terminator(s), last, "{s:?}");
                    let first = s
                        .char_indices()
                        .find(|&(_, c)| is_terminator(c))
                        .map(|(i, _)| i);
                    assert_eq!(first_terminator(s), first, "{s:?}");
                    for n in 0..6 {
                        assert_eq!(longer(s, n), chars(s) > n, "{s:?} {n}");
                    }
                    n_slices += 1;
                }
            }
        }
        assert!(n_slices > 50_000, "{n_slices}");
    }

    #[test]
    fn year_of_reads_as_the_windows_it_replaced() {
        let by_windows = |s: &str| -> Option<i32> {
            let cs: Vec<char> = s.chars().map(fold).collect();
            cs.windows(5).find_map(|w| {
                if w[4] == '年' && w[..4].iter().all(char::is_ascii_digit) {
                    w[..4].iter().collect::<String>().parse().ok()
                } else {
                    None
                }
            })
        };
        let alphabet = [
            "1", "2", "0", "9", "２", "０", "年", "年", "月", "由", "a", "ﾂ",
        ];
        let mut rng = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        let mut years = 0;
        for _ in 0..50_000 {
            let t = crate::testing::random_text(&mut rng, &alphabet, 14);
            let want = by_windows(&t);
            years += usize::from(want.is_some());
            assert_eq!(year_of(&t), want, "{t:?}");
        }
        assert!(years > 1_000, "{years}");
    }

    #[test]
    fn nth_root_agrees_with_powf() {
        for (x, n) in [
            (1.61051, 5),
            (2.0, 3),
            (0.5, 5),
            (1e6, 10),
            (1.0, 7),
            (0.01, 2),
            (3.7, 1),
        ] {
            let want = f64::powf(x, 1.0 / f64::from(n));
            assert!((nth_root(x, n) - want).abs() <= 1e-12 * want, "{x} {n}");
        }
        assert!((nth_root(1.61051, 5) - 1.1).abs() < 1e-12);
    }

    #[test]
    fn every_class_has_words() {
        let w = words();
        for (class, n) in [
            ("rate-link", w.link.len()),
            ("narrows", w.qualifier.len()),
            ("rest", w.residual.len()),
            ("partition", w.partition.len()),
            ("inexact", w.inexact.len()),
            ("real-growth", w.real.len()),
            ("basis", lexicon::words(Class::Basis).len()),
            ("target", w.target.len()),
            ("plan", lexicon::words(Class::Plan).len()),
            ("annual", w.annual.len()),
        ] {
            assert!(n > 0, "no {class} word");
        }
        assert_eq!(w.partition.len(), lexicon::words(Class::Partition).len());
    }

    #[test]
    fn written_precision() {
        assert_eq!(written("97.87%"), Some((5, 5, 2, 97.87)));
        assert_eq!(written("4.6万件").map(|w| (w.1, w.2)), Some((6, 1)));
        assert_eq!(written("１２．５％").map(|w| w.2), Some(1));
        assert_eq!(written("三百件"), None);
        // As pasted: a zero-width character inside, a space before the multiplier.
        assert_eq!(written("1\u{200b}205件").map(|w| w.3), Some(1205.0));
        assert_eq!(written("1244 万人").map(|w| (w.0, w.1)), Some((4, 8)));
    }

    #[test]
    fn agreement_allows_one_unit_of_the_last_digit() {
        // 1205 ÷ 1231 = 97.8879…: 97.89 (rounded) and 97.88 (truncated) pass, 97.87 does not.
        let c = 100.0 * 1205.0 / 1231.0;
        assert!(agrees(97.89, 0.01, c, c));
        assert!(agrees(97.88, 0.01, c, c));
        assert!(!agrees(97.87, 0.01, c, c));
    }
}
