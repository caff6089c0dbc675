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
