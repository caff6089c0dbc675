//! The home page's coverage matrix: stories (rows) × outlets (columns), each cell the articles and
//! words one outlet gave one story. A cell opens its articles; a row opens "Compare coverage".

use yew::prelude::*;

use crate::components::isolate::iso;

use super::draw::{self, clip, count, outlet_label, radius, Panel, Tip};
use super::model::coverage::{story_matrix, StoryMatrix, StoryOrder, MAX_ROWS};
use super::model::outlets::{OutletColumns, MAX_OUTLETS};
use crate::state::{story_span, Loaded, Route};

const LABEL_W: f64 = 250.0;
const COL_W: f64 = 72.0;
const HEAD_H: f64 = 120.0;
const ROW_H: f64 = 48.0;
const COUNT_W: f64 = 90.0;

/// Properties of [`StoryCoverage`].
#[derive(Properties, PartialEq)]
pub struct StoryCoverageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
}

/// Stories × outlets.
#[function_component(StoryCoverage)]
pub fn story_coverage(props: &StoryCoverageProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let order = use_state(StoryOrder::default);
    let tip = use_state(|| None::<Tip>);
    let panel = use_state(|| None::<Panel>);
    // Per corpus: the columns; per order: the rows.
    let columns = use_memo(props.corpus.clone(), |corpus| OutletColumns::new(&corpus.bundle, MAX_OUTLETS));
    let matrix = {
        let columns = columns.clone();
        use_memo((props.corpus.clone(), *order), move |(corpus, order)| {
            story_matrix(&corpus.bundle, &columns, *order, MAX_ROWS)
        })
    };
    draw::use_render_stamp(figure.clone(), started);
    if matrix.rows.is_empty() {
        return Html::default();
    }
    let onchange = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            order.set(match select.value().as_str() {
                "fewest" => StoryOrder::FewestOutlets,
                "newest" => StoryOrder::Newest,
                _ => StoryOrder::MostOutlets,
            });
        })
    };
    let shown = if matrix.rows.len() < matrix.total_rows {
        format!("The {} of {} stories first in this order.", matrix.rows.len(), matrix.total_rows)
    } else {
        count(matrix.total_rows, "story", "stories")
    };
    let picture = svg(&props.corpus, &matrix, &tip, &panel);
    let as_table = table(&props.corpus, &matrix);
    let built = draw::elapsed(started);
    html! {
        <figure class="picture story-matrix" ref={figure} aria-labelledby="story-matrix-h" data-build-ms={built}>
            <figcaption>
                <h2 id="story-matrix-h" class="section-title">{ "Who covered which story" }</h2>
                <p class="muted">{ "Each circle is what one outlet gave one story: its area the articles (the number inside), the words below. Open a story to compare its coverage, or a circle for its articles. " }{ shown }</p>
            </figcaption>
            <div class="pic-controls">
                <label>{ "Order " }
                    <select {onchange}>
                        <option value="most" selected={*order == StoryOrder::MostOutlets}>{ "most outlets first" }</option>
                        <option value="fewest" selected={*order == StoryOrder::FewestOutlets}>{ "fewest outlets first" }</option>
                        <option value="newest" selected={*order == StoryOrder::Newest}>{ "newest first" }</option>
                    </select>
                </label>
            </div>
            { picture }
            { draw::panel(&panel) }
            { as_table }
        </figure>
    }
}

fn svg(
    corpus: &Loaded,
    m: &StoryMatrix,
    tip: &draw::TipState,
    panel: &UseStateHandle<Option<Panel>>,
) -> Html {
    let bundle = &corpus.bundle;
    let n_cols = m.columns.len();
    let width = LABEL_W + n_cols as f64 * COL_W + COUNT_W;
    let height = HEAD_H + m.rows.len() as f64 * ROW_H + 4.0;
    let heads = m.columns.iter().enumerate().map(|(c, col)| {
        let x = LABEL_W + c as f64 * COL_W + COL_W / 2.0;
        html! {
            <text class="pic-head" transform={format!("translate({x:.0},{:.0}) rotate(-40)", HEAD_H - 10.0)}>
                { draw::svg_iso(&outlet_label(col), 26) }
            </text>
        }
    });
    let rows = m.rows.iter().enumerate().map(|(r, row)| {
        let story = &bundle.stories[row.story];
        let y = HEAD_H + r as f64 * ROW_H;
        let (href, action) = if row.compare.len() >= 2 {
            let ids = row.compare.iter().filter_map(|&i| bundle.articles.get(i)).map(|a| a.id.clone()).collect();
            (Route::Compare { ids }.href(), "Compare coverage")
        } else {
            (story.articles.first().map(|id| Route::article(id).href()).unwrap_or_default(), "Open the only article")
        };
        let span = story_span(story).unwrap_or_else(|| "undated".into());
        let shown = clip(&story.label, 31);
        let line2 = format!("{span} · {}", action.to_lowercase());
        let name = if shown == story.label { format!("{shown} {line2}") } else { format!("{shown} {line2}: {}", story.label) };
        let cells = row.cells.iter().enumerate().filter(|(_, c)| !c.articles.is_empty()).map(|(c, cell)| {
            let cx = LABEL_W + c as f64 * COL_W + COL_W / 2.0;
            let cy = y + 19.0;
            let n = cell.articles.len();
            let r_px = radius(n, m.max_articles, 8.0, 17.0);
            let outlet = outlet_label(&m.columns[c]);
            let summary = format!("{} · {}", count(n, "article", "articles"), count(cell.words, "word", "words"));
            // Accessible names start with the text the mark shows (WCAG 2.5.3, label in name).
            let label = format!("{n} {}: {outlet} gave {summary} to “{}”", short_words(cell.words), story.label);
            let h = draw::tip_handlers(tip, Tip { x: cx + 18.0, y: cy + 10.0, lines: vec![outlet.clone(), story.label.clone(), summary] });
            let body = html! {
                <>
                    <circle class="pic-dot" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r={format!("{r_px:.1}")} />
                    <circle class="pic-ring" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r={format!("{:.1}", r_px + 3.0)} />
                    <text class="pic-dot-n" x={format!("{cx:.1}")} y={format!("{:.1}", cy + 4.0)} text-anchor="middle">{ format!("{n} ") }</text>
                    <text class="pic-small" x={format!("{cx:.1}")} y={format!("{:.1}", y + ROW_H - 4.0)} text-anchor="middle">{ short_words(cell.words) }</text>
                </>
            };
            if let [only] = cell.articles.as_slice() {
                let href = bundle.articles.get(*only).map(|a| Route::article(&a.id).href()).unwrap_or_default();
                html! {
                    <a class="pic-cell" {href} aria-label={label} data-outlet={outlet.clone()} data-articles={n.to_string()}
                        onmouseenter={h.enter} onmouseleave={h.leave} onfocus={h.focus} onblur={h.blur}>{ body }</a>
                }
            } else {
                let open = {
                    let panel = panel.clone();
                    let corpus = corpus.clone();
                    let articles = cell.articles.clone();
                    let title = html! { <>{ iso(&outlet) }{ " on “" }{ iso(&story.label) }{ format!("”: {}", count(n, "article", "articles")) }</> };
                    // The links are made when the cell is opened, not on every render.
                    move || {
                        let links = articles.iter().take(50).filter_map(|&i| corpus.bundle.articles.get(i)).map(|a| {
                            (a.title.text.clone(), Route::article(&a.id).href(), format!(" · {}", count(a.word_count(), "word", "words")))
                        }).collect();
                        panel.set(Some(Panel { title: title.clone(), links }))
                    }
                };
                let (o1, o2) = (open.clone(), open);
                html! {
                    <g class="pic-cell" role="button" tabindex="0" aria-label={label} data-outlet={outlet.clone()} data-articles={n.to_string()}
                        onclick={Callback::from(move |_| o1())}
                        onkeydown={Callback::from(move |e: KeyboardEvent| if draw::activates(&e) { e.prevent_default(); o2() })}
                        onmouseenter={h.enter} onmouseleave={h.leave} onfocus={h.focus} onblur={h.blur}>{ body }</g>
                }
            }
        });
        let single = row.outlets == 1;
        html! {
            <g class={classes!("pic-row", single.then_some("pic-single"))} data-story={story.id.clone()} data-outlets={row.outlets.to_string()}>
                <rect class={if r % 2 == 0 { "pic-stripe" } else { "pic-stripe odd" }} x="0" y={format!("{y:.0}")} width={format!("{width:.0}")} height={format!("{ROW_H:.0}")} />
                <a class="pic-row-link" {href} aria-label={name}>
                    <rect class="pic-head-hit" x="0" y={format!("{y:.0}")} width={format!("{:.0}", LABEL_W - 6.0)} height={format!("{ROW_H:.0}")} />
                    <text class="pic-label" x="6" y={format!("{:.0}", y + 20.0)}>{ draw::svg_iso(&story.label, 31) }{ " " }</text>
                    <text class="pic-small" x="6" y={format!("{:.0}", y + 38.0)}>{ line2 }</text>
                </a>
                { for cells }
                <text class="pic-count" x={format!("{:.0}", width - COUNT_W + 10.0)} y={format!("{:.0}", y + 28.0)}>
                    { if single { "1 outlet only".to_string() } else { count(row.outlets, "outlet", "outlets") } }
                </text>
            </g>
        }
    });
    html! {
        <div class="pic-scroll">
            <div class="pic-canvas" style={format!("width: {width:.0}px")}>
                <svg class="pic-svg" width={format!("{width:.0}")} height={format!("{height:.0}")} viewBox={format!("0 0 {width:.0} {height:.0}")} role="group" aria-label="Stories by outlet">
                    <text class="pic-axis" x="6" y={format!("{:.0}", HEAD_H - 10.0)}>{ "Story" }</text>
                    { for heads }
                    <text class="pic-axis" x={format!("{:.0}", width - COUNT_W + 10.0)} y={format!("{:.0}", HEAD_H - 10.0)}>{ "Outlets" }</text>
                    { for rows }
                </svg>
                { draw::tooltip(tip) }
            </div>
        </div>
    }
}

fn short_words(words: usize) -> String {
    if words >= 10_000 {
        format!("{}k words", words / 1000)
    } else {
        format!("{words} words")
    }
}

fn table(corpus: &Loaded, m: &StoryMatrix) -> Html {
    let bundle = &corpus.bundle;
    html! {
        <details class="pic-table">
            <summary>{ "The same as a table" }</summary>
            <div class="pic-table-scroll">
                <table>
                    <caption>{ "Articles and words each outlet gave each story" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Story" }</th>
                        { for m.columns.iter().map(|c| html! { <th scope="col"><bdi>{ outlet_label(c) }</bdi></th> }) }
                        <th scope="col">{ "Outlets" }</th>
                    </tr></thead>
                    <tbody>{ for m.rows.iter().map(|row| {
                        let story = &bundle.stories[row.story];
                        html! {
                            <tr>
                                <th scope="row"><bdi>{ &story.label }</bdi></th>
                                { for row.cells.iter().map(|cell| if cell.articles.is_empty() {
                                    html! { <td class="muted">{ "—" }</td> }
                                } else {
                                    html! { <td>
                                        { format!("{}, {}: ", count(cell.articles.len(), "article", "articles"), count(cell.words, "word", "words")) }
                                        { for cell.articles.iter().take(5).filter_map(|&i| bundle.articles.get(i)).enumerate().map(|(k, a)| html! {
                                            <>{ if k > 0 { " · " } else { "" } }<a href={Route::article(&a.id).href()}>{ draw::html_iso(&a.title.text, 40) }</a></>
                                        }) }
                                    </td> }
                                }) }
                                <td>{ row.outlets }</td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
            </div>
        </details>
    }
}
