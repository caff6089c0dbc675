//! The comparison Web Worker: a second wasm binary of the app, built by trunk with fixed file names
//! (`compare_worker_loader.js`, `compare_worker.js`, `compare_worker_bg.wasm`) and started by the
//! comparison page (`src/compare_client.rs`). All of it lives in `parallax_app::compare_worker`.
//!
//! The comparison code lives only in this binary, not in the explorer's first-visit wasm. Where no
//! worker can run, the page loads this same wasm into itself and calls
//! [`parallax_compare_in_page`]; it is exported here, not from the library, so that the explorer's
//! wasm does not carry it.

use wasm_bindgen::prelude::*;

fn main() {
    parallax_app::compare_worker::run();
}

/// Answers one encoded request on the calling thread: the messages the worker would have posted,
/// in order (each a `Uint8Array`).
#[wasm_bindgen]
pub fn parallax_compare_in_page(request: &[u8]) -> js_sys::Array {
    let out = js_sys::Array::new();
    parallax_app::compare_worker::answer(request, &mut |message| {
        out.push(&js_sys::Uint8Array::from(message));
    });
    out
}
