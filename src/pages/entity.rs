//! `#/entity/<id>`: one entity: who or what it is, the spellings each outlet uses, the entities
//! it appears with, and every mention in context, grouped by outlet.

use yew::prelude::*;

use crate::components::isolate::{iso, iso_join};
use crate::pictures::co_occurring::CoOccurring;
use crate::pictures::timeline::TimelinePicture;
use crate::state::{counts_line, entity_kind_label, mentions_in_context, Loaded, Route};

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
    let Some(index) = data.entity_index(&props.id) else {
        return html! {
            <section class="page">
                <h1>{ "No such entity" }</h1>
                <p>{ "This corpus has no entity “" }{ iso(&props.id) }{ "”." }</p>
                <p><a href="#/entities">{ "All entities" }</a></p>
            </section>
        };
    };
    let entity = &data.entities[index as usize];
    let stats = data.stats(index, &props.corpus.bundle.articles);
    let counts = props.corpus.entity_counts.get(index as usize).copied().unwrap_or_default();
    let groups = mentions_in_context(&props.corpus, index);
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
                                    <th scope="row">{ iso(outlet_label(outlet)) }</th>
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
                    <CoOccurring corpus={props.corpus.clone()} entity={index} />
                </section>
            </div>
            <TimelinePicture corpus={props.corpus.clone()} entity={Some(index)} />
            <section aria-labelledby="mentions">
                <h2 id="mentions">{ format!("Every mention ({})", counts.mentions) }</h2>
                { for groups.iter().map(|(outlet, items)| html! {
                    <section class="mention-group">
                        <h3>{ iso(outlet) }{ format!(" · {}", items.len()) }</h3>
                        <ul class="mentions">
                            { for items.iter().map(|m| html! {
                                <li>
                                    <blockquote>
                                        { if m.cut_before { "…" } else { "" } }
                                        <bdi>{ &m.before }<mark class={classes!("ent", format!("ent-{}", entity.kind.as_str()))}>{ &m.surface }</mark>{ &m.after }</bdi>
                                        { if m.cut_after { "…" } else { "" } }
                                    </blockquote>
                                    <a class="source" href={Route::Article { id: m.article.clone(), query: None, at: Some(m.start) }.href()}>{ iso(&m.title) }</a>
                                </li>
                            }) }
                        </ul>
                    </section>
                }) }
            </section>
        </section>
    }
}

fn outlet_label(outlet: &str) -> &str {
    if outlet == parallax_engine::entities::UNATTRIBUTED {
        crate::state::UNKNOWN_OUTLET
    } else {
        outlet
    }
}
