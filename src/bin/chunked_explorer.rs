//! The explorer of chunked sites (`parallax site --chunks`): the app with the chunked corpus reader
//! and pages ([`parallax_app::run_chunked`]), which the seed explorer (`src/main.rs`) leaves out.
//! Trunk builds it with fixed names (`chunked_explorer.js`, `chunked_explorer_bg.wasm`); a site of
//! one bundle never fetches it (the service worker caches it at first use there, as the import
//! worker), and `parallax site --chunks` loads it instead of the seed explorer (`cli/src/site.rs`).

fn main() {
    parallax_app::run_chunked();
}

/// The search benchmark's entry (`parallax_app::bench`): the bundle search of the extras module,
/// as the seed explorer's, so this wasm holds no bundle search of its own. A promise of the report.
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn parallax_bench_search(
    bundle: js_sys::Uint8Array,
    queries: wasm_bindgen::JsValue,
    rounds: u32,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    parallax_app::bench::forward(bundle, queries, rounds).await
}
