//! The comparison overview, beside the aligned rows: one strip per source with a tick per row
//! (shared, reworded, conflicting or only in that source) that scrolls to the row when chosen,
//! each source's shares as a small stacked bar, and a jump list of the conflicting rows.

use std::rc::Rc;

use yew::prelude::*;

use super::draw::{self, count, Tip};
use super::model::minimap::{Minimap, Tick};

const STRIP_W: f64 = 1000.0;
const STRIP_H: f64 = 18.0;

/// Properties of [`Overview`].
#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    /// The classified rows (from `pictures::model::minimap::minimap` over the page's view).
    pub map: Rc<Minimap>,
    /// Column labels (outlets), in column order.
    pub labels: Vec<String>,
}

fn tick_word(tick: Tick) -> &'static str {
    match tick {
        Tick::Shared => "shared",
        Tick::Reworded => "reworded",
        Tick::Changed => "differs over time",
        Tick::Conflicting => "conflicting",
        Tick::Unique => "only here",
    }
}

fn tick_class(tick: Tick) -> &'static str {
    match tick {
        Tick::Shared => "tk-shared",
        Tick::Reworded => "tk-reworded",
        Tick::Changed => "tk-changed",
        Tick::Conflicting => "tk-conflict",
        Tick::Unique => "tk-unique",
    }
}

/// Scrolls the page to aligned row `row` (0-based, header excluded) and flashes it.
fn scroll_to_row(row: usize) {
    let Ok(rows) =
        gloo::utils::document().query_selector_all(".compare-grid .compare-row:not(.compare-header)")
    else {
        return;
    };
    let Some(node) = rows.get(row as u32) else { return };
    let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node) else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    // Alternating values restart the highlight's animation (two keyframes in style/pictures.css).
    let next = if el.get_attribute("data-flash").as_deref() == Some("a") { "b" } else { "a" };
    let _ = el.set_attribute("data-flash", next);
}

/// "2 conflicts: row 4 row 9", each row a button that scrolls to it (or `none` when empty).
fn jump_list(class: &'static str, rows: &[usize], none: &'static str, words: (&str, &str)) -> Html {
    if rows.is_empty() {
        return if none.is_empty() {
            Html::default()
        } else {
            html! { <p class={classes!("mm-jumps", class)}>{ none }</p> }
        };
    }
    html! {
        <p class={classes!("mm-jumps", class)}>{ format!("{}: ", count(rows.len(), words.0, words.1)) }
            { for rows.iter().map(|&row| html! {
                <button type="button" class="link-button mm-jump" data-row={row.to_string()} onclick={Callback::from(move |_| scroll_to_row(row))}>{ format!("row {}", row + 1) }</button>
            }) }
        </p>
    }
}

/// The overview.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let tip = use_state(|| None::<Tip>);
    // Roving focus: one tab stop per strip, arrow keys move along it.
    let active = use_state(|| vec![0usize; props.map.strips.len()]);
    draw::use_render_stamp(figure.clone(), started);
    let map = &props.map;
    let rows = map.rows.max(1) as f64;
    let tick_w = (STRIP_W / rows).max(2.0);
    let strips = map.strips.iter().enumerate().map(|(s, strip)| {
        let label = props.labels.get(s).cloned().unwrap_or_default();
        let current = active.get(s).copied().unwrap_or(0).min(strip.ticks.len().saturating_sub(1));
        let ticks = strip.ticks.iter().enumerate().map(|(k, &(row, tick, sentences))| {
            let x = row as f64 / rows * STRIP_W;
            let words = format!("Row {}: {} {}", row + 1, count(sentences, "sentence", "sentences"), tick_word(tick));
            let h = draw::tip_handlers(&tip, Tip { x: 0.0, y: 0.0, lines: vec![label.clone(), words.clone()] });
            let onkeydown = {
                let active = active.clone();
                let n = strip.ticks.len();
                Callback::from(move |e: KeyboardEvent| {
                    let next = match e.key().as_str() {
                        "ArrowRight" | "ArrowDown" => (k + 1).min(n.saturating_sub(1)),
                        "ArrowLeft" | "ArrowUp" => k.saturating_sub(1),
                        "Home" => 0,
                        "End" => n.saturating_sub(1),
                        "Enter" | " " => {
                            e.prevent_default();
                            scroll_to_row(row);
                            return;
                        }
                        _ => return,
                    };
                    e.prevent_default();
                    let mut v = (*active).clone();
                    if let Some(slot) = v.get_mut(s) {
                        *slot = next;
                    }
                    active.set(v);
                    draw::focus_id(&format!("mm-{s}-{next}"));
                })
            };
            html! {
                <rect id={format!("mm-{s}-{k}")} class={classes!("mm-tick", tick_class(tick))} role="button"
                    tabindex={if k == current { "0" } else { "-1" }} aria-label={format!("{label}, {words}")}
                    x={format!("{x:.1}")} y="0" width={format!("{tick_w:.1}")} height={format!("{STRIP_H:.0}")}
                    onclick={Callback::from(move |_| scroll_to_row(row))} {onkeydown}
                    onmouseenter={h.enter} onmouseleave={h.leave} onfocus={h.focus} onblur={h.blur} />
            }
        });
        let total = strip.sentences().max(1) as f64;
        let mut offset = 0.0;
        let bar = Tick::ALL.iter().map(|&tick| {
            let share = strip.counts[tick.index()] as f64 / total * 100.0;
            let seg = html! { <rect class={tick_class(tick)} x={format!("{offset:.2}")} y="0" width={format!("{share:.2}")} height="8" /> };
            offset += share;
            seg
        }).collect::<Html>();
        let shares = Tick::ALL
            .iter()
            .map(|&t| format!("{:.0}% {}", strip.counts[t.index()] as f64 / total * 100.0, tick_word(t)))
            .collect::<Vec<_>>()
            .join(" · ");
        html! {
            <div class="mm-source">
                <p class="mm-label"><bdi>{ label.clone() }</bdi></p>
                <svg class="mm-strip" viewBox={format!("0 0 {STRIP_W:.0} {STRIP_H:.0}")} preserveAspectRatio="none" role="group"
                    aria-label={format!("{label}: one mark per row; arrow keys move, Enter scrolls to the row")}>
                    <rect class="mm-track" x="0" y="0" width={format!("{STRIP_W:.0}")} height={format!("{STRIP_H:.0}")} />
                    { for ticks }
                </svg>
                <p class="mm-shares">
                    <svg class="mm-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">{ bar }</svg>
                    <span class="mm-share-text">{ shares }</span>
                </p>
            </div>
        }
    });
    html! {
        <figure class="picture pic-minimap" ref={figure} aria-labelledby="minimap-h">
            <figcaption>
                <h2 id="minimap-h" class="mm-title">{ "Overview" }</h2>
                <ul class="mm-legend">
                    { for Tick::ALL.iter().map(|&t| html! { <li><span class={classes!("mm-swatch", tick_class(t))} aria-hidden="true"></span>{ tick_word(t) }</li> }) }
                </ul>
            </figcaption>
            <div class="mm-canvas">
                { for strips }
                { draw::tooltip(&tip) }
            </div>
            { jump_list("mm-conflicts", &map.conflict_rows, "No conflicting figures or dates.", ("conflict", "conflicts")) }
            { jump_list("mm-changes", &map.changed_rows, "", ("difference explained by time", "differences explained by time")) }
            <details class="pic-table">
                <summary>{ "The same as a table" }</summary>
                <table>
                    <caption>{ "Sentences of each source by kind" }</caption>
                    <thead><tr><th scope="col">{ "Source" }</th>{ for Tick::ALL.iter().map(|&t| html! { <th scope="col">{ tick_word(t) }</th> }) }</tr></thead>
                    <tbody>{ for map.strips.iter().enumerate().map(|(s, strip)| html! {
                        <tr>
                            <th scope="row"><bdi>{ props.labels.get(s).cloned().unwrap_or_default() }</bdi></th>
                            { for Tick::ALL.iter().map(|&t| html! { <td>{ strip.counts[t.index()] }</td> }) }
                        </tr>
                    }) }</tbody>
                </table>
            </details>
        </figure>
    }
}
