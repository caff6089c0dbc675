//! Tells the page that the explorer's first view is shown: the pre-rendered first view
//! (`crate::prerender`) gives way to it, and `assets/sw-register.js` registers the service worker
//! only then, so its precache downloads do not compete with the first visit's wasm and corpus.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

/// The event `assets/sw-register.js` waits for before registering the service worker.
pub const EVENT: &str = "parallax-first-view";

static ANNOUNCED: AtomicBool = AtomicBool::new(false);

/// Dispatches [`EVENT`] on `window`, once per page load (later calls do nothing), and puts the
/// app's own view in place of the pre-rendered one (`crate::prerender`), if the page has one. A
/// reader who had tabbed to one of its links keeps focus on the app's link to the same address.
pub fn announce() {
    if ANNOUNCED.swap(true, Ordering::Relaxed) {
        return;
    }
    let document = gloo::utils::document();
    let view = document.get_element_by_id(crate::prerender::VIEW_ID);
    let focused_link = view.as_ref().and_then(|view| {
        document
            .active_element()
            .filter(|focused| view.contains(Some(focused)))
            .and_then(|focused| focused.get_attribute("href"))
    });
    if let Some(view) = view {
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
    // After the class is gone: a hidden app cannot take focus.
    if let Some(href) = focused_link {
        focus_link(&document, &href);
    }
    if let Ok(event) = web_sys::Event::new(EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// Focuses the app's first link to `href`, if it draws one.
fn focus_link(document: &web_sys::Document, href: &str) {
    let quoted: String = href
        .chars()
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            '\n' => "\\a ".chars().collect(),
            _ => vec![c],
        })
        .collect();
    let selector = format!("#app a[href=\"{quoted}\"]");
    if let Ok(Some(link)) = document.query_selector(&selector) {
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            let _ = link.focus();
        }
    }
}
