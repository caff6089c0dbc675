//! The pages the extras module draws (`src/extras.rs`): article pages, search results, the entity
//! index, entity pages, comparisons and the home page's pictures: every view but the home page's
//! list. The explorer's module does not hold them: it names the corpus it has open
//! ([`BundleSource`]) and the route, and this module opens the same corpus itself (a bundle from
//! the bytes the explorer hands over, fetched or, for a stored collection, read from the
//! collections database by the explorer; or a chunked corpus's manifest), once per page for every
//! view it draws.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::app::AppContext;
use crate::chunked_view::Chunks;
use crate::io::{self, BundleSource};
use crate::pages;
use crate::pictures::story_matrix::StoryCoverage;
use crate::pictures::timeline::TimelinePicture;
use crate::state::{AppState, Loaded, Route, TypeFilter};

/// An open corpus.
#[derive(Clone, PartialEq)]
enum Opened {
    Bundle(Loaded),
    Chunked(Chunks),
}

thread_local! {
    /// The corpus last opened, with its key: every view of one corpus shares it.
    static OPENED: RefCell<Option<(String, Opened)>> = const { RefCell::new(None) };
    /// The article pages' switches (removed noise shown, types highlighted), kept for the page's
    /// life as the explorer kept them: the view that holds them is unmounted on the home page.
    static SWITCHES: Cell<(bool, TypeFilter)> = Cell::new((false, TypeFilter::default()));
}

async fn open(source: &BundleSource) -> Result<Opened, String> {
    match source {
        BundleSource::Chunked(folder) => {
            io::open_chunked(folder).await.map(|explorer| Opened::Chunked(Chunks(Rc::new(explorer))))
        }
        source => {
            let bundle = io::load(source).await?;
            Ok(Opened::Bundle(Loaded(Rc::new(io::explore_in_steps(bundle).await))))
        }
    }
}

/// Which of this module's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The page for the route (article, search results, entity index, entity, comparison; a
    /// chunked corpus's search results are the explorer's own).
    Page,
    /// The home page's recent searches and pinned comparisons (`components::remembered`: the
    /// explorer's wasm holds neither the stored lists' reader nor serde's), then its pictures
    /// (story coverage, timeline), drawn a part per task.
    HomePictures,
}

/// Properties of [`DeferredPage`].
#[derive(Properties, Clone, PartialEq)]
pub struct DeferredProps {
    /// Which view.
    pub view: View,
    /// The route shown.
    pub route: Route,
    /// The corpus the explorer has open.
    pub source: BundleSource,
    /// Changes when that corpus must be opened again (a stored collection that grew).
    pub key: String,
    /// A chunked article the explorer knows (the route's).
    pub known: Option<KnownArticle>,
}

/// What the explorer knows of a chunked article it has shown or listed: its ordinal, and where its
/// results page's search matched in it (the same reader's numbering: both open one manifest).
#[derive(Clone, Debug, PartialEq)]
pub struct KnownArticle {
    /// The article's ordinal.
    pub ordinal: usize,
    /// The route's search's matches in it (raw ranges), if its results page showed it.
    pub matches: Option<Vec<(usize, usize)>>,
}

/// One of the extras module's pages over the explorer's corpus: "Loading…" while this module
/// opens it, a message if it cannot.
#[function_component(DeferredPage)]
pub fn deferred_page(props: &DeferredProps) -> Html {
    let held =
        |key: &str| OPENED.with(|o| o.borrow().as_ref().filter(|(k, _)| k == key).map(|(_, c)| c.clone()));
    let opened = use_state(|| held(&props.key).map(Ok::<Opened, String>));
    let latest = use_mut_ref(String::new);
    latest.borrow_mut().clone_from(&props.key);
    // The article page's switches dispatch to this module's own state (the explorer's is not here).
    let switches = use_reducer(|| {
        let (show_noise, types) = SWITCHES.with(Cell::get);
        AppState { show_noise, types, ..AppState::new(Route::Home) }
    });
    // Kept once drawn (an effect, not a write in the middle of rendering).
    use_effect_with((switches.show_noise, switches.types), |&now| SWITCHES.with(|s| s.set(now)));
    {
        let opened = opened.clone();
        use_effect_with((props.key.clone(), props.source.clone()), move |(key, source)| {
            match held(key) {
                Some(corpus) => opened.set(Some(Ok(corpus))),
                None => {
                    opened.set(None);
                    let (key, source) = (key.clone(), source.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = open(&source).await;
                        // Another corpus was opened meanwhile: this one is not shown.
                        if *latest.borrow() != key {
                            return;
                        }
                        if let Ok(corpus) = &result {
                            OPENED.with(|o| *o.borrow_mut() = Some((key, corpus.clone())));
                        }
                        opened.set(Some(result));
                    });
                }
            }
        });
    }
    let corpus = match &*opened {
        None => return html! { <p class="status" role="status">{ "Loading…" }</p> },
        Some(Err(why)) => {
            return html! {
                <div class="error-panel" role="alert">
                    <h1>{ "Parallax could not open this corpus" }</h1>
                    <p class="error-message">{ why.clone() }</p>
                </div>
            }
        }
        Some(Ok(corpus)) => corpus.clone(),
    };
    match (props.view, corpus, &props.route) {
        (View::HomePictures, Opened::Bundle(corpus), _) => html! {
            <>
                <crate::components::remembered::RememberedLists corpus={corpus.clone()} />
                <HomePictures {corpus} />
            </>
        },
        (View::HomePictures, Opened::Chunked(_), _) => Html::default(),
        // A bundle the explorer does not decode (the chunked sites' explorer showing a reader's
        // collection): its home page is this module's too, but for the collections panel.
        (View::Page, Opened::Bundle(corpus), Route::Home | Route::HomeByDate) => {
            let pictures = html! {
                <>
                    <crate::components::remembered::RememberedLists corpus={corpus.clone()} />
                    <HomePictures corpus={corpus.clone()} />
                </>
            };
            html! {
                <pages::home::Home {corpus} by_date={props.route == Route::HomeByDate} collections=false {pictures} />
            }
        }
        (View::Page, Opened::Bundle(corpus), Route::Article { id, query, at }) => html! {
            <ContextProvider<AppContext> context={switches.clone()}>
                <pages::article::ArticlePage {corpus} id={id.clone()} query={query.clone()} at={*at}
                    show_noise={switches.show_noise} types={switches.types} />
            </ContextProvider<AppContext>>
        },
        (View::Page, Opened::Bundle(corpus), Route::Search { query }) => {
            html! { <pages::search::SearchPage {corpus} query={query.clone()} /> }
        }
        (View::Page, Opened::Bundle(corpus), Route::Entities) => {
            html! { <pages::entities::EntityIndex {corpus} /> }
        }
        (View::Page, Opened::Bundle(corpus), Route::Entity { id }) => {
            html! { <pages::entity::EntityPage {corpus} id={id.clone()} /> }
        }
        (View::Page, Opened::Bundle(corpus), Route::Compare { ids }) => {
            html! { <pages::compare::ComparePage {corpus} ids={ids.clone()} /> }
        }
        (View::Page, Opened::Chunked(corpus), Route::Article { id, query, at }) => {
            // Kept by this module's reader as by the explorer's: the article page reads them.
            if let Some(known) = &props.known {
                corpus.0.remember(id, known.ordinal);
                if let (Some(query), Some(matches)) = (query, &known.matches) {
                    corpus.0.remember_matches(query, known.ordinal, matches);
                }
            }
            html! {
                <ContextProvider<AppContext> context={switches.clone()}>
                    <pages::chunked::ChunkedArticle {corpus} id={id.clone()} query={query.clone()} at={*at}
                        show_noise={switches.show_noise} types={switches.types} />
                </ContextProvider<AppContext>>
            }
        }
        (View::Page, Opened::Chunked(chunks), Route::Entities) => {
            html! { <pages::entities::EntityIndex corpus={chunks.0.shell.clone()} /> }
        }
        (View::Page, Opened::Chunked(corpus), Route::Entity { id }) => {
            html! { <pages::chunked::ChunkedEntity {corpus} id={id.clone()} /> }
        }
        (View::Page, Opened::Chunked(corpus), Route::Compare { ids }) => {
            html! { <pages::chunked::ChunkedCompare {corpus} ids={ids.clone()} /> }
        }
        (View::Page, _, route) => html! { <pages::not_found::NotFound path={route.href()} /> },
    }
}

/// The parts of [`HomePictures`] after its first, each in a task of its own: the pictures' shared
/// aggregates, the story picture's rows and word counts, the story picture, the timeline.
const LATER_PARTS: u8 = 4;

/// Properties of [`HomePictures`].
#[derive(Properties, PartialEq)]
pub struct HomePicturesProps {
    /// The corpus.
    pub corpus: Loaded,
}

/// The home page's pictures, a part per task (a large corpus just opened never holds the page's
/// thread for all of them at once); then, while the reader looks, the entity index's counts in
/// short tasks, so its picture only sorts and draws.
#[function_component(HomePictures)]
pub fn home_pictures(props: &HomePicturesProps) -> Html {
    let drawn = use_state_eq(|| (props.corpus.clone(), 0u8));
    let stage = if drawn.0 == props.corpus { drawn.1 } else { 0 };
    {
        let drawn = drawn.clone();
        use_effect_with((props.corpus.clone(), stage), move |(corpus, now)| {
            let (corpus, now) = (corpus.clone(), *now);
            if now == LATER_PARTS {
                crate::pictures::cache::warm_entity_table(&corpus, Box::new(|| ()));
            }
            let next = (now < LATER_PARTS).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    if now == 0 {
                        // Kept for the pictures (and the entity pages), so they only draw.
                        crate::pictures::cache::basis(&corpus);
                    } else if now == 1 {
                        // The story picture's rows and word counts, kept in the basis.
                        crate::pictures::story_matrix::prepare(&corpus);
                    }
                    drawn.set((corpus, now + 1))
                })
            });
            move || drop(next)
        });
    }
    html! {
        <>
            if stage >= 3 {
                <StoryCoverage corpus={props.corpus.clone()} />
            }
            if stage >= 4 {
                <TimelinePicture corpus={props.corpus.clone()} />
            }
        </>
    }
}
