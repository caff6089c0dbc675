//! `#/entities`: every entity the corpus mentions, by type, with counts.

use parallax_engine::entities::EntityKind;
use yew::prelude::*;

use crate::components::isolate::iso;
use crate::pictures::entity_matrix::EntityCoverage;
use crate::state::{entity_index, entity_kind_label, format_count, Loaded, Route};

/// Properties of [`EntityIndex`].
#[derive(Properties, PartialEq)]
pub struct EntityIndexProps {
    /// The loaded corpus.
    pub corpus: Loaded,
}

/// Entities listed per type at first; "Show all" lists the rest.
const FIRST: usize = 100;

/// The entity index.
#[function_component(EntityIndex)]
pub fn entity_index_page(props: &EntityIndexProps) -> Html {
    let columns = [EntityKind::Person, EntityKind::Org, EntityKind::Place].map(|kind| {
        html! { <EntityColumn key={kind.as_str()} corpus={props.corpus.clone()} {kind} /> }
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

/// Properties of [`EntityColumn`].
#[derive(Properties, PartialEq)]
struct EntityColumnProps {
    corpus: Loaded,
    kind: EntityKind,
}

/// The entities of one type, most mentioned first: the first [`FIRST`], then all on request (a
/// 10,000-article corpus names thousands).
#[function_component(EntityColumn)]
fn entity_column(props: &EntityColumnProps) -> Html {
    let all = use_state_eq(|| false);
    let list = use_memo((props.corpus.clone(), props.kind), |(corpus, kind)| entity_index(corpus, *kind));
    let entities = &props.corpus.bundle.entities.entities;
    let kind = props.kind;
    let shown = if *all { list.len() } else { list.len().min(FIRST) };
    let show_all = {
        let all = all.clone();
        Callback::from(move |_| all.set(true))
    };
    html! {
        <section class={classes!("entity-column", format!("col-{}", kind.as_str()))} aria-labelledby={format!("h-{}", kind.as_str())}>
            <h2 id={format!("h-{}", kind.as_str())}>
                <span class={classes!("swatch", format!("swatch-{}", kind.as_str()))} aria-hidden="true"></span>
                { format!("{} · {}", plural_label(kind), list.len()) }
            </h2>
            <ol class="entity-list">
                { for list.iter().take(shown).map(|(i, c)| {
                    let e = &entities[*i];
                    html! {
                        <li>
                            <a href={Route::Entity { id: e.id.clone() }.href()}>{ iso(&e.name) }</a>
                            { for e.provisional.then(|| html! { <span class="tag" title="Recognised by rule; not in the knowledge base">{ "new" }</span> }) }
                            <span class="entity-count">{ format!("{} · {} {}", format_count(c.mentions as u64), format_count(c.articles as u64), if c.articles == 1 { "article" } else { "articles" }) }</span>
                        </li>
                    }
                }) }
            </ol>
            if shown < list.len() {
                <button type="button" class="link-button" onclick={show_all}>{ format!("Show all {} {}", list.len(), plural_label(kind).to_lowercase()) }</button>
            }
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
