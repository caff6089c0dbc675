//! `#/article/<id>`: one cleaned article, with its provenance and, on request, the removed noise.

use std::rc::Rc;

use parallax_engine::{Block, BlockKind, Bundle};
use yew::prelude::*;

use crate::app::AppContext;
use crate::components::article_text::MarkedText;
use crate::state::{article_pieces, Action, Piece};

/// Properties of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The loaded corpus.
    pub bundle: Rc<Bundle>,
    /// The article's slug.
    pub id: String,
    /// Whether removed noise is shown in place.
    pub show_noise: bool,
}

/// The article page.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let ctx = use_context::<AppContext>();
    let Some(article) = props.bundle.article(&props.id) else {
        return html! {
            <section class="page">
                <h1>{ "No such article" }</h1>
                <p>{ format!("This corpus has no article “{}”.", props.id) }</p>
                <p><a href="#/">{ "Back to all articles" }</a></p>
            </section>
        };
    };
    let toggle = {
        let ctx = ctx.clone();
        Callback::from(move |_: Event| {
            if let Some(ctx) = &ctx {
                ctx.dispatch(Action::ToggleNoise);
            }
        })
    };
    let n_removed = article.removed.len();
    let pieces = article_pieces(article, props.show_noise);
    html! {
        <article class={classes!("page", "article", props.show_noise.then_some("showing-noise"))}>
            <p class="breadcrumbs"><a href="#/">{ "All articles" }</a></p>
            <header class="article-header">
                <h1 class="article-title"><MarkedText text={article.title.text.clone()} base={article.title.start} /></h1>
                <dl class="provenance">
                    <div><dt>{ "Outlet" }</dt><dd>{
                        match &article.outlet {
                            Some(o) => html! { <><span class="outlet">{ &o.name }</span><span class="evidence">{ format!(" (from {})", o.evidence) }</span></> },
                            None => html! { <span class="muted">{ "not stated in the text" }</span> },
                        }
                    }</dd></div>
                    { article.byline.as_ref().map(|b| html! { <div><dt>{ "Byline" }</dt><dd class="byline">{ &b.text }</dd></div> }).unwrap_or_default() }
                    { article.dateline.as_ref().map(|d| html! { <div><dt>{ "Dateline" }</dt><dd>{ &d.text }</dd></div> }).unwrap_or_default() }
                    <div><dt>{ "Date" }</dt><dd>{ article.date.clone().unwrap_or_else(|| "not stated in the text".into()) }</dd></div>
                    <div><dt>{ "Source file" }</dt><dd><code>{ &article.file }</code>{ format!(" · bytes {}–{}", article.title.start, article.blocks.last().map_or(article.title.end, |b| b.end)) }</dd></div>
                </dl>
                <label class="switch">
                    <input type="checkbox" id="noise-toggle" checked={props.show_noise} onchange={toggle} />
                    <span>{ format!("Show removed noise ({n_removed} {})", if n_removed == 1 { "span" } else { "spans" }) }</span>
                </label>
            </header>
            <div class="article-body">
                { for pieces.iter().map(render_piece) }
            </div>
        </article>
    }
}

fn render_piece(piece: &Piece<'_>) -> Html {
    match piece {
        Piece::Noise(r) => html! {
            <div class="noise" data-start={r.start.to_string()} data-end={r.end.to_string()}>
                <del>{ &r.text }</del>
                <span class="noise-reason">{ r.reason.label() }</span>
            </div>
        },
        Piece::Bullets(list) => html! {
            <ul class="summary">{ for list.iter().map(|b| html! { <li>{ text(b) }</li> }) }</ul>
        },
        Piece::Block(b) => match b.kind {
            BlockKind::Caption => html! {
                <figure class="caption">
                    <figcaption>
                        { text(b) }
                        { b.credit.as_ref().map(|c| html! { <span class="credit">{ format!(" ({})", c.text) }</span> }).unwrap_or_default() }
                    </figcaption>
                </figure>
            },
            BlockKind::Heading => html! { <h2 class="subhead">{ text(b) }</h2> },
            _ => html! { <p>{ text(b) }</p> },
        },
    }
}

fn text(block: &Block) -> Html {
    html! { <MarkedText text={block.text.clone()} base={block.start} /> }
}
