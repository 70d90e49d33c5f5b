//! UTF-16 code units to a Rust string: how the web bindings read the text (`src/wasm.rs`).
//!
//! Why: a `&str` argument crosses into WebAssembly as UTF-8 written by the engine's
//! `encodeInto` (V8's `String::WriteUtf8`): on bench/node's 1 MB (370,000 characters) ~12 M x86
//! instructions, 0.555 ms of a ~16 ms call. Copying the string's units instead (Node's
//! `Buffer.write(text, "utf16le")`, 0.027 ms; a `charCodeAt` loop in browsers) and making the
//! UTF-8 here, sixteen units at a time with simd128, takes 0.287 ms in all.

/// The UTF-8 of `units`, each unpaired surrogate as U+FFFD: exactly
/// [`String::from_utf16_lossy`] and the engine's `TextEncoder.encodeInto`, so that every span
/// keeps its UTF-16 offsets (U+FFFD is one unit too).
///
/// std's `from_utf16_lossy` pushes one `char` at a time; in WebAssembly each push is a call that
/// copies the char's bytes (`memory.copy`), ~60 instructions a character. Here each unit's bytes
/// are stored in place, and the result is not validated again.
#[inline(never)]
pub fn to_string(units: &[u16]) -> String {
    // Each unit gives at most 3 bytes (a surrogate pair, two units, gives 4); 52 more for the
    // last block's stores.
    let mut out = vec![0u8; units.len() * 3 + 52];
    let (mut i, mut n) = (0, 0);
    let k = block::Consts::new();
    while i < units.len() {
        // Up to sixteen units at a time, all ASCII or all of three bytes each (95 % of a
        // report's units are in runs of eight or more of the latter: CJK and full-width
        // punctuation), up to the first unit that is neither; that one alone.
        if let (Some(w), Some(to)) = (units.get(i..i + 16), out.get_mut(n..n + 52)) {
            if let (Ok(w), Ok(to)) = (w.try_into(), to.try_into()) {
                let (good, width) = block::encode(w, to, &k);
                (i, n) = (i + good, n + width * good);
                if good > 0 {
                    continue;
                }
            }
        }
        let Some(&u) = units.get(i) else {
            break;
        };
        // One character: a unit, or a surrogate pair; U+FFFD for an unpaired surrogate.
        let low = units.get(i + 1).map_or(0, |&l| u32::from(l));
        let (c, len) = match u32::from(u) {
            h @ 0xD800..=0xDBFF if (0xDC00..0xE000).contains(&low) => {
                (0x10000 + ((h - 0xD800) << 10 | (low - 0xDC00)), 2)
            }
            0xD800..=0xDFFF => (0xFFFD, 1),
            c => (c, 1),
        };
        let Some(to) = out.get_mut(n..n + 4) else {
            break; // (never: `out` has 3 bytes a unit and 52 more)
        };
        // (By hand: `char::encode_utf8` brings its panic message's formatting.)
        let cont = |shift: u32| 0x80 | (c >> shift & 0x3F) as u8;
        let (bytes, width) = match c {
            0..=0x7F => ([c as u8, 0, 0, 0], 1),
            0x80..=0x7FF => ([0xC0 | (c >> 6) as u8, cont(0), 0, 0], 2),
            0x800..=0xFFFF => ([0xE0 | (c >> 12) as u8, cont(6), cont(0), 0], 3),
            _ => ([0xF0 | (c >> 18) as u8, cont(12), cont(6), cont(0)], 4),
        };
        to.copy_from_slice(&bytes);
        (i, n) = (i + len, n + width);
    }
    out.truncate(n);
    // (In place: the allocator shrinks without copying. An ASCII text would hold three times
    // its size.)
    out.shrink_to_fit();
    // SAFETY: `out[..n]` is, in order, the UTF-8 of one scalar value for each unit or pair:
    // one, two, three or four bytes as above (U+FFFD for an unpaired surrogate, so no surrogate
    // is ever encoded), or by `block::encode` one byte for each ASCII unit and three for each
    // unit of U+0800..U+D7FF and U+E000..U+FFFF, only for the units it counts (`n` moves past
    // those bytes only; what it wrote beyond them is written over or cut off by `truncate`).
    // Validating the bytes again (`String::from_utf8`) would cost ~5 % of the web call.
    unsafe { String::from_utf8_unchecked(out) }
}

mod block {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    use core::arch::wasm32::*;

    /// The constants of [`encode`], made once: as `v128.const`s at their uses, V8 builds them
    /// again for every block (see `anchors`).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    pub struct Consts([v128; 9]);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    pub struct Consts;

    impl Consts {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        pub fn new() -> Self {
            Consts(core::hint::black_box([
                u16x8_splat(0x80),
                u16x8_splat(0x800),
                u16x8_splat(0xD000),
                u16x8_splat(0xE000),
                u32x4_splat(0x3F00),
                u32x4_splat(0x3F_0000),
                u32x4_splat(0x80_80E0),
                // The low bytes of eight 16-bit lanes; three bytes of each of four 32-bit lanes
                // (an index of 16 or more gives 0).
                u8x16(0, 2, 4, 6, 8, 10, 12, 14, 16, 16, 16, 16, 16, 16, 16, 16),
                u8x16(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 16, 16, 16, 16),
            ]))
        }
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        pub fn new() -> Self {
            Consts
        }
    }

    /// How many of the sixteen units `w` are, from the first, all ASCII or all characters of
    /// three UTF-8 bytes (U+0800..U+D7FF, U+E000..U+FFFF), and their width in bytes. Their
    /// bytes are the first of `to`; the rest of `to` may be anything (the caller writes over
    /// it).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    pub fn encode(w: &[u16; 16], to: &mut [u8; 52], k: &Consts) -> (usize, usize) {
        let [c80, c800, cd000, ce000, c3f00, c3f0000, c8080e0, low_bytes, three_of_four] = k.0;
        let mut store = |at: usize, v: v128| {
            if let Some(to) = to.get_mut(at..at + 16) {
                // SAFETY: writes the 16 bytes of `to` (wasm stores need no alignment).
                unsafe { v128_store(to.as_mut_ptr().cast(), v) }
            }
        };
        // SAFETY: the two loads read the 32 bytes of `w` (wasm loads need no alignment).
        let [a, b] = [0, 8].map(|at| unsafe { v128_load(w.as_ptr().add(at).cast()) });
        // Sixteen bits, one a unit, from the first.
        let mask = |test: &dyn Fn(v128) -> v128| {
            (u32::from(i16x8_bitmask(test(a))) | u32::from(i16x8_bitmask(test(b))) << 8)
                .trailing_ones() as usize
        };
        let ascii = mask(&|u| u16x8_lt(u, c80));
        if ascii > 0 {
            store(0, i8x16_swizzle(a, low_bytes));
            store(8, i8x16_swizzle(b, low_bytes));
            return (ascii, 1);
        }
        let good = mask(&|u| v128_or(u16x8_lt(i16x8_sub(u, c800), cd000), u16x8_ge(u, ce000)));
        if good > 0 {
            // Each unit in a 32-bit lane: its three bytes 1110xxxx 10xxxxxx 10xxxxxx from the
            // lowest, then four lanes' twelve bytes together.
            let three = |x: v128| {
                let first = v128_or(u32x4_shr(x, 12), c8080e0);
                let second = v128_and(u32x4_shl(x, 2), c3f00);
                let third = v128_and(u32x4_shl(x, 16), c3f0000);
                i8x16_swizzle(v128_or(first, v128_or(second, third)), three_of_four)
            };
            store(0, three(u32x4_extend_low_u16x8(a)));
            store(12, three(u32x4_extend_high_u16x8(a)));
            store(24, three(u32x4_extend_low_u16x8(b)));
            store(36, three(u32x4_extend_high_u16x8(b)));
        }
        (good, 3)
    }

    /// [`encode`] one unit at a time, without simd128 (the tests hold [`super::to_string`]
    /// with it to std).
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    pub fn encode(w: &[u16; 16], to: &mut [u8; 52], _: &Consts) -> (usize, usize) {
        let ascii = w.iter().take_while(|&&u| u < 0x80).count();
        for (t, &u) in to.iter_mut().zip(&w[..ascii]) {
            *t = u as u8;
        }
        if ascii > 0 {
            return (ascii, 1);
        }
        let good = w
            .iter()
            .take_while(|&&u| (0x800..0xD800).contains(&u) || u >= 0xE000);
        let mut n = 0;
        for (&u, to) in good.zip(to.chunks_exact_mut(3)) {
            let c = |shift: u16| 0x80 | (u >> shift & 0x3F) as u8;
            to.copy_from_slice(&[0xE0 | (u >> 12) as u8, c(6), c(0)]);
            n += 1;
        }
        (n, 3)
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;
    use crate::testing::xorshift;

    #[test]
    fn is_std_from_utf16_lossy_on_report_text_and_broken_surrogates() {
        let text = "一、主要举措\r\n公布事项238项,办理4.6万件,合格率达98.7%。é ß 𠀀😀\u{FFFD}";
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(to_string(&units), text);
        let broken: [&[u16]; 5] = [
            &[0xD800],
            &[0xDC00, 0x41],
            &[0x41, 0xD83D],
            &[0xD83D, 0xD83D, 0xDE00],
            &[],
        ];
        for units in broken {
            assert_eq!(
                to_string(units),
                String::from_utf16_lossy(units),
                "{units:x?}"
            );
        }
    }

    /// Runs of one kind of unit, of any length, so that blocks of sixteen start anywhere in
    /// them and end anywhere: ASCII, two-byte, three-byte at the class edges, pairs, unpaired
    /// surrogates.
    #[test]
    fn is_std_from_utf16_lossy_on_random_runs() {
        let mut next = xorshift(0x5EED_0016);
        let kinds: [&[u16]; 6] = [
            &[0x41, 0x0A, 0x30, 0x7F],
            &[0x80, 0xE9, 0x7FF],
            &[
                0x800, 0x4E00, 0x6CD5, 0x9FFF, 0xD7FF, 0xE000, 0xFF0C, 0xFFFD, 0xFFFF,
            ],
            &[0xD83D, 0xDE00],
            &[0xD800, 0xDBFF, 0xDC00, 0xDFFF],
            &[0x3002, 0x41, 0xD83D, 0xDE00, 0x4E2D],
        ];
        for _ in 0..3000 {
            let mut units = Vec::new();
            for _ in 0..next() % 6 {
                let kind = kinds[(next() % 6) as usize];
                for _ in 0..next() % 40 {
                    units.push(kind[(next() % kind.len() as u64) as usize]);
                }
            }
            assert_eq!(
                to_string(&units),
                String::from_utf16_lossy(&units),
                "{units:x?}"
            );
        }
    }

    #[test]
    fn is_std_from_utf16_lossy_on_random_units() {
        let mut next = xorshift(0x0016_5EED);
        for _ in 0..3000 {
            let units: Vec<u16> = (0..next() % 40).map(|_| next() as u16).collect();
            assert_eq!(
                to_string(&units),
                String::from_utf16_lossy(&units),
                "{units:x?}"
            );
        }
    }
}
