//! Years and dates: they go to [`crate::Extraction::dates`] with an ISO form, never to indicators.
//!
//! Recognized (ASCII or full-width digits):
//! - `2024年` → `2024`, `2023年度` → `2023` (the span includes `度`);
//! - `2024年3月` → `2024-03`, `2024年3月1日` (or `1号`) → `2024-03-01`;
//! - `2024-03-04`, `2024/3/4`, `2024.3.4` → `2024-03-04`, `2024-03` → `2024-03`;
//! - `9月23日` → `--09-23` (a day without a year);
//! - year ranges `2021-2025`, `2021—2025年` (also inside brackets `(2021-2025)`) → `2021/2025`;
//! - Chinese numerals: `二〇二六年一月二十七日` → `2026-01-27`.
//!
//! ```
//! let d = zhibiao::dates::find("荔波县人民政府\n2024年3月1日", &[]);
//! assert_eq!(d[0].iso, "2024-03-01");
//! ```
//!
//! Not dates: years outside 1800–2199 (`2600年历史` is a duration), a month without a day and without a year (`3月份`),
//! durations (`3个月`, `一年来`), digits glued to other digits (`000014349/2024-351576` gives no
//! date), and anything inside a `《》` citation.

use crate::model::{Citation, DateMention};
use crate::numbers::{char_at, chinese_digit, parse};
use crate::span::Span;
use crate::text::{self, digit, fold};

/// Finds the years and dates of `text`, outside the given citations.
pub fn find(text: &str, citations: &[Citation]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut cit = 0;
    let bytes = text.as_bytes();
    // Dates are not looked for before `next` (the end of the last one).
    let mut next = 0;
    let mut last_end = 0;
    for i in text::char_hits(bytes, is_anchor) {
        if i < next {
            continue;
        }
        // Arabic and full-width digits start a date themselves; a Chinese date is found from
        // its 年 or 月, looking back for the numerals before it (二〇二六年, 九月二十三日).
        let start = match bytes.get(i..) {
            Some([b'0'..=b'9', ..] | [0xEF, 0xBC, 0x90..=0x99, ..]) => Some(i), // 0..9, ０..９
            Some([0xE5, 0xB9, 0xB4, ..]) => chinese_start(text, i, last_end, 4), // 年
            Some([0xE6, 0x9C, 0x88, ..]) => chinese_start(text, i, last_end, 3), // 月
            _ => None,
        };
        let Some(start) = start else {
            continue;
        };
        let found = if start == i {
            if i > 0 && prev_char(text, i).is_some_and(|p| digit(p).is_some()) {
                None
            } else {
                arabic(text, i)
            }
        } else {
            chinese(text, start)
        };
        match found {
            Some((end, iso)) if end > i => {
                while cit < citations.len() && citations[cit].span.end <= start {
                    cit += 1;
                }
                let inside = citations
                    .get(cit)
                    .is_some_and(|c| c.span.start <= start && end <= c.span.end);
                if !inside {
                    out.push(DateMention {
                        span: Span::new(start, end),
                        iso,
                    });
                }
                next = end;
                last_end = end;
            }
            _ => {}
        }
    }
    out
}

/// Whether the bytes begin a character a date can be anchored on: an ASCII digit, 年
/// (E5 B9 B4), 月 (E6 9C 88) or a full-width digit (EF BC 90..99). [`text::char_hits`] visits
/// only those.
#[inline]
fn is_anchor(a: u8, b: u8, c: u8) -> bool {
    a.is_ascii_digit()
        | (a == 0xE5) & (b == 0xB9) & (c == 0xB4)
        | (a == 0xE6) & (b == 0x9C) & (c == 0x88)
        | (a == 0xEF) & (b == 0xBC) & (c.wrapping_sub(0x90) < 10)
}

/// Where the Chinese numerals before the anchor (年 or 月) at `anchor` start: at most `max`
/// of them, not before `floor`, and not preceded by a further numeral.
fn chinese_start(text: &str, anchor: usize, floor: usize, max: usize) -> Option<usize> {
    let mut start = anchor;
    for c in text[floor..anchor].chars().rev().take(max) {
        if chinese_digit(c).is_none() && c != '十' {
            break;
        }
        start -= c.len_utf8();
    }
    let before = text[floor..start].chars().next_back();
    (start < anchor && !before.is_some_and(|c| chinese_digit(c).is_some() || c == '十'))
        .then_some(start)
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// Reads up to `max` digits: (end, value, count).
fn read_digits(text: &str, mut pos: usize, max: usize) -> (usize, u32, usize) {
    let (mut v, mut n) = (0u32, 0usize);
    while let Some(d) = char_at(text, pos).and_then(digit) {
        if n == max {
            return (pos, v, n + 1); // too many digits: the caller rejects n > max
        }
        v = v * 10 + d;
        n += 1;
        pos += char_at(text, pos).map_or(1, char::len_utf8);
    }
    (pos, v, n)
}

/// `word` at `pos` (through full-width folding), returning the byte just past it.
fn lit(text: &str, pos: usize, word: char) -> Option<usize> {
    let c = char_at(text, pos)?;
    (fold(c) == word).then(|| pos + c.len_utf8())
}

fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// A month (and day) after a year: `3月`, `3月1日`. Returns (end, `-MM[-DD]`).
fn month_day(text: &str, pos: usize, with_year: bool) -> Option<(usize, String)> {
    let (p, m, n) = read_digits(text, pos, 2);
    if n == 0 || n > 2 || !(1..=12).contains(&m) {
        return None;
    }
    let after_month = lit(text, p, '月')?;
    let (q, d, k) = read_digits(text, after_month, 2);
    if k > 0 && k <= 2 && valid(m, d) {
        if let Some(end) = lit(text, q, '日').or_else(|| lit(text, q, '号')) {
            return Some((end, format!("-{m:02}-{d:02}")));
        }
    }
    with_year.then(|| (after_month, format!("-{m:02}")))
}

fn arabic(text: &str, start: usize) -> Option<(usize, String)> {
    let (p, v, n) = read_digits(text, start, 4);
    if n == 4 && (1800..=2199).contains(&v) {
        let c = char_at(text, p)?;
        if fold(c) == '年' || c == '年' {
            let after = p + c.len_utf8();
            if let Some(end) = lit(text, after, '度') {
                return Some((end, v.to_string()));
            }
            if let Some((end, md)) = month_day(text, after, true) {
                return Some((end, format!("{v}{md}")));
            }
            return Some((after, v.to_string()));
        }
        let sep = fold(c);
        if matches!(sep, '-' | '/' | '.' | '—' | '–' | '~' | '～' | '至') {
            let mut q = p + c.len_utf8();
            // —— written as two dashes
            if sep == '—' {
                if let Some(e) = lit(text, q, '—') {
                    q = e;
                }
            }
            let (r, w, k) = read_digits(text, q, 4);
            if k == 4 && w > v && w - v < 100 && matches!(sep, '-' | '—' | '–' | '~' | '～' | '至')
            {
                let end = lit(text, r, '年').unwrap_or(r);
                return Some((end, format!("{v}/{w}")));
            }
            if (1..=2).contains(&k) && (1..=12).contains(&w) && matches!(sep, '-' | '/' | '.') {
                if let Some(s2) = char_at(text, r).filter(|&s2| fold(s2) == sep) {
                    let (e, d, j) = read_digits(text, r + s2.len_utf8(), 2);
                    if (1..=2).contains(&j) && valid(w, d) {
                        return Some((e, format!("{v}-{w:02}-{d:02}")));
                    }
                }
                if sep != '.' && char_at(text, r).and_then(digit).is_none() {
                    return Some((r, format!("{v}-{w:02}")));
                }
            }
        }
        return None;
    }
    if (1..=2).contains(&n) {
        // 9月23日: a day without a year (a month alone is not a date).
        if let Some(prev) = prev_char(text, start) {
            if prev == '年' || prev == '个' || prev == '第' {
                return None;
            }
        }
        let (end, md) = month_day(text, start, false)?;
        return Some((end, format!("-{md}")));
    }
    None
}

/// A small Chinese numeral (1–31) at `pos`: (end, value).
fn small_chinese(text: &str, pos: usize) -> Option<(usize, u32)> {
    let n = parse(text, pos)?;
    if !n.chinese || n.approx.is_some() || n.multiplier {
        return None;
    }
    let v = n.value?;
    (1.0..=31.0).contains(&v).then_some((n.end, v as u32))
}

fn chinese(text: &str, start: usize) -> Option<(usize, String)> {
    // Most Chinese numerals (一是, 进一步) are no date: a date has 年 or 月 within six characters.
    let window = &text.as_bytes()[start..text.len().min(start + 18)];
    if !window
        .windows(3)
        .any(|w| w == "年".as_bytes() || w == "月".as_bytes())
    {
        return None;
    }
    // 二〇二六年: four digit numerals.
    let mut pos = start;
    let mut year = 0u32;
    let mut n = 0;
    while let Some(c) = char_at(text, pos) {
        let Some(d) = chinese_digit(c) else { break };
        if c == '两' {
            break;
        }
        year = year * 10 + d;
        n += 1;
        pos += c.len_utf8();
        if n > 4 {
            return None;
        }
    }
    if n == 4 {
        let after = lit(text, pos, '年')?;
        if let Some(end) = lit(text, after, '度') {
            return Some((end, year.to_string()));
        }
        if let Some((mend, m)) = small_chinese(text, after).filter(|&(_, m)| m <= 12) {
            if let Some(after_m) = lit(text, mend, '月') {
                if let Some((dend, d)) = small_chinese(text, after_m) {
                    if let Some(end) = lit(text, dend, '日') {
                        return Some((end, format!("{year}-{m:02}-{d:02}")));
                    }
                }
                return Some((after_m, format!("{year}-{m:02}")));
            }
        }
        return Some((after, year.to_string()));
    }
    // 九月二十三日
    if prev_char(text, start).is_some_and(|p| p == '第' || p == '个' || p == '年') {
        return None;
    }
    let (mend, m) = small_chinese(text, start).filter(|&(_, m)| m <= 12)?;
    let after_m = lit(text, mend, '月')?;
    let (dend, d) = small_chinese(text, after_m)?;
    let end = lit(text, dend, '日')?;
    Some((end, format!("--{m:02}-{d:02}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CitationClass;

    fn dates(s: &str) -> Vec<(&str, String)> {
        find(s, &[])
            .into_iter()
            .map(|d| (d.span.of(s), d.iso))
            .collect()
    }

    fn one(s: &str) -> (String, String) {
        let v = dates(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        (v[0].0.to_string(), v[0].1.clone())
    }

    #[test]
    fn anchor_bytes() {
        // The scan in `find` matches these characters by their UTF-8 bytes.
        assert_eq!("年".as_bytes(), [0xE5, 0xB9, 0xB4]);
        assert_eq!("月".as_bytes(), [0xE6, 0x9C, 0x88]);
        assert_eq!("０".as_bytes(), [0xEF, 0xBC, 0x90]);
        assert_eq!("９".as_bytes(), [0xEF, 0xBC, 0x99]);
    }

    #[test]
    fn years_and_full_dates() {
        assert_eq!(one("2024年,组织全市"), ("2024年".into(), "2024".into()));
        assert_eq!(
            one("荔波县人民政府2023年度法治"),
            ("2023年度".into(), "2023".into())
        );
        assert_eq!(
            one("2024年3月1日"),
            ("2024年3月1日".into(), "2024-03-01".into())
        );
        assert_eq!(
            one("２０２４年３月"),
            ("２０２４年３月".into(), "2024-03".into())
        );
        assert_eq!(one("生成日期: | 2024-03-04 |").1, "2024-03-04");
        assert_eq!(one("于9月23日召开").1, "--09-23");
        assert_eq!(one("纲要(2021-2025)").1, "2021/2025");
        assert_eq!(one("2021—2025年").0, "2021—2025年");
        assert_eq!(one("二〇二三年度报告").1, "2023");
        assert_eq!(
            one("二〇二六年一月二十七日"),
            ("二〇二六年一月二十七日".into(), "2026-01-27".into())
        );
    }

    #[test]
    fn chinese_dates_are_found_from_their_anchor() {
        assert_eq!(
            one("于九月二十三日召开"),
            ("九月二十三日".into(), "--09-23".into())
        );
        assert_eq!(one("一九九八年以来"), ("一九九八年".into(), "1998".into()));
        assert_eq!(one("二〇二三年度报告").1, "2023");
        assert_eq!(one("２０２４年３月１日").1, "2024-03-01");
        for t in [
            "“十四五”时期",
            "十二月份",
            "前三个月",
            "三年来",
            "一二三四五年",
        ] {
            assert!(dates(t).is_empty(), "{t}");
        }
        // The byte predicate of the scan names exactly the anchors, across the whole BMP.
        let anchors: Vec<char> = "年月０１２３４５６７８９0123456789".chars().collect();
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let mut b = [0; 4];
            c.encode_utf8(&mut b);
            assert_eq!(is_anchor(b[0], b[1], b[2]), anchors.contains(&c), "{c}");
        }
    }

    #[test]
    fn not_dates() {
        assert!(dates("抽查检查经营主体1737户").is_empty());
        assert!(dates("3个月内").is_empty());
        assert!(dates("一年来").is_empty());
        assert!(dates("3月份").is_empty());
        assert!(dates("增长2024.5亿元").is_empty());
        assert_eq!(dates("索引号: 000014349/2024-351576").len(), 0);
    }

    #[test]
    fn citations_are_skipped() {
        let s = "《法治政府建设实施纲要(2021-2025年)》,2024年";
        let c = Citation {
            span: Span::new(0, s.find(',').unwrap()),
            class: CitationClass::Plan,
        };
        let v: Vec<_> = find(s, &[c]).into_iter().map(|d| d.iso).collect();
        assert_eq!(v, ["2024"]);
    }
}
