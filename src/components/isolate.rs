//! Article-derived text placed beside the app's own words, bidi-isolated.
//!
//! A title, outlet, byline, entity name, snippet or file name can hold anything, including an
//! unterminated right-to-left override (U+202E) that would reverse the app's words after it
//! (" · Outlet not stated" read backwards). Inside `<bdi>` (styled `unicode-bidi: isolate` in
//! `style/base.css`) its direction is its own and ends where the element ends. Use these wherever
//! such text shares a line with anything else; a block holding only article text (a paragraph)
//! is isolated by being a block.

use yew::prelude::*;

/// `text` in a `<bdi>`.
pub fn iso(text: &str) -> Html {
    html! { <bdi>{ text.to_string() }</bdi> }
}

/// Each of `parts` in its own `<bdi>`, joined by `separator` (the app's own words).
pub fn iso_join<'a>(parts: impl IntoIterator<Item = &'a str>, separator: &'static str) -> Html {
    let mut out = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(html! { { separator } });
        }
        out.push(iso(part));
    }
    html! { <>{ for out }</> }
}
