//! Indicators: every quantity a report states, with its span, value, unit, kind, approximation,
//! change and the words that name what it measures.
//!
//! A hand-written scanner jumps to the bytes that can start a number (ASCII digits, full-width
//! digits, Chinese numerals, `百分之`), reads the number with [`crate::numbers`], the unit with
//! [`crate::units`], and then looks only at a few characters around it:
//!
//! - approximations: `余`/`多` inside the span; `近` `约` `超过` `超` `逾` `突破` (and `约合`,
//!   `约为`… giving `约`) before and `以上` `左右` `以内` after go to `approx`, outside the span;
//! - ranges `10-15个`, `3至5家`, `4.5%—5%`: one indicator, `value_max` the high end;
//! - a bare multiplied number (`超过3300万`), whose unit is a measure word missing from the
//!   lexicon when one ideograph after `万`/`亿` ends the clause (`22亿方,`);
//! - changes `同比上升70.2%`, `比2023年增加5件`, `较上年下降`, `压缩60%` (basis empty when unstated);
//! - the metric, named from the same clause by [`crate::metrics`] (`合格率达98.7%` → `合格率`),
//!   and its `metric_id` from the taxonomy.
//!
//! ```
//! let text = "办理行政复议案件80件,比2023年同比上升70.2%。";
//! let v = zhibiao::indicators::find(text, &[], &[], &[]);
//! assert_eq!(v[1].span.of(text), "70.2%");
//! assert_eq!(v[1].change.as_ref().unwrap().basis, "同比");
//! ```
//!
//! Deliberately not matched (see `GOLD_FORMAT.md` in the corpus): years and dates; `第N`;
//! numbers without a unit (`12345热线`, `3.0版`, `28号`, `五减`, `二十大`); Chinese numerals that
//! break the numeral grammar (`十四五`, `八五普法`), that stand next to another numeral
//! (`三个一`, `四所一庭`, `一村一警`), that are the article `一` (`一项重要任务`), `二` with a
//! measure word (`二期工程`, `二轮承包`: a count of two is written `两`), sessions (`三次会议`),
//! the report's own outline (`五个方面`) or combinations (`三台融合`); numbers inside a short
//! quoted term (`“三个规定”`), inside `《》`, heading or list markers, brackets (`〔2019〕`,
//! footnotes `[3]`); numbers glued to Latin letters or `+` (`5G`, `C919`, `1+5`), after `每`
//! (`每百元`) or `前` (`前三名`); age thresholds and bands (`60岁以上老人`, `0—6岁儿童`); size
//! classes (`五百亿级开发区`); clock times (`07时41分`); and the fixed terms and combination
//! names of `data/terms.tsv` (a slogan exclusion is a line there). Each of these exclusions is a
//! named rule of [`crate::exclusions`], with its example and its test. Chinese-numeral counts
//! that pass all this (`三个功能区`, `两次降准`) are kept.

use std::borrow::Cow;

use crate::clause::{self, is_clause_end, is_close_quote, is_sentence_end};
use crate::exclusions::{self, prev_char, Candidate};
use crate::lexicon::{self, Class};
use crate::model::{Change, Citation, Heading, Indicator, Kind, ListItem};
use crate::numbers::{self, char_at, is_chinese_numeral, Number};
use crate::span::Span;
use crate::text::fold;
use crate::units::{self, is_cjk, prefix_len};
use crate::{metrics, taxonomy, text};

/// Finds the indicators of `text`, skipping numbers inside citations and heading or list markers.
pub fn find(
    text: &str,
    citations: &[Citation],
    headings: &[Heading],
    lists: &[ListItem],
) -> Vec<Indicator> {
    find_from(
        text,
        &crate::anchors::find(text),
        citations,
        headings,
        lists,
    )
}

/// [`find`], from the text's [`crate::anchors`].
pub fn find_from(
    text: &str,
    anchors: &text::Hits,
    citations: &[Citation],
    headings: &[Heading],
    lists: &[ListItem],
) -> Vec<Indicator> {
    let mut blocked: Vec<Span> = citations.iter().map(|c| c.span).collect();
    blocked.extend(headings.iter().map(|h| h.marker_span));
    blocked.extend(lists.iter().map(|l| l.marker_span));
    crate::sort::sort(&mut blocked);
    let mut s = Scanner {
        text,
        blocked,
        next_block: 0,
        out: Vec::new(),
        last_end: 0,
    };
    s.run(anchors);
    s.out
}

struct Scanner<'a> {
    text: &'a str,
    blocked: Vec<Span>,
    next_block: usize,
    out: Vec<Indicator>,
    last_end: usize,
}

/// A unit after a number, or a bare multiplied number (`1400万`).
struct Found {
    start: usize,
    end: usize,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: Option<Cow<'static, str>>,
    kind: Kind,
    approx: Option<&'static str>,
}

impl Found {
    fn as_candidate<'a>(
        &'a self,
        text: &'a str,
        num: &'a Number,
        unit_end: usize,
    ) -> Candidate<'a> {
        Candidate {
            text,
            num,
            unit: self.unit.as_deref(),
            kind: self.kind,
            range: self.value_max.is_some(),
            unit_end,
            end: self.end,
        }
    }
}

/// A Latin letter, ASCII or full-width (`PM2.5-10`, `Ａ-3`): a `-` after one is a hyphen, not a
/// minus sign. (Not `char::is_alphanumeric`: its Unicode tables cost bytes in the WebAssembly.)
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// The names of the rules of [`exclusions`] that reject the number starting at `start` (all of
/// them, not only the first): for the rules' tests.
#[cfg(test)]
pub(crate) fn rejecting_rules(text: &str, start: usize) -> Vec<&'static str> {
    let s = Scanner {
        text,
        blocked: Vec::new(),
        next_block: 0,
        out: Vec::new(),
        last_end: 0,
    };
    let Some(num) = numbers::parse(text, start) else {
        return Vec::new();
    };
    let mut names: Vec<&'static str> = exclusions::NUMBER_RULES
        .iter()
        .filter(|r| (r.1)(text, &num))
        .map(|r| r.0)
        .collect();
    if let Some((found, unit_end)) = s.candidate(&num) {
        let c = found.as_candidate(text, &num, unit_end);
        names.extend(
            exclusions::QUANTITY_RULES
                .iter()
                .filter(|r| (r.1)(&c))
                .map(|r| r.0),
        );
    }
    names
}

/// Whether the bytes begin a character that can start an indicator: an ASCII or full-width
/// digit, a Chinese numeral that can start a number, 百 (of 百分之) or 上 (of 上千万).
/// [`text::char_hits`] visits only those.
///
/// Written with `&` and `|`, not `&&`, `||` or `matches!`: the comparisons then stay
/// branch-free and vectorize.
#[inline]
pub(crate) const fn is_start(a: u8, b: u8, c: u8) -> bool {
    let (e4, e5) = (a == 0xE4, a == 0xE5);
    a.is_ascii_digit()
        | (a == 0xEF) & (b == 0xBC) & (c.wrapping_sub(0x90) < 10) // ０-９
        // 一 七 三 上 两
        | e4 & (b == 0xB8) & ((c == 0x80) | (c == 0x83) | (c == 0x89) | (c == 0x8A) | (c == 0xA4))
        | e4 & (b == 0xB9) & (c == 0x9D) // 九
        | e4 & (b == 0xBA) & ((c == 0x8C) | (c == 0x94)) // 二 五
        | e5 & (b == 0x85) & ((c == 0xAB) | (c == 0xAD)) // 八 六
        | e5 & (b == 0x8D) & (c == 0x81) // 十
        | e5 & (b == 0x9B) & (c == 0x9B) // 四
        | (a == 0xE7) & (b == 0x99) & (c == 0xBE) // 百
}

/// A measure word missing from the lexicon after a big multiplier: `收购烟叶21.43万担,` (担).
/// One ideograph right after Arabic digits and `万`/`亿` that ends the clause is the number's
/// measure word; grammatical words (`的`, `以`, `等`…) and date characters are not. A noun that
/// runs on (`6000万农民`) is left out of the span.
fn rare_measure_word(text: &str, num: &Number) -> Option<char> {
    if num.chinese || !(text[..num.end].ends_with('万') || text[..num.end].ends_with('亿')) {
        return None;
    }
    let c = char_at(text, num.end).filter(|&c| is_cjk(c))?;
    if lexicon::has_char(Class::NotMeasureWord, c) {
        return None;
    }
    let after = char_at(text, num.end + c.len_utf8());
    after
        .map_or(true, |a| {
            matches!(
                fold(a),
                ',' | '.' | '、' | ';' | ':' | ')' | '。' | '\n' | '\r'
            ) || is_close_quote(a)
        })
        .then_some(c)
}

impl<'a> Scanner<'a> {
    fn run(&mut self, anchors: &text::Hits) {
        // Indicators are not looked for before `next` (where the last try said to continue).
        let mut next = 0;
        for i in anchors.of(crate::anchors::INDICATORS) {
            if i >= next {
                next = self.at(i);
            }
        }
    }

    /// Whether `pos` lies inside a citation or a marker.
    fn is_blocked(&mut self, pos: usize) -> bool {
        while self.next_block < self.blocked.len() && self.blocked[self.next_block].end <= pos {
            self.next_block += 1;
        }
        self.blocked[self.next_block..]
            .iter()
            .take_while(|s| s.start <= pos)
            .any(|s| s.start <= pos && pos < s.end)
    }

    /// Tries an indicator at `start`; returns where scanning continues.
    #[inline(never)]
    fn at(&mut self, start: usize) -> usize {
        let text = self.text;
        let c = char_at(text, start).unwrap_or('\0');
        let step = start + c.len_utf8();
        // Cheap rejections first: most 一 are articles (一是, 进一步), most 上 and 百 are words.
        let next = char_at(text, step).unwrap_or('\0');
        let rejected = match c {
            // 一是, 三是, 两会: a Chinese numeral needs more numerals, 余/多 or a unit after it.
            // 一点五, 三点五万: 点 may begin a decimal fraction.
            '一' => !(is_chinese_numeral(next) || matches!(next, '余' | '多' | '点')),
            _ if numbers::starts_chinese(c) => {
                !(is_chinese_numeral(next)
                    || matches!(next, '余' | '多' | '点')
                    || units::may_begin(next))
            }
            '上' => !matches!(next, '百' | '千' | '万' | '亿'),
            '百' => next != '分',
            _ => false,
        };
        if rejected {
            return step;
        }
        if c == '百' || c == '上' {
            if self.is_blocked(start) {
                return step;
            }
            let found = if c == '百' {
                self.percent_words(start)
            } else {
                self.magnitude(step)
            };
            return match found {
                Some(f) => self.emit(f),
                None => step,
            };
        }
        let Some(num) = numbers::parse(text, start) else {
            return step;
        };
        let skip = num.end.max(step);
        if self.is_blocked(start) {
            return skip;
        }
        match self.quantity(&num) {
            Some(f) => self.emit(f),
            None => skip,
        }
    }

    /// A bare order of magnitude after `上` (`上千万元`, `上万人`, `上百家`): the span starts at
    /// the magnitude, `上` is the approximation.
    fn magnitude(&self, start: usize) -> Option<Found> {
        let text = self.text;
        // 迈上万亿元台阶, 登上: 上 is part of a verb there.
        let up = start - '上'.len_utf8();
        if prev_char(text, up).is_some_and(|p| lexicon::has_char(Class::TakesShang, p)) {
            return None;
        }
        let mut pos = start;
        let mut value = 1f64;
        while let Some(c) = char_at(text, pos) {
            let f = match c {
                '百' => 1e2,
                '千' if !units::starts_unit(text, pos) => 1e3,
                '万' => 1e4,
                '亿' => 1e8,
                _ => break,
            };
            value *= f;
            pos += c.len_utf8();
        }
        if pos == start {
            return None;
        }
        let u = units::match_at(text, pos, true)?;
        Some(Found {
            start,
            end: u.end,
            value: Some(value),
            value_max: None,
            unit: Some(u.unit),
            kind: u.kind,
            approx: Some("上"),
        })
    }

    /// `百分之九十`, `百分之百`, `百分之10`.
    fn percent_words(&self, start: usize) -> Option<Found> {
        let text = self.text;
        let after = start + prefix_len(text, start, "百分之")?;
        let (end, value) = if let Some(l) = prefix_len(text, after, "百") {
            (after + l, 100.0)
        } else {
            let n = numbers::parse(text, after)?;
            (n.end, n.value?)
        };
        Some(Found {
            start,
            end,
            value: Some(value),
            value_max: None,
            unit: Some("%".into()),
            kind: Kind::Percent,
            approx: None,
        })
    }

    /// The indicator made of `num` and what follows, if it is one: the number with its unit (or
    /// a range, or a bare multiplied number) that no rule of [`exclusions`] rejects.
    fn quantity(&self, num: &Number) -> Option<Found> {
        if exclusions::rejects_number(self.text, num) {
            return None;
        }
        let (mut found, unit_end) = self.candidate(num)?;
        if exclusions::rejects(&found.as_candidate(self.text, num, unit_end)) {
            return None;
        }
        // A minus sign belongs to the span and the value (also across zero-width characters
        // a web page left after it: `-\u{feff}0.99‰`).
        let text = self.text;
        let at = text::back_zero_width(text, num.start);
        if let Some(p) = prev_char(text, at).filter(|&p| matches!(p, '-' | '−' | '－')) {
            let before = prev_char(text, at - p.len_utf8());
            if !before.is_some_and(|b| text::digit(b).is_some() || is_latin_letter(b)) {
                found.start = at - p.len_utf8();
                found.value = found.value.map(|v| -v);
            }
        }
        Some(found)
    }

    /// `num` with its unit, a range (`10-15个`, `4.5%—5%`) or a bare multiplied number
    /// (`超过3300万`), and where the number's own unit ends (before a range's high end).
    fn candidate(&self, num: &Number) -> Option<(Found, usize)> {
        let text = self.text;
        // The unit, possibly after blanks (`2.5 %`, `培训班 3 期`) when the digits are Arabic,
        // after zero-width characters when they are Chinese.
        let upos = if num.chinese {
            text::skip_zero_width(text, num.end)
        } else {
            numbers::skip_blanks(text, num.end)
        };
        let unit = units::match_at(text, upos, num.chinese);
        let mut found = match unit {
            Some(u) => Found {
                start: num.start,
                end: u.end,
                value: num.value,
                value_max: None,
                unit: Some(u.unit),
                kind: u.kind,
                approx: num.approx,
            },
            // `10-15个`: the unit comes after the high end.
            None => match self.range(num, None) {
                Some(r) => r,
                // A bare multiplied number (`超过3300万`, `6600多万纳税人`) counts; anything else
                // needs a unit. `五百亿级开发区`, `千亿级产业集群` name a size class.
                None if num.multiplier && char_at(text, num.end) != Some('级') => {
                    let (end, unit) = match rare_measure_word(text, num) {
                        Some(c) => (num.end + c.len_utf8(), Some(c.to_string().into())),
                        None => (num.end, None),
                    };
                    Found {
                        start: num.start,
                        end,
                        value: num.value,
                        value_max: None,
                        unit,
                        kind: Kind::Count,
                        approx: num.approx,
                    }
                }
                None => return None,
            },
        };
        let unit_end = found.end;
        // `4.5%—5%`: a range with the unit after both ends.
        if found.value_max.is_none() {
            if let Some(r) = self.range(num, Some(&found)) {
                found = r;
            }
        }
        Some((found, unit_end))
    }

    /// A range after `num` (and its unit, when `first` is given): `10-15个`, `4.5%—5%`, `3至5家`.
    fn range(&self, num: &Number, first: Option<&Found>) -> Option<Found> {
        let text = self.text;
        // Blanks around the dash and before the unit, as pasted text has them (`1 —2个`,
        // `3 - 5 家`), after Arabic digits only (as before a unit).
        let gap = |p: usize| {
            if num.chinese {
                p
            } else {
                numbers::skip_blanks(text, p)
            }
        };
        let mut pos = gap(first.map_or(num.end, |f| f.end));
        let c = char_at(text, pos)?;
        if !matches!(fold(c), '-' | '—' | '–' | '~' | '～' | '〜' | '至' | '到') {
            return None;
        }
        pos += c.len_utf8();
        if c == '—' {
            if let Some(l) = prefix_len(text, pos, "—") {
                pos += l;
            }
        }
        let hi = numbers::parse(text, gap(pos))?;
        if hi.chinese != num.chinese {
            return None;
        }
        let u = units::match_at(text, gap(hi.end), hi.chinese)?;
        if let Some(f) = first {
            if f.unit.as_deref() != Some(&*u.unit) {
                return None;
            }
        }
        let lo_value = match first {
            Some(f) => f.value,
            // 3—5万元: the high end's multiplier applies to the low end.
            None => num
                .value
                .map(|v| if num.multiplier { v } else { v * hi.factor }),
        };
        Some(Found {
            start: num.start,
            end: u.end,
            value: lo_value,
            value_max: hi.value,
            unit: Some(u.unit),
            kind: u.kind,
            approx: num.approx.or(hi.approx),
        })
    }

    fn emit(&mut self, f: Found) -> usize {
        let text = self.text;
        let end = f.end;
        // Qualifiers before the number and after the unit.
        let mut head = f.start;
        let mut approx = f.approx;
        // Most figures have no qualifier: only words ending with the character before the
        // figure are compared.
        let before = prev_char(text, f.start);
        for q in lexicon::approx_before() {
            if Some(q.last) == before && text[..f.start].ends_with(q.word) {
                let word_start = f.start - q.word.len();
                // 签约3个项目, 附近3公里: the character is part of another word.
                if prev_char(text, word_start).is_some_and(|p| text::has_char(q.not_after, p)) {
                    break;
                }
                head = word_start;
                approx = approx.or(Some(q.gives));
                break;
            }
        }
        let mut tail = end;
        let after = char_at(text, end);
        for &w in lexicon::words(Class::ApproxAfter) {
            if w.chars().next() == after && text[end..].starts_with(w) {
                tail = end + w.len();
                approx = approx.or(Some(w));
                break;
            }
        }
        let (mut change, verb_start) = self.change(head);
        if change.is_none() {
            // 分别增长5.3%、6.1%和5.0%: the values of a list share the change before the first.
            if let Some(prev) = self.out.last() {
                if matches!(text.get(self.last_end..head), Some("、" | "和" | "及")) {
                    change.clone_from(&prev.change);
                }
            }
        }
        let metric = metrics::name(
            text,
            verb_start.unwrap_or(head),
            tail,
            self.last_end,
            change.as_ref(),
            &self.out,
        );
        let metric_id = metric.as_deref().and_then(|m| {
            let unit = f.unit.as_deref();
            taxonomy::id_at(m, f.kind, unit, change.is_some(), text, (head, tail))
        });
        self.out.push(Indicator {
            span: Span::new(f.start, end),
            value: f.value,
            value_max: f.value_max,
            unit: f.unit,
            kind: f.kind,
            approx,
            change,
            metric,
            metric_id,
            heading: None,
            target: false,
        });
        self.last_end = tail;
        end
    }

    /// A change verb right before `head` (after an optional `了`): its direction and basis.
    fn change(&self, head: usize) -> (Option<Change>, Option<usize>) {
        let text = self.text;
        let mut p = skip_footnote_back(text, head);
        if text[..p].ends_with('了') {
            p -= '了'.len_utf8();
        }
        let Some((verb, direction)) =
            clause::change_verb_before(&text[text::back_chars(text, p, 2)..p])
        else {
            return (None, None);
        };
        let verb_start = p - verb.len();
        // Single-character verbs only in the compact forms 同比增 / 同比减 / 比上年增.
        let basis = self.basis(verb_start);
        if verb.chars().count() == 1 && basis.is_none() {
            return (None, None);
        }
        let basis = basis.unwrap_or_default();
        (Some(Change { direction, basis }), Some(verb_start))
    }

    /// The basis of a change ending at `verb_start`: `同比`, `环比`, `上年`, `2023年`, … Looks
    /// back within the sentence (at most 40 characters).
    fn basis(&self, verb_start: usize) -> Option<String> {
        let text = self.text;
        let before = &text[..verb_start];
        for w in ["同比", "环比"] {
            if before.ends_with(w) {
                return Some(w.to_string());
            }
        }
        // The sentence up to the verb, at most 40 characters, read backwards once: 比2023年 /
        // 较上年 / 比去年同期, the words after 比/较 up to the verb.
        let mut has_bi = false;
        let mut lo = verb_start;
        for (i, c) in before.char_indices().rev().take(40) {
            if is_sentence_end(c) {
                break;
            }
            lo = i;
            if c != '比' && c != '较' {
                continue;
            }
            has_bi |= c == '比';
            let rest = &before[i + c.len_utf8()..];
            let first = rest.chars().next();
            let ok = first.is_some_and(|f| {
                text::digit(f).is_some()
                    || matches!(f, '上' | '去' | '前' | '同' | '二' | '“' | '年')
            });
            if ok && rest.chars().count() <= 12 && !rest.chars().any(is_clause_end) {
                let rest = rest.strip_suffix("分别").unwrap_or(rest);
                return Some(rest.trim_end_matches(['同', '期']).to_string());
            }
        }
        // A sentence without 比 holds neither (and most have none: skip the substring searches).
        if has_bi {
            let sentence = &before[lo..];
            for w in ["同比", "环比"] {
                if text::has(sentence, w) {
                    return Some(w.to_string());
                }
            }
        }
        None
    }
}

/// The position before a footnote marker (`[41]`, `［3］`) that ends at `pos`, else `pos`.
fn skip_footnote_back(text: &str, pos: usize) -> usize {
    let before = &text[..pos];
    let Some(c) = before
        .chars()
        .next_back()
        .filter(|&c| matches!(c, ']' | '］'))
    else {
        return pos;
    };
    let inner = &before[..before.len() - c.len_utf8()];
    let digits: usize = inner
        .chars()
        .rev()
        .take_while(|&d| text::digit(d).is_some())
        .map(char::len_utf8)
        .sum();
    let rest = &inner[..inner.len() - digits];
    match rest.chars().next_back() {
        Some(o) if digits > 0 && matches!(o, '[' | '［') => rest.len() - o.len_utf8(),
        _ => pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<&str> {
        find(s, &[], &[], &[])
            .iter()
            .map(|i| i.span.of(s))
            .collect()
    }

    #[test]
    fn counts_money_percent() {
        assert_eq!(
            spans("公布市级行政许可事项238项,办理4.6万件,合格率达98.7%。"),
            ["238项", "4.6万件", "98.7%"]
        );
        let v = find("本年度兑付资金537.97万元,", &[], &[], &[]);
        assert_eq!(v[0].value, Some(5379700.0));
        assert_eq!(v[0].unit.as_deref(), Some("元"));
        assert_eq!(v[0].kind, Kind::Money);
    }

    #[test]
    fn metric_from_rate_noun_and_object() {
        let v = find(
            "调解纠纷2321件,调解率100%,出庭应诉率达到98.33%",
            &[],
            &[],
            &[],
        );
        let m: Vec<_> = v.iter().map(|i| i.metric.as_deref().unwrap()).collect();
        assert_eq!(m, ["调解纠纷", "调解率", "出庭应诉率"]);
        let v = find("“法宣在线”学法考勤参考率、合格率均为100%,", &[], &[], &[]);
        assert_eq!(
            v[0].metric.as_deref(),
            Some("“法宣在线”学法考勤参考率、合格率")
        );
        let v = find("全市共聘请11名执业律师", &[], &[], &[]);
        assert_eq!(v[0].metric.as_deref(), Some("聘请执业律师"));
    }

    #[test]
    fn start_set_matches_the_numeral_tables() {
        let starts: Vec<char> = "0123456789０１２３４５６７８９一二两三四五六七八九十百上"
            .chars()
            .collect();
        // Every character of the Basic Multilingual Plane, so no other one slips through.
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let mut b = [0; 4];
            c.encode_utf8(&mut b);
            assert_eq!(is_start(b[0], b[1], b[2]), starts.contains(&c), "{c}");
        }
        for c in "一二两三四五六七八九十".chars() {
            assert!(numbers::starts_chinese(c));
        }
    }

    #[test]
    fn chinese_counts_and_articles() {
        assert_eq!(spans("率先在三个功能区成立"), ["三个"]);
        assert_eq!(spans("明确十二项重点任务"), ["十二项"]);
        assert!(spans("作为一项重要的政治任务").is_empty());
        assert!(spans("解决一批问题").is_empty());
        assert!(spans("打造“三个一”工程,四所一庭联动").is_empty());
    }
}
