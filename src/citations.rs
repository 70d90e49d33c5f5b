//! `《…》` citations. (Skeleton: filled in by the structure issue.)
use crate::model::Citation;

pub fn find(_text: &str) -> Vec<Citation> {
    Vec::new()
}
