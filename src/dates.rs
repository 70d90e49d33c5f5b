//! Years and dates. (Skeleton: filled in by the indicators issue.)
use crate::model::{Citation, DateMention};

pub fn find(_text: &str, _citations: &[Citation]) -> Vec<DateMention> {
    Vec::new()
}
