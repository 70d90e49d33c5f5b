//! `compare` on real reports: generated edits of real texts, and a real year pair.
//!
//! The generator takes a real report, alters a few figures (one digit each), deletes a
//! paragraph that states figures and adds a sentence with a figure, and checks what issue 12
//! asks: every altered figure is paired with its new value, the deleted paragraph's figures are
//! only old, the added figure only new, at least 90 % of the untouched figures are paired with
//! themselves, and the carried-over share is between 0.7 and 1.

use std::path::Path;

use zhibiao::compare::{compare, Comparison};
use zhibiao::Extraction;

/// splitmix64: a small deterministic generator, so every case can be rerun from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One replacement of `old[start..end]` by `with`.
#[derive(Clone, Debug)]
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// Applies non-overlapping edits (any order).
fn apply(text: &str, edits: &mut [Edit]) -> String {
    edits.sort_by_key(|e| e.start);
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = 0;
    for e in edits.iter() {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.with);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Where an old byte offset outside every edit lands in the new text.
fn map(edits: &[Edit], pos: usize) -> usize {
    let mut shift = 0isize;
    for e in edits {
        if e.end <= pos {
            shift += e.with.len() as isize - (e.end - e.start) as isize;
        }
    }
    (pos as isize + shift) as usize
}

/// Sentences with a figure that reports of this corpus do not state, added by the generator.
const ADDED: [&str; 4] = [
    "全年新建城市书房17座。",
    "全区共登记犬只2386只。",
    "新增公共充电桩412个。",
    "共组织冰雪运动体验活动56场。",
];

struct Case {
    old: String,
    new: String,
    /// Old indicator index → the new text's span of its altered figure.
    altered: Vec<(usize, (usize, usize))>,
    deleted: Vec<usize>,
    /// New-text byte range of the added sentence.
    added: (usize, usize),
    /// Old indicator index → its span in the new text.
    untouched: Vec<(usize, (usize, usize))>,
}

/// Builds one edited version of `text` from `seed`, or `None` when the text offers no
/// paragraph to delete (a text with fewer than three paragraphs stating figures).
fn generate(text: &str, x: &Extraction, seed: u64) -> Option<Case> {
    let mut rng = Rng(seed);
    // Paragraphs (lines) that state figures, with their figures.
    let mut paras: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let (s, e) = (at, at + line.len());
        at = e;
        let figs: Vec<usize> = (0..x.indicators.len())
            .filter(|&k| x.indicators[k].span.start >= s && x.indicators[k].span.end <= e)
            .collect();
        if !figs.is_empty() && line.len() < text.len() / 8 {
            paras.push((s, e, figs));
        }
    }
    if paras.len() < 3 {
        return None;
    }
    let (ds, de, deleted) = paras[rng.below(paras.len())].clone();
    let mut edits = vec![Edit {
        start: ds,
        end: de,
        with: String::new(),
    }];
    // Alter up to four figures outside the deleted paragraph, one per sentence, each the first
    // digit of its first ASCII digit run, plus one (9 → 1).
    let mut altered = Vec::new();
    let mut tries = 0;
    while altered.len() < 4 && tries < 200 {
        tries += 1;
        let k = rng.below(x.indicators.len());
        let i = &x.indicators[k];
        if i.value.is_none() || i.value_max.is_some() || (i.span.start >= ds && i.span.end <= de) {
            continue;
        }
        let span = i.span.of(text);
        let Some(d) = span.find(|c: char| c.is_ascii_digit()) else {
            continue;
        };
        let near =
            |e: &Edit| e.start.abs_diff(i.span.start) < 120 || e.end.abs_diff(i.span.start) < 120;
        if edits.iter().any(near) {
            continue;
        }
        let digit = span.as_bytes()[d] - b'0';
        let new_digit = if digit == 9 { 1 } else { digit + 1 };
        let pos = i.span.start + d;
        edits.push(Edit {
            start: pos,
            end: pos + 1,
            with: char::from(b'0' + new_digit).to_string(),
        });
        altered.push(k);
    }
    // Add a sentence after a 。 outside every edit.
    let stops: Vec<usize> = text
        .match_indices('。')
        .map(|(p, s)| p + s.len())
        .filter(|&p| {
            !edits
                .iter()
                .any(|e| p >= e.start.saturating_sub(60) && p <= e.end + 60)
        })
        .collect();
    let insert = stops[rng
        .below(stops.len().max(1))
        .min(stops.len().saturating_sub(1))];
    let sentence = ADDED[rng.below(ADDED.len())];
    edits.push(Edit {
        start: insert,
        end: insert,
        with: sentence.to_string(),
    });
    let new = apply(text, &mut edits);
    let added_start = map(&edits, insert) - sentence.len();
    let touched = |k: usize| altered.contains(&k) || deleted.contains(&k);
    let moved = |k: usize| {
        let s = x.indicators[k].span;
        (map(&edits, s.start), map(&edits, s.end))
    };
    let untouched = (0..x.indicators.len())
        .filter(|&k| !touched(k))
        .map(|k| (k, moved(k)))
        .collect();
    Some(Case {
        old: text.to_string(),
        new,
        altered: altered.iter().map(|&k| (k, moved(k))).collect(),
        deleted,
        added: (added_start, added_start + sentence.len()),
        untouched,
    })
}

fn fixture(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn texts() -> Vec<(String, String)> {
    let mut v = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/corpus")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for n in names {
        v.push((n.clone(), fixture(&format!("corpus/{n}"))));
    }
    for n in ["hailar-2012.txt", "hailar-2013.txt"] {
        v.push((n.to_string(), fixture(&format!("pairs/{n}"))));
    }
    v
}

/// The new indicator whose span is exactly `span`.
fn new_at(x: &Extraction, span: (usize, usize)) -> Option<usize> {
    x.indicators
        .iter()
        .position(|i| (i.span.start, i.span.end) == span)
}

fn paired_to(c: &Comparison, old: usize) -> Option<usize> {
    c.pairs.iter().find(|p| p.old == old).map(|p| p.new)
}

#[test]
fn generated_edits_of_real_reports() {
    let (mut cases, mut altered_n, mut deleted_n, mut untouched_n, mut self_paired) =
        (0, 0, 0, 0, 0);
    let mut min_share = f64::MAX;
    let mut worst_untouched = 1.0f64;
    for (name, text) in texts() {
        let x = zhibiao::extract(&text);
        for seed in 1..=6u64 {
            let Some(case) = generate(&text, &x, seed) else {
                continue;
            };
            let ctx = format!("{name}, seed {seed}");
            let xn = zhibiao::extract(&case.new);
            let c = compare(&case.old, &x, &case.new, &xn);
            cases += 1;

            for &(k, span) in &case.altered {
                let n = new_at(&xn, span).unwrap_or_else(|| {
                    panic!(
                        "{ctx}: altered figure {:?} not found in the new text",
                        &case.new[span.0..span.1]
                    )
                });
                assert_ne!(
                    x.indicators[k].value, xn.indicators[n].value,
                    "{ctx}: value unchanged"
                );
                assert_eq!(
                    paired_to(&c, k),
                    Some(n),
                    "{ctx}: altered {:?} → {:?} not paired (pairs with {:?})",
                    x.indicators[k].span.of(&case.old),
                    &case.new[span.0..span.1],
                    paired_to(&c, k).map(|m| xn.indicators[m].span.of(&case.new)),
                );
                altered_n += 1;
            }
            for &k in &case.deleted {
                assert!(
                    c.only_old.contains(&k),
                    "{ctx}: deleted {:?} paired with {:?}",
                    x.indicators[k].span.of(&case.old),
                    paired_to(&c, k).map(|m| xn.indicators[m].span.of(&case.new)),
                );
                deleted_n += 1;
            }
            let added: Vec<usize> = (0..xn.indicators.len())
                .filter(|&k| {
                    xn.indicators[k].span.start >= case.added.0
                        && xn.indicators[k].span.end <= case.added.1
                })
                .collect();
            assert!(!added.is_empty(), "{ctx}: the added sentence has no figure");
            for k in added {
                assert!(
                    c.only_new.contains(&k),
                    "{ctx}: added {:?} was paired",
                    xn.indicators[k].span.of(&case.new)
                );
            }
            let ok = case
                .untouched
                .iter()
                .filter(|&&(k, span)| {
                    new_at(&xn, span).is_some_and(|n| paired_to(&c, k) == Some(n))
                })
                .count();
            let share = ok as f64 / case.untouched.len().max(1) as f64;
            assert!(
                share >= 0.9,
                "{ctx}: only {ok} of {} untouched figures paired with themselves",
                case.untouched.len()
            );
            untouched_n += case.untouched.len();
            self_paired += ok;
            worst_untouched = worst_untouched.min(share);
            assert!(
                (0.7..=1.0).contains(&c.carried_over_share),
                "{ctx}: carried-over share {}",
                c.carried_over_share
            );
            min_share = min_share.min(c.carried_over_share);
        }
    }
    assert!(cases >= 30, "only {cases} cases generated");
    eprintln!(
        "generator: {cases} cases; {altered_n} altered figures paired with their new value; \
         {deleted_n} deleted figures only old; untouched paired with themselves {self_paired}/{untouched_n} \
         (worst case {:.3}); carried-over share ≥ {min_share:.3}",
        worst_untouched
    );
}

/// The indicator whose span ends where `needle` (which ends with the figure) ends in `text`.
fn figure_ending(text: &str, x: &Extraction, needle: &str) -> usize {
    let mut found = text.match_indices(needle).map(|(p, _)| p + needle.len());
    let end = found
        .next()
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    assert!(found.next().is_none(), "{needle:?} occurs twice");
    x.indicators
        .iter()
        .position(|i| i.span.end == end)
        .unwrap_or_else(|| panic!("no figure ends {needle:?}"))
}

/// 海拉尔区 2012 report (reviews 2011) against its 2013 report (reviews 2012), pairs checked by
/// reading both texts: the same statistic of consecutive years, with the change.
#[test]
fn real_year_pair_hailar_2012_2013() {
    let (old, new) = (
        fixture("pairs/hailar-2012.txt"),
        fixture("pairs/hailar-2013.txt"),
    );
    let (xo, xn) = (zhibiao::extract(&old), zhibiao::extract(&new));
    let c = compare(&old, &xo, &new, &xn);
    let expected: [(&str, &str, Option<f64>); 12] = [
        (
            "地区生产总值完成198.5亿元",
            "全年地区生产总值完成235.2亿元",
            Some(3.67e9),
        ),
        (
            "198.5亿元，同比增长22.3%",
            "235.2亿元，同比增长18.5%",
            Some(-3.8),
        ),
        (
            "地方财政总收入完成16亿元",
            "地方财政总收入完成20.67亿元",
            Some(4.67e8),
        ),
        (
            "社会消费品零售总额预计完成84亿元",
            "全年社会消费品零售总额完成97.9亿元",
            Some(1.39e9),
        ),
        // 个 and 家: the same count, but a delta only between figures in the same unit.
        ("规模以上工业企业已达54个", "规模以上工业企业达54家", None),
        (
            "规模以上工业总产值完成235.4亿元",
            "规模以上工业总产值完成137.8亿元",
            Some(-9.76e9),
        ),
        (
            "全年实施工业重点项目38个",
            "全年实施重点工业项目34个",
            Some(-4.0),
        ),
        (
            "城镇居民人均可支配收入完成20251元",
            "城镇居民人均可支配收入达到23267元",
            Some(3016.0),
        ),
        // The 2011 result, not the 2012 target (农民人均纯收入达到16892元) of the old report.
        (
            "农民人均纯收入完成14315元",
            "农民人均纯收入达到16720元",
            Some(2405.0),
        ),
        ("全年城镇新增就业5527人", "城镇新增就业6128人", Some(601.0)),
        (
            "城镇登记失业率控制在4.08%",
            "城镇登记失业率为3.84%",
            Some(-0.24),
        ),
        (
            "全年接待国内外旅游人数达到309.5万人次",
            "全年接待国内外游客突破370万人次",
            Some(605000.0),
        ),
    ];
    for (o, n, delta) in expected {
        let (ko, kn) = (figure_ending(&old, &xo, o), figure_ending(&new, &xn, n));
        let p = c.pairs.iter().find(|p| p.old == ko);
        assert_eq!(
            p.map(|p| p.new),
            Some(kn),
            "{o} should pair with {n}, pairs with {:?}",
            p.map(|p| xn.indicators[p.new].span.of(&new))
        );
        let d = p.and_then(|p| p.delta);
        assert!(
            d == delta
                || matches!((d, delta), (Some(a), Some(b)) if (a - b).abs() < 1e-6 * b.abs().max(1.0)),
            "{o} → {n}: delta {d:?}, expected {delta:?}"
        );
    }
    // 财政总收入 (with the revenue passed up, 29亿元) is not 地方财政总收入: no partner in 2013.
    let k = figure_ending(&old, &xo, "财政总收入完成29亿元");
    assert!(c.only_old.contains(&k));
    // Different years' reports, written anew: little carried over, but the formula of the
    // opening (各位代表：现在，我代表区政府向大会作工作报告，请予审议…) is.
    assert!(c.carried_over_share < 0.2, "{}", c.carried_over_share);
    assert!(c
        .carried_over
        .iter()
        .any(|p| p.new.of(&new).contains("我代表区政府向大会作工作报告")));
    // Every figure once: in a pair or in a list of unpaired figures.
    let mut seen_old = vec![0; xo.indicators.len()];
    let mut seen_new = vec![0; xn.indicators.len()];
    for p in &c.pairs {
        seen_old[p.old] += 1;
        seen_new[p.new] += 1;
    }
    c.only_old.iter().for_each(|&k| seen_old[k] += 1);
    c.only_new.iter().for_each(|&k| seen_new[k] += 1);
    assert!(seen_old.iter().chain(&seen_new).all(|&n| n == 1));
}
