//! Carried-over passages: the stretches of a new report found word for word in an old one.
//!
//! Evaluators ask whether this year's report was copied from last year's. [`find`] answers with
//! the passages of the new text (at least [`MIN_CHARS`] characters) that occur in the old text,
//! comparing the texts *folded* ([`Folded`]): white space (also the ideographic space, NBSP and
//! zero-width characters) and line breaks are dropped, and full-width forms compare equal to
//! their ASCII forms (`，` = `,`, `（` = `(`, `１` = `1`), so a re-typeset paragraph still counts.
//! Every folded character keeps its byte offset in the original text, so passages are reported
//! as byte [`Span`]s of both texts.
//!
//! The method is linear in the texts' length: a polynomial rolling hash of every window of
//! [`MIN_CHARS`] folded characters of the old text goes into a hash table (with a chain of the
//! earlier positions of the same hash); the new text is scanned left to right, and at each
//! position whose window's hash occurs in the old text, the candidates (at most
//! [`MAX_CANDIDATES`] of them, verified character by character) are extended forwards as far as
//! they agree. The longest extension wins (on a tie, the one continuing the previous passage's
//! alignment), is reported, and the scan resumes after it. A position with no candidate costs
//! one table lookup, a found passage costs its length times the candidates tried. A diff crate
//! (`similar`) would also align the texts, but its Myers diff is quadratic in the worst case
//! (two reports with little in common, which is exactly the case of interest here), and it
//! would add a dependency for about a hundred lines.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::span::Span;
use crate::text::{fold, is_blank};

/// The shortest passage reported, in folded characters.
pub const MIN_CHARS: usize = 20;

/// Positions of one hash tried per scan position. Windows that occur more often than this in
/// the old text (a repeated line of dashes) are tried at their latest positions only.
pub const MAX_CANDIDATES: usize = 32;

/// A text with its white space dropped and full-width forms folded, each character with the
/// byte offset it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded characters.
    pub chars: Vec<char>,
    /// `starts[k]`: byte offset in the original text of `chars[k]`; one more entry, the text's
    /// length, closes the last character.
    pub starts: Vec<usize>,
}

/// Characters that do not count when texts are compared: white space, line breaks and the
/// zero-width characters that pasted text carries.
pub fn is_ignored(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '\n' | '\r' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{85}'
        )
}

/// Folds a character for comparison: full-width ASCII forms as ASCII (through [`fold`]), curly
/// quotes as straight ones.
fn fold_char(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{FF02}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{FF07}' => '\'',
        _ => fold(c),
    }
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len() / 3 + 1);
        let mut starts = Vec::with_capacity(text.len() / 3 + 2);
        for (i, c) in text.char_indices() {
            if !is_ignored(c) {
                chars.push(fold_char(c));
                starts.push(i);
            }
        }
        starts.push(text.len());
        Folded { chars, starts }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The index of the first folded character at or after byte `pos`.
    pub fn index_at(&self, pos: usize) -> usize {
        self.starts[..self.chars.len()].partition_point(|&s| s < pos)
    }

    /// The byte span of folded characters `a..b` (`a < b`): from the first one's start to the
    /// end of the last one.
    fn span(&self, text: &str, a: usize, b: usize) -> Span {
        let start = self.starts[a];
        let last = self.starts[b - 1];
        let len = text[last..].chars().next().map_or(0, char::len_utf8);
        Span::new(start, last + len)
    }
}

/// A passage of the new text found in the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Bytes of the old text, from the passage's first to its last compared character.
    pub old: Span,
    /// Bytes of the new text.
    pub new: Span,
    /// Start of the passage in the old text's folded characters.
    pub old_folded: usize,
    /// Start in the new text's folded characters.
    pub new_folded: usize,
    /// Length in folded characters (≥ [`MIN_CHARS`]).
    pub len: usize,
}

impl Passage {
    /// Whether the new text's folded range `a..b` lies inside this passage.
    pub fn covers_new(&self, a: usize, b: usize) -> bool {
        self.new_folded <= a && b <= self.new_folded + self.len
    }

    /// The old text's folded index of the new text's folded index `k` (inside the passage).
    pub fn old_index(&self, k: usize) -> usize {
        k - self.new_folded + self.old_folded
    }
}

/// The carried-over passages of `new` found in `old`, in the new text's order, not overlapping
/// in the new text, with the folded forms of both texts.
#[derive(Debug, Clone)]
pub struct CarryOver {
    pub passages: Vec<Passage>,
    pub old: Folded,
    pub new: Folded,
}

impl CarryOver {
    /// The share of the new text's folded characters inside a passage, in `[0, 1]` (0 for a
    /// new text with no characters).
    pub fn share(&self) -> f64 {
        if self.new.is_empty() {
            return 0.0;
        }
        let covered: usize = self.passages.iter().map(|p| p.len).sum();
        covered as f64 / self.new.len() as f64
    }

    /// The passage that holds the new text's folded range `a..b`, if any.
    pub fn passage_of_new(&self, a: usize, b: usize) -> Option<&Passage> {
        let k = self.passages.partition_point(|p| p.new_folded + p.len <= a);
        self.passages.get(k).filter(|p| p.covers_new(a, b))
    }
}

const BASE: u64 = 0x0000_0100_0000_01B3;

/// The rolling hashes of every window of `MIN_CHARS` characters of `s` (none when `s` is shorter).
fn window_hashes(s: &[char]) -> Vec<u64> {
    if s.len() < MIN_CHARS {
        return Vec::new();
    }
    let mut top = 1u64; // BASE^(MIN_CHARS - 1)
    for _ in 1..MIN_CHARS {
        top = top.wrapping_mul(BASE);
    }
    let mut h = 0u64;
    for &c in &s[..MIN_CHARS] {
        h = h.wrapping_mul(BASE).wrapping_add(c as u64 + 1);
    }
    let mut out = Vec::with_capacity(s.len() - MIN_CHARS + 1);
    out.push(h);
    for k in MIN_CHARS..s.len() {
        h = h
            .wrapping_sub((s[k - MIN_CHARS] as u64 + 1).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(s[k] as u64 + 1);
        out.push(h);
    }
    out
}

const NONE: u32 = u32::MAX;

/// A hasher for keys that are already hashes (the rolling hashes): it only mixes the `u64`.
/// SipHash, the standard map's default, cost more than the rest of [`find`] together.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used (the keys are `u64`); any other key is folded in FNV-1a.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // One round of a 64-bit finalizer (MurmurHash3's), so the table's bucket bits (the low
        // ones) depend on every character of the window.
        let n = (n ^ (n >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        self.0 = n ^ (n >> 33);
    }
}

/// Finds the passages of `new_text` carried over from `old_text`.
pub fn find(old_text: &str, new_text: &str) -> CarryOver {
    let old = Folded::new(old_text);
    let new = Folded::new(new_text);
    let mut passages = Vec::new();
    let (a, b) = (&old.chars, &new.chars);
    let old_hashes = window_hashes(a);
    let new_hashes = window_hashes(b);
    // Latest old position of each hash, and for each position the previous one with its hash.
    let mut head: HashMap<u64, u32, BuildHasherDefault<PassThrough>> =
        HashMap::with_capacity_and_hasher(old_hashes.len(), Default::default());
    let mut prev = vec![NONE; old_hashes.len()];
    for (i, &h) in old_hashes.iter().enumerate() {
        if let Some(p) = head.insert(h, i as u32) {
            prev[i] = p;
        }
    }
    // Where the previous passage's alignment would continue in the old text.
    let mut expect = 0usize;
    let mut j = 0usize;
    while j < new_hashes.len() {
        let mut best: Option<(usize, usize)> = None; // (old start, length)
        let mut cand = head.get(&new_hashes[j]).copied().unwrap_or(NONE);
        let mut tried = 0;
        while cand != NONE && tried < MAX_CANDIDATES {
            let i = cand as usize;
            tried += 1;
            cand = prev[i];
            if a[i..i + MIN_CHARS] != b[j..j + MIN_CHARS] {
                continue; // a hash collision
            }
            let mut len = MIN_CHARS;
            while i + len < a.len() && j + len < b.len() && a[i + len] == b[j + len] {
                len += 1;
            }
            let better = match best {
                None => true,
                Some((bi, bl)) => {
                    len > bl || (len == bl && i.abs_diff(expect) < bi.abs_diff(expect))
                }
            };
            if better {
                best = Some((i, len));
            }
        }
        match best {
            Some((i, len)) => {
                passages.push(Passage {
                    old: old.span(old_text, i, i + len),
                    new: new.span(new_text, j, j + len),
                    old_folded: i,
                    new_folded: j,
                    len,
                });
                expect = i + len;
                j += len;
            }
            None => j += 1,
        }
    }
    CarryOver { passages, old, new }
}

#[cfg(test)]
mod tests {
    use super::*;

    // From 003 朝阳 (tests/fixtures/corpus), one sentence.
    const S: &str = "深入推动政府职能优化转变。一是完成新一轮机构改革,二是公布权责清单。";

    #[test]
    fn same_text_is_one_passage() {
        let c = find(S, S);
        assert_eq!(c.passages.len(), 1);
        assert_eq!(c.passages[0].old, Span::new(0, S.len()));
        assert_eq!(c.passages[0].new, Span::new(0, S.len()));
        assert!((c.share() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn white_space_and_width_are_ignored() {
        let new = "深入推动政府职能 优化转变。\n一是完成新一轮机构改革，二是公布权责清单。";
        let c = find(S, new);
        assert_eq!(c.passages.len(), 1, "{:?}", c.passages);
        assert_eq!(c.passages[0].new.of(new), new);
        assert!((c.share() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_changed_word_splits_the_passage_and_short_pieces_are_dropped() {
        let old = format!("{S}全年办理行政复议案件120件,同比增长5%。");
        let new = format!("{S}全年办理行政复议案件134件,同比增长5%。");
        let c = find(&old, &new);
        // The sentence before the figure and the clause up to `12`/`13` carry over; `4件,同比增长5%。`
        // is shorter than 20 characters.
        assert_eq!(c.passages.len(), 1, "{:?}", c.passages);
        assert_eq!(
            c.passages[0].new.of(&new),
            format!("{S}全年办理行政复议案件1")
        );
        assert!(c.share() > 0.7 && c.share() < 1.0);
    }

    #[test]
    fn nothing_in_common_and_empty_texts() {
        assert!(find(S, "完全不同的一段文字。").passages.is_empty());
        assert_eq!(find("", "").share(), 0.0);
        assert!(find(S, "").passages.is_empty());
        assert!(find("", S).passages.is_empty());
    }

    #[test]
    fn moved_paragraphs_are_found_in_their_new_order() {
        let p1 = "一、主要举措和成效。坚持以习近平法治思想为指导,全面推进依法行政。";
        let p2 = "二、存在的不足和原因。法治宣传教育的针对性和实效性有待进一步提高。";
        let old = format!("{p1}\n{p2}\n");
        let new = format!("{p2}\n{p1}\n");
        let c = find(&old, &new);
        assert_eq!(c.passages.len(), 2, "{:?}", c.passages);
        assert_eq!(c.passages[0].old.of(&old), p2);
        assert_eq!(c.passages[1].old.of(&old), p1);
        assert!((c.share() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn repetitive_text_stays_fast_and_correct() {
        let old = "——".repeat(20_000);
        let new = "——".repeat(30_000);
        let c = find(&old, &new);
        let covered: usize = c.passages.iter().map(|p| p.len).sum();
        assert!(covered >= 60_000 - MIN_CHARS, "{covered}");
        assert!(c.passages.iter().all(|p| p.len >= MIN_CHARS));
    }
}
