//! Native cost of `compare` and `table` (`cargo bench --bench compare`).
//!
//! - `compare/edited-50k`: two reports of ~50,000 characters, the second an edited copy of the
//!   first (every 20th paragraph deleted, one digit changed in every 10th line, a sentence with
//!   a figure added every 15 lines): the common case of a report against its corrected version
//!   or a lightly updated one.
//! - `compare/unrelated-50k`: two ~50,000-character texts with little in common (the national
//!   政府工作报告 of 2022+2013+2010 against 2024+2006+2003, from `../shared/corpus/public`, when that
//!   checkout is beside this one, or from `$ZHIBIAO_SHARED/corpus/public`): every figure goes
//!   through the metric scoring and assignment.
//! - `table/300x10k`: 300 reports of ~10,000 characters each (windows of the fixture texts),
//!   each extracted and summarised as a row, then the table and its CSV.
//!
//! The text is made of the repository's fixtures (`tests/fixtures/{pairs,corpus,excerpts}`),
//! so the bench runs in any checkout. The clock is the thread's CPU time (`benches/common/cpu.rs`).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::measurement::{Measurement, WallTime};
use criterion::{BenchmarkId, Criterion, Throughput};
use zhibiao::compare::compare;
use zhibiao::table::{row, Table};

#[path = "common/cpu.rs"]
mod cpu;

fn read_txt(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The first `n` characters of `texts` joined, cut at a line end.
fn take_chars(texts: &[String], n: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for line in texts.iter().flat_map(|t| t.split_inclusive('\n')) {
        let len = line.chars().count();
        if count + len > n {
            break;
        }
        out.push_str(line);
        count += len;
    }
    out
}

fn fixtures() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v = read_txt(&root.join("pairs"));
    v.extend(read_txt(&root.join("corpus")));
    v.extend(read_txt(&root.join("excerpts")));
    v
}

/// `text` edited: every 20th line deleted, one digit changed in every 10th line, a sentence with
/// a figure added after every 15th.
fn edited(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4096);
    for (k, line) in text.split_inclusive('\n').enumerate() {
        if k % 20 == 19 {
            continue;
        }
        if k % 10 == 3 {
            if let Some(p) = line.find(|c: char| c.is_ascii_digit()) {
                let d = line.as_bytes()[p] - b'0';
                out.push_str(&line[..p]);
                out.push(char::from(b'0' + (d + 1) % 10));
                out.push_str(&line[p + 1..]);
                continue;
            }
        }
        out.push_str(line);
        if k % 15 == 14 {
            out.push_str("全年新建城市书房17座。\n");
        }
    }
    out
}

fn benches<M: Measurement>(c: &mut Criterion<M>) {
    let fx = fixtures();
    let old = take_chars(&fx, 50_000);
    let mut g = c.benchmark_group("compare");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let mut cases = vec![("edited-50k", old.clone(), edited(&old))];
    let shared = std::env::var("ZHIBIAO_SHARED").unwrap_or_else(|_| "../shared".into());
    let public = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(shared)
        .join("corpus/public");
    let read = |names: &[&str]| -> Vec<String> {
        names
            .iter()
            .filter_map(|n| std::fs::read_to_string(public.join(n)).ok())
            .collect()
    };
    let a = read(&[
        "p06_national-2022-gwr.txt",
        "p04_national-2013-gwr.txt",
        "p03_national-2010-gwr.txt",
    ]);
    let b = read(&[
        "p07_national-2024-gwr.txt",
        "p02_national-2006-gwr.txt",
        "p01_national-2003-gwr.txt",
    ]);
    if a.len() == 3 && b.len() == 3 {
        cases.push((
            "unrelated-50k",
            take_chars(&a, 50_000),
            take_chars(&b, 50_000),
        ));
    } else {
        eprintln!("note: ../shared/corpus/public not found; compare/unrelated-50k skipped");
    }
    for (name, a, b) in &cases {
        let (xa, xb) = (zhibiao::extract(a), zhibiao::extract(b));
        eprintln!(
            "{name}: {} / {} characters, {} / {} figures",
            a.chars().count(),
            b.chars().count(),
            xa.indicators.len(),
            xb.indicators.len()
        );
        g.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
        g.bench_with_input(BenchmarkId::new("compare", name), &(), |bch, _| {
            bch.iter(|| compare(black_box(a), &xa, black_box(b), &xb))
        });
        g.bench_with_input(BenchmarkId::new("extract+compare", name), &(), |bch, _| {
            bch.iter(|| {
                let (xa, xb) = (
                    zhibiao::extract(black_box(a)),
                    zhibiao::extract(black_box(b)),
                );
                compare(a, &xa, b, &xb)
            })
        });
    }
    g.finish();

    // 300 windows of 10,000 characters, starting at different lines of the fixtures.
    let lines: Vec<&str> = fx.iter().flat_map(|t| t.split_inclusive('\n')).collect();
    let reports: Vec<String> = (0..300)
        .map(|i| {
            let (mut s, mut count) = (String::new(), 0);
            let mut k = (i * 37) % lines.len();
            while count < 10_000 {
                s.push_str(lines[k]);
                count += lines[k].chars().count();
                k = (k + 1) % lines.len();
            }
            s
        })
        .collect();
    let bytes: usize = reports.iter().map(String::len).sum();
    let mut g = c.benchmark_group("table");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("300x10k", |bch| {
        bch.iter(|| {
            let rows = reports
                .iter()
                .enumerate()
                .map(|(i, t)| row(&format!("{i}.txt"), t, &zhibiao::extract(black_box(t))))
                .collect();
            Table::new(rows).to_csv()
        })
    });
    g.finish();
}

fn main() {
    if cpu::use_cpu_clock() {
        let mut c = Criterion::default()
            .with_measurement(cpu::CpuTime)
            .configure_from_args();
        benches(&mut c);
        c.final_summary();
    } else {
        let mut c = Criterion::default()
            .with_measurement(WallTime)
            .configure_from_args();
        benches(&mut c);
        c.final_summary();
    }
}
