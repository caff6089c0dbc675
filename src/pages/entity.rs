//! `#/entity/<id>`: one entity: who or what it is, the spellings each outlet uses, the entities
//! it appears with, and every mention in context, grouped by outlet (a page of them at a time).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::isolate::{iso, iso_join};
use crate::pictures::co_occurring::CoOccurring;
use crate::pictures::timeline::TimelinePicture;
use crate::state::{counts_line, entity_kind_label, mentions_in_context, InContext, Loaded, Route};

/// Properties of [`EntityPage`].
#[derive(Properties, PartialEq)]
pub struct EntityPageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// The entity's id.
    pub id: String,
}

/// The entity page.
#[function_component(EntityPage)]
pub fn entity_page(props: &EntityPageProps) -> Html {
    let data = &props.corpus.bundle.entities;
    // Read once per entity, not on every redraw (a page at 10,000 articles has thousands of
    // mentions of a frequent entity).
    let view = use_memo((props.corpus.clone(), props.id.clone()), |(corpus, id)| {
        let index = corpus.bundle.entities.entity_index(id)?;
        let stats = corpus.bundle.entities.stats(index, &corpus.bundle.articles);
        let groups = mentions_in_context(corpus, index);
        let mut top = stats.co_occurring.clone();
        top.truncate(crate::pictures::co_occurring::TOP);
        Some((index, stats, Rc::new(groups), Rc::new(top)))
    });
    let Some((index, stats, groups, top)) = view.as_ref() else {
        return html! {
            <section class="page">
                <h1>{ "No such entity" }</h1>
                <p>{ "This corpus has no entity “" }{ iso(&props.id) }{ "”." }</p>
                <p><a href="#/entities">{ "All entities" }</a></p>
            </section>
        };
    };
    let index = *index;
    let entity = &data.entities[index as usize];
    let counts = props.corpus.entity_counts.get(index as usize).copied().unwrap_or_default();
    let search_href = Route::Search { query: format!("entity:{}", entity.id) }.href();
    html! {
        <section class={classes!("page", "entity-page", format!("entity-{}", entity.kind.as_str()))}>
            <p class="breadcrumbs"><a href="#/entities">{ "All entities" }</a></p>
            <header class="entity-header">
                <p class={classes!("type-badge", format!("badge-{}", entity.kind.as_str()))}>{ entity_kind_label(entity.kind) }</p>
                <h1>{ &entity.name }</h1>
                { entity.description.as_ref().map(|d| html! { <p class="lede">{ d }</p> }).unwrap_or_default() }
                { for entity.provisional.then(|| html! { <p class="muted">{ "Recognised by rule in the text; not in the curated knowledge base." }</p> }) }
                <p class="entity-stats">{ counts_line(counts) }</p>
                <p class="entity-actions">
                    <a class="button" href={search_href}>{ "Articles mentioning " }{ iso(&entity.name) }</a>
                    { entity.wikidata.as_ref().map(|q| html! {
                        <a class="button secondary" href={format!("https://www.wikidata.org/wiki/{q}")} rel="noopener" target="_blank">{ format!("Wikidata {q}") }</a>
                    }).unwrap_or_default() }
                </p>
                { for (!entity.aliases.is_empty()).then(|| html! {
                    <p class="aliases"><span class="muted">{ "Also known as: " }</span>{ iso_join(entity.aliases.iter().map(String::as_str), " · ") }</p>
                }) }
            </header>
            <div class="entity-grid">
                <section aria-labelledby="spellings">
                    <h2 id="spellings">{ "Spellings by outlet" }</h2>
                    <table class="spellings">
                        <thead><tr><th scope="col">{ "Outlet" }</th><th scope="col">{ "Spellings (mentions)" }</th></tr></thead>
                        <tbody>
                            { for stats.spellings_by_outlet.iter().map(|(outlet, spellings)| html! {
                                <tr>
                                    <th scope="row">{ iso(outlet.as_deref().unwrap_or(crate::state::UNKNOWN_OUTLET)) }</th>
                                    <td>{ for spellings.iter().enumerate().map(|(i, (s, n))| html! {
                                        <>{ if i > 0 { ", " } else { "" } }{ iso(s) }{ format!(" ({n})") }</>
                                    }) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </section>
                <section aria-labelledby="with">
                    <h2 id="with">{ "Appears most with" }</h2>
                    <CoOccurring corpus={props.corpus.clone()} top={top.clone()} />
                </section>
            </div>
            <TimelinePicture corpus={props.corpus.clone()} entity={Some(index)} />
            <section aria-labelledby="mentions">
                <h2 id="mentions">{ format!("Every mention ({})", counts.mentions) }</h2>
                <MentionGroups groups={groups.clone()} kind={entity.kind.as_str()} />
            </section>
        </section>
    }
}

/// Outlets shown at first, and added per "Show more outlets".
const GROUPS_PER_PAGE: usize = 12;
/// Mentions shown per outlet at first, and added per "Show more".
const MENTIONS_PER_PAGE: usize = 10;

/// Properties of [`MentionGroups`].
#[derive(Properties, PartialEq)]
struct MentionGroupsProps {
    groups: Rc<Vec<(String, Vec<InContext>)>>,
    /// The entity's kind, for the highlight's colour.
    kind: &'static str,
}

/// The mentions grouped by outlet, a page at a time: a frequent entity of a 10,000-article
/// corpus has thousands of mentions in hundreds of outlets, more than a page can hold at once.
#[function_component(MentionGroups)]
fn mention_groups(props: &MentionGroupsProps) -> Html {
    let shown = use_state_eq(|| GROUPS_PER_PAGE);
    let left = props.groups.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + GROUPS_PER_PAGE))
    };
    html! {
        <>
            { for props.groups.iter().take(*shown).map(|(outlet, _)| html! {
                <MentionGroup key={outlet.clone()} outlet={outlet.clone()} groups={props.groups.clone()} kind={props.kind} />
            }) }
            if left > 0 {
                <p class="more-mentions"><button type="button" class="button secondary" onclick={more}>
                    { format!("Show {} more outlets ({left} not shown)", left.min(GROUPS_PER_PAGE)) }
                </button></p>
            }
        </>
    }
}

/// Properties of [`MentionGroup`].
#[derive(Properties, PartialEq)]
struct MentionGroupProps {
    outlet: String,
    groups: Rc<Vec<(String, Vec<InContext>)>>,
    kind: &'static str,
}

/// One outlet's mentions, [`MENTIONS_PER_PAGE`] at a time.
#[function_component(MentionGroup)]
fn mention_group(props: &MentionGroupProps) -> Html {
    let shown = use_state_eq(|| MENTIONS_PER_PAGE);
    let Some((_, items)) = props.groups.iter().find(|(o, _)| *o == props.outlet) else {
        return Html::default();
    };
    let left = items.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + MENTIONS_PER_PAGE * 5))
    };
    html! {
        <section class="mention-group">
            <h3>{ iso(&props.outlet) }{ format!(" · {}", items.len()) }</h3>
            <ul class="mentions">
                { for items.iter().take(*shown).map(|m| html! {
                    <li>
                        <blockquote>
                            { if m.cut_before { "…" } else { "" } }
                            <bdi>{ &m.before }<mark class={classes!("ent", format!("ent-{}", props.kind))}>{ &m.surface }</mark>{ &m.after }</bdi>
                            { if m.cut_after { "…" } else { "" } }
                        </blockquote>
                        <a class="source" href={Route::Article { id: m.article.clone(), query: None, at: Some(m.start) }.href()}>{ iso(&m.title) }</a>
                    </li>
                }) }
            </ul>
            if left > 0 {
                <button type="button" class="link-button more-mentions" onclick={more}>
                    { format!("Show {} more ({left} not shown)", left.min(MENTIONS_PER_PAGE * 5)) }
                </button>
            }
        </section>
    }
}
