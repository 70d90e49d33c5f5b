//! Native throughput of [`zhibiao::extract`] (`cargo bench --bench extract`).
//!
//! Two groups:
//! - `reports`: real report text, the annotated corpus in `tests/fixtures/corpus/` and, when the
//!   checkout has `../shared/corpus/public/` beside it (or `$ZHIBIAO_SHARED/corpus/public/`), the
//!   longer public reports; measured as `extract` alone, as `extract` + [`Output::new`] + JSON
//!   (what the CLI does per file), and as `checks::find` alone on what `extract` found.
//! - `hostile`: pathological inputs, each at size n and 4n. Throughput is in bytes, so linear cost
//!   shows as the same MB/s at both sizes; a super-linear recognizer shows as a collapse at 4n.
//!
//! `cargo bench --bench extract -- reports` runs only the first group.
//!
//! The clock is the benchmark thread's CPU time (Linux `/proc/thread-self/schedstat`): on a
//! machine shared with other work, wall time also counts the time spent waiting for a core,
//! and the budget is per core. `ZHIBIAO_BENCH_CLOCK=wall` (or a system without schedstat) uses
//! criterion's wall clock instead. Throughput is printed in decimal MB/s with the CPU clock.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::measurement::{Measurement, WallTime};
use criterion::{BenchmarkId, Criterion, Throughput};
use zhibiao::output::Output;

#[path = "common/cpu.rs"]
mod cpu;

/// The `.txt` files of `dir`, sorted, concatenated with blank lines between them.
fn read_dir_texts(dir: &Path) -> Option<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut all = String::new();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(&p) {
            all.push_str(&t);
            all.push_str("\n\n");
        }
    }
    (!all.is_empty()).then_some(all)
}

fn corpora() -> Vec<(&'static str, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = Vec::new();
    if let Some(t) = read_dir_texts(&root.join("tests/fixtures/corpus")) {
        v.push(("fixtures", t));
    }
    // ../shared beside the checkout (as in CI); from a worktree elsewhere, set ZHIBIAO_SHARED.
    let shared = std::env::var_os("ZHIBIAO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    if let Some(t) = read_dir_texts(&shared.join("corpus/public")) {
        v.push(("public", t));
    } else {
        eprintln!("note: ../shared/corpus/public not found; benching the fixtures only");
    }
    v
}

fn reports<M: Measurement>(c: &mut Criterion<M>) {
    let mut g = c.benchmark_group("reports");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, text) in corpora() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("extract", name), &text, |b, t| {
            b.iter(|| zhibiao::extract(black_box(t)))
        });
        // The checks alone (issue 13), on what extract found: their share of `extract`.
        g.bench_with_input(BenchmarkId::new("checks", name), &text, |b, t| {
            let x = zhibiao::extract(t);
            b.iter(|| zhibiao::checks::find(black_box(t), &x))
        });
        g.bench_with_input(BenchmarkId::new("extract+json", name), &text, |b, t| {
            b.iter(|| {
                let x = zhibiao::extract(black_box(t));
                Output::new(t, &x).to_json()
            })
        });
    }
    g.finish();
}

/// Hostile inputs of issue 6 at their full size (the `4n` point); `n` is a quarter of it.
fn hostile_inputs(scale: usize) -> Vec<(&'static str, String)> {
    let q = |n: usize| n * scale / 4;
    vec![
        ("digits", "7".repeat(q(1_000_000))),
        ("fullwidth-digits", "７".repeat(q(1_000_000))),
        ("headings", {
            let mut s = String::new();
            for i in 0..q(100_000) {
                let marker = ["一、", "（一）", "1.", "(1)"][i % 4];
                s.push_str(marker);
                s.push_str("深化行政执法体制改革\n");
            }
            s
        }),
        (
            "chinese-numerals",
            "一二三四五六七八九十百千万亿零两".repeat(q(62_500)),
        ),
        ("numeral-quantities", "三百二十万件、".repeat(q(100_000))),
        // Pasted-text noise between digits and before multipliers (issue 11).
        ("zero-width-digits", "2\u{200b}".repeat(q(300_000)) + "件"),
        ("spaced-digits", "1 \u{3000}".repeat(q(300_000)) + "万件"),
        (
            "zero-width-runs",
            ("3".to_string() + &"\u{feff}".repeat(1000)).repeat(q(1_000)),
        ),
        ("unclosed-citation", "《".repeat(q(500_000))),
        ("nested-parens", {
            let n = q(300_000);
            let mut s = "(".repeat(n);
            s.push('一');
            s.push_str(&")".repeat(n));
            s
        }),
        ("report-one-line", {
            let mut s = String::new();
            while s.len() < q(1_000_000) {
                s.push_str("一、主要举措和成效(一)深化改革。公布市级行政许可事项238项，办理4.6万件，合格率达98.7%，同比上升70.2%。一是完善制度；二是强化监督。");
            }
            s
        }),
    ]
}

fn hostile<M: Measurement>(c: &mut Criterion<M>) {
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (label, scale) in [("n", 1), ("4n", 4)] {
        for (name, text) in hostile_inputs(scale) {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, label), &text, |b, t| {
                b.iter(|| zhibiao::extract(black_box(t)))
            });
        }
    }
    g.finish();
}

fn main() {
    if cpu::use_cpu_clock() {
        let mut c = Criterion::default()
            .with_measurement(cpu::CpuTime)
            .configure_from_args();
        reports(&mut c);
        hostile(&mut c);
        c.final_summary();
    } else {
        let mut c = Criterion::default()
            .with_measurement(WallTime)
            .configure_from_args();
        reports(&mut c);
        hostile(&mut c);
        c.final_summary();
    }
}
