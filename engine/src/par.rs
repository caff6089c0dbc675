//! Work spread over every core where the build allows it (feature `parallel`, the CLI only; the
//! explorer's wasm runs the same calls one item at a time).
//!
//! Items are mapped a batch at a time and the results handed on in item order, so a stage that
//! numbers things in order of first appearance gives the same numbers as a sequential loop, and
//! only one batch's results are held at once.

/// Items mapped per batch and per core: enough to keep every core busy, few enough that one
/// batch's results stay small.
const BATCH_PER_CORE: usize = 64;

/// Maps every item with `map` (given a per-worker scratch state made by `init`, e.g. a cache or
/// a buffer that only saves work) and hands each result to `each` with its index, in item order.
/// `map` must give the same result whatever scratch state it is handed.
pub(crate) fn map_in_order<T, S, R>(
    items: &[T],
    init: impl Fn() -> S + Sync + Send,
    map: impl Fn(&mut S, usize, &T) -> R + Sync + Send,
    mut each: impl FnMut(usize, R),
) where
    T: Sync,
    S: Send,
    R: Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        use std::sync::{Mutex, PoisonError};
        let threads = rayon::current_num_threads().max(1);
        let batch = BATCH_PER_CORE * threads;
        // One scratch state per worker thread for the whole call (rayon's `map_init` would make
        // one per split of every batch, and a cache made afresh that often saves little). Each
        // worker locks only its own, so the locks are never contended.
        let scratch: Vec<Mutex<Option<S>>> = (0..threads).map(|_| Mutex::new(None)).collect();
        for (b, chunk) in items.chunks(batch).enumerate() {
            let first = b * batch;
            let done: Vec<R> = chunk
                .par_iter()
                .enumerate()
                .map(|(i, item)| {
                    let worker = rayon::current_thread_index().unwrap_or(0) % threads;
                    let mut state = scratch[worker].lock().unwrap_or_else(PoisonError::into_inner);
                    map(state.get_or_insert_with(&init), first + i, item)
                })
                .collect();
            for (i, result) in done.into_iter().enumerate() {
                each(first + i, result);
            }
        }
    }
    #[cfg(not(feature = "parallel"))]
    {
        let _ = BATCH_PER_CORE;
        let mut scratch = init();
        for (i, item) in items.iter().enumerate() {
            each(i, map(&mut scratch, i, item));
        }
    }
}

/// Items per batch and per core in [`pipeline`], smaller than [`BATCH_PER_CORE`]: three batches
/// are held at once, and one item's `before` result may be large (an article's words).
const PIPELINE_BATCH_PER_CORE: usize = 16;

/// Three steps per item, results handed to `each` in item order: `before` (given a per-worker
/// scratch state made by `init`, as in [`map_in_order`]) and `after` on every core, `middle` one
/// item at a time in item order, so it may carry state from one item to the next (names learned
/// in one article link them in later ones). With feature `parallel`, while `middle` works through
/// one batch the other cores run `before` on the next batch and `after` on the previous one.
pub(crate) fn pipeline<'a, T, S, A, B, R>(
    items: &'a [T],
    init: impl Fn() -> S + Sync + Send,
    before: impl Fn(&mut S, &'a T) -> A + Sync + Send,
    mut middle: impl FnMut(usize, &'a T, &A) -> B + Send,
    after: impl Fn(usize, &'a T, A, B) -> R + Sync + Send,
    mut each: impl FnMut(usize, R),
) where
    T: Sync,
    S: Send,
    A: Send + Sync,
    B: Send,
    R: Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        use std::sync::{Mutex, PoisonError};
        let threads = rayon::current_num_threads().max(1);
        let batch = PIPELINE_BATCH_PER_CORE * threads;
        let scratch: Vec<Mutex<Option<S>>> = (0..threads).map(|_| Mutex::new(None)).collect();
        let prepare = |first: usize| -> Vec<A> {
            let chunk = items.get(first..first.saturating_add(batch).min(items.len())).unwrap_or_default();
            chunk
                .par_iter()
                .map(|item| {
                    let worker = rayon::current_thread_index().unwrap_or(0) % threads;
                    let mut state = scratch[worker].lock().unwrap_or_else(PoisonError::into_inner);
                    before(state.get_or_insert_with(&init), item)
                })
                .collect()
        };
        let finish = |first: usize, prepared: Vec<A>, middled: Vec<B>| -> Vec<R> {
            prepared
                .into_par_iter()
                .zip(middled)
                .enumerate()
                .map(|(i, (a, b))| after(first + i, &items[first + i], a, b))
                .collect()
        };
        // The batch `middle` is on, the one `before` has done (next), and the one awaiting `after`.
        let mut first = 0;
        let mut ready = prepare(0);
        let mut pending: Option<(usize, Vec<A>, Vec<B>)> = None;
        while !ready.is_empty() {
            let next = first + ready.len();
            let (middled, (prepared_next, finished)) = rayon::join(
                || {
                    ready
                        .iter()
                        .enumerate()
                        .map(|(i, a)| middle(first + i, &items[first + i], a))
                        .collect::<Vec<B>>()
                },
                || rayon::join(|| prepare(next), || pending.take().map(|(at, a, b)| (at, finish(at, a, b)))),
            );
            if let Some((at, results)) = finished {
                for (i, result) in results.into_iter().enumerate() {
                    each(at + i, result);
                }
            }
            pending = Some((first, std::mem::replace(&mut ready, prepared_next), middled));
            first = next;
        }
        if let Some((at, a, b)) = pending {
            for (i, result) in finish(at, a, b).into_iter().enumerate() {
                each(at + i, result);
            }
        }
    }
    #[cfg(not(feature = "parallel"))]
    {
        let _ = PIPELINE_BATCH_PER_CORE;
        let mut scratch = init();
        for (i, item) in items.iter().enumerate() {
            let a = before(&mut scratch, item);
            let b = middle(i, item, &a);
            each(i, after(i, item, a, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipeline_hands_on_what_a_sequential_loop_gives_in_item_order() {
        // More items than several batches, and not a whole number of them.
        let items: Vec<u64> = (0..1_000).map(|i| (i * 7919) % 1_009).collect();
        let mut running = 0;
        let mut expected = Vec::new();
        for (i, item) in items.iter().enumerate() {
            running += item;
            expected.push((i, item * 2, running));
        }
        let mut seen = Vec::new();
        let mut total = 0;
        pipeline(
            &items,
            || 0usize,
            |calls, item| {
                *calls += 1;
                item * 2
            },
            // Sequential state: each item sees the sum of every item before it and itself.
            |_, item, _| {
                total += item;
                total
            },
            |i, _, doubled, sum| (i, doubled, sum),
            |i, result| {
                assert_eq!(i, result.0);
                seen.push(result);
            },
        );
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_pipeline_over_nothing_hands_on_nothing() {
        let mut called = false;
        pipeline(&[] as &[u8], || (), |_, _| (), |_, _, _| (), |_, _, _, _| (), |_, _| called = true);
        assert!(!called);
    }
}
