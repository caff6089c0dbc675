//! `#/compare/<a>/<b>[/<c>]`: sources side by side, aligned by what they say, with changed
//! wording, conflicting figures, sentences only one source has, quotes and shared wire copy.

use std::rc::Rc;

use yew::prelude::*;

use crate::compare_view::{compare_view, CompareError, CompareView, Placed};
use crate::components::article_text::MarkedText;
use crate::components::isolate::iso;
use crate::components::remembered::PinButton;
use crate::state::{article_marks, Loaded, Route, TypeFilter};

/// Properties of [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// The compared article ids, in column order.
    pub ids: Vec<String>,
}

/// The comparison page.
#[function_component(ComparePage)]
pub fn compare_page(props: &ComparePageProps) -> Html {
    let corpus = props.corpus.clone();
    let view = use_memo((props.corpus.clone(), props.ids.clone()), move |(corpus, ids)| {
        compare_view(&corpus.bundle, ids)
    });
    match &*view {
        Err(CompareError::UnknownArticle(id)) => html! {
            <section class="page"><h1>{ "Cannot compare" }</h1><p>{ "This corpus has no article “" }{ iso(id) }{ "”." }</p><p><a href="#/">{ "Back to all articles" }</a></p></section>
        },
        Err(CompareError::TooFew) => html! {
            <section class="page"><h1>{ "Cannot compare" }</h1><p>{ "A comparison needs at least two different articles." }</p><p><a href="#/">{ "Back to all articles" }</a></p></section>
        },
        Ok(view) => render(&corpus, view, &props.ids),
    }
}

fn render(corpus: &Loaded, view: &CompareView, ids: &[String]) -> Html {
    let n = view.columns.len();
    let summary = &view.comparison.summary;
    let marks: Vec<_> =
        view.columns.iter().map(|c| article_marks(corpus, c.article, TypeFilter::default())).collect();
    let style = format!("--columns: {n}");
    let header = view.columns.iter().enumerate().map(|(i, c)| {
        let source = summary.sources.get(i);
        html! {
            <div class="compare-head" role="columnheader">
                <p class="compare-label">{ iso(&c.label) }</p>
                <a class="compare-title" href={Route::article(&c.id).href()}>{ iso(&c.title) }</a>
                { swap_select(corpus, ids, i) }
                { source.map(|s| html! {
                    <p class="compare-share">
                        <span class="share-bar" aria-hidden="true"><span style={format!("width: {:.0}%", s.aligned_share * 100.0)}></span></span>
                        { format!("{:.0}% aligned · {} of {} sentences only here", s.aligned_share * 100.0, s.only_sentences, s.sentences) }
                    </p>
                }).unwrap_or_default() }
            </div>
        }
    });
    let rows = view.rows.iter().map(|row| {
        let unique = row.is_unique();
        html! {
            <div class={classes!("compare-row", unique.then_some("unique"), (!row.conflicts.is_empty()).then_some("has-conflict"))} role="row">
                { for row.cells.iter().enumerate().map(|(col, cell)| html! {
                    <div class="compare-cell" role="cell" data-column={view.columns[col].label.clone()}>
                        { for cell.iter().map(|p| sentence(p, &marks[col])) }
                        { for (unique && !cell.is_empty()).then(|| html! { <span class="only-badge">{ "Only in " }{ iso(&view.columns[col].label) }</span> }) }
                    </div>
                }) }
                { for row.strength().map(|s| html! { <p class="row-strength muted">{ "Same fact · " }{ s }</p> }) }
                { for (!row.conflicts.is_empty() || !row.changes.is_empty() || !row.undated.is_empty() || !row.agreements.is_empty()).then(|| html! {
                    <div class="row-facts" role="cell">
                        { for row.conflicts.iter().map(|c| html! { <p class="conflict-badge" role="note"><strong>{ "Conflict: " }</strong>{ iso(c) }</p> }) }
                        { for row.changes.iter().map(|c| html! { <p class="change-badge" role="note"><strong>{ "Explained: " }</strong>{ iso(c) }</p> }) }
                        { for row.undated.iter().map(|c| html! { <p class="undated-badge" role="note"><strong>{ "Differs: " }</strong>{ iso(c) }</p> }) }
                        { for row.agreements.iter().map(|a| html! { <p class="agree-badge">{ "Agree: " }{ iso(a) }</p> }) }
                    </div>
                }) }
            </div>
        }
    });
    let quotes = &view.comparison.quotes;
    let shared = &view.comparison.shared;
    let label_of =
        |id: &str| view.columns.iter().find(|c| c.id == id).map_or(id.to_string(), |c| c.label.clone());
    html! {
        <section class="page compare">
            <h1>{ "Compare coverage" }</h1>
            <PinButton ids={ids.to_vec()} />
            { for view.notices.iter().map(|n| html! { <p class="notice" role="status">{ iso(n) }</p> }) }
            <div class="compare-summary" aria-label="Summary">
                <p><strong>{ summary.pairs }</strong>{ " aligned sentence pairs · " }
                   <strong class={classes!((summary.conflicts > 0).then_some("conflict-count"))}>{ summary.conflicts }</strong>{ if summary.conflicts == 1 { " conflict" } else { " conflicts" } }
                   { " · " }<strong>{ summary.changes }</strong>{ " differences explained by time · " }
                   <strong>{ summary.undated }</strong>{ " undated differences" }
                   { " · " }<strong>{ summary.shared_runs }</strong>{ " runs of shared wording · " }
                   <strong>{ summary.quote_differences }</strong>{ " quotes worded differently" }</p>
                <ul class="legend-inline">
                    <li><mark class="diff">{ "worded differently" }</mark></li>
                    <li><mark class="conflict">{ "figure or date that differs" }</mark></li>
                    <li><span class="only-badge">{ "only in one source" }</span></li>
                </ul>
            </div>
            <crate::pictures::minimap::Overview map={Rc::new(crate::pictures::model::minimap::minimap(view))}
                labels={view.columns.iter().map(|c| c.label.clone()).collect::<Vec<_>>()} />
            <div class="compare-grid" style={style} role="table" aria-label="Aligned sentences">
                <div class="compare-row compare-header" role="row">{ for header }</div>
                { for rows }
            </div>
            { for (!shared.is_empty()).then(|| html! {
                <section class="shared-wording" aria-labelledby="shared-h">
                    <h2 id="shared-h">{ "Shared wording (wire copy)" }</h2>
                    <ul>{ for shared.iter().map(|r| html! {
                        <li><q><bdi>{ &r.text }</bdi></q><span class="muted">{ format!(" — {} words in both ", r.words) }{ iso(&label_of(&r.a)) }{ " and " }{ iso(&label_of(&r.b)) }</span></li>
                    }) }</ul>
                </section>
            }) }
            { for (!quotes.is_empty()).then(|| html! {
                <section class="quotes" aria-labelledby="quotes-h">
                    <h2 id="quotes-h">{ "The same speaker, quoted by each" }</h2>
                    <ul>{ for quotes.iter().map(|q| html! {
                        <li class={classes!(q.wording_differs.then_some("differs"))}>
                            <p><strong>{ iso(&q.speaker) }</strong>{ if q.wording_differs { " — worded differently" } else { " — same words" } }</p>
                            <p>{ iso(&label_of(&q.a.article)) }{ ": " }<q><bdi>{ &q.a.text }</bdi></q></p>
                            <p>{ iso(&label_of(&q.b.article)) }{ ": " }<q><bdi>{ &q.b.text }</bdi></q></p>
                        </li>
                    }) }</ul>
                </section>
            }) }
        </section>
    }
}

fn sentence(p: &Placed, marks: &std::collections::HashMap<usize, Rc<Vec<crate::state::Mark>>>) -> Html {
    let s = &p.sentence;
    // Entity marks inside this sentence (the map is keyed by block start).
    let mut entity_marks: Vec<crate::state::Mark> = marks
        .values()
        .flat_map(|m| m.iter())
        .filter(|m| m.start >= s.start && m.end <= s.end)
        .cloned()
        .collect();
    entity_marks.sort_by_key(|m| m.start);
    let mut inner: Vec<(usize, usize, &'static str)> =
        p.conflicting.iter().map(|&(a, b)| (a, b, "conflict")).collect();
    inner.extend(p.changed.iter().map(|&(a, b)| (a, b, "diff")));
    inner.sort_by_key(|h| h.0);
    html! {
        <p class="compare-sentence" data-start={s.start.to_string()}>
            <MarkedText text={AttrValue::from(s.text.clone())} base={s.start} marks={Rc::new(entity_marks)} hits={Rc::new(inner)} />
        </p>
    }
}

/// A select to swap the article of one column (a reader picks what to compare).
fn swap_select(corpus: &Loaded, ids: &[String], column: usize) -> Html {
    let ids_owned: Vec<String> = ids.to_vec();
    let onchange = Callback::from(move |e: Event| {
        let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
        let mut next = ids_owned.clone();
        let value = select.value();
        if value.is_empty() {
            if next.len() > 2 {
                next.remove(column);
            }
        } else if column < next.len() {
            next[column] = value;
        }
        let _ = gloo::utils::window().location().set_hash(&Route::Compare { ids: next }.href()[1..]);
    });
    let current = ids.get(column).cloned().unwrap_or_default();
    html! {
        <label class="swap">
            <span class="visually-hidden">{ format!("Article in column {}", column + 1) }</span>
            <select {onchange}>
                { for corpus.bundle.articles.iter().map(|a| html! {
                    <option value={a.id.clone()} selected={a.id == current} dir="auto">{ &a.title.text }</option>
                }) }
                { for (ids.len() > 2).then(|| html! { <option value="">{ "— remove this column —" }</option> }) }
            </select>
        </label>
    }
}
