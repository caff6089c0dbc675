//! Text of one block with marks (search matches, entity mentions) laid over it.
//!
//! Marks are raw-file byte ranges, like every offset in Parallax; this component slices the block's
//! text (which starts at raw offset `base`) and wraps each marked range.

use yew::prelude::*;

/// A range of a block to wrap in a `<mark>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Raw-file start offset.
    pub start: usize,
    /// Raw-file end offset.
    pub end: usize,
    /// CSS class (e.g. `hit`, `ent ent-person`).
    pub class: String,
    /// Tooltip text, if any.
    pub title: Option<String>,
}

/// Properties of [`MarkedText`].
#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    /// The block's text.
    pub text: AttrValue,
    /// Raw-file offset of the text's first byte.
    pub base: usize,
    /// Marks, sorted by start; overlapping or out-of-range marks are skipped.
    #[prop_or_default]
    pub marks: Vec<Mark>,
}

/// Renders text with its marks.
#[function_component(MarkedText)]
pub fn marked_text(props: &MarkedTextProps) -> Html {
    let text = props.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for mark in &props.marks {
        let (Some(start), Some(end)) = (mark.start.checked_sub(props.base), mark.end.checked_sub(props.base))
        else {
            continue;
        };
        if start < at
            || end <= start
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > at {
            out.push(html! { { &text[at..start] } });
        }
        out.push(html! {
            <mark class={mark.class.clone()} title={mark.title.clone()} data-start={mark.start.to_string()}>
                { &text[start..end] }
            </mark>
        });
        at = end;
    }
    if at < text.len() {
        out.push(html! { { &text[at..] } });
    }
    html! { <>{ for out }</> }
}
