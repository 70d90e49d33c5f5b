//! Where the four whole-text scanners may start, found in one pass: the line ends and `《》`
//! of [`crate::citations`], the digits, `年` and `月` of [`crate::dates`], the numerals of
//! [`crate::indicators`] and the `第`/`其`/`是` of [`crate::lists`].
//!
//! Each scanner used to run [`crate::text::char_hits`] over the whole text with its own predicate:
//! four passes that tested every byte against a few dozen byte values, about a sixth of
//! `extract`'s instructions. One pass with the union of the four predicates shares the loads
//! and the comparisons they have in common, and leaves a short list (about 2 % of the bytes of
//! a report), each offset tagged with the scanners whose predicate holds there ([`Hits::of`]).
//!
//! ```
//! let t = "第一，2024年《条例》";
//! let a = zhibiao::anchors::find(t);
//! assert_eq!(zhibiao::citations::find_from(t, &a)[0].span.of(t), "《条例》");
//! assert_eq!(zhibiao::dates::find_from(t, &a, &[])[0].iso, "2024");
//! ```

use crate::text::Hits;
use crate::{citations, dates, indicators, lists};

/// The tag bit of each scanner's hits.
pub const CITATIONS: u8 = 1;
pub const DATES: u8 = 2;
pub const INDICATORS: u8 = 4;
pub const LISTS: u8 = 8;

/// The offsets of `text` where one of the four scanners may start, tagged with the scanners.
pub fn find(text: &str) -> Hits {
    Hits::new(text.as_bytes(), tag)
}

/// The scanners' predicates, one bit each. Inlined into one function, the comparisons they
/// share (the ASCII digits of dates and indicators, the lead bytes E4..E7) are made once.
#[inline]
fn tag(a: u8, b: u8, c: u8) -> u8 {
    let bit = |holds: bool, bit: u8| u8::from(holds) * bit;
    bit(citations::is_hit(a, b, c), CITATIONS)
        | bit(dates::is_anchor(a, b, c), DATES)
        | bit(indicators::is_start(a, b, c), INDICATORS)
        | bit(lists::is_hit(a, b, c), LISTS)
}

#[cfg(test)]
mod tests {
    use super::*;

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
