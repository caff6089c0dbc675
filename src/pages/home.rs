//! `#/`: the corpus at a glance, articles grouped by outlet.

use parallax_engine::Article;
use yew::prelude::*;

use crate::chunked_view::{more_label, showing_line, PAGE};
use crate::components::isolate::iso;
use crate::state::{articles_by_outlet, Loaded, Route};

/// Properties of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// List articles newest first instead of by outlet (`#/by-date`).
    #[prop_or_default]
    pub by_date: bool,
    /// Whether the page holds the collections panel: not where the extras module draws it (for
    /// the chunked sites' explorer, which draws the panel itself above it).
    #[prop_or(true)]
    pub collections: bool,
    /// The recent searches, pinned comparisons and pictures: the extras module's view, or, where
    /// the extras module draws the page, the view itself.
    #[prop_or_else(deferred_pictures)]
    pub pictures: Html,
}

fn deferred_pictures() -> Html {
    html! { <crate::extras_client::Deferred view="home-pictures" /> }
}

/// The steps after the first screen, each in a task of its own (see [`Home`]): the remembered
/// searches and comparisons with the pictures (drawn by the extras module, the pictures a part per
/// task: `pages::deferred::HomePictures`), the story list.
const LATER_PARTS: u8 = 2;

/// The home page. Its first screen (the lede, the collections and the article list) is drawn at
/// once; the pictures and the story list follow one per task, so a large corpus just opened never
/// holds the page's thread for all of them at once.
#[function_component(Home)]
pub fn home(props: &HomeProps) -> Html {
    // How many of the later parts are drawn, for this corpus (another corpus starts again at 0;
    // the page is not remounted for it, so the collections panel keeps its state).
    let drawn = use_state_eq(|| (props.corpus.clone(), 0u8));
    let stage = if drawn.0 == props.corpus { drawn.1 } else { 0 };
    {
        let drawn = drawn.clone();
        use_effect_with((props.corpus.clone(), stage), move |(corpus, now)| {
            let (corpus, now) = (corpus.clone(), *now);
            // The pictures (and with them the extras module's download) wait until the browser
            // is idle after the first screen is painted, so they never compete with it.
            let next = if now == 0 {
                crate::extras_client::when_idle(move || drawn.set((corpus, 1)));
                None
            } else {
                (now < LATER_PARTS)
                    .then(|| gloo::timers::callback::Timeout::new(0, move || drawn.set((corpus, now + 1))))
            };
            move || drop(next)
        });
    }
    // A page of articles at a time: a corpus of thousands would not fit one page.
    let shown = use_state_eq(|| PAGE);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let bundle = &props.corpus.bundle;
    // The groups are made once per corpus: the page draws again for each later part, and at
    // 10,000 articles grouping them was a large part of each of those passes.
    let groups = use_memo(props.corpus.clone(), |corpus| articles_by_outlet(&corpus.bundle));
    let n_articles = props.corpus.bundle.articles.len();
    let paged = outlet_pages(&groups, *shown);
    let paging = (n_articles > PAGE).then(|| {
        let on_page = (*shown).min(n_articles);
        html! {
            <>
                <p class="list-status" role="status">{ showing_line(on_page, n_articles) }</p>
                { more_label(on_page, n_articles).map(|label| html! {
                    <p><button type="button" class="button secondary show-more" onclick={more.clone()}>{ label }</button></p>
                }).unwrap_or_default() }
            </>
        }
    });
    let n_outlets = named_outlets(&groups);
    html! {
        <section class="page home">
            <div class="intro">
                <h1>{ "How the outlets covered it" }</h1>
                <p class="lede">{ lede(n_articles, n_outlets) }</p>
            </div>
            if props.collections {
                <crate::components::collections_slot::CollectionsSlot />
            }
            // Recent searches and pinned comparisons, then the pictures: the extras module's.
            if stage >= 1 {
                { props.pictures.clone() }
            }
            if stage >= 2 {
                <Stories corpus={props.corpus.clone()} />
            }
            <nav class="order-control" aria-label="Order articles">
                { "Order: " }
                <a href={Route::Home.href()} aria-current={(!props.by_date).then_some("page")}>{ "by outlet" }</a>
                { " · " }
                <a href={Route::HomeByDate.href()} aria-current={props.by_date.then_some("page")}>{ "by date" }</a>
            </nav>
            if props.by_date {
                <h2 class="section-title">{ "By date, newest first" }</h2>
                <ul class="article-list">
                    { for crate::state::articles_by_date(bundle).into_iter().take(*shown).filter_map(|i| Some((bundle.articles.get(i)?, crate::state::card_date(bundle, i), props.corpus.words(i)))).map(|(a, d, words)| article_card(a, d, words)) }
                </ul>
                { paging.clone().unwrap_or_default() }
            } else {
            <h2 class="section-title">{ "By outlet" }</h2>
            <div class="outlet-groups">
                { for paged.iter().map(|(outlet, articles, total)| html! {
                    <section class="outlet-group" aria-labelledby={outlet_heading_id(outlet)}>
                        <h2 id={outlet_heading_id(outlet)}>
                            { iso(outlet) }
                            <span class="count">{ format!(" · {total}") }</span>
                        </h2>
                        <ul class="article-list">
                            { for articles.iter().filter_map(|&i| Some((i, bundle.articles.get(i)?))).map(|(i, a)| article_card(a, crate::state::card_date(bundle, i), props.corpus.words(i))) }
                        </ul>
                    </section>
                }) }
            </div>
            { paging.unwrap_or_default() }
            }
        </section>
    }
}

fn article_card(article: &Article, date: Option<String>, words: usize) -> Html {
    html! {
        <li class="article-card">
            <a href={Route::article(&article.id).href()}>
                <bdi class="card-title">{ &article.title.text }</bdi>
            </a>
            <p class="card-meta">
                { date.map(|d| html! { <><span class="card-date">{ d }</span>{ " · " }</> }).unwrap_or_default() }
                { reading_time(words) }
                { article.byline.as_ref().map(|b| html! { <>{ " · " }<bdi class="byline">{ &b.text }</bdi></> }).unwrap_or_default() }
            </p>
        </li>
    }
}

/// The first `shown` articles, taken group by group in the order shown: each outlet with the
/// articles of it on the page and its total. The pre-rendered first view (`crate::prerender`)
/// shows the same page.
pub fn outlet_pages(groups: &[(String, Vec<usize>)], shown: usize) -> Vec<(&String, &[usize], usize)> {
    let mut left = shown;
    groups
        .iter()
        .map(|(outlet, articles)| {
            let take = articles.len().min(left);
            left -= take;
            (outlet, &articles[..take], articles.len())
        })
        .filter(|(_, articles, _)| !articles.is_empty())
        .collect()
}

/// Outlets with a name among [`articles_by_outlet`]'s groups.
pub fn named_outlets(groups: &[(String, Vec<usize>)]) -> usize {
    groups.iter().filter(|(name, _)| name != crate::state::UNKNOWN_OUTLET).count()
}

/// The home page's lede: what the corpus holds.
pub fn lede(n_articles: usize, n_outlets: usize) -> String {
    format!(
        "{n_articles} {} from {n_outlets} {}, cleaned of scraping noise. Open one to read it, and to see exactly what was removed.",
        plural(n_articles, "article", "articles"),
        plural(n_outlets, "named outlet", "named outlets")
    )
}

/// An article card's length: "812 words · 4 min read".
pub fn reading_time(words: usize) -> String {
    let minutes = words.div_ceil(230).max(1);
    format!("{words} words · {minutes} min read")
}

/// The id of an outlet group's heading.
pub fn outlet_heading_id(outlet: &str) -> String {
    format!("outlet-{}", parallax_engine::model::slugify(outlet, 8))
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Story cards shown at first and per "Show more stories": a 10,000-article corpus has thousands
/// of stories, and listing them all put 68,000 elements on the home page, which every picture
/// above it then paid for in layout, hit tests and selection on each click.
const STORIES_SHOWN: usize = 12;
/// Articles a story card lists; "List all N articles" searches the story for the rest.
const STORY_ARTICLES: usize = 12;

/// Properties of [`Stories`].
#[derive(Properties, PartialEq)]
struct StoriesProps {
    corpus: Loaded,
}

/// Stories told by two or more articles, each with its "Compare coverage" action, a page of
/// cards at a time.
#[function_component(Stories)]
fn stories(props: &StoriesProps) -> Html {
    let shown = use_state_eq(|| STORIES_SHOWN);
    let bundle = &props.corpus.bundle;
    let shared: Vec<_> = bundle.stories.iter().filter(|s| s.articles.len() >= 2).collect();
    if shared.is_empty() {
        return Html::default();
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + STORIES_SHOWN))
    };
    let left = shared.len().saturating_sub(*shown);
    html! {
        <section class="stories" aria-labelledby="stories-h">
            <h2 id="stories-h" class="section-title">{ "Stories covered by several outlets" }</h2>
            <ul class="story-list">
                { for shared.iter().take(*shown).map(|story| html! {
                    <li class="story-card">
                        <p class="story-label">{ iso(&story.label) }{ crate::state::story_span(story).map(|span| html! { <span class="muted">{ format!(" · {span}") }</span> }).unwrap_or_default() }</p>
                        { for crate::state::follows_links(bundle, story).into_iter().map(|(label, route)| html! {
                            <p class="story-follows muted">{ "Follows from " }<a href={route.href()}>{ iso(&label) }</a></p>
                        }) }
                        <ul class="story-articles">
                            { for story.articles.iter().take(STORY_ARTICLES).filter_map(|id| bundle.article(id)).map(|a| html! {
                                <li>
                                    <a href={Route::article(&a.id).href()}>{ iso(&a.title.text) }</a>
                                    <span class="muted">{ " · " }{ iso(a.outlet.as_ref().map_or(crate::state::UNKNOWN_OUTLET, |o| o.name.as_str())) }</span>
                                </li>
                            }) }
                        </ul>
                        if story.articles.len() > STORY_ARTICLES {
                            <p class="muted"><a href={Route::Search { query: format!("story:{}", story.id) }.href()}>
                                { format!("List all {} articles", story.articles.len()) }
                            </a></p>
                        }
                        <a class="button" href={crate::state::story_compare_route(bundle, story).href()}>
                            { format!("Compare coverage ({} articles)", story.articles.len().min(3)) }
                        </a>
                    </li>
                }) }
            </ul>
            if left > 0 {
                <p><button type="button" class="button secondary show-more-stories" onclick={more}>
                    { format!("Show {} more stories (of {})", left.min(STORIES_SHOWN), shared.len()) }
                </button></p>
            }
        </section>
    }
}
