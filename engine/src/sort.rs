//! One stable sort for the engine and the explorer, compiled once.
//!
//! `slice::sort_by` is generic over the element and the closure, so every call site with its own
//! closure gets its own copy of the standard library's sort in the wasm (a few KB each). These
//! functions sort positions with one non-generic sort over a `dyn` comparison and then move the
//! elements into that order, so the sort itself exists once; what stays generic per call site is
//! the closure and a short loop of swaps. The order is the same as `slice::sort_by`'s (stable).
//!
//! ```
//! let mut outlets = vec![("Reuters", 3), ("AP", 5), ("BBC", 3)];
//! parallax_engine::sort::sort_by(&mut outlets, |a, b| b.1.cmp(&a.1));
//! assert_eq!(outlets, [("AP", 5), ("Reuters", 3), ("BBC", 3)]);
//! ```

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `items.sort_by(compare)`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    // Already in order (a term's postings by article, a list sorted before): a stable sort
    // would leave it as it is, so one pass of comparisons spares the positions and the moves.
    if items.windows(2).all(|pair| compare(&pair[0], &pair[1]) != Ordering::Greater) {
        return;
    }
    let order = {
        let items: &[T] = items;
        positions_in_order(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, order);
}

/// Sorts `items` stably by the key `key` gives each, like `items.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Moves the `n` items that come first in `compare`'s order to `items[..n]`, in no particular
/// order among themselves, like `items.select_nth_unstable_by(n, compare)`: with a total order
/// (every caller's comparison ends on a unique index) both leave the same items in front. The
/// selection runs on positions through a `dyn` comparison, so it exists once in the wasm.
pub fn select_first<T>(items: &mut [T], n: usize, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if n >= items.len() {
        return;
    }
    let order = {
        let items: &[T] = items;
        first_positions(items.len(), n, &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, order);
}

/// Puts the `n` smallest items first, in order (the rest after them, in no order): for a ranking
/// whose keys are packed into integers (`search::run::RankKey`), where a comparison is an integer
/// compare rather than a call through a `dyn` closure. Keys are unique, so the order is total.
pub(crate) fn smallest_first<T: Ord>(items: &mut [T], n: usize) {
    let n = n.min(items.len());
    if n < items.len() {
        items.select_nth_unstable(n);
    }
    items[..n].sort_unstable();
}

/// The positions `0..len` with the `n` first in `compare`'s order in front: the one place the
/// standard selection is instantiated.
fn first_positions(len: usize, n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.select_nth_unstable_by(n, |&a, &b| compare(a, b));
    order
}

/// The positions `0..n` in the order `compare` puts them (stable): the one place the standard
/// sort is instantiated.
fn positions_in_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps (no copies, no `Clone` needed).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_first_keeps_the_same_items_in_front_as_the_standard_selection() {
        let mut seed = 11u64;
        for len in 0..50 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            for n in 0..=len {
                let by = |a: &(u8, usize), b: &(u8, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
                let mut ours = items.clone();
                select_first(&mut ours, n, by);
                let mut std_selected = items.clone();
                if n < len {
                    std_selected.select_nth_unstable_by(n, by);
                }
                let (mut front, mut std_front) = (ours[..n].to_vec(), std_selected[..n].to_vec());
                front.sort_by(by);
                std_front.sort_by(by);
                assert_eq!(front, std_front, "len {len}, n {n}");
                let mut all = ours.clone();
                all.sort_by(by);
                let mut expected = items.clone();
                expected.sort_by(by);
                assert_eq!(all, expected, "select_first only moves items");
            }
        }
    }

    #[test]
    fn equal_items_keep_their_order_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in 0..60 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std_sorted, "{len} items");
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |x| x.0);
            let mut std_by_key = items;
            std_by_key.sort_by_key(|x| x.0);
            assert_eq!(by_key, std_by_key, "{len} items by key");
        }
    }

    #[test]
    fn items_that_cannot_be_copied_are_moved_into_place() {
        let mut names: Vec<String> = ["kadhimi", "baghdad", "erbil", "al-sudani"].map(String::from).to_vec();
        sort_by(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["al-sudani", "baghdad", "erbil", "kadhimi"]);
    }
}
