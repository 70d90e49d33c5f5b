//! Title, metadata block, signature, report year. (Skeleton: filled in by the structure issue.)
use crate::model::Extraction;

pub fn fill(_text: &str, _x: &mut Extraction) {}
