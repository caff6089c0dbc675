//! The side of the explorer's deferred modules (`src/bin/extras.rs`, `src/bin/collections_panel.rs`):
//! views the first visit does not need, each drawn by its module's own yew into an element the
//! explorer gives it (`extras_client`). The explorer calls the module's mount export (the extras
//! module's [`mount_page`], the collections module's [`mount_collections`]) with a view's name and a
//! plain JS object of props, [`update`] when they change, and [`unmount`] when it leaves the view.
//! Each module's export reaches only its own views, so neither wasm carries the other's.
//!
//! Views and their props (the names `extras_client`'s callers use):
//! - `collections` (the collections module): the collections panel (`components::collections`),
//!   with IndexedDB and the import's client. `current` (the open
//!   collection's id, `""` for the built-in articles), `notice` (string or null),
//!   `builtInArticles` (number or null), `host(action, id)` (called with `"switch"`, `"reload"`
//!   or `"notice-shown"`), and, read only at mount, `pendingFiles` (a file input's files) or
//!   `pendingDrop` (a promise of `[file, path]` pairs).
//! - `page` (an article page, search results, the entity index, an entity page or a comparison,
//!   by `route`) and `home-pictures` (the home page's recent searches, pinned comparisons and
//!   pictures; the extras module, `pages::deferred`): `route` (the URL hash), `source` (the corpus the explorer has open:
//!   `{kind: "url", url}`, `{kind: "bytes", bytes}` (a stored collection's too, as the explorer read
//!   it) or `{kind: "chunked", folder}`), `key` (changes when it must be opened again) and `storageScope`
//!   (whose remembered searches and pins, `storage::set_scope`); for a chunked article the explorer
//!   has shown or listed, `known`: `{ordinal, matches}` (`matches`, if its search found them, a
//!   `Float64Array` of each match's start and end).

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
use crate::pages::deferred::{DeferredPage, DeferredProps, KnownArticle, View};
use crate::state::Route;

/// A mounted view: its yew app, whatever its component.
trait Mounted {
    /// Gives the view new props (a plain JS object).
    fn update(&mut self, props: &JsValue);
    /// Removes the view.
    fn destroy(self: Box<Self>);
}

struct CollectionsView(AppHandle<Collections>);

impl Mounted for CollectionsView {
    fn update(&mut self, props: &JsValue) {
        self.0.update(collections_props(props, false));
    }
    fn destroy(self: Box<Self>) {
        self.0.destroy();
    }
}

struct PageView(AppHandle<DeferredPage>, DeferredProps);

impl Mounted for PageView {
    fn update(&mut self, props: &JsValue) {
        if let Ok(next) = page_props(self.1.view, props, Some(&self.1)) {
            self.1 = next.clone();
            self.0.update(next);
        }
    }
    fn destroy(self: Box<Self>) {
        self.0.destroy();
    }
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Box<dyn Mounted>>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// Mounts the extras module's `view` (`page` or `home-pictures`) in `host` with `props`; the handle
/// for [`update`] and [`unmount`].
pub fn mount_page(host: Element, view: &str, props: &JsValue) -> Result<u32, String> {
    let view = match view {
        "page" => View::Page,
        "home-pictures" => View::HomePictures,
        other => return Err(format!("the extras module has no view “{other}”")),
    };
    let props = page_props(view, props, None)?;
    skip_the_explorers_subtree();
    let app = yew::Renderer::<DeferredPage>::with_root_and_props(host, props.clone()).render();
    Ok(keep(Box::new(PageView(app, props))))
}

/// Mounts the collections module's one view, `collections`, in `host` with `props`; the handle for
/// [`update`] and [`unmount`].
pub fn mount_collections(host: Element, view: &str, props: &JsValue) -> Result<u32, String> {
    if view != "collections" {
        return Err(format!("the collections module has no view “{view}”"));
    }
    skip_the_explorers_subtree();
    let props = collections_props(props, true);
    let app = yew::Renderer::<Collections>::with_root_and_props(host, props).render();
    Ok(keep(Box::new(CollectionsView(app))))
}

/// The three exports of a deferred module: `$mount` (its mount function, [`mount_page`] or
/// [`mount_collections`]), [`update`] and [`unmount`], under the names `extras_client` calls.
/// Each module's binary (`src/bin/extras.rs`, `src/bin/collections_panel.rs`) writes them, not
/// the library, so each wasm reaches only its own views.
#[macro_export]
macro_rules! deferred_module_exports {
    ($mount:path) => {
        /// Mounts a view in `host`; the handle for the other two calls.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn parallax_extras_mount(
            host: web_sys::Element,
            view: &str,
            props: wasm_bindgen::JsValue,
        ) -> Result<u32, wasm_bindgen::JsValue> {
            $mount(host, view, &props).map_err(|why| wasm_bindgen::JsValue::from_str(&why))
        }

        /// Gives a mounted view new props.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn parallax_extras_update(handle: u32, props: wasm_bindgen::JsValue) {
            $crate::extras::update(handle, &props);
        }

        /// Removes a mounted view.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn parallax_extras_unmount(handle: u32) {
            $crate::extras::unmount(handle);
        }
    };
}

fn keep(mounted: Box<dyn Mounted>) -> u32 {
    let handle = NEXT.with(|n| n.replace(n.get() + 1));
    MOUNTED.with(|m| m.borrow_mut().insert(handle, mounted));
    handle
}

/// Gives a mounted view new props.
pub fn update(handle: u32, props: &JsValue) {
    MOUNTED.with(|m| {
        if let Some(mounted) = m.borrow_mut().get_mut(&handle) {
            mounted.update(props);
        }
    });
}

/// Removes a mounted view (its listeners and tasks stop).
pub fn unmount(handle: u32) {
    let mounted = MOUNTED.with(|m| m.borrow_mut().remove(&handle));
    if let Some(mounted) = mounted {
        mounted.destroy();
    }
}

/// Yew brands the element it mounts on with a subtree id counted from 1 in each wasm module, and
/// an event is handled by the app whose id its nearest branded ancestor carries: were this
/// module's first id the explorer's (its one root is 1), the explorer's yew would take the events
/// of this module's views for its own. So this module's ids start past it (the two deferred
/// modules may share ids: their views are never inside one another, and an event's listeners are
/// on its view's own root): one root, mounted on a
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

/// The page's props from the explorer's; `shown`'s corpus is kept when the key says it is the same
/// (a bundle's bytes are copied into this module only once).
fn page_props(view: View, props: &JsValue, shown: Option<&DeferredProps>) -> Result<DeferredProps, String> {
    let key = get(props, "key").as_string().unwrap_or_default();
    crate::storage::set_scope(&get(props, "storageScope").as_string().unwrap_or_default());
    let route = Route::parse(&get(props, "route").as_string().unwrap_or_default());
    let known = known_article(props);
    if let Some(shown) = shown.filter(|shown| shown.key == key) {
        return Ok(DeferredProps { view, route, source: shown.source.clone(), key, known });
    }
    let source = get(props, "source");
    let text = |key: &str| get(&source, key).as_string().unwrap_or_default();
    let source = match text("kind").as_str() {
        "url" => BundleSource::Url(text("url")),
        "chunked" => BundleSource::Chunked(text("folder")),
        "bytes" => {
            let bytes =
                get(&source, "bytes").dyn_into::<js_sys::Uint8Array>().map_err(|_| "no bundle bytes")?;
            BundleSource::Bytes(std::rc::Rc::new(bytes.to_vec()))
        }
        other => return Err(format!("the extras module cannot open a corpus of kind “{other}”")),
    };
    Ok(DeferredProps { view, route, source, key, known })
}

/// A chunked article's ordinal and its search's matches as the explorer handed them over
/// (`known`: `{ordinal, matches}`, the matches' start and end each, flat).
fn known_article(props: &JsValue) -> Option<KnownArticle> {
    let known = get(props, "known");
    let ordinal = get(&known, "ordinal").as_f64()?;
    let matches = get(&known, "matches")
        .dyn_into::<js_sys::Float64Array>()
        .ok()
        .map(|flat| flat.to_vec().chunks_exact(2).map(|pair| (pair[0] as usize, pair[1] as usize)).collect());
    Some(KnownArticle { ordinal: ordinal as usize, matches })
}
