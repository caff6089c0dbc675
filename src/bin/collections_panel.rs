//! The collections module: the home page's collections panel with IndexedDB and the import's
//! client (see `parallax_app::extras`), a wasm of the app built by trunk with fixed file names
//! (`collections_panel.js`, `collections_panel_bg.wasm`) and fetched by the explorer
//! (`parallax_app::extras_client`) only when the reader opens or drops files or the browser holds
//! something to show; the service worker caches it at that first use, never at install
//! (`parallax_engine::site::LATER_PREFIXES`). Its entry points, named like the extras module's, are
//! exported here, not from the library, so neither the explorer's wasm nor the extras carry the
//! code they reach.

fn main() {}

parallax_app::deferred_module_exports!(parallax_app::extras::mount_collections);
