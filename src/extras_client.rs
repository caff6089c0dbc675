//! The explorer's side of the extras module: views the first visit does not need (the collections
//! panel with the import, …) are a second wasm of the app crate (`src/bin/extras.rs`, built by
//! trunk with fixed names `extras.js` and `extras_bg.wasm`), fetched the first time one of them is
//! shown, then drawn by that module's own yew into an element this module's page gives it
//! ([`ExtrasView`]).
//!
//! The two modules share nothing but the page: the extras get plain JS values (strings, numbers,
//! files, a `host` function to call back), and links between their views go through the URL hash.
//! `extras.js` is a no-modules bundle whose top level declares `wasm_bindgen`; it is run inside a
//! function (fetched as text) rather than as a `<script>`, so it never clashes with the comparison
//! fallback's own `wasm_bindgen` (`compare_client`), and the page keeps no global from it.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::io::describe;

/// The extras module's JS bindings, beside `index.html`.
pub const EXTRAS_SCRIPT: &str = "extras.js";
/// The extras module's wasm, beside `index.html`.
pub const EXTRAS_WASM: &str = "extras_bg.wasm";

thread_local! {
    /// The module's loading (or loaded) bindings, shared by every view that waits for them; cleared
    /// when loading fails, so that "Try again" fetches again.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The extras module's bindings, fetched and started once per page.
pub async fn load() -> Result<JsValue, String> {
    let promise = LOADING.with(|loading| {
        loading
            .borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    start().await.map_err(|why| JsValue::from_str(&why))
                })
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(bindings) => Ok(bindings),
        Err(why) => {
            LOADING.with(|loading| loading.borrow_mut().take());
            Err(why.as_string().unwrap_or_else(|| "it did not start".into()))
        }
    }
}

async fn start() -> Result<JsValue, String> {
    let unreachable = |e: &dyn std::fmt::Display| {
        format!("{EXTRAS_SCRIPT} could not be downloaded ({e}); check the connection")
    };
    let response = gloo_net::http::Request::get(EXTRAS_SCRIPT).send().await.map_err(|e| unreachable(&e))?;
    if !response.ok() {
        return Err(format!(
            "{EXTRAS_SCRIPT} could not be downloaded (the server answered {})",
            response.status()
        ));
    }
    let text = response.text().await.map_err(|e| unreachable(&e))?;
    let bindings = Function::new_no_args(&format!("{text}\n;return wasm_bindgen;"))
        .call0(&JsValue::NULL)
        .map_err(|e| format!("{EXTRAS_SCRIPT} did not run: {}", describe(&e)))?;
    let init =
        bindings.clone().dyn_into::<Function>().map_err(|_| format!("{EXTRAS_SCRIPT} defined nothing"))?;
    let options = Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("module_or_path"), &JsValue::from_str(EXTRAS_WASM));
    let started = init
        .call1(&JsValue::NULL, &options)
        .map_err(|e| describe(&e))?
        .dyn_into::<Promise>()
        .map_err(|_| "the extras module's initialiser returned no promise".to_string())?;
    JsFuture::from(started)
        .await
        .map_err(|e| format!("{EXTRAS_WASM} could not be loaded: {}", describe(&e)))?;
    Ok(bindings)
}

/// Calls one of the module's exports.
fn call(bindings: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
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
        use_effect_with((props.view.clone(), *attempt), move |(view, _)| {
            let alive = std::rc::Rc::new(std::cell::Cell::new(true));
            let (view, still, slot) = (view.clone(), alive.clone(), mounted.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bindings = load().await;
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
/// app to every [`Deferred`] view).
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
    use crate::collections::CollectionId;
    use crate::io::BundleSource;

    let state = use_context::<crate::app::AppContext>();
    let corpus = use_context::<CorpusSource>();
    let (Some(state), Some(corpus)) = (state, corpus) else { return Html::default() };
    let route = state.route.href();
    let source = Object::new();
    let set = |on: &Object, key: &str, value: &JsValue| {
        let _ = Reflect::set(on, &JsValue::from_str(key), value);
    };
    let described = match (&corpus.collection, &corpus.source) {
        (CollectionId::Stored(id), _) => {
            set(&source, "kind", &"stored".into());
            set(&source, "id", &JsValue::from_str(id));
            format!("stored {id}")
        }
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
        (CollectionId::BuiltIn, BundleSource::Bytes(bytes)) => {
            set(&source, "kind", &"bytes".into());
            set(&source, "bytes", &js_sys::Uint8Array::from(bytes.as_slice()));
            format!("bytes {:p}", std::rc::Rc::as_ptr(bytes))
        }
    };
    let key = format!("{described} · {}", corpus.reloads);
    let value = Object::new();
    set(&value, "source", &source);
    set(&value, "route", &JsValue::from_str(&route));
    set(&value, "key", &JsValue::from_str(&key));
    set(&value, "storageScope", &JsValue::from_str(&corpus.collection.storage_suffix()));
    let input = Input { key: format!("{key} · {route}"), value: value.into() };
    html! { <ExtrasView view={props.view.clone()} {input} /> }
}
