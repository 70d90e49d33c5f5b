//! zhibiao (指标) finds the indicators and the structure of Chinese government report text.
//!
//! One call, [`extract`], returns everything: quantities found, normalised and named; years and
//! dates; the outline as a tree; inline `一是……二是……` lists; `《…》` citations; title, metadata
//! block and signature; and the check of the five parts the 2019 rules require.
//!
//! ```
//! let text = "一、主要举措和成效\n(一)深化改革。公布市级行政许可事项238项,办理4.6万件,合格率达98.7%。";
//! let found = zhibiao::extract(text);
//! let spans: Vec<&str> = found.indicators.iter().map(|i| i.span.of(text)).collect();
//! assert_eq!(spans, ["238项", "4.6万件", "98.7%"]);
//! assert_eq!(found.indicators[1].value, Some(46000.0));
//! assert_eq!(found.headings[1].title, "深化改革");
//! ```
//!
//! Spans are byte ranges ([`Span`]); [`output`] converts them to UTF-16 offsets for JSON and
//! JavaScript. `extract` never panics and never fails: empty or garbage input gives an empty
//! or partial result.

pub mod anchors;
pub mod carryover;
pub mod checks;
pub mod citations;
pub mod clause;
pub mod compare;
pub mod compare_out;
pub mod dates;
pub mod decimal;
pub mod exclusions;
pub mod genre;
pub mod indicators;
pub mod lexicon;
pub mod lists;
pub mod meta;
pub mod metrics;
pub mod model;
pub mod numbers;
pub mod outline;
pub mod output;
pub mod parts;
pub mod sort;
pub mod span;
pub mod table;
pub mod taxonomy;
#[cfg(test)]
mod testing;
pub mod text;
pub mod units;
pub mod utf16;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::*;
pub use span::Span;

/// Finds everything zhibiao knows about `text`: each step reads the text and what earlier
/// steps found, and returns what it finds.
pub fn extract(text: &str) -> Extraction {
    let anchors = anchors::find(text);
    let citations = citations::find_from(text, &anchors);
    // The outline, the lists and the metadata all read the lines: split once, at the line
    // ends the anchors found.
    let lines = anchors::lines(text, &anchors);
    let (headings, warnings) = outline::outline_in(text, &lines);
    let lists = lists::find_from(text, &anchors, &lines, &headings);
    let meta = meta::find_in(text, &lines, &headings);
    // (Freed before the indicators: held to the end, the lines raised the peak WebAssembly
    // memory on bench/node's 1 MB from 5.57x to 5.99x the input.)
    drop(lines);
    let dates = dates::find_from(text, &anchors, &citations);
    let indicators = indicators::find_from(text, &anchors, &citations, &headings, &lists);
    let indicators = outline::with_sections(indicators, &headings);
    let parts = parts::check(text, &anchors, &headings, &citations, &meta);
    let deadline = parts::deadline(text, &meta);
    let meta::Meta {
        title,
        metadata,
        signature,
        report_year,
    } = meta;
    let x = Extraction {
        indicators,
        dates,
        headings,
        lists,
        citations,
        title,
        report_year,
        metadata,
        signature,
        parts,
        deadline,
        warnings,
        ..Extraction::default()
    };
    // Last: genre, targets, the parts' substance and the findings read all of the above.
    checks::review(text, x)
}
