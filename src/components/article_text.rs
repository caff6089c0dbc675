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
    /// Inner marks (raw ranges with their CSS class: search matches, changed words, conflicting
    /// figures), sorted by start; where they overlap, the earlier one wins.
    #[prop_or_default]
    pub hits: Rc<Vec<(usize, usize, &'static str)>>,
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
    let hits: Vec<(usize, usize, &'static str)> =
        props.hits.iter().filter_map(|&(s, e, class)| local((s, e)).map(|(s, e)| (s, e, class))).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for mark in props.marks.iter() {
        let Some((start, end)) = local((mark.start, mark.end)) else { continue };
        if start < at {
            continue;
        }
        out.push(with_hits(text, at, start, &hits));
        let inner = with_hits(text, start, end, &hits);
        // The card lives in an attribute and is drawn by CSS (`::after`), so it never becomes part
        // of the text: copying a paragraph or reading it aloud gives the article's words only.
        let card = mark.card.as_ref().map(|c| {
            let mut card = format!("{}\n{}", c.heading, c.kind);
            for line in &c.lines {
                card.push('\n');
                card.push_str(line);
            }
            card
        });
        out.push(match &mark.href {
            Some(href) => html! {
                <a class={mark.class.clone()} href={href.clone()} data-start={mark.start.to_string()} data-card={card}>{ inner }</a>
            },
            None => html! {
                <span class={mark.class.clone()} tabindex="0" data-start={mark.start.to_string()} data-card={card}>{ inner }</span>
            },
        });
        at = end;
    }
    out.push(with_hits(text, at, text.len(), &hits));
    html! { <>{ for out }</> }
}

/// `text[from..to]` with the inner marks inside it wrapped in `<mark class=…>`.
fn with_hits(text: &str, from: usize, to: usize, hits: &[(usize, usize, &'static str)]) -> Html {
    let mut out = Vec::new();
    let mut at = from;
    for &(s, e, class) in hits {
        let (s, e) = (s.max(at), e.min(to));
        if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push(html! { { &text[at..s] } });
        }
        out.push(html! { <mark class={class} data-start={s.to_string()}>{ &text[s..e] }</mark> });
        at = e;
    }
    if at < to {
        out.push(html! { { &text[at..to] } });
    }
    html! { <>{ for out }</> }
}
