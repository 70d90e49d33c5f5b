//! Small text helpers shared by the recognizers: full-width folding and line iteration.
//!
//! Reports arrive with ASCII punctuation (`,()%`), full-width punctuation (`，（）％`) and
//! full-width digits (`１２．５`). Recognizers never rewrite the text (spans must point into
//! what the user pasted); they compare characters through [`fold`] instead.

/// Folds a full-width ASCII variant (U+FF01..=U+FF5E) to its ASCII form and the ideographic
/// space U+3000 to a space; every other character is returned unchanged.
///
/// ```
/// assert_eq!(zhibiao::text::fold('１'), '1');
/// assert_eq!(zhibiao::text::fold('％'), '%');
/// assert_eq!(zhibiao::text::fold('（'), '(');
/// assert_eq!(zhibiao::text::fold('年'), '年');
/// ```
#[inline]
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// An ASCII or full-width decimal digit's value.
#[inline]
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Horizontal white space as it appears in pasted reports: space, tab, U+3000, NBSP and the
/// U+2000..U+200B typographic spaces.
#[inline]
pub fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200B}' | '\u{FEFF}'
    )
}

/// Flag of a [`lead_table`] entry: the byte can begin a candidate.
pub const INTERESTING: u8 = 0x10;

/// A per-byte table for the scanners' tight loops: the low four bits give the length of the UTF-8
/// sequence a byte begins (1 for ASCII and continuation bytes, so a scan always advances), and
/// [`INTERESTING`] marks the ASCII digits and the given lead bytes.
pub const fn lead_table(leads: &[u8]) -> [u8; 256] {
    let mut t = [1u8; 256];
    let mut b = 0xC0;
    while b < 0x100 {
        t[b] = if b >= 0xF0 {
            4
        } else if b >= 0xE0 {
            3
        } else {
            2
        };
        b += 1;
    }
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] |= INTERESTING;
        d += 1;
    }
    let mut k = 0;
    while k < leads.len() {
        t[leads[k] as usize] |= INTERESTING;
        k += 1;
    }
    t
}

/// One line of the text: its 1-based number and the byte range of its content, without the
/// line terminator (`\n`, `\r\n` or a lone `\r`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub start: usize,
    pub end: usize,
}

impl Line {
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// Iterates over the lines of `text`. `\r\n`, `\n` and a lone `\r` each end a line, so Windows
/// and old Mac line endings give the same line numbers as Unix ones. An empty text has no lines;
/// a trailing terminator does not start an extra empty line.
pub fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut number = 0usize;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        // memchr2 compares a word or a vector at a time: line splitting is a pass every
        // recognizer makes.
        let mut i = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |k| pos + k);
        let end = i;
        if i < bytes.len() {
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        pos = i;
        number += 1;
        Some(Line { number, start, end })
    })
}

/// A set of characters as a 4096-bit hash filter: `contains` may answer yes for a character that
/// was not inserted, never no for one that was. Lexicon lookups use it to skip most characters
/// of running text in a few instructions.
#[derive(Clone, Debug)]
pub struct CharSet([u64; 64]);

impl CharSet {
    pub fn new(chars: impl IntoIterator<Item = char>) -> Self {
        let mut bits = [0u64; 64];
        for c in chars {
            let h = Self::hash(c);
            bits[h >> 6] |= 1 << (h & 63);
        }
        CharSet(bits)
    }

    #[inline]
    fn hash(c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let h = Self::hash(c);
        self.0[h >> 6] & (1 << (h & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let t = "一、a\r\n(一)b\rc\n\nd";
        let v: Vec<_> = lines(t).map(|l| (l.number, l.of(t))).collect();
        assert_eq!(
            v,
            vec![(1, "一、a"), (2, "(一)b"), (3, "c"), (4, ""), (5, "d")]
        );
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("x\n").count(), 1);
    }

    #[test]
    fn char_set_has_no_false_negatives() {
        let set = CharSet::new("项件个人次%‰元".chars());
        assert!("项件个人次%‰元".chars().all(|c| set.contains(c)));
        let misses = "的了在是我有和就不都而及与着或一个上也很到说要去你会"
            .chars()
            .filter(|&c| set.contains(c))
            .count();
        assert!(misses <= 2, "{misses}");
    }

    #[test]
    fn lead_table_lengths_and_flags() {
        let t = lead_table(&[0xE5]);
        for c in ['a', '7', 'é', '年', '１', '😀'] {
            let mut buf = [0u8; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert_eq!(
                usize::from(t[usize::from(first)] & 0x0F),
                c.len_utf8(),
                "{c}"
            );
        }
        assert_ne!(t[usize::from(b'7')] & INTERESTING, 0);
        assert_ne!(t[0xE5] & INTERESTING, 0, "年 starts with E5");
        assert_eq!(t[usize::from(b'a')] & INTERESTING, 0);
        assert_eq!(t[0xEF] & INTERESTING, 0);
        assert_eq!(t[0x80], 1, "a continuation byte still advances");
    }

    #[test]
    fn folding() {
        assert_eq!("１２．５％".chars().map(fold).collect::<String>(), "12.5%");
        assert_eq!(digit('７'), Some(7));
        assert!(is_blank('\u{3000}'));
    }
}
