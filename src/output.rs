//! The output object: what the CLI prints as JSON and the page receives from WebAssembly.
//!
//! [`Output::new`] converts an [`Extraction`] (byte spans) into these DTOs with UTF-16
//! `start`/`end`, so that JavaScript's `text.slice(start, end)` equals each record's `text`, after
//! one forward pass over the text ([`Utf16Map`]). serde_json writes them ([`Output::to_json`]):
//! keys in camelCase and in declaration order, `null` for an absent value, except the four
//! details most indicators lack, which are left out. The structs here are the format: a new
//! field is a field here (with its line in [`Output::new`]) and its TypeScript type in
//! `src/wasm.rs`, which a unit test below keeps in step.

use serde::Serialize;

use crate::model::*;
use crate::span::{Span, Utf16Map};

/// The output object. Field order is the order of the JSON.
#[derive(Debug, Serialize)]
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
    /// `rule_of_law_report`, `government_work_report`, `statistical_bulletin` or `other`.
    pub genre: &'static str,
    /// What an evaluator would flag ([`crate::checks`]), in the order of their first span.
    pub checks: Vec<CheckOut<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeOut<'a> {
    pub direction: &'static str,
    pub basis: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: Option<f64>,
    /// The upper end of a range (`3–5万元`). This field and `approx`, `change` and `metricId`,
    /// which most indicators lack, are left out of the JSON when absent instead of being `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub unit: Option<&'a str>,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeOut<'a>>,
    pub metric: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric_id: Option<&'static str>,
    /// Index into `headings` of the innermost heading this indicator sits under. Its section
    /// (the titles of every enclosing heading) follows from `headings[..].parent`:
    /// [`Output::section`].
    pub heading: Option<usize>,
    /// A 政府工作报告's target for the coming year; left out unless `true`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub target: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub iso: &'a str,
}

#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CitationOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub class: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineSpanOut {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldOut<'a> {
    pub key: &'a str,
    pub value: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataOut<'a> {
    pub start: usize,
    pub end: usize,
    pub fields: Vec<FieldOut<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureOut<'a> {
    pub issuer: Option<&'a str>,
    pub issuer_start: Option<usize>,
    pub issuer_end: Option<usize>,
    pub date: Option<&'a str>,
    pub date_start: Option<usize>,
    pub date_end: Option<usize>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartOut {
    pub id: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    pub heading: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Figures and concrete items (list items, sub-headings) under its heading.
    pub figures: usize,
    pub items: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

/// One finding: `kind` (`rate`, `share`, `sum`, `change`, `points`, `difference`, `growth`,
/// `annual`, `thin`, `year`, `basis`), `severity` (`warning` or `info`), a Chinese message,
/// its spans (the figure checked first, then those it was computed from), the figure as
/// stated and as computed when it has them, and for arithmetic the tolerance (one unit of the
/// stated figure's last written digit, in its units; 0 for an exact count).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckOut<'a> {
    pub kind: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    pub spans: Vec<SpanOut>,
    pub stated: Option<f64>,
    pub computed: Option<f64>,
    pub tolerance: Option<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeadlineOut<'a> {
    pub date: &'a str,
    pub source: &'static str,
    pub due: &'a str,
    pub status: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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
                        target: i.target,
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
                    figures: p.figures,
                    items: p.items,
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
            genre: x.genre.as_str(),
            checks: x
                .checks
                .iter()
                .map(|f| CheckOut {
                    kind: f.kind.as_str(),
                    severity: f.severity.as_str(),
                    message: &f.message,
                    spans: f
                        .spans
                        .iter()
                        .map(|&s| {
                            let (start, end) = u(s);
                            SpanOut { start, end }
                        })
                        .collect(),
                    stated: f.stated,
                    computed: f.computed,
                    tolerance: f.tolerance,
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
        json(self, self.json_capacity())
    }

    /// The same JSON as its UTF-8 bytes, unchecked (serde_json writes only UTF-8).
    pub fn to_json_bytes(&self) -> Vec<u8> {
        json_bytes(self, self.json_capacity())
    }

    /// The same JSON as UTF-16 code units ([`utf16`] of serde_json's bytes), for the web
    /// bindings: the engine makes a string of them by copying them (`TextDecoder("utf-16le")`),
    /// where it decodes UTF-8 at about half that speed (bench/node's 1 MB: 540,756 units from
    /// 625,659 bytes, 0.9 against 2.1 ms in Node).
    pub fn to_json_utf16(&self) -> Vec<u16> {
        utf16(&self.to_json_bytes())
    }

    /// The object as compact JSON, with a first key `"file"` when `file` is given (the CLI's
    /// `jsonl`, and `json` of several files).
    pub fn to_json_with_file(&self, file: Option<&str>) -> String {
        /// `{"file":…,` then the fields of the output object.
        #[derive(Serialize)]
        struct WithFile<'o, 'a> {
            file: &'o str,
            #[serde(flatten)]
            output: &'o Output<'a>,
        }
        match file {
            Some(file) => json(
                &WithFile { file, output: self },
                self.json_capacity() + file.len() + 16,
            ),
            None => self.to_json(),
        }
    }

    /// A little over the JSON's length for real reports, which take 130–150 bytes per item
    /// (indicators, headings, dates, …), so that the string is allocated once. Grown from
    /// serde_json's 128 bytes by doubling instead, it is copied a dozen times, and the page's
    /// WebAssembly memory (which never shrinks) peaked at 5.6× the input instead of 4.4× on
    /// the 1 MB of `bench/node`.
    fn json_capacity(&self) -> usize {
        let items = self.indicators.len()
            + self.dates.len()
            + self.headings.len()
            + self.lists.len()
            + self.citations.len()
            + self.parts.len()
            + self.warnings.len()
            + self.checks.len();
        512 + 160 * items
    }
}

/// serde_json's compact JSON of `value`, written into a buffer of `capacity` bytes.
/// Serializing fails only for a map with non-string keys or a failing hand-written `Serialize`,
/// and serde_json writes only UTF-8: the empty string for either (never seen; `JSON.parse` and
/// the tests would reject it) keeps this free of a panic path.
pub(crate) fn json(value: &impl Serialize, capacity: usize) -> String {
    String::from_utf8(json_bytes(value, capacity)).unwrap_or_default()
}

/// [`json`]'s bytes, before the UTF-8 check; empty if serializing fails.
fn json_bytes(value: &impl Serialize, capacity: usize) -> Vec<u8> {
    let mut buf = Vec::with_capacity(capacity);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Numbers);
    match value.serialize(&mut ser) {
        Ok(()) => buf,
        Err(_) => Vec::new(),
    }
}

/// UTF-8 `b` as UTF-16 code units (for a `&str`, what `encode_utf16` gives, ~4x faster in the
/// WebAssembly): 16 bytes at a time are widened at once and those before the first non-ASCII
/// byte kept ([`widen`]); the characters from there to the next ASCII byte are decoded one at a
/// time. Bytes that are not UTF-8 give wrong units, never a panic.
pub fn utf16(b: &[u8]) -> Vec<u16> {
    // A character takes at least as many bytes as units; 16 more for the last block's write.
    let mut out = vec![0u16; b.len() + 16];
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        while let (Some(w), Some(to)) = (b.get(i..i + 16), out.get_mut(n..n + 16)) {
            let (Ok(w), Ok(to)) = (w.try_into(), to.try_into()) else {
                break;
            };
            let ascii = widen(w, to);
            (i, n) = (i + ascii, n + ascii);
            if ascii < 16 {
                break;
            }
        }
        // Characters one at a time, up to the next ASCII byte (to the end in the last 16).
        while let Some(&lead) = b.get(i) {
            if lead < 0x80 && i + 16 <= b.len() {
                break;
            }
            // A run of characters of three bytes (the CJK of names and titles), each in one
            // step: one bounds test for its bytes and one for its unit.
            let at = i;
            if lead & 0xF0 == 0xE0 {
                while let (Some(&[x, y, z]), Some(u)) = (b.get(i..i + 3), out.get_mut(n)) {
                    if x & 0xF0 != 0xE0 {
                        break;
                    }
                    *u = u16::from(x & 0x0F) << 12 | u16::from(y & 0x3F) << 6 | u16::from(z & 0x3F);
                    (i, n) = (i + 3, n + 1);
                }
            }
            // (Else, or when the run was cut short: one character of any width.)
            if i > at {
                continue;
            }
            // The continuation bytes' low six bits.
            let next = |k: usize| u32::from(b.get(i + k).map_or(0, |&x| x & 0x3F));
            let (c, len) = match lead {
                0..=0x7F => (u32::from(lead), 1),
                0x80..=0xDF => (u32::from(lead & 0x1F) << 6 | next(1), 2),
                0xE0..=0xEF => (u32::from(lead & 0x0F) << 12 | next(1) << 6 | next(2), 3),
                _ => (
                    u32::from(lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3),
                    4,
                ),
            };
            i += len;
            if c < 0x1_0000 {
                if let Some(u) = out.get_mut(n) {
                    *u = c as u16;
                }
                n += 1;
            } else {
                let c = c - 0x1_0000;
                if let Some([hi, lo]) = out.get_mut(n..n + 2) {
                    *hi = 0xD800 | (c >> 10) as u16;
                    *lo = 0xDC00 | (c & 0x3FF) as u16;
                }
                n += 2;
            }
        }
    }
    out.truncate(n);
    out
}

/// Writes the 16 bytes `w` widened into `to` and returns how many of them come before the
/// first non-ASCII byte (16 if none): one vector load, two widenings and two stores with
/// simd128.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn widen(w: &[u8; 16], to: &mut [u16; 16]) -> usize {
    use core::arch::wasm32::*;
    let x = u128::from_le_bytes(*w);
    let v = u64x2(x as u64, (x >> 64) as u64);
    let (lo, hi) = (u16x8_extend_low_u8x16(v), u16x8_extend_high_u8x16(v));
    macro_rules! lanes {
        ($($k:literal)*) => {$(
            to[$k] = u16x8_extract_lane::<$k>(lo);
            to[$k + 8] = u16x8_extract_lane::<$k>(hi);
        )*};
    }
    lanes!(0 1 2 3 4 5 6 7);
    u8x16_bitmask(v).trailing_zeros() as usize
}

/// [`widen`] without simd128.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn widen(w: &[u8; 16], to: &mut [u16; 16]) -> usize {
    for (u, &x) in to.iter_mut().zip(w) {
        *u = u16::from(x);
    }
    (u128::from_le_bytes(*w) & 0x8080_8080_8080_8080_8080_8080_8080_8080).trailing_zeros() as usize
        / 8
}

/// serde_json's compact formatter, with its numbers written by ryu (its `small` tables), and
/// whole ones below 10¹⁵ by their digits and `.0` (2.4 % of the web `extract` call on 1 MB
/// was ryu's search for the shortest digits of `238.0`).
///
/// Why: serde_json writes an `f64` with zmij, whose tables (an exponent string for every
/// exponent and 128-bit powers of ten) are ~12 KB of the gzipped WebAssembly; ryu with the
/// `small` feature computes its powers instead. The bytes are serde_json's: the shortest digits
/// that read back to the same double, `46000.0` for an integral value, an exponent (`1e+16`,
/// `1.5e-7`) outside 10⁻⁵ ≤ |x| < 10¹⁶ (a test holds the two against each other on 200,000
/// report-like figures and 200,000 random doubles). Infinite and NaN values never reach it
/// (serde_json writes `null`).
struct Numbers;

impl serde_json::ser::Formatter for Numbers {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, w: &mut W, x: f64) -> std::io::Result<()> {
        // Most figures are whole (`238.0`, `46000.0`): their digits (serde_json's `write_u64`)
        // and `.0`, the bytes ryu writes below 10¹⁶, without its search for the shortest digits.
        if x.fract() == 0.0 && x.abs() < 1e15 {
            if x.is_sign_negative() {
                w.write_all(b"-")?;
            }
            self.write_u64(w, x.abs() as u64)?;
            return w.write_all(b".0");
        }
        let mut buf = ryu::Buffer::new();
        let s = buf.format_finite(x);
        // ryu writes `1e16` where serde_json writes `1e+16`.
        match s.split_once('e') {
            Some((m, e)) if !e.starts_with('-') => write!(w, "{m}e+{e}"),
            _ => w.write_all(s.as_bytes()),
        }
    }
}

/// Extracts from `text` and returns the output object as JSON: the CLI's and the page's contract.
pub fn to_json(text: &str) -> String {
    let x = crate::extract(text);
    Output::new(text, &x).to_json()
}

/// The TypeScript types of [`Output`] (`src/output.d.ts`), which `src/wasm.rs` emits into the
/// page's `zhibiao.d.ts`. Here so that a native unit test can hold them against the DTOs.
pub const TYPESCRIPT: &str = include_str!("output.d.ts");

#[cfg(test)]
mod tests {

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut next = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15u64);
        let pow10 = crate::decimal::pow10;
        // What reports give: a few digits, a decimal point, a multiplier; and the edges.
        let mut report = vec![
            0.0,
            -0.0,
            1.0,
            46000.0,
            98.7,
            537.97e4,
            4.059e15,
            1e16,
            9.999999999999998e15,
            1e-5,
            9.99e-6,
            1e-7,
            0.1 + 0.2,
            -3.2,
            1e308,
            5e-324,
        ];
        for _ in 0..200_000 {
            let digits = (next() % 10_000_000) as f64;
            let x = digits / pow10((next() % 8) as usize) * pow10((next() % 13) as usize);
            report.push(if next() % 4 == 0 { -x } else { x });
        }
        for x in report {
            let (ours, theirs) = (super::json(&x, 32), serde_json::to_string(&x).unwrap());
            // From 2⁵⁰ (1.1 × 10¹⁵) a double's step is 0.25: `170.4358万亿` computes to
            // 1704358000000000.25, a tie (below).
            if x.abs() < 1e15 {
                assert_eq!(ours, theirs, "{x:e}");
            } else {
                assert_eq!(ours.parse::<f64>().unwrap(), x, "{ours}");
            }
        }
        // Any double: the same number, as short. (Where two candidates of the shortest length
        // are equally near, core and zmij may pick different last digits: 1887540000000000.25
        // is written .3 here and .2 by serde_json; both read back to the same double.)
        for _ in 0..200_000 {
            let x = f64::from_bits(next());
            if x.is_finite() {
                let (ours, theirs) = (super::json(&x, 32), serde_json::to_string(&x).unwrap());
                assert_eq!(ours.parse::<f64>().unwrap(), x, "{ours}");
                assert_eq!(ours.len(), theirs.len(), "{ours} {theirs}");
            }
        }
    }
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    fn json_of(text: &str) -> Value {
        serde_json::from_str(&to_json(text)).expect("valid JSON")
    }

    #[test]
    fn absent_indicator_details_are_left_out() {
        let t =
            "全年完成项目投资约1.5亿元,同比增长3.2%,公布市级行政许可事项238项,新建道路3至5公里。";
        let v = json_of(t);
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

    /// The keys of the outermost object of `json`, in the order written.
    fn top_level_keys(json: &str) -> Vec<String> {
        let (mut depth, mut in_string, mut escaped) = (0, false, false);
        let (mut key, mut keys) = (String::new(), Vec::new());
        for c in json.chars() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                if depth == 1 && in_string {
                    key.push(c);
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '{' | '[' => depth += 1,
                '}' | ']' => depth -= 1,
                ':' if depth == 1 => keys.push(std::mem::take(&mut key)),
                ',' if depth == 1 => key.clear(),
                _ => {}
            }
        }
        keys
    }

    #[test]
    fn keys_are_camel_case_in_declaration_order() {
        let t = "某县2023年法治政府建设年度报告\n一、主要举措和成效\n公布事项238项,办理3至5件。\n";
        let json = to_json(t);
        let top = [
            "indicators",
            "dates",
            "headings",
            "lists",
            "citations",
            "title",
            "titleSpan",
            "reportYear",
            "metadata",
            "signature",
            "parts",
            "deadline",
            "warnings",
            "genre",
            "checks",
        ];
        assert_eq!(top_level_keys(&json), top);
        assert!(json.starts_with(r#"{"indicators":[{"start":"#), "{json}");
        assert!(json
            .contains(r#""text":"3至5件","value":3.0,"valueMax":5.0,"unit":"件","kind":"count","#));
        assert!(json.contains(r#""markerStart":"#) && !json.contains("marker_start"));
    }

    #[test]
    fn offsets_are_utf16_code_units_after_astral_characters() {
        // 😀 and 𠀀 take two UTF-16 units each, four UTF-8 bytes.
        let t = "😀某县报告\n一、主要举措𠀀和成效\n依据《行政许可法》😀,公布事项238项,办理4.6万件,合格率98.7%。\n";
        let v = json_of(t);
        let units: Vec<u16> = t.encode_utf16().collect();
        let slice = |item: &Value, a: &str, b: &str| {
            let at = |k: &str| item[k].as_u64().expect("offset") as usize;
            String::from_utf16(&units[at(a)..at(b)]).expect("UTF-16")
        };
        let texts: Vec<String> = v["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .map(|i| {
                assert_eq!(slice(i, "start", "end"), i["text"].as_str().expect("text"));
                slice(i, "start", "end")
            })
            .collect();
        assert_eq!(texts, ["238项", "4.6万件", "98.7%"]);
        let h = &v["headings"][0];
        assert_eq!(slice(h, "start", "end"), "主要举措𠀀和成效");
        assert_eq!(slice(h, "markerStart", "markerEnd"), "一、");
        let c = &v["citations"][0];
        assert_eq!(slice(c, "start", "end"), "《行政许可法》");
        // 7 units on line 1 (😀 is two), 12 on line 2 (𠀀 is two), 16 before 238 on line 3.
        assert_eq!(v["indicators"][0]["start"], 7 + 12 + 16);
    }

    #[test]
    fn strings_are_escaped_and_read_back_unchanged() {
        // Quotes, backslashes, every control character, DEL and astral characters in a title,
        // a heading, a citation and an indicator's metric.
        let controls: String = (1u8..0x20)
            .map(char::from)
            .filter(|c| !matches!(c, '\n' | '\r'))
            .collect();
        let title = format!("关于\"法治\"\\政府{controls}\u{7F}😀建设情况的报告");
        let t = format!(
            "{title}\n一、主要举措和成效（\"一\"）\n依据《中华人民共和国\"行政\\许可\"法》,\
             公布\\市级\"行政许可事项\"238项。\n"
        );
        let json = to_json(&t);
        assert!(
            json.bytes().all(|b| b >= 0x20),
            "raw control character in {json:?}"
        );
        for escaped in [
            r#"\"法治\"\\政府"#,
            r"\u0001",
            r"\u001f",
            r"\t",
            r"\b",
            r"\f",
        ] {
            assert!(json.contains(escaped), "{escaped} not in {json}");
        }
        // DEL and non-ASCII are written as they are.
        assert!(json.contains("\u{7F}😀建设"));
        let v: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["title"], title.as_str());
        assert_eq!(v["headings"][0]["title"], "主要举措和成效（\"一\"）");
        assert_eq!(
            v["citations"][0]["text"],
            "《中华人民共和国\"行政\\许可\"法》"
        );
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_f64() {
        // Integral values keep a `.0`; others the shortest digits that read back the same.
        let json = to_json("公布事项238项,办理4.6万件,合格率98.7%,投入537.97万元,增长0.000123%。");
        for v in [
            r#""value":238.0,"#,
            r#""value":46000.0,"#,
            r#""value":98.7,"#,
            r#""value":5379700.0,"#,
            r#""value":0.000123,"#,
        ] {
            assert!(json.contains(v), "{v} not in {json}");
        }
    }

    #[test]
    fn utf16_is_encode_utf16() {
        let mut next = crate::testing::xorshift(0x2545_F491_4F6C_DD1Du64);
        let pool: Vec<char> =
            "a\"\\0.9\n\u{7F}\u{80}é\u{7FF}\u{800}项率\u{FFFF}\u{10000}😀𠀀\u{10FFFF}"
                .chars()
                .collect();
        for len in 0..200 {
            for k in 0..20 {
                // Mostly ASCII, or mostly the pool (runs of CJK and of other widths).
                let s: String = (0..len)
                    .map(|_| match (next() % 4 == 0) == (k % 2 == 0) {
                        true => pool[(next() % pool.len() as u64) as usize],
                        false => char::from(b'a' + (next() % 26) as u8),
                    })
                    .collect();
                assert_eq!(
                    utf16(s.as_bytes()),
                    s.encode_utf16().collect::<Vec<_>>(),
                    "{s:?}"
                );
            }
        }
        // A cut character (not UTF-8): some units, and no endless loop.
        for cut in [
            &[0xE3][..],
            &[0xE3, 0x80],
            b"ab\xE3\x80",
            &[0xE5, 0x85, 0xAB, 0xE3],
        ] {
            assert!(utf16(cut).len() <= cut.len());
        }
    }

    #[test]
    fn file_key_comes_first_then_the_same_object() {
        let t = "公布市级行政许可事项238项。";
        let x = crate::extract(t);
        let o = Output::new(t, &x);
        let plain = o.to_json();
        let with = o.to_json_with_file(Some("报告\"2024\"\\a.txt"));
        assert_eq!(
            with,
            format!(r#"{{"file":"报告\"2024\"\\a.txt",{}"#, &plain[1..])
        );
        assert_eq!(o.to_json_with_file(None), plain);
    }

    #[test]
    fn real_reports_json_fits_its_first_allocation() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
        let mut n = 0;
        for e in std::fs::read_dir(dir).expect("corpus fixtures") {
            let path = e.expect("entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                let t = std::fs::read_to_string(&path).expect("UTF-8 text");
                let x = crate::extract(&t);
                let o = Output::new(&t, &x);
                let (json, capacity) = (o.to_json(), o.json_capacity());
                assert!(
                    json.len() <= capacity,
                    "{path:?}: {} > {capacity}",
                    json.len()
                );
                assert!(
                    capacity < json.len() * 3 / 2,
                    "{path:?}: {capacity} for {}",
                    json.len()
                );
                n += 1;
            }
        }
        assert!(n >= 5, "only {n} corpus texts");
    }

    #[test]
    fn empty_text_gives_the_empty_object() {
        let json = to_json("");
        assert!(json.starts_with(r#"{"indicators":[],"dates":[],"headings":[],"lists":[],"citations":[],"title":null,"titleSpan":null,"reportYear":null,"metadata":null,"signature":null,"parts":[{"id":"measures","name":"#), "{json}");
        assert!(json.ends_with(r#""status":"missing","heading":null,"start":null,"end":null,"figures":0,"items":0}],"deadline":null,"warnings":[],"genre":"other","checks":[]}"#), "{json}");
    }

    /// An output object with every field present: every `Option` is `Some` and every list has an
    /// item, so that its JSON has every key. A field added to the DTOs must be filled in here
    /// (the compiler asks for it), and then needs its TypeScript type.
    fn every_field() -> Output<'static> {
        Output {
            indicators: vec![IndicatorOut {
                start: 0,
                end: 4,
                text: "3至5件",
                value: Some(3.0),
                value_max: Some(5.0),
                unit: Some("件"),
                kind: "count",
                approx: Some("约"),
                change: Some(ChangeOut {
                    direction: "up",
                    basis: "同比",
                }),
                metric: Some("事项"),
                metric_id: Some("cases"),
                heading: Some(0),
                target: true,
            }],
            dates: vec![DateOut {
                start: 0,
                end: 5,
                text: "2024年",
                iso: "2024",
            }],
            headings: vec![HeadingOut {
                start: 2,
                end: 9,
                marker_start: 0,
                marker_end: 2,
                level: 1,
                marker: "一、",
                number: 1,
                title: "主要举措和成效",
                line: 1,
                parent: Some(0),
                children: &[0],
            }],
            lists: vec![ListOut {
                start: 0,
                end: 4,
                marker_start: 0,
                marker_end: 2,
                marker: "一是",
                number: 1,
                line: 1,
                heading: Some(0),
            }],
            citations: vec![CitationOut {
                start: 0,
                end: 7,
                text: "《行政许可法》",
                class: "law",
            }],
            title: Some("报告"),
            title_span: Some(LineSpanOut {
                start: 0,
                end: 2,
                line: 1,
            }),
            report_year: Some(2024),
            metadata: Some(MetadataOut {
                start: 0,
                end: 9,
                fields: vec![FieldOut {
                    key: "索引号",
                    value: "0001",
                    start: 4,
                    end: 8,
                }],
            }),
            signature: Some(SignatureOut {
                issuer: Some("某县人民政府"),
                issuer_start: Some(0),
                issuer_end: Some(6),
                date: Some("2024-03-01"),
                date_start: Some(7),
                date_end: Some(16),
            }),
            parts: vec![PartOut {
                id: "measures",
                name: "主要举措和成效",
                status: "present",
                heading: Some(0),
                start: Some(2),
                end: Some(9),
                figures: 3,
                items: 2,
            }],
            deadline: Some(DeadlineOut {
                date: "2024-03-01",
                source: "signature",
                due: "2024-04-01",
                status: "onTime",
            }),
            warnings: vec![WarningOut {
                start: 0,
                end: 2,
                line: 1,
                message: "层级跳跃",
            }],
            genre: "rule_of_law_report",
            checks: vec![CheckOut {
                kind: "rate",
                severity: "warning",
                message: "调解成功率应为97.89%（1205÷1231），报告写97.87%",
                spans: vec![SpanOut { start: 10, end: 16 }],
                stated: Some(97.87),
                computed: Some(97.89),
                tolerance: Some(0.01),
            }],
        }
    }

    /// Every object key in `v`, at any depth; fails on a `null` (a field left `None`).
    fn keys(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Null => panic!("a field of every_field() is None"),
            Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
            Value::Object(o) => {
                for (k, x) in o {
                    out.insert(k.clone());
                    keys(x, out);
                }
            }
            _ => {}
        }
    }

    /// The property names of TypeScript declarations: identifiers followed by `:` or `?:`,
    /// outside `/** … */` comments and string literals.
    fn typescript_properties(ts: &str) -> BTreeSet<String> {
        let mut code = String::new();
        let mut rest = ts;
        while let Some(a) = rest.find("/*") {
            code.push_str(&rest[..a]);
            rest = rest[a..].find("*/").map_or("", |b| &rest[a + b + 2..]);
        }
        code.push_str(rest);
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let mut props = BTreeSet::new();
        let mut ident = String::new();
        let mut in_string = false;
        for c in code.chars() {
            if c == '"' {
                in_string = !in_string;
            }
            if in_string {
                continue;
            }
            if c.is_ascii_alphanumeric() || c == '_' {
                ident.push(c);
                continue;
            }
            if (c == ':' || c == '?') && !ident.is_empty() {
                props.insert(std::mem::take(&mut ident));
            }
            ident.clear();
        }
        props
    }

    #[test]
    fn typescript_names_every_field() {
        let mut json_keys = BTreeSet::new();
        keys(
            &serde_json::to_value(every_field()).expect("JSON"),
            &mut json_keys,
        );
        let ts = typescript_properties(TYPESCRIPT);
        let missing: Vec<_> = json_keys.difference(&ts).collect();
        assert!(
            missing.is_empty(),
            "no TypeScript type in src/output.d.ts for {missing:?}"
        );
        let stale: Vec<_> = ts.difference(&json_keys).collect();
        assert!(
            stale.is_empty(),
            "src/output.d.ts names fields the output lacks: {stale:?}"
        );
        // The parser sees what it should: optional and required properties, not comment words.
        assert!(ts.contains("valueMax") && ts.contains("issuerStart") && !ts.contains("units"));
    }
}
