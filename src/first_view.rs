//! Tells the page that the explorer's first view is shown: `assets/sw-register.js` registers the
//! service worker only then, so its precache downloads do not compete with the first visit's wasm
//! and corpus.

use std::sync::atomic::{AtomicBool, Ordering};

/// The event `assets/sw-register.js` waits for before registering the service worker.
pub const EVENT: &str = "parallax-first-view";

static ANNOUNCED: AtomicBool = AtomicBool::new(false);

/// Dispatches [`EVENT`] on `window`, once per page load (later calls do nothing).
pub fn announce() {
    if ANNOUNCED.swap(true, Ordering::Relaxed) {
        return;
    }
    if let Ok(event) = web_sys::Event::new(EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
