//! Where `extract`'s time goes: runs each step of [`zhibiao::extract`]'s pipeline on every
//! `.txt` file of a folder and prints the wall time of each step per pass and the throughput.
//!
//! ```sh
//! cargo run --release --example steps -- ../shared/corpus/public [passes]
//! ```
//!
//! Wall time on a shared machine drifts: compare two builds back to back, and take the
//! budget figures from `cargo bench --bench extract` (docs/perf.md).

use std::time::Instant;

use zhibiao::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/public".into());
    let passes: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(30);
    let mut texts = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p:?}: {e}")));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    const STEPS: [&str; 11] = [
        "anchors",
        "citations",
        "outline",
        "lists",
        "dates",
        "indicators",
        "with_sections",
        "meta",
        "parts",
        "deadline",
        "checks::review",
    ];
    let mut t = [0f64; STEPS.len()];
    for _ in 0..passes {
        for text in &texts {
            let text = text.as_str();
            let mut k = 0;
            let mut s = Instant::now();
            let mut lap = |k: &mut usize| {
                t[*k] += s.elapsed().as_secs_f64();
                *k += 1;
                s = Instant::now();
            };
            let anchors = step::anchors(text);
            lap(&mut k);
            let citations = step::citations(text, &anchors);
            lap(&mut k);
            let (lines, headings, warnings) = step::outline(text, &anchors);
            lap(&mut k);
            let lists = step::lists(text, &anchors, &lines, &headings);
            lap(&mut k);
            let dates = step::dates(text, &anchors, &citations);
            lap(&mut k);
            let indicators = step::indicators(text, &anchors, &citations, &headings, &lists);
            lap(&mut k);
            let indicators = step::with_sections(indicators, &headings);
            lap(&mut k);
            let meta = step::meta(text, &lines, &headings);
            lap(&mut k);
            let parts = step::parts(text, &anchors, &headings, &citations, &meta);
            lap(&mut k);
            let deadline = step::deadline(text, &meta);
            lap(&mut k);
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
            std::hint::black_box(step::review(text, x));
            lap(&mut k);
        }
    }
    let total: f64 = t.iter().sum();
    for (name, secs) in STEPS.iter().zip(t) {
        println!(
            "{name:15} {:7.2} ms/pass {:5.1}%",
            secs * 1e3 / passes as f64,
            100.0 * secs / total
        );
    }
    println!(
        "total           {:7.2} ms/pass for {} files, {bytes} bytes: {:.1} MB/s",
        total * 1e3 / passes as f64,
        texts.len(),
        bytes as f64 * passes as f64 / total / 1e6
    );
}

/// Each step out of line, so that a profile (`valgrind --tool=callgrind`) gives its total under
/// its own name (`steps::step::parts`): inlined into `main`, the steps' costs are mixed.
mod step {
    use zhibiao::text::Hits as Anchors;
    use zhibiao::*;

    #[inline(never)]
    pub fn anchors(text: &str) -> Anchors {
        anchors::find(text)
    }
    #[inline(never)]
    pub fn citations(text: &str, a: &Anchors) -> Vec<Citation> {
        citations::find_from(text, a)
    }
    #[inline(never)]
    pub fn outline(text: &str, a: &Anchors) -> (Vec<text::Line>, Vec<Heading>, Vec<Warning>) {
        let lines = anchors::lines(text, a);
        let (h, w) = outline::outline_in(text, &lines);
        (lines, h, w)
    }
    #[inline(never)]
    pub fn lists(text: &str, a: &Anchors, l: &[text::Line], h: &[Heading]) -> Vec<ListItem> {
        lists::find_from(text, a, l, h)
    }
    #[inline(never)]
    pub fn dates(text: &str, a: &Anchors, c: &[Citation]) -> Vec<DateMention> {
        dates::find_from(text, a, c)
    }
    #[inline(never)]
    pub fn indicators(
        text: &str,
        a: &Anchors,
        c: &[Citation],
        h: &[Heading],
        l: &[ListItem],
    ) -> Vec<Indicator> {
        indicators::find_from(text, a, c, h, l)
    }
    #[inline(never)]
    pub fn with_sections(i: Vec<Indicator>, h: &[Heading]) -> Vec<Indicator> {
        outline::with_sections(i, h)
    }
    #[inline(never)]
    pub fn meta(text: &str, l: &[text::Line], h: &[Heading]) -> meta::Meta {
        meta::find_in(text, l, h)
    }
    #[inline(never)]
    pub fn parts(
        text: &str,
        a: &Anchors,
        h: &[Heading],
        c: &[Citation],
        m: &meta::Meta,
    ) -> Vec<Part> {
        parts::check(text, a, h, c, m)
    }
    #[inline(never)]
    pub fn deadline(text: &str, m: &meta::Meta) -> Option<Deadline> {
        parts::deadline(text, m)
    }
    #[inline(never)]
    pub fn review(text: &str, x: Extraction) -> Extraction {
        checks::review(text, x)
    }
}
