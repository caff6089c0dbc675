//! `#/search?q=…`: ranked results with highlighted snippets, outlet facets and "did you mean".

use std::rc::Rc;

use parallax_engine::search::{Mode, SearchOptions, SearchResults, UNKNOWN_OUTLET_FILTER};
use yew::prelude::*;

use crate::components::article_text::MarkedText;
use crate::components::isolate::iso;
use crate::state::{format_fixed, with_outlet_filter, Loaded, Route};

/// Properties of [`SearchPage`].
#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// The query as typed.
    pub query: String,
}

/// The search page.
#[function_component(SearchPage)]
pub fn search_page(props: &SearchPageProps) -> Html {
    crate::components::remembered::use_remember_search(&props.query);
    let bundle = &props.corpus.bundle;
    let query = props.query.as_str();
    if query.trim().is_empty() {
        return empty_search();
    }
    let performance = gloo::utils::window().performance();
    let t0 = performance.as_ref().map_or(0.0, |p| p.now());
    let results = bundle.search.search_in(
        &bundle.corpus(),
        query,
        &SearchOptions { limit: 50, prefix_last_word: true },
    );
    let took = performance.as_ref().map_or(0.0, |p| p.now()) - t0;
    let outlets: Vec<String> = results
        .hits
        .iter()
        .map(|hit| {
            let article = bundle.articles.get(hit.article);
            article
                .and_then(|a| a.outlet.as_ref())
                .map_or(crate::state::UNKNOWN_OUTLET, |o| o.name.as_str())
                .to_string()
        })
        .collect();
    results_view(&results, query, &outlets, took, Html::default())
}

/// The search page's body for these results: status, notes, "did you mean", outlet facets and the
/// hits (`outlets[i]` is hit `i`'s outlet name), `took` milliseconds, then `footer` under the hits
/// (a chunked corpus's "Show more results").
pub fn results_view(
    results: &SearchResults,
    query: &str,
    outlets: &[String],
    took: f64,
    footer: Html,
) -> Html {
    let status = format!(
        "{} {} in {} ms{}",
        results.total,
        if results.total == 1 { "result" } else { "results" },
        format_ms(took),
        if results.mode == Mode::Or && results.total > 0 {
            " (no article has every word; showing articles with any)"
        } else {
            ""
        }
    );
    html! {
        <section class="page search">
            <h1 class="visually-hidden">{ "Search results" }</h1>
            <p class="search-status" role="status" aria-live="polite">{ status }</p>
            { for results.query.notes.iter().map(|n| html! { <p class="muted search-note" dir="auto">{ n }</p> }) }
            { results.did_you_mean.as_ref().filter(|_| results.total == 0).map(|s| html! {
                <p class="did-you-mean">{ "Did you mean " }<a href={Route::Search { query: s.clone() }.href()}>{ iso(s) }</a>{ "?" }</p>
            }).unwrap_or_default() }
            <div class="search-layout">
                { for (!results.facets.is_empty()).then(|| html! {
                    <aside class="facets" aria-labelledby="facets-h">
                        <h2 id="facets-h">{ "Outlets" }</h2>
                        <ul>
                            { for results.facets.iter().map(|f| html! {
                                <li><a href={Route::Search { query: with_outlet_filter(query, f.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET_FILTER)) }.href()}>{ iso(f.outlet.as_deref().unwrap_or(crate::state::UNKNOWN_OUTLET)) }</a>
                                    <span class="facet-count">{ f.count }</span></li>
                            }) }
                        </ul>
                    </aside>
                }) }
                <div class="results-column">
                <ol class="results">
                    { for results.hits.iter().enumerate().map(|(i, hit)| {
                        let outlet = outlets.get(i).map_or(crate::state::UNKNOWN_OUTLET, String::as_str);
                        let href = Route::Article { id: hit.id.clone(), query: Some(query.to_string()), at: None }.href();
                        let highlights: Vec<(usize, usize, &'static str)> = hit.snippet.highlights.iter().map(|&(s, e)| (s, e, "hit")).collect();
                        html! {
                            <li class="result">
                                <a class="result-title" href={href}>{ iso(&hit.title) }</a>
                                <p class="result-meta">{ iso(outlet) }<span class="muted">{ format!(" · score {}", format_fixed(f64::from(hit.score), 2)) }</span></p>
                                <p class="snippet">
                                    { if hit.snippet.cut_before { "… " } else { "" } }
                                    <bdi><MarkedText text={AttrValue::from(hit.snippet.text.clone())} base={hit.snippet.start} hits={Rc::new(highlights)} /></bdi>
                                    { if hit.snippet.cut_after { " …" } else { "" } }
                                </p>
                            </li>
                        }
                    }) }
                </ol>
                { footer }
                </div>
            </div>
        </section>
    }
}

/// The search page before anything is typed.
pub fn empty_search() -> Html {
    html! {
        <section class="page search">
            <h1>{ "Search" }</h1>
            <p class="lede">{ "Type in the box above. Spelling variants (Kadhemi, Fouad) and typos are forgiven; use \"quotes\" for a phrase, -word to exclude, outlet:name to filter." }</p>
        </section>
    }
}

/// Browsers coarsen `performance.now()` (to 0.1 ms without cross-origin isolation), so a query
/// faster than that reads "< 0.1 ms" rather than a false "0.000".
fn format_ms(ms: f64) -> String {
    if ms < 0.1 {
        "< 0.1".to_string()
    } else if ms < 10.0 {
        format_fixed(ms, 2)
    } else {
        format_fixed(ms, 0)
    }
}
