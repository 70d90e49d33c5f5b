//! Byte spans into the input text, and their conversion to UTF-16 offsets for JavaScript.
//!
//! Every recognizer works on `&str` and reports [`Span`]s in bytes, half-open and on char
//! boundaries, so `&text[span.range()]` never panics. The output layer converts them once,
//! in one forward pass, to UTF-16 code units ([`Utf16Map`]) so that JavaScript's
//! `text.slice(start, end)` returns the same text, also after emoji and CJK Extension B.

use std::ops::Range;

/// A half-open byte range `[start, end)` on char boundaries of the text it was found in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// Converts byte offsets of one text into UTF-16 code unit offsets.
///
/// Build it from every offset the output needs ([`Utf16Map::new`] sorts and deduplicates them),
/// then look each one up. The build is a single pass over the text up to the largest offset,
/// counting eight bytes at a time ([`utf16_len`]); lookups are binary searches.
#[derive(Debug)]
pub struct Utf16Map {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16Map {
    pub fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut units = Vec::with_capacity(offsets.len());
        let bytes = text.as_bytes();
        let (mut pos, mut acc) = (0usize, 0usize);
        for &target in &offsets {
            let target = target.min(bytes.len());
            // Offsets come from spans on char boundaries; count code units between pos and target.
            acc += utf16_units(&bytes[pos..target]);
            pos = target;
            units.push(acc);
        }
        Utf16Map {
            bytes: offsets,
            units,
        }
    }

    /// The UTF-16 offset of a byte offset that was passed to [`Utf16Map::new`].
    ///
    /// An offset that was not registered falls back to the nearest registered one below it,
    /// which can only happen through a programming error; it never panics.
    pub fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(0) => 0,
            Err(i) => self.units[i - 1],
        }
    }
}

/// Number of UTF-16 code units needed for `s`.
pub fn utf16_len(s: &str) -> usize {
    utf16_units(s.as_bytes())
}

/// UTF-16 code units of the UTF-8 bytes `b`, counted on the bytes eight at a time: every byte
/// that is not a continuation byte (`10xxxxxx`) starts a char, which is one unit, and every lead
/// of a 4-byte sequence (`11110xxx`, a char outside the BMP) adds a second one. This pass over
/// the text is most of the cost of [`Utf16Map::new`]; decoding chars was three times slower.
fn utf16_units(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut n = 0usize;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        // Bit 7 of each byte of `x << k` is bit 7 - k of the same byte.
        let continuation = x & !(x << 1) & HIGH;
        let four_byte_lead = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        n += 8 - bytes_set(continuation) + bytes_set(four_byte_lead);
    }
    for &c in chunks.remainder() {
        n += usize::from(c & 0xC0 != 0x80) + usize::from(c >= 0xF0);
    }
    n
}

/// How many bytes of `x` have bit 7 set, when no other bit is: the multiplication sums the bytes
/// into the top one (at most 8, so nothing carries). Cheaper than `count_ones` where the CPU has
/// no popcount instruction (x86-64's baseline).
const fn bytes_set(x: u64) -> usize {
    ((x >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_after_astral_characters() {
        let text = "a😀𠀀2024年98.7%";
        let start = text.find("98").unwrap();
        let end = text.len();
        let map = Utf16Map::new(text, vec![end, start, 0]);
        // 'a' (1) + emoji (2) + Ext-B (2) + "2024年" (5) = 10
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(start), 10);
        assert_eq!(map.get(end), 15);
        let js: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[10..15]).unwrap(), "98.7%");
    }

    #[test]
    fn utf16_len_counts_every_width_at_every_alignment() {
        // 1-, 2-, 3- and 4-byte chars (ASCII, Latin, CJK, emoji and Ext-B), then every suffix,
        // so that each kind of byte lands at every position of an 8-byte word and in the tail.
        let s = "a1é（２０２４年）98.7%😀𠀀\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}z";
        for (i, _) in s.char_indices() {
            let t = &s[i..];
            assert_eq!(utf16_len(t), t.encode_utf16().count(), "suffix at byte {i}");
        }
        assert_eq!(utf16_len(""), 0);
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert!(s.contains(Span::new(3, 5)));
        assert_eq!(s.len(), 3);
        assert_eq!(Span::new(0, 3).of("abcdef"), "abc");
    }
}
