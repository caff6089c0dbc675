//! The text model: articles made of blocks, each block an exact slice of its raw file.
//!
//! Invariant: for every [`Block`], [`Spanned`] and [`Removed`], `text == raw[start..end]` of the
//! raw file named by [`Article::file`] (after the file was decoded to UTF-8). Every byte offset in
//! the engine (search highlights, entity mentions, diff marks) is such a raw-file offset, so any
//! highlight can be traced back to the source bytes.

use serde::{Deserialize, Serialize};

/// A piece of text with its byte range in the raw file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Spanned {
    /// The text, exactly `raw[start..end]`.
    pub text: String,
    /// Byte offset of the first byte in the raw file.
    pub start: usize,
    /// Byte offset one past the last byte in the raw file.
    pub end: usize,
}

/// What a kept block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// An image caption (its credit, if any, is in [`Block::credit`]).
    Caption,
    /// A sub-heading inside the body.
    Heading,
    /// A bullet of a summary list.
    Bullet,
    /// A body paragraph.
    Paragraph,
}

impl BlockKind {
    /// Lower-case name used in JSON and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Caption => "caption",
            BlockKind::Heading => "heading",
            BlockKind::Bullet => "bullet",
            BlockKind::Paragraph => "paragraph",
        }
    }
}

/// A kept block of an article, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Title, caption, heading, bullet or paragraph.
    pub kind: BlockKind,
    /// The text, exactly `raw[start..end]`.
    pub text: String,
    /// Byte offset in the raw file.
    pub start: usize,
    /// Byte offset one past the end in the raw file.
    pub end: usize,
    /// For captions: the photo credit, with its own span. Boxed: few blocks have one, and a
    /// corpus holds millions of blocks (a block is 56 bytes, not 88, beside its text).
    pub credit: Option<Box<Spanned>>,
}

/// Why a span of the raw file was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoiseKind {
    /// A headline repeated by the scraper.
    DuplicateTitle,
    /// An image caption repeated by the scraper.
    DuplicateCaption,
    /// A house marker such as "TT" (it still names the outlet).
    HouseMarker,
    /// A "Read more:" or "Related:" link to another article.
    RelatedLink,
    /// Advertising ("Submit Your Ad Here", "Only $1/click").
    Advert,
    /// A site banner ("Welcome to ...").
    SiteBanner,
    /// A page date that belongs to the page, not the article.
    PageDate,
    /// An author biography.
    AuthorBio,
    /// A comment-form prompt ("Leave a Reply").
    CommentPrompt,
    /// A trailing list of unrelated headlines.
    UnrelatedHeadlines,
    /// A credit line ("AFP with additional input by ..."); kept as byline, removed from the body.
    CreditLine,
    /// A line stating the article's own date ("Published: July 2, 2021"); kept as the date.
    ArticleDate,
    /// Layout marks around kept text: a bullet glyph, the brackets or comma around a photo credit,
    /// a byte-order mark, a stray separator line.
    Markup,
    /// Anything else that is not article text (e.g. a headline with no article after it, a footer).
    Other,
    /// Site navigation: menus, section lists, breadcrumbs, "Skip to content", bare links.
    Navigation,
    /// A share or follow prompt ("Share this: Facebook | Twitter", "Follow us on Instagram").
    SharePrompt,
    /// A subscription or newsletter prompt ("Sign up for our morning newsletter").
    SubscribePrompt,
    /// A legal footer ("© 2021 Example News. All rights reserved.", "Privacy Policy").
    LegalFooter,
    /// A cookie notice and its buttons.
    CookieNotice,
    /// A line that recurs in many files of the corpus (or many times in one file): page furniture.
    RepeatedBoilerplate,
    /// Text away from the article's main run of paragraphs (comments, teasers, promos).
    OutsideArticle,
    /// A web page's site header or footer (masthead, copyright, legal links).
    PageChrome,
    /// A sidebar or widget column beside the article.
    Sidebar,
    /// Reader comments and comment forms.
    Comments,
    /// Text the page hides from readers (`hidden`, `display:none`, `visibility:hidden`).
    Hidden,
    /// A box inside the article that is mostly links (a related-stories list, a link roll).
    LinkList,
    /// The article's byline or date line as laid out on the page (kept as byline and date).
    ArticleInfo,
    /// What the page states about itself in its head or a record's fields (title, site name,
    /// author, date, URL): kept as metadata, not body text.
    PageMetadata,
}

impl NoiseKind {
    /// The human label shown next to struck-through noise.
    pub fn label(self) -> &'static str {
        match self {
            NoiseKind::DuplicateTitle => "duplicate title",
            NoiseKind::DuplicateCaption => "duplicate caption",
            NoiseKind::HouseMarker => "house marker",
            NoiseKind::RelatedLink => "related-link",
            NoiseKind::Advert => "advert",
            NoiseKind::SiteBanner => "site banner",
            NoiseKind::PageDate => "page date",
            NoiseKind::AuthorBio => "author bio",
            NoiseKind::CommentPrompt => "comment prompt",
            NoiseKind::UnrelatedHeadlines => "unrelated headline list",
            NoiseKind::CreditLine => "credit line",
            NoiseKind::ArticleDate => "article date",
            NoiseKind::Markup => "markup",
            NoiseKind::Other => "other noise",
            NoiseKind::Navigation => "navigation",
            NoiseKind::SharePrompt => "share prompt",
            NoiseKind::SubscribePrompt => "subscription prompt",
            NoiseKind::LegalFooter => "legal footer",
            NoiseKind::CookieNotice => "cookie notice",
            NoiseKind::RepeatedBoilerplate => "repeated boilerplate",
            NoiseKind::OutsideArticle => "outside the article",
            NoiseKind::PageChrome => "page header or footer",
            NoiseKind::Sidebar => "sidebar",
            NoiseKind::Comments => "comments",
            NoiseKind::Hidden => "hidden text",
            NoiseKind::LinkList => "link list",
            NoiseKind::ArticleInfo => "byline or date line",
            NoiseKind::PageMetadata => "page metadata",
        }
    }
}

/// A span of the raw file that cleaning removed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text, exactly `raw[start..end]`.
    pub text: String,
    /// Why it was removed.
    pub reason: NoiseKind,
    /// Byte offset in the raw file.
    pub start: usize,
    /// Byte offset one past the end in the raw file.
    pub end: usize,
}

/// Who published an article and how the cleaner knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The outlet's name, e.g. "Asharq Al-Awsat".
    pub name: String,
    /// The evidence, e.g. "site banner", "“TT” house marker", "names itself".
    pub evidence: String,
    /// Where the evidence sits in the raw file.
    pub start: usize,
    /// End of the evidence in the raw file.
    pub end: usize,
}

/// One cleaned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable, readable slug (unique within a corpus), e.g. `kadhimi-biden-to-meet-soon`.
    pub id: String,
    /// Raw file name the article came from.
    pub file: String,
    /// The headline.
    pub title: Spanned,
    /// The outlet, where the text says it.
    pub outlet: Option<Attribution>,
    /// Byline or credit line, where there is one.
    pub byline: Option<Spanned>,
    /// A dateline such as "Baghdad:", where there is one.
    pub dateline: Option<Spanned>,
    /// Publication date (ISO `YYYY-MM-DD`), only where the text states one for this article.
    pub date: Option<String>,
    /// Kept blocks in reading order, the title first.
    pub blocks: Vec<Block>,
    /// Removed spans in file order.
    pub removed: Vec<Removed>,
}

/// Words in `text`, as `text.split_whitespace().count()` counts them.
fn words_in(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        // ASCII white space for `char::is_whitespace` is `is_ascii_whitespace` plus vertical tab.
        let space = byte.is_ascii_whitespace() || byte == 0x0b;
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

impl Article {
    /// Number of words in the kept text (title excluded), for "length" on the home page: what
    /// `split_whitespace` counts, by a byte scan for ASCII blocks (most of them), several times
    /// faster, since a story picture counts the words of thousands of articles.
    pub fn word_count(&self) -> usize {
        self.blocks.iter().filter(|b| b.kind != BlockKind::Title).map(|b| words_in(&b.text)).sum()
    }

    /// The body blocks: headings, bullets and paragraphs (no title, no captions).
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading | BlockKind::Bullet | BlockKind::Paragraph))
    }

    /// The block holding raw-file offset `offset`, if any. Blocks come in raw order, so this is
    /// a binary search; a scan answers for blocks that are not (an article assembled by hand).
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let holds = |b: &&Block| b.start <= offset && offset < b.end;
        let i = self.blocks.partition_point(|b| b.start <= offset);
        i.checked_sub(1)
            .and_then(|i| self.blocks.get(i))
            .filter(holds)
            .or_else(|| self.blocks.iter().find(holds))
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing (e.g. CRLF line endings normalised).
    Info,
    /// Something was repaired or skipped (e.g. invalid UTF-8 replaced, file was noise only).
    Warning,
    /// The file was rejected (e.g. binary, empty).
    Error,
}

/// A per-file message a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file it is about.
    pub file: String,
    /// How serious.
    pub severity: Severity,
    /// What happened, in a sentence.
    pub message: String,
}

/// Makes a readable slug of at most `max_words` words from a title.
pub fn slugify(title: &str, max_words: usize) -> String {
    let words: Vec<String> = crate::text::tokens(title)
        .into_iter()
        .map(|t| t.norm.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .collect();
    if words.is_empty() {
        "article".to_string()
    } else {
        words.join("-")
    }
}

/// Gives every article a unique readable slug from its title, in corpus order (so ids are stable
/// as long as files and titles are).
///
/// Linear however many articles share a title: each slug remembers the last number it gave, and
/// every smaller number is known to be taken already.
pub fn assign_ids(articles: &mut [Article]) {
    let mut seen = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for article in articles.iter_mut() {
        let base = slugify(&article.title.text, 6);
        let n = next.entry(base.clone()).or_insert(2);
        let mut id = base.clone();
        if !seen.insert(id.clone()) {
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if seen.insert(id.clone()) {
                    break;
                }
            }
        }
        article.id = id;
    }
}

/// The kind of file an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text (`.txt`): offsets are the file's own bytes.
    #[default]
    Text,
    /// A saved web page (`.html`, `.htm`, `.html.gz`).
    Html,
    /// A record of a JSON Lines or JSON export (`.jsonl`, `.json`).
    Json,
    /// An HTML response record of a web archive (`.warc`, `.warc.gz`).
    Warc,
}

impl SourceFormat {
    /// Lower-case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "html",
            SourceFormat::Json => "json",
            SourceFormat::Warc => "warc",
        }
    }
}

/// A run of an article's source text and the raw bytes it was rendered from: source text
/// `start..end` came from payload bytes `raw_start..raw_end` (a text node, a tag's attribute, a
/// JSON string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Start in the article's source text (the offsets blocks and removed spans use).
    pub start: usize,
    /// End in the article's source text.
    pub end: usize,
    /// Start in the raw payload.
    pub raw_start: usize,
    /// End in the raw payload.
    pub raw_end: usize,
}

/// A part of the raw payload that a reader never sees and so never enters the source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unshown {
    /// Start in the raw payload.
    pub raw_start: usize,
    /// End in the raw payload.
    pub raw_end: usize,
    /// What it is: "script", "style", "document head", "embedded object", "form control".
    pub what: String,
}

/// How a metadata field was known, e.g. `("outlet", "og:site_name")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// "title", "outlet", "byline", "date" or "url".
    pub field: String,
    /// Where it was read: "og:site_name", "JSON-LD datePublished", "canonical URL's site", ...
    pub how: String,
}

/// Where an article that was not plain text came from, and how to trace its text to raw bytes.
///
/// For HTML, JSON and WARC inputs an article's offsets index its *source text*: a rendering of
/// the page as a reader sees it (blocks separated by blank lines, whitespace collapsed, character
/// references decoded), preceded by lines for the metadata the page states. `segments` maps that
/// text back to the raw payload, and `payload_start` places the payload in the file (a WARC
/// record's payload; 0 otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSource {
    /// The article's id.
    pub article: String,
    /// What kind of file it came from.
    pub format: SourceFormat,
    /// The page's URL (canonical link, `og:url`, a record's `url`, a WARC target URI).
    pub url: Option<String>,
    /// Which record of the file: "record 3" (JSON), "record <urn:uuid:...>" (WARC).
    pub record: Option<String>,
    /// Byte offset of the payload in the file (after gzip decompression for `.gz` files).
    pub payload_start: usize,
    /// Source text ranges and the raw payload bytes they came from, in source order.
    pub segments: Vec<Segment>,
    /// Raw payload ranges that are not rendered (scripts, styles, the head, ...).
    pub unshown: Vec<Unshown>,
    /// How each metadata field was known.
    pub evidence: Vec<Evidence>,
}

impl ArticleSource {
    /// The raw payload byte range a source-text range was rendered from (the union of the
    /// segments it touches), if any.
    pub fn raw_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let from = self.segments.partition_point(|s| s.end <= start);
        let touched = self.segments[from..].iter().take_while(|s| s.start < end.max(start + 1));
        touched.fold(None, |acc, s| match acc {
            None => Some((s.raw_start, s.raw_end)),
            Some((a, b)) => Some((a.min(s.raw_start), b.max(s.raw_end))),
        })
    }

    /// The page's URL when it is safe to link to: only `http:` and `https:` URLs (never
    /// `javascript:` or `data:`, whatever a file claims).
    pub fn link(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let scheme = url.split_once("://")?.0.to_ascii_lowercase();
        (matches!(scheme.as_str(), "http" | "https") && !url.contains(char::is_whitespace)).then_some(url)
    }

    /// How `field` was known, if recorded.
    pub fn how(&self, field: &str) -> Option<&str> {
        self.evidence.iter().find(|e| e.field == field).map(|e| e.how.as_str())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The byte scan counts what `split_whitespace` counts, for any ASCII or other text.
        #[test]
        fn the_fast_word_count_is_split_whitespace(text in "[a-z \t\n\r\x0b\x0c\x1c\x1f\u{a0}\u{85}é.-]{0,40}") {
            prop_assert_eq!(super::words_in(&text), text.split_whitespace().count());
        }

        #[test]
        fn the_fast_word_count_is_split_whitespace_on_any_ascii(text in "[\x00-\x7f]{0,60}") {
            prop_assert_eq!(super::words_in(&text), text.split_whitespace().count());
        }
    }
}
