//! Tells the page that the explorer's first view is shown: the pre-rendered first view
//! (`crate::prerender`) gives way to it, and `assets/sw-register.js` registers the service worker
//! only then, so its precache downloads do not compete with the first visit's wasm and corpus.

use std::sync::atomic::{AtomicBool, Ordering};

/// The event `assets/sw-register.js` waits for before registering the service worker.
pub const EVENT: &str = "parallax-first-view";

static ANNOUNCED: AtomicBool = AtomicBool::new(false);

/// Dispatches [`EVENT`] on `window`, once per page load (later calls do nothing), and puts the
/// app's own view in place of the pre-rendered one (`crate::prerender`), if the page has one.
pub fn announce() {
    if ANNOUNCED.swap(true, Ordering::Relaxed) {
        return;
    }
    let document = gloo::utils::document();
    if let Some(view) = document.get_element_by_id(crate::prerender::VIEW_ID) {
        view.remove();
    }
    if let Some(root) = document.document_element() {
        let kept: Vec<String> = root
            .class_name()
            .split_whitespace()
            .filter(|class| *class != crate::prerender::SHOWN_CLASS)
            .map(String::from)
            .collect();
        root.set_class_name(&kept.join(" "));
    }
    if let Ok(event) = web_sys::Event::new(EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
