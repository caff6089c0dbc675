//! The extras module: the entity, entity-index and comparison pages and the home page's pictures,
//! views the explorer's first visit does not need (see `parallax_app::extras`),
//! a second wasm of the app built by trunk with fixed file names (`extras.js`, `extras_bg.wasm`)
//! and fetched by the explorer (`parallax_app::extras_client`) the first time one is shown. Its
//! entry points are exported here, not from the library, so the explorer's own wasm carries none
//! of the code they reach.

fn main() {}

parallax_app::deferred_module_exports!(parallax_app::extras::mount_page);

// The search benchmark's entry, which the explorer's own export of the same name forwards to:
// this module draws the search page.
parallax_app::bench_search_export!();
