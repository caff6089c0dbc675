//! The timeline picture: one lane per outlet with its articles by publication date (filled marks
//! stated, hollow marks estimated), story spans, and the dated events the articles mention, each
//! opening its articles or sentences. Zooms from years to the months of a year to the days of a
//! month. On an entity page the same picture shows that entity's mentions over time.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::isolate::iso;

use super::cache;
use super::draw::{self, clip, count, outlet_label, radius, Drawn, Frozen, LazyTable, Panel, TableFn, Tip};
use super::model::outlets::OutletColumns;
use super::model::timeline::{
    entity_timeline, sentence_at, timeline, Bin, EventBin, Lane, TimeCell, Timeline, Zoom,
};
use crate::state::{card_date, Loaded, Route};

const LABEL_W: f64 = 170.0;
const AXIS_H: f64 = 34.0;
const LANE_H: f64 = 40.0;
const SPAN_H: f64 = 22.0;
const VAGUE_W: f64 = 84.0;
/// At most this many story spans are drawn (the stories with most articles in the window).
const MAX_SPANS: usize = 12;
/// A panel lists at most this many articles or sentences (the table and search give the rest).
const MAX_LINKS: usize = 50;
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Properties of [`TimelinePicture`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// Draw this entity's mentions instead of the corpus's articles.
    #[prop_or_default]
    pub entity: Option<u32>,
}

fn bin_w(zoom: Zoom) -> f64 {
    match zoom {
        Zoom::Years => 72.0,
        Zoom::Year(_) => 58.0,
        Zoom::Month(..) => 30.0,
    }
}

fn bin_label(bin: &Bin) -> String {
    match (bin.when.month, bin.when.day) {
        (Some(_), Some(d)) => d.to_string(),
        (Some(m), None) => MONTHS.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?").to_string(),
        _ => bin.when.year.to_string(),
    }
}

fn period(bin: &Bin) -> String {
    let month = bin.when.month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    match (bin.when.day, month) {
        (Some(d), Some(m)) => format!("{d} {m} {}", bin.when.year),
        (None, Some(m)) => format!("{m} {}", bin.when.year),
        _ => bin.when.year.to_string(),
    }
}

fn zoom_name(zoom: Zoom) -> String {
    match zoom {
        Zoom::Years => "all years".into(),
        Zoom::Year(y) => y.to_string(),
        Zoom::Month(y, m) => {
            format!("{} {y}", MONTHS.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?"))
        }
    }
}

/// What choosing a mark does.
#[derive(Clone, Debug, PartialEq)]
enum Act {
    /// Nothing beyond the link it is.
    Link,
    /// Zoom to this level.
    Zoom(Zoom),
    /// List these articles under this title.
    Articles { outlet: String, when: String, what: String, articles: Vec<usize> },
    /// List the sentences of the `t.events[i]`.
    Event(usize),
}

/// The timeline at one zoom level, drawn: the SVG and table, each mark's tooltip and action.
struct Drawing {
    /// Milliseconds to aggregate and build the elements (`data-build-ms`).
    built: String,
    t: Rc<Timeline>,
    width: f64,
    svg: Drawn,
    table: TableFn,
    tips: Rc<Vec<Option<Tip>>>,
    acts: Rc<Vec<Act>>,
}

/// The timeline.
#[function_component(TimelinePicture)]
pub fn timeline_picture(props: &TimelineProps) -> Html {
    let started = draw::now();
    let figure = use_node_ref();
    let zoom = use_state_eq(Zoom::default);
    let tip = use_state_eq(|| None::<Tip>);
    let panel = use_state(|| None::<Panel>);
    // The corpus's columns and mentioned dates are read once per corpus (shared with every
    // picture); a zoom only bins them.
    let drawing = use_memo((props.corpus.clone(), *zoom, props.entity), |(corpus, zoom, entity)| {
        let t0 = draw::now();
        let basis = cache::basis(corpus);
        let t = Rc::new(match entity {
            Some(e) => entity_timeline(&corpus.bundle, &basis, *zoom, *e),
            None => timeline(&corpus.bundle, &basis, *zoom),
        });
        let (svg, width, tips, acts) = svg(corpus, &basis.outlets, &t, *entity);
        let table = {
            let (corpus, t) = (corpus.clone(), t.clone());
            TableFn(Rc::new(move || table(&corpus, &basis.outlets, &t)))
        };
        let built = draw::elapsed(t0);
        Drawing { built, svg: Drawn(Rc::new(svg)), width, table, tips: Rc::new(tips), acts: Rc::new(acts), t }
    });
    draw::use_render_stamp(figure.clone(), started, drawing.clone());
    let t = &drawing.t;
    let id = if props.entity.is_some() { "entity-timeline" } else { "timeline" };
    let crumbs = {
        let mut levels = vec![Zoom::Years];
        match *zoom {
            Zoom::Years => {}
            Zoom::Year(y) => levels.push(Zoom::Year(y)),
            Zoom::Month(y, m) => levels.extend([Zoom::Year(y), Zoom::Month(y, m)]),
        }
        levels
    };
    let n_crumbs = crumbs.len();
    let act = {
        let panel = panel.clone();
        let zoom = zoom.clone();
        let corpus = props.corpus.clone();
        let drawing = drawing.clone();
        let entity = props.entity;
        Callback::from(move |k: usize| match drawing.acts.get(k) {
            Some(Act::Zoom(level)) => zoom.set(*level),
            Some(Act::Articles { outlet, when, what, articles }) => {
                panel.set(Some(articles_panel(&corpus, outlet, when, what, articles, entity)))
            }
            Some(Act::Event(i)) => {
                if let Some(e) = drawing.t.events.get(*i) {
                    panel.set(Some(event_panel(&corpus, &drawing.t, e)));
                }
            }
            Some(Act::Link) | None => {}
        })
    };
    let d = draw::delegate(drawing.tips.clone(), &tip, act);
    html! {
        <figure class="picture timeline" ref={figure} aria-labelledby={format!("{id}-h")} data-build-ms={drawing.built.clone()}>
            <figcaption>
                <h2 id={format!("{id}-h")} class="section-title">{ if props.entity.is_some() { "Mentions over time, by outlet" } else { "When each outlet reported" } }</h2>
                <p class="muted">
                    { if props.entity.is_some() { "Each circle is the mentions in one outlet's articles of that period. " } else { "Each circle is one outlet's articles of that period. " } }
                    { "Filled: the date is stated; hollow: estimated from the text. Choose a period on the axis to zoom in. " }
                    { for (t.undated > 0).then(|| count(t.undated, "article has no date and is not drawn.", "articles have no date and are not drawn.")) }
                </p>
            </figcaption>
            <nav class="pic-controls pic-zoom" aria-label="Zoom">
                { "Zoom: " }
                { for crumbs.into_iter().enumerate().map(|(i, level)| {
                    let zoom = zoom.clone();
                    let current = i + 1 == n_crumbs;
                    html! { <>
                        { if i > 0 { " › " } else { "" } }
                        <button type="button" class="link-button" aria-current={current.then_some("true")} disabled={current}
                            onclick={Callback::from(move |_| zoom.set(level))}>{ zoom_name(level) }</button>
                    </> }
                }) }
            </nav>
            if t.bins.is_empty() {
                <p class="muted">{ "No dated articles to draw." }</p>
            } else {
                <div class="pic-scroll">
                    <div class="pic-canvas" style={format!("width: {:.0}px", drawing.width)}
                        onclick={d.click} onkeydown={d.keydown} onmouseover={d.over} onmouseleave={d.leave} onfocusin={d.focus} onfocusout={d.blur}>
                        <Frozen drawn={drawing.svg.clone()} />
                        { draw::tooltip(&tip) }
                    </div>
                </div>
                { draw::panel(&panel) }
                <LazyTable table={drawing.table.clone()} />
            }
        </figure>
    }
}

/// The articles behind a mark, each opening at the entity's first mention on an entity page.
fn articles_panel(
    corpus: &Loaded,
    outlet: &str,
    when: &str,
    what: &str,
    articles: &[usize],
    entity: Option<u32>,
) -> Panel {
    let bundle = &corpus.bundle;
    let links = articles
        .iter()
        .take(MAX_LINKS)
        .filter_map(|&i| {
            let a = bundle.articles.get(i)?;
            let at = entity.and_then(|e| {
                bundle
                    .entities
                    .mentions_in(i as u32)
                    .iter()
                    .find(|m| m.entity() == Some(e))
                    .map(|m| m.start as usize)
            });
            let date = card_date(bundle, i).map(|d| format!(" · {d}")).unwrap_or_default();
            Some((a.title.text.clone(), Route::Article { id: a.id.clone(), query: None, at }.href(), date))
        })
        .collect();
    Panel { title: html! { <>{ iso(outlet) }{ format!(", {when}: {what}") }</> }, links }
}

/// The sentences that mention a date of one bin. Read when the mark is opened: at 10,000
/// articles a bin holds thousands of mentions.
fn event_panel(corpus: &Loaded, t: &Timeline, e: &EventBin) -> Panel {
    let bundle = &corpus.bundle;
    let when = t.bins.get(e.bin).map(period).unwrap_or_default();
    let links = e
        .mentions
        .iter()
        .take(MAX_LINKS)
        .filter_map(|m| {
            let article = bundle.articles.get(m.article)?;
            let text = sentence_at(article, m.start)?;
            let route = Route::Article { id: article.id.clone(), query: None, at: Some(m.start) };
            let outlet = article.outlet.as_ref().map_or(crate::state::UNKNOWN_OUTLET, |o| o.name.as_str());
            let note =
                format!(" · {outlet}{}", if m.year_assumed { " (year from the article's date)" } else { "" });
            Some((text, route.href(), note))
        })
        .collect();
    let title = html! { { format!("Dates in {when} the articles mention: {}", count(e.mentions.len(), "sentence", "sentences")) } };
    Panel { title, links }
}

struct Layout {
    bin_w: f64,
    vague: bool,
    width: f64,
}

impl Layout {
    fn x(&self, bin: usize) -> f64 {
        LABEL_W + bin as f64 * self.bin_w + self.bin_w / 2.0
    }
    fn vague_x(&self) -> f64 {
        self.width - VAGUE_W / 2.0
    }
}

/// The SVG and its width, and per mark (its `data-mark`) the tooltip and what choosing it does.
fn svg(
    corpus: &Loaded,
    outlets: &OutletColumns,
    t: &Timeline,
    entity: Option<u32>,
) -> (Html, f64, Vec<Option<Tip>>, Vec<Act>) {
    let bundle = &corpus.bundle;
    let vague = t.zoom != Zoom::Years;
    let bw = bin_w(t.zoom);
    let width = LABEL_W + t.bins.len() as f64 * bw + if vague { VAGUE_W } else { 8.0 };
    let layout = Layout { bin_w: bw, vague, width };
    let mut tips: Vec<Option<Tip>> = Vec::new();
    let mut acts: Vec<Act> = Vec::new();
    let mut spans: Vec<_> =
        t.spans.iter().filter(|s| bundle.stories[s.story].articles.len() >= 2 || entity.is_none()).collect();
    parallax_engine::sort::sort_by_key(&mut spans, |s| {
        std::cmp::Reverse(bundle.stories[s.story].articles.len())
    });
    spans.truncate(MAX_SPANS);
    let lanes_y = AXIS_H;
    let spans_y = lanes_y + t.lanes.len() as f64 * LANE_H + 8.0;
    let events_y = spans_y + spans.len() as f64 * SPAN_H + if spans.is_empty() { 0.0 } else { 8.0 };
    let height = events_y + if t.events.is_empty() { 0.0 } else { LANE_H } + 4.0;
    let mut axis = Vec::with_capacity(t.bins.len());
    for (i, bin) in t.bins.iter().enumerate() {
        let x = layout.x(i);
        let label = bin_label(bin);
        let next = match (t.zoom, bin.when.month) {
            (Zoom::Years, _) => Some(Zoom::Year(bin.when.year)),
            (Zoom::Year(y), Some(m)) => Some(Zoom::Month(y, m)),
            _ => None,
        };
        axis.push(match next {
            Some(next) => {
                let k = acts.len().to_string();
                tips.push(None);
                acts.push(Act::Zoom(next));
                html! {
                    <g class="pic-axis-button" role="button" tabindex="0" data-mark={k} aria-label={format!("Zoom in to {}", period(bin))}>
                        <rect class="pic-head-hit" x={format!("{:.0}", x - bw / 2.0)} y="0" width={format!("{bw:.0}")} height={format!("{AXIS_H:.0}")} />
                        <text class="pic-tick" x={format!("{x:.0}")} y="22" text-anchor="middle">{ label }</text>
                    </g>
                }
            }
            None => html! { <text class="pic-tick" x={format!("{x:.0}")} y="22" text-anchor="middle">{ label }</text> },
        });
    }
    let mut lanes = Vec::with_capacity(t.lanes.len());
    for (l, lane) in t.lanes.iter().enumerate() {
        let y = lanes_y + l as f64 * LANE_H;
        let outlet = outlet_label(&outlets.columns[l]);
        let mut marks = Vec::new();
        for (i, cell) in lane.cells.iter().enumerate().filter(|(_, c)| c.weight > 0) {
            let when = period(&t.bins[i]);
            marks.push(mark(
                cell,
                layout.x(i),
                y + LANE_H / 2.0,
                t.max_weight,
                &outlet,
                &when,
                entity,
                &mut tips,
                &mut acts,
            ));
        }
        if layout.vague && lane.vague.weight > 0 {
            let when = format!("{}, {}", zoom_name(t.zoom), vague_words(t.zoom));
            marks.push(mark(
                &lane.vague,
                layout.vague_x(),
                y + LANE_H / 2.0,
                t.max_weight,
                &outlet,
                &when,
                entity,
                &mut tips,
                &mut acts,
            ));
        }
        lanes.push(html! {
            <g class="pic-row" data-outlet={outlet.clone()}>
                <rect class={if l % 2 == 0 { "pic-stripe" } else { "pic-stripe odd" }} x="0" y={format!("{y:.0}")} width={format!("{width:.0}")} height={format!("{LANE_H:.0}")} />
                <text class="pic-label" x="6" y={format!("{:.0}", y + 25.0)}>{ draw::svg_iso(&outlet, 22) }</text>
                { for marks }
            </g>
        });
    }
    let mut span_bars = Vec::with_capacity(spans.len());
    for (k, span) in spans.iter().enumerate() {
        let story = &bundle.stories[span.story];
        let y = spans_y + k as f64 * SPAN_H;
        let x0 = LABEL_W + span.bins.0 as f64 * bw + 2.0;
        let x1 = LABEL_W + (span.bins.1 + 1) as f64 * bw - 2.0;
        let href = if story.articles.len() >= 2 {
            Route::Search { query: format!("story:{}", story.id) }.href()
        } else {
            story.articles.first().map(|id| Route::article(id).href()).unwrap_or_default()
        };
        let span_text = crate::state::story_span(story).unwrap_or_default();
        let mark_k = acts.len().to_string();
        tips.push(Some(Tip {
            x: x0,
            y: y + SPAN_H,
            lines: vec![
                story.label.clone(),
                span_text.clone(),
                count(story.articles.len(), "article", "articles"),
            ],
        }));
        acts.push(Act::Link);
        span_bars.push(html! {
            <a class="pic-span" {href} data-mark={mark_k} aria-label={format!("{} {}, {span_text}, {}", clip(&story.label, 26), story.label, count(story.articles.len(), "article", "articles"))}>
                <rect x={format!("{x0:.0}")} y={format!("{:.0}", y + 3.0)} width={format!("{:.0}", (x1 - x0).max(4.0))} height={format!("{:.0}", SPAN_H - 6.0)} rx="4" />
                <text class="pic-small" x="6" y={format!("{:.0}", y + 15.0)}>{ draw::svg_iso(&story.label, 26) }</text>
            </a>
        });
    }
    let max_events = t.events.iter().map(|e| e.mentions.len()).max().unwrap_or(0);
    let mut events = Vec::with_capacity(t.events.len());
    for (i, e) in t.events.iter().enumerate() {
        let x = layout.x(e.bin);
        let cy = events_y + LANE_H / 2.0;
        let n = e.mentions.len();
        let r = radius(n, max_events, 6.0, 13.0);
        let when = period(&t.bins[e.bin]);
        let first = e
            .mentions
            .first()
            .and_then(|m| sentence_at(bundle.articles.get(m.article)?, m.start))
            .unwrap_or_default();
        let k = acts.len().to_string();
        tips.push(Some(Tip {
            x: x + 14.0,
            y: cy + 8.0,
            lines: vec![format!("Dates in {when}"), count(n, "mention", "mentions"), first],
        }));
        acts.push(Act::Event(i));
        events.push(html! {
            <g class="pic-cell pic-event" role="button" tabindex="0" data-mark={k} aria-label={format!("{} of dates in {when}", count(n, "mention", "mentions"))}>
                <rect class="pic-diamond" x={format!("{:.1}", x - r)} y={format!("{:.1}", cy - r)} width={format!("{:.1}", 2.0 * r)} height={format!("{:.1}", 2.0 * r)}
                    transform={format!("rotate(45 {x:.1} {cy:.1})")} />
                <circle class="pic-ring" cx={format!("{x:.1}")} cy={format!("{cy:.1}")} r={format!("{:.1}", r * 1.5 + 2.0)} />
                <text class="pic-dot-n on-diamond" x={format!("{x:.1}")} y={format!("{:.1}", cy + 4.0)} text-anchor="middle">{ format!("{n} ") }</text>
            </g>
        });
    }
    let html = html! {
        <svg class="pic-svg" width={format!("{width:.0}")} height={format!("{height:.0}")} viewBox={format!("0 0 {width:.0} {height:.0}")} role="group" aria-label="Timeline by outlet">
            { for axis }
            { for layout.vague.then(|| html! { <text class="pic-tick" x={format!("{:.0}", layout.vague_x())} y="22" text-anchor="middle">{ vague_words(t.zoom) }</text> }) }
            { for lanes }
            { for (!spans.is_empty()).then(|| html! { <text class="pic-axis" x="6" y={format!("{:.0}", spans_y - 1.0)}>{ "Stories" }</text> }) }
            { for span_bars }
            { for (!t.events.is_empty()).then(|| html! { <text class="pic-label" x="6" y={format!("{:.0}", events_y + 25.0)}>{ "Dates mentioned" }</text> }) }
            { for events }
        </svg>
    };
    (html, width, tips, acts)
}

fn vague_words(zoom: Zoom) -> &'static str {
    match zoom {
        Zoom::Month(..) => "day unknown",
        _ => "month unknown",
    }
}

#[allow(clippy::too_many_arguments)]
fn mark(
    cell: &TimeCell,
    x: f64,
    cy: f64,
    max: usize,
    outlet: &str,
    when: &str,
    entity: Option<u32>,
    tips: &mut Vec<Option<Tip>>,
    acts: &mut Vec<Act>,
) -> Html {
    let r = radius(cell.weight, max, 5.0, 15.0);
    let n_articles = cell.stated.len() + cell.estimated.len();
    let what = match entity {
        Some(_) => format!(
            "{} in {}",
            count(cell.weight, "mention", "mentions"),
            count(n_articles, "article", "articles")
        ),
        None => count(n_articles, "article", "articles"),
    };
    let dating = match (cell.stated.len(), cell.estimated.len()) {
        (_, 0) => "date stated".to_string(),
        (0, _) => "date estimated".to_string(),
        (s, e) => format!("{s} stated, {e} estimated"),
    };
    let class = match (cell.stated.is_empty(), cell.estimated.is_empty()) {
        (false, true) => "pic-dot",
        (true, false) => "pic-dot hollow",
        _ => "pic-dot mixed",
    };
    let k = acts.len().to_string();
    tips.push(Some(Tip {
        x: x + 16.0,
        y: cy + 8.0,
        lines: vec![outlet.to_string(), when.to_string(), format!("{what} · {dating}")],
    }));
    let label = format!("{outlet}, {when}: {what}, {dating}");
    acts.push(Act::Articles {
        outlet: outlet.to_string(),
        when: when.to_string(),
        what,
        articles: cell.stated.iter().chain(&cell.estimated).copied().collect(),
    });
    html! {
        <g class="pic-cell" role="button" tabindex="0" data-mark={k} aria-label={label} data-articles={n_articles.to_string()}>
            <circle class={class} cx={format!("{x:.1}")} cy={format!("{cy:.1}")} r={format!("{r:.1}")} />
            <circle class="pic-ring" cx={format!("{x:.1}")} cy={format!("{cy:.1}")} r={format!("{:.1}", r + 3.0)} />
        </g>
    }
}

fn table(corpus: &Loaded, outlets: &OutletColumns, t: &Timeline) -> Html {
    let cell_text = |c: &TimeCell| -> String {
        if c.weight == 0 {
            return "—".into();
        }
        let mut s = c.weight.to_string();
        if !c.estimated.is_empty() {
            s.push_str(&format!(" ({} estimated)", c.estimated.len()));
        }
        s
    };
    let bundle = &corpus.bundle;
    html! {
            <div class="pic-table-scroll">
                <table>
                    <caption>{ format!("By outlet and period, {}", zoom_name(t.zoom)) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Outlet" }</th>
                        { for t.bins.iter().map(|b| html! { <th scope="col">{ period(b) }</th> }) }
                        { for (t.zoom != Zoom::Years).then(|| html! { <th scope="col">{ vague_words(t.zoom) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for t.lanes.iter().zip(&outlets.columns).map(|(lane, col): (&Lane, _)| html! {
                            <tr>
                                <th scope="row"><bdi>{ outlet_label(col) }</bdi></th>
                                { for lane.cells.iter().map(|c| html! { <td>{ cell_text(c) }</td> }) }
                                { for (t.zoom != Zoom::Years).then(|| html! { <td>{ cell_text(&lane.vague) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                { for (!t.spans.is_empty()).then(|| html! {
                    <ul class="pic-list">{ for t.spans.iter().take(MAX_LINKS).map(|s| {
                        let story = &bundle.stories[s.story];
                        html! { <li><bdi>{ &story.label }</bdi>{ format!(": {} to {}", period(&t.bins[s.bins.0]), period(&t.bins[s.bins.1])) }</li> }
                    }) }</ul>
                }) }
                { for (!t.events.is_empty()).then(|| html! {
                    <ul class="pic-list">{ for t.events.iter().map(|e| html! {
                        <li>{ format!("Dates in {}: {}", period(&t.bins[e.bin]), count(e.mentions.len(), "mention", "mentions")) }</li>
                    }) }</ul>
                }) }
            </div>
    }
}
