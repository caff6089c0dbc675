//! A forgiving HTML tokenizer and tree builder that keeps every node's byte range in the raw page.
//!
//! It follows the parts of the HTML5 parsing rules that decide what text a reader sees and where
//! it sits: raw-text elements (`script`, `style`, `textarea`, `title`, ...), void elements, the
//! implied end tags (`<p>` closed by a block, `<li>` by the next `<li>`, table cells and rows), end
//! tags that match nothing are ignored, and misnested inline end tags do not close blocks. It does
//! not reconstruct formatting elements or foster-parent table text: neither changes which text is
//! shown, only its styling. Any bytes give a tree; nothing here can fail or panic.
//!
//! Tags are ASCII in every encoding a page may declare except UTF-16, which the caller converts
//! first, so the tokenizer reads bytes and text is decoded later, node by node.

use encoding_rs::Encoding;

/// Nesting deeper than this is flattened (a hostile page cannot exhaust the stack).
const MAX_DEPTH: usize = 256;

/// A parsed page: an arena of nodes, the document at index 0.
#[derive(Debug)]
pub struct Dom {
    /// All nodes; children indices point into this vector.
    pub nodes: Vec<Node>,
}

/// One node and its byte range in the raw page.
#[derive(Debug)]
pub struct Node {
    /// The parent's index (the document is its own parent).
    pub parent: usize,
    /// Children in document order.
    pub children: Vec<usize>,
    /// First byte (the `<` of an element's start tag, or a text run's first byte).
    pub start: usize,
    /// One past the last byte (after the end tag, where there was one).
    pub end: usize,
    /// What the node is.
    pub data: Data,
}

/// Element or text.
#[derive(Debug)]
pub enum Data {
    /// The document root.
    Document,
    /// An element.
    Element(Element),
    /// Text: `raw[start..end]`, undecoded. `raw_text` for the content of `script`, `style`, ....
    Text {
        /// The content of a raw-text element (no character references, no tags).
        raw_text: bool,
    },
}

/// An element's name and attributes.
#[derive(Debug)]
pub struct Element {
    /// Lower-case tag name.
    pub name: Box<str>,
    /// Attributes: lower-case name, decoded value.
    pub attrs: Vec<(Box<str>, String)>,
}

impl Element {
    /// The value of attribute `name` (lower case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| &**n == name).map(|(_, v)| v.as_str())
    }
}

impl Dom {
    /// The element at `i`, if that node is an element.
    pub fn element(&self, i: usize) -> Option<&Element> {
        match &self.nodes.get(i)?.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag name at `i` ("" for text and the document).
    pub fn name(&self, i: usize) -> &str {
        self.element(i).map_or("", |e| &e.name)
    }

    /// Ancestors of `i`, nearest first, the document excluded.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = i;
        std::iter::from_fn(move || {
            let parent = self.nodes.get(at)?.parent;
            if parent == at || parent == 0 {
                return None;
            }
            at = parent;
            Some(parent)
        })
    }

    /// Every node under `i` (excluded), in document order.
    pub fn descendants(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.nodes[i].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev().copied());
        }
        out
    }
}

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];
/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
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
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];
/// Elements an inline end tag may not close across, and the scope limits of block end tags.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
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
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "template",
];
const SCOPE: &[&str] = &["html", "table", "td", "th", "template", "caption", "object", "marquee", "applet"];

/// A token's tag: name, attribute ranges, and whether it ended with `/>`.
struct Tag {
    name: String,
    attrs: Vec<(String, (usize, usize))>,
    end: usize,
}

/// Parses `bytes` (in `encoding`, which must be ASCII-compatible) into a tree.
pub fn parse(bytes: &[u8], encoding: &'static Encoding) -> Dom {
    let mut b = Builder { dom: Dom { nodes: Vec::new() }, stack: vec![0], bytes, encoding, flattened: 0 };
    b.dom.nodes.push(Node {
        parent: 0,
        children: Vec::new(),
        start: 0,
        end: bytes.len(),
        data: Data::Document,
    });
    let mut pos = 0;
    let mut text_from = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[pos..]).map(|i| pos + i) {
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' || next == b'?' {
            b.text(text_from, lt);
            let end = if bytes[lt..].starts_with(b"<!--") {
                find_from(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3)
            } else {
                memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1)
            };
            pos = end;
            text_from = end;
        } else if next == b'/' {
            let name_at = lt + 2;
            if bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                b.text(text_from, lt);
                let name = read_name(bytes, name_at);
                let end = memchr::memchr(b'>', &bytes[name_at..]).map_or(bytes.len(), |e| name_at + e + 1);
                b.end_tag(&name, lt, end);
                pos = end;
                text_from = end;
            } else {
                b.text(text_from, lt);
                let end = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
                pos = end;
                text_from = end;
            }
        } else if next.is_ascii_alphabetic() {
            let Some(tag) = read_tag(bytes, lt) else {
                // A tag cut off by the end of the file is dropped, as browsers do.
                b.text(text_from, lt);
                text_from = bytes.len();
                break;
            };
            b.text(text_from, lt);
            let end = tag.end;
            let raw = RAW_TEXT.contains(&tag.name.as_str());
            let name = tag.name.clone();
            b.start_tag(tag, lt);
            pos = end;
            text_from = end;
            if raw {
                let close = find_end_tag(bytes, end, &name);
                if close > end {
                    b.raw_text(end, close);
                }
                pos = close;
                text_from = close;
                if close >= bytes.len() {
                    b.end_tag(&name, close, close);
                }
            }
        } else {
            pos = lt + 1;
        }
    }
    b.text(text_from, bytes.len());
    let len = bytes.len();
    while b.stack.len() > 1 {
        b.pop(len);
    }
    b.dom
}

struct Builder<'a> {
    dom: Dom,
    stack: Vec<usize>,
    bytes: &'a [u8],
    encoding: &'static Encoding,
    /// Start tags ignored because nesting was too deep (their end tags are ignored too).
    flattened: usize,
}

impl Builder<'_> {
    fn current(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push_node(&mut self, node: Node) -> usize {
        let i = self.dom.nodes.len();
        let parent = node.parent;
        self.dom.nodes.push(node);
        self.dom.nodes[parent].children.push(i);
        i
    }

    fn text(&mut self, start: usize, end: usize) {
        if start < end {
            let parent = self.current();
            // Merge with a preceding text sibling split by a comment.
            self.push_node(Node {
                parent,
                children: Vec::new(),
                start,
                end,
                data: Data::Text { raw_text: false },
            });
        }
    }

    fn raw_text(&mut self, start: usize, end: usize) {
        let parent = self.current();
        self.push_node(Node {
            parent,
            children: Vec::new(),
            start,
            end,
            data: Data::Text { raw_text: true },
        });
    }

    fn pop(&mut self, end: usize) {
        if let Some(i) = self.stack.pop() {
            if i != 0 {
                self.dom.nodes[i].end = end.max(self.dom.nodes[i].start);
            } else {
                self.stack.push(0);
            }
        }
    }

    fn open(&self, name: &str) -> Option<usize> {
        self.stack.iter().rposition(|&i| self.dom.name(i) == name)
    }

    /// Closes the open `name` element if it is open above any of `limits`.
    fn close_if_open(&mut self, names: &[&str], limits: &[&str], at: usize) {
        for k in (1..self.stack.len()).rev() {
            let n = self.dom.name(self.stack[k]);
            if names.contains(&n) {
                while self.stack.len() > k {
                    self.pop(at);
                }
                return;
            }
            if limits.contains(&n) {
                return;
            }
        }
    }

    fn start_tag(&mut self, tag: Tag, at: usize) {
        let name = tag.name.as_str();
        if matches!(name, "html" | "body" | "head") && self.open(name).is_some() {
            return;
        }
        if CLOSES_P.contains(&name) {
            self.close_if_open(
                &["p"],
                &["div", "td", "th", "li", "table", "body", "blockquote", "section", "article"],
                at,
            );
        }
        match name {
            "li" => self.close_if_open(&["li"], &["ul", "ol", "menu", "table", "body"], at),
            "dd" | "dt" => self.close_if_open(&["dd", "dt"], &["dl", "table", "body"], at),
            "tr" => self.close_if_open(&["tr"], &["table", "tbody", "thead", "tfoot"], at),
            "td" | "th" => self.close_if_open(&["td", "th"], &["tr", "table"], at),
            "tbody" | "thead" | "tfoot" => self.close_if_open(&["tbody", "thead", "tfoot"], &["table"], at),
            "option" => self.close_if_open(&["option"], &["select", "body"], at),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.close_if_open(
                &["h1", "h2", "h3", "h4", "h5", "h6"],
                &["div", "body", "section", "article"],
                at,
            ),
            "a" => self.close_if_open(&["a"], BLOCKS, at),
            "body" => self.close_if_open(&["head"], &[], at),
            _ => {}
        }
        let attrs = tag
            .attrs
            .into_iter()
            .map(|(n, (s, e))| {
                let (raw, _) = self.encoding.decode_without_bom_handling(&self.bytes[s..e]);
                (n.into_boxed_str(), super::entities::decode(&raw))
            })
            .collect();
        let parent = self.current();
        let void = VOID.contains(&name);
        let element = Element { name: tag.name.into_boxed_str(), attrs };
        let end = tag.end;
        if self.stack.len() >= MAX_DEPTH && !void {
            self.flattened += 1;
            return;
        }
        let i = self.push_node(Node {
            parent,
            children: Vec::new(),
            start: at,
            end,
            data: Data::Element(element),
        });
        if !void {
            self.stack.push(i);
        }
    }

    fn end_tag(&mut self, name: &str, _at: usize, end: usize) {
        if name == "br" {
            let parent = self.current();
            let element = Element { name: "br".into(), attrs: Vec::new() };
            self.push_node(Node {
                parent,
                children: Vec::new(),
                start: _at,
                end,
                data: Data::Element(element),
            });
            return;
        }
        if matches!(name, "html" | "body") {
            return;
        }
        let inline = !BLOCKS.contains(&name);
        for k in (1..self.stack.len()).rev() {
            let n = self.dom.name(self.stack[k]);
            if n == name {
                while self.stack.len() > k {
                    self.pop(end);
                }
                return;
            }
            if (inline && BLOCKS.contains(&n)) || SCOPE.contains(&n) {
                break;
            }
        }
        if self.flattened > 0 {
            self.flattened -= 1;
        }
    }
}

fn read_name(bytes: &[u8], from: usize) -> String {
    let len =
        bytes[from..].iter().take_while(|&&c| !c.is_ascii_whitespace() && c != b'/' && c != b'>').count();
    String::from_utf8_lossy(&bytes[from..from + len]).to_ascii_lowercase()
}

/// Reads a start tag at `lt`; `None` when the file ends inside it.
fn read_tag(bytes: &[u8], lt: usize) -> Option<Tag> {
    let name = read_name(bytes, lt + 1);
    let mut p = lt + 1 + name.len();
    let mut attrs = Vec::new();
    loop {
        while p < bytes.len() && (bytes[p].is_ascii_whitespace() || bytes[p] == b'/') {
            p += 1;
        }
        let c = *bytes.get(p)?;
        if c == b'>' {
            return Some(Tag { name, attrs, end: p + 1 });
        }
        let name_from = p;
        p += 1;
        while p < bytes.len() && !bytes[p].is_ascii_whitespace() && !matches!(bytes[p], b'/' | b'>' | b'=') {
            p += 1;
        }
        let attr = String::from_utf8_lossy(&bytes[name_from..p]).to_ascii_lowercase();
        while p < bytes.len() && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        let mut value = (p, p);
        if bytes.get(p) == Some(&b'=') {
            p += 1;
            while p < bytes.len() && bytes[p].is_ascii_whitespace() {
                p += 1;
            }
            let q = *bytes.get(p)?;
            if q == b'"' || q == b'\'' {
                let close = memchr::memchr(q, &bytes[p + 1..])? + p + 1;
                value = (p + 1, close);
                p = close + 1;
            } else {
                let from = p;
                while p < bytes.len() && !bytes[p].is_ascii_whitespace() && bytes[p] != b'>' {
                    p += 1;
                }
                value = (from, p);
            }
        }
        if attrs.len() < 64 && !attrs.iter().any(|(n, _)| *n == attr) {
            attrs.push((attr, value));
        }
    }
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

/// Where the end tag `</name` of a raw-text element starts (or the end of the file).
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut p = from;
    while let Some(at) = find_from(bytes, p, b"</") {
        let after = at + 2;
        let candidate = bytes.get(after..after + name.len());
        let boundary =
            bytes.get(after + name.len()).is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'));
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) && boundary {
            return at;
        }
        p = after;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(html: &str) -> String {
        let dom = parse(html.as_bytes(), encoding_rs::UTF_8);
        let mut out = String::new();
        fn walk(dom: &Dom, i: usize, html: &str, out: &mut String) {
            for &c in &dom.nodes[i].children {
                match &dom.nodes[c].data {
                    Data::Element(e) => {
                        out.push_str(&format!("<{}>", e.name));
                        walk(dom, c, html, out);
                        out.push_str(&format!("</{}>", e.name));
                    }
                    Data::Text { .. } => out.push_str(&html[dom.nodes[c].start..dom.nodes[c].end]),
                    Data::Document => {}
                }
            }
        }
        walk(&dom, 0, html, &mut out);
        out
    }

    #[test]
    fn implied_end_tags_close_paragraphs_items_and_cells() {
        assert_eq!(shape("<p>one<p>two<div>three</div>"), "<p>one</p><p>two</p><div>three</div>");
        assert_eq!(shape("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            shape("<table><tr><td>1<td>2<tr><td>3</table>"),
            "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>"
        );
    }

    #[test]
    fn stray_and_misnested_end_tags_do_not_close_blocks() {
        assert_eq!(shape("<div><p>a <b>bold</div></b> tail"), "<div><p>a <b>bold</b></p></div> tail");
        assert_eq!(shape("<div>a</span>b</div>"), "<div>ab</div>");
    }

    #[test]
    fn scripts_keep_markup_like_text_as_raw_text() {
        let dom = parse(b"<script>if (a<b) document.write('</p>')</script><p>x</p>", encoding_rs::UTF_8);
        assert_eq!(dom.name(1), "script");
        assert!(matches!(dom.nodes[2].data, Data::Text { raw_text: true }));
        assert_eq!(dom.name(3), "p");
    }

    #[test]
    fn truncated_pages_and_attributes_parse() {
        assert_eq!(shape("<p class=\"a\">cut <a href=\"x"), "<p>cut </p>");
        let dom = parse(b"<meta property=og:title content='A &amp; B'>", encoding_rs::UTF_8);
        assert_eq!(dom.element(1).and_then(|e| e.attr("content")), Some("A & B"));
        let deep = "<div>".repeat(10_000) + "deep text";
        assert!(shape(&deep).contains("deep text"));
    }
}
