//! The entity index's coverage matrix: entities (rows) × outlets (columns), each cell the mentions
//! one outlet makes of one entity and the spelling it uses, so "who names the PMF, and who calls it
//! Hashed al-Shaabi" is one look. Sortable by mentions, outlets, name or any one outlet.

use std::rc::Rc;

use parallax_engine::entities::EntityKind;
use yew::prelude::*;

use crate::components::isolate::iso;

use super::cache;
use super::draw::{self, clip, count, outlet_label, radius, Drawn, Frozen, LazyTable, Panel, TableFn, Tip};
use super::model::coverage::MAX_ROWS;
use super::model::entities::{entity_matrix, EntityMatrix, EntityOrder};
use crate::state::{entity_kind_label, Loaded, Route};

const LABEL_W: f64 = 220.0;
const COL_W: f64 = 124.0;
const HEAD_H: f64 = 120.0;
const ROW_H: f64 = 50.0;

/// Properties of [`EntityCoverage`].
#[derive(Properties, PartialEq)]
pub struct EntityCoverageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
}

/// What choosing a mark does: sort by a column, or list one cell's articles.
#[derive(Clone, Debug, PartialEq)]
enum Act {
    Sort(usize),
    Cell { entity: usize, column: usize, articles: Vec<usize> },
}

/// The matrix in one order, drawn: the SVG and the table, each mark's tooltip and action.
struct Drawing {
    /// Milliseconds to aggregate and build the elements (`data-build-ms`).
    built: String,
    matrix: Rc<EntityMatrix>,
    svg: Drawn,
    table: TableFn,
    tips: Rc<Vec<Option<Tip>>>,
    acts: Rc<Vec<Act>>,
}

/// Entities × outlets.
#[function_component(EntityCoverage)]
pub fn entity_coverage(props: &EntityCoverageProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let order = use_state_eq(EntityOrder::default);
    let kind = use_state_eq(|| None::<EntityKind>);
    let tip = use_state_eq(|| None::<Tip>);
    let panel = use_state(|| None::<Panel>);
    // The corpus's counts per entity and outlet are read once per corpus, in short tasks while
    // the page is idle (the home page starts them; this page does if they have not finished);
    // until then the picture says it is counting. An order or kind only sorts them.
    let ready = cache::basis(&props.corpus).entity_table_ready().is_some();
    let redraw = use_force_update();
    use_effect_with((props.corpus.clone(), ready), move |(corpus, ready)| {
        if !*ready {
            cache::warm_entity_table(corpus, Box::new(move || redraw.force_update()));
        }
    });
    let drawing = use_memo((props.corpus.clone(), *order, *kind, ready), |(corpus, order, kind, ready)| {
        let t0 = draw::now();
        let basis = cache::basis(corpus);
        if !*ready {
            let matrix = Rc::new(EntityMatrix {
                columns: basis.outlets.columns.clone(),
                rows: Vec::new(),
                total_rows: 0,
                max_mentions: 0,
            });
            let table = TableFn(Rc::new(Html::default));
            let svg = Drawn(Rc::new(Html::default()));
            return Drawing {
                built: String::new(),
                matrix,
                svg,
                table,
                tips: Rc::default(),
                acts: Rc::default(),
            };
        }
        let matrix = Rc::new(entity_matrix(&corpus.bundle, &basis, *kind, *order, MAX_ROWS));
        let (svg, tips, acts) = svg(corpus, &matrix, *order);
        let table = {
            let (corpus, matrix) = (corpus.clone(), matrix.clone());
            TableFn(Rc::new(move || table(&corpus, &matrix)))
        };
        let built = draw::elapsed(t0);
        Drawing { built, svg: Drawn(Rc::new(svg)), table, tips: Rc::new(tips), acts: Rc::new(acts), matrix }
    });
    let matrix = &drawing.matrix;
    draw::use_render_stamp(figure.clone(), started, drawing.clone());
    if !ready {
        return html! {
            <figure class="picture entity-matrix" ref={figure} aria-labelledby="entity-matrix-h" aria-busy="true">
                <figcaption>
                    <h2 id="entity-matrix-h" class="section-title">{ "Who names whom, and how" }</h2>
                    <p class="muted" role="status">{ "Counting each outlet's mentions of each entity…" }</p>
                </figcaption>
            </figure>
        };
    }
    let on_order = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let value = select.value();
            order.set(match value.as_str() {
                "outlets" => EntityOrder::Outlets,
                "name" => EntityOrder::Name,
                v => v
                    .strip_prefix("col-")
                    .and_then(|c| c.parse().ok())
                    .map_or(EntityOrder::Mentions, EntityOrder::Column),
            });
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            kind.set(match select.value().as_str() {
                "person" => Some(EntityKind::Person),
                "org" => Some(EntityKind::Org),
                "place" => Some(EntityKind::Place),
                _ => None,
            });
        })
    };
    let order_value = match *order {
        EntityOrder::Mentions => "mentions".to_string(),
        EntityOrder::Outlets => "outlets".to_string(),
        EntityOrder::Name => "name".to_string(),
        EntityOrder::Column(c) => format!("col-{c}"),
    };
    let shown = if matrix.rows.len() < matrix.total_rows {
        format!("The first {} of {} in this order.", matrix.rows.len(), matrix.total_rows)
    } else {
        count(matrix.total_rows, "entity", "entities")
    };
    let act = {
        let panel = panel.clone();
        let order = order.clone();
        let corpus = props.corpus.clone();
        let acts = drawing.acts.clone();
        let columns = matrix.columns.clone();
        Callback::from(move |k: usize| match acts.get(k) {
            Some(Act::Sort(c)) => order.set(EntityOrder::Column(*c)),
            Some(Act::Cell { entity, column, articles }) => {
                let bundle = &corpus.bundle;
                let Some(e) = bundle.entities.entities.get(*entity) else { return };
                let outlet = columns.get(*column).map(outlet_label).unwrap_or_default();
                let title = html! { <>{ iso(&outlet) }{ " on " }{ iso(&e.name) }{ format!(": {}", count(articles.len(), "article", "articles")) }</> };
                let entity_index = *entity as u32;
                let links = articles
                    .iter()
                    .filter_map(|&i| {
                        let a = bundle.articles.get(i)?;
                        let first = bundle
                            .entities
                            .mentions_in(i as u32)
                            .iter()
                            .find(|m| m.entity() == Some(entity_index));
                        let route = Route::Article {
                            id: a.id.clone(),
                            query: None,
                            at: first.map(|m| m.start as usize),
                        };
                        Some((a.title.text.clone(), route.href(), String::new()))
                    })
                    .collect();
                panel.set(Some(Panel { title, links }));
            }
            None => {}
        })
    };
    let d = draw::delegate(drawing.tips.clone(), &tip, act);
    let width = LABEL_W + matrix.columns.len() as f64 * COL_W + 8.0;
    html! {
        <figure class="picture entity-matrix" ref={figure} aria-labelledby="entity-matrix-h" data-build-ms={drawing.built.clone()}>
            <figcaption>
                <h2 id="entity-matrix-h" class="section-title">{ "Who names whom, and how" }</h2>
                <p class="muted">{ "Each circle is how often one outlet names one entity; below it, the spelling that outlet uses most. Choose an outlet's column heading to sort by it. " }{ shown }</p>
            </figcaption>
            <div class="pic-controls">
                <label>{ "Show " }
                    <select onchange={on_kind}>
                        <option value="all" selected={kind.is_none()}>{ "everyone" }</option>
                        <option value="person" selected={*kind == Some(EntityKind::Person)}>{ "people" }</option>
                        <option value="org" selected={*kind == Some(EntityKind::Org)}>{ "organisations" }</option>
                        <option value="place" selected={*kind == Some(EntityKind::Place)}>{ "places" }</option>
                    </select>
                </label>
                <label>{ "Sort by " }
                    <select onchange={on_order}>
                        <option value="mentions" selected={order_value == "mentions"}>{ "most mentioned" }</option>
                        <option value="outlets" selected={order_value == "outlets"}>{ "named by most outlets" }</option>
                        <option value="name" selected={order_value == "name"}>{ "name" }</option>
                        { for matrix.columns.iter().enumerate().map(|(c, col)| {
                            let value = format!("col-{c}");
                            let selected = order_value == value;
                            html! { <option {selected} {value} dir="auto">{ format!("mentions by {}", outlet_label(col)) }</option> }
                        }) }
                    </select>
                </label>
            </div>
            <div class="pic-scroll">
                <div class="pic-canvas" style={format!("width: {width:.0}px")}
                    onclick={d.click} onkeydown={d.keydown} onmouseover={d.over} onmouseleave={d.leave} onfocusin={d.focus} onfocusout={d.blur}>
                    <Frozen drawn={drawing.svg.clone()} />
                    { draw::tooltip(&tip) }
                </div>
            </div>
            { draw::panel(&panel) }
            <LazyTable table={drawing.table.clone()} />
        </figure>
    }
}

fn spellings_text(spellings: &[(String, usize)]) -> String {
    spellings.iter().map(|(s, n)| format!("{s} ({n})")).collect::<Vec<_>>().join(", ")
}

/// The SVG, and per mark (its `data-mark`) the tooltip and what choosing it does.
fn svg(corpus: &Loaded, m: &EntityMatrix, order: EntityOrder) -> (Html, Vec<Option<Tip>>, Vec<Act>) {
    let bundle = &corpus.bundle;
    let entities = &bundle.entities.entities;
    let width = LABEL_W + m.columns.len() as f64 * COL_W + 8.0;
    let height = HEAD_H + m.rows.len() as f64 * ROW_H + 4.0;
    let mut tips: Vec<Option<Tip>> = Vec::new();
    let mut acts: Vec<Act> = Vec::new();
    let outlets: Vec<String> = m.columns.iter().map(outlet_label).collect();
    let mut heads = Vec::with_capacity(outlets.len());
    for (c, name) in outlets.iter().enumerate() {
        let x = LABEL_W + c as f64 * COL_W + COL_W / 2.0;
        let sorted = order == EntityOrder::Column(c);
        let k = acts.len().to_string();
        tips.push(None);
        acts.push(Act::Sort(c));
        heads.push(html! {
            <g class={classes!("pic-head-button", sorted.then_some("sorted"))} role="button" tabindex="0" data-mark={k}
                aria-pressed={if sorted { "true" } else { "false" }}
                aria-label={format!("Sort by mentions in {name}")}>
                <rect class="pic-head-hit" x={format!("{:.0}", x - COL_W / 2.0)} y="0" width={format!("{COL_W:.0}")} height={format!("{HEAD_H:.0}")} />
                <text class="pic-head" transform={format!("translate({x:.0},{:.0}) rotate(-35)", HEAD_H - 10.0)}>
                    { draw::svg_iso(name, 24) }{ if sorted { " ▾" } else { "" } }
                </text>
            </g>
        });
    }
    let mut rows = Vec::with_capacity(m.rows.len());
    for (r, row) in m.rows.iter().enumerate() {
        let entity = &entities[row.entity];
        let y = HEAD_H + r as f64 * ROW_H;
        let mut cells = Vec::new();
        for (c, cell) in row.cells.iter().enumerate().filter(|(_, c)| c.mentions > 0) {
            let cx = LABEL_W + c as f64 * COL_W + COL_W / 2.0;
            let cy = y + 17.0;
            let r_px = radius(cell.mentions, m.max_mentions, 7.0, 14.0);
            let outlet = &outlets[c];
            let spelled = spellings_text(&cell.spellings);
            let top = cell.spellings.first().map_or("", |s| s.0.as_str());
            let numbers = format!(
                "{} in {}",
                count(cell.mentions, "mention", "mentions"),
                count(cell.articles.len(), "article", "articles")
            );
            let shown = clip(top, 17);
            // Accessible names start with the text the mark shows (WCAG 2.5.3, label in name).
            let label =
                format!("{} {shown}: {outlet} names {} {numbers}, as {spelled}", cell.mentions, entity.name);
            let k = acts.len().to_string();
            tips.push(Some(Tip {
                x: cx + 16.0,
                y: cy + 8.0,
                lines: vec![outlet.clone(), entity.name.clone(), numbers, format!("Written: {spelled}")],
            }));
            acts.push(Act::Cell { entity: row.entity, column: c, articles: cell.articles.clone() });
            cells.push(html! {
                <g class="pic-cell" role="button" tabindex="0" aria-label={label} data-mark={k} data-outlet={outlet.clone()} data-spellings={spelled}>
                    <circle class={classes!("pic-dot", format!("dot-{}", entity.kind.as_str()))} cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r={format!("{r_px:.1}")} />
                    <circle class="pic-ring" cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r={format!("{:.1}", r_px + 3.0)} />
                    <text class="pic-dot-n" x={format!("{cx:.1}")} y={format!("{:.1}", cy + 4.0)} text-anchor="middle">{ format!("{} ", cell.mentions) }</text>
                    <text class="pic-spelling" x={format!("{cx:.1}")} y={format!("{:.1}", y + ROW_H - 6.0)} text-anchor="middle">
                        { draw::svg_iso(top, 17) }
                    </text>
                </g>
            });
        }
        rows.push(html! {
            <g key={entity.id.clone()} class="pic-row" data-entity={entity.id.clone()}>
                <rect class={if r % 2 == 0 { "pic-stripe" } else { "pic-stripe odd" }} x="0" y={format!("{y:.0}")} width={format!("{width:.0}")} height={format!("{ROW_H:.0}")} />
                <a class="pic-row-link" href={Route::Entity { id: entity.id.clone() }.href()}>
                    <rect class="pic-head-hit" x="0" y={format!("{y:.0}")} width={format!("{:.0}", LABEL_W - 6.0)} height={format!("{ROW_H:.0}")} />
                    <text class="pic-label" x="6" y={format!("{:.0}", y + 21.0)}>{ draw::svg_iso(&entity.name, 30) }{ " " }</text>
                    <text class="pic-small" x="6" y={format!("{:.0}", y + 39.0)}>{ format!("{} · {} · {}", entity_kind_label(entity.kind), count(row.mentions, "mention", "mentions"), count(row.outlets, "outlet", "outlets")) }</text>
                </a>
                { for cells }
            </g>
        });
    }
    let html = html! {
        <svg class="pic-svg" width={format!("{width:.0}")} height={format!("{height:.0}")} viewBox={format!("0 0 {width:.0} {height:.0}")} role="group" aria-label="Entities by outlet">
            <text class="pic-axis" x="6" y={format!("{:.0}", HEAD_H - 10.0)}>{ "Entity" }</text>
            { for heads }
            <g class="pic-rows">{ for rows }</g>
        </svg>
    };
    (html, tips, acts)
}

fn table(corpus: &Loaded, m: &EntityMatrix) -> Html {
    let entities = &corpus.bundle.entities.entities;
    html! {
            <div class="pic-table-scroll">
                <table>
                    <caption>{ "Mentions of each entity by each outlet, with the spellings it uses" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Entity" }</th>
                        { for m.columns.iter().map(|c| html! { <th scope="col"><bdi>{ outlet_label(c) }</bdi></th> }) }
                    </tr></thead>
                    <tbody>{ for m.rows.iter().map(|row| {
                        let e = &entities[row.entity];
                        html! {
                            <tr>
                                <th scope="row"><a href={Route::Entity { id: e.id.clone() }.href()}><bdi>{ &e.name }</bdi></a></th>
                                { for row.cells.iter().map(|cell| if cell.mentions == 0 {
                                    html! { <td class="muted">{ "—" }</td> }
                                } else {
                                    html! { <td>{ format!("{}: ", cell.mentions) }<bdi>{ spellings_text(&cell.spellings) }</bdi></td> }
                                }) }
                            </tr>
                        }
                    }) }</tbody>
                </table>
            </div>
    }
}
