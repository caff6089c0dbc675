//! Where the home page shows the collections panel. The panel itself (listing, import, export,
//! the report) is drawn by the collections module (`components/collections.rs`, see
//! `extras_client`), which this page asks for only when there is something to show: a stored
//! collection may exist, one is open, a notice or an interrupted import is to be told, or the
//! reader opens or drops files (or points at the inputs: the module is fetched ahead of a click).
//! A first visit that does none of these never fetches it. Until then it draws the panel as the
//! module would first draw it, with working file inputs and drop zone, whose files are handed over
//! to the module as it loads.

use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::AppContext;
use crate::collections::CollectionId;
use crate::collections_db;
use crate::components::collections::import_controls;
use crate::extras_client::{self, ExtrasView, Input};
use crate::import;
use crate::state::{Action, Corpus};

/// Files picked or dropped before the module loaded: the JS value the module reads as `pending`.
#[derive(Clone)]
enum Pending {
    Input(js_sys::Array),
    Dropped(js_sys::Promise),
}

/// The collections panel's place on the page.
#[function_component(CollectionsSlot)]
pub fn collections_slot() -> Html {
    let state = use_context::<AppContext>();
    let current = state.as_ref().map(|s| s.collection.clone()).unwrap_or_default();
    let notice = state.as_ref().and_then(|s| s.notice.clone());
    let built_in_articles = match state.as_ref().map(|s| &s.corpus) {
        Some(Corpus::Ready(corpus)) => Some(corpus.bundle.articles.len()),
        _ => None,
    };
    let obvious =
        current != CollectionId::BuiltIn || notice.is_some() || collections_db::import_was_interrupted();
    // None: not known yet whether the panel has anything more to show than its inputs.
    let wanted = use_state(|| obvious.then_some(true));
    let pending = use_mut_ref(|| None::<Pending>);
    {
        let wanted = wanted.clone();
        use_effect_with(obvious, move |&obvious| {
            if obvious {
                wanted.set(Some(true));
            } else if wanted.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    wanted.set(Some(collections_db::may_hold_collections().await));
                });
            }
        });
    }

    // The panel's requests, sent by the collections module through one JS function made once.
    let on_action = use_mut_ref(|| None::<Callback<(String, String)>>);
    *on_action.borrow_mut() = state.clone().map(|state| {
        Callback::from(move |(action, id): (String, String)| {
            let id = if id.is_empty() { CollectionId::BuiltIn } else { CollectionId::Stored(id) };
            match action.as_str() {
                "switch" => state.dispatch(Action::Switch(id)),
                "reload" => state.dispatch(Action::Reload(id)),
                "notice-shown" => state.dispatch(Action::NoticeShown),
                _ => {}
            }
        })
    });
    let host = use_memo((), move |_| {
        let on_action = on_action.clone();
        Closure::<dyn Fn(String, String)>::new(move |action, id| {
            let callback = on_action.borrow().clone();
            if let Some(callback) = callback {
                callback.emit((action, id));
            }
        })
    });

    let open_files = {
        let (wanted, pending) = (wanted.clone(), pending.clone());
        Rc::new(move |files: Pending| {
            *pending.borrow_mut() = Some(files);
            wanted.set(Some(true));
        })
    };
    // Files and folders dropped anywhere on the page, until the panel's module has mounted the
    // panel and listens itself: also while the module loads, when nothing else would take them.
    let panel_shown = use_state(|| false);
    {
        let open_files = open_files.clone();
        use_effect_with(*panel_shown, move |&shown| {
            let listeners = (!shown).then(|| {
                import::on_file_drop(move |data| open_files(Pending::Dropped(import::dropped_files(data))))
            });
            move || drop(listeners)
        });
    }

    let count = match built_in_articles {
        Some(n) if current == CollectionId::BuiltIn => format!(" · {n} articles"),
        _ => String::new(),
    };
    let on_input = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = import::input_list(&input);
            input.set_value("");
            open_files(Pending::Input(files));
        })
    };
    // The reader is near the inputs: fetch the module ahead of a click.
    let warm = Callback::from(|_: MouseEvent| {
        wasm_bindgen_futures::spawn_local(async {
            let _ = extras_client::load(extras_client::Module::Collections).await;
        })
    });
    let placeholder = html! {
        <section class="collections" aria-labelledby="collections-h">
            <h2 id="collections-h" class="section-title">{ "Collections" }</h2>
            <ul class="collection-list">
                <li class={classes!("collection", (current == CollectionId::BuiltIn).then_some("current"))}>
                    <span class="collection-name">{ "Built-in articles" }</span>
                    <span class="muted">{ format!(" · shipped with this site{count}") }</span>
                    if current == CollectionId::BuiltIn {
                        <span class="current-mark">{ " · open now" }</span>
                    }
                </li>
            </ul>
            <div class="import-panel" onmouseenter={warm}>
                { import_controls(on_input, *wanted == Some(true)) }
            </div>
        </section>
    };
    if *wanted != Some(true) {
        return placeholder;
    }

    let value = Object::new();
    let set = |key: &str, v: &JsValue| {
        let _ = Reflect::set(&value, &JsValue::from_str(key), v);
    };
    let current_id = match &current {
        CollectionId::BuiltIn => String::new(),
        CollectionId::Stored(id) => id.clone(),
    };
    set("current", &JsValue::from_str(&current_id));
    set("notice", &notice.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    set("builtInArticles", &built_in_articles.map_or(JsValue::NULL, |n| JsValue::from(n as u32)));
    set("host", host.as_ref().as_ref().unchecked_ref::<Function>());
    // Read by the module's panel only as it mounts.
    match pending.borrow().clone() {
        Some(Pending::Input(files)) => set("pendingFiles", &files),
        Some(Pending::Dropped(walk)) => set("pendingDrop", &walk),
        None => {}
    }
    let key = format!("{current_id}\u{1f}{notice:?}\u{1f}{built_in_articles:?}");
    html! {
        <ExtrasView view="collections" input={Input { key, value: value.into() }} placeholder={Some(placeholder)}
            on_shown={Callback::from(move |()| panel_shown.set(true))} />
    }
}
