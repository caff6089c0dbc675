//! Pieces every picture shares: the tooltip shown on hover and focus, the panel that lists the
//! articles behind a mark, outlet labels, mark sizes, and the render-time stamp the benchmarks
//! read.

use yew::prelude::*;

use super::model::outlets::Outlet;
use crate::state::UNKNOWN_OUTLET;

/// A tooltip: where (px inside the picture's canvas) and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    /// Left edge, px.
    pub x: f64,
    /// Top edge, px.
    pub y: f64,
    /// Lines, the first in bold.
    pub lines: Vec<String>,
}

/// The tooltip state of one picture.
pub type TipState = UseStateHandle<Option<Tip>>;

/// Handlers that show `tip` while the mark is hovered or focused, and hide it after.
pub struct TipHandlers {
    /// `onmouseenter`.
    pub enter: Callback<MouseEvent>,
    /// `onmouseleave`.
    pub leave: Callback<MouseEvent>,
    /// `onfocus`.
    pub focus: Callback<FocusEvent>,
    /// `onblur`.
    pub blur: Callback<FocusEvent>,
}

/// The handlers for one mark.
pub fn tip_handlers(state: &TipState, tip: Tip) -> TipHandlers {
    let (s1, s2, s3, s4) = (state.clone(), state.clone(), state.clone(), state.clone());
    let (t1, t2) = (tip.clone(), tip);
    TipHandlers {
        enter: Callback::from(move |_| s1.set(Some(t1.clone()))),
        leave: Callback::from(move |_| s2.set(None)),
        focus: Callback::from(move |_| s3.set(Some(t2.clone()))),
        blur: Callback::from(move |_| s4.set(None)),
    }
}

/// The tooltip element (nothing when hidden).
pub fn tooltip(state: &TipState) -> Html {
    let Some(tip) = &**state else { return Html::default() };
    let style = format!("left: {:.0}px; top: {:.0}px", tip.x, tip.y);
    html! {
        <div class="pic-tip" role="tooltip" {style}>
            { for tip.lines.iter().enumerate().map(|(i, l)| if i == 0 {
                html! { <strong>{ html_iso(l, 90) }</strong> }
            } else {
                html! { <span>{ html_iso(l, 90) }</span> }
            }) }
        </div>
    }
}

/// A list of links under a picture: what the selected mark stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// What was selected: the app's words, article text isolated by the caller (`iso`).
    pub title: Html,
    /// (link text, href, note after the link).
    pub links: Vec<(String, String, String)>,
}

/// The panel element, announced politely when it changes.
pub fn panel(state: &UseStateHandle<Option<Panel>>) -> Html {
    let close = {
        let state = state.clone();
        Callback::from(move |_| state.set(None))
    };
    html! {
        <div class="pic-panel" aria-live="polite">
            { for state.as_ref().map(|p| html! {
                <>
                    <p class="pic-panel-title"><span>{ p.title.clone() }</span>
                        <button type="button" class="pic-close" onclick={close}>{ "Close" }</button></p>
                    <ul>{ for p.links.iter().map(|(text, href, note)| html! {
                        <li><a href={href.clone()}>{ html_iso(text, 160) }</a><span class="muted">{ note.clone() }</span></li>
                    }) }</ul>
                </>
            }) }
        </div>
    }
}

/// The name a column header shows.
pub fn outlet_label(outlet: &Outlet) -> String {
    match outlet {
        Outlet::Named(name) => name.clone(),
        Outlet::Others(n) => format!("{n} other outlets"),
        Outlet::NotStated => UNKNOWN_OUTLET.to_string(),
    }
}

/// A mark's radius: area proportional to `n` of `max`, between `min` and `max_r` px.
pub fn radius(n: usize, max: usize, min: f64, max_r: f64) -> f64 {
    if n == 0 || max == 0 {
        return 0.0;
    }
    (max_r * (n as f64 / max as f64).sqrt()).max(min)
}

/// `text` cut to `n` characters, and the "…" to show after it when cut (outside the isolate, so
/// the text inside stays exactly the article's).
pub fn clip_parts(text: &str, n: usize) -> (String, &'static str) {
    if text.chars().count() <= n {
        (text.to_string(), "")
    } else {
        let cut: String = text.chars().take(n.saturating_sub(1)).collect();
        (cut.trim_end().to_string(), "…")
    }
}

/// Article-derived text inside an SVG `<text>`: cut to `n` characters, bidi-isolated in a
/// `<tspan class="iso">` (style/pictures.css), the "…" after it.
pub fn svg_iso(text: &str, n: usize) -> Html {
    let (cut, more) = clip_parts(text, n);
    html! { <><tspan class="iso">{ cut }</tspan>{ more }</> }
}

/// Article-derived text in HTML: cut to `n` characters in a `<bdi>`, the "…" after it.
pub fn html_iso(text: &str, n: usize) -> Html {
    let (cut, more) = clip_parts(text, n);
    html! { <><bdi>{ cut }</bdi>{ more }</> }
}

/// `text` cut to `n` characters, with "…" when cut.
pub fn clip(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        let cut: String = text.chars().take(n.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "1 article" / "3 articles".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Milliseconds since the page started (0 where there is no clock, as in native tests).
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Milliseconds since `started`, as the `data-build-ms` attribute shows it: the time to aggregate
/// and build the picture's elements, before the DOM is touched.
pub fn elapsed(started: f64) -> String {
    format!("{:.1}", now() - started)
}

/// After each render of a picture, stamps the figure with how long the render took, from the
/// start of the component function to the DOM being updated (`data-render-ms`), for the
/// benchmark and the end-to-end run.
#[hook]
pub fn use_render_stamp(figure: NodeRef, started: f64) {
    use_effect(move || {
        if let Some(el) = figure.cast::<web_sys::Element>() {
            let _ = el.set_attribute("data-render-ms", &format!("{:.1}", now() - started));
        }
    });
}

/// Moves keyboard focus to the element with this id (SVG elements included).
pub fn focus_id(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else { return };
    if let Ok(f) = js_sys::Reflect::get(&el, &"focus".into()) {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call0(&el);
        }
    }
}

/// Whether a key press activates a button-like mark (Enter or Space).
pub fn activates(e: &KeyboardEvent) -> bool {
    matches!(e.key().as_str(), "Enter" | " ")
}
