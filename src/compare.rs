//! Two reports side by side: which figures measure the same thing, how they moved, and which
//! passages the new report carried over from the old one.
//!
//! [`compare`] pairs the figures of two [`Extraction`]s in two steps:
//! 1. **Same sentence.** A new figure whose whole sentence was carried over word for word
//!    ([`carryover`]) pairs with the old figure at the same place of that passage. This is what
//!    makes a corrected version of a report pair each figure with itself.
//! 2. **Same metric.** The remaining figures are scored pairwise ([`score`]) when their kinds
//!    fit ([`Key`]: same kind, same unit for percentages, measures and money, both or neither a
//!    stated change, no two different `metricId`s), on the canonical id first, then on the
//!    closeness of the metric names and of the words around the figure, with the position in
//!    the report and an unchanged value as tie-breakers. Pairs below [`MIN_SCORE`] are not
//!    made: an unpaired figure is a smaller error than a wrong pair. The pairs that remain are
//!    an *assignment* maximizing the total score (Hungarian method, per connected group of
//!    candidates), so a figure never takes the partner another one fits much better just because
//!    it came first; a group too large for the cubic method ([`MAX_EXACT`]) is paired greedily
//!    from the best score down.
//!
//! Every figure is in at most one pair; the others are listed as only old / only new.

use std::collections::HashMap;

use crate::carryover::{self, CarryOver, Folded, Passage};
use crate::model::{Extraction, Indicator, Kind};
use crate::text::fold;

/// The lowest score at which two figures are paired by metric.
pub const MIN_SCORE: f64 = 0.5;

/// The largest candidate group (old × new figures) paired exactly; larger ones go greedily.
pub const MAX_EXACT: usize = 250 * 250;

/// The most figure pairs scored within one group of compatible figures (see [`assign`]).
pub const MAX_SCORED: usize = 1 << 20;

/// How a pair was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The figure's sentence was carried over unchanged.
    Sentence,
    /// By metric id, name and context ([`score`]).
    Metric,
}

/// Two figures that measure the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Index into the old extraction's indicators.
    pub old: usize,
    /// Index into the new extraction's indicators.
    pub new: usize,
    /// New value minus old, when both have a single value in the same unit.
    pub delta: Option<f64>,
    /// `delta` as a percentage of the old value (none when the old value is 0).
    pub delta_percent: Option<f64>,
    pub by: Match,
    /// The pairing score in `[0, 1]` (1 for a carried-over sentence).
    pub score: f64,
}

/// The comparison of two reports.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// In the new report's order.
    pub pairs: Vec<Pair>,
    /// Old figures without a partner, in order.
    pub only_old: Vec<usize>,
    /// New figures without a partner, in order.
    pub only_new: Vec<usize>,
    /// Passages of the new text found in the old one, in the new text's order.
    pub carried_over: Vec<Passage>,
    /// Share of the new text's characters (white space aside) inside a carried-over passage.
    pub carried_over_share: f64,
}

/// Compares the report `new_text` (extracted as `new`) with `old_text` (extracted as `old`).
pub fn compare(old_text: &str, old: &Extraction, new_text: &str, new: &Extraction) -> Comparison {
    let carry = carryover::find(old_text, new_text);
    let mut old_taken = vec![false; old.indicators.len()];
    let mut new_taken = vec![false; new.indicators.len()];
    let mut pairs = Vec::new();

    for (o, n) in same_sentence(old, new_text, new, &carry) {
        old_taken[o] = true;
        new_taken[n] = true;
        pairs.push(make_pair(old, new, o, n, Match::Sentence, 1.0));
    }

    let olds: Vec<Figure> = figures(old_text, old, &old_taken);
    let news: Vec<Figure> = figures(new_text, new, &new_taken);
    for (o, n, s) in assign(&olds, &news) {
        let (o, n) = (olds[o].index, news[n].index);
        old_taken[o] = true;
        new_taken[n] = true;
        pairs.push(make_pair(old, new, o, n, Match::Metric, s));
    }

    crate::sort::sort_by_key(&mut pairs, |p| (new.indicators[p.new].span.start, p.new));
    let free = |taken: &[bool]| (0..taken.len()).filter(|&k| !taken[k]).collect();
    Comparison {
        pairs,
        only_old: free(&old_taken),
        only_new: free(&new_taken),
        carried_over_share: carry.share(),
        carried_over: carry.passages,
    }
}

/// Extracts both texts and compares them.
pub fn compare_texts(old_text: &str, new_text: &str) -> (Extraction, Extraction, Comparison) {
    let old = crate::extract(old_text);
    let new = crate::extract(new_text);
    let c = compare(old_text, &old, new_text, &new);
    (old, new, c)
}

fn make_pair(
    old: &Extraction,
    new: &Extraction,
    o: usize,
    n: usize,
    by: Match,
    score: f64,
) -> Pair {
    let (delta, delta_percent) = delta(&old.indicators[o], &new.indicators[n]);
    Pair {
        old: o,
        new: n,
        delta,
        delta_percent,
        by,
        score,
    }
}

/// `new - old` and its percentage of `old`, when both are single values in the same unit (a
/// range `3—5个` has no single value; `万元` and `元` are both `元` after normalisation).
pub fn delta(old: &Indicator, new: &Indicator) -> (Option<f64>, Option<f64>) {
    if old.unit != new.unit || old.kind != new.kind {
        return (None, None);
    }
    if old.value_max.is_some() || new.value_max.is_some() {
        return (None, None);
    }
    let (Some(a), Some(b)) = (old.value, new.value) else {
        return (None, None);
    };
    let d = b - a;
    if !d.is_finite() {
        return (None, None);
    }
    let pct = (a != 0.0)
        .then(|| round(d / a.abs() * 100.0, 2))
        .filter(|p| p.is_finite());
    (Some(round(d, 6)), pct)
}

/// `x` rounded to `places` decimals (hides `98.7 - 97.1 = 1.6000000000000085`); `x` itself when
/// scaling would overflow.
fn round(x: f64, places: i32) -> f64 {
    let k = 10f64.powi(places);
    let r = (x * k).round() / k;
    if r.is_finite() {
        r
    } else {
        x
    }
}

/// Ends a sentence: the span within which a figure's words are read.
fn is_sentence_end(c: char) -> bool {
    matches!(fold(c), '。' | ';' | '!' | '?' | '\n' | '\r')
}

/// Longest stretch looked at on either side of a figure for its sentence, in characters.
const MAX_SENTENCE: usize = 300;

/// Byte bounds of the sentence around `at..end` (without its end mark), at most
/// [`MAX_SENTENCE`] characters on each side.
fn sentence(text: &str, at: usize, end: usize) -> (usize, usize) {
    let mut start = at;
    for (n, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if is_sentence_end(c) || n == MAX_SENTENCE {
            break;
        }
        start = i;
    }
    let mut stop = end;
    for (n, (i, c)) in text[end..].char_indices().enumerate() {
        if is_sentence_end(c) || n == MAX_SENTENCE {
            break;
        }
        stop = end + i + c.len_utf8();
    }
    (start, stop)
}

/// Step 1: new figures whose sentence lies inside a carried-over passage, with the old figure
/// at the corresponding place (same folded start and end).
fn same_sentence(
    old: &Extraction,
    new_text: &str,
    new: &Extraction,
    carry: &CarryOver,
) -> Vec<(usize, usize)> {
    let fold_span = |f: &Folded, i: &Indicator| (f.index_at(i.span.start), f.index_at(i.span.end));
    let by_start: HashMap<(usize, usize), usize> = old
        .indicators
        .iter()
        .enumerate()
        .map(|(k, i)| (fold_span(&carry.old, i), k))
        .collect();
    let mut out = Vec::new();
    for (k, i) in new.indicators.iter().enumerate() {
        let (a, b) = fold_span(&carry.new, i);
        if a >= b {
            continue;
        }
        let (s, e) = sentence(new_text, i.span.start, i.span.end);
        let (sa, sb) = (carry.new.index_at(s), carry.new.index_at(e));
        let Some(p) = carry.passage_of_new(sa.min(a), sb.max(b)) else {
            continue;
        };
        if let Some(&o) = by_start.get(&(p.old_index(a), p.old_index(b))) {
            out.push((o, k));
        }
    }
    out
}

/// What must agree for two figures to be compared at all.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    kind: Kind,
    /// The unit for percentages (`%` vs `个百分点` vs `‰`), measures (`公里` vs `亩`) and money
    /// (`元` vs `美元`); counts of different measure words may still pair (`件` / `件次`).
    unit: Option<String>,
    change: bool,
}

/// A figure still to be paired, with what its score is computed from.
struct Figure<'a> {
    /// Index into the extraction's indicators.
    index: usize,
    ind: &'a Indicator,
    key: Key,
    /// Character bigrams of the metric name, sorted, deduplicated; empty without a metric.
    metric: Vec<u64>,
    /// Bigrams of the words before the figure in its sentence (digits left out).
    left: Vec<u64>,
    /// Bigrams of the words after it.
    right: Vec<u64>,
    /// Bigrams of the titles of the outermost and the innermost heading the figure sits under
    /// (digits left out: `二、2012年工作安排` and `二、2013年工作安排` are the same section).
    section: Vec<u64>,
    /// Position in the text, 0 at the start and 1 at the end.
    pos: f64,
}

/// Characters of context read on the left and on the right of a figure.
const LEFT: usize = 16;
const RIGHT: usize = 8;

fn figures<'a>(text: &str, x: &'a Extraction, taken: &[bool]) -> Vec<Figure<'a>> {
    let len = text.len().max(1) as f64;
    x.indicators
        .iter()
        .enumerate()
        .filter(|&(k, _)| !taken[k])
        .map(|(index, ind)| {
            let key = Key {
                kind: ind.kind,
                unit: (ind.kind != Kind::Count)
                    .then(|| ind.unit.as_deref().unwrap_or("").to_string()),
                change: ind.change.is_some(),
            };
            let (s, e) = sentence(text, ind.span.start, ind.span.end);
            let before = text[s..ind.span.start]
                .chars()
                .rev()
                .filter(|&c| keeps(c))
                .take(LEFT);
            let mut left: Vec<char> = before.collect();
            left.reverse();
            let right: Vec<char> = text[ind.span.end..e]
                .chars()
                .filter(|&c| keeps(c))
                .take(RIGHT)
                .collect();
            let metric: Vec<char> = ind
                .metric
                .as_deref()
                .unwrap_or("")
                .chars()
                .filter(|&c| keeps(c))
                .collect();
            let section: Vec<char> = section_titles(x, ind.heading)
                .chars()
                .filter(|&c| keeps(c))
                .collect();
            Figure {
                index,
                ind,
                key,
                metric: bigrams(&metric),
                left: bigrams(&left),
                right: bigrams(&right),
                section: bigrams(&section),
                pos: ind.span.start as f64 / len,
            }
        })
        .collect()
}

/// The outermost heading's title above `heading`, then `heading`'s own (once when the same).
fn section_titles(x: &Extraction, heading: Option<usize>) -> String {
    let Some(h) = heading.filter(|&h| h < x.headings.len()) else {
        return String::new();
    };
    let mut root = h;
    // Parents precede their children; the bound guards against a malformed tree.
    for _ in 0..x.headings.len() {
        match x.headings[root].parent {
            Some(p) if p < root => root = p,
            _ => break,
        }
    }
    let mut s = x.headings[root].title.clone();
    if root != h {
        s.push_str(&x.headings[h].title);
    }
    s
}

/// Whether a character counts as a word of the context: not a digit, decimal point, percent
/// sign, white space or punctuation (those differ between years without changing the meaning).
fn keeps(c: char) -> bool {
    let f = fold(c);
    let dropped = f.is_ascii_digit()
        || f.is_ascii_punctuation()
        || f.is_whitespace()
        || carryover::is_ignored(c)
        || matches!(
            f,
            '。' | '、' | '“' | '”' | '‘' | '’' | '《' | '》' | '—' | '…' | '·' | '○' | '〇'
        );
    !dropped
}

/// The sorted, deduplicated character bigrams of `s`, with start and end marks (so a single
/// character gives two bigrams and still compares).
fn bigrams(s: &[char]) -> Vec<u64> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut v = Vec::with_capacity(s.len() + 1);
    let mut prev = 0u64;
    for &c in s.iter().chain(std::iter::once(&'\0')) {
        let c = c as u64 + 1;
        v.push(prev << 32 | c);
        prev = c;
    }
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

/// Dice's coefficient of two sorted sets, `None` when both are empty.
fn dice(a: &[u64], b: &[u64]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Some(2.0 * common as f64 / (a.len() + b.len()) as f64)
}

/// How likely two figures of compatible kinds measure the same thing, in `[0, 1]`, or `None`
/// when they cannot (two different canonical ids).
///
/// - *what*: 1 for the same `metricId`, else the closeness of the metric names (Dice of their
///   character bigrams), else — when one has no name — the closeness of the contexts;
/// - *context*: the words before the figure in its sentence (weight 0.7) and after it (0.3);
/// - *section*: the closeness of the titles of the sections they sit in (outermost and
///   innermost heading; 1 when neither has a heading): a result under `过去一年工作回顾` pairs
///   with a result, not with next year's target under `今年工作安排`;
/// - *position*: 1 minus the distance of their relative positions in the reports;
/// - *same value*: 1 when value and unit are unchanged.
///
/// Score = 0.4 what + 0.3 context + 0.15 section + 0.05 position + 0.1 same value, minus 0.1
/// for counts of different measure words.
fn score(o: &Figure, n: &Figure) -> Option<f64> {
    let (io, inew) = (o.ind.metric_id, n.ind.metric_id);
    if io.is_some() && inew.is_some() && io != inew {
        return None;
    }
    let left = dice(&o.left, &n.left).unwrap_or(0.0);
    let right = dice(&o.right, &n.right).unwrap_or(left);
    let context = 0.7 * left + 0.3 * right;
    let what = if io.is_some() && io == inew {
        1.0
    } else if !o.metric.is_empty() && !n.metric.is_empty() {
        dice(&o.metric, &n.metric).unwrap_or(0.0)
    } else {
        context
    };
    let section = dice(&o.section, &n.section).unwrap_or(1.0);
    let position = 1.0 - (o.pos - n.pos).abs();
    let same = o.ind.value.is_some() && o.ind.value == n.ind.value && o.ind.unit == n.ind.unit;
    let mut s = 0.4 * what + 0.3 * context + 0.15 * section + 0.05 * position;
    if same {
        s += 0.1;
    }
    if o.ind.unit != n.ind.unit {
        s -= 0.1;
    }
    // Neither the name nor the words around agree: never a pair, however close in place.
    if what < 0.5 && context < 0.5 {
        return None;
    }
    Some(s.clamp(0.0, 1.0))
}

/// Step 2: the pairs `(old figure, new figure, score)` of an assignment maximizing the total
/// score over all pairs scoring at least [`MIN_SCORE`].
fn assign(olds: &[Figure], news: &[Figure]) -> Vec<(usize, usize, f64)> {
    // Candidate edges, only between figures of the same key.
    let mut groups: HashMap<&Key, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (k, f) in olds.iter().enumerate() {
        groups.entry(&f.key).or_default().0.push(k);
    }
    for (k, f) in news.iter().enumerate() {
        if let Some(g) = groups.get_mut(&f.key) {
            g.1.push(k);
        }
    }
    let mut edges = Vec::new();
    let mut keys: Vec<_> = groups.into_values().collect();
    crate::sort::sort(&mut keys); // deterministic order of groups
    for (os, ns) in &keys {
        // All pairs of the group, or for a huge group (a table dump of thousands of figures of
        // one kind) each old figure against the new ones nearest its relative position, so the
        // work stays bounded by MAX_SCORED per group.
        let all = os.len() * ns.len() <= MAX_SCORED;
        let k = (MAX_SCORED / os.len().max(1)).max(16);
        for &o in os {
            let (lo, hi) = if all {
                (0, ns.len())
            } else {
                let at = ns.partition_point(|&n| news[n].pos < olds[o].pos);
                (at.saturating_sub(k / 2), (at + k / 2).min(ns.len()))
            };
            for &n in &ns[lo..hi] {
                if let Some(s) = score(&olds[o], &news[n]).filter(|&s| s >= MIN_SCORE) {
                    edges.push((o, n, s));
                }
            }
        }
    }
    // Connected components of the candidate graph (old k is node k, new k is node olds + k).
    let mut uf = UnionFind::new(olds.len() + news.len());
    for &(o, n, _) in &edges {
        uf.union(o, olds.len() + n);
    }
    let mut comps: HashMap<usize, Vec<(usize, usize, f64)>> = HashMap::new();
    for &e in &edges {
        comps.entry(uf.find(e.0)).or_default().push(e);
    }
    let mut comps: Vec<_> = comps.into_values().collect();
    crate::sort::sort_by_key(&mut comps, |c| (c[0].0, c[0].1));
    let mut out = Vec::new();
    for comp in comps {
        out.extend(assign_component(&comp));
    }
    out
}

/// The best assignment within one connected group of candidate edges.
fn assign_component(edges: &[(usize, usize, f64)]) -> Vec<(usize, usize, f64)> {
    let mut rows: Vec<usize> = edges.iter().map(|e| e.0).collect();
    let mut cols: Vec<usize> = edges.iter().map(|e| e.1).collect();
    crate::sort::sort(&mut rows);
    rows.dedup();
    crate::sort::sort(&mut cols);
    cols.dedup();
    if rows.len() == 1 || cols.len() == 1 || rows.len() * cols.len() > MAX_EXACT {
        return greedy(edges);
    }
    let mut w = vec![0.0f64; rows.len() * cols.len()];
    for &(o, n, s) in edges {
        let r = rows.binary_search(&o).unwrap_or(0);
        let c = cols.binary_search(&n).unwrap_or(0);
        w[r * cols.len() + c] = s;
    }
    // The Hungarian method wants rows ≤ columns: transpose when needed. A non-edge costs 1
    // (the same as leaving both unpaired), an edge 1 - score.
    let transpose = rows.len() > cols.len();
    let (nr, nc) = if transpose {
        (cols.len(), rows.len())
    } else {
        (rows.len(), cols.len())
    };
    let weight = |r: usize, c: usize| {
        if transpose {
            w[c * cols.len() + r]
        } else {
            w[r * cols.len() + c]
        }
    };
    let assignment = hungarian(nr, nc, |r, c| 1.0 - weight(r, c));
    let mut out = Vec::new();
    for (r, c) in assignment.into_iter().enumerate() {
        let Some(c) = c else { continue };
        let s = weight(r, c);
        if s > 0.0 {
            let (ri, ci) = if transpose { (c, r) } else { (r, c) };
            out.push((rows[ri], cols[ci], s));
        }
    }
    out
}

/// Pairs from the best score down, each figure once.
fn greedy(edges: &[(usize, usize, f64)]) -> Vec<(usize, usize, f64)> {
    let mut e = edges.to_vec();
    crate::sort::sort_by(&mut e, |a, b| {
        b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1))
    });
    let mut used_o = std::collections::HashSet::new();
    let mut used_n = std::collections::HashSet::new();
    e.into_iter()
        .filter(|&(o, n, _)| {
            if used_o.contains(&o) || used_n.contains(&n) {
                return false;
            }
            used_o.insert(o);
            used_n.insert(n);
            true
        })
        .collect()
}

/// Minimum-cost assignment of `n` rows to distinct columns among `m ≥ n` (the Hungarian method
/// with potentials, O(n² m)). Returns each row's column.
fn hungarian(n: usize, m: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<Option<usize>> {
    debug_assert!(n <= m);
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    let mut p = vec![0usize; m + 1]; // p[j]: row matched to column j (1-based, 0 = none)
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            if j1 == 0 {
                break; // cannot happen with finite costs and m ≥ n; never loop forever
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; n];
    for j in 1..=m {
        if p[j] != 0 {
            out[p[j] - 1] = Some(j - 1);
        }
    }
    out
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans<'a>(t: &'a str, x: &Extraction, ks: &[usize]) -> Vec<&'a str> {
        ks.iter().map(|&k| x.indicators[k].span.of(t)).collect()
    }

    fn pairs<'a>(o: &'a str, n: &'a str) -> Vec<(&'a str, &'a str, Match)> {
        let (xo, xn, c) = compare_texts(o, n);
        c.pairs
            .iter()
            .map(|p| {
                (
                    xo.indicators[p.old].span.of(o),
                    xn.indicators[p.new].span.of(n),
                    p.by,
                )
            })
            .collect()
    }

    #[test]
    fn hungarian_beats_greedy_first() {
        // Row 0 prefers column 0 slightly, but row 1 can only use column 0.
        let cost = [[0.1, 0.2], [0.15, 1.0]];
        let a = hungarian(2, 2, |r, c| cost[r][c]);
        assert_eq!(a, vec![Some(1), Some(0)]);
        // Rectangular.
        let a = hungarian(1, 3, |_, c| [0.5, 0.2, 0.9][c]);
        assert_eq!(a, vec![Some(1)]);
    }

    #[test]
    fn unchanged_text_pairs_every_figure_with_itself() {
        // From 003 朝阳 (tests/fixtures/corpus).
        let t = "2024年,全市办理行政复议案件312件,纠错率12.5%。全年共开展执法检查1200余次。";
        let got = pairs(t, t);
        assert_eq!(
            got,
            vec![
                ("312件", "312件", Match::Sentence),
                ("12.5%", "12.5%", Match::Sentence),
                ("1200余次", "1200余次", Match::Sentence),
            ]
        );
    }

    #[test]
    fn changed_figures_pair_by_metric_with_delta() {
        let o = "全年办理行政复议案件120件,行政机关负责人出庭应诉率为95%。新建法治文化广场12个。";
        let n = "全年办理行政复议案件138件,行政机关负责人出庭应诉率为100%。新建法治文化广场12个。";
        let (xo, xn, c) = compare_texts(o, n);
        let got: Vec<_> = c
            .pairs
            .iter()
            .map(|p| {
                let a = xo.indicators[p.old].span.of(o);
                (a, xn.indicators[p.new].span.of(n), p.delta, p.delta_percent)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("120件", "138件", Some(18.0), Some(15.0)),
                ("95%", "100%", Some(5.0), Some(5.26)),
                ("12个", "12个", Some(0.0), Some(0.0)),
            ]
        );
        assert!(c.only_old.is_empty() && c.only_new.is_empty());
    }

    #[test]
    fn different_things_stay_unpaired() {
        let o = "全年办理行政复议案件120件。";
        let n = "新建法治文化广场12个,培训执法人员300人次。";
        let (xo, xn, c) = compare_texts(o, n);
        assert!(c.pairs.is_empty(), "{:?}", c.pairs);
        assert_eq!(spans(o, &xo, &c.only_old), ["120件"]);
        assert_eq!(spans(n, &xn, &c.only_new), ["12个", "300人次"]);
    }

    #[test]
    fn a_percent_never_pairs_with_percentage_points_or_a_count() {
        let o = "城镇化率达到65.2%。";
        let n = "城镇化率提高1.3个百分点。城镇化率65个。";
        let got = pairs(o, n);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn units_differ_no_delta() {
        let o = "全年受理政府信息公开申请500件。";
        let n = "全年受理政府信息公开申请520件次。";
        let (_, _, c) = compare_texts(o, n);
        assert_eq!(c.pairs.len(), 1);
        assert_eq!((c.pairs[0].delta, c.pairs[0].delta_percent), (None, None));
    }

    #[test]
    fn thousands_of_alike_figures_stay_bounded() {
        // A table dump: 20,000 figures of one kind on each side, every one a candidate for
        // every other. Scoring is bounded (MAX_SCORED), pairing greedy beyond MAX_EXACT.
        let o = "办理案件1件。\n".repeat(20_000);
        let n = "办理案件2件。\n".repeat(20_000);
        let (xo, xn, c) = compare_texts(&o, &n);
        assert_eq!(xo.indicators.len(), 20_000);
        assert_eq!(c.pairs.len() + c.only_new.len(), xn.indicators.len());
        assert!(c.pairs.len() >= 19_000, "{}", c.pairs.len());
        assert!(c.pairs.iter().all(|p| p.delta == Some(1.0)));
    }

    #[test]
    fn empty_and_garbage_inputs() {
        let (_, _, c) = compare_texts("", "");
        assert!(c.pairs.is_empty() && c.carried_over.is_empty());
        assert_eq!(c.carried_over_share, 0.0);
        let (_, xn, c) = compare_texts("", "办理案件12件。");
        assert_eq!(c.only_new.len(), xn.indicators.len());
        let (_, _, c) = compare_texts("\u{0}\u{FFFD}𠀀12%", "%%%%");
        assert!(c.pairs.is_empty());
    }
}
