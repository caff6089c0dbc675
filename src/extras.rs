//! The extras module's side (`src/bin/extras.rs`): views the first visit does not need, each
//! drawn by this module's own yew into an element the explorer gives it (`extras_client`). The
//! explorer calls [`mount`] with a view's name and a plain JS object of props, [`update`] when they
//! change, and [`unmount`] when it leaves the view.
//!
//! Views and their props (the names `extras_client`'s callers use):
//! - `collections`: the collections panel (`components::collections`). `current` (the open
//!   collection's id, `""` for the built-in articles), `notice` (string or null),
//!   `builtInArticles` (number or null), `host(action, id)` (called with `"switch"`, `"reload"`
//!   or `"notice-shown"`), and, read only at mount, `pendingFiles` (a file input's files) or
//!   `pendingDrop` (a promise of `[file, path]` pairs).
//! - `page` (the entity index, an entity page or a comparison, by `route`) and `home-pictures`
//!   (`pages::deferred`): `route` (the URL hash), `source` (the corpus the explorer has open:
//!   `{kind: "url", url}`, `{kind: "bytes", bytes}`, `{kind: "chunked", folder}` or
//!   `{kind: "stored", id}`), `key` (changes when it must be opened again) and `storageScope`
//!   (whose remembered searches and pins, `storage::set_scope`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

use crate::collections::CollectionId;
use crate::components::collections::{Collections, CollectionsProps, HostAction, Pending};
use crate::io::BundleSource;
use crate::pages::deferred::{DeferredPage, DeferredProps, Source, View};
use crate::state::Route;

/// A mounted view.
enum Mounted {
    Collections(AppHandle<Collections>),
    Page(AppHandle<DeferredPage>, View),
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// Mounts `view` in `host` with `props`; the handle for [`update`] and [`unmount`].
pub fn mount(host: Element, view: &str, props: &JsValue) -> Result<u32, String> {
    skip_the_explorers_subtree();
    let mounted = match view {
        "collections" => Mounted::Collections(
            yew::Renderer::<Collections>::with_root_and_props(host, collections_props(props, true)).render(),
        ),
        "page" | "home-pictures" => {
            let view = if view == "page" { View::Page } else { View::HomePictures };
            let props = page_props(view, props)?;
            Mounted::Page(yew::Renderer::<DeferredPage>::with_root_and_props(host, props).render(), view)
        }
        other => return Err(format!("the extras module has no view “{other}”")),
    };
    let handle = NEXT.with(|n| n.replace(n.get() + 1));
    MOUNTED.with(|m| m.borrow_mut().insert(handle, mounted));
    Ok(handle)
}

/// Gives a mounted view new props.
pub fn update(handle: u32, props: &JsValue) {
    MOUNTED.with(|m| match m.borrow_mut().get_mut(&handle) {
        Some(Mounted::Collections(app)) => app.update(collections_props(props, false)),
        Some(Mounted::Page(app, view)) => {
            if let Ok(next) = page_props(*view, props) {
                app.update(next);
            }
        }
        None => {}
    });
}

/// Removes a mounted view (its listeners and tasks stop).
pub fn unmount(handle: u32) {
    let mounted = MOUNTED.with(|m| m.borrow_mut().remove(&handle));
    match mounted {
        Some(Mounted::Collections(app)) => app.destroy(),
        Some(Mounted::Page(app, _)) => app.destroy(),
        None => {}
    }
}

/// Yew brands the element it mounts on with a subtree id counted from 1 in each wasm module, and
/// an event is handled by the app whose id its nearest branded ancestor carries: were this
/// module's first id the explorer's (its one root is 1), the explorer's yew would take the events
/// of this module's views for its own. So this module's ids start past it: one root, mounted on a
/// detached element and destroyed at once, takes id 1.
fn skip_the_explorers_subtree() {
    thread_local! {
        static SKIPPED: Cell<bool> = const { Cell::new(false) };
    }
    if SKIPPED.with(|s| s.replace(true)) {
        return;
    }
    if let Ok(detached) = gloo::utils::document().create_element("div") {
        yew::Renderer::<Nothing>::with_root(detached).render().destroy();
    }
}

#[function_component(Nothing)]
fn nothing() -> Html {
    Html::default()
}

fn get(props: &JsValue, key: &str) -> JsValue {
    Reflect::get(props, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn collections_props(props: &JsValue, mounting: bool) -> CollectionsProps {
    let current = match get(props, "current").as_string().filter(|id| !id.is_empty()) {
        Some(id) => CollectionId::Stored(id),
        None => CollectionId::BuiltIn,
    };
    let host = get(props, "host").dyn_into::<Function>().ok();
    let on_host = Callback::from(move |action: HostAction| {
        let Some(host) = &host else { return };
        let (name, id) = match action {
            HostAction::Switch(id) => ("switch", id),
            HostAction::Reload(id) => ("reload", id),
            HostAction::NoticeShown => ("notice-shown", CollectionId::BuiltIn),
        };
        let id = match id {
            CollectionId::BuiltIn => String::new(),
            CollectionId::Stored(id) => id,
        };
        let _ = host.call2(&JsValue::NULL, &JsValue::from_str(name), &JsValue::from_str(&id));
    });
    let pending = if mounting {
        let files = get(props, "pendingFiles").dyn_into::<js_sys::Array>().ok().map(Pending::Input);
        files.or_else(|| get(props, "pendingDrop").dyn_into::<js_sys::Promise>().ok().map(Pending::Dropped))
    } else {
        None
    };
    CollectionsProps {
        current,
        notice: get(props, "notice").as_string(),
        built_in_articles: get(props, "builtInArticles").as_f64().map(|n| n as usize),
        on_host,
        pending,
    }
}

fn page_props(view: View, props: &JsValue) -> Result<DeferredProps, String> {
    let source = get(props, "source");
    let text = |key: &str| get(&source, key).as_string().unwrap_or_default();
    let source = match text("kind").as_str() {
        "url" => Source::Bundle(BundleSource::Url(text("url"))),
        "chunked" => Source::Bundle(BundleSource::Chunked(text("folder"))),
        "stored" => Source::Stored(text("id")),
        "bytes" => {
            let bytes =
                get(&source, "bytes").dyn_into::<js_sys::Uint8Array>().map_err(|_| "no bundle bytes")?;
            Source::Bundle(BundleSource::Bytes(std::rc::Rc::new(bytes.to_vec())))
        }
        other => return Err(format!("the extras module cannot open a corpus of kind “{other}”")),
    };
    crate::storage::set_scope(&get(props, "storageScope").as_string().unwrap_or_default());
    Ok(DeferredProps {
        view,
        route: Route::parse(&get(props, "route").as_string().unwrap_or_default()),
        source,
        key: get(props, "key").as_string().unwrap_or_default(),
    })
}
