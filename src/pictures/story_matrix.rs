//! The home page's coverage matrix: stories (rows) × outlets (columns), each cell the articles and
//! words one outlet gave one story. A cell opens its articles; a row opens "Compare coverage".

use std::rc::Rc;

use yew::prelude::*;

use crate::components::isolate::iso;

use super::cache;
use super::draw::{self, clip, count, outlet_label, radius, Drawn, Frozen, LazyTable, Panel, TableFn, Tip};
use super::model::coverage::{story_matrix, StoryMatrix, StoryOrder, MAX_ROWS};
use crate::state::{story_span, Loaded, Route};

const LABEL_W: f64 = 250.0;
const COL_W: f64 = 72.0;
const HEAD_H: f64 = 120.0;
const ROW_H: f64 = 48.0;
const COUNT_W: f64 = 90.0;
/// Rows drawn in the picture's first pass (more than a screen holds); the rest follow in the next
/// task, so a large corpus's first draw puts a third of the marks in the page.
const FIRST_ROWS: usize = 12;

/// Properties of [`StoryCoverage`].
#[derive(Properties, PartialEq)]
pub struct StoryCoverageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
}

/// What choosing a mark of the matrix does: list a cell's articles (a cell of one article is a
/// link and needs nothing).
#[derive(Clone, Debug, PartialEq)]
struct OpenCell {
    story: usize,
    column: usize,
    articles: Vec<usize>,
}

/// The matrix in one order, drawn: the SVG and the table, each mark's tooltip and action.
struct Drawing {
    /// Milliseconds to aggregate and build the elements (`data-build-ms`).
    built: String,
    matrix: Rc<StoryMatrix>,
    /// The headings and the first [`FIRST_ROWS`] rows.
    svg: Drawn,
    /// The other rows.
    rest: Drawn,
    /// The SVG's size, px.
    size: (f64, f64),
    table: TableFn,
    tips: Rc<Vec<Option<Tip>>>,
    opens: Rc<Vec<Option<OpenCell>>>,
}

/// Computes and keeps (in the corpus's [`cache::basis`]) what the matrix reads: every story's
/// cells and the word counts of the first rows' articles, so that drawing it later only sorts.
pub fn prepare(corpus: &Loaded) {
    let basis = cache::basis(corpus);
    story_matrix(&corpus.bundle, &basis, StoryOrder::default(), MAX_ROWS, &|i| corpus.words(i));
}

/// Stories × outlets.
#[function_component(StoryCoverage)]
pub fn story_coverage(props: &StoryCoverageProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let order = use_state_eq(StoryOrder::default);
    let tip = use_state_eq(|| None::<Tip>);
    let panel = use_state(|| None::<Panel>);
    // The corpus's aggregates are shared by every picture and page; an order only sorts them.
    let drawing = use_memo((props.corpus.clone(), *order), |(corpus, order)| {
        let t0 = draw::now();
        let basis = cache::basis(corpus);
        let matrix = Rc::new(story_matrix(&corpus.bundle, &basis, *order, MAX_ROWS, &|i| corpus.words(i)));
        let Marks { first, rest, size, tips, opens } = svg(corpus, &matrix);
        let table = {
            let (corpus, matrix) = (corpus.clone(), matrix.clone());
            TableFn(Rc::new(move || table(&corpus, &matrix)))
        };
        let built = draw::elapsed(t0);
        Drawing {
            built,
            svg: Drawn(Rc::new(first)),
            rest: Drawn(Rc::new(rest)),
            size,
            table,
            tips: Rc::new(tips),
            opens: Rc::new(opens),
            matrix,
        }
    });
    draw::use_render_stamp(figure.clone(), started, drawing.clone());
    // The rows past the first screen, a task after the first draw; a reader's own redraws
    // (another order) draw every row at once.
    let all_rows = use_state_eq(|| false);
    {
        let all_rows = all_rows.clone();
        use_effect_with(*all_rows, move |shown| {
            let later =
                (!*shown).then(|| gloo::timers::callback::Timeout::new(0, move || all_rows.set(true)));
            move || drop(later)
        });
    }
    let matrix = &drawing.matrix;
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
    let act = {
        let panel = panel.clone();
        let corpus = props.corpus.clone();
        let opens = drawing.opens.clone();
        let columns = matrix.columns.clone();
        // The links are made when the cell is opened, not on every render.
        Callback::from(move |k: usize| {
            let Some(Some(open)) = opens.get(k) else { return };
            let bundle = &corpus.bundle;
            let Some(story) = bundle.stories.get(open.story) else { return };
            let outlet = columns.get(open.column).map(outlet_label).unwrap_or_default();
            let title = html! { <>{ iso(&outlet) }{ " on “" }{ iso(&story.label) }{ format!("”: {}", count(open.articles.len(), "article", "articles")) }</> };
            let links = open
                .articles
                .iter()
                .take(50)
                .filter_map(|&i| bundle.articles.get(i))
                .map(|a| {
                    (
                        a.title.text.clone(),
                        Route::article(&a.id).href(),
                        format!(" · {}", count(a.word_count(), "word", "words")),
                    )
                })
                .collect();
            panel.set(Some(Panel { title, links }))
        })
    };
    let d = draw::delegate(drawing.tips.clone(), &tip, act);
    let shown = if matrix.rows.len() < matrix.total_rows {
        format!("The {} of {} stories first in this order.", matrix.rows.len(), matrix.total_rows)
    } else {
        count(matrix.total_rows, "story", "stories")
    };
    let width = LABEL_W + matrix.columns.len() as f64 * COL_W + COUNT_W;
    html! {
        <figure class="picture story-matrix" ref={figure} aria-labelledby="story-matrix-h" data-build-ms={drawing.built.clone()}>
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
            <div class="pic-scroll">
                <div class="pic-canvas" style={format!("width: {width:.0}px")}
                    onclick={d.click} onkeydown={d.keydown} onmouseover={d.over} onmouseleave={d.leave} onfocusin={d.focus} onfocusout={d.blur}>
                    <svg class="pic-svg" width={format!("{width:.0}")} height={format!("{:.0}", drawing.size.1)} viewBox={format!("0 0 {width:.0} {:.0}", drawing.size.1)} role="group" aria-label="Stories by outlet">
                        <Frozen drawn={drawing.svg.clone()} />
                        if *all_rows {
                            <Frozen drawn={drawing.rest.clone()} />
                        }
                    </svg>
                    { draw::tooltip(&tip) }
                </div>
            </div>
            { draw::panel(&panel) }
            <LazyTable table={drawing.table.clone()} />
        </figure>
    }
}

/// The marks of one drawing: what goes inside the SVG, in two parts, and per mark (its
/// `data-mark`) the tooltip and what opening it lists.
struct Marks {
    /// The axis labels, the headings and the first [`FIRST_ROWS`] rows.
    first: Html,
    /// The other rows.
    rest: Html,
    /// The SVG's width and height, px.
    size: (f64, f64),
    tips: Vec<Option<Tip>>,
    opens: Vec<Option<OpenCell>>,
}

/// The SVG's content, in two parts (see [`Marks`]).
fn svg(corpus: &Loaded, m: &StoryMatrix) -> Marks {
    let bundle = &corpus.bundle;
    let n_cols = m.columns.len();
    let width = LABEL_W + n_cols as f64 * COL_W + COUNT_W;
    let height = HEAD_H + m.rows.len() as f64 * ROW_H + 4.0;
    let mut tips: Vec<Option<Tip>> = Vec::new();
    let mut opens: Vec<Option<OpenCell>> = Vec::new();
    let outlets: Vec<String> = m.columns.iter().map(outlet_label).collect();
    let heads = outlets.iter().enumerate().map(|(c, name)| {
        let x = LABEL_W + c as f64 * COL_W + COL_W / 2.0;
        html! {
            <text class="pic-head" transform={format!("translate({x:.0},{:.0}) rotate(-40)", HEAD_H - 10.0)}>
                { draw::svg_iso(name, 26) }
            </text>
        }
    }).collect::<Html>();
    let mut rows = Vec::with_capacity(m.rows.len());
    for (r, row) in m.rows.iter().enumerate() {
        let story = &bundle.stories[row.story];
        let y = HEAD_H + r as f64 * ROW_H;
        let (href, action) = if row.compare.len() >= 2 {
            let ids =
                row.compare.iter().filter_map(|&i| bundle.articles.get(i)).map(|a| a.id.clone()).collect();
            (Route::Compare { ids }.href(), "Compare coverage")
        } else {
            (
                story.articles.first().map(|id| Route::article(id).href()).unwrap_or_default(),
                "Open the only article",
            )
        };
        let span = story_span(story).unwrap_or_else(|| "undated".into());
        let shown = clip(&story.label, 31);
        let line2 = format!("{span} · {}", action.to_lowercase());
        let name = if shown == story.label {
            format!("{shown} {line2}")
        } else {
            format!("{shown} {line2}: {}", story.label)
        };
        let mut cells = Vec::new();
        for (c, cell) in row.cells.iter().enumerate().filter(|(_, c)| !c.articles.is_empty()) {
            let cx = LABEL_W + c as f64 * COL_W + COL_W / 2.0;
            let cy = y + 19.0;
            let n = cell.articles.len();
            let r_px = radius(n, m.max_articles, 8.0, 17.0);
            let outlet = &outlets[c];
            let summary =
                format!("{} · {}", count(n, "article", "articles"), count(cell.words, "word", "words"));
            // Accessible names start with the text the mark shows (WCAG 2.5.3, label in name).
            let label =
                format!("{n} {}: {outlet} gave {summary} to “{}”", short_words(cell.words), story.label);
            let k = tips.len().to_string();
            tips.push(Some(Tip {
                x: cx + 18.0,
                y: cy + 10.0,
                lines: vec![outlet.clone(), story.label.clone(), summary],
            }));
            let body = html! {
                <>
                    <circle class="pic-dot" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r={format!("{r_px:.1}")} />
                    <circle class="pic-ring" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r={format!("{:.1}", r_px + 3.0)} />
                    <text class="pic-dot-n" x={format!("{cx:.1}")} y={format!("{:.1}", cy + 4.0)} text-anchor="middle">{ format!("{n} ") }</text>
                    <text class="pic-small" x={format!("{cx:.1}")} y={format!("{:.1}", y + ROW_H - 4.0)} text-anchor="middle">{ short_words(cell.words) }</text>
                </>
            };
            cells.push(if let [only] = cell.articles.as_slice() {
                opens.push(None);
                let href = bundle.articles.get(*only).map(|a| Route::article(&a.id).href()).unwrap_or_default();
                html! {
                    <a class="pic-cell" {href} aria-label={label} data-mark={k} data-outlet={outlet.clone()} data-articles={n.to_string()}>{ body }</a>
                }
            } else {
                opens.push(Some(OpenCell { story: row.story, column: c, articles: cell.articles.clone() }));
                html! {
                    <g class="pic-cell" role="button" tabindex="0" aria-label={label} data-mark={k} data-outlet={outlet.clone()} data-articles={n.to_string()}>{ body }</g>
                }
            });
        }
        let single = row.outlets == 1;
        rows.push(html! {
            <g key={story.id.clone()} class={classes!("pic-row", single.then_some("pic-single"))} data-story={story.id.clone()} data-outlets={row.outlets.to_string()}>
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
        });
    }
    let rest = rows.split_off(rows.len().min(FIRST_ROWS));
    let first = html! {
        <>
            <text class="pic-axis" x="6" y={format!("{:.0}", HEAD_H - 10.0)}>{ "Story" }</text>
            { heads }
            <text class="pic-axis" x={format!("{:.0}", width - COUNT_W + 10.0)} y={format!("{:.0}", HEAD_H - 10.0)}>{ "Outlets" }</text>
            <g class="pic-rows">{ for rows }</g>
        </>
    };
    let rest = if rest.is_empty() {
        Html::default()
    } else {
        html! { <g class="pic-rows">{ for rest }</g> }
    };
    Marks { first, rest, size: (width, height), tips, opens }
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
    }
}
