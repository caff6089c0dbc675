//! The extras module: the entity, entity-index and comparison pages and the home page's pictures,
//! views the explorer's first visit does not need (see `parallax_app::extras`),
//! a second wasm of the app built by trunk with fixed file names (`extras.js`, `extras_bg.wasm`)
//! and fetched by the explorer (`parallax_app::extras_client`) the first time one is shown. Its
//! entry points are exported here, not from the library, so the explorer's own wasm carries none
//! of the code they reach.

use wasm_bindgen::prelude::*;

fn main() {}

/// Mounts a view in `host`; the handle for the other two calls.
#[wasm_bindgen]
pub fn parallax_extras_mount(host: web_sys::Element, view: &str, props: JsValue) -> Result<u32, JsValue> {
    parallax_app::extras::mount_page(host, view, &props).map_err(|why| JsValue::from_str(&why))
}

/// Gives a mounted view new props.
#[wasm_bindgen]
pub fn parallax_extras_update(handle: u32, props: JsValue) {
    parallax_app::extras::update(handle, &props);
}

/// Removes a mounted view.
#[wasm_bindgen]
pub fn parallax_extras_unmount(handle: u32) {
    parallax_app::extras::unmount(handle);
}
