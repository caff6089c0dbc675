//! The chunked corpus's home page: by outlet (each outlet's newest articles) or by date (50 at a
//! time), filtered by outlet or story, with cards for the largest stories of the newest list page.

use yew::prelude::*;

use super::chunked::{failed, more_button, use_attempt, use_chunked, use_chunked_paged, use_shown};
use crate::chunked_view::home::{self as home_view, OutletGroups, StoryCard};
use crate::chunked_view::{
    self, more_label, row_date, showing_line, Chunks, ListFilter, ListRow, ListView, PAGE,
};
use crate::components::isolate::iso;
use crate::components::offline::OfflinePanel;
use crate::state::Route;

/// Properties of [`ChunkedHome`].
#[derive(Properties, PartialEq)]
pub struct ChunkedHomeProps {
    /// The chunked corpus.
    pub corpus: Chunks,
    /// List articles newest first (`#/by-date`) instead of by outlet.
    pub by_date: bool,
}

/// The home page: the corpus at a glance, its largest stories, and its articles by outlet (each
/// outlet's newest) or newest first a page at a time, filtered by outlet or story.
#[function_component(ChunkedHome)]
pub fn chunked_home(props: &ChunkedHomeProps) -> Html {
    let (attempt, retry) = use_attempt();
    let filter = use_state(ListFilter::default);
    // A filtered list, or the by-date order, is one list paged 50 at a time; otherwise outlets.
    let flat = props.by_date || *filter != ListFilter::default();
    let (shown, more) =
        use_shown(&(flat, (*filter).clone()), if flat { PAGE } else { home_view::OUTLETS_PER_PAGE });
    let list = use_chunked_paged(
        &props.corpus,
        (flat, (*filter).clone()),
        shown,
        attempt,
        |reader, ((flat, filter), shown)| {
            Ok(if *flat {
                HomeList::Newest(chunked_view::list_view(reader, filter, *shown)?)
            } else {
                HomeList::Outlets(home_view::outlet_groups(reader, *shown, home_view::PER_OUTLET)?)
            })
        },
    );
    let (list, loading_more) = list;
    crate::extras_client::use_prefetch_extras(matches!(list, Some(Ok(_))));
    if let Some(Ok(view)) = &list {
        for row in view.rows() {
            props.corpus.remember(&row.id, row.ordinal);
        }
    }
    let reader = props.corpus.reader.borrow();
    let manifest = reader.manifest();
    let n_articles = manifest.summary.articles as usize;
    let n_outlets = manifest.outlets.len();
    let on_outlet = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            filter.set(ListFilter { outlet: value.parse().ok(), story: filter.story });
        })
    };
    let on_story = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            filter.set(ListFilter { outlet: filter.outlet, story: value.parse().ok() });
        })
    };
    let pick_outlet = {
        let filter = filter.clone();
        Callback::from(move |outlet: u32| filter.set(ListFilter { outlet: Some(outlet), story: None }))
    };
    let pick_story = {
        let filter = filter.clone();
        Callback::from(move |story: u32| filter.set(ListFilter { outlet: None, story: Some(story) }))
    };
    // Stories told by two or more articles, largest first (a filter, not a list of every story).
    let stories = &manifest.largest_stories;
    let body = match &list {
        None => html! { <p class="status" role="status">{ "Loading the articles…" }</p> },
        Some(Err(message)) => failed(message, retry),
        Some(Ok(view)) => match view.as_ref() {
            HomeList::Newest(view) => list_html(view, more, loading_more),
            HomeList::Outlets(groups) => outlets_html(groups, more, loading_more, pick_outlet),
        },
    };
    let heading = if props.by_date {
        "By date, newest first"
    } else if flat {
        "Newest first"
    } else {
        "By outlet"
    };
    html! {
        <section class="page home chunked">
            <div class="intro">
                <h1>{ "How the outlets covered it" }</h1>
                <p class="lede">
                    { format!("{} {} from {n_outlets} named {}, cleaned of scraping noise. Open one to read it, and to see exactly what was removed.",
                        crate::state::format_count(n_articles as u64),
                        if n_articles == 1 { "article" } else { "articles" },
                        if n_outlets == 1 { "outlet" } else { "outlets" }) }
                </p>
            </div>
            <OfflinePanel corpus={props.corpus.clone()} />
            <crate::components::collections_slot::CollectionsSlot />
            // The story cards wait for the list: the first screen's rows come first.
            if matches!(list, Some(Ok(_))) {
                <StoryCards corpus={props.corpus.clone()} pick={pick_story} />
            }
            <nav class="order-control" aria-label="Order articles">
                { "Order: " }
                <a href={Route::Home.href()} aria-current={(!props.by_date).then_some("page")}>{ "by outlet" }</a>
                { " · " }
                <a href={Route::HomeByDate.href()} aria-current={props.by_date.then_some("page")}>{ "by date" }</a>
            </nav>
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
                            { for stories.iter().map(|story| html! {
                                <option value={story.story.to_string()} selected={filter.story == Some(story.story)}>
                                    { format!("{} ({})", story.label, story.articles) }
                                </option>
                            }) }
                        </select>
                    </label>
                }
            </nav>
            <h2 class="section-title">{ heading }</h2>
            { body }
        </section>
    }
}

/// What the home page lists.
enum HomeList {
    /// One list, newest first.
    Newest(ListView),
    /// Outlets with their newest articles.
    Outlets(OutletGroups),
}

impl HomeList {
    fn rows(&self) -> Box<dyn Iterator<Item = &ListRow> + '_> {
        match self {
            HomeList::Newest(view) => Box::new(view.rows.iter()),
            HomeList::Outlets(groups) => Box::new(groups.groups.iter().flat_map(|g| g.rows.iter())),
        }
    }
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

fn card(row: &ListRow) -> Html {
    let minutes = row.words.div_ceil(230).max(1);
    html! {
        <li class="article-card">
            <a href={Route::article(&row.id).href()}><bdi class="card-title">{ &row.title }</bdi></a>
            <p class="card-meta">
                { row.outlet.as_ref().map(|o| html! { <><bdi class="outlet">{ o }</bdi>{ " · " }</> }).unwrap_or_default() }
                { row.date.as_ref().map(|d| html! { <><span class="card-date">{ row_date(d) }</span>{ " · " }</> }).unwrap_or_default() }
                { format!("{} words · {minutes} min read", row.words) }
            </p>
        </li>
    }
}

fn list_html(view: &ListView, more: Callback<MouseEvent>, loading: bool) -> Html {
    html! {
        <>
            <p class="list-status" role="status">{ showing_line(view.rows.len(), view.total) }</p>
            <ul class="article-list">{ for view.rows.iter().map(card) }</ul>
            { more_button(more_label(view.rows.len(), view.total), more, loading) }
        </>
    }
}

fn outlets_html(view: &OutletGroups, more: Callback<MouseEvent>, loading: bool, pick: Callback<u32>) -> Html {
    html! {
        <>
            <div class="outlet-groups">
                { for view.groups.iter().map(|group| {
                    let id = format!("outlet-{}", group.outlet);
                    let pick = {
                        let (pick, outlet) = (pick.clone(), group.outlet);
                        Callback::from(move |_: MouseEvent| pick.emit(outlet))
                    };
                    html! {
                        <section class="outlet-group" aria-labelledby={id.clone()}>
                            <h2 id={id}>{ iso(&group.name) }<span class="count">{ format!(" · {}", crate::state::format_count(group.total as u64)) }</span></h2>
                            <ul class="article-list">{ for group.rows.iter().map(card) }</ul>
                            if group.total > group.rows.len() {
                                <p><button type="button" class="button secondary all-of-outlet" onclick={pick}>
                                    { "All " }{ crate::state::format_count(group.total as u64) }{ " from " }{ iso(&group.name) }
                                </button></p>
                            }
                        </section>
                    }
                }) }
            </div>
            if view.unattributed > 0 {
                <p class="muted">{ format!("{} {} no outlet; they are listed by date.",
                    crate::state::format_count(view.unattributed as u64),
                    if view.unattributed == 1 { "article names" } else { "articles name" }) }</p>
            }
            { more_button(home_view::more_outlets_label(view.groups.len(), view.outlets), more, loading) }
        </>
    }
}

/// Properties of [`StoryCards`].
#[derive(Properties, PartialEq)]
pub struct StoryCardsProps {
    /// The chunked corpus.
    pub corpus: Chunks,
    /// Lists one story's articles (the story filter).
    pub pick: Callback<u32>,
}

/// The largest stories as cards: label, span, its first articles, "Compare coverage" and "List
/// its articles". Nothing while its list rows and story chunks load; a message if they cannot.
#[function_component(StoryCards)]
pub fn story_cards(props: &StoryCardsProps) -> Html {
    let (attempt, retry) = use_attempt();
    let cards = use_chunked(&props.corpus, (), attempt, |reader, _| {
        home_view::story_cards(reader, home_view::STORY_CARDS)
    });
    let cards = match cards {
        None => return Html::default(),
        Some(Err(message)) => {
            return html! {
                <section class="stories" aria-labelledby="stories-h">
                    <h2 id="stories-h" class="section-title">{ "Stories covered by several outlets" }</h2>
                    <div class="error-panel chunk-error" role="alert">
                        <p class="error-message">{ message }</p>
                        <p><button type="button" class="button" onclick={retry}>{ "Try again" }</button></p>
                    </div>
                </section>
            }
        }
        Some(Ok(cards)) => cards,
    };
    if cards.is_empty() {
        return Html::default();
    }
    html! {
        <section class="stories" aria-labelledby="stories-h">
            <h2 id="stories-h" class="section-title">{ "Stories covered by several outlets" }</h2>
            <ul class="story-list">
                { for cards.iter().map(|card| story_card(card, &props.pick)) }
            </ul>
        </section>
    }
}

fn story_card(card: &StoryCard, pick: &Callback<u32>) -> Html {
    let unlisted = card.articles.saturating_sub(card.rows.len());
    let list = {
        let (pick, story) = (pick.clone(), card.story);
        Callback::from(move |_: MouseEvent| pick.emit(story))
    };
    let compared = match &card.compare {
        Route::Compare { ids } => ids.len(),
        _ => 0,
    };
    html! {
        <li class="story-card">
            <p class="story-label">{ iso(&card.label) }{ card.span.as_ref().map(|span| html! { <span class="muted">{ format!(" · {span}") }</span> }).unwrap_or_default() }</p>
            { for card.follows.iter().map(|(label, route)| html! {
                <p class="story-follows muted">{ "Follows from " }<a href={route.href()}>{ iso(label) }</a></p>
            }) }
            <ul class="story-articles">
                { for card.rows.iter().map(|row| html! {
                    <li>
                        <a href={Route::article(&row.id).href()}>{ iso(&row.title) }</a>
                        <span class="muted">{ " · " }{ iso(row.outlet.as_deref().unwrap_or(crate::state::UNKNOWN_OUTLET)) }</span>
                    </li>
                }) }
            </ul>
            if unlisted > 0 {
                <p class="muted">{ format!("and {unlisted} more") }</p>
            }
            <a class="button" href={card.compare.href()}>{ format!("Compare coverage ({compared} articles)") }</a>
            { " " }
            <button type="button" class="button secondary story-articles-all" onclick={list}>
                { format!("List its {} articles", crate::state::format_count(card.articles as u64)) }
            </button>
        </li>
    }
}
