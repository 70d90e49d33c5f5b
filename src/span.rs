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
/// with an ASCII fast path; lookups are binary searches.
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
            let chunk = &bytes[pos..target];
            if chunk.is_ascii() {
                acc += chunk.len();
            } else {
                acc += utf16_len(&text[pos..target]);
            }
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
    s.chars().map(char::len_utf16).sum()
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
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert!(s.contains(Span::new(3, 5)));
        assert_eq!(s.len(), 3);
        assert_eq!(Span::new(0, 3).of("abcdef"), "abc");
    }
}
