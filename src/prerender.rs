//! The home page's first screen as static HTML, written into `index.html` at build time
//! (`src/bin/prerender.rs`, run by `scripts/precache.sh` in trunk's post_build hook), so a first
//! visit shows the article list while the wasm is still downloading. The app draws into `#app`,
//! hidden meanwhile, and removes this view when its own first view is drawn
//! (`first_view::announce`).
//!
//! The view is the bundle's home page by outlet, its first page of articles, with the same words
//! and links (`pages::home` formats both); its controls are inert until the app takes over
//! (the search box is disabled, the import buttons do nothing). Its small script shows it only
//! where the app would show that page: at `#/` (or no hash), with the built-in articles open; a
//! link followed before the app starts leaves it for the app's loading message.

use parallax_engine::Bundle;

use crate::chunked_view::{more_label, showing_line, PAGE};
use crate::collections::{FORMATS_NOTE, PRIVATE_NOTE};
use crate::pages::home::{lede, named_outlets, outlet_heading_id, outlet_pages, reading_time};
use crate::state::{articles_by_outlet, card_date, Explorer, Route};

/// Opens the pre-rendered view in `index.html`; `cli/build.rs` removes from here to [`END`] when
/// it embeds the app in `parallax site`, whose corpus is another.
pub const START: &str = "<!-- parallax:first-view -->";
/// Closes the pre-rendered view.
pub const END: &str = "<!-- /parallax:first-view -->";
/// The id of the pre-rendered view's element.
pub const VIEW_ID: &str = "first-view";
/// The class on `<html>` while the pre-rendered view is shown (`style/base.css` hides `#app`).
pub const SHOWN_CLASS: &str = "first-view";

/// What a pre-rendered `index.html` could not be made from.
#[derive(Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// The page has neither an earlier pre-rendered view nor the `#app` element to put one before.
    NoAppElement,
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::NoAppElement => {
                write!(f, "index.html has no <div id=\"app\"> to put the pre-rendered first view before")
            }
        }
    }
}

/// `index` with `view` (from [`first_view_html`]) just before `<div id="app">`, in place of any
/// view an earlier run put there.
pub fn into_index(index: &str, view: &str) -> Result<String, PrerenderError> {
    let index = without_view(index);
    let at = index.find("<div id=\"app\"").ok_or(PrerenderError::NoAppElement)?;
    Ok(format!("{}{START}{view}{END}\n    {}", &index[..at], &index[at..]))
}

/// `index` without a pre-rendered view (as it was before [`into_index`]).
pub fn without_view(index: &str) -> String {
    match (index.find(START), index.find(END)) {
        (Some(start), Some(end)) if start < end => {
            let rest = index[end + END.len()..].trim_start_matches('\n').trim_start_matches(' ');
            format!("{}{rest}", &index[..start])
        }
        _ => index.to_string(),
    }
}

/// The pre-rendered first view of `bundle`'s home page: the header, the lede, the collections
/// panel as it first shows, the first page of articles by outlet and the footer, then the script
/// that decides whether it shows.
pub fn first_view_html(bundle: Bundle) -> String {
    let corpus = Explorer::new(bundle);
    let bundle = &corpus.bundle;
    let groups = articles_by_outlet(bundle);
    let n_articles = bundle.articles.len();
    let mut out = String::new();
    out.push_str(&format!("<div id=\"{VIEW_ID}\">"));
    out.push_str("<a class=\"skip-link\" href=\"#main\">Skip to content</a>");
    out.push_str(HEADER);
    out.push_str("<main id=\"main\" tabindex=\"-1\"><section class=\"page home\">");
    out.push_str("<div class=\"intro\"><h1>How the outlets covered it</h1>");
    out.push_str(&format!(
        "<p class=\"lede\">{}</p></div>",
        escape(&lede(n_articles, named_outlets(&groups)))
    ));
    out.push_str(&collections_panel(n_articles));
    out.push_str(&format!(
        "<nav class=\"order-control\" aria-label=\"Order articles\">Order: <a href=\"{}\" aria-current=\"page\">by outlet</a> · <a href=\"{}\">by date</a></nav>",
        Route::Home.href(),
        Route::HomeByDate.href()
    ));
    out.push_str("<h2 class=\"section-title\">By outlet</h2><div class=\"outlet-groups\">");
    for (outlet, articles, total) in outlet_pages(&groups, PAGE) {
        let id = escape(&outlet_heading_id(outlet));
        out.push_str(&format!(
            "<section class=\"outlet-group\" aria-labelledby=\"{id}\"><h2 id=\"{id}\"><bdi>{}</bdi><span class=\"count\"> · {total}</span></h2><ul class=\"article-list\">",
            escape(outlet)
        ));
        for &i in articles {
            let Some(article) = bundle.articles.get(i) else { continue };
            out.push_str(&format!(
                "<li class=\"article-card\"><a href=\"{}\"><bdi class=\"card-title\">{}</bdi></a><p class=\"card-meta\">",
                escape(&Route::article(&article.id).href()),
                escape(&article.title.text)
            ));
            if let Some(date) = card_date(bundle, i) {
                out.push_str(&format!("<span class=\"card-date\">{}</span> · ", escape(&date)));
            }
            out.push_str(&escape(&reading_time(corpus.words(i))));
            if let Some(byline) = &article.byline {
                out.push_str(&format!(" · <bdi class=\"byline\">{}</bdi>", escape(&byline.text)));
            }
            out.push_str("</p></li>");
        }
        out.push_str("</ul></section>");
    }
    out.push_str("</div>");
    if n_articles > PAGE {
        out.push_str(&format!(
            "<p class=\"list-status\" role=\"status\">{}</p>",
            escape(&showing_line(PAGE, n_articles))
        ));
        if let Some(label) = more_label(PAGE, n_articles) {
            out.push_str(&format!(
                "<p><button type=\"button\" class=\"button secondary show-more\" disabled>{}</button></p>",
                escape(&label)
            ));
        }
    }
    out.push_str("</section></main>");
    out.push_str(FOOTER);
    out.push_str("</div>");
    out.push_str(&script());
    out
}

/// The header as `components::header` draws it, with its search box disabled.
const HEADER: &str = concat!(
    "<header class=\"site-header\"><a class=\"brand\" href=\"#/\"><span class=\"brand-mark\" aria-hidden=\"true\">◐</span><span class=\"brand-name\">Parallax</span></a>",
    "<form class=\"search-form\" role=\"search\"><label for=\"search-input\" class=\"visually-hidden\">Search articles</label>",
    "<input id=\"search-input\" type=\"search\" placeholder=\"Search: Kadhemi, &quot;rocket attacks&quot;, outlet:asharq…  (press /)\" autocomplete=\"off\" spellcheck=\"false\" disabled></form>",
    "<nav aria-label=\"Main\"><a href=\"#/\">Articles</a><a href=\"#/entities\">Entities</a></nav></header>",
);

/// The footer as `app` draws it.
const FOOTER: &str = "<footer class=\"site-footer\"><p>Parallax runs entirely in your browser: no server sees what you read or search.</p></footer>";

/// The collections panel as `components::collections_slot` first draws it (no stored collection
/// listed yet), its file inputs disabled.
fn collections_panel(n_articles: usize) -> String {
    format!(
        concat!(
            "<section class=\"collections\" aria-labelledby=\"collections-h\"><h2 id=\"collections-h\" class=\"section-title\">Collections</h2>",
            "<ul class=\"collection-list\"><li class=\"collection current\"><span class=\"collection-name\">Built-in articles</span>",
            "<span class=\"muted\"> · shipped with this site · {} articles</span><span class=\"current-mark\"> · open now</span></li></ul>",
            "<div class=\"import-panel\"><p class=\"import-controls\"><label for=\"import-files\" class=\"button\">Open your own articles</label>",
            "<input id=\"import-files\" class=\"visually-hidden\" type=\"file\" disabled> ",
            "<label for=\"import-folder\" class=\"button secondary\">Open a folder</label><input id=\"import-folder\" class=\"visually-hidden\" type=\"file\" disabled></p>",
            "<p class=\"muted\">{}</p>",
            "<p class=\"private-note\">{}</p>",
            "</div></section>"
        ),
        n_articles,
        escape(FORMATS_NOTE),
        escape(PRIVATE_NOTE),
    )
}

/// Shows the view only where the app would show this page (see the module's doc), and leaves it
/// when a link goes elsewhere before the app has started. `first_view::announce` removes it
/// once the app has drawn.
fn script() -> String {
    format!(
        concat!(
            "<script>(function () {{",
            "var view = document.getElementById('{id}'), root = document.documentElement;",
            "function home() {{ return location.hash.replace(/^#/, '').split('?')[0].split('/').every(function (p) {{ return p === ''; }}); }}",
            "function leave() {{ if (home()) return; removeEventListener('hashchange', leave); view.remove(); root.classList.remove('{class}'); }}",
            "var own = false; try {{ own = !!localStorage.getItem('{key}'); }} catch (e) {{}}",
            "if (own) {{ view.remove(); return; }}",
            "root.classList.add('{class}'); addEventListener('hashchange', leave); leave();",
            "view.querySelector('.skip-link').addEventListener('click', function (e) {{ e.preventDefault(); document.getElementById('main').focus(); }});",
            "}})();</script>"
        ),
        id = VIEW_ID,
        class = SHOWN_CLASS,
        key = crate::collections::CURRENT_KEY,
    )
}

/// `text` safe in HTML text and in a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str =
        "<html><body>\n    <div id=\"app\"><p class=\"boot\">Loading Parallax…</p></div>\n  </body></html>";

    #[test]
    fn markup_in_an_article_title_is_shown_as_text() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'so'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;so&#39;"
        );
    }

    #[test]
    fn the_view_goes_before_the_app_and_a_second_run_replaces_the_first() {
        let once = into_index(INDEX, "<div id=\"first-view\">one</div>").unwrap();
        assert!(once.contains(&format!("{START}<div id=\"first-view\">one</div>{END}")));
        assert!(once.find(END).unwrap() < once.find("<div id=\"app\">").unwrap());
        let twice = into_index(&once, "<div id=\"first-view\">two</div>").unwrap();
        assert!(twice.contains("two") && !twice.contains("one"));
        assert_eq!(without_view(&twice), INDEX, "removing the view gives the page back as trunk wrote it");
    }

    #[test]
    fn a_page_without_the_app_element_is_an_error() {
        assert_eq!(into_index("<html></html>", "x"), Err(PrerenderError::NoAppElement));
    }

    /// Invented articles, the first one's title holding markup.
    fn corpus() -> Bundle {
        let files: &[(&str, &[u8])] = &[
            ("a.txt", b"Dam talks resume\n\nThe talks over the dam resumed on Thursday in the capital, officials said."),
            ("b.txt", b"Dam talks go on\n\nNegotiators said the talks over the dam would go on for a week or more."),
            ("c.txt", b"Dam deal near\n\nA deal over the dam was near, officials said on Friday after the talks."),
        ];
        let sources: Vec<parallax_engine::SourceInput<'_>> =
            files.iter().map(|(name, bytes)| parallax_engine::SourceInput { name, bytes }).collect();
        let mut bundle = parallax_engine::build_bundle(&sources, "").bundle;
        bundle.articles[0].title.text = "<b>Dam</b> talks & \"hopes\"".into();
        bundle
    }

    #[test]
    fn the_first_view_lists_the_home_page_by_outlet_with_the_app_links_and_escaped_titles() {
        let bundle = corpus();
        let groups: Vec<(String, Vec<String>)> = articles_by_outlet(&bundle)
            .into_iter()
            .map(|(outlet, articles)| {
                (outlet, articles.iter().map(|&i| bundle.articles[i].id.clone()).collect())
            })
            .collect();
        let lede_text = escape(&lede(3, named_outlets(&articles_by_outlet(&bundle))));
        let html = first_view_html(bundle);
        assert_eq!(html.matches("class=\"article-card\"").count(), 3);
        // Outlets in the app's order, each article's link where the app puts it.
        let mut at = 0;
        for (outlet, ids) in &groups {
            at += html[at..].find(&format!("<bdi>{}</bdi>", escape(outlet))).expect(outlet);
            for id in ids {
                at += html[at..].find(&format!("href=\"{}\"", escape(&Route::article(id).href()))).expect(id);
            }
        }
        assert!(html.contains("&lt;b&gt;Dam&lt;/b&gt; talks &amp; &quot;hopes&quot;"), "{html}");
        assert!(!html.contains("<b>Dam"));
        assert!(html.contains(&lede_text), "{html}");
    }
}
