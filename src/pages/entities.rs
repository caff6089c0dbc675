//! `#/entities`: every entity the corpus mentions, by type, with counts.

use parallax_engine::entities::EntityKind;
use yew::prelude::*;

use crate::components::isolate::iso;
use crate::pictures::entity_matrix::EntityCoverage;
use crate::state::{entity_index, entity_kind_label, Loaded, Route};

/// Properties of [`EntityIndex`].
#[derive(Properties, PartialEq)]
pub struct EntityIndexProps {
    /// The loaded corpus.
    pub corpus: Loaded,
}

/// The entity index.
#[function_component(EntityIndex)]
pub fn entity_index_page(props: &EntityIndexProps) -> Html {
    let entities = &props.corpus.bundle.entities.entities;
    let columns = [EntityKind::Person, EntityKind::Org, EntityKind::Place].map(|kind| {
        let list = entity_index(&props.corpus, kind);
        html! {
            <section class={classes!("entity-column", format!("col-{}", kind.as_str()))} aria-labelledby={format!("h-{}", kind.as_str())}>
                <h2 id={format!("h-{}", kind.as_str())}>
                    <span class={classes!("swatch", format!("swatch-{}", kind.as_str()))} aria-hidden="true"></span>
                    { format!("{} · {}", plural_label(kind), list.len()) }
                </h2>
                <ol class="entity-list">
                    { for list.iter().map(|(i, c)| {
                        let e = &entities[*i];
                        html! {
                            <li>
                                <a href={Route::Entity { id: e.id.clone() }.href()}>{ iso(&e.name) }</a>
                                { for e.provisional.then(|| html! { <span class="tag" title="Recognised by rule; not in the knowledge base">{ "new" }</span> }) }
                                <span class="entity-count">{ format!("{} · {} {}", c.mentions, c.articles, if c.articles == 1 { "article" } else { "articles" }) }</span>
                            </li>
                        }
                    }) }
                </ol>
            </section>
        }
    });
    html! {
        <section class="page entities">
            <h1>{ "People, organisations and places" }</h1>
            <p class="lede">{ "Every spelling of a name is linked to one entity: open one to see each mention in context, grouped by outlet." }</p>
            <EntityCoverage corpus={props.corpus.clone()} />
            <div class="entity-columns">{ for columns }</div>
        </section>
    }
}

fn plural_label(kind: EntityKind) -> &'static str {
    match entity_kind_label(kind) {
        "Person" => "People",
        "Organisation" => "Organisations",
        _ => "Places",
    }
}
