//! The pages of a chunked corpus: each asks `chunked_view` for its view model, `io::resolve`
//! fetches the chunks it names, and the page shows it; a missing or corrupt chunk is an error panel
//! in that view, with "Try again". The article, comparison and entity pages are the bundle's own
//! pages over a partial bundle of just their articles.

use std::cell::Cell;
use std::rc::Rc;

use crate::chunked_view::ListFilter;
use parallax_engine::chunked::{Needed, Reader};
use parallax_engine::search::{SearchOptions, SearchResults};
use yew::prelude::*;

use crate::chunked_view::{self, more_label, showing_line, Chunks, ListView, ENTITY_ARTICLES, PAGE};
use crate::components::isolate::iso;
use crate::components::offline::OfflinePanel;
use crate::io;
use crate::pages;
use crate::state::{AppState, Explorer, Loaded, Route};

/// The page for the current route over a chunked corpus.
pub fn page(chunks: &Chunks, state: &AppState) -> Html {
    let corpus = chunks.clone();
    match &state.route {
        Route::Home | Route::HomeByDate => html! { <ChunkedHome {corpus} /> },
        Route::Search { query } => html! { <ChunkedSearch {corpus} query={query.clone()} /> },
        Route::Article { id, query, at } => html! {
            <ChunkedArticle {corpus} id={id.clone()} query={query.clone()} at={*at}
                show_noise={state.show_noise} types={state.types} />
        },
        Route::Entities => html! { <pages::entities::EntityIndex corpus={chunks.shell.clone()} /> },
        Route::Entity { id } => html! { <ChunkedEntity {corpus} id={id.clone()} /> },
        Route::Compare { ids } => html! { <ChunkedCompare {corpus} ids={ids.clone()} /> },
        Route::NotFound(path) => html! { <pages::not_found::NotFound path={path.clone()} /> },
    }
}

/// What a view has so far: nothing yet, its answer, or why it could not be had.
type Fetched<T> = Option<Result<Rc<T>, String>>;

/// Answers `view` for `key` over the chunked corpus, fetching what it names; again whenever the
/// key changes or `attempt` is bumped ("Try again"). A stale answer (the key changed meanwhile) is
/// dropped.
#[hook]
fn use_chunked<K, T, F>(corpus: &Chunks, key: K, attempt: u32, view: F) -> Fetched<T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(&mut Reader, &K) -> Result<T, Needed> + 'static,
{
    let answer = use_state(|| None::<Result<Rc<T>, String>>);
    {
        let answer = answer.clone();
        use_effect_with((corpus.clone(), key, attempt), move |(corpus, key, _)| {
            answer.set(None);
            let current = Rc::new(Cell::new(true));
            let (corpus, key, still) = (corpus.clone(), key.clone(), current.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = io::resolve(&corpus, |reader| view(reader, &key)).await.map(Rc::new);
                if still.get() {
                    answer.set(Some(result));
                }
            });
            move || current.set(false)
        });
    }
    (*answer).clone()
}

/// "Loading…" while a view's chunks arrive.
fn loading(what: &str) -> Html {
    html! { <section class="page"><p class="status" role="status">{ format!("Loading {what}…") }</p></section> }
}

/// The error panel of a view whose chunks could not be had.
fn failed(message: &str, retry: Callback<MouseEvent>) -> Html {
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
fn use_attempt() -> (u32, Callback<MouseEvent>) {
    let attempt = use_state(|| 0u32);
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    (*attempt, retry)
}

/// Properties of the chunked pages that need only the corpus.
#[derive(Properties, PartialEq)]
pub struct ChunkedProps {
    /// The chunked corpus.
    pub corpus: Chunks,
}

/// The home page: the corpus at a glance, and its articles a page at a time, by outlet or story.
#[function_component(ChunkedHome)]
pub fn chunked_home(props: &ChunkedProps) -> Html {
    let (attempt, retry) = use_attempt();
    let shown = use_state(|| PAGE);
    let filter = use_state(ListFilter::default);
    let key = ((*filter).clone(), *shown);
    let list = use_chunked(&props.corpus, key, attempt, |reader, (filter, shown)| {
        chunked_view::list_view(reader, filter, *shown)
    });
    if let Some(Ok(view)) = &list {
        for row in &view.rows {
            props.corpus.remember(&row.id, row.ordinal);
        }
    }
    let reader = props.corpus.reader.borrow();
    let manifest = reader.manifest();
    let n_articles = manifest.summary.articles as usize;
    let n_outlets = manifest.outlets.len();
    let on_outlet = {
        let (filter, shown) = (filter.clone(), shown.clone());
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            filter.set(ListFilter { outlet: value.parse().ok(), story: filter.story });
            shown.set(PAGE);
        })
    };
    let on_story = {
        let (filter, shown) = (filter.clone(), shown.clone());
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            filter.set(ListFilter { outlet: filter.outlet, story: value.parse().ok() });
            shown.set(PAGE);
        })
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    // Stories told by two or more articles, largest first (a filter, not a list of every story).
    let mut stories: Vec<(usize, &parallax_engine::stories::Story)> =
        manifest.stories.iter().enumerate().filter(|(_, s)| s.articles.len() >= 2).collect();
    stories.sort_by(|a, b| b.1.articles.len().cmp(&a.1.articles.len()).then(a.0.cmp(&b.0)));
    stories.truncate(200);
    let body = match &list {
        None => html! { <p class="status" role="status">{ "Loading the articles…" }</p> },
        Some(Err(message)) => failed(message, retry),
        Some(Ok(view)) => list_html(view, more),
    };
    html! {
        <section class="page home chunked">
            <div class="intro">
                <h1>{ "How the outlets covered it" }</h1>
                <p class="lede">
                    { format!("{} {} from {n_outlets} named {}, cleaned of scraping noise. Open one to read it, and to see exactly what was removed.",
                        crate::state::format_number(n_articles as f64),
                        if n_articles == 1 { "article" } else { "articles" },
                        if n_outlets == 1 { "outlet" } else { "outlets" }) }
                </p>
            </div>
            <OfflinePanel corpus={props.corpus.clone()} />
            <crate::components::collections::Collections />
            <nav class="list-filters" aria-label="Filter articles">
                <label>{ "Outlet " }
                    <select id="outlet-filter" onchange={on_outlet}>
                        <option value="" selected={filter.outlet.is_none()}>{ "All outlets" }</option>
                        { for manifest.outlets.iter().enumerate().map(|(i, name)| html! {
                            <option value={i.to_string()} selected={filter.outlet == Some(i as u32)}>{ name }</option>
                        }) }
                    </select>
                </label>
                { " " }
                if !stories.is_empty() {
                    <label>{ "Story " }
                        <select id="story-filter" onchange={on_story}>
                            <option value="" selected={filter.story.is_none()}>{ "All stories" }</option>
                            { for stories.iter().map(|(i, story)| html! {
                                <option value={i.to_string()} selected={filter.story == Some(*i as u32)}>
                                    { format!("{} ({})", story.label, story.articles.len()) }
                                </option>
                            }) }
                        </select>
                    </label>
                }
            </nav>
            { body }
        </section>
    }
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

fn list_html(view: &ListView, more: Callback<MouseEvent>) -> Html {
    html! {
        <>
            <p class="list-status" role="status">{ showing_line(view.rows.len(), view.total) }</p>
            <ul class="article-list">
                { for view.rows.iter().map(|row| {
                    let minutes = row.words.div_ceil(230).max(1);
                    html! {
                        <li class="article-card">
                            <a href={Route::article(&row.id).href()}><bdi class="card-title">{ &row.title }</bdi></a>
                            <p class="card-meta">
                                { row.outlet.as_ref().map(|o| html! { <><bdi class="outlet">{ o }</bdi>{ " · " }</> }).unwrap_or_default() }
                                { row.date.as_ref().map(|d| html! { <><span class="card-date">{ d }</span>{ " · " }</> }).unwrap_or_default() }
                                { format!("{} words · {minutes} min read", row.words) }
                            </p>
                        </li>
                    }
                }) }
            </ul>
            { more_label(view.rows.len(), view.total).map(|label| html! {
                <p><button type="button" class="button secondary show-more" onclick={more}>{ label }</button></p>
            }).unwrap_or_default() }
        </>
    }
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

/// The search page: the dictionary, then the query's shards and its shown hits' articles.
#[function_component(ChunkedSearch)]
pub fn chunked_search(props: &ChunkedSearchProps) -> Html {
    crate::components::remembered::use_remember_search(&props.query);
    let (attempt, retry) = use_attempt();
    let started = use_memo((props.query.clone(), attempt), |_| now());
    let start = *started;
    let found = use_chunked(&props.corpus, props.query.clone(), attempt, move |reader, query| {
        if query.trim().is_empty() {
            return Ok(None);
        }
        let results = reader.search(query, &SearchOptions { limit: 50, prefix_last_word: true })?;
        let ordinals: Vec<usize> = results.hits.iter().map(|h| h.article).collect();
        let rows = chunked_view::rows(reader, &ordinals)?;
        let outlets = rows
            .into_iter()
            .map(|row| row.outlet.unwrap_or_else(|| crate::state::UNKNOWN_OUTLET.to_string()))
            .collect();
        Ok(Some(Found { results, outlets, took: now() - start }))
    });
    if props.query.trim().is_empty() {
        return pages::search::empty_search();
    }
    match &found {
        None => loading("the results"),
        Some(Err(message)) => failed(message, retry),
        Some(Ok(found)) => match found.as_ref() {
            None => pages::search::empty_search(),
            Some(found) => {
                for hit in &found.results.hits {
                    props.corpus.remember(&hit.id, hit.article);
                    props.corpus.remember_matches(&props.query, hit.article, &hit.matches);
                }
                pages::search::results_view(&found.results, &props.query, &found.outlets, found.took)
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

/// An article page: its one article chunk.
#[function_component(ChunkedArticle)]
pub fn chunked_article(props: &ChunkedArticleProps) -> Html {
    let (attempt, retry) = use_attempt();
    let corpus = props.corpus.clone();
    let explorer =
        use_chunked(&props.corpus, props.id.clone(), attempt, move |reader, id| {
            match ordinal_of(&corpus, reader, id)? {
                Some(ordinal) => chunked_view::partial_explorer(reader, &[ordinal])
                    .map(|e| (Loaded(Rc::new(e)), Some(ordinal))),
                None => Ok((nothing(), None)),
            }
        });
    match &explorer {
        None => loading("the article"),
        Some(Err(message)) => failed(message, retry),
        Some(Ok(found)) => {
            let (explorer, ordinal) = &**found;
            // The results page's matches for this article; none for a query typed into the link.
            let hits = props.query.as_ref().map(|query| {
                let matches = ordinal.and_then(|o| props.corpus.matches(query, o));
                Rc::new(matches.map(|m| m.iter().map(|&(s, e)| (s, e, "hit")).collect()).unwrap_or_default())
            });
            html! {
                <pages::article::ArticlePage corpus={explorer.clone()} id={props.id.clone()} query={props.query.clone()}
                    at={props.at} show_noise={props.show_noise} types={props.types} {hits} />
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

/// An entity page: its mention list, then its first articles' chunks.
#[function_component(ChunkedEntity)]
pub fn chunked_entity(props: &ChunkedEntityProps) -> Html {
    let (attempt, retry) = use_attempt();
    let corpus = props.corpus.clone();
    let view = use_chunked(&props.corpus, props.id.clone(), attempt, move |reader, id| {
        let Some(entity) = corpus.shell.bundle.entities.entity_index(id) else {
            return Ok((nothing(), 0, 0));
        };
        let (articles, total) = chunked_view::entity_articles(reader, entity, ENTITY_ARTICLES)?;
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
            html! {
                <>
                    if read < total {
                        <p class="partial-note muted" role="note">
                            { format!("Mentions below are from the first {read} of the {total} articles that name ") }{ iso(&name) }
                            { "; search for it to see them all." }
                        </p>
                    }
                    <pages::entity::EntityPage corpus={explorer.clone()} id={props.id.clone()} />
                </>
            }
        }
    }
}
