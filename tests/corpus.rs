//! zhibiao against the answer files, compared exactly.
//!
//! Every annotated text (`tests/fixtures/corpus/*.txt` and `tests/fixtures/excerpts/*.txt`, each
//! with its `.gold.json`, see `GOLD_FORMAT.md`), as published and pasted with full-width
//! punctuation and digits (`，（）％：；１２．５`), is extracted and compared with its answer file
//! on: indicators (span and value; then unit, approximation and kind of the matched ones), outline
//! headings (line, level, marker, title), citations (span), title and report year; the five
//! reports of `corpus/` must also give no structure warning. Metric names are not compared here: the answer files
//! were written by several hands and `../shared/eval/score.py` scores them loosely.
//!
//! Each difference is one line (`FILE: what …`). The differences found must be exactly those
//! listed in `tests/fixtures/known-differences.txt`: a new one fails, and so does a listed one
//! that went away (remove its line, so the file stays true).
//!
//! Gold offsets are Unicode code points; zhibiao's spans are bytes, converted here. Optional gold
//! items neither count for nor against, as in the scorer.

#[path = "support/annotated.rs"]
mod annotated;
mod common;

use std::collections::BTreeMap;
use std::path::Path;

use annotated::annotated;

use serde_json::Value;
use zhibiao::Extraction;

const KNOWN: &str = "tests/fixtures/known-differences.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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

/// The answer file of the full-width variant: headings and title as they now read.
fn full_width_gold(gold: &Value) -> Value {
    let mut g = gold.clone();
    if let Some(hs) = g["headings"].as_array_mut() {
        for h in hs {
            for k in ["marker", "title"] {
                if let Some(s) = h[k].as_str() {
                    h[k] = Value::from(full_width(s));
                }
            }
        }
    }
    if let Some(t) = g["title"].as_str() {
        g["title"] = Value::from(full_width(t));
    }
    g
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

fn show_value(v: Option<f64>) -> String {
    v.map_or("none".into(), |v| v.to_string())
}

fn show_str(v: Option<&str>) -> &str {
    v.filter(|s| !s.is_empty()).unwrap_or("none")
}

/// Every way `x`, the result on `text`, differs from `gold`, one line each (without the file).
fn differences(text: &str, x: &Extraction, gold: &Value) -> Vec<String> {
    let mut out = Vec::new();
    // Byte offset → code point offset.
    let mut cp = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        cp[b] = n;
        n += 1;
        for k in 1..c.len_utf8() {
            cp[b + k] = n;
        }
    }
    cp[text.len()] = n;
    let chars: Vec<char> = text.chars().collect();
    let at = |(s, e): (usize, usize)| -> String { chars[s..e].iter().collect() };
    let span = |g: &Value| {
        (
            g["start"].as_u64().expect("gold start") as usize,
            g["end"].as_u64().expect("gold end") as usize,
        )
    };
    let gs = |g: &Value, k: &str| g[k].as_str().filter(|v| !v.is_empty()).map(str::to_string);

    // Indicators: matched by span and value, as the scorer does.
    let items = gold["indicators"].as_array().expect("gold indicators");
    let need: Vec<&Value> = items.iter().filter(|g| g["optional"] != true).collect();
    let opt: Vec<&Value> = items.iter().filter(|g| g["optional"] == true).collect();
    let mut used = vec![false; need.len()];
    for p in &x.indicators {
        let ps = (cp[p.span.start], cp[p.span.end]);
        let here = format!("「{}」 {}..{}", at(ps), ps.0, ps.1);
        let same_span = |i: usize| !used[i] && span(need[i]) == ps;
        if let Some(i) =
            (0..need.len()).find(|&i| same_span(i) && same_value(p.value, &need[i]["value"]))
        {
            used[i] = true;
            let g = need[i];
            let unit = p
                .unit
                .as_deref()
                .filter(|u| !u.is_empty())
                .map(str::to_string);
            if unit != gs(g, "unit") {
                out.push(format!(
                    "unit {here}: {} (answer {})",
                    show_str(unit.as_deref()),
                    show_str(gs(g, "unit").as_deref())
                ));
            }
            if p.approx.map(str::to_string) != gs(g, "approx") {
                out.push(format!(
                    "approx {here}: {} (answer {})",
                    show_str(p.approx),
                    show_str(gs(g, "approx").as_deref())
                ));
            }
            if Some(p.kind.as_str()) != g["kind"].as_str() {
                out.push(format!(
                    "kind {here}: {} (answer {})",
                    p.kind.as_str(),
                    show_str(g["kind"].as_str())
                ));
            }
        } else if let Some(i) = (0..need.len()).find(|&i| same_span(i)) {
            used[i] = true;
            out.push(format!(
                "value {here}: {} (answer {})",
                show_value(p.value),
                need[i]["value"]
            ));
        } else {
            // A figure that overlaps only optional answers neither counts for nor against.
            let only_optional = opt.iter().any(|g| overlaps(ps, span(g)))
                && !need.iter().any(|g| overlaps(ps, span(g)));
            if !only_optional {
                out.push(format!("extra {here} value {}", show_value(p.value)));
            }
        }
    }
    for (i, g) in need.iter().enumerate() {
        if !used[i] {
            let s = span(g);
            out.push(format!(
                "missed 「{}」 {}..{} value {}",
                at(s),
                s.0,
                s.1,
                g["value"]
            ));
        }
    }

    // Headings: line, level, marker and title, as a multiset in document order.
    let heading = |line: u64, level: u64, marker: &str, title: &str| {
        format!("line {line} level {level} {marker} 「{title}」")
    };
    let got: Vec<String> = x
        .headings
        .iter()
        .map(|h| heading(h.line as u64, h.level as u64, &h.marker, &h.title))
        .collect();
    let want: Vec<String> = gold["headings"]
        .as_array()
        .expect("gold headings")
        .iter()
        .map(|h| {
            heading(
                h["line"].as_u64().unwrap_or(0),
                h["level"].as_u64().unwrap_or(0),
                h["marker"].as_str().unwrap_or(""),
                h["title"].as_str().unwrap_or(""),
            )
        })
        .collect();
    minus(&got, &want, "extra heading", &mut out);
    minus(&want, &got, "missed heading", &mut out);

    // Citations: spans.
    let got: Vec<String> = x
        .citations
        .iter()
        .map(|c| {
            let s = (cp[c.span.start], cp[c.span.end]);
            format!("{} {}..{}", at(s), s.0, s.1)
        })
        .collect();
    let want: Vec<String> = gold["citations"]
        .as_array()
        .expect("gold citations")
        .iter()
        .map(|c| {
            let s = span(c);
            format!("{} {}..{}", at(s), s.0, s.1)
        })
        .collect();
    minus(&got, &want, "extra citation", &mut out);
    minus(&want, &got, "missed citation", &mut out);

    let title = x.title.as_ref().map(|t| t.text.as_str());
    if title != gold["title"].as_str() {
        out.push(format!(
            "title 「{}」 (answer 「{}」)",
            show_str(title),
            show_str(gold["title"].as_str())
        ));
    }
    let year = x.report_year.map(i64::from);
    if year != gold["report_year"].as_i64() {
        out.push(format!(
            "report year {} (answer {})",
            year.map_or("none".into(), |y| y.to_string()),
            gold["report_year"]
        ));
    }
    out
}

/// Pushes `what item` for each item of `a` not matched by one of `b` (multiset difference).
fn minus(a: &[String], b: &[String], what: &str, out: &mut Vec<String>) {
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for s in b {
        *left.entry(s).or_default() += 1;
    }
    for s in a {
        match left.get_mut(s.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(format!("{what} {s}")),
        }
    }
}

/// All differences on every annotated text and its full-width variant, as `FILE: difference`
/// (`fw:FILE` for the variant; FILE relative to `tests/fixtures/`).
fn all_differences() -> (usize, Vec<String>) {
    let mut files = 0;
    let mut out = Vec::new();
    for (sub, min) in [("corpus", 5), ("excerpts", 22)] {
        let docs = annotated(&root().join("tests/fixtures").join(sub));
        assert!(
            docs.len() >= min,
            "expected {min} annotated texts in {sub}, found {}",
            docs.len()
        );
        for (path, text, gold) in docs {
            let name = format!("{sub}/{}", path.file_name().unwrap().to_string_lossy());
            let x = common::check(&text);
            out.extend(
                differences(&text, &x, &gold)
                    .into_iter()
                    .map(|d| format!("{name}: {d}")),
            );
            if sub == "corpus" {
                // These five reports number their outlines regularly: a warning is a false alarm.
                // (The excerpts are openings, some starting at `八、`: their warnings are true.)
                for w in &x.warnings {
                    out.push(format!("{name}: warning line {}: {}", w.line, w.message));
                }
            }
            let wide = full_width(&text);
            let x = zhibiao::extract(&wide);
            out.extend(
                differences(&wide, &x, &full_width_gold(&gold))
                    .into_iter()
                    .map(|d| format!("fw:{name}: {d}")),
            );
            files += 1;
        }
    }
    (files, out)
}

/// The known differences: each line `DIFFERENCE  # why`, `#` lines and blank lines ignored.
fn known() -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(root().join(KNOWN)).expect("known-differences file");
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (diff, why) = line
            .rsplit_once("  # ")
            .unwrap_or_else(|| panic!("{KNOWN}:{}: no `  # why` after the difference", k + 1));
        assert!(!why.trim().is_empty(), "{KNOWN}:{}: empty reason", k + 1);
        out.push((k + 1, diff.trim_end().to_string()));
    }
    out
}

#[test]
fn answer_files_match_but_for_the_known_differences() {
    let (files, found) = all_differences();
    assert_eq!(files, 27, "annotated texts");
    let known = known();
    let listed: Vec<String> = known.iter().map(|(_, d)| d.clone()).collect();
    let mut new = Vec::new();
    minus(&found, &listed, "", &mut new);
    let mut gone = Vec::new();
    for (line, d) in &known {
        let n_listed = listed.iter().filter(|l| *l == d).count();
        let n_found = found.iter().filter(|f| *f == d).count();
        if n_found < n_listed {
            gone.push(format!("{KNOWN}:{line}: {d}"));
        }
    }
    let mut msg = String::new();
    if !new.is_empty() {
        msg += &format!(
            "{} new difference(s) with the answer files (fix, or list in {KNOWN} with why):\n",
            new.len()
        );
        for d in &new {
            msg += &format!("  {}\n", d.trim_start());
        }
    }
    if !gone.is_empty() {
        msg += &format!(
            "{} known difference(s) no longer found (remove the line so the file stays true):\n",
            gone.len()
        );
        for d in &gone {
            msg += &format!("  {d}\n");
        }
    }
    assert!(msg.is_empty(), "\n{msg}");
}

/// The differences are real ones: a wrong answer is reported on every field compared.
#[test]
fn a_changed_answer_is_reported() {
    let text = "一、主要举措\n《统计法》规定,公布事项238项,合格率达98.7%。\n";
    let x = zhibiao::extract(text);
    let mut gold = serde_json::json!({
        "title": "某报告", "report_year": 2023,
        "headings": [{"line": 1, "level": 1, "marker": "一、", "title": "主要措施"}],
        "indicators": [
            {"start": 19, "end": 23, "value": 238, "unit": "件", "kind": "money", "approx": "余"},
            {"start": 28, "end": 33, "value": 98, "unit": "%", "kind": "percent", "approx": null},
            {"start": 17, "end": 19, "value": 3, "unit": "个", "kind": "count", "approx": null}
        ],
        "citations": []
    });
    assert_eq!(
        differences(text, &x, &gold),
        [
            "unit 「238项」 19..23: 项 (answer 件)",
            "approx 「238项」 19..23: none (answer 余)",
            "kind 「238项」 19..23: count (answer money)",
            "value 「98.7%」 28..33: 98.7 (answer 98)",
            "missed 「事项」 17..19 value 3",
            "extra heading line 1 level 1 一、 「主要举措」",
            "missed heading line 1 level 1 一、 「主要措施」",
            "extra citation 《统计法》 7..12",
            "title 「none」 (answer 「某报告」)",
            "report year none (answer 2023)",
        ]
    );
    // Without those answers the figures are extra, unless an optional answer covers them.
    gold["indicators"] = serde_json::json!([
        {"start": 19, "end": 22, "value": 23, "optional": true}
    ]);
    let d = differences(text, &x, &gold);
    assert_eq!(d[0], "extra 「98.7%」 28..33 value 98.7");
    assert!(!d[1].contains("238"), "{d:?}");
}

/// The forms of issue 11 (numbers pasted with a space before the unit, `1244 万人`, or with a
/// zero-width character inside, `9\u{200b}8.7%`), written by `../shared/eval/variants.py` when it
/// is beside the clone (as in CI). Known to fall short today: the differences are counted and
/// printed (`cargo test --test corpus -- --nocapture`), not asserted; the invariants of
/// `tests/common` are.
#[test]
fn spaced_and_zero_width_variants_are_reported() {
    // `../shared` beside the clone; `../../shared` from a worktree in `wt/NAME`.
    let Some(script) = ["../shared", "../../shared"]
        .iter()
        .map(|d| root().join(d).join("eval/variants.py"))
        .find(|p| p.exists())
    else {
        eprintln!("variants: ../shared/eval/variants.py not found, skipped");
        return;
    };
    for sub in ["corpus", "excerpts"] {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("variants-{sub}"));
        let _ = std::fs::remove_dir_all(&out);
        let run = std::process::Command::new("python3")
            .arg(&script)
            .arg(root().join("tests/fixtures").join(sub))
            .arg(&out)
            .status();
        match run {
            Ok(s) if s.success() => {}
            other => {
                eprintln!(
                    "variants: python3 {} failed ({other:?}), skipped",
                    script.display()
                );
                return;
            }
        }
        // prefix → texts, and difference kind (`missed`, `extra`, `unit`, …) → count.
        let mut by_prefix: BTreeMap<&str, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
        for (path, text, gold) in annotated(&out) {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let Some(prefix) = ["sp_", "zw_"].into_iter().find(|p| name.starts_with(p)) else {
                continue;
            };
            let x = common::check(&text);
            let e = by_prefix.entry(prefix).or_default();
            e.0 += 1;
            for d in differences(&text, &x, &gold) {
                let kind = d.split(' ').next().unwrap_or("").to_string();
                *e.1.entry(kind).or_default() += 1;
            }
        }
        for (prefix, (files, kinds)) in by_prefix {
            let total: usize = kinds.values().sum();
            eprintln!(
                "variants: {sub} {prefix}*: {files} texts, {total} difference(s) with the answers {kinds:?} (known: issue 11)"
            );
        }
    }
}
