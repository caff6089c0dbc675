//! Saved web pages: main-content extraction with provenance.
//!
//! A page is decoded ([`charset`]), parsed into a tree that keeps byte ranges ([`dom`]), rendered
//! into the blocks a reader sees ([`render`]), its self-description read ([`meta`]), and each
//! block kept as article text or removed with a reason ([`score`], [`cues`]). The article's
//! source text is the rendering, preceded by one line per metadata value the page states; every
//! block and removed span indexes that text, and [`ArticleSource::segments`] maps it back to the
//! raw bytes.
//!
//! ```
//! use parallax_engine::ingest::html::{extract_page, PageInput};
//!
//! let page = br#"<html><head><title>Talks resume - Example News</title>
//! <meta property="og:site_name" content="Example News"></head><body>
//! <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//! <article><h1>Talks resume</h1><p>Negotiators met again on Monday, officials said, after a pause of three weeks.</p></article>
//! <footer>Copyright Example News</footer></body></html>"#;
//! let outcome = extract_page(&PageInput { name: "talks.html", bytes: page, charset: None, url: None });
//! let (article, source) = outcome.article.unwrap();
//! assert_eq!(article.title.text, "Talks resume");
//! assert_eq!(article.outlet.as_ref().unwrap().name, "Example News");
//! assert_eq!(source.how("outlet"), Some("og:site_name"));
//! assert_eq!(article.body().count(), 1);
//! ```

pub mod charset;
pub mod cues;
pub mod dom;
pub mod entities;
pub mod meta;
pub mod render;
pub mod score;
pub mod script_data;

use crate::model::{
    Article, ArticleSource, Attribution, Block, BlockKind, Diagnostic, Evidence, NoiseKind, Removed, Segment,
    Severity, SourceFormat, Spanned, Unshown,
};
use render::RBlock;
use score::Verdict;

/// One page to extract.
#[derive(Debug, Clone, Copy)]
pub struct PageInput<'a> {
    /// File name (for diagnostics and the article's `file`).
    pub name: &'a str,
    /// The page's raw bytes.
    pub bytes: &'a [u8],
    /// A charset declared outside the page (a WARC record's HTTP header), if any.
    pub charset: Option<&'a str>,
    /// The page's URL known from outside the page (a WARC target URI), if any.
    pub url: Option<&'a str>,
}

/// What extracting one page produced.
#[derive(Debug, Default)]
pub struct PageOutcome {
    /// The article and its provenance (`article` id not yet assigned), unless the page had none.
    pub article: Option<(Article, ArticleSource)>,
    /// What the extractor has to say about the page.
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the article of one HTML page. Never panics, whatever the bytes.
pub fn extract_page(input: &PageInput<'_>) -> PageOutcome {
    let mut outcome = PageOutcome::default();
    let name = input.name;
    let mut say = |severity, message: String| {
        outcome.diagnostics.push(Diagnostic { file: name.to_string(), severity, message });
    };
    if input.bytes.iter().all(u8::is_ascii_whitespace) {
        say(Severity::Error, "the page is empty; there is nothing to extract".into());
        return outcome;
    }
    let mut chosen = charset::sniff(input.bytes, input.charset);
    let utf16;
    let mut bytes = input.bytes;
    if chosen.encoding == encoding_rs::UTF_16LE || chosen.encoding == encoding_rs::UTF_16BE {
        let (text, _, _) = chosen.encoding.decode(bytes);
        utf16 = text.into_owned().into_bytes();
        bytes = &utf16;
        chosen.encoding = encoding_rs::UTF_8;
        say(
            Severity::Warning,
            "the page is UTF-16; converted it to UTF-8, so raw offsets index the converted text".into(),
        );
    }
    if let Some(why) = binary(bytes) {
        say(
            Severity::Error,
            format!("the file is named like a web page but holds binary data ({why}); skipped it"),
        );
        return outcome;
    }
    if chosen.how == "guessed" {
        say(
            Severity::Warning,
            format!("the page does not declare its character set; read it as {} (a guess: check accented letters)", chosen.encoding.name()),
        );
    }
    let dom = dom::parse(bytes, chosen.encoding);
    let meta = meta::read(&dom, bytes, chosen.encoding);
    let mut rendered = render::render(&dom, bytes, chosen.encoding);
    let title_block = find_title(&dom, &rendered.blocks, &meta);
    let mut verdicts = score::decide(&dom, &rendered.blocks, title_block, meta.article_body.as_deref());
    let visible = script_data::kept_chars(&rendered.blocks, &verdicts);
    if visible < script_data::VISIBLE_BELOW {
        if let Some(script) = script_data::read(&dom, bytes, chosen.encoding, visible) {
            say(
                Severity::Info,
                format!(
                    "the page shows almost no article text without JavaScript; read the article from its script data (bytes {}..{})",
                    script.raw.0, script.raw.1
                ),
            );
            // The visible page's own article text gives way to the script's (its title stays).
            for v in &mut verdicts {
                if matches!(v, Verdict::Keep(k) if *k != BlockKind::Title) {
                    *v = Verdict::Remove(NoiseKind::OutsideArticle);
                }
            }
            rendered.blocks.extend(script.blocks);
            verdicts.extend(script.verdicts);
        }
    }
    if !verdicts.iter().any(|v| matches!(v, Verdict::Keep(k) if *k != BlockKind::Title)) {
        say(
            Severity::Warning,
            format!(
                "no article text found in the page{}: {} visible block(s), all page furniture; zero articles",
                meta.doc_title.as_ref().map(|t| format!(" (“{}”)", short(&t.value))).unwrap_or_default(),
                rendered.blocks.len()
            ),
        );
        return outcome;
    }
    let article = assemble(&Assembly {
        name,
        dom: &dom,
        rendered: &rendered,
        meta: &meta,
        verdicts: &verdicts,
        title_block,
        url_hint: input.url,
    });
    outcome.article = Some(article);
    outcome
}

fn short(text: &str) -> String {
    let s: String = text.chars().take(80).collect();
    if s.len() < text.len() {
        format!("{s}…")
    } else {
        s
    }
}

/// Why bytes are not a web page: NUL bytes or many control bytes near the start.
fn binary(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(65536)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Some(format!("a NUL byte at byte {at}"));
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    (controls * 50 > head.len())
        .then(|| format!("{controls} control bytes in its first {} bytes", head.len()))
}

/// Words of a title, lower case, for comparing headings with the page's stated title.
fn norm(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / ", " ‹ ", " › "];

/// The title without a " - Site name" suffix (or "Site name | " prefix).
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let mut t = title.trim().to_string();
    for _ in 0..2 {
        let cut = SEPARATORS.iter().filter_map(|s| t.rfind(s).map(|at| (at, s.len()))).max_by_key(|c| c.0);
        let Some((at, len)) = cut else { break };
        let (head, tail) = (t[..at].trim(), t[at + len..].trim());
        let site_n = site.map(norm).unwrap_or_default();
        let is_site = |part: &str| {
            let p = norm(part);
            !p.is_empty() && !site_n.is_empty() && (site_n.contains(&p) || p.contains(&site_n))
        };
        let words = |s: &str| s.split_whitespace().count();
        if is_site(tail) || (site.is_none() && words(tail) <= 3 && words(head) >= 4) {
            t = head.to_string();
        } else if let Some(first) =
            SEPARATORS.iter().filter_map(|s| t.find(s).map(|a| (a, s.len()))).min_by_key(|c| c.0)
        {
            let lead = t[..first.0].trim();
            if is_site(lead) {
                t = t[first.0 + first.1..].trim().to_string();
            }
            break;
        } else {
            break;
        }
    }
    t
}

/// The heading block that is the article's headline: one matching the page's stated title, else
/// the page's only `<h1>`.
fn find_title(dom: &dom::Dom, blocks: &[RBlock], meta: &meta::PageMeta) -> Option<usize> {
    let site = meta.site_name.as_ref().map(|s| s.value.as_str());
    let wanted: Vec<String> = meta
        .titles
        .iter()
        .flat_map(|t| [norm(&t.value), norm(&strip_site(&t.value, site))])
        .filter(|t| !t.is_empty())
        .collect();
    let headings: Vec<(usize, u8)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.hidden && b.text.chars().count() < 300)
        .filter_map(|(k, b)| {
            let level = match dom.name(b.owner) {
                "h1" => 1,
                "h2" => 2,
                "h3" => 3,
                _ => return None,
            };
            Some((k, level))
        })
        .collect();
    let matches = |k: usize| {
        let h = norm(&blocks[k].text);
        !h.is_empty()
            && wanted.iter().any(|w| {
                *w == h
                    || ((w.starts_with(&h) || h.starts_with(w.as_str()))
                        && h.len().min(w.len()) * 3 >= h.len().max(w.len()) * 2)
            })
    };
    for level in 1..=3 {
        if let Some(&(k, _)) = headings.iter().find(|(k, l)| *l == level && matches(*k)) {
            return Some(k);
        }
    }
    let h1s: Vec<usize> = headings.iter().filter(|(_, l)| *l == 1).map(|(k, _)| *k).collect();
    (h1s.len() == 1).then(|| h1s[0])
}

struct Assembly<'a> {
    name: &'a str,
    dom: &'a dom::Dom,
    rendered: &'a render::Rendered,
    meta: &'a meta::PageMeta,
    verdicts: &'a [Verdict],
    title_block: Option<usize>,
    url_hint: Option<&'a str>,
}

/// The article's source text as it is built, with its segment map.
#[derive(Default)]
pub(crate) struct SourceText {
    pub(crate) text: String,
    pub(crate) segments: Vec<Segment>,
}

impl SourceText {
    /// Appends a line (blank-line separated) mapped to one raw range.
    pub(crate) fn line(&mut self, line: &str, raw: (usize, usize)) -> (usize, usize) {
        self.separate();
        let start = self.text.len();
        self.text.push_str(line);
        let end = self.text.len();
        self.segments.push(Segment { start, end, raw_start: raw.0, raw_end: raw.1 });
        (start, end)
    }

    fn block(&mut self, block: &RBlock) -> (usize, usize) {
        self.separate();
        let start = self.text.len();
        self.text.push_str(&block.text);
        for p in &block.pieces {
            self.segments.push(Segment {
                start: start + p.text.0,
                end: start + p.text.1,
                raw_start: p.raw.0,
                raw_end: p.raw.1,
            });
        }
        (start, self.text.len())
    }

    fn separate(&mut self) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
    }

    pub(crate) fn spanned(&self, (start, end): (usize, usize)) -> Spanned {
        Spanned { text: self.text[start..end].to_string(), start, end }
    }
}

/// Host of a URL without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    (host.contains('.') && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .then_some(host)
}

fn assemble(a: &Assembly<'_>) -> (Article, ArticleSource) {
    let meta = a.meta;
    let mut src = SourceText::default();
    let mut removed = Vec::new();
    let mut evidence = Vec::new();
    let mut note = |field: &str, how: &str| evidence.push(Evidence { field: field.into(), how: how.into() });
    let remove_line = |src: &SourceText, span: (usize, usize), reason, removed: &mut Vec<Removed>| {
        removed.push(Removed {
            text: src.text[span.0..span.1].to_string(),
            reason,
            start: span.0,
            end: span.1,
        });
    };

    let site = meta.site_name.as_ref().map(|s| s.value.as_str());
    let stated_title = meta.titles.first().map(|t| (strip_site(&t.value, site), t));
    let title_line = stated_title
        .as_ref()
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, f)| (src.line(t, f.raw), f.how.clone()));
    let url = meta
        .url
        .as_ref()
        .map(|u| (u.value.clone(), u.how.clone(), Some(u.raw)))
        .or_else(|| a.url_hint.map(|u| (u.to_string(), "WARC target URI".to_string(), None)));
    let outlet = match &meta.site_name {
        Some(s) => {
            let span = src.line(&s.value, s.raw);
            remove_line(&src, span, NoiseKind::PageMetadata, &mut removed);
            note("outlet", &s.how);
            Some(Attribution { name: s.value.clone(), evidence: s.how.clone(), start: span.0, end: span.1 })
        }
        None => url.as_ref().and_then(|(u, how, raw)| {
            let host = host_of(u)?;
            let span = src.line(&host, raw.unwrap_or((0, 0)));
            remove_line(&src, span, NoiseKind::PageMetadata, &mut removed);
            let how = if how == "WARC target URI" {
                "archived URL's site".to_string()
            } else {
                format!("{how}'s site")
            };
            note("outlet", &how);
            Some(Attribution { name: host, evidence: how, start: span.0, end: span.1 })
        }),
    };
    let byline = meta.byline.as_ref().map(|b| {
        let span = src.line(&b.value, b.raw);
        remove_line(&src, span, NoiseKind::PageMetadata, &mut removed);
        note("byline", &b.how);
        src.spanned(span)
    });
    let date = meta.date.as_ref().map(|d| {
        let span = src.line(&d.value, d.raw);
        remove_line(&src, span, NoiseKind::PageMetadata, &mut removed);
        note("date", &d.how);
        d.value.clone()
    });
    if let Some((u, how, raw)) = &url {
        let span = src.line(u, raw.unwrap_or((0, 0)));
        remove_line(&src, span, NoiseKind::PageMetadata, &mut removed);
        note("url", how);
    }

    let mut blocks = Vec::new();
    let mut title = None;
    for (k, (block, verdict)) in a.rendered.blocks.iter().zip(a.verdicts).enumerate() {
        let span = src.block(block);
        match *verdict {
            Verdict::Keep(BlockKind::Title) if Some(k) == a.title_block => {
                title = Some(src.spanned(span));
                blocks.push(Block {
                    kind: BlockKind::Title,
                    text: block.text.clone(),
                    start: span.0,
                    end: span.1,
                    credit: None,
                });
            }
            Verdict::Keep(kind) => {
                let kind = if kind == BlockKind::Title { BlockKind::Heading } else { kind };
                blocks.push(Block {
                    kind,
                    text: block.text.clone(),
                    start: span.0,
                    end: span.1,
                    credit: None,
                });
            }
            Verdict::Remove(reason) => match removed.last_mut() {
                // One span for a run of removed blocks with the same reason.
                Some(last)
                    if last.reason == reason
                        && last.end + 2 == span.0
                        && reason != NoiseKind::PageMetadata =>
                {
                    last.end = span.1;
                }
                _ => removed.push(Removed { text: String::new(), reason, start: span.0, end: span.1 }),
            },
        }
    }
    for r in &mut removed {
        if r.text.is_empty() {
            r.text = src.text[r.start..r.end].to_string();
        }
    }
    let title = match (title, title_line) {
        (Some(t), Some((line, _))) => {
            remove_line(&src, line, NoiseKind::DuplicateTitle, &mut removed);
            note("title", "the page's headline");
            t
        }
        (Some(t), None) => {
            note("title", "the page's headline");
            t
        }
        (None, Some((line, how))) => {
            blocks.insert(
                0,
                Block {
                    kind: BlockKind::Title,
                    text: src.text[line.0..line.1].to_string(),
                    start: line.0,
                    end: line.1,
                    credit: None,
                },
            );
            note("title", &how);
            src.spanned(line)
        }
        (None, None) => {
            // No stated title and no headline: the first kept block stands in.
            let first = blocks.first().map_or((0, 0), |b| (b.start, b.end));
            note("title", "the first kept block");
            src.spanned(first)
        }
    };
    blocks.sort_by_key(|b| b.start);
    removed.sort_by_key(|r| r.start);
    let unshown = a
        .rendered
        .unshown
        .iter()
        .map(|&(raw_start, raw_end, what)| Unshown {
            raw_start,
            raw_end,
            what: match what {
                render::Unshown::Script => "script",
                render::Unshown::Style => "style",
                render::Unshown::Head => "document head",
                render::Unshown::Embedded => "embedded object",
                render::Unshown::FormControl => "form control",
            }
            .to_string(),
        })
        .collect();
    let _ = a.dom;
    let article = Article {
        id: String::new(),
        file: a.name.to_string(),
        title,
        outlet,
        byline,
        dateline: None,
        date,
        blocks,
        removed,
    };
    let source = ArticleSource {
        article: String::new(),
        format: SourceFormat::Html,
        url: url.map(|u| u.0),
        record: None,
        payload_start: 0,
        segments: src.segments,
        unshown,
        evidence,
    };
    (article, source)
}
