//! libFuzzer target `search`: see [`parallax_fuzz::search`] for what it runs and fuzz/README.md for how.
#![no_main]

#[global_allocator]
static ALLOC: parallax_fuzz::LimitedAlloc = parallax_fuzz::LimitedAlloc;

libfuzzer_sys::fuzz_target!(
    // The seed corpus is built once, before the first input (it takes longer than the 1 s timeout).
    init: {
        parallax_fuzz::seed_explorer();
    },
    |data: &[u8]| parallax_fuzz::search(data)
);
