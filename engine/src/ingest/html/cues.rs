//! What an element's tag, `role`, `class` and `id` say it is: navigation, a footer, a cookie
//! banner, a share bar, comments, an advert, ... or the article itself. These are the general
//! vocabulary of page templates (the same words readability and trafilatura match), not phrases
//! fitted to particular sites.

use super::dom::Element;
use crate::model::NoiseKind;

/// Tag, role, class and id cues of one element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cue {
    /// What kind of page furniture the element is, if it looks like furniture.
    pub noise: Option<NoiseKind>,
    /// Class or id suggest article text ("article", "content", "post", "story", "entry").
    pub positive: bool,
    /// Class or id suggest the article's byline or date line ("byline", "author", "dateline").
    pub info: bool,
    /// `itemprop=articleBody` or an equally explicit article-body class.
    pub article_body: bool,
    /// Class or id name a fact box ("factbox", "info-box", "Faktenbox"): background facts, a
    /// glossary or a book's details boxed beside the story, not its text.
    pub fact_box: bool,
}

/// Noise words found anywhere in class or id, with what they mean.
const NOISE_SUBSTRINGS: &[(&str, NoiseKind)] = &[
    ("cookie", NoiseKind::CookieNotice),
    ("consent", NoiseKind::CookieNotice),
    ("gdpr", NoiseKind::CookieNotice),
    ("newsletter", NoiseKind::SubscribePrompt),
    ("subscribe", NoiseKind::SubscribePrompt),
    ("subscription", NoiseKind::SubscribePrompt),
    ("signup", NoiseKind::SubscribePrompt),
    ("sign-up", NoiseKind::SubscribePrompt),
    ("paywall", NoiseKind::SubscribePrompt),
    ("share", NoiseKind::SharePrompt),
    ("sharing", NoiseKind::SharePrompt),
    ("social", NoiseKind::SharePrompt),
    ("addthis", NoiseKind::SharePrompt),
    ("comment", NoiseKind::Comments),
    ("disqus", NoiseKind::Comments),
    ("replies", NoiseKind::Comments),
    ("respond", NoiseKind::Comments),
    ("related", NoiseKind::RelatedLink),
    ("recommend", NoiseKind::RelatedLink),
    ("outbrain", NoiseKind::RelatedLink),
    ("taboola", NoiseKind::RelatedLink),
    ("trending", NoiseKind::RelatedLink),
    ("popular", NoiseKind::RelatedLink),
    ("most-read", NoiseKind::RelatedLink),
    ("mostread", NoiseKind::RelatedLink),
    ("more-stories", NoiseKind::RelatedLink),
    ("read-more", NoiseKind::RelatedLink),
    ("readmore", NoiseKind::RelatedLink),
    ("advert", NoiseKind::Advert),
    ("sponsor", NoiseKind::Advert),
    ("-ad-", NoiseKind::Advert),
    ("ad-slot", NoiseKind::Advert),
    ("adslot", NoiseKind::Advert),
    ("ad-container", NoiseKind::Advert),
    ("ad-wrapper", NoiseKind::Advert),
    ("dfp", NoiseKind::Advert),
    ("promo", NoiseKind::Advert),
    ("skyscraper", NoiseKind::Advert),
    ("breadcrumb", NoiseKind::Navigation),
    ("navbar", NoiseKind::Navigation),
    ("navigation", NoiseKind::Navigation),
    ("menu", NoiseKind::Navigation),
    ("pagination", NoiseKind::Navigation),
    ("pager", NoiseKind::Navigation),
    ("skip-link", NoiseKind::Navigation),
    ("masthead", NoiseKind::PageChrome),
    ("footer", NoiseKind::PageChrome),
    ("site-header", NoiseKind::PageChrome),
    ("copyright", NoiseKind::PageChrome),
    ("sidebar", NoiseKind::Sidebar),
    ("widget", NoiseKind::Sidebar),
    ("shoutbox", NoiseKind::Sidebar),
    ("popup", NoiseKind::Advert),
    ("modal", NoiseKind::Advert),
];

/// Noise words that must be a whole class or id token ("ad", not "header" or "load").
const NOISE_TOKENS: &[(&str, NoiseKind)] = &[
    ("ad", NoiseKind::Advert),
    ("ads", NoiseKind::Advert),
    ("adv", NoiseKind::Advert),
    ("advertisement", NoiseKind::Advert),
    ("nav", NoiseKind::Navigation),
    ("subnav", NoiseKind::Navigation),
    ("topnav", NoiseKind::Navigation),
    ("header", NoiseKind::PageChrome),
    ("tags", NoiseKind::Navigation),
    ("tag-list", NoiseKind::Navigation),
    ("rail", NoiseKind::Sidebar),
    ("aside", NoiseKind::Sidebar),
];

const POSITIVE: &[&str] =
    &["article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story"];
const INFO: &[&str] = &[
    "byline",
    "author",
    "dateline",
    "timestamp",
    "publish",
    "posted-on",
    "entry-meta",
    "post-meta",
    "article-meta",
    "meta-data",
];
/// Class or id words for a box of facts set beside the story's text.
const FACT_BOX: &[&str] =
    &["factbox", "fact-box", "fact_box", "infobox", "info-box", "info_box", "faktenbox", "infokasten"];
const BODY: &[&str] = &[
    "articlebody",
    "article-body",
    "article__body",
    "article-content",
    "entry-content",
    "post-content",
    "story-body",
    "post-body",
    "articletext",
    "article-text",
    "story-content",
];

/// Reads an element's cues.
pub fn cue(e: &Element) -> Cue {
    let noise = match &*e.name {
        "nav" => Some(NoiseKind::Navigation),
        "aside" => Some(NoiseKind::Sidebar),
        "footer" | "header" => Some(NoiseKind::PageChrome),
        "form" | "button" | "fieldset" => Some(NoiseKind::Other),
        "dialog" => Some(NoiseKind::Advert),
        _ => None,
    };
    let mut cue = Cue { noise, ..Cue::default() };
    match e.attr("role").unwrap_or("") {
        "navigation" | "menu" | "menubar" => cue.noise = Some(NoiseKind::Navigation),
        "banner" | "contentinfo" => cue.noise = Some(NoiseKind::PageChrome),
        "complementary" => cue.noise = Some(NoiseKind::Sidebar),
        "dialog" | "alertdialog" => cue.noise = Some(NoiseKind::Advert),
        _ => {}
    }
    if e.attr("itemprop").is_some_and(|p| p.contains("articleBody")) {
        cue.article_body = true;
    }
    let mut names = String::new();
    for key in ["class", "id"] {
        if let Some(v) = e.attr(key) {
            names.push(' ');
            names.push_str(&v.to_ascii_lowercase());
        }
    }
    if names.trim().is_empty() {
        return cue;
    }
    let tokens: Vec<&str> =
        names.split(|c: char| c.is_whitespace() || c == '_').filter(|t| !t.is_empty()).collect();
    cue.positive = POSITIVE.iter().any(|p| names.contains(p));
    cue.info = INFO.iter().any(|p| names.contains(p));
    cue.article_body |= BODY.iter().any(|p| tokens.contains(p));
    cue.fact_box = FACT_BOX.iter().any(|p| names.contains(p));
    if cue.noise.is_none() {
        cue.noise =
            NOISE_SUBSTRINGS.iter().find(|(word, _)| names.contains(word)).map(|(_, kind)| *kind).or_else(
                || {
                    tokens.iter().find_map(|t| {
                        t.split('-')
                            .find_map(|part| NOISE_TOKENS.iter().find(|(w, _)| *w == part).map(|(_, k)| *k))
                    })
                },
            );
    }
    // "article-header", "post-footer" or "content-menu" inside an article is still furniture, but
    // a "main-content" or "article-body" wrapper that mentions "sidebar-layout" is not.
    if cue.article_body {
        cue.noise = None;
    }
    cue
}
