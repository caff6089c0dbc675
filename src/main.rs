//! Entry point of the browser explorer: mount the app on `#app`.

fn main() {
    parallax_app::run();
}

/// The search benchmark's entry (`parallax_app::bench`): the search the explorer's search page runs,
/// in the extras module that draws it. A promise of the report.
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn parallax_bench_search(
    bundle: js_sys::Uint8Array,
    queries: wasm_bindgen::JsValue,
    rounds: u32,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    parallax_app::bench::forward(bundle, queries, rounds).await
}
