//! The home page's "Recent searches" and "Pinned comparisons" (from [`crate::storage`]), and the
//! notice shown when stored state could not be read and was cleared.

use yew::prelude::*;

use crate::components::isolate::{iso, iso_join};
use crate::state::{percent_encode, Loaded};
use crate::storage::{self, Remembered};

/// Properties of [`RememberedLists`].
#[derive(Properties, PartialEq)]
pub struct RememberedProps {
    /// The loaded corpus, for article titles.
    pub corpus: Loaded,
}

/// The link to a search for `query`.
pub fn search_href(query: &str) -> String {
    format!("#/search?q={}", percent_encode(query))
}

/// The link to the comparison of these articles.
pub fn compare_href(ids: &[String]) -> String {
    let parts: Vec<String> = ids.iter().map(|id| percent_encode(id)).collect();
    format!("#/compare/{}", parts.join("/"))
}

/// Recent searches and pinned comparisons, each with a button to forget it; nothing at all when
/// both are empty and there is no notice.
#[function_component(RememberedLists)]
pub fn remembered_lists(props: &RememberedProps) -> Html {
    let state = use_state(|| {
        let (remembered, notice) = storage::load();
        (remembered, notice.or_else(storage::take_notice).map(|n| n.message()))
    });
    let (remembered, notice) = &*state;
    let change = |edit: fn(&mut Remembered, &[String]) -> bool, arg: Vec<String>| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            // What is shown follows what is stored: a change that could not be saved is not shown
            // as done, and its notice is.
            match storage::update(|r| edit(r, &arg)) {
                Ok(remembered) => state.set((remembered, state.1.clone())),
                Err(notice) => {
                    let _ = storage::take_notice();
                    state.set((state.0.clone(), Some(notice.message())));
                }
            }
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set((state.0.clone(), None)))
    };
    if remembered.searches.is_empty() && remembered.pinned.is_empty() && notice.is_none() {
        return html! {};
    }
    let title = |id: &String| {
        props
            .corpus
            .bundle
            .articles
            .iter()
            .find(|a| &a.id == id)
            .map_or_else(|| id.clone(), |a| a.title.text.clone())
    };
    html! {
        <>
            { notice.as_ref().map(|n| html! {
                <div class="storage-notice" role="status">
                    <p>{ n }</p>
                    <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }).unwrap_or_default() }
            <div class="remembered">
                if !remembered.searches.is_empty() {
                    <section aria-labelledby="recent-searches">
                        <h2 id="recent-searches">{ "Recent searches" }</h2>
                        <ul class="recent-searches">
                            { for remembered.searches.iter().map(|q| html! {
                                <li>
                                    <a href={search_href(q)}>{ iso(q) }</a>
                                    <button type="button" aria-label={format!("Forget the search “{q}”")}
                                        onclick={change(|r, q| r.remove_search(&q[0]), vec![q.clone()])}>{ "Forget" }</button>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                if !remembered.pinned.is_empty() {
                    <section aria-labelledby="pinned-comparisons">
                        <h2 id="pinned-comparisons">{ "Pinned comparisons" }</h2>
                        <ul class="pinned-comparisons">
                            { for remembered.pinned.iter().map(|ids| {
                                let titles = ids.iter().map(title).collect::<Vec<_>>();
                                let label = titles.join(" · ");
                                html! {
                                    <li>
                                        <a href={compare_href(ids)}>{ iso_join(titles.iter().map(String::as_str), " · ") }</a>
                                        <button type="button" aria-label={format!("Unpin the comparison of {label}")}
                                            onclick={change(|r, ids| r.unpin(ids), ids.clone())}>{ "Unpin" }</button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            </div>
        </>
    }
}

/// How long a query must stay unchanged before it counts as a search worth remembering (results
/// update as the reader types, and "K", "Ka", "Kad" are not searches).
const SEARCH_SETTLE_MS: u32 = 1500;

/// Remembers `query` as a recent search once it has stayed unchanged for a moment. Call it first
/// thing in the search page (hooks must run on every render).
#[hook]
pub fn use_remember_search(query: &str) {
    use_effect_with(query.trim().to_string(), |query| {
        let query = query.clone();
        let timeout = (!query.is_empty()).then(|| {
            gloo::timers::callback::Timeout::new(SEARCH_SETTLE_MS, move || {
                // A failure is kept as the pending notice, which the home page shows.
                let _ = storage::update(|r| r.add_search(&query));
            })
        });
        move || drop(timeout)
    });
}

/// Properties of [`PinButton`].
#[derive(Properties, PartialEq)]
pub struct PinButtonProps {
    /// The compared articles' ids.
    pub ids: Vec<String>,
}

/// "Pin this comparison" / "Unpin": keeps the comparison on the home page.
#[function_component(PinButton)]
pub fn pin_button(props: &PinButtonProps) -> Html {
    let pinned = use_state(|| storage::load().0.is_pinned(&props.ids));
    let notice = use_state(|| None::<String>);
    let onclick = {
        let (pinned, notice) = (pinned.clone(), notice.clone());
        let ids = props.ids.clone();
        Callback::from(move |_: MouseEvent| {
            let result = storage::update(|r| if *pinned { r.unpin(&ids) } else { r.pin_comparison(&ids) });
            if result.is_err() {
                let _ = storage::take_notice(); // shown here, not again on the home page
            }
            let (now, said) = storage::pin_outcome(result, &ids, *pinned);
            pinned.set(now);
            notice.set(said);
        })
    };
    html! {
        <>
            <button type="button" class="pin-button" aria-pressed={pinned.to_string()} {onclick}>
                { if *pinned { "Pinned · unpin" } else { "Pin this comparison" } }
            </button>
            { (*notice).as_ref().map(|n| html! { <p class="storage-notice pin-notice" role="alert">{ n }</p> }).unwrap_or_default() }
        </>
    }
}
