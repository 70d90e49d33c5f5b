//! Floor guard on the annotated corpus (`tests/fixtures/corpus/*.gold.json`, and the excerpts in
//! `tests/fixtures/excerpts/`): the scorer's exact
//! span-and-value F1 for indicators, re-implemented here, must stay at or above 0.98, with unit
//! and approximation agreement at or above 0.98 on the matched items. The same reports pasted
//! with full-width punctuation and digits (`，（）％：；１２．５`) must score the same.
//!
//! Gold offsets are Unicode code points (see GOLD_FORMAT.md); zhibiao's spans are bytes, so they
//! are converted here. Optional gold items neither count for nor against, as in the scorer.

use std::path::Path;

use serde_json::Value;

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    unit_ok: usize,
    approx_ok: usize,
}

impl Score {
    fn f1(self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

struct Pred {
    start: usize,
    end: usize,
    value: Option<f64>,
    unit: Option<String>,
    approx: Option<String>,
}

fn same_value(a: Option<f64>, b: &Value) -> bool {
    match (a, b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * 1f64.max(a.abs()).max(b.abs()),
        _ => false,
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Byte offset → code point offset.
fn code_points(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn predict(text: &str) -> Vec<Pred> {
    zhibiao::extract(text)
        .indicators
        .into_iter()
        .map(|i| Pred {
            start: code_points(text, i.span.start),
            end: code_points(text, i.span.end),
            value: i.value,
            unit: i.unit.map(|u| u.into_owned()),
            approx: i.approx.map(str::to_string),
        })
        .collect()
}

fn score_one(text: &str, gold: &Value, s: &mut Score, errors: &mut Vec<String>) {
    let items = gold["indicators"].as_array().expect("gold indicators");
    let span = |g: &Value| {
        (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        )
    };
    let need: Vec<&Value> = items.iter().filter(|g| g["optional"] != true).collect();
    let opt: Vec<&Value> = items.iter().filter(|g| g["optional"] == true).collect();
    let mut used = vec![false; need.len()];
    let chars: Vec<char> = text.chars().collect();
    let show = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    for p in predict(text) {
        let ps = (p.start, p.end);
        let hit = (0..need.len())
            .find(|&i| !used[i] && span(need[i]) == ps && same_value(p.value, &need[i]["value"]));
        if let Some(i) = hit {
            used[i] = true;
            s.tp += 1;
            let g = need[i];
            let gs = |k: &str| g[k].as_str().filter(|v| !v.is_empty()).map(str::to_string);
            s.unit_ok += usize::from(p.unit.filter(|u| !u.is_empty()) == gs("unit"));
            s.approx_ok += usize::from(p.approx.filter(|u| !u.is_empty()) == gs("approx"));
        } else if opt.iter().any(|g| overlaps(ps, span(g)))
            && !need.iter().any(|g| overlaps(ps, span(g)))
        {
        } else {
            s.fp += 1;
            errors.push(format!("extra {}", show(p.start, p.end)));
        }
    }
    for (i, g) in need.iter().enumerate() {
        if !used[i] {
            s.fn_ += 1;
            errors.push(format!("missed {}", g["text"]));
        }
    }
}

/// Full-width variant of a text: the ASCII punctuation and digits the corpus was normalised to,
/// as a web page would show them. One char for one char, so gold offsets stay valid.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ',' | '(' | ')' | '%' | ':' | ';' | '.' | '0'..='9' => {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

fn score_corpus(transform: fn(&str) -> String) -> (Score, Vec<String>) {
    score_dir("tests/fixtures/corpus", 5, transform)
}

fn score_dir(sub: &str, min_files: usize, transform: fn(&str) -> String) -> (Score, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(sub);
    let mut s = Score::default();
    let mut errors = Vec::new();
    let mut files = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    for path in entries {
        let gold_path = path.with_extension("gold.json");
        let Ok(gold) = std::fs::read_to_string(&gold_path) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&gold).expect("gold JSON");
        let text = std::fs::read_to_string(&path).expect("report text");
        score_one(&transform(&text), &gold, &mut s, &mut errors);
        files += 1;
    }
    assert!(
        files >= min_files,
        "expected {min_files} annotated texts in {sub}, found {files}"
    );
    (s, errors)
}

fn check(s: Score, errors: &[String]) {
    let f1 = s.f1();
    assert!(f1 >= 0.98, "indicator exact F1 {f1:.3} < 0.98: {errors:#?}");
    let unit = s.unit_ok as f64 / s.tp.max(1) as f64;
    let approx = s.approx_ok as f64 / s.tp.max(1) as f64;
    assert!(unit >= 0.98, "unit agreement {unit:.3}");
    assert!(approx >= 0.98, "approx agreement {approx:.3}");
}

#[test]
fn dev_corpus_floor() {
    let (s, errors) = score_corpus(str::to_string);
    assert!(s.tp >= 240, "{s:?}");
    check(s, &errors);
}

#[test]
fn full_width_corpus_scores_the_same() {
    let (ascii, _) = score_corpus(str::to_string);
    let (wide, errors) = score_corpus(full_width);
    check(wide, &errors);
    assert_eq!(
        (ascii.tp, ascii.fp, ascii.fn_),
        (wide.tp, wide.fp, wide.fn_),
        "{errors:#?}"
    );
    assert_eq!(
        (ascii.unit_ok, ascii.approx_ok),
        (wide.unit_ok, wide.approx_ok)
    );
}

/// The 22 annotated report openings in `tests/fixtures/excerpts/` (a regression set: see its
/// README), as published and with full-width punctuation and digits.
#[test]
fn excerpts_floor() {
    let (s, errors) = score_dir("tests/fixtures/excerpts", 22, str::to_string);
    assert!(s.tp >= 300, "{s:?}");
    check(s, &errors);
    let (wide, errors) = score_dir("tests/fixtures/excerpts", 22, full_width);
    check(wide, &errors);
    assert_eq!(
        (s.tp, s.fp, s.fn_),
        (wide.tp, wide.fp, wide.fn_),
        "{errors:#?}"
    );
}
