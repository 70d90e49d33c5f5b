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
/// [`Utf16Map::new`] makes one pass over the text, counting code units 32 bytes at a time
/// (two bit masks a block, `block_bits`), and keeps the running count at every 32nd byte;
/// [`Utf16Map::get`] adds the units of the at most 31 bytes since (the block's bits below it).
/// So there are no offsets to collect, sort or search, and the table is an eighth of the
/// text's size (a quarter on 64-bit targets).
#[derive(Debug)]
pub struct Utf16Map<'a> {
    bytes: &'a [u8],
    /// `blocks[k]`: the UTF-16 units of `bytes[..k * BLOCK]`.
    blocks: Vec<usize>,
    /// The constants of `block_bits`, made once for `new` and every `get`.
    consts: BitsConsts,
}

const BLOCK: usize = 32;

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut acc = 0;
        blocks.push(acc);
        let k = BitsConsts::new();
        for block in bytes.chunks_exact(BLOCK) {
            let Ok(block) = <&[u8; BLOCK]>::try_from(block) else {
                break;
            };
            let (starts, fours) = block_bits(block, &k);
            acc += (starts.count_ones() + fours.count_ones()) as usize;
            blocks.push(acc);
        }
        Utf16Map {
            bytes,
            blocks,
            consts: k,
        }
    }

    /// The UTF-16 offset of a byte offset into the text (the text's length past its end).
    /// Offsets come from spans on char boundaries; one inside a char (a programming error)
    /// counts that char as if it ended there, and never panics.
    pub fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let k = byte / BLOCK;
        let from = k * BLOCK;
        // In a whole block, the bits of its bytes before `byte` counted.
        let units = match self.bytes[from..].first_chunk::<BLOCK>() {
            Some(block) => {
                let (starts, fours) = block_bits(block, &self.consts);
                let before = (1u32 << (byte - from)) - 1;
                ((starts & before).count_ones() + (fours & before).count_ones()) as usize
            }
            None => utf16_units(&self.bytes[from..byte]),
        };
        // k <= len / BLOCK, and `blocks` has len / BLOCK + 1 entries.
        self.blocks[k] + units
    }
}

/// The constant vectors of [`block_bits`], made once before a loop (see there).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[derive(Debug)]
struct BitsConsts([core::arch::wasm32::v128; 2]);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl BitsConsts {
    fn new() -> Self {
        use core::arch::wasm32::i8x16_splat;
        // Through `black_box`, values (locals) and not `v128.const`s, which V8 builds again at
        // each use (about four instructions each) in a loop.
        BitsConsts(core::hint::black_box([i8x16_splat(-65), i8x16_splat(-17)]))
    }
}

/// Two bit masks of a block: bit `i` of the first is set when byte `i` starts a character
/// (it is not a continuation byte `10xxxxxx`), of the second when it leads a character outside
/// the BMP (`11110xxx`), which takes two UTF-16 units. So the units of the first `n` bytes
/// are the bits below `n` of both: [`Utf16Map`]'s counts by `count_ones`, ~20 instructions
/// a block in the web build (the vectorised byte count with its horizontal sum ~50, and its
/// `v128.const`s built again in every block by V8).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn block_bits(block: &[u8; BLOCK], k: &BitsConsts) -> (u32, u32) {
    use core::arch::wasm32::*;
    let [not_continuation, lead4] = k.0;
    let half = |h: &[u8; 16]| {
        let x = u128::from_le_bytes(*h);
        let v = u64x2(x as u64, (x >> 64) as u64);
        // Signed: a byte above -65 (0xBF) is ASCII or a lead; a negative one above -17 (0xEF)
        // is 0xF0..=0xFF.
        let starts = i8x16_bitmask(i8x16_gt(v, not_continuation));
        let fours = i8x16_bitmask(v128_and(v, i8x16_gt(v, lead4)));
        (u32::from(starts), u32::from(fours))
    };
    let (lo, hi) = block.split_at(16);
    let (Ok(lo), Ok(hi)) = (<&[u8; 16]>::try_from(lo), <&[u8; 16]>::try_from(hi)) else {
        return (0, 0);
    };
    let ((s0, f0), (s1, f1)) = (half(lo), half(hi));
    (s0 | s1 << 16, f0 | f1 << 16)
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[derive(Debug)]
struct BitsConsts;

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
impl BitsConsts {
    fn new() -> Self {
        BitsConsts
    }
}

/// [`block_bits`] without simd128.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn block_bits(block: &[u8; BLOCK], _: &BitsConsts) -> (u32, u32) {
    let (mut starts, mut fours) = (0u32, 0u32);
    for (i, &c) in block.iter().enumerate() {
        starts |= u32::from(c as i8 >= -64) << i;
        fours |= u32::from(c >= 0xF0) << i;
    }
    (starts, fours)
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

    /// The bit masks of a block against the eight-byte words, on random bytes (valid UTF-8
    /// or not: both count the same bytes), all-continuation and all-lead blocks, at every end.
    #[test]
    fn block_bits_count_as_utf16_units() {
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
            let (starts, fours) = block_bits(&b, &BitsConsts::new());
            for n in 0..BLOCK {
                let before = (1u32 << n) - 1;
                let units = (starts & before).count_ones() + (fours & before).count_ones();
                assert_eq!(units as usize, utf16_units(&b[..n]), "{b:?} {n}");
            }
            assert_eq!(
                (starts.count_ones() + fours.count_ones()) as usize,
                utf16_units(&b),
                "{b:?}"
            );
        }
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
