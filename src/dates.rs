//! Years and dates, the one date grammar of zhibiao: [`date_at`] reads a date where it starts,
//! [`find`] lists them for [`crate::Extraction::dates`] with an ISO form (never as indicators),
//! and [`all`] / [`is_date_only`] serve the title, signature and covered-year rules of
//! [`crate::meta`] and the heading rules of [`crate::outline`].
//!
//! Recognized (ASCII, full-width or Chinese digits; months and days in Arabic or Chinese
//! numerals, [`crate::numbers::small_chinese`]):
//! - `2024年` → `2024`, `2023年度` → `2023` (the span includes `度`);
//! - `2024年3月` → `2024-03`, `2024年3月1日` (or `1号`) → `2024-03-01`;
//! - `2024-03-04`, `2024/3/4`, `2024.3.4` → `2024-03-04`, `2024-03` → `2024-03`;
//! - `9月23日` → `--09-23` (a day without a year);
//! - year ranges `2021-2025`, `2021—2025年` (also inside brackets `(2021-2025)`) → `2021/2025`;
//! - Chinese numerals: `二〇二六年一月二十七日` → `2026-01-27`, also with `○` (U+25CB) or `零`
//!   for zero (`二○二四年三月一日`).
//!
//! ```
//! let d = zhibiao::dates::find("荔波县人民政府\n2024年3月1日", &[]);
//! assert_eq!(d[0].iso, "2024-03-01");
//! ```
//!
//! Not dates: years outside [`YEARS`], 1800–2199 (`2600年历史`, `一〇〇〇年` are durations; the
//! range reaches back to the 19th-century years reports recall, `1840年`), a month without a day
//! and without a year (`3月份`), durations (`3个月`, `一年来`), digits glued to other digits
//! (`000014349/2024-351576` gives no date), and anything inside a `《》` citation.

use std::ops::RangeInclusive;

use crate::model::{Citation, DateMention};
use crate::numbers::{char_at, chinese_digit, chinese_digit_run, digit_run, small_chinese};
use crate::numbers::{skip_blanks, written_digit, DigitRun};
use crate::span::Span;
use crate::text::{self, digit, fold};

/// The years a date may have. Four digits outside are a duration or a count (`2600年历史`).
pub const YEARS: RangeInclusive<u32> = 1800..=2199;

/// One date as written, read by [`date_at`]: byte range, year, month and day when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    /// `None` only for a day without a year (`9月23日`), which has a month and a day.
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The last year of a range of years (`2021-2025`).
    pub until: Option<u32>,
    /// A fiscal year, `2023年度`.
    pub fiscal: bool,
}

impl Date {
    /// ISO form: `2024`, `2024-03`, `2024-03-01`, `--09-23`, and `2021/2025` for a range.
    pub fn iso(&self) -> String {
        let md = match (self.month, self.day) {
            (Some(m), Some(d)) => format!("-{m:02}-{d:02}"),
            (Some(m), None) => format!("-{m:02}"),
            _ => String::new(),
        };
        match (self.year, self.until) {
            (Some(y), Some(u)) => format!("{y}/{u}"),
            (Some(y), None) => format!("{y:04}{md}"),
            (None, _) => format!("-{md}"),
        }
    }

    /// A year (with or without month and day), not a range: what the title, signature and
    /// covered-year rules read.
    pub fn is_dated(&self) -> bool {
        self.year.is_some() && self.until.is_none()
    }
}

/// Finds the years and dates of `text`, outside the given citations.
pub fn find(text: &str, citations: &[Citation]) -> Vec<DateMention> {
    find_from(text, &crate::anchors::find(text), citations)
}

/// [`find`], from the text's [`crate::anchors`].
pub fn find_from(text: &str, anchors: &text::Hits, citations: &[Citation]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut cit = 0;
    let bytes = text.as_bytes();
    // Dates are not looked for before `next` (the end of the last one).
    let mut next = 0;
    for i in anchors.of(crate::anchors::DATES) {
        if i < next {
            continue;
        }
        // Arabic and full-width digits start a date themselves; a Chinese date is found from
        // its 年 or 月, looking back for the numerals before it (二〇二六年, 九月二十三日).
        let start = match bytes.get(i..) {
            Some([b'0'..=b'9', ..] | [0xEF, 0xBC, 0x90..=0x99, ..]) => {
                (!prev_char(text, i).is_some_and(|p| digit(p).is_some())
                    && !no_date_after(bytes, i))
                .then_some(i)
                // 0..9, ０..９
            }
            Some([0xE5, 0xB9, 0xB4, ..]) => chinese_start(text, i, next, 4), // 年
            Some([0xE6, 0x9C, 0x88, ..]) => chinese_start(text, i, next, 3), // 月
            _ => None,
        };
        let Some(date) = start.and_then(|start| date_at(text, start)) else {
            continue;
        };
        if date.end <= i {
            continue;
        }
        while cit < citations.len() && citations[cit].span.end <= date.start {
            cit += 1;
        }
        let inside = citations
            .get(cit)
            .is_some_and(|c| c.span.start <= date.start && date.end <= c.span.end);
        if !inside {
            out.push(DateMention {
                span: Span::new(date.start, date.end),
                iso: date.iso(),
            });
        }
        next = date.end;
    }
    out
}

/// Whether the bytes begin a character a date can be anchored on: an ASCII digit, 年
/// (E5 B9 B4), 月 (E6 9C 88) or a full-width digit (EF BC 90..99). [`text::char_hits`] visits
/// only those.
#[inline]
pub(crate) const fn is_anchor(a: u8, b: u8, c: u8) -> bool {
    a.is_ascii_digit()
        | (a == 0xE5) & (b == 0xB9) & (c == 0xB4)
        | (a == 0xE6) & (b == 0x9C) & (c == 0x88)
        | (a == 0xEF) & (b == 0xBC) & (c.wrapping_sub(0x90) < 10)
}

/// Where the Chinese numerals before the anchor (年 or 月) at `anchor` start: at most `max`
/// of them, not before `floor`, and not preceded by a further numeral.
fn chinese_start(text: &str, anchor: usize, floor: usize, max: usize) -> Option<usize> {
    let is_numeral = |c: char| chinese_digit(c).is_some() || c == '十';
    let mut start = anchor;
    for c in text[floor..anchor].chars().rev().take(max) {
        if !is_numeral(c) {
            break;
        }
        start -= c.len_utf8();
    }
    let before = text[floor..start].chars().next_back();
    (start < anchor && !before.is_some_and(is_numeral)).then_some(start)
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// `word` at `pos` (through full-width folding), returning the byte just past it.
fn lit(text: &str, pos: usize, word: char) -> Option<usize> {
    let c = char_at(text, pos)?;
    (fold(c) == word).then(|| pos + c.len_utf8())
}

/// The date that starts at byte `pos` of `text`, if one does. A date never starts inside a
/// run of digits: callers start at the first digit (or Chinese numeral) of a run.
///
/// ```
/// let d = zhibiao::dates::date_at("于2024年3月1日召开", "于".len()).unwrap();
/// assert_eq!((d.iso(), d.end), ("2024-03-01".to_string(), "于2024年3月1日".len()));
/// ```
pub fn date_at(text: &str, pos: usize) -> Option<Date> {
    let c = char_at(text, pos)?;
    if digit(c).is_some() {
        arabic(text, pos)
    } else {
        chinese(text, pos)
    }
}

/// The dates with a year (not ranges) in `s`, in order, each read from the first digit of a run:
/// `——2026年1月26日在…` gives 2026-01-26.
pub fn all(s: &str) -> impl Iterator<Item = Date> + '_ {
    let mut prev_digit = false;
    s.char_indices().filter_map(move |(i, c)| {
        let is_digit = written_digit(c).is_some();
        let run_start = is_digit && !prev_digit;
        prev_digit = is_digit;
        run_start
            .then(|| date_at(s, i))
            .flatten()
            .filter(Date::is_dated)
    })
}

/// `s` is a date with a year and a month and nothing else (blanks aside): `2024年3月1日`,
/// `二〇二四年三月`.
pub fn is_date_only(s: &str) -> bool {
    let t = s.trim_matches(text::is_blank);
    date_at(t, 0).is_some_and(|d| d.is_dated() && d.month.is_some() && d.end == t.len())
}

/// A month or day number: one or two Arabic digits, or a Chinese numeral below 100.
fn small_number(text: &str, pos: usize) -> Option<(usize, u32)> {
    digit_run(text, pos, 2)
        .map(|r| (r.end, r.value))
        .or_else(|| small_chinese(text, pos))
}

/// A month (and day) at `pos`: `3月`, `3月1日`, `三月一日`, `3月1号`. Returns (end, month, day);
/// without `with_year`, a month alone is no date.
/// Blanks may stand on either side of `月` and `日`, as PDF text has them (`2024 年 3 月 1 日`).
fn month_day(text: &str, pos: usize, with_year: bool) -> Option<(usize, u32, Option<u32>)> {
    let (p, m) =
        small_number(text, skip_blanks(text, pos)).filter(|&(_, m)| (1..=12).contains(&m))?;
    let after_month = lit(text, skip_blanks(text, p), '月')?;
    let day = small_number(text, skip_blanks(text, after_month));
    if let Some((q, d)) = day.filter(|&(_, d)| (1..=31).contains(&d)) {
        let q = skip_blanks(text, q);
        if let Some(end) = lit(text, q, '日').or_else(|| lit(text, q, '号')) {
            return Some((end, m, Some(d)));
        }
    }
    with_year.then_some((after_month, m, None))
}

/// What follows `年` after the year `year` written from `start`: `度`, a month, a day.
fn after_year(text: &str, start: usize, after: usize, year: u32) -> Date {
    let mut date = Date {
        start,
        end: after,
        year: Some(year),
        month: None,
        day: None,
        until: None,
        fiscal: false,
    };
    if let Some(end) = lit(text, after, '度') {
        date.end = end;
        date.fiscal = true;
    } else if let Some((end, m, d)) = month_day(text, after, true) {
        date.end = end;
        date.month = Some(m);
        date.day = d;
    }
    date
}

/// `9月23日`, `九月二十三日`: a day without a year, not after `年` (the year was not read),
/// `个` or `第`.
fn yearless(text: &str, start: usize) -> Option<Date> {
    if prev_char(text, start).is_some_and(|p| matches!(p, '年' | '个' | '第')) {
        return None;
    }
    let (end, m, d) = month_day(text, start, false)?;
    Some(Date {
        start,
        end,
        year: None,
        month: Some(m),
        day: d,
        until: None,
        fiscal: false,
    })
}

/// Whether the Arabic digits at `start` surely start no date, read on the bytes: ASCII digits
/// followed by the text's end, by an ASCII character that is not a blank (nor, after four
/// digits, a separator `-/.~`), or by an ideograph (lead byte E4..E9) other than 年, 月 and 至.
/// [`arabic`] finds nothing there (no `年`, `月` or separator after the run), and most digit
/// runs of a report are counts like these (`3个`, `12.5%`): [`digit_run`] and the month
/// reading of [`yearless`] decode them char by char, ~500 instructions a run.
fn no_date_after(b: &[u8], start: usize) -> bool {
    let k = b[start..].iter().take_while(|x| x.is_ascii_digit()).count();
    let rest = &b[start + k..];
    // The text's end reads as a letter.
    let x = rest.first().map_or(b'a', |&x| x);
    if x < 0x80 {
        let blank = matches!(x, b' ' | b'\t' | 0x0B | 0x0C);
        return k > 0 && !blank && !(k == 4 && matches!(x, b'-' | b'/' | b'.' | b'~'));
    }
    // 年 E5 B9 B4, 月 E6 9C 88, 至 E8 87 B3.
    let go_on = matches!(
        rest.get(1..3),
        Some([0xB9, 0xB4] | [0x9C, 0x88] | [0x87, 0xB3])
    );
    k > 0 && text::is_ideograph_lead(x) && !go_on
}

fn arabic(text: &str, start: usize) -> Option<Date> {
    let DigitRun {
        end: p,
        value: v,
        count: n,
    } = digit_run(text, start, 4)?;
    if n <= 2 {
        return yearless(text, start);
    }
    if n != 4 || !YEARS.contains(&v) {
        return None;
    }
    // `2024 年`: blanks before 年 as PDF text has them.
    if let Some(after) = lit(text, skip_blanks(text, p), '年') {
        return Some(after_year(text, start, after, v));
    }
    let c = char_at(text, p)?;
    let sep = fold(c);
    if !matches!(sep, '-' | '/' | '.' | '—' | '–' | '~' | '～' | '至') {
        return None;
    }
    let mut q = p + c.len_utf8();
    // —— written as two dashes
    if sep == '—' {
        if let Some(e) = lit(text, q, '—') {
            q = e;
        }
    }
    let date = |end, month, day, until| Date {
        start,
        end,
        year: Some(v),
        month,
        day,
        until,
        fiscal: false,
    };
    let DigitRun {
        end: r,
        value: w,
        count: k,
    } = digit_run(text, q, 4)?;
    if k == 4 && w > v && w - v < 100 && matches!(sep, '-' | '—' | '–' | '~' | '～' | '至') {
        let end = lit(text, r, '年').unwrap_or(r);
        return Some(date(end, None, None, Some(w)));
    }
    if k <= 2 && (1..=12).contains(&w) && matches!(sep, '-' | '/' | '.') {
        if let Some(s2) = char_at(text, r).filter(|&s2| fold(s2) == sep) {
            if let Some(d) = digit_run(text, r + s2.len_utf8(), 2) {
                if (1..=31).contains(&d.value) {
                    return Some(date(d.end, Some(w), Some(d.value), None));
                }
            }
        }
        if sep != '.' && char_at(text, r).and_then(digit).is_none() {
            return Some(date(r, Some(w), None, None));
        }
    }
    None
}

fn chinese(text: &str, start: usize) -> Option<Date> {
    // Most Chinese numerals (一是, 进一步) are no date: a date has 年 or 月 within six characters.
    let window = &text.as_bytes()[start..text.len().min(start + 18)];
    if !window
        .windows(3)
        .any(|w| w == "年".as_bytes() || w == "月".as_bytes())
    {
        return None;
    }
    // 二〇二六年: four digits written one by one.
    match chinese_digit_run(text, start, 4) {
        Some(run) if run.count == 4 => {
            if !YEARS.contains(&run.value) {
                return None;
            }
            let after = lit(text, run.end, '年')?;
            Some(after_year(text, start, after, run.value))
        }
        _ => yearless(text, start),
    }
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
    fn circle_zero_signature_is_a_date() {
        // `○` (U+25CB) typed for `〇`: the signature and the date list read the same date.
        let t = "我县将持续推进法治政府建设。\n某县人民政府\n二○二四年三月一日";
        assert_eq!(dates(t), [("二○二四年三月一日", "2024-03-01".to_string())]);
        let x = crate::extract(t);
        assert_eq!(x.dates[0].iso, "2024-03-01");
        let sig = x.signature.expect("signature");
        assert_eq!(sig.date.as_deref(), Some("2024-03-01"));
        assert_eq!(sig.date_span, Some(x.dates[0].span));
    }

    #[test]
    fn months_and_days_in_either_script() {
        assert_eq!(one("2024年三月一日召开").1, "2024-03-01");
        assert_eq!(one("二〇二四年3月5日发布").1, "2024-03-05");
        assert_eq!(one("于九月二十三号举行").1, "--09-23");
        // A Chinese year outside YEARS is a duration, as an Arabic one is.
        assert!(dates("已有一〇〇〇年历史").is_empty());
        assert_eq!(one("一八四〇年鸦片战争以来").1, "1840");
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
    fn digits_read_on_bytes_start_no_date_only_where_none_is() {
        // The byte test before `arabic` against `arabic` itself, on random strings of digits,
        // blanks, separators, 年/月/至, other ideographs, zero-width and full-width characters.
        let alphabet = [
            "1", "2", "0", "9", "2024", "12", "1999", "年", "月", "年", "月", "月", "至", "日",
            "号", "度", "个", "-", "/", ".", "~", "—", "～", "－", " ", "\t", "\u{3000}",
            "\u{200b}", "\u{feff}", "２", "%", "a", "、", "\u{4e00}", "\u{9fff}", "\u{3400}", "é",
        ];
        let mut rng = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        let (mut fast, mut dated) = (0, 0);
        for _ in 0..150_000 {
            let t = crate::testing::random_text(&mut rng, &alphabet, 10);
            for (i, c) in t.char_indices().filter(|&(_, c)| c.is_ascii_digit()) {
                let read = arabic(&t, i);
                dated += usize::from(read.is_some());
                if no_date_after(t.as_bytes(), i) {
                    fast += 1;
                    assert_eq!(read, None, "{t:?} at {i} ({c})");
                }
            }
        }
        assert!(fast > 100_000 && dated > 1_500, "{fast} {dated}");
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
