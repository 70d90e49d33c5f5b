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
