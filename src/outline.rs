//! Outline headings. (Skeleton: filled in by the structure issue.)
use crate::model::{Extraction, Heading};

pub fn find(_text: &str) -> Vec<Heading> {
    Vec::new()
}

/// Sets each indicator's `heading` to the innermost heading before it.
pub fn assign_sections(_x: &mut Extraction) {}
