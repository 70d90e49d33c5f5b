//! The invariants every result of [`zhibiao::extract`] must satisfy, whatever the input.
//!
//! Shared by `tests/properties.rs`, `tests/hostile.rs` and the fuzz target
//! (`fuzz/fuzz_targets/extract.rs` includes this file by path), so the three check the same
//! thing. [`check`] panics with a message naming the broken invariant.

#![allow(dead_code)]

use zhibiao::output::Output;
use zhibiao::{Extraction, Span};

/// Runs `extract` twice on `text`, checks every invariant, and returns the result.
pub fn check(text: &str) -> Extraction {
    let x = zhibiao::extract(text);
    check_result(text, &x);
    let again = zhibiao::extract(text);
    assert!(x == again, "extract is not deterministic");
    x
}

/// UTF-16 offset of every byte offset of `text` (at char boundaries; inner bytes repeat the
/// char's start), so checking many spans stays linear.
fn utf16_table(text: &str) -> Vec<usize> {
    let mut t = Vec::with_capacity(text.len() + 1);
    let mut unit = 0;
    for c in text.chars() {
        t.resize(t.len() + c.len_utf8(), unit);
        unit += c.len_utf16();
    }
    t.push(unit);
    t
}

fn span_ok(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what}: span {s:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what}: span {s:?} not on char boundaries"
    );
}

/// Checks that the output's UTF-16 offsets are those of the byte span, on UTF-16 boundaries.
fn utf16_ok(table: &[usize], units: &[u16], s: Span, start: usize, end: usize, what: &str) {
    assert_eq!(
        (start, end),
        (table[s.start], table[s.end]),
        "{what}: UTF-16 offsets do not match byte span {s:?}"
    );
    for off in [start, end] {
        assert!(off <= units.len(), "{what}: UTF-16 offset {off} past end");
        if let Some(&u) = units.get(off) {
            assert!(
                !(0xDC00..=0xDFFF).contains(&u),
                "{what}: UTF-16 offset {off} splits a surrogate pair"
            );
        }
    }
}

/// `s` without line breaks and blanks: a marker split over two lines (`(`, then `1)`) is
/// reported as written but without the break.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|&c| !matches!(c, '\n' | '\r') && !zhibiao::text::is_blank(c))
        .collect()
}

fn slice16(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(&units[start..end]).expect("slice on UTF-16 boundaries decodes")
}

/// Checks `x`, the result of `extract(text)`, and its output object and JSON.
pub fn check_result(text: &str, x: &Extraction) {
    let lines: Vec<zhibiao::text::Line> = zhibiao::text::lines(text).collect();
    let nlines = lines.len();
    let line_ok = |line: usize, what: &str| {
        assert!(
            (1..=nlines).contains(&line),
            "{what}: line {line} does not exist (text has {nlines} lines)"
        );
    };

    // Byte spans: within the text, on char boundaries.
    for (k, i) in x.indicators.iter().enumerate() {
        span_ok(text, i.span, "indicator");
        assert!(!i.span.is_empty(), "indicator {k} has an empty span");
        for v in [i.value, i.value_max].into_iter().flatten() {
            assert!(v.is_finite(), "indicator {k} has a non-finite value {v}");
        }
        if let Some(h) = i.heading {
            assert!(
                h < x.headings.len(),
                "indicator {k}: heading {h} out of range"
            );
        }
    }
    for w in x.indicators.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "indicators not sorted or overlapping: {:?} then {:?}",
            w[0].span,
            w[1].span
        );
    }
    for d in &x.dates {
        span_ok(text, d.span, "date");
    }
    for w in x.dates.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "dates not sorted");
    }
    for (k, h) in x.headings.iter().enumerate() {
        span_ok(text, h.marker_span, "heading marker");
        span_ok(text, h.title_span, "heading title");
        line_ok(h.line, "heading");
        let line = lines[h.line - 1];
        // The marker ends on the heading's line (it may start on the line before: a bracket
        // split off by a PDF copy, `(` then `1)`), and the title lies on it.
        assert!(
            line.start <= h.marker_span.end && h.marker_span.end <= line.end,
            "heading {k}: marker {:?} does not end on its line {}",
            h.marker_span,
            h.line
        );
        assert!(
            line.start <= h.title_span.start && h.title_span.end <= line.end,
            "heading {k}: title {:?} not on its line {}",
            h.title_span,
            h.line
        );
        assert_eq!(
            squeeze(h.marker_span.of(text)),
            squeeze(&h.marker),
            "heading {k}: marker as written"
        );
        if let Some(p) = h.parent {
            assert!(p < k, "heading {k}: parent {p} does not precede it");
            assert!(
                x.headings[p].children.contains(&k),
                "heading {k}: parent lacks child"
            );
        }
        for &c in &h.children {
            assert!(
                c > k && c < x.headings.len(),
                "heading {k}: child {c} out of range"
            );
        }
    }
    for l in &x.lists {
        span_ok(text, l.span, "list item");
        span_ok(text, l.marker_span, "list marker");
        line_ok(l.line, "list item");
        assert!(
            l.span.contains(l.marker_span),
            "list item does not contain its marker"
        );
        if let Some(h) = l.heading {
            assert!(h < x.headings.len(), "list item: heading {h} out of range");
        }
    }
    for c in &x.citations {
        span_ok(text, c.span, "citation");
    }
    if let Some(t) = &x.title {
        span_ok(text, t.span, "title");
        line_ok(t.line, "title");
    }
    if let Some(m) = &x.metadata {
        span_ok(text, m.span, "metadata");
        for f in &m.fields {
            span_ok(text, f.span, "metadata field");
        }
    }
    if let Some(s) = &x.signature {
        for sp in s.issuer_span.into_iter().chain(s.date_span) {
            span_ok(text, sp, "signature");
        }
    }
    for p in &x.parts {
        if let Some(sp) = p.span {
            span_ok(text, sp, "part");
        }
        if let Some(h) = p.heading {
            assert!(h < x.headings.len(), "part: heading {h} out of range");
        }
    }
    for w in &x.warnings {
        span_ok(text, w.span, "warning");
        line_ok(w.line, "warning");
    }

    // The output object: UTF-16 offsets, `text` equal to JavaScript's `text.slice(start, end)`.
    let units: Vec<u16> = text.encode_utf16().collect();
    let table = utf16_table(text);
    let o = Output::new(text, x);
    assert_eq!(o.indicators.len(), x.indicators.len());
    for (i, out) in x.indicators.iter().zip(&o.indicators) {
        utf16_ok(&table, &units, i.span, out.start, out.end, "indicator");
        assert_eq!(
            slice16(&units, out.start, out.end),
            out.text,
            "indicator text"
        );
    }
    // Every item reaches the output (the pairs below are zipped).
    assert_eq!(o.dates.len(), x.dates.len(), "dates in the output");
    assert_eq!(o.headings.len(), x.headings.len(), "headings in the output");
    assert_eq!(o.lists.len(), x.lists.len(), "list items in the output");
    assert_eq!(
        o.citations.len(),
        x.citations.len(),
        "citations in the output"
    );
    assert_eq!(o.warnings.len(), x.warnings.len(), "warnings in the output");
    assert_eq!(
        o.title_span.is_some(),
        x.title.is_some(),
        "title span in the output"
    );
    for (d, out) in x.dates.iter().zip(&o.dates) {
        utf16_ok(&table, &units, d.span, out.start, out.end, "date");
        assert_eq!(slice16(&units, out.start, out.end), out.text, "date text");
    }
    for (h, out) in x.headings.iter().zip(&o.headings) {
        utf16_ok(&table, &units, h.title_span, out.start, out.end, "heading");
        utf16_ok(
            &table,
            &units,
            h.marker_span,
            out.marker_start,
            out.marker_end,
            "marker",
        );
        let written = slice16(&units, out.marker_start, out.marker_end);
        assert_eq!(
            squeeze(&written),
            squeeze(out.marker),
            "heading marker slice"
        );
    }
    for (l, out) in x.lists.iter().zip(&o.lists) {
        utf16_ok(&table, &units, l.span, out.start, out.end, "list item");
        utf16_ok(
            &table,
            &units,
            l.marker_span,
            out.marker_start,
            out.marker_end,
            "list marker",
        );
    }
    for (c, out) in x.citations.iter().zip(&o.citations) {
        utf16_ok(&table, &units, c.span, out.start, out.end, "citation");
        assert_eq!(
            slice16(&units, out.start, out.end),
            out.text,
            "citation text"
        );
    }
    if let (Some(t), Some(out)) = (&x.title, &o.title_span) {
        utf16_ok(&table, &units, t.span, out.start, out.end, "title");
    }
    for (w, out) in x.warnings.iter().zip(&o.warnings) {
        utf16_ok(&table, &units, w.span, out.start, out.end, "warning");
    }

    // The JSON the CLI prints and the page receives parses, and carries the same offsets.
    let json = o.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).expect("output is valid JSON");
    let inds = v["indicators"].as_array().expect("indicators array");
    assert_eq!(inds.len(), o.indicators.len());
    for (j, out) in inds.iter().zip(&o.indicators) {
        let (s, e) = (j["start"].as_u64(), j["end"].as_u64());
        assert_eq!((s, e), (Some(out.start as u64), Some(out.end as u64)));
        let js = slice16(&units, out.start, out.end);
        assert_eq!(
            j["text"].as_str(),
            Some(js.as_str()),
            "JSON text is the UTF-16 slice"
        );
    }
}
