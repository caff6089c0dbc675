//! The explorer's side of its deferred modules: views the first visit does not need are two more
//! wasms of the app crate, built by trunk with fixed names ([`Module`]): the extras (entity and
//! comparison pages, the home page's pictures; `src/bin/extras.rs`) and the collections panel with
//! the import (`src/bin/collections_panel.rs`). Each is fetched the first time one of its views is
//! shown, then draws with its own yew into an element this module's page gives it ([`ExtrasView`]).
//!
//! The two modules share nothing but the page: the extras get plain JS values (strings, numbers,
//! files, a `host` function to call back), and links between their views go through the URL hash.
//! Each script is a no-modules bundle whose top level declares `wasm_bindgen`; it is run inside a
//! function (fetched as text) rather than as a `<script>`, so it never clashes with the comparison
//! fallback's own `wasm_bindgen` (`compare_client`), and the page keeps no global from it.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::io::describe;

/// A deferred module of the app: its views, its files beside `index.html`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// The entity, entity-index and comparison pages and the home page's pictures
    /// (`src/bin/extras.rs`).
    Extras,
    /// The collections panel with the import's client (`src/bin/collections_panel.rs`), fetched
    /// only on use.
    Collections,
}

impl Module {
    /// The module that draws `view` (`src/extras.rs`'s names).
    pub fn of_view(view: &str) -> Module {
        if view == "collections" {
            Module::Collections
        } else {
            Module::Extras
        }
    }

    /// The module's JS bindings.
    pub fn script(self) -> &'static str {
        match self {
            Module::Extras => "extras.js",
            Module::Collections => "collections_panel.js",
        }
    }

    /// The module's wasm.
    pub fn wasm(self) -> &'static str {
        match self {
            Module::Extras => "extras_bg.wasm",
            Module::Collections => "collections_panel_bg.wasm",
        }
    }
}

thread_local! {
    /// Each module's loading (or loaded) bindings, shared by every view that waits for them;
    /// cleared when loading fails, so that "Try again" fetches again.
    static LOADING: RefCell<[Option<Promise>; 2]> = const { RefCell::new([None, None]) };
}

/// `module`'s bindings, fetched and started once per page.
pub async fn load(module: Module) -> Result<JsValue, String> {
    let slot = module as usize;
    let promise = LOADING.with(|loading| {
        loading.borrow_mut()[slot]
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async move {
                    start(module).await.map_err(|why| JsValue::from_str(&why))
                })
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(bindings) => Ok(bindings),
        Err(why) => {
            LOADING.with(|loading| loading.borrow_mut()[slot].take());
            Err(why.as_string().unwrap_or_else(|| "it did not start".into()))
        }
    }
}

async fn start(module: Module) -> Result<JsValue, String> {
    let (script, wasm) = (module.script(), module.wasm());
    let unreachable =
        |e: &dyn std::fmt::Display| format!("{script} could not be downloaded ({e}); check the connection");
    let response = gloo_net::http::Request::get(script).send().await.map_err(|e| unreachable(&e))?;
    if !response.ok() {
        return Err(format!("{script} could not be downloaded (the server answered {})", response.status()));
    }
    let text = response.text().await.map_err(|e| unreachable(&e))?;
    let bindings = Function::new_no_args(&format!("{text}\n;return wasm_bindgen;"))
        .call0(&JsValue::NULL)
        .map_err(|e| format!("{script} did not run: {}", describe(&e)))?;
    let init = bindings.clone().dyn_into::<Function>().map_err(|_| format!("{script} defined nothing"))?;
    let options = Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("module_or_path"), &JsValue::from_str(wasm));
    let started = init
        .call1(&JsValue::NULL, &options)
        .map_err(|e| describe(&e))?
        .dyn_into::<Promise>()
        .map_err(|_| format!("{script}'s initialiser returned no promise"))?;
    JsFuture::from(started).await.map_err(|e| format!("{wasm} could not be loaded: {}", describe(&e)))?;
    Ok(bindings)
}

/// Calls `then` once the browser is idle (`requestIdleCallback`, at most 1.5 s later), or after
/// 100 ms where it cannot say.
pub fn when_idle(then: impl FnOnce() + 'static) {
    thread_local! {
        static IDLE: js_sys::Function = js_sys::Function::new_with_args(
            "then",
            "if (typeof requestIdleCallback === 'function') requestIdleCallback(() => then(), { timeout: 1500 }); \
             else setTimeout(then, 100);",
        );
    }
    let then = wasm_bindgen::closure::Closure::once_into_js(then);
    let _ = IDLE.with(|idle| idle.call1(&wasm_bindgen::JsValue::NULL, &then));
}

/// Fetches and starts `module` once the browser is idle, so that the first page that needs it
/// (an article opened from a chunked site's results or list) does not wait for its download.
pub fn prefetch(module: Module) {
    when_idle(move || {
        wasm_bindgen_futures::spawn_local(async move {
            // A failure is shown by the view that needs the module, which loads it again.
            let _ = load(module).await;
        })
    });
}

/// How long after a chunked site's list or results are drawn its extras module is fetched: its
/// download and start hold the page's thread for a while (at 10,000 synthetic articles a harness
/// waiting for the first search result noticed it 250 ms after it was drawn), and the reader's
/// first moments with the results (a scroll, a click, the next keystroke) come first.
const PREFETCH_DELAY_MS: u32 = 1_000;

/// Prefetches the extras module a while after `ready` holds ([`PREFETCH_DELAY_MS`], then once
/// idle): a chunked site's list or results, once drawn, so that the first article opened from them
/// (drawn by the extras module) does not wait for it.
#[hook]
pub fn use_prefetch_extras(ready: bool) {
    use_effect_with(ready, |&ready| {
        if ready {
            gloo::timers::callback::Timeout::new(PREFETCH_DELAY_MS, || prefetch(Module::Extras)).forget();
        }
    });
}

/// Calls one of the module's exports.
pub fn call(bindings: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let function = Reflect::get(bindings, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("the extras module has no {name}"))?;
    let args: js_sys::Array = args.iter().copied().collect();
    function.apply(&JsValue::NULL, &args).map_err(|e| describe(&e))
}

/// What a view of the extras module is given: a plain JS object, and a key that changes when
/// anything in it that the view shows changes (JS objects compare by identity).
#[derive(Clone)]
pub struct Input {
    /// Equal keys: the view need not be told again.
    pub key: String,
    /// The view's props, as the extras module reads them (`src/extras.rs`).
    pub value: JsValue,
}

impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// Properties of [`ExtrasView`].
#[derive(Properties, PartialEq)]
pub struct ExtrasViewProps {
    /// Which view of the extras module (`src/extras.rs`'s names).
    pub view: AttrValue,
    /// Its props.
    pub input: Input,
    /// Shown while the module loads (a "Loading…" line if none).
    #[prop_or_default]
    pub placeholder: Option<Html>,
    /// Told once the module has mounted the view (it then handles its own events).
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Shown,
    Failed(String),
}

/// A view drawn by the extras module into an element of this page: loading first, then the view,
/// or a message with "Try again" if the module cannot be loaded (offline and never cached).
#[function_component(ExtrasView)]
pub fn extras_view(props: &ExtrasViewProps) -> Html {
    let node = use_node_ref();
    let status = use_state(|| Status::Loading);
    let attempt = use_state(|| 0u32);
    // The mounted view's handle in the extras module, with the bindings to reach it.
    let mounted = use_mut_ref(|| None::<(JsValue, u32)>);
    let latest = use_mut_ref(|| props.input.clone());
    *latest.borrow_mut() = props.input.clone();

    {
        let (node, status, mounted, latest) = (node.clone(), status.clone(), mounted.clone(), latest.clone());
        let on_shown = props.on_shown.clone();
        use_effect_with((props.view.clone(), *attempt), move |(view, _)| {
            let alive = std::rc::Rc::new(std::cell::Cell::new(true));
            let (view, still, slot) = (view.clone(), alive.clone(), mounted.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bindings = load(Module::of_view(&view)).await;
                if !still.get() {
                    return;
                }
                let Some(host) = node.cast::<web_sys::Element>() else { return };
                let shown = bindings.and_then(|bindings| {
                    let input = latest.borrow().value.clone();
                    let handle = call(
                        &bindings,
                        "parallax_extras_mount",
                        &[&host, &JsValue::from_str(&view), &input],
                    )?;
                    let handle = handle.as_f64().ok_or("the extras module mounted nothing")? as u32;
                    *slot.borrow_mut() = Some((bindings, handle));
                    Ok(())
                });
                if shown.is_ok() {
                    on_shown.emit(());
                }
                status.set(match shown {
                    Ok(()) => Status::Shown,
                    Err(why) => Status::Failed(why),
                });
            });
            move || {
                alive.set(false);
                if let Some((bindings, handle)) = mounted.borrow_mut().take() {
                    let _ = call(&bindings, "parallax_extras_unmount", &[&JsValue::from(handle)]);
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.input.clone(), move |input| {
            if let Some((bindings, handle)) = &*mounted.borrow() {
                let _ = call(bindings, "parallax_extras_update", &[&JsValue::from(*handle), &input.value]);
            }
        });
    }

    let retry = {
        let (status, attempt) = (status.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(Status::Loading);
            attempt.set(attempt.wrapping_add(1));
        })
    };
    let around = match &*status {
        Status::Shown => Html::default(),
        Status::Loading => match &props.placeholder {
            Some(placeholder) => placeholder.clone(),
            None => html! { <p class="status" role="status">{ "Loading…" }</p> },
        },
        Status::Failed(why) => html! {
            <div class="error-panel" role="alert">
                <p class="error-message">{ format!("This part of Parallax could not be loaded: {why}.") }</p>
                <button type="button" onclick={retry}>{ "Try again" }</button>
            </div>
        },
    };
    html! {
        <>
            { around }
            // The extras module's own yew draws inside; this page's never touches its children.
            <div class="extras" ref={node}></div>
        </>
    }
}

/// The corpus the explorer has open, as the extras module is told to open it again (given by the
/// app to every [`Deferred`] view): a built-in bundle by the bytes the explorer fetched, so it is
/// neither downloaded again nor read from the HTTP cache.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusSource {
    /// Where the built-in corpus comes from.
    pub source: crate::io::BundleSource,
    /// Which collection is open.
    pub collection: crate::collections::CollectionId,
    /// How many times it was loaded again after a change.
    pub reloads: u32,
}

/// Properties of [`Deferred`].
#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// `page` (the route's page) or `home-pictures`.
    pub view: AttrValue,
}

/// A page of the extras module (`pages::deferred`) over the open corpus, for the current route.
#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    match use_input() {
        Some(input) => html! { <ExtrasView view={props.view.clone()} {input} /> },
        None => Html::default(),
    }
}

/// Properties of [`DeferredKnown`].
#[derive(Properties, PartialEq)]
pub struct DeferredKnownProps {
    /// More props for the module's page (its `known`), with a key that changes when they do.
    pub known: Option<Input>,
}

/// [`Deferred`]'s page with more props from the page that knows them (a chunked article's ordinal
/// and its search's matches: `pages::chunked::page`, which only the chunked sites' explorer
/// holds, so the seed explorer's wasm has none of this).
#[function_component(DeferredKnown)]
pub fn deferred_known(props: &DeferredKnownProps) -> Html {
    let Some(mut input) = use_input() else { return Html::default() };
    if let Some(known) = &props.known {
        let _ = Reflect::set(&input.value, &JsValue::from_str("known"), &known.value);
        input.key = format!("{} · {}", input.key, known.key);
    }
    html! { <ExtrasView view="page" {input} /> }
}

/// What the extras module's page is told: the open corpus and the route; none before the app has
/// both (or while a stored collection is read).
#[hook]
fn use_input() -> Option<Input> {
    use crate::collections::CollectionId;
    use crate::io::BundleSource;

    let state = use_context::<crate::app::AppContext>();
    let corpus = use_context::<CorpusSource>();
    // The bundle's bytes as handed over, copied into JS once per bundle, not per render (the
    // bundle is held here too, so a later bundle never takes its address).
    let handed = use_mut_ref(|| None::<(std::rc::Rc<Vec<u8>>, js_sys::Uint8Array)>);
    let (Some(state), Some(corpus)) = (state, corpus) else { return None };
    let route = state.route.href();
    let source = Object::new();
    let set = |on: &Object, key: &str, value: &JsValue| {
        let _ = Reflect::set(on, &JsValue::from_str(key), value);
    };
    let described = match (&corpus.collection, &corpus.source) {
        // The open corpus's bytes, fetched or read from the store by the explorer.
        (collection, BundleSource::Bytes(bytes)) => {
            set(&source, "kind", &"bytes".into());
            let mut handed = handed.borrow_mut();
            let js = match &*handed {
                Some((of, js)) if std::rc::Rc::ptr_eq(of, bytes) => js.clone(),
                _ => {
                    let js = js_sys::Uint8Array::from(bytes.as_slice());
                    *handed = Some((bytes.clone(), js.clone()));
                    js
                }
            };
            set(&source, "bytes", &js);
            // Other bytes when the collection has grown: no reload count in this key.
            format!("bytes{} {:x}", collection.storage_suffix(), std::rc::Rc::as_ptr(bytes) as usize)
        }
        // A stored collection is drawn once the explorer has read it (the bytes above).
        (CollectionId::Stored(_), _) => return None,
        (CollectionId::BuiltIn, BundleSource::Url(url)) => {
            set(&source, "kind", &"url".into());
            set(&source, "url", &JsValue::from_str(url));
            format!("url {url}")
        }
        (CollectionId::BuiltIn, BundleSource::Chunked(folder)) => {
            set(&source, "kind", &"chunked".into());
            set(&source, "folder", &JsValue::from_str(folder));
            format!("chunked {folder}")
        }
    };
    let key = match &corpus.source {
        BundleSource::Bytes(_) => described,
        _ => format!("{described} · {}", corpus.reloads),
    };
    let value = Object::new();
    set(&value, "source", &source);
    set(&value, "route", &JsValue::from_str(&route));
    set(&value, "key", &JsValue::from_str(&key));
    set(&value, "storageScope", &JsValue::from_str(&corpus.collection.storage_suffix()));
    Some(Input { key: format!("{key} · {route}"), value: value.into() })
}
