//! Runs the cases of `tests/cases/*.txt` (format: `tests/cases/README.md`): each input is
//! extracted, the result rendered as the file's `show:` line asks, and compared with the
//! expected block. `UPDATE=1 cargo test --test cases` rewrites the expected blocks in place.
//! Every input also goes through the invariant checks of `tests/common`.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use zhibiao::Extraction;

/// What a `show:` line may ask for.
const SHOW: &[&str] = &[
    "indicators",
    "change",
    "metric",
    "section",
    "dates",
    "headings",
    "tree",
    "warnings",
    "lists",
    "citations",
    "title",
    "year",
    "metadata",
    "signature",
    "parts",
    "deadline",
];

struct Case {
    /// 1-based line of the `===` line.
    line: usize,
    name: String,
    show: Vec<String>,
    input: String,
    /// Lines of the expected block, and where it lies in the file (0-based, end exclusive).
    expected: Vec<String>,
    block: (usize, usize),
}

fn parse_error(file: &Path, line: usize, msg: &str) -> ! {
    panic!("{}:{line}: {msg}", file.display())
}

/// Reads `\n`, `\r`, `\t`, `\\` and `\u{…}` in an input line.
fn unescape(file: &Path, line: usize, s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest: String = it.clone().collect();
                let Some(hex) = rest.strip_prefix('{').and_then(|r| r.split_once('}')) else {
                    parse_error(file, line, "write \\u{XXXX}");
                };
                let c = u32::from_str_radix(hex.0, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| parse_error(file, line, "bad \\u{…} escape"));
                out.push(c);
                for _ in 0..hex.0.len() + 2 {
                    it.next();
                }
            }
            _ => parse_error(file, line, "unknown escape (\\n \\r \\t \\\\ \\u{…})"),
        }
    }
    out
}

fn parse(file: &Path, text: &str) -> Vec<Case> {
    let lines: Vec<&str> = text.lines().collect();
    let mut cases = Vec::new();
    let mut show: Vec<String> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k];
        if let Some(tokens) = line.strip_prefix("show:") {
            show = tokens.split_whitespace().map(str::to_string).collect();
            for t in &show {
                if !SHOW.contains(&t.as_str()) {
                    parse_error(
                        file,
                        k + 1,
                        &format!("unknown `show:` item {t} (one of {SHOW:?})"),
                    );
                }
            }
            k += 1;
            continue;
        }
        let Some(name) = line.strip_prefix("===") else {
            k += 1;
            continue;
        };
        if show.is_empty() {
            parse_error(file, k + 1, "a case before any `show:` line");
        }
        let start = k;
        k += 1;
        let mut input = Vec::new();
        while k < lines.len() && lines[k] != "." {
            let l = lines[k];
            if l.starts_with("===") {
                parse_error(file, k + 1, "a case without its `.` line");
            }
            if l.ends_with([' ', '\t', '\u{3000}']) {
                parse_error(
                    file,
                    k + 1,
                    "trailing blank in an input line: write it as \\u{…}",
                );
            }
            input.push(unescape(file, k + 1, l));
            k += 1;
        }
        if k == lines.len() {
            parse_error(file, start + 1, "a case without its `.` line");
        }
        k += 1;
        let from = k;
        while k < lines.len() && !lines[k].is_empty() && !lines[k].starts_with("===") {
            k += 1;
        }
        cases.push(Case {
            line: start + 1,
            name: name.trim().to_string(),
            show: show.clone(),
            input: input.join("\n"),
            expected: lines[from..k].iter().map(|s| s.to_string()).collect(),
            block: (from, k),
        });
    }
    cases
}

/// A string as one token: blanks and control characters escaped as in inputs, quoted when it
/// is empty or holds a space.
fn q(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' => out.push_str("\\\""),
            ' ' => out.push(' '),
            c if c.is_control() || c.is_whitespace() || zhibiao::text::is_zero_width(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    if out.is_empty() || out.contains(' ') {
        format!("\"{out}\"")
    } else {
        out
    }
}

fn num(v: f64) -> String {
    v.to_string()
}

/// The lines asserted for `x`, the result on `text`.
fn render(text: &str, x: &Extraction, show: &[String]) -> Vec<String> {
    let on = |s: &str| show.iter().any(|t| t == s);
    let mut out = Vec::new();
    if on("title") {
        out.push(match &x.title {
            Some(t) => {
                let mut l = format!("title {} line={}", q(&t.text), t.line);
                if t.span.of(text) != t.text {
                    let _ = write!(l, " written={}", q(t.span.of(text)));
                }
                l
            }
            None => "title none".into(),
        });
    }
    if on("year") {
        out.push(format!(
            "year {}",
            x.report_year.map_or("none".into(), |y| y.to_string())
        ));
    }
    if on("metadata") {
        match &x.metadata {
            None => out.push("metadata none".into()),
            Some(m) => {
                out.push(format!("metadata {}", q(m.span.of(text))));
                for f in &m.fields {
                    let mut l = format!("  field {} = {}", q(&f.key), q(&f.value));
                    if f.span.of(text) != f.value {
                        let _ = write!(l, " written={}", q(f.span.of(text)));
                    }
                    out.push(l);
                }
            }
        }
    }
    if on("signature") {
        match &x.signature {
            None => out.push("signature none".into()),
            Some(s) => out.push(format!(
                "signature issuer={} date={} written={}",
                q(s.issuer.as_deref().unwrap_or("none")),
                s.date.as_deref().unwrap_or("none"),
                q(s.date_span.map_or("none", |sp| sp.of(text)))
            )),
        }
    }
    if on("deadline") {
        out.push(match &x.deadline {
            None => "deadline none".into(),
            Some(d) => format!(
                "deadline date={} source={} due={} status={}",
                d.date,
                d.source,
                d.due,
                d.status.as_str()
            ),
        });
    }
    if on("headings") {
        for (k, h) in x.headings.iter().enumerate() {
            let mut l = format!(
                "heading #{k} line={} level={} n={} {} {}",
                h.line,
                h.level as u8,
                h.number,
                q(&h.marker),
                q(&h.title)
            );
            if on("tree") {
                if let Some(p) = h.parent {
                    let _ = write!(l, " parent=#{p}");
                }
            }
            if h.marker_span.of(text) != h.marker {
                let _ = write!(l, " marker_written={}", q(h.marker_span.of(text)));
            }
            if h.title_span.of(text) != h.title {
                let _ = write!(l, " title_written={}", q(h.title_span.of(text)));
            }
            out.push(l);
        }
    }
    if on("warnings") {
        for w in &x.warnings {
            out.push(format!("warning line={} {}", w.line, q(&w.message)));
        }
    }
    if on("lists") {
        for i in &x.lists {
            let mut l = format!("list {} n={} line={}", q(&i.marker), i.number, i.line);
            if let Some(h) = i.heading {
                let _ = write!(l, " heading=#{h}");
            }
            let _ = write!(l, " {}", q(i.span.of(text)));
            out.push(l);
        }
    }
    if on("citations") {
        for c in &x.citations {
            out.push(format!(
                "citation {} {}",
                q(c.span.of(text)),
                c.class.as_str()
            ));
        }
    }
    if on("parts") {
        for p in &x.parts {
            let mut l = format!("part {} {}", p.id, p.status.as_str());
            if let Some(h) = p.heading {
                let _ = write!(l, " heading=#{h}");
            }
            if let Some(sp) = p.span {
                let _ = write!(l, " {}", q(sp.of(text)));
            }
            out.push(l);
        }
    }
    if on("dates") {
        for d in &x.dates {
            out.push(format!("date {} {}", q(d.span.of(text)), d.iso));
        }
    }
    if on("indicators") {
        for i in &x.indicators {
            let mut l = format!(
                "{} value={}",
                q(i.span.of(text)),
                i.value.map_or("none".into(), num)
            );
            if let Some(m) = i.value_max {
                let _ = write!(l, " max={}", num(m));
            }
            if let Some(u) = &i.unit {
                let _ = write!(l, " unit={}", q(u));
            }
            let _ = write!(l, " kind={}", i.kind.as_str());
            if let Some(a) = i.approx {
                let _ = write!(l, " approx={a}");
            }
            if on("change") {
                if let Some(c) = &i.change {
                    let _ = write!(l, " change={}", c.direction.as_str());
                    if !c.basis.is_empty() {
                        let _ = write!(l, "/{}", q(&c.basis));
                    }
                }
            }
            if on("metric") {
                if let Some(m) = &i.metric {
                    let _ = write!(l, " metric={}", q(m));
                }
                if let Some(id) = i.metric_id {
                    let _ = write!(l, " id={id}");
                }
            }
            if on("section") {
                if let Some(h) = i.heading {
                    let _ = write!(l, " heading=#{h}");
                }
            }
            out.push(l);
        }
    }
    if out.is_empty() {
        out.push("nothing".into());
    }
    out
}

/// A line diff (`-` expected, `+` found), by longest common subsequence.
fn diff(want: &[String], got: &[String]) -> String {
    let (n, m) = (want.len(), got.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if want[i] == got[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && want[i] == got[j] {
            let _ = writeln!(out, "    {}", want[i]);
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "  - {}", want[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "  + {}", got[j]);
            j += 1;
        }
    }
    out
}

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn cases() {
    let update = std::env::var_os("UPDATE").is_some_and(|v| v == "1");
    let mut failures = String::new();
    let (mut total, mut failed, mut rewritten) = (0, 0, 0);
    let files = case_files();
    assert!(!files.is_empty(), "no tests/cases/*.txt");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("case file");
        let cases = parse(&file, &text);
        assert!(!cases.is_empty(), "{}: no case", file.display());
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        // Rewrite from the end so earlier blocks keep their line numbers.
        for case in cases.iter().rev() {
            total += 1;
            let x = common::check(&case.input);
            let got = render(&case.input, &x, &case.show);
            if got == case.expected {
                continue;
            }
            if update {
                lines.splice(case.block.0..case.block.1, got);
                rewritten += 1;
                continue;
            }
            failed += 1;
            let input: Vec<String> = case.input.split('\n').map(q).collect();
            let _ = write!(
                failures,
                "\n{}:{}: {}\n  input:\n    {}\n  diff (- expected, + found):\n{}",
                file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&file)
                    .display(),
                case.line,
                case.name,
                input.join("\n    "),
                diff(&case.expected, &got)
            );
        }
        if update && rewritten > 0 {
            let mut new = lines.join("\n");
            new.push('\n');
            if new != text {
                std::fs::write(&file, new).expect("rewrite case file");
            }
        }
    }
    if update {
        eprintln!("cases: {total} cases, {rewritten} expected block(s) rewritten");
    }
    assert!(
        failures.is_empty(),
        "{failed} of {total} cases differ (UPDATE=1 cargo test --test cases rewrites them):{failures}"
    );
}

#[test]
fn the_format_reads_escapes_and_blocks() {
    let file = Path::new("x.txt");
    let text = "prose\nshow: indicators\n=== one\n办理\\u{20}3件\\r\n\\\\n\n.\n3件 value=3\n\nmore prose\n===\n238项\n.\n";
    let cases = parse(file, text);
    assert_eq!(cases.len(), 2);
    assert_eq!(
        (
            cases[0].line,
            cases[0].name.as_str(),
            cases[0].input.as_str()
        ),
        (3, "one", "办理 3件\r\n\\n")
    );
    assert_eq!(
        (cases[0].expected.clone(), cases[0].block),
        (vec!["3件 value=3".to_string()], (6, 7))
    );
    assert_eq!(
        (cases[1].input.as_str(), cases[1].expected.len()),
        ("238项", 0)
    );
    let x = zhibiao::extract("办理 3件");
    assert_eq!(
        render("办理 3件", &x, &["indicators".into()]),
        ["3件 value=3 unit=件 kind=count"]
    );
    assert_eq!(q("概 况"), "\"概 况\"");
    assert_eq!(q("a\u{3000}\u{c}"), "a\\u{3000}\\u{c}");
    assert_eq!(q("2\u{200b}3\u{2060}"), "2\\u{200b}3\\u{2060}");
    assert_eq!(
        unescape(file, 1, &q("x\r\t\\y").replace('"', "")),
        "x\r\t\\y"
    );
    let bad = std::panic::catch_unwind(|| parse(file, "show: indicators\n=== a\n3件 \n.\n"));
    assert!(bad.is_err(), "trailing blank accepted");
    let bad = std::panic::catch_unwind(|| parse(file, "show: sizes\n"));
    assert!(bad.is_err(), "unknown show item accepted");
}
