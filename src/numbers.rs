//! Numbers as reports write them: Arabic and Chinese numerals with their multipliers.
//!
//! [`parse`] reads one number at a byte position and returns its end and value:
//!
//! - Arabic digits, ASCII or full-width (`１２３．５`), with a decimal point (`.` `．`) and thousands
//!   separators (`1,234`, `1，234`: a separator must be followed by exactly three digits);
//! - Chinese numerals: `三`, `十二`, `二百零五`, `两万`, `三千五百万`;
//! - multipliers after either: `4.6万` → 46000, `2.5万亿` → 2.5e12, mixed `3万4000` → 34000; `千`
//!   only when it does not start a unit (`3.2亿千瓦` is 3.2亿 + `千瓦`);
//! - `余`/`多` in every position: `30余万`, `12.3万余`, `1560余万`, `十余` (reported in
//!   [`Number::approx`]).
//!
//! ```
//! let n = zhibiao::numbers::parse("共计30余万人次", "共计".len()).unwrap();
//! assert_eq!(n.value, Some(300000.0));
//! assert_eq!(n.approx, Some("余"));
//! assert_eq!(zhibiao::numbers::parse("二百零五项", 0).unwrap().value, Some(205.0));
//! ```
//!
//! A number never starts with `百`/`千`/`万`/`亿` or `〇`/`零` (`千家万户`, `零件`), and a Chinese
//! numeral stops where the grammar breaks (`十四五` reads `十四`, and the caller sees the `五` that
//! follows). Digit runs longer than 15 significant digits have `value: None`. This module knows
//! nothing about units, dates or context: see [`crate::indicators`].

use crate::text::{digit, glyph_at, is_blank, skip_zero_width};
use crate::units;

/// One number read from the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub start: usize,
    /// Just past the last digit, multiplier or `余`/`多`.
    pub end: usize,
    /// Multiplied out; `None` when the digits cannot be represented faithfully.
    pub value: Option<f64>,
    /// `余` or `多` written inside the number.
    pub approx: Option<&'static str>,
    /// Written with Chinese numerals.
    pub chinese: bool,
    /// Arabic digits before the decimal point (0 for Chinese numerals).
    pub int_digits: usize,
    /// Whether a decimal point was read.
    pub point: bool,
    /// Whether a multiplier (`万`, `亿`, `千`) was read.
    pub multiplier: bool,
    /// The product of the multipliers read (1 when none): a range `3—5万元` applies the high
    /// end's factor to the low end.
    pub factor: f64,
}

/// The char at `pos`, if any.
#[inline]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The Chinese digits from 〇 to 九, in order: [`chinese_name`] writes numbers with them.
pub const CHINESE_DIGITS: &str = "〇一二三四五六七八九";

/// Value of a Chinese numeral digit: `〇` (and `○` U+25CB, `零`, full-width `Ｏ`, as typed for
/// it), `一`…`九`, and `两` (2, as counts are written: `两万`).
#[inline]
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A digit as years are written, one digit at a time: ASCII or full-width (`2024`, `２０２４`), or
/// a Chinese digit other than `两` (`二〇二四`, `二○二四`, `二零二四`).
#[inline]
pub fn written_digit(c: char) -> Option<u32> {
    digit(c).or_else(|| chinese_digit(c).filter(|_| c != '两'))
}

/// Whether `c` can start a Chinese number (`一`…`九`, `两`, `十`).
#[inline]
pub fn starts_chinese(c: char) -> bool {
    c == '十' || (chinese_digit(c).is_some_and(|d| d > 0))
}

/// Whether `c` is any Chinese numeral character.
#[inline]
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// A run of digits read by [`digit_run`] or [`chinese_digit_run`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DigitRun {
    /// Just past the last digit.
    pub end: usize,
    /// The digits read as one decimal number (`０３` → 3).
    pub value: u32,
    /// How many digits.
    pub count: usize,
}

/// The Arabic digits (ASCII or full-width) at `pos`, when there are 1 to `max` of them (`max` at
/// most 9). A longer run gives `None`: `12345` holds no four-digit year, `123` no month.
pub fn digit_run(text: &str, pos: usize, max: usize) -> Option<DigitRun> {
    run(text, pos, max, digit)
}

/// The Chinese digits written one by one at `pos` (`二〇二四`, `二○二四`, `二零二四`; not `两`),
/// when there are 1 to `max` of them, as [`digit_run`].
pub fn chinese_digit_run(text: &str, pos: usize, max: usize) -> Option<DigitRun> {
    run(text, pos, max, |c| chinese_digit(c).filter(|_| c != '两'))
}

/// Zero-width characters between the digits are read through (`20\u{200b}24年`).
#[inline]
fn run(
    text: &str,
    pos: usize,
    max: usize,
    digit: impl Fn(char) -> Option<u32>,
) -> Option<DigitRun> {
    let (mut end, mut value, mut count) = (pos, 0u32, 0usize);
    let first = text.get(pos..)?.chars().next()?;
    digit(first)?;
    while let Some((c, next)) = glyph_at(text, end) {
        let Some(d) = digit(c) else { break };
        if count == max {
            return None;
        }
        value = value * 10 + d;
        count += 1;
        end = next;
    }
    (count > 0).then_some(DigitRun { end, value, count })
}

/// A Chinese numeral below 100 at `pos`, as ordinals, outline markers, months and days are
/// written (`三`, `十二`, `二十七`, `九十九`; never `两` or `〇`): its end and value. It is the
/// grammar of [`parse`] with `十` as the only unit, so `十二万` reads `十二` and `十二十` reads
/// `十二`.
///
/// ```
/// assert_eq!(zhibiao::numbers::small_chinese("二十七日", 0), Some(("二十七".len(), 27)));
/// assert_eq!(zhibiao::numbers::small_chinese("两年", 0), None);
/// ```
pub fn small_chinese(text: &str, pos: usize) -> Option<(usize, u32)> {
    let (end, value, _) = chinese_integer(text, pos, SMALL)?;
    Some((end, value as u32))
}

/// The Chinese numeral of `n` as [`small_chinese`] reads it (`12` → `十二`), for 1 to 99.
pub fn chinese_name(n: u32) -> String {
    let d = |k: u32| CHINESE_DIGITS.chars().nth(k as usize % 10).unwrap_or('〇');
    let (tens, units) = (n / 10, n % 10);
    let mut out = String::new();
    if tens > 1 {
        out.push(d(tens.min(9)));
    }
    if tens > 0 {
        out.push('十');
    }
    if units > 0 {
        out.push(d(units));
    }
    out
}

/// Reads digits at `pos`, through zero-width characters between them (`23\u{200b}8`): returns
/// (end, mantissa, digit count without leading zeros, all digits). The end is just past the
/// last digit.
fn digits(text: &str, mut pos: usize, mut m: u64, mut sig: usize) -> (usize, u64, usize, usize) {
    let mut n = 0;
    while let Some((c, next)) = glyph_at(text, pos) {
        let Some(d) = digit(c) else { break };
        if sig > 0 || d > 0 {
            sig += 1;
        }
        if sig <= 18 {
            m = m * 10 + u64::from(d);
        }
        n += 1;
        pos = next;
    }
    (pos, m, sig, n)
}

/// Number of digits at `pos` as [`digits`] reads them, counting no further than `limit`.
fn count_digits(text: &str, mut pos: usize, limit: usize) -> usize {
    let mut n = 0;
    while n < limit {
        match glyph_at(text, pos) {
            Some((c, next)) if digit(c).is_some() => {
                n += 1;
                pos = next;
            }
            _ => break,
        }
    }
    n
}

/// The most blanks read between a number and its multiplier or `余`/`多` (`537.97 万元`).
const MAX_BLANKS: usize = 3;

/// The offset past the blanks at `pos` (spaces, U+3000, NBSP, thin spaces and zero-width
/// characters: [`is_blank`]), at most [`MAX_BLANKS`] of them; `pos` itself when there are more
/// (a gap that wide separates, it does not join).
pub fn skip_blanks(text: &str, pos: usize) -> usize {
    let mut p = pos;
    for (k, c) in text.get(pos..).unwrap_or("").chars().enumerate() {
        if !is_blank(c) {
            return p;
        }
        if k == MAX_BLANKS {
            return pos;
        }
        p += c.len_utf8();
    }
    p
}

/// A thousands separator: `,` `，`, and the thin spaces typeset between digit groups
/// (`1\u{2009}234`, U+2009 and the narrow no-break space U+202F).
#[inline]
fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '\u{2009}' | '\u{202F}')
}

/// Whether the digit groups after the first (`start..pos`) are separated by single ASCII spaces,
/// as PDFs give the thin spaces typeset between them (`3 000件`, `1 234 567元`): only when every
/// group after the first has three digits, the last is followed by a multiplier, `余`/`多`, a per
/// cent sign or a unit (a figure, not a list of numbers), and no digit or space-separated number
/// stands just before. Without it `3 000件` gave a figure `000件` of value 0.
#[inline(never)] // (rare: kept out of `parse`, which every digit run goes through)
fn spaced_groups(text: &str, start: usize, pos: usize) -> bool {
    // (Bytes: PDFs give ASCII digits and spaces here, and the test stays small in the wasm.)
    let b = text.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if start > 0 && matches!(b[start - 1], b'0'..=b'9' | b'.' | b',')
        || start > 1 && b[start - 1] == b' ' && digit_at(start - 2)
    {
        return false;
    }
    let mut p = pos;
    while b.get(p) == Some(&b' ') && digit_at(p + 1) {
        if !(digit_at(p + 2) && digit_at(p + 3)) || digit_at(p + 4) {
            return false;
        }
        p += 4;
    }
    if p == pos {
        return false;
    }
    // A decimal part may follow the last group (`1 234.5万元`).
    if b.get(p) == Some(&b'.') && digit_at(p + 1) {
        p += 1;
        while digit_at(p) {
            p += 1;
        }
    }
    quantity_follows(text, p, true)
}

/// A middle dot that a PDF left where the decimal point was (`1·8%`): `·` (U+00B7) or `・`
/// (U+30FB).
#[inline]
fn is_middle_dot(c: char) -> bool {
    matches!(c, '·' | '・')
}

/// Whether the middle dot after the integer digits of the number at `start` is its decimal
/// point, the fraction ending at `frac_end`: only where nothing else reads it, so an integer of
/// one to three digits outside quotes (`“7·20”`, `5·12汶川地震` name events) and followed by a
/// per cent sign, `万`/`亿` or a unit (`1·8%`, `3·5万元`).
fn middle_dot_is_point(text: &str, start: usize, int_digits: usize, frac_end: usize) -> bool {
    if int_digits > 3 {
        return false;
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(|b| matches!(b, '“' | '"' | '「' | '‘' | '\'') || is_middle_dot(b)) {
        return false;
    }
    quantity_follows(text, frac_end, false)
}

/// Whether a multiplier (`万`, `亿`; with `more` also `千`, `余`, `多`, a per cent sign) or a
/// unit follows the number ending at `end`, after blanks.
#[inline(never)] // (one copy of the unit lookup for the rare readings that need it)
fn quantity_follows(text: &str, end: usize, more: bool) -> bool {
    let p = skip_blanks(text, end);
    match char_at(text, p) {
        Some('万' | '亿') => true,
        Some('千' | '余' | '多' | '%' | '％' | '‰') if more => true,
        Some(_) => units::match_at(text, p, false).is_some(),
        None => false,
    }
}

/// Reads the number starting at byte `start`, or `None` when no number starts there.
pub fn parse(text: &str, start: usize) -> Option<Number> {
    let c = char_at(text, start)?;
    if digit(c).is_some() {
        parse_arabic(text, start)
    } else if starts_chinese(c) {
        parse_chinese(text, start)
    } else {
        None
    }
}

fn parse_arabic(text: &str, start: usize) -> Option<Number> {
    let (mut pos, mut m, mut sig, n) = digits(text, start, 0, 0);
    let mut int_digits = n;
    // Thousands separators: 1,234 / 1，234 — only after a first group of 1–3 digits.
    if n <= 3 {
        let spaced = text.as_bytes().get(pos) == Some(&b' ') && spaced_groups(text, start, pos);
        while let Some((c, after)) = glyph_at(text, pos) {
            let separates = is_group_separator(c) || spaced && c == ' ';
            if !separates || count_digits(text, after, 4) != 3 {
                break;
            }
            let (p, m2, s2, _) = digits(text, after, m, sig);
            pos = p;
            m = m2;
            sig = s2;
            int_digits += 3;
        }
    }
    let mut scale = 0i32;
    let mut point = false;
    if let Some((c, after)) = glyph_at(text, pos) {
        let dot = matches!(c, '.' | '．') || is_middle_dot(c) && int_digits == n;
        if dot && count_digits(text, after, 1) > 0 {
            let (p, m2, s2, k) = digits(text, after, m, sig);
            if !is_middle_dot(c) || middle_dot_is_point(text, start, n, p) {
                scale = k as i32;
                pos = p;
                m = m2;
                sig = s2;
                point = true;
            }
        }
    }
    let huge = sig > 15;
    let base = if huge {
        None
    } else {
        Some(m as f64 / 10f64.powi(scale))
    };
    let mut num = Number {
        start,
        end: pos,
        value: base,
        approx: None,
        chinese: false,
        int_digits,
        point,
        multiplier: false,
        factor: 1.0,
    };
    multipliers(text, &mut num, !point);
    Some(num)
}

/// Reads `余`/`多` and the multipliers `万`, `亿`, `千` after a number, and a mixed tail
/// (`3万4000`) when `mixed` allows it. Blanks may stand before each after Arabic digits, as
/// pasted text has them (`537.97 万元`, `15.7 万余件`, `10 余次`), and zero-width characters
/// after any number.
fn multipliers(text: &str, num: &mut Number, mixed: bool) {
    let mut pos = num.end;
    let mut factor = 1f64;
    let mut tail = 0f64;
    loop {
        let at = if num.chinese {
            skip_zero_width(text, pos)
        } else {
            skip_blanks(text, pos)
        };
        let Some(c) = char_at(text, at) else { break };
        match c {
            '余' | '多' if num.approx.is_none() => {
                num.approx = Some(if c == '余' { "余" } else { "多" })
            }
            '万' => factor *= 1e4,
            '亿' => factor *= 1e8,
            // 千公顷 is a thousand 公顷; 千瓦 a unit of its own.
            '千' if !num.chinese && !units::starts_unit(text, at) => factor *= 1e3,
            _ => break,
        }
        if matches!(c, '万' | '亿' | '千') {
            num.multiplier = true;
        }
        pos = at + c.len_utf8();
        // 3万4000: an Arabic integer right after a big multiplier adds to the number.
        if mixed && matches!(c, '万' | '亿') && num.approx.is_none() {
            let (max_digits, unit) = if c == '万' { (4, 1e4) } else { (8, 1e8) };
            let k = count_digits(text, pos, max_digits + 1);
            if (1..=max_digits).contains(&k) {
                let (p, m, _, _) = digits(text, pos, 0, 0);
                tail += m as f64 * factor / unit;
                pos = p;
            }
        }
    }
    num.factor = factor;
    if pos != num.end {
        // 1亿亿亿…: a product past f64's range has no faithful value.
        num.value = num
            .value
            .map(|v| multiply(v, factor) + tail)
            .filter(|v| v.is_finite());
        num.end = pos;
    }
}

/// `v × factor`, exact for decimals such as 537.97 × 10⁴ (computed from the shortest decimal form).
fn multiply(v: f64, factor: f64) -> f64 {
    let r = v * factor;
    let rounded = r.round();
    if (r - rounded).abs() <= 1e-9 * r.abs().max(1.0) {
        rounded
    } else {
        r
    }
}

/// What a Chinese numeral may contain: the largest unit read, and whether `两` is a digit.
#[derive(Clone, Copy)]
struct Grammar {
    max_unit: u64,
    liang: bool,
}

/// Counts and amounts: every unit up to `亿`, `两万`.
const FULL: Grammar = Grammar {
    max_unit: 100_000_000,
    liang: true,
};

/// Ordinals, markers, months and days: up to `九十九`.
const SMALL: Grammar = Grammar {
    max_unit: 10,
    liang: false,
};

/// The Chinese numeral at `start`: (end, value, whether `万`/`亿` was read). Units fall within
/// a section (`一千二百三十四`; `十二十` stops at `十二`), `万` and `亿` close one; `〇`/`零` fills
/// an empty place after `百` or a larger unit (`一百零五`, `三万零五十`). The value is
/// `u64::MAX` past u64's range.
fn chinese_integer(text: &str, start: usize, g: Grammar) -> Option<(usize, u64, bool)> {
    let mut pos = start;
    let mut total = 0u64;
    let mut section = 0u64;
    let mut pending: Option<u64> = None;
    let mut zero = false;
    // The last 十/百/千 of the current section (0 after 万/亿 or at the start).
    let mut small_unit = 0u64;
    let mut last_good = start;
    let mut value_at_good = 0u64;
    let mut multiplied = false;
    while let Some(c) = char_at(text, pos) {
        if let Some(d) = chinese_digit(c).filter(|_| g.liang || c != '两') {
            if pending.is_some() {
                break; // 十四五, 二〇: two digits in a row end the number
            }
            if d == 0 {
                // 〇 at the start (零件), or after 十 (十〇五), is no place holder.
                if small_unit < 100 && (small_unit != 0 || total == 0) {
                    break;
                }
                zero = true;
            } else {
                pending = Some(u64::from(d));
            }
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                '亿' => 100_000_000,
                _ => break,
            };
            if unit > g.max_unit {
                break;
            }
            if unit < 10_000 {
                if small_unit != 0 && unit >= small_unit {
                    break;
                }
                let d = match pending {
                    Some(d) => d,
                    None if unit == 10 && (pos == start || zero) => 1,
                    None => break,
                };
                if unit == 1000 && units::starts_unit(text, pos) {
                    break;
                }
                section += d * unit;
                small_unit = unit;
            } else {
                let s = section + pending.unwrap_or(0);
                if s == 0 && total == 0 {
                    break;
                }
                multiplied = true;
                if unit == 100_000_000 {
                    total = total.saturating_add(s).saturating_mul(unit);
                } else {
                    total = total.saturating_add(s.saturating_mul(unit));
                }
                section = 0;
                small_unit = 0;
            }
            pending = None;
            zero = false;
        }
        pos += c.len_utf8();
        if pending.is_some() || !zero {
            last_good = pos;
            // Saturating: `八千亿亿亿` overflows u64, and stays at u64::MAX (no value) from then on.
            value_at_good = total
                .saturating_add(section)
                .saturating_add(pending.unwrap_or(0));
        }
    }
    (last_good > start).then_some((last_good, value_at_good, multiplied))
}

/// The Chinese decimal fraction at `pos` (`点七` of `九十八点七`, `点〇五`): its end, the digits
/// after `点` as an integer, and how many there are. `点` needs a digit right after it (`三点`
/// is a time of day or a list of points).
fn chinese_fraction(text: &str, pos: usize) -> Option<(usize, u64, i32)> {
    let (c, mut end) = glyph_at(text, pos)?;
    if c != '点' {
        return None;
    }
    let (mut m, mut k) = (0u64, 0i32);
    while let Some((c, next)) = glyph_at(text, end) {
        let Some(d) = chinese_digit(c).filter(|_| c != '两') else {
            break;
        };
        // Digits past the 15th add nothing an f64 keeps.
        if k < 15 {
            m = m * 10 + u64::from(d);
            k += 1;
        }
        end = next;
    }
    (k > 0).then_some((end, m, k))
}

fn parse_chinese(text: &str, start: usize) -> Option<Number> {
    let (mut end, value, multiplied) = chinese_integer(text, start, FULL)?;
    let mut value = (value != u64::MAX).then_some(value as f64);
    let mut point = false;
    // 百分之九十八点七, 三点五万: a decimal fraction before any 万/亿 (written with 二, never
    // 两: `两点一线` is two points and a line).
    if !multiplied && !text[start..].starts_with('两') {
        if let Some((frac_end, m, k)) = chinese_fraction(text, end) {
            let scale = 10f64.powi(k);
            value = value.map(|v| (v * scale + m as f64) / scale);
            end = frac_end;
            point = true;
        }
    }
    let mut num = Number {
        start,
        end,
        value,
        approx: None,
        chinese: true,
        int_digits: 0,
        point,
        multiplier: multiplied,
        factor: 1.0,
    };
    multipliers(text, &mut num, false);
    Some(num)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (f64, &str, Option<&'static str>) {
        let n = parse(s, 0).unwrap();
        (n.value.unwrap(), &s[..n.end], n.approx)
    }

    #[test]
    fn chinese_numeral_overflow_has_no_value() {
        // 八千亿亿 is 8e19, past u64: reported without a value, never wrapped into nonsense.
        let n = parse("八千亿亿三", 0).unwrap();
        assert_eq!(n.value, None);
        assert_eq!(p("八千亿").0, 8e11);
    }

    #[test]
    fn arabic() {
        assert_eq!(p("238项"), (238.0, "238", None));
        assert_eq!(p("98.7%"), (98.7, "98.7", None));
        assert_eq!(p("99.993%"), (99.993, "99.993", None));
        assert_eq!(p("１２３．５％"), (123.5, "１２３．５", None));
        assert_eq!(p("1,234人"), (1234.0, "1,234", None));
        assert_eq!(p("1，234，567元"), (1234567.0, "1，234，567", None));
        assert_eq!(p("12,34人").1, "12"); // not a thousands group
        assert_eq!(p("3.筑牢").1, "3");
        assert_eq!(p("0条"), (0.0, "0", None));
    }

    #[test]
    fn multipliers_and_approx() {
        assert_eq!(p("4.6万件"), (46000.0, "4.6万", None));
        assert_eq!(p("537.97万元"), (5379700.0, "537.97万", None));
        assert_eq!(p("0.25亿元"), (25_000_000.0, "0.25亿", None));
        assert_eq!(p("2.5万亿元").0, 2.5e12);
        assert_eq!(p("3万4000人"), (34000.0, "3万4000", None));
        assert_eq!(p("30余万人次"), (300000.0, "30余万", Some("余")));
        assert_eq!(p("12.3万余件"), (123000.0, "12.3万余", Some("余")));
        assert_eq!(p("1560余万元"), (15_600_000.0, "1560余万", Some("余")));
        assert_eq!(p("2000多人"), (2000.0, "2000多", Some("多")));
        assert_eq!(p("3.2亿千瓦"), (320_000_000.0, "3.2亿", None));
        assert_eq!(p("5千人"), (5000.0, "5千", None));
    }

    #[test]
    fn chinese() {
        assert_eq!(p("三个"), (3.0, "三", None));
        assert_eq!(p("十二项"), (12.0, "十二", None));
        assert_eq!(p("二百零五项"), (205.0, "二百零五", None));
        assert_eq!(p("两万人"), (20000.0, "两万", None));
        assert_eq!(p("三千五百万元"), (35_000_000.0, "三千五百万", None));
        assert_eq!(p("十余家"), (10.0, "十余", Some("余")));
        assert_eq!(p("二十多个"), (20.0, "二十多", Some("多")));
        assert_eq!(p("一亿三千万"), (130_000_000.0, "一亿三千万", None));
        // Grammar breaks end the number; the caller sees what follows.
        assert_eq!(p("十四五").1, "十四");
        assert_eq!(p("二〇二四年").1, "二");
        assert_eq!(p("八五普法").1, "八");
        assert!(parse("千家万户", 0).is_none());
        assert!(parse("零件", 0).is_none());
        assert!(parse("百姓", 0).is_none());
    }

    #[test]
    fn malformed_chinese_numerals_stop_where_the_grammar_breaks() {
        // Units fall within a section; 〇 fills a place only after 百 or a larger unit.
        assert_eq!(p("十二十项").1, "十二");
        assert_eq!(p("二十二百人").1, "二十二");
        assert_eq!(p("十〇五项").1, "十");
        assert_eq!(p("二百○五项"), (205.0, "二百○五", None));
        assert_eq!(p("三万零五十人"), (30050.0, "三万零五十", None));
    }

    #[test]
    fn small_chinese_reads_what_chinese_name_writes() {
        for n in 1..=99 {
            let s = chinese_name(n);
            assert_eq!(small_chinese(&s, 0), Some((s.len(), n)), "{s}");
        }
        assert_eq!(small_chinese("十二万", 0), Some(("十二".len(), 12)));
        assert_eq!(small_chinese("〇五", 0), None);
        assert_eq!(digit_run("２０２４年", 0, 4).map(|r| r.value), Some(2024));
        assert_eq!(digit_run("20245", 0, 4), None);
        assert_eq!(
            chinese_digit_run("二○二四年", 0, 4).map(|r| r.value),
            Some(2024)
        );
        // The digit table and the names agree.
        for (d, c) in CHINESE_DIGITS.chars().enumerate() {
            assert_eq!(chinese_digit(c), Some(d as u32));
        }
    }

    #[test]
    fn one_numeral_grammar_for_markers_lists_dates_and_counts() {
        // `二十七` read the same way as an outline marker, a day and a count.
        let t = "二十七、开展法治宣传\n二〇二四年三月二十七日举办讲座二十七场。";
        let h = crate::outline::find(t);
        assert_eq!((h[0].number, h[0].marker.as_str()), (27, "二十七、"));
        let d = crate::dates::find(t, &[]);
        assert_eq!(d[0].iso, "2024-03-27");
        let at = t.find("二十七场").unwrap();
        assert_eq!(parse(t, at).unwrap().value, Some(27.0));
    }

    #[test]
    fn pasted_text_blanks_and_zero_width_characters() {
        // Zero-width characters inside the digits: in the span, not in the value.
        assert_eq!(p("23\u{200b}8项"), (238.0, "23\u{200b}8", None));
        assert_eq!(p("4.\u{200d}6万件"), (46000.0, "4.\u{200d}6万", None));
        assert_eq!(p("4\u{feff}.6万件").0, 46000.0);
        assert_eq!(
            p("1\u{2060},\u{200c}234人"),
            (1234.0, "1\u{2060},\u{200c}234", None)
        );
        assert_eq!(p("3万\u{200b}4000人").0, 34000.0);
        // Blanks before a multiplier or 余/多 after Arabic digits.
        assert_eq!(p("1244 万人"), (12_440_000.0, "1244 万", None));
        assert_eq!(
            p("537.97\u{3000}万元"),
            (5_379_700.0, "537.97\u{3000}万", None)
        );
        assert_eq!(p("15.7 万余件"), (157_000.0, "15.7 万余", Some("余")));
        assert_eq!(p("10\u{a0}余次"), (10.0, "10\u{a0}余", Some("余")));
        assert_eq!(p("60 余 万元"), (600_000.0, "60 余 万", Some("余")));
        // A gap wider than a pasted one separates; a blank is no part of the number's end.
        assert_eq!(p("10    余次").1, "10");
        assert_eq!(p("12 个").1, "12");
        assert_eq!(p("2\u{200b}\u{200b}\u{200b}\u{200b}\u{200b}3").1, "2");
        // Thin spaces between digit groups; a plain space only where a unit follows the groups
        // and no other number stands before (PDFs turn thin spaces into plain ones).
        assert_eq!(p("12\u{2009}345人").0, 12345.0);
        assert_eq!(p("12 345人"), (12345.0, "12 345", None));
        assert_eq!(p("1 234 567.5万元").0, 12_345_675_000.0);
        assert_eq!(p("3 000 件"), (3000.0, "3 000", None));
        assert_eq!(p("12 345").1, "12");
        assert_eq!(p("12 3456人").1, "12");
        assert_eq!(p("12 3a5人").1, "12");
        assert_eq!(p("12 345 67人").1, "12");
        assert_eq!(parse("5 12 345人", 2).unwrap().end, 4);
    }

    #[test]
    fn middle_dot_as_decimal_point_only_where_unambiguous() {
        assert_eq!(p("1·8%"), (1.8, "1·8", None));
        assert_eq!(p("3・5万元").0, 35000.0);
        // Event names and dates keep their dot.
        assert_eq!(p("4·11森林火灾").1, "4");
        assert_eq!(p("25·7”区域性大洪水").1, "25");
        let t = "“1·8%”";
        assert_eq!(parse(t, "“".len()).unwrap().value, Some(1.0));
        assert_eq!(p("2024·3·15").1, "2024");
    }

    #[test]
    fn chinese_decimals() {
        assert_eq!(p("九十八点七"), (98.7, "九十八点七", None));
        assert_eq!(p("三点五万人"), (35000.0, "三点五万", None));
        assert!(parse("零点五", 0).is_none());
        assert_eq!(p("一点零五倍").0, 1.05);
        // 点 without a digit after it ends the number.
        assert_eq!(p("三点要求").1, "三");
        // A decimal is written with 二, never 两: 两点 are two points.
        assert_eq!(p("两点一线").1, "两");
    }

    #[test]
    fn endless_multipliers_have_no_value() {
        let s = "1".to_string() + &"亿".repeat(50) + "元";
        let n = parse(&s, 0).unwrap();
        assert_eq!(n.value, None);
        assert_eq!(n.end, s.len() - "元".len());
    }

    #[test]
    fn huge_digit_runs_have_no_value() {
        let s = "9".repeat(100_000) + "件";
        let n = parse(&s, 0).unwrap();
        assert_eq!(n.end, 100_000);
        assert_eq!(n.value, None);
        assert_eq!(
            parse("123456789012345件", 0).unwrap().value,
            Some(123456789012345.0)
        );
    }
}
