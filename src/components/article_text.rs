//! Text of one block with two layers of marks laid over it: entity mentions (outer) and search
//! matches (inner, split across mention boundaries so they may overlap mentions freely).
//!
//! All offsets are raw-file byte ranges, like every offset in Parallax; this component slices the
//! block's text (which starts at raw offset `base`).

use std::rc::Rc;

use yew::prelude::*;

pub use crate::state::{Card, Mark};

/// Properties of [`MarkedText`].
#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    /// The block's text.
    pub text: AttrValue,
    /// Raw-file offset of the text's first byte.
    pub base: usize,
    /// Entity marks, sorted by start; overlapping or out-of-range marks are skipped.
    #[prop_or_default]
    pub marks: Rc<Vec<Mark>>,
    /// Search matches (raw ranges), sorted by start.
    #[prop_or_default]
    pub hits: Rc<Vec<(usize, usize)>>,
}

/// Renders text with its marks.
#[function_component(MarkedText)]
pub fn marked_text(props: &MarkedTextProps) -> Html {
    let text = props.text.as_str();
    let base = props.base;
    let local = |(s, e): (usize, usize)| -> Option<(usize, usize)> {
        let (s, e) = (s.checked_sub(base)?, e.checked_sub(base)?);
        (s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
    };
    let hits: Vec<(usize, usize)> = props.hits.iter().filter_map(|&h| local(h)).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for mark in props.marks.iter() {
        let Some((start, end)) = local((mark.start, mark.end)) else { continue };
        if start < at {
            continue;
        }
        out.push(with_hits(text, at, start, &hits));
        let inner = with_hits(text, start, end, &hits);
        let card = mark.card.as_ref().map(|c| {
            html! {
                <span class="ent-card" role="tooltip">
                    <strong>{ &c.heading }</strong>
                    <span class="ent-card-kind">{ &c.kind }</span>
                    { for c.lines.iter().map(|l| html! { <span class="ent-card-line">{ l }</span> }) }
                </span>
            }
        });
        out.push(match &mark.href {
            Some(href) => html! {
                <a class={mark.class.clone()} href={href.clone()} data-start={mark.start.to_string()}>{ inner }{ card }</a>
            },
            None => html! {
                <span class={mark.class.clone()} tabindex="0" data-start={mark.start.to_string()}>{ inner }{ card }</span>
            },
        });
        at = end;
    }
    out.push(with_hits(text, at, text.len(), &hits));
    html! { <>{ for out }</> }
}

/// `text[from..to]` with the search matches inside it wrapped in `<mark class="hit">`.
fn with_hits(text: &str, from: usize, to: usize, hits: &[(usize, usize)]) -> Html {
    let mut out = Vec::new();
    let mut at = from;
    for &(s, e) in hits {
        let (s, e) = (s.max(at), e.min(to));
        if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push(html! { { &text[at..s] } });
        }
        out.push(html! { <mark class="hit" data-start={s.to_string()}>{ &text[s..e] }</mark> });
        at = e;
    }
    if at < to {
        out.push(html! { { &text[at..to] } });
    }
    html! { <>{ for out }</> }
}
