//! The unit lexicon: measure words, money, measures and percent signs that may follow a number.
//!
//! The lexicon is data (`data/units.tsv`, loaded by [`crate::lexicon::units`]): one unit a line
//! with its [`Kind`] and flags. [`match_at`] finds the longest unit at a byte position, comparing through
//! [`fold`] so `％` matches `%` and `（次）` matches `(次)`, and extends it with what is written
//! around a unit:
//!
//! - a bracketed alternative: `件(次)`, `台（套）` (the unit is kept as written, folded to ASCII);
//! - a per-unit denominator: `元/人`, `辆/千人`, `次/年` (money per person stays money).
//!
//! ```
//! use zhibiao::units::match_at;
//! let m = match_at("2.44万件（次）。", "2.44万".len(), false).unwrap();
//! assert_eq!(m.unit, "件(次)");
//! assert_eq!(match_at("98%以上", 2, false).unwrap().unit, "%");
//! assert!(match_at("3年", 1, false).is_none()); // 年 is a date, never a unit
//! ```
//!
//! Not units: multipliers (`万`, `亿`, `千`: [`crate::numbers`] multiplies them out), `年`/`月`/`日`
//! (dates), and nouns that merely follow a number (`10部门` is the exception kept for
//! counts of departments). `成` counts only when no CJK character follows (`八成`, not `三成员`).
//! Entries of kind `none` block a shorter unit (`75周年` is an anniversary, not 75 weeks; `3分之1`
//! a fraction).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lexicon::{self, Class};
use crate::model::Kind;
use crate::text::{fold, CharGroups, CharSet};

/// A unit found after a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitMatch {
    /// Byte offset just past the unit (and its bracketed alternative or denominator).
    pub end: usize,
    /// The unit as written, with full-width punctuation folded to ASCII: `件(次)`, `%`, `元/人`.
    /// Borrowed from the lexicon unless the text extends it with a bracket or a denominator.
    pub unit: Cow<'static, str>,
    pub kind: Kind,
}

/// Flag: the unit only counts after Arabic digits.
const ARABIC_ONLY: u8 = 1;
/// Flag: the unit must not be followed by a CJK character.
const NO_CJK_AFTER: u8 = 2;
/// Flag: not a unit (`周年`): when it is the longest match, there is no unit.
const BLOCK: u8 = 4;

#[derive(Debug)]
struct Entry {
    text: &'static str,
    /// No ASCII character inside, so no full-width variant: compared byte for byte.
    cjk_only: bool,
    first: char,
    kind: Kind,
    flags: u8,
}

/// The units' first characters: a quick filter for [`may_begin`].
fn firsts() -> &'static CharSet {
    static SET: OnceLock<CharSet> = OnceLock::new();
    SET.get_or_init(|| CharSet::new(table().iter().map(|e| e.first)))
}

/// The lexicon grouped by (folded) first character, longest first inside a group.
fn by_first() -> &'static CharGroups<&'static Entry> {
    static GROUPS: OnceLock<CharGroups<&'static Entry>> = OnceLock::new();
    GROUPS.get_or_init(|| CharGroups::new(table().iter().map(|e| (e.first, e)).collect()))
}

fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<Entry> = lexicon::units()
            .iter()
            .filter_map(|u| {
                let flags = match u.kind {
                    None => BLOCK,
                    Some(_) => {
                        (if u.arabic_only { ARABIC_ONLY } else { 0 })
                            | (if u.no_cjk_after { NO_CJK_AFTER } else { 0 })
                    }
                };
                Some(Entry {
                    text: u.text,
                    cjk_only: !u.text.bytes().any(|b| b.is_ascii()),
                    first: fold(u.text.chars().next()?),
                    kind: u.kind.unwrap_or(Kind::Count),
                    flags,
                })
            })
            .collect();
        // Grouped by first character, longest first inside a group.
        crate::sort::sort_by(&mut v, |a, b| {
            a.first.cmp(&b.first).then(b.text.len().cmp(&a.text.len()))
        });
        v
    })
}

/// Whether `c` is a CJK ideograph (basic block and extension A).
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Length in bytes of `word` at `text[pos..]` when it is there (comparing through [`fold`]).
#[inline]
pub fn prefix_len(text: &str, pos: usize, word: &str) -> Option<usize> {
    let mut it = text.get(pos..)?.char_indices();
    for w in word.chars() {
        let (_, c) = it.next()?;
        if fold(c) != fold(w) {
            return None;
        }
    }
    Some(it.next().map_or(text.len() - pos, |(i, _)| i))
}

/// The longest lexicon unit at `pos`, without extensions.
fn lexicon_at(text: &str, pos: usize, chinese: bool) -> Option<(usize, &'static Entry)> {
    let first = fold(text.get(pos..)?.chars().next()?);
    for &e in by_first().get(first) {
        if chinese && e.flags & ARABIC_ONLY != 0 {
            continue;
        }
        // A unit without ASCII characters has no full-width variant: compare bytes.
        let len = if e.cjk_only {
            crate::text::starts(&text.as_bytes()[pos..], e.text.as_bytes()).then_some(e.text.len())
        } else {
            prefix_len(text, pos, e.text)
        };
        if let Some(len) = len {
            let end = pos + len;
            if e.flags & NO_CJK_AFTER != 0 && runs_on(text, end) {
                continue;
            }
            if e.flags & BLOCK != 0 {
                return None;
            }
            return Some((end, e));
        }
    }
    None
}

/// Whether a word runs on at `end`: a CJK character follows that is not a qualifier after a
/// unit (`八成以上`, `八成多`) or `的`.
fn runs_on(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.chars().next().is_some_and(is_cjk)
        && !(lexicon::words(Class::ApproxAfter)
            .iter()
            .any(|w| rest.starts_with(w))
            || rest.starts_with(['多', '的']))
}

/// Whether a unit may begin with `c` (a fast filter: yes can be wrong, no never is).
#[inline]
pub fn may_begin(c: char) -> bool {
    firsts().contains(fold(c))
}

/// Whether a unit (of any kind) starts at `pos`: used to keep `千` of `千瓦` out of the multipliers.
pub fn starts_unit(text: &str, pos: usize) -> bool {
    lexicon_at(text, pos, false).is_some_and(|(_, e)| e.text.chars().count() > 1)
}

/// Denominators after `/` that are not units themselves.
const PER: &[&str] = &["年", "月", "日", "季度"];

/// The unit after a number ending at `pos`: the longest lexicon unit, extended by a bracketed
/// alternative (`件(次)`) or a denominator (`元/人`). `chinese` tells whether the number was
/// written in Chinese numerals (some units are too ambiguous after them).
pub fn match_at(text: &str, pos: usize, chinese: bool) -> Option<UnitMatch> {
    let (mut end, e) = lexicon_at(text, pos, chinese)?;
    let mut kind = e.kind;
    let mut unit = Cow::Borrowed(e.text);
    // 1200艘次, 35辆次: a measure word and 次 count visits or trips, like the 人次 and 架次 of the
    // lexicon; only where the compound ends there (`3辆次日` is no such compound).
    if kind == Kind::Count && e.text.chars().count() == 1 && text[end..].starts_with('次') {
        let after = end + '次'.len_utf8();
        if !runs_on(text, after) {
            let u = unit.to_mut();
            u.push('次');
            end = after;
        }
    }
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next().map(fold) {
        Some('(') if kind == Kind::Count => {
            // 件(次), 台（套）: a short unit inside brackets.
            let open = end + rest.chars().next().map_or(1, char::len_utf8);
            if let Some((inner_end, inner)) = lexicon_at(text, open, false) {
                if inner.kind == Kind::Count {
                    if let Some(c) = text[inner_end..].chars().next() {
                        if fold(c) == ')' {
                            let u = unit.to_mut();
                            u.push('(');
                            u.push_str(&text[open..inner_end]);
                            u.push(')');
                            end = inner_end + c.len_utf8();
                        }
                    }
                }
            }
        }
        Some('/' | '每') => {
            // 元/人, 辆／千人, 微克每立方米
            let slash = end + rest.chars().next().map_or(1, char::len_utf8);
            let mut p = slash;
            // 辆/千人, 元/万元: a multiplier may stand before the denominator's unit.
            if let Some(c) = text[p..].chars().next() {
                if matches!(c, '千' | '万' | '百' | '十') {
                    p += c.len_utf8();
                }
            }
            let den_end = lexicon_at(text, p, false).map(|(e, _)| e).or_else(|| {
                PER.iter()
                    .find_map(|w| prefix_len(text, p, w).map(|l| p + l))
            });
            if let Some(den_end) = den_end {
                let u = unit.to_mut();
                u.push(if rest.starts_with('每') { '每' } else { '/' });
                u.extend(text[slash..den_end].chars().map(fold));
                end = den_end;
                if kind == Kind::Count {
                    kind = Kind::Measure;
                }
            }
        }
        _ => {}
    }
    if unit == "％" {
        unit = Cow::Borrowed("%");
    }
    Some(UnitMatch { end, unit, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(s: &str) -> Option<(String, Kind, &str)> {
        match_at(s, 0, false).map(|m| (m.unit.into_owned(), m.kind, &s[..m.end]))
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit("人次,").unwrap().0, "人次");
        assert_eq!(unit("场次").unwrap().0, "场次");
        // A measure word and 次: trips and visits.
        assert_eq!(unit("艘次,").unwrap(), ("艘次".into(), Kind::Count, "艘次"));
        assert_eq!(unit("辆次。").unwrap().0, "辆次");
        assert_eq!(unit("辆次日").unwrap().0, "辆");
        assert_eq!(
            unit("个百分点。").unwrap(),
            ("个百分点".into(), Kind::Percent, "个百分点")
        );
        assert_eq!(unit("个工作日内").unwrap().0, "个工作日");
        assert_eq!(unit("个乡镇").unwrap().0, "个");
        assert_eq!(unit("平方公里").unwrap().1, Kind::Measure);
    }

    #[test]
    fn percent_forms() {
        assert_eq!(unit("％，").unwrap().0, "%");
        assert_eq!(unit("‰").unwrap().1, Kind::Percent);
        assert_eq!(unit("成以上").unwrap().0, "成");
        assert!(unit("成员").is_none());
    }

    #[test]
    fn bracketed_alternative_and_per_unit() {
        assert_eq!(unit("件(次)。").unwrap().2, "件(次)");
        assert_eq!(
            unit("台（套）。").unwrap(),
            ("台(套)".into(), Kind::Count, "台（套）")
        );
        assert_eq!(unit("个(社区)").unwrap().0, "个");
        assert_eq!(
            unit("元/人").unwrap(),
            ("元/人".into(), Kind::Money, "元/人")
        );
        assert_eq!(unit("辆／千人").unwrap().0, "辆/千人");
        assert_eq!(unit("次/年").unwrap().0, "次/年");
        assert_eq!(unit("微克每立方米").unwrap().0, "微克每立方米");
        assert_eq!(unit("微克/立方米").unwrap().0, "微克/立方米");
    }

    #[test]
    fn not_units() {
        for s in [
            "年",
            "月",
            "日",
            "万",
            "亿",
            "号",
            "版",
            "热线",
            "大",
            "级",
            "周年",
            "分之一",
            "家庭",
            "人民",
        ] {
            assert!(unit(s).is_none(), "{s}");
        }
        assert!(match_at("分", 0, true).is_none());
        assert!(match_at("分", 0, false).is_some());
        assert!(starts_unit("千瓦时", 0));
        assert!(!starts_unit("千人", 0));
    }

    #[test]
    fn lexicon_parses_fully() {
        assert_eq!(table().len(), lexicon::units().len());
        assert!(unit("周内").is_some());
    }
}
