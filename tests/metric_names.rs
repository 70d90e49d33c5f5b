//! Metric names against the answer files, scored as `../shared/eval/score.py` scores them: on
//! the figures whose span matches the answer's, the closeness of the metric named to the
//! answer's (2·LCS over characters, after dropping punctuation, quotes and a trailing change
//! phrase on both sides), averaged, and the count of names far off (closeness under 0.5).
//!
//! The answer files were written by several hands, so this is no exact comparison: it keeps the
//! naming from getting worse. The floors are the scores when the naming rules of issue 11
//! landed; raise them when naming gets better. The annotated corpus is read from
//! `../shared/corpus` (`../../shared/corpus` from a worktree), else from its copy in
//! `tests/fixtures/corpus`; the excerpts from `tests/fixtures/excerpts`.

#[path = "support/annotated.rs"]
mod annotated;

use std::path::{Path, PathBuf};

use annotated::annotated;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    ["../shared/corpus", "../../shared/corpus"]
        .iter()
        .map(|d| root().join(d))
        .find(|d| d.join("GOLD_FORMAT.md").exists())
        .unwrap_or_else(|| root().join("tests/fixtures/corpus"))
}

/// Punctuation and quotes dropped before comparing (score.py's `METRIC_DROP`).
fn dropped(c: char) -> bool {
    " \t,，。.:：;；、!！?？“”‘’\"'「」『』()（）".contains(c)
}

const CHANGE: &[&str] = &[
    "增长", "下降", "增加", "减少", "提高", "降低", "上升", "增幅", "降幅", "增速", "增产", "减产",
    "提升", "压缩", "精简",
];
const CHANGE_TAIL: &[&str] = &["比例", "幅度", "率"];
const CHANGE_BASIS: &[&str] = &["同比", "环比", "比上年末", "比上年", "较上年", "比去年"];

/// `s` without its trailing change words, if it has one.
fn strip_change_words(mut s: &str) -> Option<&str> {
    let mut any = false;
    while let Some(w) = CHANGE.iter().find(|w| s.ends_with(**w)) {
        s = &s[..s.len() - w.len()];
        any = true;
    }
    any.then_some(s)
}

/// `m` without a trailing change phrase (`行政复议案件同比增幅` → `行政复议案件`), as score.py's
/// `CHANGE_WORDS`: an optional basis, one or more change words, an optional 比例/幅度/率.
fn without_change(m: &str) -> &str {
    let with_tail = CHANGE_TAIL
        .iter()
        .find_map(|t| m.strip_suffix(t))
        .and_then(strip_change_words);
    let Some(mut s) = with_tail.or_else(|| strip_change_words(m)) else {
        return m;
    };
    if let Some(b) = CHANGE_BASIS.iter().find(|b| s.ends_with(**b)) {
        s = &s[..s.len() - b.len()];
    }
    s
}

fn words(m: Option<&str>) -> Vec<char> {
    without_change(m.unwrap_or(""))
        .replace("同比", "")
        .chars()
        .filter(|&c| !dropped(c))
        .collect()
}

/// score.py's `metric_sim`.
fn closeness(said: Option<&str>, answer: Option<&str>) -> f64 {
    let (a, b) = (words(said), words(answer));
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() && b.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize];
        for (j, y) in b.iter().enumerate() {
            let v = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
            cur.push(v);
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// (mean closeness, names far off, figures compared) over the annotated texts of `dir`.
fn score(dir: &Path) -> (f64, usize, usize) {
    let docs = annotated(dir);
    assert!(!docs.is_empty(), "no annotated texts in {}", dir.display());
    let (mut total, mut far, mut n) = (0.0, 0, 0);
    for (_, text, gold) in docs {
        // Code point offsets of the answer file to byte offsets.
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        let x = zhibiao::extract(&text);
        for g in gold["indicators"].as_array().expect("indicators") {
            if g["optional"].as_bool() == Some(true) {
                continue;
            }
            let at = |k: &str| g[k].as_u64().and_then(|v| bytes.get(v as usize).copied());
            let (Some(start), Some(end)) = (at("start"), at("end")) else {
                continue;
            };
            let Some(i) = x
                .indicators
                .iter()
                .find(|i| (i.span.start, i.span.end) == (start, end))
            else {
                continue;
            };
            let c = closeness(i.metric.as_deref(), g["metric"].as_str());
            total += c;
            far += usize::from(c < 0.5);
            n += 1;
        }
    }
    (total / n as f64, far, n)
}

fn check(name: &str, dir: &Path, min_mean: f64, max_far: usize) {
    let (mean, far, n) = score(dir);
    eprintln!("{name}: metric {mean:.4}, far off {far}/{n}");
    assert!(
        mean >= min_mean,
        "{name}: metric closeness {mean:.4} fell under {min_mean}"
    );
    assert!(
        far <= max_far,
        "{name}: {far} metric names far off, more than {max_far}"
    );
}

#[test]
fn closeness_is_scored_as_score_py_does() {
    assert_eq!(closeness(Some("合格率"), Some("合格率")), 1.0);
    // A trailing change phrase is dropped on both sides.
    assert_eq!(
        closeness(Some("行政复议案件"), Some("行政复议案件同比增幅")),
        1.0
    );
    assert_eq!(closeness(None, Some("合格率")), 0.0);
    assert_eq!(closeness(Some("“一件事”"), Some("一件事")), 1.0);
    let c = closeness(Some("办结行政复议申请"), Some("办结行政复议案件"));
    assert!((c - 0.75).abs() < 1e-9, "{c}");
}

#[test]
fn corpus_metric_names_do_not_get_worse() {
    check("corpus", &corpus_dir(), 0.9202, 9);
}

#[test]
fn excerpt_metric_names_do_not_get_worse() {
    check(
        "excerpts",
        &root().join("tests/fixtures/excerpts"),
        0.909,
        12,
    );
}
