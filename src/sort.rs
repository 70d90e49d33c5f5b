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

/// The indices `0..n` in the order `cmp` puts them, ties in index order. Not generic: the one
/// instantiation of std's sort in the crate.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
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
