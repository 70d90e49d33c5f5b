use std::time::Instant;
fn cpu_ns() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse::<f64>()
        .unwrap()
}
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or("../shared/corpus/public".into());
    let mut text = String::new();
    let mut ps: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    ps.sort();
    for p in ps {
        text.push_str(&std::fs::read_to_string(p).unwrap());
        text.push_str("\n\n");
    }
    let reps = 20;
    let mb = text.len() as f64 * reps as f64 / 1e6;
    macro_rules! t {
        ($name:expr, $e:expr) => {{
            let t0 = Instant::now();
            let c0 = cpu_ns();
            let mut r = None;
            for _ in 0..reps {
                r = Some(std::hint::black_box($e));
            }
            let s = t0.elapsed().as_secs_f64();
            let c = (cpu_ns() - c0) / 1e9;
            println!(
                "{:12} wall {:7.1} MB/s {:6.2} ms | cpu {:7.1} MB/s {:6.2} ms",
                $name,
                mb / s,
                s * 1000.0 / reps as f64,
                mb / c,
                c * 1000.0 / reps as f64
            );
            r.unwrap()
        }};
    }
    use zhibiao::*;
    let t = text.as_str();
    let citations = t!("citations", citations::find(t));
    let (headings, _w) = t!("outline", outline::outline(t));
    let lists = t!("lists", lists::find(t, &headings));
    let dates = t!("dates", dates::find(t, &citations));
    let indicators = t!(
        "indicators",
        indicators::find(t, &citations, &headings, &lists)
    );
    let x0 = Extraction {
        indicators,
        dates,
        headings,
        lists,
        citations,
        ..Extraction::default()
    };
    let x1 = t!("meta", {
        let mut x = x0.clone();
        meta::fill(t, &mut x);
        x
    });
    let x2 = t!("parts", {
        let mut x = x1.clone();
        parts::fill(t, &mut x);
        x
    });
    let _x3 = t!("sections", {
        let mut x = x2.clone();
        outline::assign_sections(&mut x);
        x
    });
    let x = t!("extract", zhibiao::extract(t));
    let _ = t!("output+json", zhibiao::output::Output::new(t, &x).to_json());
    t!("clone", x0.clone());
}
