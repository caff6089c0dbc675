//! The explorer of chunked sites (`parallax site --chunks`): the app with the chunked corpus reader
//! and pages ([`parallax_app::run_chunked`]), which the seed explorer (`src/main.rs`) leaves out.
//! Trunk builds it with fixed names (`chunked_explorer.js`, `chunked_explorer_bg.wasm`); a site of
//! one bundle never fetches it (the service worker caches it at first use there, as the import
//! worker), and `parallax site --chunks` loads it instead of the seed explorer (`cli/src/site.rs`).

fn main() {
    parallax_app::run_chunked();
}

// The search benchmark's entry: the extras module's search.
parallax_app::bench_forward_export!();
