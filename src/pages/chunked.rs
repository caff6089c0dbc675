//! The pages of a chunked corpus: each asks `chunked_view` for its view model, `io::resolve`
//! fetches the chunks it names, and the page shows it; a missing or corrupt chunk is an error panel
//! in that view, with "Try again". The article, comparison and entity pages are the bundle's own
//! pages over a partial bundle of just their articles. The home page is `chunked_home`; the
//! chunked sites' explorer draws the home page and search results, and the extras module
//! (`pages::deferred`) the article, comparison and entity pages.

use std::cell::Cell;
use std::rc::Rc;

use parallax_engine::chunked::{Needed, Reader};
use parallax_engine::search::{SearchOptions, SearchResults};
use yew::prelude::*;

use crate::chunked_view::home::{self as home_view};
use crate::chunked_view::{self, Chunks, ENTITY_ARTICLES, HITS};
use crate::components::isolate::iso;
use crate::io;
use crate::pages;
use crate::pages::chunked_home::ChunkedHome;
use crate::state::{format_count, AppState, Explorer, Loaded, Route};

/// The page for the current route over a chunked corpus.
pub fn page(chunks: &Chunks, state: &AppState) -> Html {
    let corpus = chunks.clone();
    match &state.route {
        Route::Home => html! { <ChunkedHome {corpus} by_date={false} /> },
        Route::HomeByDate => html! { <ChunkedHome {corpus} by_date={true} /> },
        Route::Search { query } => html! { <ChunkedSearch {corpus} query={query.clone()} /> },
        // Drawn by the extras module (`pages::deferred`), fetched the first time one is opened: a
        // cold search's wasm holds no article, entity or comparison page. An article this visit
        // has listed is handed over with its ordinal and its results page's matches.
        Route::Article { id, query, .. } => {
            html! { <crate::extras_client::DeferredKnown known={known_article(chunks, id, query.as_deref())} /> }
        }
        Route::Entities | Route::Entity { .. } | Route::Compare { .. } => {
            html! { <crate::extras_client::Deferred view="page" /> }
        }
        Route::NotFound(path) => html! { <pages::not_found::NotFound path={path.clone()} /> },
    }
}

/// What the extras module is told of an article a view here has shown or listed (its prop
/// `known`, `src/extras.rs`), so it neither looks the id up in an `ids` page nor
/// runs the results page's search again for its highlights.
fn known_article(chunks: &Chunks, id: &str, query: Option<&str>) -> Option<crate::extras_client::Input> {
    use wasm_bindgen::JsValue;
    let ordinal = chunks.known(id)?;
    let value = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&value, &"ordinal".into(), &JsValue::from(ordinal as f64));
    let mut key = format!("{ordinal}");
    if let Some(matches) = query.and_then(|query| chunks.matches(query, ordinal)) {
        let flat: Vec<f64> = matches.iter().flat_map(|&(s, e)| [s as f64, e as f64]).collect();
        let _ = js_sys::Reflect::set(&value, &"matches".into(), &js_sys::Float64Array::from(flat.as_slice()));
        key.push_str(" with matches");
    }
    Some(crate::extras_client::Input { key, value: value.into() })
}

/// What a view has so far: nothing yet, its answer, or why it could not be had.
type Fetched<T> = Option<Result<Rc<T>, String>>;

/// Answers `view` for `key` over the chunked corpus, fetching what it names; again whenever the
/// key changes or `attempt` is bumped ("Try again"). A stale answer (the key changed meanwhile) is
/// dropped.
#[hook]
pub(crate) fn use_chunked<K, T, F>(corpus: &Chunks, key: K, attempt: u32, view: F) -> Fetched<T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(&mut Reader, &K) -> Result<T, Needed> + 'static,
{
    use_chunked_paged(corpus, key, 0, attempt, move |reader, (key, _)| view(reader, key)).0
}

/// As [`use_chunked`] for a view shown `shown` items at a time ("Show more"): while more of the
/// same `base` loads, the answer shown so far stays (and the second value says it is loading), so
/// the page does not blank and lose its scroll position.
#[hook]
pub(crate) fn use_chunked_paged<B, T, F>(
    corpus: &Chunks,
    base: B,
    shown: usize,
    attempt: u32,
    view: F,
) -> (Fetched<T>, bool)
where
    B: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(&mut Reader, &(B, usize)) -> Result<T, Needed> + 'static,
{
    let answer = use_state(|| None::<Result<Rc<T>, String>>);
    let loading = use_state_eq(|| false);
    // The base of the answer shown: more of the same keeps it until the rest arrives.
    let shown_base = use_mut_ref(|| None::<B>);
    {
        let (answer, loading, shown_base) = (answer.clone(), loading.clone(), shown_base.clone());
        use_effect_with((corpus.clone(), (base, shown), attempt), move |(corpus, key, _)| {
            let current = Rc::new(Cell::new(true));
            let stop = {
                let current = current.clone();
                move || current.set(false)
            };
            // Everything at hand (a warm search, a page seen before): the answer at once, with no
            // "Loading…" drawn and taken down in between, and no wait for a task of its own.
            let first = view(&mut corpus.reader.borrow_mut(), key);
            let needed = match first {
                Ok(found) => {
                    *shown_base.borrow_mut() = Some(key.0.clone());
                    answer.set(Some(Ok(Rc::new(found))));
                    loading.set(false);
                    return stop;
                }
                Err(needed) => needed,
            };
            // Only a shown answer is kept: after an error, "Try again" shows "Loading…" again.
            let keep = shown_base.borrow().as_ref() == Some(&key.0) && matches!(*answer, Some(Ok(_)));
            if !keep {
                answer.set(None);
            }
            loading.set(true);
            let (corpus, key, still) = (corpus.clone(), key.clone(), current.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    io::resolve_after(&corpus, needed, |reader| view(reader, &key)).await.map(Rc::new);
                if still.get() {
                    *shown_base.borrow_mut() = Some(key.0.clone());
                    answer.set(Some(result));
                    loading.set(false);
                }
            });
            stop
        });
    }
    ((*answer).clone(), *loading)
}

/// How many items a paged view shows for `base`: its own count while the base stays, the first
/// page's when it changes (a new query or entity starts from the top).
#[hook]
pub(crate) fn use_shown<B: PartialEq + Clone + 'static>(
    base: &B,
    first: usize,
) -> (usize, Callback<MouseEvent>) {
    let state = use_state(|| (base.clone(), first));
    let shown = if &state.0 == base { state.1 } else { first };
    let more = {
        let (state, base) = (state.clone(), base.clone());
        Callback::from(move |_: MouseEvent| state.set((base.clone(), shown + first)))
    };
    (shown, more)
}

/// "Loading…" while a view's chunks arrive.
fn loading(what: &str) -> Html {
    html! { <section class="page"><p class="status" role="status">{ format!("Loading {what}…") }</p></section> }
}

/// The error panel of a view whose chunks could not be had.
pub(crate) fn failed(message: &str, retry: Callback<MouseEvent>) -> Html {
    html! {
        <section class="page">
            <div class="error-panel chunk-error" role="alert">
                <h1>{ "This page could not be loaded" }</h1>
                <p class="error-message">{ message }</p>
                <p><button type="button" class="button" onclick={retry}>{ "Try again" }</button>
                    { " " }<a href="#/">{ "Back to all articles" }</a></p>
            </div>
        </section>
    }
}

/// A "Try again" counter.
#[hook]
pub(crate) fn use_attempt() -> (u32, Callback<MouseEvent>) {
    let attempt = use_state(|| 0u32);
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    (*attempt, retry)
}

/// The "Show more" button (disabled while more loads).
pub(crate) fn more_button(label: Option<String>, more: Callback<MouseEvent>, loading: bool) -> Html {
    label
        .map(|label| {
            html! {
                <p><button type="button" class="button secondary show-more" onclick={more} disabled={loading}>
                    { if loading { "Loading…".to_string() } else { label } }
                </button></p>
            }
        })
        .unwrap_or_default()
}

/// Properties of [`ChunkedSearch`].
#[derive(Properties, PartialEq)]
pub struct ChunkedSearchProps {
    /// The chunked corpus.
    pub corpus: Chunks,
    /// The query as typed.
    pub query: String,
}

/// Search results with the outlet of each hit.
struct Found {
    results: SearchResults,
    outlets: Vec<String>,
    took: f64,
}

/// The search page: the dictionary, then the query's shards and its shown hits' articles (10 at
/// a time: each shown hit's article is fetched for its snippet).
#[function_component(ChunkedSearch)]
pub fn chunked_search(props: &ChunkedSearchProps) -> Html {
    crate::components::remembered::use_remember_search(&props.query);
    let (attempt, retry) = use_attempt();
    let (shown, more) = use_shown(&props.query, HITS);
    let started = use_memo((props.query.clone(), shown, attempt), |_| now());
    let start = *started;
    let corpus = props.corpus.clone();
    let (found, loading_more) = use_chunked_paged(
        &props.corpus,
        props.query.clone(),
        shown,
        attempt,
        move |reader, (query, shown)| {
            if query.trim().is_empty() {
                return Ok(None);
            }
            let results = reader.search(query, &SearchOptions { limit: *shown, prefix_last_word: true })?;
            let ordinals: Vec<usize> = results.hits.iter().map(|h| h.article).collect();
            let outlets = chunked_view::hit_outlets(reader, &ordinals)?
                .into_iter()
                .map(|outlet| outlet.unwrap_or_else(|| crate::state::UNKNOWN_OUTLET.to_string()))
                .collect();
            // Once per answer, not per drawing of it: where the hits are, and their matches for
            // the article pages they link to.
            for hit in &results.hits {
                corpus.remember(&hit.id, hit.article);
                corpus.remember_matches(query, hit.article, &hit.matches);
            }
            Ok(Some(Found { results, outlets, took: now() - start }))
        },
    );
    crate::extras_client::use_prefetch_extras(matches!(found, Some(Ok(_))));
    if props.query.trim().is_empty() {
        return pages::search::empty_search();
    }
    match &found {
        None => loading("the results"),
        Some(Err(message)) => failed(message, retry),
        Some(Ok(found)) => match found.as_ref() {
            None => pages::search::empty_search(),
            Some(found) => {
                let shown = found.results.hits.len();
                let label = (shown < found.results.total).then(|| {
                    let next = HITS.min(found.results.total - shown);
                    format!("Show {next} more {}", if next == 1 { "result" } else { "results" })
                });
                pages::search::results_view(
                    &found.results,
                    &props.query,
                    &found.outlets,
                    found.took,
                    more_button(label, more, loading_more),
                )
            }
        },
    }
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// The ordinal of the article with this id: known from a view already shown, else searched for.
fn ordinal_of(corpus: &Chunks, reader: &Reader, id: &str) -> Result<Option<usize>, Needed> {
    match corpus.known(id) {
        Some(ordinal) => Ok(Some(ordinal)),
        None => chunked_view::find_ordinal(reader, id),
    }
}

/// An empty explorer: the bundle pages' own "no such article" answers.
fn nothing() -> Loaded {
    Loaded(Rc::new(Explorer::new(parallax_engine::Bundle::default())))
}

/// Properties of [`ChunkedArticle`].
#[derive(Properties, PartialEq)]
pub struct ChunkedArticleProps {
    /// The chunked corpus.
    pub corpus: Chunks,
    /// The article's id.
    pub id: String,
    /// A search whose matches to highlight (those its results page found).
    #[prop_or_default]
    pub query: Option<String>,
    /// Raw offset to scroll into view.
    #[prop_or_default]
    pub at: Option<usize>,
    /// Whether removed noise is shown in place.
    pub show_noise: bool,
    /// Which entity types are highlighted.
    pub types: crate::state::TypeFilter,
}

/// An article page: its one article chunk, then the list rows of its story's other reports (a
/// story chunk and a list page, asked for once the article shows: the article does not wait for
/// them, and one that cannot be read is a message in the panel's place, not in the article's).
#[function_component(ChunkedArticle)]
pub fn chunked_article(props: &ChunkedArticleProps) -> Html {
    let (attempt, retry) = use_attempt();
    let corpus = props.corpus.clone();
    let explorer = use_chunked(&props.corpus, props.id.clone(), attempt, move |reader, id| {
        let Some(ordinal) = ordinal_of(&corpus, reader, id)? else {
            return Ok((nothing(), None));
        };
        Ok((Loaded(Rc::new(chunked_view::partial_explorer(reader, &[ordinal])?)), Some(ordinal)))
    });
    let ready = matches!(explorer, Some(Ok(_)));
    let (also_attempt, also_retry) = use_attempt();
    let corpus = props.corpus.clone();
    let also =
        use_chunked(&props.corpus, (props.id.clone(), ready), also_attempt, move |reader, (id, ready)| {
            if !*ready {
                return Ok(None);
            }
            let Some(ordinal) = ordinal_of(&corpus, reader, id)? else { return Ok(None) };
            let also = home_view::also_reported(reader, ordinal, id, home_view::ALSO_REPORTED)?;
            Ok(also.map(|(also, ordinals)| {
                for (other, &o) in also.others.iter().zip(&ordinals) {
                    corpus.remember(&other.id, o);
                }
                also
            }))
        });
    // A query in a link not opened from this visit's results page: its search runs once the article
    // shows (the dictionary, its shards and the first page of hits, as the results page fetches).
    let corpus = props.corpus.clone();
    let typed = use_chunked(
        &props.corpus,
        (props.id.clone(), props.query.clone(), ready),
        attempt,
        move |reader, (id, query, ready)| {
            let (Some(query), true) = (query, *ready) else { return Ok(None) };
            let Some(ordinal) = ordinal_of(&corpus, reader, id)? else { return Ok(None) };
            if let Some(matches) = corpus.matches(query, ordinal) {
                return Ok(Some(matches));
            }
            let matches = chunked_view::query_matches(reader, query, ordinal)?.unwrap_or_default();
            corpus.remember_matches(query, ordinal, &matches);
            Ok(corpus.matches(query, ordinal))
        },
    );
    match &explorer {
        None => loading("the article"),
        Some(Err(message)) => failed(message, retry),
        Some(Ok(found)) => {
            let (explorer, ordinal) = &**found;
            // The results page's matches for this article, or the typed link's once searched.
            let hits = props.query.as_ref().map(|query| {
                let matches = ordinal.and_then(|o| props.corpus.matches(query, o)).or_else(|| match &typed {
                    Some(Ok(found)) => (**found).clone(),
                    _ => None,
                });
                Rc::new(matches.map(|m| m.iter().map(|&(s, e)| (s, e, "hit")).collect()).unwrap_or_default())
            });
            // Until the story's reports arrive (or when they cannot), no panel.
            let (shown, problem) = match &also {
                Some(Ok(also)) => (also.clone(), None),
                Some(Err(message)) => (Rc::new(None), Some(message)),
                None => (Rc::new(None), None),
            };
            html! {
                <>
                    <pages::article::ArticlePage corpus={explorer.clone()} id={props.id.clone()} query={props.query.clone()}
                        at={props.at} show_noise={props.show_noise} types={props.types} {hits} also={Some(shown)} />
                    if let Some(message) = problem {
                        <aside class="story-panel error-panel chunk-error" role="alert" aria-label="Other coverage of this story">
                            <p><strong>{ "Other coverage of this story could not be loaded. " }</strong>{ message.clone() }</p>
                            <p><button type="button" class="button" onclick={also_retry}>{ "Try again" }</button></p>
                        </aside>
                    }
                </>
            }
        }
    }
}

/// Properties of [`ChunkedCompare`].
#[derive(Properties, PartialEq)]
pub struct ChunkedCompareProps {
    /// The chunked corpus.
    pub corpus: Chunks,
    /// The compared article ids, in column order.
    pub ids: Vec<String>,
}

/// A comparison: the chunks of its two or three articles.
#[function_component(ChunkedCompare)]
pub fn chunked_compare(props: &ChunkedCompareProps) -> Html {
    let (attempt, retry) = use_attempt();
    let corpus = props.corpus.clone();
    let explorer = use_chunked(&props.corpus, props.ids.clone(), attempt, move |reader, ids| {
        let mut ordinals = Vec::new();
        for id in ids {
            if let Some(ordinal) = ordinal_of(&corpus, reader, id)? {
                ordinals.push(ordinal);
            }
        }
        chunked_view::partial_explorer(reader, &ordinals).map(|e| Loaded(Rc::new(e)))
    });
    match &explorer {
        None => loading("the articles to compare"),
        Some(Err(message)) => failed(message, retry),
        Some(Ok(explorer)) => html! {
            <pages::compare::ComparePage corpus={(**explorer).clone()} ids={props.ids.clone()} />
        },
    }
}

/// Properties of [`ChunkedEntity`].
#[derive(Properties, PartialEq)]
pub struct ChunkedEntityProps {
    /// The chunked corpus.
    pub corpus: Chunks,
    /// The entity's id.
    pub id: String,
}

/// An entity page: its mention list, then its first articles' chunks, 40 more per "Show more".
#[function_component(ChunkedEntity)]
pub fn chunked_entity(props: &ChunkedEntityProps) -> Html {
    let (attempt, retry) = use_attempt();
    let (read, more) = use_shown(&props.id, ENTITY_ARTICLES);
    let corpus = props.corpus.clone();
    let (view, loading_more) =
        use_chunked_paged(&props.corpus, props.id.clone(), read, attempt, move |reader, (id, read)| {
            let Some(entity) = corpus.shell.bundle.entities.entity_index(id) else {
                return Ok((nothing(), 0, 0));
            };
            let (articles, total) = chunked_view::entity_articles(reader, entity, *read)?;
            let explorer = chunked_view::partial_explorer(reader, &articles)?;
            for (article, &ordinal) in explorer.bundle.articles.iter().zip(&articles) {
                corpus.remember(&article.id, ordinal);
            }
            Ok((Loaded(Rc::new(explorer)), articles.len(), total))
        });
    match &view {
        None => loading("the entity's mentions"),
        Some(Err(message)) => failed(message, retry),
        Some(Ok(view)) => {
            let (explorer, read, total) = &**view;
            let name = props
                .corpus
                .shell
                .bundle
                .entities
                .entity_index(&props.id)
                .and_then(|e| props.corpus.shell.bundle.entities.entities.get(e as usize))
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let label = (read < total).then(|| {
                let next = ENTITY_ARTICLES.min(total - read);
                format!("Show mentions in {next} more {}", if next == 1 { "article" } else { "articles" })
            });
            html! {
                <>
                    if read < total {
                        <p class="partial-note muted" role="note">
                            { format!("Mentions below are from the first {} of the {} articles that name ", format_count(*read as u64), format_count(*total as u64)) }{ iso(&name) }{ "." }
                        </p>
                    }
                    <pages::entity::EntityPage corpus={explorer.clone()} id={props.id.clone()} />
                    <div class="page entity-more">{ more_button(label, more, loading_more) }</div>
                </>
            }
        }
    }
}
