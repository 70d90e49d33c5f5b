//! The metric taxonomy: canonical metrics, each with an id and its wording variants, kept as
//! data in `data/metrics.tsv`, and the lookup of a metric phrase's id.
//!
//! About fifty canonical metrics of the genre, each with an id and its wording
//! variants, kept as data in `data/metrics.tsv` (from `shared/design/domain.md` §1b, loaded by
//! [`crate::lexicon::metrics`]). [`lookup`]
//! gives the id of the longest variant that occurs in a metric phrase, so the specific wording
//! wins over the generic one:
//!
//! ```
//! use zhibiao::taxonomy::lookup;
//! assert_eq!(lookup("行政机关负责人出庭应诉率"), Some("appearance_rate"));
//! assert_eq!(lookup("调解成功率"), Some("mediation_success_rate"));
//! assert_eq!(lookup("群众满意率"), Some("satisfaction_rate"));
//! assert_eq!(lookup("法治文化轻骑兵"), Some("legal_education_events"));
//! assert_eq!(lookup("国内生产总值"), None);
//! ```
//!
//! A phrase with none of the listed wordings has no id.

use std::sync::OnceLock;

use crate::lexicon;
use crate::text::CharGroups;

pub use crate::lexicon::Metric;

struct Index {
    metrics: &'static [Metric],
    /// (variant, metric index) by first character, longest variant first.
    by_first: CharGroups<(&'static str, usize)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let metrics = lexicon::metrics();
        let mut by_first = Vec::new();
        for (i, m) in metrics.iter().enumerate() {
            for v in m.variants.iter().copied().chain(std::iter::once(m.name)) {
                if let Some(c) = v.chars().next() {
                    by_first.push((c, v, i));
                }
            }
        }
        by_first.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        let by_first = CharGroups::new(by_first.into_iter().map(|(c, v, i)| (c, (v, i))).collect());
        Index { metrics, by_first }
    })
}

/// All metrics of the taxonomy, in file order.
pub fn all() -> &'static [Metric] {
    index().metrics
}

/// The id of the metric whose longest wording occurs in `phrase`.
pub fn lookup(phrase: &str) -> Option<&'static str> {
    let ix = index();
    let mut best: Option<(&str, usize)> = None;
    for (i, c) in phrase.char_indices() {
        let rest = &phrase[i..];
        if let Some(&(v, m)) = ix.by_first.get(c).find(|e| rest.starts_with(e.0)) {
            if best.map_or(true, |(b, _)| v.len() > b.len()) {
                best = Some((v, m));
            }
        }
    }
    best.map(|(_, m)| ix.metrics[m].id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_is_well_formed() {
        let m = all();
        assert!(m.len() >= 50, "{}", m.len());
        let mut ids: Vec<_> = m.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), m.len(), "duplicate ids");
        assert!(m.iter().all(|m| !m.variants.is_empty()));
    }

    #[test]
    fn specific_wording_wins() {
        assert_eq!(lookup("答复满意率"), Some("deputy_proposals"));
        assert_eq!(lookup("按期办结率"), Some("hotline_closure_rate"));
        assert_eq!(
            lookup("行政规范性文件合法性审核率"),
            Some("normative_review_rate")
        );
        assert_eq!(lookup("办理行政复议案件"), Some("review_cases"));
        assert_eq!(lookup("败诉率"), Some("litigation_loss_rate"));
    }
}
