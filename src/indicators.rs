//! Indicators. (Skeleton: filled in by the indicators issue.)
use crate::model::{Citation, Heading, Indicator, ListItem};

pub fn find(
    _text: &str,
    _citations: &[Citation],
    _headings: &[Heading],
    _lists: &[ListItem],
) -> Vec<Indicator> {
    Vec::new()
}
