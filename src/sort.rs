//! The crate's one sort.
//!
//! Why not `slice::sort_by_key` at each call site: std's stable and unstable sorts are generic
//! over the element and the comparator, so every call site with its own closure got its own copy
//! of driftsort or ipnsort. Measured on the wasm build at a8541c2: 21 call sites, 98 sort
//! functions, 124 KB of the 670 KB of code (18 %), the largest single item in the module.
//!
//! Here std's stable sort is instantiated once, over `usize` indices with a `&dyn` comparator;
//! each call site adds only its comparator and a small permutation. The price is an index vector
//! and an indirect call per comparison, which the sorts of this crate (tens to thousands of
//! items, a few per `extract`) do not notice. The results are those of `sort_by`: stable.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` by the key `key` gives, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order (as `slice::sort`; for items that are equal only when they are
/// indistinguishable, the same as `sort_unstable`).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` puts them, ties in index order: a merge sort of the
/// input's runs (its longest stretches already in order, found first: `extract`'s sorts get
/// a few sorted lists one after the other, such as the indicator scanner's blocked spans of
/// citations, headings and list items), adjacent runs merged pairwise until one is left, the
/// left run's item first on a tie.
///
/// Why not std's `sort_by` here: its one instantiation (driftsort, with its quicksort and
/// small-sort networks) was ~6 KB of the page's WebAssembly, ~2.4 KB gzipped, for sorts of tens
/// to a few thousand items that a plain merge sort does in the same n log n comparisons. A test
/// below holds it to std's stable sort.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    // Where each run starts (an item less than the one before it starts one), and `n`.
    let mut bounds = vec![0];
    for i in 1..n {
        if cmp(i, i - 1) == Ordering::Less {
            bounds.push(i);
        }
    }
    bounds.push(n);
    while bounds.len() > 2 {
        let mut next = Vec::with_capacity(bounds.len() / 2 + 1);
        // Runs `k` and `k + 1` (`bounds[k]..bounds[k + 1]..bounds[k + 2]`), or the last alone.
        let mut k = 0;
        while let Some(&[a, b]) = bounds.get(k..k + 2) {
            let c = bounds.get(k + 2).copied().unwrap_or(b);
            k += 2;
            let (left, right) = (&from[a..b], &from[b..c]);
            let (mut i, mut j) = (0, 0);
            for slot in &mut to[a..c] {
                let take_right = match (left.get(i), right.get(j)) {
                    (Some(&l), Some(&r)) => cmp(r, l) == Ordering::Less,
                    (None, _) => true,
                    (Some(_), None) => false,
                };
                if take_right {
                    *slot = right.get(j).copied().unwrap_or_default();
                    j += 1;
                } else {
                    *slot = left.get(i).copied().unwrap_or_default();
                    i += 1;
                }
            }
            next.push(a);
        }
        next.push(n);
        std::mem::swap(&mut from, &mut to);
        bounds = next;
    }
    from
}

/// Puts the item at `order[i]` to position `i`; `order` is a permutation of `0..v.len()`.
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length up to 70 (runs that end short of a full width), few distinct keys (ties
    /// everywhere) and many: the same as std's stable `sort_by`.
    #[test]
    fn every_short_length_sorts_as_std() {
        let mut rng = crate::testing::xorshift(0x0DDB_1A5E_5BAD_5EED);
        for n in 0..=70 {
            for keys in [2, 5, 1000] {
                let items: Vec<(u64, usize)> = (0..n).map(|i| (rng() % keys, i)).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut std = items;
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n = {n}, keys = {keys}");
            }
        }
    }

    /// Sorted lists one after the other (the input's runs, merged), with ties within and
    /// across them, and runs of one item (descending input): the same as std's stable sort.
    #[test]
    fn runs_merge_as_std() {
        let mut rng = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..500 {
            let mut keys: Vec<u64> = Vec::new();
            for _ in 0..rng() % 7 {
                let mut run: Vec<u64> = (0..rng() % 40).map(|_| rng() % 50).collect();
                run.sort();
                if rng() % 4 == 0 {
                    run.reverse();
                }
                keys.extend(run);
            }
            let items: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = items;
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_like_std_and_stays_stable() {
        // Pairs with many equal keys: stability shows in the second field.
        let mut seed = 7u64;
        let items: Vec<(u8, u32)> = (0..2000)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((seed >> 59) as u8, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = items.clone();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
        assert!(ours.windows(2).all(|w| w[0].0 < w[1].0 || w[0].1 < w[1].1));

        let mut rev = items.clone();
        sort_by(&mut rev, |a, b| b.cmp(a));
        let mut std = items;
        std.sort_by(|a, b| b.cmp(a));
        assert_eq!(rev, std);

        let mut words = vec!["十四五", "两降一升", "", "合格率", "案件"];
        sort(&mut words);
        assert_eq!(words, ["", "两降一升", "十四五", "合格率", "案件"]);
        let mut one = vec![1];
        sort(&mut one);
        assert_eq!(one, [1]);
    }
}
