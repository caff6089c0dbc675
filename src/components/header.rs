//! The site header: name, the search box (on every page; `/` focuses it) and the main navigation.

use yew::prelude::*;

use crate::state::Route;

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The current query (empty outside the search page).
    #[prop_or_default]
    pub query: String,
}

/// The header shown on every page.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    // Results update as you type: the first keystroke opens the search page (a new history entry),
    // later ones replace the entry so Back leaves the search rather than undoing letters.
    let oninput = Callback::from(|e: InputEvent| {
        let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
        let href = Route::Search { query: input.value() }.href();
        let window = gloo::utils::window();
        let on_search = window.location().hash().unwrap_or_default().starts_with("#/search");
        if on_search {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
                // replaceState fires no hashchange: tell the router ourselves.
                if let Ok(event) = web_sys::Event::new("hashchange") {
                    let _ = window.dispatch_event(&event);
                }
            }
        } else {
            let _ = window.location().set_hash(&href[1..]);
        }
    });
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">{ "◐" }</span>
                <span class="brand-name">{ "Parallax" }</span>
            </a>
            <form class="search-form" role="search" {onsubmit}>
                <label for="search-input" class="visually-hidden">{ "Search articles" }</label>
                <input id="search-input" type="search" placeholder="Search: Kadhemi, \"rocket attacks\", outlet:asharq…  (press /)"
                    autocomplete="off" spellcheck="false" value={props.query.clone()} {oninput} />
            </form>
            <nav aria-label="Main">
                <a href="#/">{ "Articles" }</a>
                <a href="#/entities">{ "Entities" }</a>
            </nav>
        </header>
    }
}
