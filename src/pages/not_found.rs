//! The page for a link that leads nowhere.

use yew::prelude::*;

use crate::components::isolate::iso;

/// Properties of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The path that was asked for.
    pub path: String,
}

/// "No such page", with a way back.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    html! {
        <section class="page">
            <h1>{ "Nothing here" }</h1>
            <p>{ "There is no page at “" }{ iso(&props.path) }{ "”." }</p>
            <p><a href="#/">{ "Back to all articles" }</a></p>
        </section>
    }
}
