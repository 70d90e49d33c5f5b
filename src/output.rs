//! The output object: what the CLI prints as JSON and the page receives from WebAssembly.
//!
//! [`Output::new`] converts an [`Extraction`] (byte spans) into records with UTF-16
//! `start`/`end`, so that JavaScript's `text.slice(start, end)` equals each record's `text`, after
//! one forward pass over the text ([`Utf16Map`]). [`Output::to_json`] writes them as
//! compact JSON with camelCase keys, by hand into one pre-sized string: the result is a large
//! part of the page's time (the JSON is most of the input's size, and the engine parses it
//! again), and serde_json's derive took twice as long for the same bytes. The unit tests check
//! the writer against serde_json, derived on these structs in tests only.

#[cfg(test)]
use serde::Serialize;

use crate::model::*;
use crate::span::{Span, Utf16Map};

/// The output object. Field order is the order of the JSON.
#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
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

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct ChangeOut<'a> {
    pub direction: &'static str,
    pub basis: &'a str,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct IndicatorOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: Option<f64>,
    /// The upper end of a range (`3–5万元`). This field and `approx`, `change` and `metricId`,
    /// which most indicators lack, are left out of the JSON when absent instead of being `null`.
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub value_max: Option<f64>,
    pub unit: Option<&'a str>,
    pub kind: &'static str,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub approx: Option<&'a str>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub change: Option<ChangeOut<'a>>,
    pub metric: Option<&'a str>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub metric_id: Option<&'static str>,
    /// Index into `headings` of the innermost heading this indicator sits under. Its section
    /// (the titles of every enclosing heading) follows from `headings[..].parent`:
    /// [`Output::section`].
    pub heading: Option<usize>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct DateOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub iso: &'a str,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
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

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
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

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct CitationOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub class: &'static str,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct LineSpanOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct FieldOut<'a> {
    pub key: &'a str,
    pub value: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct MetadataOut<'a> {
    pub start: usize,
    pub end: usize,
    pub fields: Vec<FieldOut<'a>>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct SignatureOut<'a> {
    pub issuer: Option<&'a str>,
    pub issuer_start: Option<usize>,
    pub issuer_end: Option<usize>,
    pub date: Option<&'a str>,
    pub date_start: Option<usize>,
    pub date_end: Option<usize>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct PartOut {
    pub id: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    pub heading: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct DeadlineOut<'a> {
    pub date: &'a str,
    pub source: &'static str,
    pub due: &'a str,
    pub status: &'static str,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Serialize), serde(rename_all = "camelCase"))]
pub struct WarningOut<'a> {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub message: &'a str,
}

impl<'a> Output<'a> {
    /// Builds the output object for `x`, which must have been extracted from `text`.
    pub fn new(text: &'a str, x: &'a Extraction) -> Self {
        let map = Utf16Map::new(text);
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
                        approx: i.approx,
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
        self.to_json_with_file(None)
    }

    /// The object as compact JSON, with a first key `"file"` when `file` is given (the CLI's
    /// `jsonl`, and `json` of several files).
    pub fn to_json_with_file(&self, file: Option<&str>) -> String {
        let mut w = Json(String::with_capacity(self.json_len_estimate()));
        w.output(self, file);
        w.0
    }

    /// About the length of the JSON, a little over for typical reports, so that the string is
    /// allocated once instead of growing by doubling (which also copies it each time).
    fn json_len_estimate(&self) -> usize {
        let opt = |s: Option<&str>| s.map_or(4, |s| s.len() + 2);
        let indicators: usize = self
            .indicators
            .iter()
            .map(|i| {
                120 + i.text.len()
                    + opt(i.unit)
                    + opt(i.metric)
                    + opt(i.approx)
                    + i.change.as_ref().map_or(0, |c| 40 + c.basis.len())
                    + i.metric_id.map_or(0, |m| 16 + m.len())
            })
            .sum();
        let headings: usize = self
            .headings
            .iter()
            .map(|h| 150 + h.title.len() + h.marker.len() + 6 * h.children.len())
            .sum();
        let texts = |n: usize, sum: usize| 80 * n + sum;
        let metadata = self.metadata.as_ref().map_or(0, |m| {
            60 + m
                .fields
                .iter()
                .map(|f| 50 + f.key.len() + f.value.len())
                .sum::<usize>()
        });
        512 + indicators
            + headings
            + texts(
                self.dates.len(),
                self.dates.iter().map(|d| d.text.len()).sum(),
            )
            + 130 * self.lists.len()
            + texts(
                self.citations.len(),
                self.citations.iter().map(|c| c.text.len()).sum(),
            )
            + texts(
                self.warnings.len(),
                self.warnings.iter().map(|w| w.message.len()).sum(),
            )
            + 100 * self.parts.len()
            + metadata
            + self.title.map_or(0, str::len)
    }
}

/// Whether one of the eight bytes of `x` is `"`, `\` or below 0x20 (the classic "has a zero
/// byte" test: `(v - 0x01..) & !v & 0x80..` flags the bytes of `v` that are zero, or below `n`
/// when `0x01` is replaced by `n`; a false positive only sends the word to the exact loop).
const fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn below(v: u64, n: u64) -> u64 {
        v.wrapping_sub(n * ONES) & !v & HIGH
    }
    (below(x, 0x20) | below(x ^ (b'"' as u64 * ONES), 1) | below(x ^ (b'\\' as u64 * ONES), 1)) != 0
}

/// The JSON writer behind [`Output::to_json`]: compact JSON appended to one `String`, byte for
/// byte what serde_json writes for the same structs (the unit tests compare the two), but about
/// twice as fast: keys are literals, there is no per-field dispatch, and only `"`, `\` and
/// control characters are looked for in strings. Fields are written in declaration order.
struct Json(String);

impl Json {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn uint(&mut self, v: u64) {
        self.raw(itoa::Buffer::new().format(v));
    }

    fn usize(&mut self, v: usize) {
        self.uint(v as u64);
    }

    fn int(&mut self, v: i64) {
        if v < 0 {
            self.raw("-");
        }
        self.uint(v.unsigned_abs());
    }

    /// As serde_json: `238.0` for integral values, the shortest round-trip digits otherwise,
    /// `null` for NaN and infinities (never produced).
    fn float(&mut self, v: f64) {
        // Integral values below 2^53 print as their integer with `.0`, which is what serde_json
        // writes for them; everything else (and -0.0) goes through serde_json itself.
        if v.fract() == 0.0 && v.abs() < 9.0e15 && !(v == 0.0 && v.is_sign_negative()) {
            self.int(v as i64);
            self.raw(".0");
            return;
        }
        let mut buf = [0u8; 40];
        let mut rest: &mut [u8] = &mut buf;
        let n = match serde_json::to_writer(&mut rest, &v) {
            Ok(()) => 40 - rest.len(),
            Err(_) => 0,
        };
        match std::str::from_utf8(&buf[..n]) {
            Ok(s) if n > 0 => self.raw(s),
            _ => self.raw("null"),
        }
    }

    /// A JSON string: escapes `"`, `\` and the control characters U+0000–U+001F (as
    /// serde_json does: `\n`, `\t`, `\r`, `\b`, `\f`, else `\u00xx`); everything else is copied.
    fn str(&mut self, s: &str) {
        self.0.push('"');
        let bytes = s.as_bytes();
        // Eight bytes at a time up to the first one that may need escaping (most strings have
        // none: report text, units, names).
        let mut from = 0;
        while from + 8 <= bytes.len() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[from..from + 8]);
            if needs_escape(u64::from_le_bytes(w)) {
                break;
            }
            from += 8;
        }
        let mut copied = 0;
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            // `i` is at an ASCII byte, so both slices end on char boundaries.
            self.0.push_str(&s[copied..i]);
            copied = i + 1;
            match b {
                b'"' => self.raw("\\\""),
                b'\\' => self.raw("\\\\"),
                b'\n' => self.raw("\\n"),
                b'\r' => self.raw("\\r"),
                b'\t' => self.raw("\\t"),
                0x08 => self.raw("\\b"),
                0x0C => self.raw("\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.raw("\\u00");
                    self.0.push(char::from(HEX[usize::from(b >> 4)]));
                    self.0.push(char::from(HEX[usize::from(b & 15)]));
                }
            }
        }
        self.0.push_str(&s[copied..]);
        self.0.push('"');
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn opt_usize(&mut self, v: Option<usize>) {
        match v {
            Some(v) => self.usize(v),
            None => self.raw("null"),
        }
    }

    fn opt_float(&mut self, v: Option<f64>) {
        match v {
            Some(v) => self.float(v),
            None => self.raw("null"),
        }
    }

    /// `[item,item,...]`, each written by `f`.
    /// Opens an object with its span, `{"start":N,"end":M`: the first two fields of every
    /// spanned item.
    fn open_span(&mut self, start: usize, end: usize) {
        self.raw(r#"{"start":"#);
        self.usize(start);
        self.raw(r#","end":"#);
        self.usize(end);
    }

    fn array<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.raw("[");
        for (k, item) in items.iter().enumerate() {
            if k > 0 {
                self.raw(",");
            }
            f(self, item);
        }
        self.raw("]");
    }

    /// `null`, or the object `f` writes.
    fn opt<T>(&mut self, v: &Option<T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            Some(v) => f(self, v),
            None => self.raw("null"),
        }
    }

    fn output(&mut self, o: &Output, file: Option<&str>) {
        match file {
            Some(file) => {
                self.raw(r#"{"file":"#);
                self.str(file);
                self.raw(r#","indicators":"#);
            }
            None => self.raw(r#"{"indicators":"#),
        }
        self.array(&o.indicators, Self::indicator);
        self.raw(r#","dates":"#);
        self.array(&o.dates, |w, d| {
            w.open_span(d.start, d.end);
            w.raw(r#","text":"#);
            w.str(d.text);
            w.raw(r#","iso":"#);
            w.str(d.iso);
            w.raw("}");
        });
        self.raw(r#","headings":"#);
        self.array(&o.headings, Self::heading);
        self.raw(r#","lists":"#);
        self.array(&o.lists, Self::list);
        self.raw(r#","citations":"#);
        self.array(&o.citations, |w, c| {
            w.open_span(c.start, c.end);
            w.raw(r#","text":"#);
            w.str(c.text);
            w.raw(r#","class":"#);
            w.str(c.class);
            w.raw("}");
        });
        self.raw(r#","title":"#);
        self.opt_str(o.title);
        self.raw(r#","titleSpan":"#);
        self.opt(&o.title_span, |w, t| {
            w.open_span(t.start, t.end);
            w.raw(r#","line":"#);
            w.usize(t.line);
            w.raw("}");
        });
        self.raw(r#","reportYear":"#);
        self.opt(&o.report_year, |w, &y| w.int(i64::from(y)));
        self.raw(r#","metadata":"#);
        self.opt(&o.metadata, Self::metadata);
        self.raw(r#","signature":"#);
        self.opt(&o.signature, Self::signature);
        self.raw(r#","parts":"#);
        self.array(&o.parts, Self::part);
        self.raw(r#","deadline":"#);
        self.opt(&o.deadline, |w, d| {
            w.raw(r#"{"date":"#);
            w.str(d.date);
            w.raw(r#","source":"#);
            w.str(d.source);
            w.raw(r#","due":"#);
            w.str(d.due);
            w.raw(r#","status":"#);
            w.str(d.status);
            w.raw("}");
        });
        self.raw(r#","warnings":"#);
        self.array(&o.warnings, |w, x| {
            w.open_span(x.start, x.end);
            w.raw(r#","line":"#);
            w.usize(x.line);
            w.raw(r#","message":"#);
            w.str(x.message);
            w.raw("}");
        });
        self.raw("}");
    }

    fn indicator(&mut self, i: &IndicatorOut) {
        self.open_span(i.start, i.end);
        self.raw(r#","text":"#);
        self.str(i.text);
        self.raw(r#","value":"#);
        self.opt_float(i.value);
        // The four details that most indicators lack are left out rather than written as null.
        if let Some(v) = i.value_max {
            self.raw(r#","valueMax":"#);
            self.float(v);
        }
        self.raw(r#","unit":"#);
        self.opt_str(i.unit);
        self.raw(r#","kind":"#);
        self.str(i.kind);
        if let Some(a) = i.approx {
            self.raw(r#","approx":"#);
            self.str(a);
        }
        if let Some(c) = &i.change {
            self.raw(r#","change":{"direction":"#);
            self.str(c.direction);
            self.raw(r#","basis":"#);
            self.str(c.basis);
            self.raw("}");
        }
        self.raw(r#","metric":"#);
        self.opt_str(i.metric);
        if let Some(m) = i.metric_id {
            self.raw(r#","metricId":"#);
            self.str(m);
        }
        self.raw(r#","heading":"#);
        self.opt_usize(i.heading);
        self.raw("}");
    }

    fn heading(&mut self, h: &HeadingOut) {
        self.open_span(h.start, h.end);
        self.raw(r#","markerStart":"#);
        self.usize(h.marker_start);
        self.raw(r#","markerEnd":"#);
        self.usize(h.marker_end);
        self.raw(r#","level":"#);
        self.uint(u64::from(h.level));
        self.raw(r#","marker":"#);
        self.str(h.marker);
        self.raw(r#","number":"#);
        self.uint(u64::from(h.number));
        self.raw(r#","title":"#);
        self.str(h.title);
        self.raw(r#","line":"#);
        self.usize(h.line);
        self.raw(r#","parent":"#);
        self.opt_usize(h.parent);
        self.raw(r#","children":"#);
        self.array(h.children, |w, &c| w.usize(c));
        self.raw("}");
    }

    fn list(&mut self, l: &ListOut) {
        self.open_span(l.start, l.end);
        self.raw(r#","markerStart":"#);
        self.usize(l.marker_start);
        self.raw(r#","markerEnd":"#);
        self.usize(l.marker_end);
        self.raw(r#","marker":"#);
        self.str(l.marker);
        self.raw(r#","number":"#);
        self.uint(u64::from(l.number));
        self.raw(r#","line":"#);
        self.usize(l.line);
        self.raw(r#","heading":"#);
        self.opt_usize(l.heading);
        self.raw("}");
    }

    fn metadata(&mut self, m: &MetadataOut) {
        self.open_span(m.start, m.end);
        self.raw(r#","fields":"#);
        self.array(&m.fields, |w, f| {
            w.raw(r#"{"key":"#);
            w.str(f.key);
            w.raw(r#","value":"#);
            w.str(f.value);
            w.raw(r#","start":"#);
            w.usize(f.start);
            w.raw(r#","end":"#);
            w.usize(f.end);
            w.raw("}");
        });
        self.raw("}");
    }

    fn signature(&mut self, s: &SignatureOut) {
        self.raw(r#"{"issuer":"#);
        self.opt_str(s.issuer);
        self.raw(r#","issuerStart":"#);
        self.opt_usize(s.issuer_start);
        self.raw(r#","issuerEnd":"#);
        self.opt_usize(s.issuer_end);
        self.raw(r#","date":"#);
        self.opt_str(s.date);
        self.raw(r#","dateStart":"#);
        self.opt_usize(s.date_start);
        self.raw(r#","dateEnd":"#);
        self.opt_usize(s.date_end);
        self.raw("}");
    }

    fn part(&mut self, p: &PartOut) {
        self.raw(r#"{"id":"#);
        self.str(p.id);
        self.raw(r#","name":"#);
        self.str(p.name);
        self.raw(r#","status":"#);
        self.str(p.status);
        self.raw(r#","heading":"#);
        self.opt_usize(p.heading);
        self.raw(r#","start":"#);
        self.opt_usize(p.start);
        self.raw(r#","end":"#);
        self.opt_usize(p.end);
        self.raw("}");
    }
}

/// Extracts from `text` and returns the output object as JSON: the CLI's and the page's contract.
pub fn to_json(text: &str) -> String {
    let x = crate::extract(text);
    Output::new(text, &x).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written writer against serde_json on the same structs (derived in tests only).
    fn assert_same_json(text: &str) {
        let x = crate::extract(text);
        let o = Output::new(text, &x);
        let serde = serde_json::to_string(&o).expect("serde_json");
        assert_eq!(o.to_json(), serde);
        #[derive(Serialize)]
        struct WithFile<'a> {
            file: &'a str,
            #[serde(flatten)]
            out: &'a Output<'a>,
        }
        let file = "报告\"2024\"\\a.txt";
        let serde = serde_json::to_string(&WithFile { file, out: &o }).expect("serde_json");
        assert_eq!(o.to_json_with_file(Some(file)), serde);
    }

    #[test]
    fn json_is_what_serde_json_writes_on_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
        let mut n = 0;
        for e in std::fs::read_dir(dir).expect("corpus fixtures") {
            let path = e.expect("entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                assert_same_json(&std::fs::read_to_string(&path).expect("UTF-8 text"));
                n += 1;
            }
        }
        assert!(n >= 5, "only {n} corpus texts");
    }

    #[test]
    fn json_escapes_what_serde_json_escapes() {
        // Quotes, backslashes, every control character, DEL and astral characters in titles,
        // markers, indicator texts, citations and warnings.
        let controls: String = (0u8..0x20).map(char::from).collect();
        let text = format!(
            "关于\"法治\"\\政府{controls}\u{7F}😀𠀀建设情况的报告\n\
             一、主要举措和成效（\"一\"）\t\u{0C}\n\
             (一)深化改革。公布市级行政许可事项238项,办理4.6万件,同比增长-3.5%,\
             约1.5亿元,共计0.000123万元,合计12345678901234567万元。\n\
             依据《中华人民共和国\"行政\\许可\"法》。\r\n\
             二、存在不足\u{8}\n三三三、\n"
        );
        assert_same_json(&text);
        assert_same_json("");
    }

    #[test]
    fn absent_indicator_details_are_left_out() {
        let t = "全年完成固定资产投资约1.5亿元,同比增长3.2%,公布市级行政许可事项238项,新建道路3至5公里。";
        let v: serde_json::Value = serde_json::from_str(&to_json(t)).expect("JSON");
        let keys: Vec<Vec<&str>> = v["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .map(|i| {
                i.as_object()
                    .expect("object")
                    .keys()
                    .map(String::as_str)
                    .collect()
            })
            .collect();
        let always = [
            "start", "end", "text", "value", "unit", "kind", "metric", "heading",
        ];
        let want: Vec<Vec<&str>> = ["approx", "change", "metricId", "valueMax"]
            .iter()
            .map(|extra| {
                let mut k: Vec<&str> = always.iter().copied().chain([*extra]).collect();
                k.sort_unstable();
                k
            })
            .collect();
        // serde_json::Value sorts keys; `heading: null` stays, as every other absent value.
        assert_eq!(keys, want);
        assert!(v["indicators"][0]["heading"].is_null());
    }

    #[test]
    fn needs_escape_finds_each_byte_at_each_position() {
        for fill in [b'a', 0xE4, 0x80, 0xFF, b'!'] {
            for b in 0..=255u8 {
                for pos in 0..8 {
                    let mut w = [fill; 8];
                    w[pos] = b;
                    let want = b < 0x20 || b == b'"' || b == b'\\';
                    assert_eq!(
                        needs_escape(u64::from_le_bytes(w)),
                        want,
                        "{fill:#x} {b:#x} at {pos}"
                    );
                }
            }
        }
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        let values = [
            0.0,
            -0.0,
            1.0,
            238.0,
            98.7,
            4.6,
            537.97,
            0.1,
            1e-7,
            123456.789,
            1e15,
            8.9e15,
            9.1e15,
            1e16,
            1e21,
            1e300,
            -5.0,
            -2.5,
            2f64.powi(53),
            2f64.powi(53) + 2.0,
            1.5e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ];
        for v in values {
            let mut w = Json(String::new());
            w.float(v);
            assert_eq!(w.0, serde_json::to_string(&v).expect("serde_json"), "{v:e}");
        }
    }
}
