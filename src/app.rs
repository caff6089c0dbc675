//! The root component: loads the bundle (or a chunked corpus's manifest), follows the URL hash,
//! and picks the page.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::LocalBoxFuture;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::chunked_view::Chunks;
use crate::collections::CollectionId;
use crate::collections_db;
use crate::components::header::Header;
use crate::extras_client::{CorpusSource, Deferred};
use crate::io::{self, BundleSource};
use crate::pages;
use crate::state::{Action, AppState, Corpus, Loaded, Route};

/// The state handle every page reads and dispatches to.
pub type AppContext = UseReducerHandle<AppState>;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the corpus bundle comes from.
    pub source: BundleSource,
    /// How to open and draw a chunked corpus: given only by the chunked sites' explorer
    /// ([`crate::run_chunked`]); the seed explorer, given none, says it cannot open one.
    pub chunked: Option<ChunkedSupport>,
    /// How to decode a bundle and draw its home page: given only by the seed explorer
    /// ([`crate::run`]); the chunked sites' explorer, given none, checks a bundle it opens (a
    /// reader's stored collection) but leaves every page of it to the extras module.
    pub bundle: Option<BundleSupport>,
}

/// The bundle decoder and the bundle's home page, reached only through these two functions, so
/// that the chunked sites' explorer, built without them, holds neither (that explorer's wasm is
/// three fifths of a cold search's bytes, and decoding and listing bundles, which a chunked site
/// does only for a collection of the reader's own, were 17 KB of its 311 KB gzip).
#[derive(Clone, Copy)]
pub struct BundleSupport {
    /// Decodes a bundle's bytes (a slice at a time) into the explorer's data.
    pub open: fn(Rc<Vec<u8>>) -> DecodedBundle,
    /// The home page over a decoded bundle (`by_date`: newest first, `#/by-date`).
    pub home: fn(&Loaded, bool) -> Html,
}

/// What [`BundleSupport::open`] gives: the decoded corpus, or a sentence for the page.
pub type DecodedBundle = LocalBoxFuture<'static, Result<Loaded, String>>;

impl PartialEq for BundleSupport {
    /// As [`ChunkedSupport`]'s: one support for the explorer's whole life.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A bundle's bytes as the explorer keeps them: decoded when it has the decoder, else checked
/// (signature, version, length, checksum) and handed whole to the extras module.
async fn open_bundle(bundle: Option<BundleSupport>, bytes: Rc<Vec<u8>>) -> Result<Corpus, String> {
    match bundle {
        Some(bundle) => (bundle.open)(bytes).await.map(Corpus::Ready),
        None => {
            io::next_task().await;
            io::check(&bytes).map(|()| Corpus::Delegated)
        }
    }
}

/// The chunked reader and chunked pages, reached only through these two functions, so that the
/// explorer built without them (`src/main.rs`, which a seed or single-bundle site runs) holds
/// neither: only the chunked sites' explorer (`src/bin/chunked_explorer.rs`) names them.
#[derive(Clone, Copy)]
pub struct ChunkedSupport {
    /// Fetches the manifest of the chunked corpus in this folder and opens it.
    pub open: fn(String) -> LocalBoxFuture<'static, Result<Chunks, String>>,
    /// The page for the state's route over an open chunked corpus.
    pub page: fn(&Chunks, &AppState) -> Html,
}

impl PartialEq for ChunkedSupport {
    /// An explorer is given one support for its whole life (function addresses are not worth
    /// comparing).
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What the seed explorer says when its page names a chunked corpus.
const NO_CHUNKED_READER: &str =
    "This copy of Parallax cannot read a chunked corpus: its page names one, but \
     it is the explorer for single-bundle sites. Write the site again with `parallax site --chunks`, which \
     ships the explorer that reads chunks.";

fn current_route() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// Whether the address bar shows the search page.
pub(crate) fn on_search_page() -> bool {
    gloo::utils::window().location().hash().unwrap_or_default().starts_with("#/search")
}

/// The explorer.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState::with_collection(current_route(), collections_db::current()));
    // Searches and pins are remembered per collection.
    crate::storage::set_scope(&state.collection.storage_suffix());

    // The shown corpus's bundle bytes once fetched or read from the browser's store, with the
    // collection they are of: the extras module opens the corpus from them rather than
    // downloading it or reading the store again (and, while a grown collection loads again, goes
    // on showing the one the explorer shows).
    let fetched = use_mut_ref(|| None::<(CollectionId, Rc<Vec<u8>>)>);
    {
        let state = state.clone();
        let fetched = fetched.clone();
        let (chunked, bundle) = (props.chunked, props.bundle);
        let key = (props.source.clone(), state.collection.clone(), state.reloads);
        use_effect_with(key, move |(source, collection, _)| {
            let (source, collection) = (source.clone(), collection.clone());
            collections_db::set_current(&collection);
            wasm_bindgen_futures::spawn_local(async move {
                match &collection {
                    CollectionId::BuiltIn => {
                        if let BundleSource::Chunked(folder) = &source {
                            let opened = match chunked {
                                Some(chunked) => (chunked.open)(folder.clone()).await,
                                None => Err(NO_CHUNKED_READER.to_string()),
                            };
                            match opened {
                                Ok(chunks) => state.dispatch(Action::LoadedChunks(chunks)),
                                Err(message) => state.dispatch(Action::Failed(message)),
                            }
                            return;
                        }
                        let bytes = match io::bundle_bytes(&source).await {
                            Ok(bytes) => bytes,
                            Err(message) => return state.dispatch(Action::Failed(message)),
                        };
                        match open_bundle(bundle, bytes.clone()).await {
                            Ok(corpus) => {
                                *fetched.borrow_mut() = Some((collection.clone(), bytes));
                                state.dispatch(Action::LoadedFor(collection, corpus))
                            }
                            Err(message) => state.dispatch(Action::Failed(message)),
                        }
                    }
                    CollectionId::Stored(id) => {
                        let opened = match collections_db::load_bundle(id).await {
                            Ok(bytes) => {
                                let bytes = Rc::new(bytes);
                                open_bundle(bundle, bytes.clone()).await.map(|corpus| (corpus, bytes))
                            }
                            Err(why) => Err(why),
                        };
                        match opened {
                            Ok((corpus, bytes)) => {
                                *fetched.borrow_mut() = Some((collection.clone(), bytes));
                                state.dispatch(Action::LoadedFor(collection, corpus))
                            }
                            Err(why) => state.dispatch(Action::Unavailable(
                                collection,
                                format!("Your collection could not be opened, so Parallax shows its built-in articles. {why}"),
                            )),
                        }
                    }
                }
            });
        });
    }

    {
        let state = state.clone();
        use_effect_with((), move |_| {
            // A new address is drawn at its `popstate`, which the browser fires while it navigates
            // (a link, Back, `location.hash = …`), not at the `hashchange` it queues as a task after
            // (often behind a frame: 4-6 ms at the median, 10-20 at the tail). Browsers that fire
            // no `popstate` for a fragment are still served by `hashchange`, which skips the address
            // its `popstate` already drew.
            let drawn = RefCell::new(None::<String>);
            let navigate = Rc::new(move |from_popstate: bool| {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                let seen = drawn.replace(from_popstate.then(|| hash.clone()));
                if !from_popstate && seen.as_deref() == Some(hash.as_str()) {
                    return;
                }
                // Scroll first: yew may render (and run the new page's effects, such as scrolling
                // to a search match) inside dispatch.
                if !on_search_page() {
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                state.dispatch(Action::Navigate(Route::parse(&hash)));
            });
            let window = gloo::utils::window();
            let popstate = {
                let navigate = navigate.clone();
                EventListener::new(&window, "popstate", move |_| navigate(true))
            };
            let hashchange = EventListener::new(&window, "hashchange", move |_| navigate(false));
            move || drop((popstate, hashchange))
        });
    }

    // "/" focuses the search box from anywhere but a text field.
    use_effect_with((), move |_| {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event) else {
                    return;
                };
                if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let typing = gloo::utils::document()
                    .active_element()
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                if typing {
                    return;
                }
                if let Some(input) = gloo::utils::document().get_element_by_id("search-input") {
                    if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                        event.prevent_default();
                        let _ = input.focus();
                    }
                }
            });
        move || drop(listener)
    });

    // The first view is on the page (articles or a failure): the service worker may register now.
    let shown = !matches!(state.corpus, Corpus::Loading);
    use_effect_with(shown, |&shown| {
        if shown {
            crate::first_view::announce();
        }
    });

    let body = match &state.corpus {
        Corpus::Loading => html! { <p class="status" role="status">{ "Loading the articles…" }</p> },
        Corpus::Failed(message) => html! {
            <div class="error-panel" role="alert">
                <h1>{ "Parallax could not open this corpus" }</h1>
                <p class="error-message">{ message.clone() }</p>
                <crate::components::collections_slot::CollectionsSlot />
            </div>
        },
        Corpus::Ready(corpus) => match &state.route {
            Route::Home | Route::HomeByDate => match props.bundle {
                Some(bundle) => (bundle.home)(corpus, state.route == Route::HomeByDate),
                None => Html::default(),
            },
            // Every page but the home page is drawn by the extras module (`pages::deferred`), which
            // the home page fetches once it is idle (for its pictures) and a deep link fetches at
            // once: the first visit's wasm holds neither the article page nor search.
            Route::Article { .. }
            | Route::Search { .. }
            | Route::Entities
            | Route::Entity { .. }
            | Route::Compare { .. } => {
                html! { <Deferred view="page" /> }
            }
            Route::NotFound(path) => html! { <pages::not_found::NotFound path={path.clone()} /> },
        },
        // A bundle this explorer cannot decode (the chunked sites' explorer, with a reader's
        // collection open): the extras module draws all of it but the collections panel.
        Corpus::Delegated => match &state.route {
            Route::Home | Route::HomeByDate => html! {
                <>
                    <crate::components::collections_slot::CollectionsSlot />
                    <Deferred view="page" />
                </>
            },
            Route::NotFound(path) => html! { <pages::not_found::NotFound path={path.clone()} /> },
            _ => html! { <Deferred view="page" /> },
        },
        Corpus::Chunked(chunks) => match props.chunked {
            Some(chunked) => (chunked.page)(chunks, &state),
            None => Html::default(),
        },
    };

    let source = match fetched.borrow().clone() {
        Some((of, bytes)) if of == state.collection => BundleSource::Bytes(bytes),
        _ => props.source.clone(),
    };
    let corpus_source = CorpusSource { source, collection: state.collection.clone(), reloads: state.reloads };
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
        <ContextProvider<CorpusSource> context={corpus_source}>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <Header query={match &state.route { Route::Search { query } => query.clone(), _ => String::new() }} />
            <main id="main" tabindex="-1">{ body }</main>
            <footer class="site-footer">
                <p>{ "Parallax runs entirely in your browser: no server sees what you read or search." }</p>
            </footer>
        </ContextProvider<CorpusSource>>
        </ContextProvider<AppContext>>
    }
}

/// The skip link must not change the hash (that is the router's), so it moves focus itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id("main") {
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    })
}
