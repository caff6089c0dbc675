//! `#/article/<id>`: one cleaned article with entity highlights, its provenance and, on request,
//! the removed noise.

use std::collections::HashMap;
use std::rc::Rc;

use parallax_engine::{Block, BlockKind};
use yew::prelude::*;

use crate::app::AppContext;
use crate::components::article_text::MarkedText;
use crate::components::isolate::iso;
use crate::state::{
    article_marks, article_pieces, kind_label, type_counts, Action, AlsoReported, Loaded, Mark, Piece,
    TypeFilter,
};

/// Ranges to highlight as search matches: (raw start, raw end, CSS class).
pub type Highlights = Rc<Vec<(usize, usize, &'static str)>>;

/// Properties of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The loaded corpus.
    pub corpus: Loaded,
    /// The article's slug.
    pub id: String,
    /// A search whose matches to highlight.
    #[prop_or_default]
    pub query: Option<String>,
    /// Raw offset to scroll into view.
    #[prop_or_default]
    pub at: Option<usize>,
    /// Whether removed noise is shown in place.
    pub show_noise: bool,
    /// Which entity types are highlighted.
    pub types: TypeFilter,
    /// The search's matches when the caller has them (a chunked corpus: the results page's), so
    /// the page does not search again.
    #[prop_or_default]
    pub hits: Option<Highlights>,
    /// The article's story's other reports when the caller has them (a chunked corpus: from its
    /// list rows, since the page's bundle holds only this article).
    #[prop_or_default]
    pub also: Option<Rc<Option<AlsoReported>>>,
}

/// Per-block overlays: entity marks and search hits.
struct Overlays {
    marks: HashMap<usize, Rc<Vec<Mark>>>,
    hits: Rc<Vec<(usize, usize, &'static str)>>,
}

/// The article page.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let ctx = use_context::<AppContext>();
    let index = props.corpus.bundle.articles.iter().position(|a| a.id == props.id);

    // Scroll the first search match (or the requested offset) into view once rendered.
    {
        let target = props.at;
        // Again when highlights arrive after the text (a chunked corpus searches a typed link's
        // query once the article shows).
        let n_hits = props.hits.as_ref().map_or(0, |h| h.len());
        use_effect_with((props.id.clone(), props.query.clone(), target, n_hits), move |_| {
            let selector = match target {
                Some(at) => format!("[data-start=\"{at}\"], mark.hit"),
                None => "mark.hit".to_string(),
            };
            if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }

    let Some(index) = index else {
        return html! {
            <section class="page">
                <h1>{ "No such article" }</h1>
                <p>{ "This corpus has no article “" }{ iso(&props.id) }{ "”." }</p>
                <p><a href="#/">{ "Back to all articles" }</a></p>
            </section>
        };
    };
    let article = &props.corpus.bundle.articles[index];
    // Where an HTML, JSON or WARC article's metadata was read ("from og:site_name").
    let source = props.corpus.bundle.source(&article.id);
    let how = |field: &str| -> Html {
        source
            .and_then(|s| s.how(field))
            .map(|h| html! { <span class="evidence">{ format!(" (from {h})") }</span> })
            .unwrap_or_default()
    };
    let dispatch = move |action: Action| {
        if let Some(ctx) = &ctx {
            ctx.dispatch(action);
        }
    };
    let toggle_noise = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch(Action::ToggleNoise))
    };
    let overlays = Overlays {
        marks: article_marks(&props.corpus, index, props.types),
        hits: props.hits.clone().unwrap_or_else(|| {
            Rc::new(crate::state::search_hits(&props.corpus, index, props.query.as_deref()))
        }),
    };
    let counts = type_counts(&props.corpus, index);
    let n_removed = article.removed.len();
    let pieces = article_pieces(article, props.show_noise);
    let legend = TypeFilter::ALL.iter().zip(counts).map(|(&kind, count)| {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |_: Event| dispatch(Action::ToggleType(kind)));
        html! {
            <label class={classes!("legend-item", format!("legend-{}", kind.as_str()))}>
                <input type="checkbox" checked={props.types.shows(kind)} {onchange} />
                <span class="swatch" aria-hidden="true"></span>
                { format!("{} ({count})", kind_label(kind)) }
            </label>
        }
    });
    html! {
        <article class={classes!("page", "article", props.show_noise.then_some("showing-noise"))}>
            <p class="breadcrumbs"><a href="#/">{ "All articles" }</a></p>
            <header class="article-header">
                <h1 class="article-title">{ text(&article.title.text, article.title.start, &overlays) }</h1>
                <dl class="provenance">
                    <div><dt>{ "Outlet" }</dt><dd>{
                        match &article.outlet {
                            Some(o) => html! { <><bdi class="outlet">{ &o.name }</bdi><span class="evidence">{ " (from " }{ iso(&o.evidence) }{ ")" }</span></> },
                            None => html! { <span class="muted">{ "not stated in the text" }</span> },
                        }
                    }</dd></div>
                    { article.byline.as_ref().map(|b| html! { <div><dt>{ "Byline" }</dt><dd><span class="byline">{ iso(&b.text) }</span>{ how("byline") }</dd></div> }).unwrap_or_default() }
                    { article.dateline.as_ref().map(|d| html! { <div><dt>{ "Dateline" }</dt><dd>{ iso(&d.text) }</dd></div> }).unwrap_or_default() }
                    <div><dt>{ "Date" }</dt><dd>{ iso(&crate::state::date_line(&props.corpus.bundle, index)) }{ article.date.as_ref().map(|_| how("date")).unwrap_or_default() }</dd></div>
                    <div><dt>{ "Source file" }</dt><dd><code><bdi>{ &article.file }</bdi></code>{
                        match source {
                            Some(s) => format!(" · {}{}", s.format.as_str(), s.record.as_ref().map(|r| format!(", {r}")).unwrap_or_default()),
                            None => format!(" · bytes {}–{}", article.title.start, article.blocks.last().map_or(article.title.end, |b| b.end)),
                        }
                    }</dd></div>
                    { source.and_then(|s| s.link()).map(|url| html! {
                        <div><dt>{ "Source URL" }</dt><dd><a class="source-url" href={url.to_string()} rel="noopener noreferrer" target="_blank"><bdi>{ url }</bdi></a></dd></div>
                    }).unwrap_or_default() }
                </dl>
                <div class="article-controls">
                    <fieldset class="legend">
                        <legend>{ "Highlight" }</legend>
                        { for legend }
                    </fieldset>
                    <label class="switch">
                        <input type="checkbox" id="noise-toggle" checked={props.show_noise} onchange={toggle_noise} />
                        <span>{ format!("Show removed noise ({n_removed} {})", if n_removed == 1 { "span" } else { "spans" }) }</span>
                    </label>
                </div>
            </header>
            { match &props.also {
                Some(also) => story_panel((**also).as_ref(), &article.id),
                None => story_panel(crate::state::also_reported(&props.corpus.bundle, &article.id).as_ref(), &article.id),
            } }
            <div class="article-body">
                { for pieces.iter().map(|p| render_piece(p, &overlays)) }
            </div>
        </article>
    }
}

fn render_piece(piece: &Piece<'_>, overlays: &Overlays) -> Html {
    match piece {
        Piece::Noise(r) => html! {
            <div class="noise" data-start={r.start.to_string()} data-end={r.end.to_string()}>
                <del><bdi>{ &r.text }</bdi></del>
                <span class="noise-reason">{ r.reason.label() }</span>
            </div>
        },
        Piece::Bullets(list) => html! {
            <ul class="summary">{ for list.iter().map(|b| html! { <li>{ block_text(b, overlays) }</li> }) }</ul>
        },
        Piece::Block(b) => match b.kind {
            BlockKind::Caption => html! {
                <figure class="caption">
                    <figcaption>
                        { block_text(b, overlays) }
                        { b.credit.as_ref().map(|c| html! { <span class="credit">{ " (" }{ iso(&c.text) }{ ")" }</span> }).unwrap_or_default() }
                    </figcaption>
                </figure>
            },
            BlockKind::Heading => html! { <h2 class="subhead">{ block_text(b, overlays) }</h2> },
            _ => html! { <p>{ block_text(b, overlays) }</p> },
        },
    }
}

fn block_text(block: &Block, overlays: &Overlays) -> Html {
    text(&block.text, block.start, overlays)
}

fn text(text: &str, start: usize, overlays: &Overlays) -> Html {
    html! {
        <MarkedText text={AttrValue::from(text.to_string())} base={start}
            marks={overlays.marks.get(&start).cloned().unwrap_or_default()} hits={overlays.hits.clone()} />
    }
}

/// "Also reported by…" with links to compare this article with the others of its story.
fn story_panel(also: Option<&AlsoReported>, id: &str) -> Html {
    let Some(also) = also else { return Html::default() };
    let all: Vec<String> =
        std::iter::once(id.to_string()).chain(also.others.iter().take(2).map(|a| a.id.clone())).collect();
    let unlisted = also.total.saturating_sub(also.others.len());
    html! {
        <aside class="story-panel" aria-label="Other coverage of this story">
            <p><strong>{ "Also reported by " }</strong>{ format!("{} other {} in this corpus", also.total, if also.total == 1 { "article" } else { "articles" }) }</p>
            <ul>
                { for also.others.iter().map(|o| html! {
                    <li>
                        <a href={crate::state::Route::Compare { ids: vec![id.to_string(), o.id.clone()] }.href()}>{ "Compare with " }{ iso(&o.title) }</a>
                        <span class="muted">{ " · " }{ iso(o.outlet.as_deref().unwrap_or(crate::state::UNKNOWN_OUTLET)) }</span>
                    </li>
                }) }
            </ul>
            if unlisted > 0 {
                <p class="muted">{ format!("and {unlisted} more") }</p>
            }
            <a class="button" href={crate::state::Route::Compare { ids: all }.href()}>{ "Compare coverage" }</a>
        </aside>
    }
}
