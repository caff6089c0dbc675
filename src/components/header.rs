//! The site header: name, tagline and the main navigation.

use yew::prelude::*;

/// The header shown on every page.
#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">{ "◐" }</span>
                <span class="brand-name">{ "Parallax" }</span>
            </a>
            <nav aria-label="Main">
                <a href="#/">{ "Articles" }</a>
                <a href="#/entities">{ "Entities" }</a>
            </nav>
        </header>
    }
}
