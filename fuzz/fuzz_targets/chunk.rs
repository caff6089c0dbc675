//! libFuzzer target `chunk`: see [`parallax_fuzz::chunk`] for what it runs and fuzz/README.md for how.
#![no_main]

#[global_allocator]
static ALLOC: parallax_fuzz::LimitedAlloc = parallax_fuzz::LimitedAlloc;

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::chunk(data));
