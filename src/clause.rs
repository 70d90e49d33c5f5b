//! Clause and sentence boundaries, and the change verbs: what both [`crate::indicators`] (the
//! change of a value, the quoted-term check) and [`crate::metrics`] (the clause a metric is named
//! from) need, so that neither imports the other.
//!
//! ```
//! use zhibiao::clause::{change_verb_before, is_clause_end, is_sentence_end};
//! use zhibiao::Direction;
//! assert!(is_clause_end('，') && is_clause_end('、') && !is_sentence_end('、'));
//! assert_eq!(change_verb_before("同比上升"), Some(("上升", Direction::Up)));
//! assert_eq!(change_verb_before("比上年压缩"), Some(("压缩", Direction::Down)));
//! assert_eq!(change_verb_before("办理"), None);
//! ```
//!
//! The change verbs are data: the lines with `change=up|down` in `data/words.tsv`.

use std::sync::OnceLock;

use crate::lexicon::{self, WordIndex};
use crate::model::Direction;
use crate::text::fold;

/// Ends a clause for metric naming and for the quoted-term check.
pub fn is_clause_end(c: char) -> bool {
    is_clause_mark(fold(c))
}

/// [`is_clause_end`] for a character already passed through [`fold`].
#[inline]
pub fn is_clause_mark(f: char) -> bool {
    matches!(
        f,
        ',' | '。' | ';' | ':' | '!' | '?' | '、' | '\n' | '\r' | '|' | '…'
    )
}

/// Ends a sentence (the window in which a change's basis is looked for).
pub fn is_sentence_end(c: char) -> bool {
    matches!(fold(c), '。' | ';' | '!' | '?' | '\n' | '\r')
}

/// An opening quotation mark (`“`, `「`, `『`, `‘`, `〝`).
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '「' | '『' | '‘' | '〝')
}

/// A closing quotation mark (`”`, `」`, `』`, `’`, `〞`).
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '」' | '』' | '’' | '〞')
}

/// Whether the character that ends at `end` (a character boundary of the UTF-8 `bytes`) is an
/// ideograph, U+4E00 to U+9FFF: told by its lead byte (E4 B8 80 to E9 BF BF) without decoding
/// it, for the walks back over a clause, made mostly of ideographs.
pub(crate) fn ideograph_ends_at(bytes: &[u8], end: usize) -> bool {
    // (`get`, not indexing: no panic path at each of the walks it is inlined into.)
    match end.checked_sub(3).and_then(|start| bytes.get(start..end)) {
        Some(&[lead, second, _]) => is_unified_ideograph(lead, second),
        _ => false,
    }
}

/// Whether a character of three bytes starting `lead`, `second` is U+4E00 to U+9FFF (exactly;
/// `text::is_ideograph_lead` tells E4..E9 from one byte, for walks that need no more).
fn is_unified_ideograph(lead: u8, second: u8) -> bool {
    matches!(lead, 0xE5..=0xE9) || (lead == 0xE4 && second >= 0xB8)
}

/// Whether the character that starts at `start` (a character boundary of the UTF-8 `bytes`) is
/// an ideograph, U+4E00 to U+9FFF (see [`ideograph_ends_at`]).
pub(crate) fn ideograph_starts_at(bytes: &[u8], start: usize) -> bool {
    match bytes.get(start..start.saturating_add(3)) {
        Some(&[lead, second, _]) => is_unified_ideograph(lead, second),
        _ => false,
    }
}

/// The change verbs, indexed (longest first).
pub fn change_verbs() -> &'static WordIndex {
    static V: OnceLock<WordIndex> = OnceLock::new();
    V.get_or_init(|| WordIndex::new(lexicon::change_verbs().iter().map(|v| v.0)))
}

/// The longest change verb that `s` ends with, and its direction.
pub fn change_verb_before(s: &str) -> Option<(&'static str, Direction)> {
    let verb = change_verbs().suffix(s)?;
    let direction = lexicon::change_verbs()
        .iter()
        .find(|v| v.0 == verb)
        .map_or(Direction::Up, |v| v.1);
    Some((verb, direction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographs_told_by_their_lead_byte() {
        // Every character of the Basic Multilingual Plane, after two ASCII letters and before
        // one, so that both tests look at whole characters inside a text.
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let s = format!("ab{c}z");
            let end = s.len() - 1;
            let ideograph = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            assert_eq!(ideograph_ends_at(s.as_bytes(), end), ideograph, "{c}");
            assert_eq!(ideograph_starts_at(s.as_bytes(), 2), ideograph, "{c}");
        }
        assert!(!ideograph_ends_at("年".as_bytes(), 0));
        assert!(ideograph_ends_at("年".as_bytes(), 3));
        assert!(!ideograph_starts_at("年".as_bytes(), 3));
    }
}
