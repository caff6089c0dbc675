//! The browser search benchmark's entry point: times the engine's search in the page, for
//! `tests/e2e/bench/search-bench.mjs`. The UI never calls it; it is exported to JavaScript
//! (`window.wasmBindings.parallax_bench_search`) only so a benchmark can reach the same search the
//! explorer runs, in the same wasm build, without clicking through pages. The seed explorer's
//! search page is drawn by the extras module, so [`search`] is exported there
//! (`src/bin/extras.rs`), and the explorers' own exports ([`forward`], `src/main.rs` and
//! `src/bin/chunked_explorer.rs`) load the extras and answer with theirs: neither explorer's wasm
//! holds the bundle search.

/// The export of [`search`] under the name the benchmarks call, written by the binary that draws
/// the bundle's search page itself (`src/bin/extras.rs`), never by the library, so the explorers'
/// own wasm carries no bundle search.
#[macro_export]
macro_rules! bench_search_export {
    () => {
        /// The search benchmark's entry (`parallax_app::bench`).
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn parallax_bench_search(
            bundle: &[u8],
            queries: wasm_bindgen::JsValue,
            rounds: u32,
        ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
            $crate::bench::search(bundle, queries, rounds)
        }
    };
}

/// The export of [`forward`] under the name the benchmarks call, written by each explorer binary
/// (`src/main.rs`, `src/bin/chunked_explorer.rs`): the extras module's bundle search, so the
/// explorer's wasm holds none of its own. A promise of the report.
#[macro_export]
macro_rules! bench_forward_export {
    () => {
        /// The search benchmark's entry (`parallax_app::bench`): the extras module's search,
        /// loaded on demand. A promise of the report.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub async fn parallax_bench_search(
            bundle: js_sys::Uint8Array,
            queries: wasm_bindgen::JsValue,
            rounds: u32,
        ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
            $crate::bench::forward(bundle, queries, rounds).await
        }
    };
}

use parallax_engine::search::SearchOptions;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// What one query cost over all its rounds. Times are milliseconds of `performance.now()`, whose
/// resolution in a page that is not cross-origin isolated is coarse (about 0.1 ms in Chromium), so
/// `mean_ms` (the whole loop divided by the rounds) is the figure to trust for fast queries.
#[derive(Debug, Serialize)]
pub struct QueryTiming {
    /// The query as given.
    pub query: String,
    /// How many articles matched.
    pub total: usize,
    /// Hits returned (at most the limit of 20).
    pub hits: usize,
    /// Median time of one search.
    pub p50_ms: f64,
    /// 95th percentile time of one search.
    pub p95_ms: f64,
    /// Slowest search.
    pub max_ms: f64,
    /// The whole loop's time divided by the rounds.
    pub mean_ms: f64,
}

/// The benchmark's result: decoding once, then every query.
#[derive(Debug, Serialize)]
pub struct BenchReport {
    /// Bundle size in bytes.
    pub bundle_bytes: usize,
    /// Articles in the bundle.
    pub articles: usize,
    /// Time to decode the bundle (checks and postcard), once.
    pub decode_ms: f64,
    /// One entry per query, in the order given.
    pub queries: Vec<QueryTiming>,
}

/// Decodes `bundle` once, then runs each query in `queries` (a JS array of strings) `rounds`
/// times with the explorer's options (20 hits, last word as a prefix), timing every call.
/// Returns a [`BenchReport`] as a plain JS object, or an error message for a broken bundle or a
/// `queries` value that is not an array of strings.
pub fn search(bundle: &[u8], queries: JsValue, rounds: u32) -> Result<JsValue, JsValue> {
    let queries: Vec<String> = serde_wasm_bindgen::from_value(queries)
        .map_err(|e| JsValue::from_str(&format!("queries must be an array of strings: {e}")))?;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no window.performance: run this in a page"))?;
    let rounds = rounds.max(1) as usize;

    let start = performance.now();
    let decoded = parallax_engine::bundle::decode(bundle).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let decode_ms = performance.now() - start;

    let options = SearchOptions { limit: 20, prefix_last_word: true };
    let mut timings = Vec::with_capacity(queries.len());
    for query in queries {
        let mut samples = Vec::with_capacity(rounds);
        let mut total = 0;
        let mut hits = 0;
        let loop_start = performance.now();
        for _ in 0..rounds {
            let t0 = performance.now();
            let results = decoded.search.search_with(&decoded.articles, &query, &options);
            samples.push(performance.now() - t0);
            total = results.total;
            hits = results.hits.len();
        }
        let mean_ms = (performance.now() - loop_start) / rounds as f64;
        parallax_engine::sort::sort_by(&mut samples, f64::total_cmp);
        timings.push(QueryTiming {
            query,
            total,
            hits,
            p50_ms: percentile(&samples, 50),
            p95_ms: percentile(&samples, 95),
            max_ms: samples.last().copied().unwrap_or(0.0),
            mean_ms,
        });
    }

    let report = BenchReport {
        bundle_bytes: bundle.len(),
        articles: decoded.articles.len(),
        decode_ms,
        queries: timings,
    };
    serde_wasm_bindgen::to_value(&report).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// [`search`] as the extras module runs it: loads the module (once per page, as its views do) and
/// calls its `parallax_bench_search`. The answer is a promise of the same report.
pub async fn forward(bundle: js_sys::Uint8Array, queries: JsValue, rounds: u32) -> Result<JsValue, JsValue> {
    use crate::extras_client::{call, load, Module};
    let extras = load(Module::Extras).await.map_err(|why| JsValue::from_str(&why))?;
    call(&extras, "parallax_bench_search", &[&bundle, &queries, &JsValue::from(rounds)])
        .map_err(|why| JsValue::from_str(&why))
}

/// The nearest-rank percentile of sorted samples (0 for none).
fn percentile(sorted: &[f64], pct: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (pct * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let samples: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&samples, 50), 10.0);
        assert_eq!(percentile(&samples, 95), 19.0);
        assert_eq!(percentile(&samples, 100), 20.0);
        assert_eq!(percentile(&[], 95), 0.0);
        assert_eq!(percentile(&[3.0], 95), 3.0);
    }
}
