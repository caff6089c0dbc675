//! What a reader sees: the page's visible text as blocks (one per paragraph, heading, list item,
//! cell, caption, ...), whitespace collapsed and character references decoded, each piece of text
//! tied to the raw bytes of the text node it came from. Text that is never shown (scripts, styles,
//! templates, embedded objects, the document head) is not rendered; its byte ranges are listed
//! with what it was.

use encoding_rs::Encoding;

use super::dom::{Data, Dom};

/// One rendered block of visible text.
#[derive(Debug, Clone)]
pub struct RBlock {
    /// The text, whitespace collapsed, never empty, no leading or trailing space.
    pub text: String,
    /// Pieces of `text` and the raw byte ranges they came from, in order.
    pub pieces: Vec<Piece>,
    /// The innermost block-level element holding the text.
    pub owner: usize,
    /// Characters of `text` inside links.
    pub link_chars: usize,
    /// Inside an element the page hides (`hidden`, `display:none`, `visibility:hidden`).
    pub hidden: bool,
}

impl RBlock {
    /// Raw byte range from the first piece's start to the last piece's end.
    pub fn raw_range(&self) -> (usize, usize) {
        (self.pieces.first().map_or(0, |p| p.raw.0), self.pieces.last().map_or(0, |p| p.raw.1))
    }

    /// Characters in the text.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// A run of a block's text and the raw bytes of the text node it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the block's text.
    pub text: (usize, usize),
    /// Byte range in the raw page.
    pub raw: (usize, usize),
}

/// Why a part of the page is not rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unshown {
    /// `script` or `noscript`.
    Script,
    /// `style`.
    Style,
    /// The document head (`<title>` and `<meta>` are read as metadata).
    Head,
    /// `template`, `svg`, `math`, `iframe`, `object`, `canvas`, `video`, `audio`: not text.
    Embedded,
    /// Form controls: `select`, `textarea`, `input`.
    FormControl,
}

/// The page's visible blocks and the byte ranges of what is not rendered.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Visible blocks in document order.
    pub blocks: Vec<RBlock>,
    /// Raw byte ranges never shown, and what they hold.
    pub unshown: Vec<(usize, usize, Unshown)>,
}

/// Elements that start and end a block of text.
pub const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

fn unshown(name: &str) -> Option<Unshown> {
    Some(match name {
        "script" | "noscript" => Unshown::Script,
        "style" => Unshown::Style,
        "head" | "title" | "meta" | "link" => Unshown::Head,
        "template" | "svg" | "math" | "iframe" | "object" | "embed" | "canvas" | "video" | "audio"
        | "noembed" | "noframes" => Unshown::Embedded,
        "select" | "textarea" | "input" | "datalist" => Unshown::FormControl,
        _ => return None,
    })
}

/// Class names that CSS frameworks and page templates use to hide an element: Bootstrap's
/// `hidden`, `d-none`, `sr-only` and `visually-hidden`, WordPress's `screen-reader-text`, Drupal's
/// `element-invisible`, Tailwind's `hidden` and `invisible`.
const HIDING_CLASSES: &[&str] = &[
    "hidden",
    "d-none",
    "is-hidden",
    "invisible",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
];

/// Whether the page hides this element from readers. (`aria-hidden` is not enough: it hides from
/// screen readers only, and pages set it on their whole body while a dialog is open.)
pub fn hidden(dom: &Dom, i: usize) -> bool {
    let Some(e) = dom.element(i) else { return false };
    // The rest of a story that a paywall hides until the reader subscribes (`<div class="paywall"
    // hidden>` after the first paragraphs) is the article as its subscribers read it; the prompt
    // that stands in for it is a separate, visible element.
    let class = e.attr("class").unwrap_or("");
    if class.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("paywall")) {
        return false;
    }
    if e.attr("hidden").is_some() {
        return true;
    }
    // The utility classes of CSS frameworks that hide an element (`hidden`, `d-none`) or show it
    // to screen readers only (`sr-only`, `visually-hidden`, `screen-reader-text`): a reader of
    // the page never sees the text.
    if class.split_ascii_whitespace().any(|t| HIDING_CLASSES.iter().any(|h| t.eq_ignore_ascii_case(h))) {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Renders the page's body (and anything outside `<head>`) into blocks.
pub fn render(dom: &Dom, bytes: &[u8], encoding: &'static Encoding) -> Rendered {
    let mut r = Renderer {
        out: Rendered::default(),
        current: None,
        owners: vec![0],
        links: 0,
        hidden: 0,
        bytes,
        encoding,
        scratch: String::new(),
    };
    // Iterative walk: (node, entering).
    let mut stack: Vec<(usize, bool)> = dom.nodes[0].children.iter().rev().map(|&c| (c, true)).collect();
    while let Some((i, entering)) = stack.pop() {
        let node = &dom.nodes[i];
        match &node.data {
            Data::Document => {}
            Data::Text { raw_text } => {
                if entering && !raw_text {
                    r.text(node.start, node.end);
                }
            }
            Data::Element(e) => {
                let name = &*e.name;
                let block = BLOCK_ELEMENTS.contains(&name);
                if entering {
                    if let Some(why) = unshown(name) {
                        if name != "meta" && name != "link" {
                            r.out.unshown.push((node.start, node.end, why));
                        }
                        continue;
                    }
                    if block {
                        r.flush();
                        if name != "br" && name != "hr" {
                            r.owners.push(i);
                        }
                    }
                    if name == "a" {
                        r.links += 1;
                    }
                    let hides = hidden(dom, i);
                    if hides {
                        r.flush();
                        r.hidden += 1;
                    }
                    stack.push((i, false));
                    stack.extend(node.children.iter().rev().map(|&c| (c, true)));
                } else {
                    if hidden(dom, i) {
                        r.flush();
                        r.hidden -= 1;
                    }
                    if name == "a" {
                        r.links -= 1;
                    }
                    if block && name != "br" && name != "hr" {
                        r.flush();
                        r.owners.pop();
                    }
                }
            }
        }
    }
    r.flush();
    r.out
}

struct Renderer<'a> {
    out: Rendered,
    current: Option<RBlock>,
    owners: Vec<usize>,
    links: usize,
    hidden: usize,
    bytes: &'a [u8],
    encoding: &'static Encoding,
    scratch: String,
}

impl Renderer<'_> {
    fn text(&mut self, start: usize, end: usize) {
        let raw = &self.bytes[start..end];
        let (decoded, _) = self.encoding.decode_without_bom_handling(raw);
        self.scratch.clear();
        super::entities::decode_into(&decoded, &mut self.scratch);
        let owner = self.owners.last().copied().unwrap_or(0);
        let hidden = self.hidden > 0;
        let block = self.current.get_or_insert_with(|| RBlock {
            text: String::new(),
            pieces: Vec::new(),
            owner,
            link_chars: 0,
            hidden,
        });
        let from = block.text.len();
        let mut added_chars = 0;
        for c in self.scratch.chars() {
            if c.is_whitespace() {
                if !block.text.is_empty() && !block.text.ends_with(' ') {
                    block.text.push(' ');
                    added_chars += 1;
                }
            } else if c != '\u{ad}' {
                block.text.push(c);
                added_chars += 1;
            }
        }
        if block.text.len() > from {
            block.pieces.push(Piece { text: (from, block.text.len()), raw: (start, end) });
            if self.links > 0 {
                block.link_chars += added_chars;
            }
        }
    }

    fn flush(&mut self) {
        let Some(mut block) = self.current.take() else { return };
        while block.text.ends_with(' ') {
            block.text.pop();
        }
        let len = block.text.len();
        block.pieces.retain(|p| p.text.0 < len);
        if let Some(last) = block.pieces.last_mut() {
            last.text.1 = last.text.1.min(len);
        }
        if !block.text.is_empty() {
            block.link_chars = block.link_chars.min(block.chars());
            self.out.blocks.push(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let dom = super::super::dom::parse(html.as_bytes(), encoding_rs::UTF_8);
        render(&dom, html.as_bytes(), encoding_rs::UTF_8).blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn blocks_collapse_whitespace_and_decode_references() {
        assert_eq!(
            blocks("<body><p>  Tom &amp;\n  <b>Jerry</b>&#8217;s </p><ul><li>one<li>two</ul>tail<br>after</body>"),
            ["Tom & Jerry’s", "one", "two", "tail", "after"]
        );
    }

    #[test]
    fn scripts_styles_and_the_head_are_not_rendered() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><script>var a;</script><p>shown</p><div hidden>secret</div><p aria-hidden=true>for eyes only</p></body></html>";
        let dom = super::super::dom::parse(html.as_bytes(), encoding_rs::UTF_8);
        let r = render(&dom, html.as_bytes(), encoding_rs::UTF_8);
        let texts: Vec<(&str, bool)> = r.blocks.iter().map(|b| (b.text.as_str(), b.hidden)).collect();
        assert_eq!(texts, [("shown", false), ("secret", true), ("for eyes only", false)]);
        assert_eq!(r.unshown.iter().map(|u| u.2).collect::<Vec<_>>(), [Unshown::Head, Unshown::Script]);
    }

    #[test]
    fn pieces_point_at_the_raw_text_nodes() {
        let html = "<p>caf&eacute; <a href=x>link</a></p>";
        let dom = super::super::dom::parse(html.as_bytes(), encoding_rs::UTF_8);
        let r = render(&dom, html.as_bytes(), encoding_rs::UTF_8);
        let b = &r.blocks[0];
        assert_eq!(b.text, "café link");
        assert_eq!(&html[b.pieces[0].raw.0..b.pieces[0].raw.1], "caf&eacute; ");
        assert_eq!(&html[b.pieces[1].raw.0..b.pieces[1].raw.1], "link");
        assert_eq!(b.link_chars, 4);
    }
}
