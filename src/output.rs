//! The output object: what the CLI prints as JSON and the page receives from WebAssembly.
//!
//! [`Output::new`] converts an [`Extraction`] (byte spans) into serializable records with
//! camelCase keys and UTF-16 `start`/`end`, so that JavaScript's `text.slice(start, end)` equals
//! each record's `text`. All offsets are converted in one forward pass ([`Utf16Map`]).

use serde::Serialize;

use crate::model::*;
use crate::span::{Span, Utf16Map};

/// The output object. Field order is the order of the JSON.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Output<'a> {
    pub indicators: Vec<IndicatorOut<'a>>,
    pub dates: Vec<DateOut<'a>>,
    pub headings: Vec<HeadingOut<'a>>,
    pub lists: Vec<ListOut<'a>>,
    pub citations: Vec<CitationOut<'a>>,
    pub title: Option<&'a str>,
    pub title_span: Option<LineSpanOut>,
    pub report_year: Option<i32>,
    pub metadata: Option<MetadataOut<'a>>,
    pub signature: Option<SignatureOut<'a>>,
    pub parts: Vec<PartOut>,
    pub deadline: Option<DeadlineOut<'a>>,
    pub warnings: Vec<WarningOut<'a>>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ChangeOut<'a> {
    pub direction: &'static str,
    pub basis: &'a str,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: Option<&'a str>,
    pub kind: &'static str,
    pub approx: Option<&'a str>,
    pub change: Option<ChangeOut<'a>>,
    pub metric: Option<&'a str>,
    pub metric_id: Option<&'static str>,
    /// Index into `headings` of the innermost heading this indicator sits under. Its section
    /// (the titles of every enclosing heading) follows from `headings[..].parent`:
    /// [`Output::section`].
    pub heading: Option<usize>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct DateOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub iso: &'a str,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct HeadingOut<'a> {
    /// The title's span.
    pub start: usize,
    pub end: usize,
    pub marker_start: usize,
    pub marker_end: usize,
    pub level: u8,
    pub marker: &'a str,
    pub number: u32,
    pub title: &'a str,
    pub line: usize,
    pub parent: Option<usize>,
    pub children: &'a [usize],
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ListOut<'a> {
    /// The whole item, marker included.
    pub start: usize,
    pub end: usize,
    pub marker_start: usize,
    pub marker_end: usize,
    pub marker: &'a str,
    pub number: u32,
    pub line: usize,
    pub heading: Option<usize>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct CitationOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub class: &'static str,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LineSpanOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FieldOut<'a> {
    pub key: &'a str,
    pub value: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct MetadataOut<'a> {
    pub start: usize,
    pub end: usize,
    pub fields: Vec<FieldOut<'a>>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SignatureOut<'a> {
    pub issuer: Option<&'a str>,
    pub issuer_start: Option<usize>,
    pub issuer_end: Option<usize>,
    pub date: Option<&'a str>,
    pub date_start: Option<usize>,
    pub date_end: Option<usize>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct PartOut {
    pub id: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    pub heading: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineOut<'a> {
    pub date: &'a str,
    pub source: &'static str,
    pub due: &'a str,
    pub status: &'static str,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct WarningOut<'a> {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub message: &'a str,
}

/// Every byte offset the output needs, for one [`Utf16Map`].
fn offsets(x: &Extraction) -> Vec<usize> {
    let mut v = Vec::with_capacity(2 * (x.indicators.len() + x.dates.len()) + 64);
    let mut add = |s: Span| {
        v.push(s.start);
        v.push(s.end);
    };
    x.indicators.iter().for_each(|i| add(i.span));
    x.dates.iter().for_each(|d| add(d.span));
    x.headings.iter().for_each(|h| {
        add(h.title_span);
        add(h.marker_span);
    });
    x.lists.iter().for_each(|l| {
        add(l.span);
        add(l.marker_span);
    });
    x.citations.iter().for_each(|c| add(c.span));
    if let Some(t) = &x.title {
        add(t.span);
    }
    if let Some(m) = &x.metadata {
        add(m.span);
        m.fields.iter().for_each(|f| add(f.span));
    }
    if let Some(s) = &x.signature {
        s.issuer_span
            .into_iter()
            .chain(s.date_span)
            .for_each(&mut add);
    }
    x.parts.iter().filter_map(|p| p.span).for_each(&mut add);
    x.warnings.iter().for_each(|w| add(w.span));
    v
}

impl<'a> Output<'a> {
    /// Builds the output object for `x`, which must have been extracted from `text`.
    pub fn new(text: &'a str, x: &'a Extraction) -> Self {
        let map = Utf16Map::new(text, offsets(x));
        let u = |s: Span| (map.get(s.start), map.get(s.end));
        Output {
            indicators: x
                .indicators
                .iter()
                .map(|i| {
                    let (start, end) = u(i.span);
                    IndicatorOut {
                        start,
                        end,
                        text: i.span.of(text),
                        value: i.value,
                        value_max: i.value_max,
                        unit: i.unit.as_deref(),
                        kind: i.kind.as_str(),
                        approx: i.approx.as_deref(),
                        change: i.change.as_ref().map(|c| ChangeOut {
                            direction: c.direction.as_str(),
                            basis: &c.basis,
                        }),
                        metric: i.metric.as_deref(),
                        metric_id: i.metric_id,
                        heading: i.heading,
                    }
                })
                .collect(),
            dates: x
                .dates
                .iter()
                .map(|d| {
                    let (start, end) = u(d.span);
                    DateOut {
                        start,
                        end,
                        text: d.span.of(text),
                        iso: &d.iso,
                    }
                })
                .collect(),
            headings: x
                .headings
                .iter()
                .map(|h| {
                    let (start, end) = u(h.title_span);
                    let (marker_start, marker_end) = u(h.marker_span);
                    HeadingOut {
                        start,
                        end,
                        marker_start,
                        marker_end,
                        level: h.level as u8,
                        marker: &h.marker,
                        number: h.number,
                        title: &h.title,
                        line: h.line,
                        parent: h.parent,
                        children: &h.children,
                    }
                })
                .collect(),
            lists: x
                .lists
                .iter()
                .map(|l| {
                    let (start, end) = u(l.span);
                    let (marker_start, marker_end) = u(l.marker_span);
                    ListOut {
                        start,
                        end,
                        marker_start,
                        marker_end,
                        marker: &l.marker,
                        number: l.number,
                        line: l.line,
                        heading: l.heading,
                    }
                })
                .collect(),
            citations: x
                .citations
                .iter()
                .map(|c| {
                    let (start, end) = u(c.span);
                    CitationOut {
                        start,
                        end,
                        text: c.span.of(text),
                        class: c.class.as_str(),
                    }
                })
                .collect(),
            title: x.title.as_ref().map(|t| t.text.as_str()),
            title_span: x.title.as_ref().map(|t| {
                let (start, end) = u(t.span);
                LineSpanOut {
                    start,
                    end,
                    line: t.line,
                }
            }),
            report_year: x.report_year,
            metadata: x.metadata.as_ref().map(|m| {
                let (start, end) = u(m.span);
                MetadataOut {
                    start,
                    end,
                    fields: m
                        .fields
                        .iter()
                        .map(|f| {
                            let (start, end) = u(f.span);
                            FieldOut {
                                key: &f.key,
                                value: &f.value,
                                start,
                                end,
                            }
                        })
                        .collect(),
                }
            }),
            signature: x.signature.as_ref().map(|s| SignatureOut {
                issuer: s.issuer.as_deref(),
                issuer_start: s.issuer_span.map(|sp| map.get(sp.start)),
                issuer_end: s.issuer_span.map(|sp| map.get(sp.end)),
                date: s.date.as_deref(),
                date_start: s.date_span.map(|sp| map.get(sp.start)),
                date_end: s.date_span.map(|sp| map.get(sp.end)),
            }),
            parts: x
                .parts
                .iter()
                .map(|p| PartOut {
                    id: p.id,
                    name: p.name,
                    status: p.status.as_str(),
                    heading: p.heading,
                    start: p.span.map(|s| map.get(s.start)),
                    end: p.span.map(|s| map.get(s.end)),
                })
                .collect(),
            deadline: x.deadline.as_ref().map(|d| DeadlineOut {
                date: &d.date,
                source: d.source,
                due: &d.due,
                status: d.status.as_str(),
            }),
            warnings: x
                .warnings
                .iter()
                .map(|w| {
                    let (start, end) = u(w.span);
                    WarningOut {
                        start,
                        end,
                        line: w.line,
                        message: &w.message,
                    }
                })
                .collect(),
        }
    }

    /// The section of an item whose innermost enclosing heading is `heading` (an indicator's or
    /// list item's `heading`): the titles of that heading and of its ancestors, outermost first.
    /// The JSON does not repeat it on every item; this is how consumers derive it.
    pub fn section(&self, mut heading: Option<usize>) -> Vec<&'a str> {
        let mut path = Vec::new();
        // Bounded by the number of headings even if parent links were ever cyclic.
        for _ in 0..self.headings.len() {
            let Some(head) = heading.and_then(|i| self.headings.get(i)) else {
                break;
            };
            path.push(head.title);
            heading = head.parent;
        }
        path.reverse();
        path
    }

    /// The object as compact JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers into a String cannot fail; f64
        // values are finite by construction (NaN/inf are never produced), and serde_json
        // writes non-finite floats as null anyway.
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// Extracts from `text` and returns the output object as JSON: the CLI's and the page's contract.
pub fn to_json(text: &str) -> String {
    let x = crate::extract(text);
    Output::new(text, &x).to_json()
}
