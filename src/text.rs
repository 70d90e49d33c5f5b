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

/// Whether the short string `s` (a name, a unit) holds `c`: a loop over its characters.
/// `str::contains` of a character that is not ASCII runs a substring search, which builds a
/// searcher per call (always in the web build).
#[inline(never)]
pub fn has_char(s: &str, c: char) -> bool {
    s.chars().any(|x| x == c)
}

/// Whether `hay` starts with the short `word` (`<[u8]>::starts_with`), compared in line.
///
/// [`crate::lexicon::WordIndex`] compares each candidate word of a few characters this way:
/// `starts_with` calls `memcmp` for each (~20 instructions a call natively). Measured
/// (callgrind, `examples/steps` over `corpus/public`, one pass): 146.06 M → 145.08 M
/// instructions; the web build's count is unchanged (188.8 M against 188.7 M per call on 1 MB).
/// The same in the unit, fixed-term and taxonomy comparisons gained nothing (145.11 M).
///
/// ```
/// assert!(zhibiao::text::starts("增长率".as_bytes(), "增长".as_bytes()));
/// assert!(!zhibiao::text::starts("增".as_bytes(), "增长".as_bytes()));
/// ```
#[inline]
pub fn starts(hay: &[u8], word: &[u8]) -> bool {
    hay.get(..word.len()).is_some_and(|h| same(h, word))
}

/// Whether `a` and `b`, of one length, are equal: eight bytes at a time (a 64-bit compare),
/// then a byte loop over the last few.
#[inline]
fn same(mut a: &[u8], mut b: &[u8]) -> bool {
    while let (Some((x, ra)), Some((y, rb))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        if u64::from_le_bytes(*x) != u64::from_le_bytes(*y) {
            return false;
        }
        (a, b) = (ra, rb);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// Whether `hay` ends with the short `word` (`<[u8]>::ends_with`), compared in line: see
/// [`starts`].
///
/// ```
/// assert!(zhibiao::text::ends("增长率".as_bytes(), "长率".as_bytes()));
/// assert!(!zhibiao::text::ends("率".as_bytes(), "长率".as_bytes()));
/// ```
#[inline]
pub fn ends(hay: &[u8], word: &[u8]) -> bool {
    hay.len()
        .checked_sub(word.len())
        .is_some_and(|k| same(&hay[k..], word))
}

/// The byte offset of the first `needle` in `hay` (`str::find` with a `&str`), by [`find_from`].
///
/// The core's searches are for words of a few characters, in a clause or in a whole report.
/// std's `str::find`/`contains` build a Two-Way searcher per call and then step a byte at a
/// time, except `contains` on x86-64 (an SSE2 path for short needles): in the web build they
/// were ~8 % of `extract`, and the searcher's code ~3 KB of the gzipped module.
///
/// ```
/// assert_eq!(zhibiao::text::find("其中,农村12万", "农村"), Some(7));
/// assert_eq!(zhibiao::text::find("其中", "其中,"), None);
/// assert_eq!(zhibiao::text::find("abc", ""), Some(0));
/// ```
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_from(hay.as_bytes(), needle.as_bytes(), 0)
}

/// Whether `hay` holds `needle` (`str::contains` with a `&str`, see [`find`]).
///
/// ```
/// assert!(zhibiao::text::has("其中,农村12万", "其中"));
/// assert!(!zhibiao::text::has("其他", "其中"));
/// ```
pub fn has(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// The byte offset of the last `needle` in the short `hay` (`str::rfind` with a `&str`): a
/// comparison at each offset from the end.
///
/// ```
/// assert_eq!(zhibiao::text::rfind("aaa", "aa"), Some(1));
/// assert_eq!(zhibiao::text::rfind("较上年的,较上年的", "较上年"), Some(13));
/// assert_eq!(zhibiao::text::rfind("ab", ""), Some(2));
/// ```
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?)
        .rev()
        .find(|&i| h.get(i..).is_some_and(|t| t.starts_with(n)))
}

/// The first `needle` at or after byte `from` of `hay` (both valid UTF-8, so a match of a whole
/// needle starts and ends on character boundaries).
///
/// A candidate start must have the needle's second byte after it and its last byte where the
/// needle ends (std's x86-64 `contains` and memchr's `memmem` test the same kind of pair):
/// 32 starts are tested at once, in straight-line code that LLVM turns into vector compares
/// (SSE2; `simd128` in the web build), and the whole needle is compared only where both bytes
/// match. One byte alone (a `memchr`) stops at about every hundredth byte of Chinese text,
/// where each continuation byte is common: +5 M instructions a pass over `corpus/public`.
pub(crate) fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let Some((&y, _)) = needle.split_last() else {
        return (from <= hay.len()).then_some(from);
    };
    let last = needle.len() - 1;
    let p = last.min(1);
    let x = needle.get(p).copied().unwrap_or(y);
    let at = |s: usize| hay.get(s..).is_some_and(|h| h.starts_with(needle));
    let pair = |s: usize| hay.get(s + p) == Some(&x) && hay.get(s + last) == Some(&y) && at(s);
    let (Some(xs), Some(ys)) = (hay.get(from + p..), hay.get(from + last..)) else {
        return None;
    };
    let mut chunks = xs.chunks_exact(32).zip(ys.chunks_exact(32));
    let mut s = from;
    while let Some(i) = chunks.position(|(a, b)| {
        a.iter()
            .zip(b)
            .fold(0, |m, (&a, &b)| m | (u8::from(a == x) & u8::from(b == y)))
            != 0
    }) {
        s += 32 * i;
        if let Some(k) = (s..s + 32).find(|&k| pair(k)) {
            return Some(k);
        }
        s += 32;
    }
    // The last starts, fewer than 32: a byte loop to the last byte, the rest tested there.
    let s = from + ys.len() / 32 * 32;
    let tail = ys.get(s - from..)?;
    (0..tail.len())
        .find(|&k| tail[k] == y && pair(s + k))
        .map(|k| s + k)
}

/// The byte offsets of the occurrences of `needle` in `hay` that do not overlap, left to right
/// (`str::match_indices` with a non-empty `&str`, see [`find`]).
///
/// ```
/// let at: Vec<usize> = zhibiao::text::find_all("aaaa", "aa").collect();
/// assert_eq!(at, [0, 2]);
/// ```
pub fn find_all<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let i = find_from(hay.as_bytes(), needle.as_bytes(), from)?;
        from = i + needle.len().max(1);
        Some(i)
    })
}

/// Whether `b` leads a character of U+4000..U+9FFF (E4..E9): three bytes, none of them ASCII,
/// a quotation mark, a clause or sentence end or a blank, so the byte walks over text (mostly
/// ideographs) step over such a character whole.
#[inline]
pub fn is_ideograph_lead(b: u8) -> bool {
    (0xE4..=0xE9).contains(&b)
}

/// Whether `s` holds a line break (`\n` or `\r`): a test of its bytes, not a decode of every
/// character (the windows are short: not worth a second copy of memchr2 in the web build),
/// every byte tested with no early exit, which LLVM vectorises (a byte at a time with one).
#[inline(never)]
pub fn has_line_break(s: &str) -> bool {
    s.bytes()
        .fold(false, |m, x| m | (x == b'\n') | (x == b'\r'))
}

/// The byte offset of the `n`-th character before `pos` (`pos` itself for `n == 0`), or 0 when
/// fewer than `n` characters precede it.
///
/// Counts UTF-8 lead bytes instead of decoding characters, eight bytes at a time while more
/// than eight characters remain: the metric and basis windows step back 40 characters for
/// every indicator.
///
/// ```
/// assert_eq!(zhibiao::text::back_chars("a增长5%", 7, 2), 1);
/// assert_eq!(zhibiao::text::back_chars("a增长5%", 7, 9), 0);
/// ```
pub fn back_chars(text: &str, pos: usize, n: usize) -> usize {
    if n == 0 {
        return pos;
    }
    let bytes = &text.as_bytes()[..pos];
    let mut left = n;
    let mut end = pos;
    while end >= 8 && left > 8 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[end - 8..end]);
        let w = u64::from_le_bytes(word);
        // A continuation byte is 0b10xx_xxxx: its top bit set and the next one clear.
        let continuations = (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        // At most 8 leads here, so `left` stays at least 1.
        left -= 8 - continuations;
        end -= 8;
    }
    for (i, &b) in bytes[..end].iter().enumerate().rev() {
        if (b as i8) >= -0x40 {
            left -= 1;
            if left == 0 {
                return i;
            }
        }
    }
    0
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

/// Horizontal white space as it appears in pasted reports: space, tab, U+3000, NBSP, the
/// U+2000..U+200A typographic spaces, the zero-width characters of [`is_zero_width`], and the
/// vertical tab and form feed that PDF-to-text converters leave at page breaks
/// (`主要举措和成效\f`). Line breaks (`\n`, `\r`) are not blank: [`lines`] splits on them.
#[inline]
pub fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{000B}' | '\u{000C}' | '\u{3000}' | '\u{00A0}' | '\u{2000}'
            ..='\u{200D}' | '\u{202F}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Zero-width characters that text pasted from web pages and PDFs carries inside words and
/// numbers (`23\u{200b}8项`): zero-width space, non-joiner and joiner (U+200B..U+200D), the word
/// joiner U+2060 and the byte-order mark U+FEFF. Recognizers read through them ([`skip_zero_width`])
/// and keep them inside spans; values are read as if they were absent.
#[inline]
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The most zero-width characters read through in one gap: a pasted number carries one or two,
/// and a bound keeps every caller linear on a text made of them.
pub const MAX_ZERO_WIDTH: usize = 4;

/// The offset past the zero-width characters at `pos` (at most [`MAX_ZERO_WIDTH`] of them; a
/// longer run is no gap inside a word and gives `pos` back).
///
/// ```
/// use zhibiao::text::skip_zero_width;
/// assert_eq!(skip_zero_width("2\u{200b}38项", 1), 4);
/// assert_eq!(skip_zero_width("238项", 1), 1);
/// ```
#[inline(never)]
pub fn skip_zero_width(text: &str, pos: usize) -> usize {
    // On the bytes, as `back_zero_width`: every zero-width character is three bytes of UTF-8,
    // and no other character starts with theirs. (A char loop was ~1 KB of wasm, and this runs
    // after every digit of every number.)
    let b = text.as_bytes();
    let mut p = pos;
    for _ in 0..=MAX_ZERO_WIDTH {
        match b.get(p..p + 3) {
            Some([0xE2, 0x80, 0x8B..=0x8D] | [0xE2, 0x81, 0xA0] | [0xEF, 0xBB, 0xBF]) => p += 3,
            _ => return p,
        }
    }
    pos
}

/// The offset before the zero-width characters that end `text[..pos]` (at most
/// `MAX_ZERO_WIDTH`; a longer run gives `pos` back), as [`skip_zero_width`] reads forward.
///
/// ```
/// use zhibiao::text::back_zero_width;
/// assert_eq!(back_zero_width("-\u{feff}0.99", 4), 1);
/// assert_eq!(back_zero_width("-0.99", 1), 1);
/// ```
#[inline(never)] // (rare: a minus sign before zero-width characters)
pub fn back_zero_width(text: &str, pos: usize) -> usize {
    // (On bytes: every zero-width character is three bytes of UTF-8, and a reverse char loop
    // was ~1 KB of wasm.)
    let b = text.as_bytes();
    let mut p = pos;
    for _ in 0..=MAX_ZERO_WIDTH {
        match b.get(p.saturating_sub(3)..p) {
            Some([0xE2, 0x80, 0x8B..=0x8D] | [0xE2, 0x81, 0xA0] | [0xEF, 0xBB, 0xBF]) => p -= 3,
            _ => return p,
        }
    }
    pos
}

/// The character at `pos` once zero-width characters are read through ([`skip_zero_width`]),
/// and the offset just past it.
#[inline]
pub fn glyph_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let p = skip_zero_width(text, pos);
    let c = text.get(p..)?.chars().next()?;
    Some((c, p + c.len_utf8()))
}

/// Offsets tested at once by [`char_hits`]: the bits of a `u32` mask.
const HIT_CHUNK: usize = 32;

/// The offsets `k` of `bytes` where `pred(bytes[k], bytes[k + 1], bytes[k + 2])` holds, in
/// increasing order (zero bytes stand in for those past the end).
///
/// This is the scanners' skip loop. A scanner names the characters it looks for by their
/// UTF-8 bytes (an ASCII digit by its one byte, `一` by E4 B8 80); a lead byte is never a
/// continuation byte, so every hit is a character start. `pred` is evaluated on a whole chunk
/// of offsets into a bit mask, without a branch per byte, and only the hits are visited.
/// Write `pred` as comparisons joined by `&` and `|` (not `&&`, `||` or `matches!`): LLVM
/// then turns it into vector compares where the target has them. Stepping through the text
/// character by character instead makes every step wait for the load of the one before it
/// and mispredicts on about every other ideograph: that was the cost of the date and
/// indicator scans.
pub fn char_hits<'a>(
    bytes: &'a [u8],
    pred: impl Fn(u8, u8, u8) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    char_tags(bytes, move |a, b, c| u8::from(pred(a, b, c))).map(|(k, _)| k)
}

/// [`char_hits`] with a tag per offset: the offsets `k` where `tag(bytes[k], bytes[k + 1],
/// bytes[k + 2])` is not zero, each with that tag. Several scanners that each set a bit of
/// the tag share one pass ([`Hits`]).
pub fn char_tags<'a>(
    bytes: &'a [u8],
    tag: impl Fn(u8, u8, u8) -> u8 + 'a,
) -> impl Iterator<Item = (usize, u8)> + 'a {
    let mut next = 0usize; // first offset of the next chunk to test
    let mut base = 0usize; // first offset of the chunk `mask` describes
    let mut mask = 0u32;
    let mut tags = [0u8; HIT_CHUNK];
    std::iter::from_fn(move || loop {
        if mask != 0 {
            let k = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            return Some((base + k, tags[k]));
        }
        if next >= bytes.len() {
            return None;
        }
        let rest = &bytes[next..];
        // A full window has a fixed length, which lets the compiler unroll and vectorize.
        (mask, tags) = match rest.first_chunk::<{ HIT_CHUNK + 2 }>() {
            Some(window) => chunk_tags(window, &tag),
            None => {
                // The last chunks: zero-padded, and the bits past the end dropped.
                let mut window = [0; HIT_CHUNK + 2];
                window[..rest.len()].copy_from_slice(rest);
                let (m, t) = chunk_tags(&window, &tag);
                if rest.len() < HIT_CHUNK {
                    (m & ((1 << rest.len()) - 1), t)
                } else {
                    (m, t)
                }
            }
        };
        base = next;
        next += HIT_CHUNK;
    })
}

/// The tags of `tag` over the window's first [`HIT_CHUNK`] offsets, and the bit mask of those
/// that are not zero.
///
/// Two steps of straight-line code: `tag` into one byte per offset (vector code), then each
/// eight bytes into eight bits with one multiplication (byte `i` of `x`, 0 or 1, lands on bit
/// `56 + i` of `x * 0x0102_0408_1020_4080`, and no two products collide).
/// One instance per tag function, shared by the full and the padded last chunk: the unrolled
/// code is large, and a call per 32 bytes costs nothing measurable.
#[inline(never)]
fn chunk_tags(
    window: &[u8; HIT_CHUNK + 2],
    tag: &impl Fn(u8, u8, u8) -> u8,
) -> (u32, [u8; HIT_CHUNK]) {
    let tags: [u8; HIT_CHUNK] =
        std::array::from_fn(|k| tag(window[k], window[k + 1], window[k + 2]));
    let mask = (0..HIT_CHUNK / 8).fold(0, |m, g| {
        let w = u64::from_le_bytes(std::array::from_fn(|i| tags[8 * g + i]));
        // Each byte's bits or-ed into its bit 0 (the shifts total 7: no bit of the next byte
        // reaches it), then masked to one bit a byte. (`tag != 0` a byte at a time compiled
        // to a compare and a branch-free select per byte.)
        let w = w | w >> 4;
        let w = w | w >> 2;
        let eight = (w | w >> 1) & 0x0101_0101_0101_0101;
        m | (((eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * g))
    });
    (mask, tags)
}

/// The tagged offsets of a text (by [`char_tags`]), found once for several scanners that each
/// set a bit of the tag: one pass with all their predicates shares the loads and the
/// comparisons they have in common, about half the instructions of one pass each
/// ([`crate::anchors`]).
///
/// Kept as one list of offsets per bit: each scanner reads its own ([`Hits::of`]). (With one
/// list of offsets and one of tags, each of the five readers filtered all the hits, ~10 x86
/// instructions a hit in the web build, where the citations' line ends or the lists' `第其是`
/// are a few per cent of them.)
#[derive(Clone, Debug, Default)]
pub struct Hits {
    /// `by_bit[b]`: the offsets whose tag has bit `b`, in increasing order.
    by_bit: [Vec<usize>; 8],
}

impl Hits {
    pub fn new(bytes: &[u8], tag: impl Fn(u8, u8, u8) -> u8) -> Self {
        let mut hits = Hits::default();
        for (k, t) in char_tags(bytes, tag) {
            hits.push(k, t);
        }
        hits
    }

    /// Adds a tagged offset (after every offset already held).
    #[inline]
    pub(crate) fn push(&mut self, offset: usize, tag: u8) {
        let mut t = tag;
        while t != 0 {
            if let Some(list) = self.by_bit.get_mut(t.trailing_zeros() as usize) {
                list.push(offset);
            }
            t &= t - 1;
        }
    }

    /// The offsets whose tag has `bit` (one bit: the lowest bit set, if several), in increasing
    /// order; none for 0.
    pub fn of(&self, bit: u8) -> std::iter::Copied<std::slice::Iter<'_, usize>> {
        self.by_bit
            .get(bit.trailing_zeros() as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
    }
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

/// Entries keyed by a character, grouped by a hash of it: the entries of a character are one
/// table lookup away (no binary search), in the order they were given. The table has about
/// two slots per entry (at least 16, at most 4096), so a word list's index stays a few hundred
/// bytes and a lookup that finds nothing touches one cache line.
///
/// ```
/// let g = zhibiao::text::CharGroups::new(vec![('增', "增长"), ('增', "增"), ('降', "降低")]);
/// assert_eq!(g.get('增').collect::<Vec<_>>(), [&"增长", &"增"]);
/// assert_eq!(g.get('减').count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct CharGroups<T> {
    /// Sorted by hash (stably: a character's entries keep their order).
    entries: Vec<(char, T)>,
    /// `entries[starts[h]..starts[h + 1]]` holds the entries whose character hashes to `h`.
    starts: Vec<u32>,
    /// The hash of `c` is the top bits of `c * K`: `32 - shift` of them.
    shift: u32,
}

impl<T: Copy> CharGroups<T> {
    pub fn new(items: Vec<(char, T)>) -> Self {
        let bits = (2 * items.len())
            .next_power_of_two()
            .trailing_zeros()
            .clamp(4, 12);
        let buckets = 1usize << bits;
        let shift = 32 - bits;
        let hash = |c: char| ((c as u32).wrapping_mul(0x9E37_79B1) >> shift) as usize;
        let mut starts = vec![0u32; buckets + 1];
        for e in &items {
            starts[hash(e.0) + 1] += 1;
        }
        for h in 0..buckets {
            starts[h + 1] += starts[h];
        }
        // A counting sort by hash: stable, and no sort routine in the web build.
        let mut next = starts.clone();
        let mut entries = items.clone();
        for &e in &items {
            let h = hash(e.0);
            entries[next[h] as usize] = e;
            next[h] += 1;
        }
        CharGroups {
            entries,
            starts,
            shift,
        }
    }

    /// The entries of `c`, in the order given to [`CharGroups::new`].
    #[inline]
    pub fn get(&self, c: char) -> impl Iterator<Item = &T> {
        let h = ((c as u32).wrapping_mul(0x9E37_79B1) >> self.shift) as usize;
        let (lo, hi) = (self.starts[h] as usize, self.starts[h + 1] as usize);
        self.entries[lo..hi]
            .iter()
            .filter(move |e| e.0 == c)
            .map(|e| &e.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `starts` and `ends` (eight bytes at a time, then a byte loop) against std's
    /// `starts_with` and `ends_with`: random byte strings of 0 to 23 bytes, and words cut
    /// from the start or the end of the haystack with at most one byte changed anywhere.
    #[test]
    fn starts_and_ends_are_std() {
        let mut rng = crate::testing::xorshift(0x0DDB_1A5E_5BAD_5EED);
        for _ in 0..200_000 {
            let hay: Vec<u8> = (0..rng() % 24)
                .map(|_| b"ab\xE5"[(rng() % 3) as usize])
                .collect();
            let n = (rng() % 24) as usize;
            let mut word: Vec<u8> = match rng() % 3 {
                0 => hay.iter().take(n).copied().collect(),
                1 => hay[hay.len().saturating_sub(n)..].to_vec(),
                _ => (0..n).map(|_| b"ab\xE5"[(rng() % 3) as usize]).collect(),
            };
            if !word.is_empty() && rng() % 2 == 0 {
                let k = (rng() % word.len() as u64) as usize;
                word[k] ^= 1;
            }
            assert_eq!(
                starts(&hay, &word),
                hay.starts_with(&word),
                "{hay:?} {word:?}"
            );
            assert_eq!(ends(&hay, &word), hay.ends_with(&word), "{hay:?} {word:?}");
        }
    }

    /// `Hits::of` (a list per bit) against a filter of (offset, tag) pairs: random tags (most
    /// of one bit, some of several, some zero), every bit.
    #[test]
    fn hits_of_reads_the_tags() {
        let mut rng = crate::testing::xorshift(0x0DDB_1A5E_5BAD_5EED);
        for _ in 0..20_000 {
            let mut hits = Hits::default();
            let mut pairs = Vec::new();
            let mut at = 0;
            for _ in 0..rng() % 41 {
                at += 1 + (rng() % 3) as usize;
                let t = match rng() % 4 {
                    0 => (rng() % 256) as u8,
                    _ => 1 << (rng() % 5),
                };
                hits.push(at, t);
                pairs.push((at, t));
            }
            for b in 0..8 {
                let want: Vec<usize> = pairs
                    .iter()
                    .filter(|&&(_, t)| t >> b & 1 != 0)
                    .map(|&(k, _)| k)
                    .collect();
                assert_eq!(hits.of(1 << b).collect::<Vec<_>>(), want, "{pairs:?} {b}");
            }
            assert_eq!(hits.of(0).count(), 0);
        }
    }

    /// `back_zero_width` spells the zero-width characters as UTF-8 bytes: it reads back through
    /// exactly the characters `is_zero_width` (and so `skip_zero_width`) reads forward, over the
    /// whole BMP.
    #[test]
    fn back_zero_width_reads_what_skip_zero_width_reads() {
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            let s = format!("-{c}");
            let want = if is_zero_width(c) { 1 } else { s.len() };
            assert_eq!(back_zero_width(&s, s.len()), want, "U+{:04X}", c as u32);
            assert_eq!(skip_zero_width(&s, 1) == s.len(), is_zero_width(c));
        }
    }

    /// `skip_zero_width` on the bytes against the char loop it replaced, at every offset of
    /// random runs of zero-width characters and others (the bound of `MAX_ZERO_WIDTH` included).
    #[test]
    fn skip_zero_width_reads_as_the_char_loop() {
        let by_chars = |text: &str, pos: usize| {
            let mut p = pos;
            for (k, c) in text.get(pos..).unwrap_or("").chars().enumerate() {
                if !is_zero_width(c) {
                    return p;
                }
                if k == MAX_ZERO_WIDTH {
                    return pos;
                }
                p += c.len_utf8();
            }
            p
        };
        let alphabet = [
            "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{200e}", "1", "年", "é",
        ];
        let mut rng = crate::testing::xorshift(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..rng() % 9 {
                t.push_str(alphabet[(rng() % 9) as usize % if rng() % 2 == 0 { 5 } else { 9 }]);
            }
            for pos in 0..=t.len() {
                assert_eq!(skip_zero_width(&t, pos), by_chars(&t, pos), "{t:?} {pos}");
            }
        }
    }

    /// `find`, `rfind` and `find_all` give std's answers on a real report: for needles taken
    /// from it (one to six characters at every 7th character, so most occur and some overlap
    /// the 32-byte blocks' edges), for absent words, and in short windows of it.
    #[test]
    fn searches_agree_with_std() {
        let text = include_str!("../tests/fixtures/excerpts/h01_jinghai.txt");
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
        let mut needles: Vec<&str> = vec!["", "其中", "分别", "同比", "百分点", "不存在的词", "aa"];
        for &i in &starts {
            for n in 1..=6 {
                let end = text[i..]
                    .char_indices()
                    .nth(n)
                    .map_or(text.len(), |(k, _)| i + k);
                needles.push(&text[i..end]);
            }
        }
        for w in &needles {
            assert_eq!(find(text, w), text.find(w), "{w}");
            assert_eq!(has(text, w), text.contains(w), "{w}");
            if !w.is_empty() {
                let all: Vec<usize> = text.match_indices(w).map(|(i, _)| i).collect();
                assert_eq!(find_all(text, w).collect::<Vec<_>>(), all, "{w}");
            }
        }
        for &i in starts.iter().step_by(5) {
            let end = text[i..]
                .char_indices()
                .nth(40)
                .map_or(text.len(), |(k, _)| i + k);
            let window = &text[i..end];
            for w in needles.iter().step_by(11) {
                assert_eq!(find(window, w), window.find(w), "{window} {w}");
                assert_eq!(rfind(window, w), window.rfind(w), "{window} {w}");
            }
        }
    }

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
    fn back_chars_counts_characters_not_bytes() {
        let t = "全年国内生产总值1349084亿元，比上年增长5.0%。Ａ股𝟘a";
        for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
            for n in 0..50 {
                let want = if n == 0 {
                    pos
                } else {
                    t[..pos]
                        .char_indices()
                        .rev()
                        .nth(n - 1)
                        .map_or(0, |(i, _)| i)
                };
                assert_eq!(back_chars(t, pos, n), want, "{pos} {n}");
            }
        }
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
    fn char_hits_in_order_across_chunks() {
        for n in [0, 1, 10, 11, 12, 40] {
            let mut t = "年".repeat(n);
            t.insert(0, '7');
            t.push('8');
            let bytes = t.as_bytes();
            let is =
                |a: u8, b: u8, c: u8| a.is_ascii_digit() | (a == 0xE5) & (b == 0xB9) & (c == 0xB4);
            let at = |k: usize| bytes.get(k).copied().unwrap_or(0);
            let want: Vec<usize> = (0..bytes.len())
                .filter(|&k| is(at(k), at(k + 1), at(k + 2)))
                .collect();
            assert_eq!(char_hits(bytes, is).collect::<Vec<_>>(), want, "{n}");
            assert_eq!(want.len(), n + 2);
        }
        assert_eq!(char_hits(b"", |a, _, _| a == 0).count(), 0);
    }

    #[test]
    fn chunk_tags_packs_every_pattern_of_eight() {
        // The multiplication trick of `chunk_tags`, for all 256 patterns in each byte group.
        for bits in 0..=255u32 {
            for g in 0..HIT_CHUNK / 8 {
                let want = bits << (8 * g);
                let mut window = [0u8; HIT_CHUNK + 2];
                for (k, b) in window.iter_mut().enumerate().take(HIT_CHUNK) {
                    *b = u8::from(want >> k & 1 == 1);
                }
                assert_eq!(chunk_tags(&window, &|a, _, _| a).0, want);
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!("１２．５％".chars().map(fold).collect::<String>(), "12.5%");
        assert_eq!(digit('７'), Some(7));
        assert!(is_blank('\u{3000}'));
    }
}
