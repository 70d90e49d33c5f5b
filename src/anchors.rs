//! Where the four whole-text scanners may start, found in one pass: the line ends and `《》`
//! of [`crate::citations`], the digits, `年` and `月` of [`crate::dates`], the numerals of
//! [`crate::indicators`] and the `第`/`其`/`是` of [`crate::lists`].
//!
//! Each scanner used to run [`crate::text::char_hits`] over the whole text with its own predicate:
//! four passes that tested every byte against a few dozen byte values, about a sixth of
//! `extract`'s instructions. One pass with the union of the four predicates shares the loads
//! and the comparisons they have in common, and leaves a short list (about 2 % of the bytes of
//! a report), each offset tagged with the scanners whose predicate holds there (each
//! scanner's offsets: [`Hits::of`]).
//!
//! ```
//! let t = "第一，2024年《条例》";
//! let a = zhibiao::anchors::find(t);
//! assert_eq!(zhibiao::citations::find_from(t, &a)[0].span.of(t), "《条例》");
//! assert_eq!(zhibiao::dates::find_from(t, &a, &[])[0].iso, "2024");
//! ```

use crate::text::{Hits, Line};
use crate::{citations, dates, indicators, lists};

/// The tag bit of each scanner's hits.
pub const CITATIONS: u8 = 1;
pub const DATES: u8 = 2;
pub const INDICATORS: u8 = 4;
pub const LISTS: u8 = 8;

/// The offsets of `text` where one of the four scanners may start, tagged with the scanners.
pub fn find(text: &str) -> Hits {
    sieve::find(text.as_bytes())
}

/// [`crate::text::find_all`] of `needle` in `text` (its occurrences that do not overlap, left to
/// right), read from the `anchors` of `text` when they are given and the needle starts with a
/// character whose every occurrence is an anchor (one of the sieve's: `其`, `第`, `年`, `一`,
/// …): a look at each anchor of that character's scanners instead of a pass over the whole
/// text (~0.8 M x86 instructions a MB in the web build, for a needle that does not occur).
/// Other needles are searched.
///
/// ```
/// let t = "其中,其他需要报告的情况。其他";
/// let a = zhibiao::anchors::find(t);
/// let at: Vec<usize> = zhibiao::anchors::find_all(t, Some(&a), "其他").collect();
/// assert_eq!(at, [7, 37]);
/// ```
pub fn find_all<'a>(
    text: &'a str,
    anchors: Option<&'a Hits>,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let (bytes, n) = (text.as_bytes(), needle.as_bytes());
    // Every occurrence of a character of three bytes that the sieve passes is an anchor with
    // this tag (`tag_of` is `tag` there: the tests below).
    let t = match *n {
        [a, b, c, ..] if a >= 0x80 => sieve::tag_of(a, b, c),
        _ => 0,
    };
    // (`of` reads the list of the lowest bit of `t`: every occurrence is in it.)
    let mut hits = anchors.filter(|_| t != 0).map(|a| a.of(t));
    let mut from = 0;
    std::iter::from_fn(move || {
        let i = match &mut hits {
            Some(h) => h.find(|&k| k >= from && crate::text::starts(&bytes[k..], n))?,
            None => crate::text::find_from(bytes, n, from)?,
        };
        from = i + n.len().max(1);
        Some(i)
    })
}

/// [`crate::text::lines`] of `text`, from its `anchors` (whose [`CITATIONS`] hits hold every
/// `\n` and `\r`): the outline, the lists and the metadata all read the lines, and the anchors'
/// pass has already found their ends.
#[inline(never)]
pub fn lines(text: &str, anchors: &Hits) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in anchors.of(CITATIONS) {
        // (`i < start`: the `\n` of a `\r\n`.)
        if i < start || !matches!(bytes[i], b'\n' | b'\r') {
            continue;
        }
        out.push(Line {
            number: out.len() + 1,
            start,
            end: i,
        });
        start = i + 1 + usize::from(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n'));
    }
    if start < bytes.len() {
        out.push(Line {
            number: out.len() + 1,
            start,
            end: bytes.len(),
        });
    }
    out
}

/// The scanners' predicates, one bit each. Inlined into one function, the comparisons they
/// share (the ASCII digits of dates and indicators, the lead bytes E4..E7) are made once.
#[inline]
const fn tag(a: u8, b: u8, c: u8) -> u8 {
    (citations::is_hit(a, b, c) as u8 * CITATIONS)
        | (dates::is_anchor(a, b, c) as u8 * DATES)
        | (indicators::is_start(a, b, c) as u8 * INDICATORS)
        | (lists::is_hit(a, b, c) as u8 * LISTS)
}

/// The same hits as [`Hits::new`] with [`tag`], in two steps where the target has a byte
/// shuffle (`i8x16.swizzle` of WebAssembly's simd128, SSSE3's `pshufb` natively): a sieve that
/// tests 16 offsets in ~25 vector instructions and passes ~3 % of a report's offsets (every hit
/// and a few others), then the tag of each of those alone, looked up (`tag_of`). `char_tags`
/// evaluates all the predicates' ~40 comparisons at every offset (~11 instructions a byte
/// natively; a pass over `corpus/public` 16.0 M instructions, with the sieve 6.9 M).
///
/// The sieve of an offset `k` with bytes `a b c`: `a` an ASCII digit or line end, or `a` a lead
/// byte E3..E7 or EF and the pair `b c` in one of eight buckets. A bucket is a set of second
/// bytes times a set of third bytes, each set given by its low and its high nibbles (two
/// 16-entry tables whose entries hold one bit per bucket, looked up by the shuffle): Hyperscan's
/// "shufti". [`SIEVE`] puts each character in a bucket (characters sharing a second byte in
/// the same one; the assignment was searched for the fewest false passes over `corpus/public`:
/// 19,538 three-byte passes for 12,782 hits in 1.39 MB).
mod sieve {
    use super::tag;
    use crate::text::Hits;

    /// The predicates' characters of three bytes, each with its bucket.
    pub(super) const SIEVE: [(char, u8); 30] = [
        ('《', 5),
        ('》', 5),
        ('年', 1),
        ('九', 1),
        ('二', 1),
        ('五', 1),
        ('月', 2),
        ('四', 2),
        ('八', 3),
        ('六', 3),
        ('其', 3),
        ('一', 4),
        ('七', 4),
        ('三', 4),
        ('上', 4),
        ('两', 4),
        ('是', 4),
        ('十', 0),
        ('百', 0),
        ('第', 7),
        ('０', 6),
        ('１', 6),
        ('２', 6),
        ('３', 6),
        ('４', 6),
        ('５', 6),
        ('６', 6),
        ('７', 6),
        ('８', 6),
        ('９', 6),
    ];

    /// The nibble tables of the second and third bytes: `[low of b, high of b, low of c, high
    /// of c]`.
    pub(super) const TABLES: [[u8; 16]; 4] = {
        let mut t = [[0u8; 16]; 4];
        let mut i = 0;
        while i < SIEVE.len() {
            let (ch, bucket) = SIEVE[i];
            let u = utf8(ch);
            let bit = 1 << bucket;
            t[0][(u[1] & 15) as usize] |= bit;
            t[1][(u[1] >> 4) as usize] |= bit;
            t[2][(u[2] & 15) as usize] |= bit;
            t[3][(u[2] >> 4) as usize] |= bit;
            i += 1;
        }
        t
    };

    /// [`tag`] of the characters of [`SIEVE`], by a hash of their last two bytes: each entry
    /// holds a character's three bytes and its tag (`a b c tag`, high to low), or zero. The
    /// multiplier puts the 30 characters in 30 different slots (the build fails otherwise).
    const TAGS: [u32; 64] = {
        let mut t = [0u32; 64];
        let mut i = 0;
        while i < SIEVE.len() {
            let u = utf8(SIEVE[i].0);
            let h = slot(u[1], u[2]);
            assert!(
                t[h] == 0,
                "two characters in one slot: choose another multiplier"
            );
            t[h] = u32::from_be_bytes([u[0], u[1], u[2], tag(u[0], u[1], u[2])]);
            i += 1;
        }
        t
    };

    /// The UTF-8 of a character of three bytes (U+0800..U+FFFF).
    pub(super) const fn utf8(c: char) -> [u8; 3] {
        let c = c as u32;
        [
            0xE0 | (c >> 12) as u8,
            0x80 | (c >> 6 & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]
    }

    #[inline(always)]
    const fn slot(b: u8, c: u8) -> usize {
        ((u16::from_be_bytes([b, c]) as u32).wrapping_mul(0x6BAA_9455) >> 26) as usize
    }

    /// [`tag`] of an offset the sieve passed: of an ASCII byte by its one comparison or two,
    /// of three bytes by one lookup in [`TAGS`] instead of the ~40 comparisons of all the
    /// predicates (~150 scalar instructions).
    #[inline(always)]
    pub(super) fn tag_of(a: u8, b: u8, c: u8) -> u8 {
        if a < 0x80 {
            tag(a, 0, 0)
        } else {
            let e = TAGS[slot(b, c)];
            if e >> 8 == u32::from_be_bytes([0, a, b, c]) {
                e as u8
            } else {
                0
            }
        }
    }

    /// The sieve of one offset, as the vector code computes it (for the tests).
    #[cfg(test)]
    pub(super) fn passes(a: u8, b: u8, c: u8) -> bool {
        let [lb, hb, lc, hc] = TABLES;
        let pair = lb[usize::from(b & 15)]
            & hb[usize::from(b >> 4)]
            & lc[usize::from(c & 15)]
            & hc[usize::from(c >> 4)];
        a.is_ascii_digit()
            || a == b'\n'
            || a == b'\r'
            || (matches!(a, 0xE3..=0xE7 | 0xEF) && pair != 0)
    }

    /// Visits each window of 18 bytes (16 offsets and the two bytes after the last) with
    /// `sieve`, and each offset it passes with [`tag`]; zero bytes past the end, as
    /// [`Hits::new`]. One loop for the whole windows and the padded last ones, so that the
    /// sieve and the visit of its passes are compiled once, in line.
    #[inline(always)]
    fn run(bytes: &[u8], sieve: impl Fn(&[u8; 18]) -> u16) -> Hits {
        let mut hits = Hits::default();
        // (Assigned where it is used: the last windows.)
        let mut pad: [u8; 18];
        let mut k = 0;
        while let Some(rest) = bytes.get(k..).filter(|r| !r.is_empty()) {
            let (w, live) = match rest.first_chunk::<18>() {
                Some(w) => (w, u16::MAX),
                None => {
                    pad = [0; 18];
                    pad[..rest.len()].copy_from_slice(rest);
                    let live = if rest.len() < 16 {
                        (1u16 << rest.len()) - 1
                    } else {
                        u16::MAX
                    };
                    (&pad, live)
                }
            };
            let mut m = sieve(w) & live;
            while m != 0 {
                let i = m.trailing_zeros() as usize;
                m &= m - 1;
                let t = tag_of(w[i], w[i + 1], w[i + 2]);
                if t != 0 {
                    hits.push(k + i, t);
                }
            }
            k += 16;
        }
        hits
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    pub(super) fn find(bytes: &[u8]) -> Hits {
        use core::arch::wasm32::*;
        // SAFETY: `[u8; 16]` and `v128` have the same size, and every bit pattern is valid.
        let [lb, hb, lc, hc] = TABLES.map(|t| unsafe { core::mem::transmute::<[u8; 16], v128>(t) });
        // The tables and constants, made once and passed through `black_box` so that they stay
        // values (locals, kept in registers by the engine): as `v128.const`s at their uses, V8
        // built each of the twelve again for every 16 offsets (about four instructions each),
        // a third of the pass.
        let [lb, hb, lc, hc, low, e3, four, ef, nl, cr, digit0, nine] = core::hint::black_box([
            lb,
            hb,
            lc,
            hc,
            u8x16_splat(15),
            u8x16_splat(0xE3),
            u8x16_splat(4),
            u8x16_splat(0xEF),
            u8x16_splat(b'\n'),
            u8x16_splat(b'\r'),
            u8x16_splat(b'0'),
            u8x16_splat(9),
        ]);
        run(bytes, |w| {
            // SAFETY: the three loads read bytes 0..16, 1..17 and 2..18 of the 18-byte window
            // (wasm loads need no alignment).
            let [a, b, c] = [0, 1, 2].map(|i| unsafe { v128_load(w.as_ptr().add(i).cast()) });
            // (The high nibble by a 16-bit shift and the mask: `i8x16.shr_u` makes its own
            // mask each time in V8.)
            let class = |x: v128, lo: v128, hi: v128| {
                v128_and(
                    i8x16_swizzle(lo, v128_and(x, low)),
                    i8x16_swizzle(hi, v128_and(u16x8_shr(x, 4), low)),
                )
            };
            // `x <= n` unsigned, as `min(x, n) == x` (two instructions; `u8x16_lt` takes four).
            let at_most = |x: v128, n: v128| i8x16_eq(u8x16_min(x, n), x);
            let pair = v128_and(class(b, lb, hb), class(c, lc, hc));
            let lead = v128_or(at_most(i8x16_sub(a, e3), four), i8x16_eq(a, ef));
            let three = v128_andnot(lead, i8x16_eq(pair, u8x16_splat(0)));
            let ascii = v128_or(
                v128_or(i8x16_eq(a, nl), i8x16_eq(a, cr)),
                at_most(i8x16_sub(a, digit0), nine),
            );
            i8x16_bitmask(v128_or(three, ascii))
        })
    }

    #[cfg(target_arch = "x86_64")]
    pub(super) fn find(bytes: &[u8]) -> Hits {
        if std::arch::is_x86_feature_detected!("ssse3") {
            // SAFETY: the CPU has SSSE3.
            unsafe { find_ssse3(bytes) }
        } else {
            Hits::new(bytes, tag)
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    unsafe fn find_ssse3(bytes: &[u8]) -> Hits {
        use std::arch::x86_64::*;
        let table = |t: [u8; 16]| _mm_loadu_si128(t.as_ptr().cast());
        let [lb, hb, lc, hc] = TABLES.map(table);
        run(bytes, |w| {
            // SAFETY: the three loads read bytes 0..16, 1..17 and 2..18 of the 18-byte window.
            let [a, b, c] = [0, 1, 2].map(|i| unsafe { _mm_loadu_si128(w.as_ptr().add(i).cast()) });
            let splat = |x: u8| _mm_set1_epi8(x as i8);
            let class = |x: __m128i, lo: __m128i, hi: __m128i| {
                _mm_and_si128(
                    _mm_shuffle_epi8(lo, _mm_and_si128(x, splat(15))),
                    _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(x, 4), splat(15))),
                )
            };
            // `x <= n` unsigned, as `min(x, n) == x`.
            let at_most = |x: __m128i, n: u8| _mm_cmpeq_epi8(_mm_min_epu8(x, splat(n)), x);
            let pair = _mm_and_si128(class(b, lb, hb), class(c, lc, hc));
            let lead = _mm_or_si128(
                at_most(_mm_sub_epi8(a, splat(0xE3)), 4),
                _mm_cmpeq_epi8(a, splat(0xEF)),
            );
            let three = _mm_andnot_si128(_mm_cmpeq_epi8(pair, _mm_setzero_si128()), lead);
            let ascii = _mm_or_si128(
                _mm_or_si128(
                    _mm_cmpeq_epi8(a, splat(b'\n')),
                    _mm_cmpeq_epi8(a, splat(b'\r')),
                ),
                at_most(_mm_sub_epi8(a, splat(b'0')), 9),
            );
            _mm_movemask_epi8(_mm_or_si128(three, ascii)) as u16
        })
    }

    #[cfg(not(any(
        target_arch = "x86_64",
        all(target_arch = "wasm32", target_feature = "simd128")
    )))]
    pub(super) fn find(bytes: &[u8]) -> Hits {
        Hits::new(bytes, tag)
    }

    #[cfg(test)]
    pub(super) fn find_portable(bytes: &[u8]) -> Hits {
        Hits::new(bytes, tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sieve_passes_every_hit() {
        // Every byte triple the four predicates tag passes the sieve's tables (a character
        // added to a predicate must be added to `SIEVE`), and every character of `SIEVE` is tagged.
        for x in 0..1u32 << 24 {
            let [a, b, c, _] = x.to_le_bytes();
            if tag(a, b, c) != 0 {
                assert!(sieve::passes(a, b, c), "{a:02X} {b:02X} {c:02X}");
            }
        }
        // And `tag_of` (the tags of what passes the sieve) is `tag` there.
        for x in 0..1u32 << 24 {
            let [a, b, c, _] = x.to_le_bytes();
            if sieve::passes(a, b, c) {
                assert_eq!(
                    sieve::tag_of(a, b, c),
                    tag(a, b, c),
                    "{a:02X} {b:02X} {c:02X}"
                );
            }
        }
        for (ch, _) in sieve::SIEVE {
            let mut u = [0u8; 4];
            let u = ch.encode_utf8(&mut u).as_bytes();
            assert_eq!(sieve::utf8(ch), u, "{ch}");
            assert_ne!(tag(u[0], u[1], u[2]), 0, "{ch}");
        }
    }

    #[test]
    fn sieve_and_all_predicates_agree() {
        // The vector sieve (where the target has one) against the predicates at every offset:
        // real reports, every length of their tail, and arbitrary bytes.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
        let mut texts: Vec<Vec<u8>> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        texts.push(
            (0..100_000)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    [
                        b'\n', b'7', 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xEF, 0x80, 0x85, 0x8A, 0xB8,
                        0xBC, 0x9C,
                    ][(x % 14) as usize]
                })
                .collect(),
        );
        let same = |b: &[u8]| {
            let (got, want) = (sieve::find(b), sieve::find_portable(b));
            (0..8).all(|b| got.of(1 << b).eq(want.of(1 << b)))
        };
        for t in &texts {
            assert!(same(t));
            for n in 0..40.min(t.len()) {
                assert!(same(&t[..t.len() - n]), "{n}");
            }
        }
    }

    /// `lines` from the anchors against `text::lines`, on random texts of line ends (`\r\n`,
    /// lone `\r` and `\n`, at the start and the end), ideographs and `《》`.
    #[test]
    fn lines_from_anchors_are_text_lines() {
        let pieces = ["\n", "\r", "\r\n", "\n\r", "a", "一", "《", "》", "7", " "];
        let mut rng = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        let mut texts = vec![String::new(), "\r".into(), "\r\n\r\n".into(), "a".into()];
        texts.extend((0..3000).map(|_| crate::testing::random_text(&mut rng, &pieces, 40)));
        for t in texts {
            let want: Vec<Line> = crate::text::lines(&t).collect();
            assert_eq!(lines(&t, &find(&t)), want, "{t:?}");
        }
    }

    /// `find_all` through the anchors against `text::find_all`, on random texts of the sieve's
    /// characters (of one scanner and of several), their look-alikes and others, for needles
    /// that start with each (some overlap themselves: `其其`).
    #[test]
    fn find_all_by_anchors_is_text_find_all() {
        let pieces = [
            "其", "他", "第", "是", "年", "一", "二", "《", "\n", "7", "a", "需", "兲", "旯", "ﾂ",
        ];
        let needles = [
            "其他",
            "其其",
            "第一",
            "是是是",
            "年",
            "一二",
            "《其",
            "他其",
            "需要",
            "7年",
            "a",
        ];
        let mut rng = crate::testing::xorshift(0x2545_F491_4F6C_DD1D);
        let mut found = 0;
        for _ in 0..20_000 {
            let t = crate::testing::random_text(&mut rng, &pieces, 30);
            let a = find(&t);
            for n in needles {
                let want: Vec<usize> = crate::text::find_all(&t, n).collect();
                found += want.len();
                assert_eq!(
                    find_all(&t, Some(&a), n).collect::<Vec<_>>(),
                    want,
                    "{t:?} {n:?}"
                );
                assert_eq!(
                    find_all(&t, None, n).collect::<Vec<_>>(),
                    want,
                    "{t:?} {n:?}"
                );
            }
        }
        assert!(found > 30_000, "{found}");
    }

    #[test]
    fn each_scanner_sees_its_own_hits() {
        // Every character of the four predicates, next to others and at the text's end.
        let t = "a\n《b》\r一二三四五六七八九十百上两年月第其是０９7";
        let bytes = t.as_bytes();
        let hits = find(t);
        type Pred = fn(u8, u8, u8) -> bool;
        let preds: [(u8, Pred); 4] = [
            (CITATIONS, citations::is_hit),
            (DATES, dates::is_anchor),
            (INDICATORS, indicators::is_start),
            (LISTS, lists::is_hit),
        ];
        for (bit, pred) in preds {
            let want: Vec<usize> = crate::text::char_hits(bytes, pred).collect();
            assert!(!want.is_empty());
            assert_eq!(hits.of(bit).collect::<Vec<_>>(), want);
        }
    }
}
