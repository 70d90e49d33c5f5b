//! Byte spans into the input text, and their conversion to UTF-16 offsets for JavaScript.
//!
//! Every recognizer works on `&str` and reports [`Span`]s in bytes, half-open and on char
//! boundaries, so `&text[span.range()]` never panics. The output layer converts them, after
//! one forward pass over the text, to UTF-16 code units ([`Utf16Map`]) so that JavaScript's
//! `text.slice(start, end)` returns the same text, also after emoji and CJK Extension B.
//! [`LineIndex`] gives the 1-based line of a byte offset, numbered as the recognizers number
//! lines ([`crate::text::lines`]).

use std::ops::Range;

use crate::text::{lines, Line};

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
/// [`Utf16Map::new`] makes one pass over the text, counting code units eight bytes at a time
/// ([`utf16_len`]), and keeps the running count at every 32nd byte; [`Utf16Map::get`] adds the
/// units of the at most 31 bytes since. So there are no offsets to collect, sort or search, and
/// the table is an eighth of the text's size (a quarter on 64-bit targets).
#[derive(Debug)]
pub struct Utf16Map<'a> {
    bytes: &'a [u8],
    /// `blocks[k]`: the UTF-16 units of `bytes[..k * BLOCK]`.
    blocks: Vec<usize>,
}

const BLOCK: usize = 32;

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut acc = 0;
        blocks.push(acc);
        for block in bytes.chunks_exact(BLOCK) {
            acc += block_units(block);
            blocks.push(acc);
        }
        Utf16Map { bytes, blocks }
    }

    /// The UTF-16 offset of a byte offset into the text (the text's length past its end).
    /// Offsets come from spans on char boundaries; one inside a char (a programming error)
    /// counts that char as if it ended there, and never panics.
    pub fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let k = byte / BLOCK;
        // k <= len / BLOCK, and `blocks` has len / BLOCK + 1 entries.
        self.blocks[k] + utf16_units(&self.bytes[k * BLOCK..byte])
    }
}

/// [`utf16_units`] of one whole block, written as one loop over its 32 bytes with a byte-wide
/// count, which LLVM turns into vector compares (`simd128` in the web build, SSE2 natively)
/// and one horizontal sum: fewer than half the operations of the eight-byte words, and
/// `Utf16Map::new`'s pass over the text was ~1 % of the web `extract` call.
fn block_units(block: &[u8]) -> usize {
    let Ok(block) = <&[u8; BLOCK]>::try_from(block) else {
        return utf16_units(block);
    };
    // At most 2 × 32: a byte holds the count.
    let mut n = 0u8;
    for &c in block {
        // Not a continuation byte (`10xxxxxx`), and a 4-byte lead (`11110xxx`) once more.
        n += u8::from(c as i8 >= -64) + u8::from(c >= 0xF0);
    }
    usize::from(n)
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

/// The lines of one text, to find the line of a byte offset: numbered as [`lines`] numbers
/// them (`\n`, `\r\n` and a lone `\r` each end a line; 1-based), so a line found here is the
/// `line` the recognizers report for a heading, a list item or a warning on it.
#[derive(Debug)]
pub struct LineIndex {
    lines: Vec<Line>,
}

impl LineIndex {
    /// One pass over the text (memchr for the line ends), keeping each line's byte range.
    pub fn new(text: &str) -> Self {
        LineIndex {
            lines: lines(text).collect(),
        }
    }

    /// The line `byte` is on. A line terminator belongs to the line it ends; an offset past the
    /// text's end is on its last line. `None` only for an empty text, which has no lines.
    pub fn at(&self, byte: usize) -> Option<Line> {
        let k = self.lines.partition_point(|l| l.start <= byte);
        k.checked_sub(1).map(|k| self.lines[k])
    }

    /// The 1-based number of the line `byte` is on (1 for an empty text).
    pub fn line(&self, byte: usize) -> usize {
        self.at(byte).map_or(1, |l| l.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vectorised block count against the eight-byte words, on random bytes (valid UTF-8
    /// or not: both count the same bytes) and on all-continuation and all-lead blocks.
    #[test]
    fn block_units_counts_as_utf16_units() {
        let mut next = crate::testing::xorshift(0x2545_F491_4F6C_DD1Du64);
        let mut blocks = vec![[0x80u8; BLOCK], [0xF4; BLOCK], [0; BLOCK], [0xFF; BLOCK]];
        for _ in 0..20_000 {
            let mut b = [0u8; BLOCK];
            for x in &mut b {
                *x = (next() >> 24) as u8;
            }
            blocks.push(b);
        }
        for b in blocks {
            assert_eq!(block_units(&b), utf16_units(&b), "{b:?}");
        }
        assert_eq!(block_units(&[0xF0; 3]), 6);
    }

    #[test]
    fn utf16_offsets_after_astral_characters() {
        let text = "a😀𠀀2024年98.7%";
        let start = text.find("98").unwrap();
        let end = text.len();
        let map = Utf16Map::new(text);
        // 'a' (1) + emoji (2) + Ext-B (2) + "2024年" (5) = 10
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(start), 10);
        assert_eq!(map.get(end), 15);
        let js: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[10..15]).unwrap(), "98.7%");
    }

    #[test]
    fn utf16_map_at_every_char_boundary_across_blocks() {
        let text = "😀一、公布市级行政许可事项238项,办理4.6万件𠀀,合格率达98.7%。\r\n".repeat(5);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.get(i), text[..i].encode_utf16().count(), "byte {i}");
        }
        assert_eq!(map.get(usize::MAX), text.encode_utf16().count());
        assert_eq!(Utf16Map::new("").get(3), 0);
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
    fn line_index_numbers_lines_as_text_lines_does() {
        // Unix, Windows and old Mac line ends, a blank line, no terminator at the end.
        let t = "一、主要举措\n公布238项\r\n\r\n办理4.6万件\r合格率98.7%";
        let index = LineIndex::new(t);
        for line in lines(t) {
            for (i, _) in line.of(t).char_indices() {
                assert_eq!(
                    index.line(line.start + i),
                    line.number,
                    "byte {}",
                    line.start + i
                );
            }
            assert_eq!(index.at(line.start), Some(line));
        }
        let at = |s: &str| index.line(t.find(s).expect(s));
        assert_eq!((at("公布"), at("办理"), at("合格率")), (2, 4, 5));
        // A terminator belongs to the line it ends; past the end is the last line.
        assert_eq!(index.line(t.find("\r\n").expect("CRLF") + 1), 2);
        assert_eq!(index.line(t.len() + 10), 5);
        assert_eq!(LineIndex::new("").line(0), 1);
        assert_eq!(LineIndex::new("").at(0), None);
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
