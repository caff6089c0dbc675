//! The comparison Web Worker: a second wasm binary of the app, built by trunk with fixed file names
//! (`compare_worker_loader.js`, `compare_worker.js`, `compare_worker_bg.wasm`) and started by the
//! comparison page (`src/compare_client.rs`). All of it lives in `parallax_app::compare_worker`.

fn main() {
    parallax_app::compare_worker::run();
}
