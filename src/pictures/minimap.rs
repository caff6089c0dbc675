//! The comparison overview: beside the aligned rows (a sticky rail on wide screens, above the rows
//! on narrow ones), one strip per source with a tick per row (shared, reworded, conflicting or only
//! in that source) that scrolls to the row when chosen, drawn as the rows arrive; above the rows,
//! each source's shares as a small stacked bar, and jump lists of the conflicting rows.

use std::rc::Rc;

use yew::prelude::*;

use super::draw::{self, count, Drawn, Frozen, Tip};
use super::model::minimap::{Minimap, Tick, MAX_TICKS};

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

/// A drawn tick: (strip, its place in the strip, the row it scrolls to).
type TickMark = (usize, usize, usize);

/// The ticks of every strip, drawn: keyed by row, so rows arriving add ticks and leave the
/// others alone; each tick carries only its `data-mark` (one handler set serves them all).
fn strips(map: &Minimap, labels: &[String], active: &[usize]) -> (Html, Vec<Option<Tip>>, Vec<TickMark>) {
    let rows = map.rows.max(1) as f64;
    // One bucket of rows per tick at most: long comparisons merge neighbouring rows.
    let len = 100.0 / rows.min(MAX_TICKS as f64);
    let mut tips = Vec::new();
    let mut marks = Vec::new();
    let strips = map.strips.iter().enumerate().map(|(s, strip)| {
        let label = labels.get(s).cloned().unwrap_or_default();
        let current = active.get(s).copied().unwrap_or(0).min(strip.ticks.len().saturating_sub(1));
        let ticks = strip.ticks.iter().enumerate().map(|(k, &(row, tick, sentences))| {
            let words = format!("Row {}: {} {}", row + 1, count(sentences, "sentence", "sentences"), tick_word(tick));
            let mark = marks.len().to_string();
            tips.push(Some(Tip { x: 0.0, y: 0.0, lines: vec![label.clone(), words.clone()] }));
            marks.push((s, k, row));
            html! {
                <span key={row} id={format!("mm-{s}-{k}")} class={classes!("mm-tick", tick_class(tick))} role="button" data-mark={mark}
                    tabindex={if k == current { "0" } else { "-1" }} aria-label={format!("{label}, {words}")}
                    style={format!("--at: {:.3}%; --len: {len:.3}%", row as f64 / rows * 100.0)}></span>
            }
        });
        html! {
            <div class="mm-strip-box">
                <p class="mm-strip-label" aria-hidden="true" title={label.clone()}>{ s + 1 }</p>
                <div class="mm-strip" role="group" aria-label={format!("{label}: one mark per row; arrow keys move, Enter scrolls to the row")}>
                    { for ticks }
                </div>
            </div>
        }
    }).collect::<Html>();
    (strips, tips, marks)
}

/// The overview: each source's shares and the jumps to conflicts (above the rows), and the strips
/// (beside the rows on wide screens, above them on narrow ones). Drawn with the rows that have
/// arrived so far.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let tip = use_state_eq(|| None::<Tip>);
    // Roving focus: one tab stop per strip, arrow keys move along it.
    let active = use_state_eq(|| vec![0usize; props.map.strips.len()]);
    let drawn =
        use_memo((props.map.clone(), props.labels.clone(), (*active).clone()), |(map, labels, active)| {
            let (html, tips, marks) = strips(map, labels, active);
            (Drawn(Rc::new(html)), Rc::new(tips), Rc::new(marks))
        });
    draw::use_render_stamp(figure.clone(), started, drawn.clone());
    let map = &props.map;
    let (_, tips, marks) = &*drawn;
    let show = {
        let tip = tip.clone();
        let tips = tips.clone();
        move |k: Option<usize>| tip.set(k.and_then(|k| tips.get(k).cloned().flatten()))
    };
    let onclick = {
        let marks = marks.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(&(_, _, row)) = draw::mark_of(&e).and_then(|(k, _)| marks.get(k)) {
                scroll_to_row(row);
            }
        })
    };
    let onkeydown = {
        let marks = marks.clone();
        let active = active.clone();
        let map = map.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(&(s, k, row)) = draw::mark_of(&e).and_then(|(k, _)| marks.get(k)) else { return };
            let n = map.strips.get(s).map_or(0, |strip| strip.ticks.len());
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
            v.resize(map.strips.len(), 0);
            if let Some(slot) = v.get_mut(s) {
                *slot = next;
            }
            active.set(v);
            draw::focus_id(&format!("mm-{s}-{next}"));
        })
    };
    let (s1, s2) = (show.clone(), show);
    let onmouseover = Callback::from(move |e: MouseEvent| s1(draw::mark_of(&e).map(|m| m.0)));
    let onfocusin = Callback::from(move |e: FocusEvent| s2(draw::mark_of(&e).map(|m| m.0)));
    let (h1, h2) = (tip.clone(), tip.clone());
    let onmouseleave = Callback::from(move |_| h1.set(None));
    let onfocusout = Callback::from(move |_| h2.set(None));
    let sources = map.strips.iter().enumerate().map(|(s, strip)| {
        let label = props.labels.get(s).cloned().unwrap_or_default();
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
                <p class="mm-label"><span class="mm-n" aria-hidden="true">{ s + 1 }</span><bdi>{ label }</bdi></p>
                <p class="mm-shares">
                    <svg class="mm-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">{ bar }</svg>
                    <span class="mm-share-text">{ shares }</span>
                </p>
            </div>
        }
    });
    let so_far = (map.arrived < map.rows).then(|| format!("So far: {} of {} rows.", map.arrived, map.rows));
    html! {
        <>
            <figure class="picture pic-minimap" ref={figure} aria-labelledby="minimap-h" data-rows={map.arrived.to_string()}>
                <figcaption>
                    <h2 id="minimap-h" class="mm-title">{ "Overview" }</h2>
                    <ul class="mm-legend">
                        { for Tick::ALL.iter().map(|&t| html! { <li><span class={classes!("mm-swatch", tick_class(t))} aria-hidden="true"></span>{ tick_word(t) }</li> }) }
                    </ul>
                    { for so_far.map(|s| html! { <p class="mm-so-far muted">{ s }</p> }) }
                </figcaption>
                <div class="mm-sources">{ for sources }</div>
                { jump_list("mm-conflicts", &map.conflict_rows, if map.arrived < map.rows { "" } else { "No conflicting figures or dates." }, ("conflict", "conflicts")) }
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
            <nav class="mm-rail" aria-label="Overview of the rows: one strip per source" {onclick} {onkeydown} {onmouseover} {onmouseleave} {onfocusin} {onfocusout}>
                <div class="mm-strips"><Frozen drawn={drawn.0.clone()} /></div>
                { draw::tooltip(&tip) }
            </nav>
        </>
    }
}
