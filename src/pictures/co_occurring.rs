//! The entity page's "appears most with": the entities named in the most of the same articles,
//! as ranked bars, each opening that entity's page.

use std::rc::Rc;

use yew::prelude::*;

use super::draw::{self, clip, count, Tip};
use crate::state::{entity_kind_label, Loaded, Route};

/// Bars drawn.
pub const TOP: usize = 10;
const LABEL_W: f64 = 190.0;
const BAR_W: f64 = 180.0;
const ROW_H: f64 = 26.0;

/// Properties of [`CoOccurring`].
#[derive(Properties, PartialEq)]
pub struct CoOccurringProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// The entities named in the most of the same articles, most first, with how many they
    /// share (`EntityStats::co_occurring`, at most [`TOP`]).
    pub top: Rc<Vec<(u32, usize)>>,
}

/// Ranked bars of co-occurring entities.
#[function_component(CoOccurring)]
pub fn co_occurring(props: &CoOccurringProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let tip = use_state(|| None::<Tip>);
    let top = &props.top;
    draw::use_render_stamp(figure.clone(), started, top.clone());
    let entities = &props.corpus.bundle.entities.entities;
    let max = top.first().map_or(1, |t| t.1.max(1));
    let width = LABEL_W + BAR_W + 90.0;
    let height = top.len() as f64 * ROW_H + 4.0;
    let bars = top.iter().enumerate().filter_map(|(i, &(other, shared))| {
        let e = entities.get(other as usize)?;
        let y = i as f64 * ROW_H;
        let w = BAR_W * shared as f64 / max as f64;
        let shared_text = count(shared, "shared article", "shared articles");
        let h = draw::tip_handlers(&tip, Tip { x: LABEL_W + w + 8.0, y: y + ROW_H, lines: vec![e.name.clone(), entity_kind_label(e.kind).to_string(), shared_text.clone()] });
        Some(html! {
            <a class="pic-bar-link" href={Route::Entity { id: e.id.clone() }.href()} aria-label={format!("{} {shared_text}: {}", clip(&e.name, 26), e.name)}
                onmouseenter={h.enter} onmouseleave={h.leave} onfocus={h.focus} onblur={h.blur}>
                <rect class="pic-stripe" x="0" y={format!("{y:.0}")} width={format!("{width:.0}")} height={format!("{ROW_H:.0}")} />
                <text class="pic-label" x="4" y={format!("{:.0}", y + 18.0)}>{ draw::svg_iso(&e.name, 26) }{ " " }</text>
                <rect class={classes!("pic-bar", format!("dot-{}", e.kind.as_str()))} x={format!("{LABEL_W:.0}")} y={format!("{:.0}", y + 5.0)} width={format!("{:.1}", w.max(2.0))} height={format!("{:.0}", ROW_H - 10.0)} rx="3" />
                <text class="pic-small" x={format!("{:.0}", LABEL_W + w + 6.0)} y={format!("{:.0}", y + 18.0)}>{ shared }</text>
            </a>
        })
    });
    if top.is_empty() {
        return html! { <p class="muted">{ "No other entity is named in the same articles." }</p> };
    }
    html! {
        <figure class="picture co-occurring-bars" ref={figure} aria-label="Appears most with">
            <div class="pic-scroll">
                <div class="pic-canvas" style={format!("width: {width:.0}px")}>
                    <svg class="pic-svg" width={format!("{width:.0}")} height={format!("{height:.0}")} viewBox={format!("0 0 {width:.0} {height:.0}")} role="group" aria-label="Entities named in the same articles, most shared first">
                        { for bars }
                    </svg>
                    { draw::tooltip(&tip) }
                </div>
            </div>
            <details class="pic-table">
                <summary>{ "The same as a table" }</summary>
                <table>
                    <caption>{ "Entities named in the same articles" }</caption>
                    <thead><tr><th scope="col">{ "Entity" }</th><th scope="col">{ "Shared articles" }</th></tr></thead>
                    <tbody>{ for top.iter().filter_map(|&(o, n)| entities.get(o as usize).map(|e| html! {
                        <tr><th scope="row"><a href={Route::Entity { id: e.id.clone() }.href()}><bdi>{ &e.name }</bdi></a></th><td>{ n }</td></tr>
                    })) }</tbody>
                </table>
            </details>
        </figure>
    }
}
