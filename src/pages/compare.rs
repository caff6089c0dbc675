//! `#/compare/<a>/<b>[/<c>]`: sources side by side, aligned by what they say, with changed
//! wording, conflicting figures, sentences only one source has, quotes and shared wire copy.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::compare_client::{self, Event as Progress};
use crate::compare_message::Stage;
use crate::compare_view::{plan, Column, CompareError, CompareHead, Placed, Plan, Row, SentenceMarks};
use crate::components::article_text::MarkedText;
use crate::components::isolate::iso;
use crate::components::remembered::PinButton;
use crate::state::{Explorer, Loaded, Route};

/// Properties of [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// The compared article ids, in column order.
    pub ids: Vec<String>,
}

/// The comparison page: checks the ids, then runs one comparison per set of ids.
#[function_component(ComparePage)]
pub fn compare_page(props: &ComparePageProps) -> Html {
    // Bumped by "Try again": a new run (and job) for the same comparison.
    let attempt = use_state(|| 0u32);
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let planned = use_memo((props.corpus.clone(), props.ids.clone()), |(corpus, ids)| {
        plan(&corpus.bundle, ids).map(Rc::new)
    });
    match &*planned {
        Err(CompareError::UnknownArticle(id)) => html! {
            <section class="page"><h1>{ "Cannot compare" }</h1><p>{ "This corpus has no article “" }{ iso(id) }{ "”." }</p><p><a href="#/">{ "Back to all articles" }</a></p></section>
        },
        Err(CompareError::TooFew) => html! {
            <section class="page"><h1>{ "Cannot compare" }</h1><p>{ "A comparison needs at least two different articles." }</p><p><a href="#/">{ "Back to all articles" }</a></p></section>
        },
        // A new key per comparison: a fresh run (and the old one's worker stopped) on every change.
        Ok(plan) => html! {
            <CompareRun key={format!("{}\u{1f}{}", props.ids.join("\u{1f}"), *attempt)} corpus={props.corpus.clone()} plan={plan.clone()} ids={props.ids.clone()} {on_retry} />
        },
    }
}

/// Properties of [`CompareRun`].
#[derive(Properties, PartialEq)]
struct CompareRunProps {
    corpus: Loaded,
    plan: Rc<Plan>,
    ids: Vec<String>,
    /// "Try again" after a failure.
    on_retry: Callback<()>,
}

/// What has arrived of one comparison.
#[derive(Clone, Default, PartialEq)]
struct Run {
    stage: Option<Stage>,
    head: Option<Rc<CompareHead>>,
    total: usize,
    received: usize,
    chunks: Vec<Rc<Vec<Row>>>,
    done: bool,
    in_page: Option<String>,
    failed: Option<String>,
}

impl Reducible for Run {
    type Action = Progress;
    fn reduce(self: Rc<Self>, event: Progress) -> Rc<Self> {
        let mut next = (*self).clone();
        match event {
            Progress::Stage(stage) => next.stage = Some(stage),
            Progress::Head(head, total) => {
                next.head = Some(head);
                next.total = total;
            }
            Progress::Rows(rows) => {
                next.received += rows.len();
                next.chunks.push(rows);
            }
            Progress::Done => next.done = true,
            Progress::InPage(why) => next = Run { in_page: Some(why), ..Run::default() },
            Progress::Failed(why) => {
                next = Run { failed: Some(why), in_page: next.in_page, ..Run::default() }
            }
        }
        Rc::new(next)
    }
}

/// One comparison: started when shown, stopped when the reader leaves; rows drawn as they come.
#[function_component(CompareRun)]
fn compare_run(props: &CompareRunProps) -> Html {
    let run = use_reducer(Run::default);
    {
        let dispatcher = run.dispatcher();
        use_effect_with((props.corpus.clone(), props.plan.clone()), move |(corpus, plan)| {
            let job = compare_client::start(
                corpus.clone(),
                plan.clone(),
                Callback::from(move |e| dispatcher.dispatch(e)),
            );
            move || drop(job)
        });
    }
    let finished = run.done || run.failed.is_some();
    let seconds = use_state(|| 0u32);
    {
        let seconds = seconds.clone();
        use_effect_with(finished, move |finished| {
            let ticker = (!*finished).then(|| Interval::new(1000, move || seconds.set(*seconds + 1)));
            move || drop(ticker)
        });
    }
    let marks = use_memo((props.corpus.clone(), props.plan.clone()), |(corpus, plan)| {
        plan.columns.iter().map(|c| SentenceMarks::new(corpus, c.article)).collect::<Vec<_>>()
    });
    // The overview is redrawn about 40 times while rows stream in (and once they all have), not
    // once per batch of 20 rows.
    let step = (run.total / 40).max(20);
    let map_memo = {
        let run = run.clone();
        use_memo((run.received / step, run.done, run.head.is_some()), move |_| {
            let head = run.head.as_ref()?;
            (run.received > 0).then(|| {
                Rc::new(crate::pictures::model::minimap::minimap(
                    head.columns.len(),
                    run.total,
                    run.chunks.iter().flat_map(|c| c.iter()),
                ))
            })
        })
    };
    let map: Option<Rc<crate::pictures::model::minimap::Minimap>> = (*map_memo).clone();
    let state = if run.done {
        "done"
    } else if run.failed.is_some() {
        "failed"
    } else {
        "running"
    };
    let engine = if run.in_page.is_some() { "page" } else { "worker" };
    html! {
        <section class="page compare" data-state={state} data-engine={engine} aria-busy={(!finished).to_string()}>
            // Every child keyed, here and below: yew matches unkeyed siblings from the end, so a
            // part appearing (the quotes, at the end) would otherwise redraw the thousands of rows.
            <h1 key="title">{ "Compare coverage" }</h1>
            <PinButton key="pin" ids={props.ids.clone()} />
            <div key="status" class="compare-status">
                { for run.in_page.as_ref().map(|why| html! {
                    <p class="notice compare-in-page" role="status">{ "The comparison worker could not be used (" }{ why }{ "), so this page compares the articles itself and may stop responding for a moment." }</p>
                }) }
                { for run.failed.as_ref().map(|why| {
                    let retry = props.on_retry.reform(|_: MouseEvent| ());
                    html! {
                        <div class="notice compare-failed" role="alert">
                            <p>{ "This comparison could not run: " }{ why }{ "." }</p>
                            <button type="button" onclick={retry}>{ "Try again" }</button>
                        </div>
                    }
                }) }
                { for (!finished).then(|| progress(&run, *seconds)) }
            </div>
            <div key="result" class="compare-result">
                { for run.head.as_ref().map(|head| html! {
                    <>
                        <div key="notices">{ for head.notices.iter().map(|n| html! { <p class="notice" role="status">{ iso(n) }</p> }) }</div>
                        <div key="summary">{ summary(head) }</div>
                        // The overview beside the rows (above them on narrow screens), drawn
                        // with the rows that have arrived.
                        <div key="body" class={classes!("compare-body", map.is_some().then_some("has-map"))}>
                            <div key="overview" class="compare-map">{ for map.as_ref().map(|map| html! {
                                <crate::pictures::minimap::Overview map={map.clone()}
                                    labels={head.columns.iter().map(|c| c.label.clone()).collect::<Vec<_>>()} />
                            }) }</div>
                            <div key="grid" class="compare-rows">{ grid(&props.corpus, head, &run.chunks, marks.clone(), &props.ids) }</div>
                        </div>
                        <div key="extras">{ for run.done.then(|| html! { <Extras head={head.clone()} /> }) }</div>
                    </>
                }) }
            </div>
        </section>
    }
}

/// "Comparing…" while the comparison runs, then how many rows are drawn.
fn progress(run: &Run, seconds: u32) -> Html {
    let what = match (run.head.is_some(), run.stage) {
        (true, _) => format!("Showing the rows: {} of {}", run.received, run.total),
        (false, Some(Stage::Comparing { bytes })) => {
            format!(
                "Comparing {} MB of text… {seconds} s",
                crate::state::format_fixed(bytes as f64 / 1_000_000.0, 1)
            )
        }
        (false, _) if run.in_page.is_some() => "Comparing in this page…".to_string(),
        (false, _) => format!("Comparing… starting the comparison worker, {seconds} s"),
    };
    let (value, max) = if run.head.is_some() {
        (run.received.to_string(), run.total.max(1).to_string())
    } else {
        (String::new(), String::new())
    };
    html! {
        <p class="compare-progress" role="status">
            { what }
            if run.head.is_some() { <progress value={value} max={max}></progress> } else { <progress></progress> }
        </p>
    }
}

fn summary(head: &CompareHead) -> Html {
    let summary = &head.summary;
    html! {
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
    }
}

fn grid(
    corpus: &Loaded,
    head: &CompareHead,
    chunks: &[Rc<Vec<Row>>],
    marks: Rc<Vec<SentenceMarks>>,
    ids: &[String],
) -> Html {
    let n = head.columns.len();
    let summary = &head.summary;
    let style = format!("--columns: {n}");
    let header = head.columns.iter().enumerate().map(|(i, c)| {
        let source = summary.sources.get(i);
        html! {
            <div class="compare-head" role="columnheader">
                <p class="compare-label">{ iso(&c.label) }</p>
                <a class="compare-title" href={Route::article(&c.id).href()}>{ iso(&c.title) }</a>
                { swap_select(corpus, ids, i) }
                { source.map(|s| {
                    let percent = crate::state::format_fixed(f64::from(s.aligned_share) * 100.0, 0);
                    html! {
                        <p class="compare-share">
                            <span class="share-bar" aria-hidden="true"><span style={format!("width: {percent}%")}></span></span>
                            { format!("{percent}% aligned · {} of {} sentences only here", s.only_sentences, s.sentences) }
                        </p>
                    }
                }).unwrap_or_default() }
            </div>
        }
    });
    let columns = Rc::new(head.columns.clone());
    html! {
        <div class="compare-grid" style={style} role="table" aria-label="Aligned sentences">
            // Every child keyed: yew matches an unkeyed list from its end, so one more batch would
            // shift (and redraw) every batch before it.
            <div key="header" class="compare-row compare-header" role="row">{ for header }</div>
            { for chunks.iter().enumerate().map(|(i, rows)| html! {
                <RowBatch key={format!("batch-{i}")} corpus={corpus.clone()} columns={columns.clone()} marks={marks.clone()} rows={rows.clone()} />
            }) }
        </div>
    }
}

/// Items of the shared-wording and quote lists drawn per task: a long pair of articles can share
/// over a thousand runs of wording.
const ITEMS_PER_BATCH: usize = 20;

/// Properties of [`Extras`].
#[derive(Properties, PartialEq)]
struct ExtrasProps {
    head: Rc<CompareHead>,
}

/// Shared wording and quotes, below the rows once they are all there, drawn a batch per task.
#[function_component(Extras)]
fn extras(props: &ExtrasProps) -> Html {
    let head = &props.head;
    let shared = head.shared.len().div_ceil(ITEMS_PER_BATCH);
    let quotes = head.quotes.len().div_ceil(ITEMS_PER_BATCH);
    let shown = use_state(|| 1usize);
    {
        let shown = shown.clone();
        let total = shared + quotes;
        use_effect_with(*shown, move |now| {
            let now = *now;
            let next =
                (now < total).then(|| gloo::timers::callback::Timeout::new(0, move || shown.set(now + 1)));
            move || drop(next)
        });
    }
    let shared_shown = (*shown).min(shared);
    let quotes_shown = (*shown).saturating_sub(shared).min(quotes);
    html! {
        <>
            { for (shared > 0).then(|| html! {
                <section class="shared-wording" aria-labelledby="shared-h">
                    <h2 id="shared-h">{ "Shared wording (wire copy)" }</h2>
                    <ul>{ for (0..shared_shown).map(|i| html! { <Items key={i} head={head.clone()} list={List::Shared} batch={i} /> }) }</ul>
                </section>
            }) }
            { for (quotes_shown > 0).then(|| html! {
                <section class="quotes" aria-labelledby="quotes-h">
                    <h2 id="quotes-h">{ "The same speaker, quoted by each" }</h2>
                    <ul>{ for (0..quotes_shown).map(|i| html! { <Items key={i} head={head.clone()} list={List::Quotes} batch={i} /> }) }</ul>
                </section>
            }) }
        </>
    }
}

/// Which list of [`Extras`].
#[derive(Clone, Copy, PartialEq)]
enum List {
    Shared,
    Quotes,
}

fn label_of(head: &CompareHead, id: &str) -> String {
    head.columns.iter().find(|c| c.id == id).map_or(id.to_string(), |c| c.label.clone())
}

fn shared_item(head: &CompareHead, r: &parallax_engine::compare::SharedRun) -> Html {
    html! {
        <li><q><bdi>{ &r.text }</bdi></q><span class="muted">{ format!(" — {} words in both ", r.words) }{ iso(&label_of(head, &r.a)) }{ " and " }{ iso(&label_of(head, &r.b)) }</span></li>
    }
}

fn quote_item(head: &CompareHead, q: &parallax_engine::compare::QuotePair) -> Html {
    html! {
        <li class={classes!(q.wording_differs.then_some("differs"))}>
            <p><strong>{ iso(&q.speaker) }</strong>{ if q.wording_differs { " — worded differently" } else { " — same words" } }</p>
            <p>{ iso(&label_of(head, &q.a.article)) }{ ": " }<q><bdi>{ &q.a.text }</bdi></q></p>
            <p>{ iso(&label_of(head, &q.b.article)) }{ ": " }<q><bdi>{ &q.b.text }</bdi></q></p>
        </li>
    }
}

/// Properties of [`Items`]; the head is compared by pointer, so a batch drawn is never redrawn.
#[derive(Properties)]
struct ItemsProps {
    head: Rc<CompareHead>,
    list: List,
    batch: usize,
}

impl PartialEq for ItemsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.head, &other.head) && self.list == other.list && self.batch == other.batch
    }
}

/// One batch of [`ITEMS_PER_BATCH`] list items.
#[function_component(Items)]
fn items(props: &ItemsProps) -> Html {
    let head = &props.head;
    let from = props.batch * ITEMS_PER_BATCH;
    match props.list {
        List::Shared => {
            html! { <>{ for head.shared.iter().skip(from).take(ITEMS_PER_BATCH).map(|r| shared_item(head, r)) }</> }
        }
        List::Quotes => {
            html! { <>{ for head.quotes.iter().skip(from).take(ITEMS_PER_BATCH).map(|q| quote_item(head, q)) }</> }
        }
    }
}

/// Properties of [`RowBatch`]; compared by pointer, so a batch already drawn is never redrawn.
#[derive(Properties)]
struct RowBatchProps {
    corpus: Loaded,
    columns: Rc<Vec<Column>>,
    marks: Rc<Vec<SentenceMarks>>,
    rows: Rc<Vec<Row>>,
}

impl PartialEq for RowBatchProps {
    fn eq(&self, other: &Self) -> bool {
        self.corpus == other.corpus
            && Rc::ptr_eq(&self.rows, &other.rows)
            && Rc::ptr_eq(&self.marks, &other.marks)
            && self.columns == other.columns
    }
}

/// One batch of rows (one message's worth), drawn in one short task, in an element of its own
/// that the browser can skip laying out while it is off screen.
#[function_component(RowBatch)]
fn row_batch(props: &RowBatchProps) -> Html {
    let explorer: &Explorer = &props.corpus;
    let columns = &props.columns;
    let rows = props.rows.iter().map(|row| {
        let unique = row.is_unique();
        html! {
            <div class={classes!("compare-row", unique.then_some("unique"), (!row.conflicts.is_empty()).then_some("has-conflict"))} role="row">
                { for row.cells.iter().zip(columns.iter()).enumerate().map(|(col, (cell, column))| html! {
                    <div class="compare-cell" role="cell" data-column={column.label.clone()}>
                        { for cell.iter().map(|p| sentence(explorer, p, props.marks.get(col))) }
                        { for (unique && !cell.is_empty()).then(|| html! { <span class="only-badge">{ "Only in " }{ iso(&column.label) }</span> }) }
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
    html! { <div class="compare-batch" role="rowgroup">{ for rows }</div> }
}

fn sentence(explorer: &Explorer, p: &Placed, marks: Option<&SentenceMarks>) -> Html {
    let s = &p.sentence;
    let entity_marks = marks.map(|m| m.within(explorer, s.start, s.end)).unwrap_or_default();
    let mut inner: Vec<(usize, usize, &'static str)> =
        p.conflicting.iter().map(|&(a, b)| (a, b, "conflict")).collect();
    inner.extend(p.changed.iter().map(|&(a, b)| (a, b, "diff")));
    parallax_engine::sort::sort_by_key(&mut inner, |h| h.0);
    html! {
        <p class="compare-sentence" data-start={s.start.to_string()}>
            <MarkedText text={AttrValue::from(s.text.clone())} base={s.start} marks={entity_marks} hits={Rc::new(inner)} />
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
