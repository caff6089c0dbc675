//! Pieces every picture shares: the tooltip shown on hover and focus, the panel that lists the
//! articles behind a mark, outlet labels, mark sizes, and the render-time stamp the benchmarks
//! read.

use std::rc::Rc;

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

/// The handlers for one mark (for pictures with a handful of marks; larger ones use
/// [`delegate`]).
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

/// The mark an event happened on or inside: the nearest element with a `data-mark` index, and
/// whether that element is a link (a link's Enter already clicks it).
pub fn mark_of(e: &Event) -> Option<(usize, bool)> {
    let target = e.target()?;
    let el = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok()?;
    let mark = el.closest("[data-mark]").ok()??;
    let k = mark.get_attribute("data-mark")?.parse().ok()?;
    Some((k, mark.tag_name().eq_ignore_ascii_case("a")))
}

/// One set of handlers for every mark of a picture, set on the element around its SVG: marks
/// carry only a `data-mark` index, so thousands of marks cost no closures, and redrawing them
/// registers no listeners.
pub struct Delegate {
    /// `onclick`: activates the mark.
    pub click: Callback<MouseEvent>,
    /// `onkeydown`: Enter or Space activates a button-like mark.
    pub keydown: Callback<KeyboardEvent>,
    /// `onmouseover`: shows the tooltip of the mark under the pointer.
    pub over: Callback<MouseEvent>,
    /// `onmouseleave`: hides it.
    pub leave: Callback<MouseEvent>,
    /// `onfocusin`: shows the tooltip of the focused mark.
    pub focus: Callback<FocusEvent>,
    /// `onfocusout`: hides it.
    pub blur: Callback<FocusEvent>,
}

/// The delegated handlers: `tips[k]` is mark `k`'s tooltip, `act` runs when mark `k` is chosen
/// (clicked, or Enter or Space on a mark that is not a link).
pub fn delegate(tips: Rc<Vec<Option<Tip>>>, state: &TipState, act: Callback<usize>) -> Delegate {
    let show = {
        let state = state.clone();
        move |k: Option<usize>| {
            let tip = k.and_then(|k| tips.get(k).cloned().flatten());
            if *state != tip {
                state.set(tip);
            }
        }
    };
    let (show1, show2) = (show.clone(), show);
    let (hide1, hide2) = (state.clone(), state.clone());
    let act2 = act.clone();
    Delegate {
        click: Callback::from(move |e: MouseEvent| {
            if let Some((k, _)) = mark_of(&e) {
                act.emit(k);
            }
        }),
        keydown: Callback::from(move |e: KeyboardEvent| {
            if !activates(&e) {
                return;
            }
            if let Some((k, false)) = mark_of(&e) {
                e.prevent_default();
                act2.emit(k);
            }
        }),
        over: Callback::from(move |e: MouseEvent| show1(mark_of(&e).map(|m| m.0))),
        leave: Callback::from(move |_| {
            if hide1.is_some() {
                hide1.set(None)
            }
        }),
        focus: Callback::from(move |e: FocusEvent| show2(mark_of(&e).map(|m| m.0))),
        blur: Callback::from(move |_| {
            if hide2.is_some() {
                hide2.set(None)
            }
        }),
    }
}

/// Drawn marks, compared by identity: a picture rebuilds them when its data or order changes,
/// not when a tooltip or panel opens.
#[derive(Clone)]
pub struct Drawn(pub Rc<Html>);

impl PartialEq for Drawn {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`Frozen`].
#[derive(Properties, PartialEq)]
pub struct FrozenProps {
    /// What to show.
    pub drawn: Drawn,
}

/// Shows already-built marks; yew skips it when its parent redraws for a tooltip or a panel.
#[function_component(Frozen)]
pub fn frozen(props: &FrozenProps) -> Html {
    (*props.drawn.0).clone()
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

/// How to build a picture's table, compared by identity (made once per drawing).
#[derive(Clone)]
pub struct TableFn(pub Rc<dyn Fn() -> Html>);

impl PartialEq for TableFn {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`LazyTable`].
#[derive(Properties, PartialEq)]
pub struct LazyTableProps {
    /// Builds the table (and anything after it), put in the page only while the reader has it open.
    pub table: TableFn,
}

/// "The same as a table": a disclosure whose table is built and put in the page only once opened,
/// so a picture at 10,000 articles neither builds nor adds a second, hidden copy of itself on
/// every draw.
#[function_component(LazyTable)]
pub fn lazy_table(props: &LazyTableProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let Some(target) = e.target() else { return };
            let now =
                js_sys::Reflect::get(&target, &"open".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
            open.set(now);
        })
    };
    html! {
        <details class="pic-table" {ontoggle}>
            <summary>{ "The same as a table" }</summary>
            if *open { { (props.table.0)() } }
        </details>
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

/// After a picture's render that drew new marks (`drawing` is another value than the last one
/// stamped), stamps the figure with how long that render took, from the start of the component
/// function to the DOM being updated (`data-render-ms`), for the benchmark and the end-to-end run.
/// A tooltip or panel opening redraws no marks and leaves the stamp alone. Drawings are told
/// apart by address, so the last one stamped is kept until the next: a new drawing made after
/// the old one was dropped could otherwise take its address and never be stamped.
#[hook]
pub fn use_render_stamp(figure: NodeRef, started: f64, drawing: Rc<dyn std::any::Any>) {
    // One copy for every picture (not generic): the explorer's wasm stays small.
    let last = use_mut_ref(|| None::<Rc<dyn std::any::Any>>);
    use_effect_with(Rc::as_ptr(&drawing) as *const () as usize, move |_| {
        if let Some(el) = figure.cast::<web_sys::Element>() {
            let _ = el.set_attribute("data-render-ms", &format!("{:.1}", now() - started));
        }
        *last.borrow_mut() = Some(drawing);
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
