//! The site header: name, the search box (on every page; `/` focuses it) and the main navigation.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::{on_search_page, AppContext};
use crate::state::{Action, Route};

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
    let app = use_context::<AppContext>();
    // Results update as you type: the first keystroke opens the search page (a new history entry),
    // later ones replace the entry so Back leaves the search rather than undoing letters. On the
    // search page the results come first: the route changes at once and the address bar follows
    // in a task of its own (`history.replaceState` takes about as long as drawing the results).
    let oninput = Callback::from(move |e: InputEvent| {
        let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
        let route = Route::Search { query: input.value() };
        let href = route.href();
        match &app {
            Some(app) if on_search_page() => {
                app.dispatch(Action::Navigate(route));
                Timeout::new(0, move || replace_search_url(&href)).forget();
            }
            _ => {
                let _ = gloo::utils::window().location().set_hash(&href[1..]);
            }
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

/// Puts a search typed on the search page in the address bar, replacing its history entry, unless
/// the reader has left the search page meanwhile (a result opened before this task ran).
fn replace_search_url(href: &str) {
    if !on_search_page() {
        return;
    }
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}
