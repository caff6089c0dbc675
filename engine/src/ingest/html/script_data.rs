//! The article a page keeps only in its script data: a page rendered in the browser (a framework's
//! hydration state, `self.__next_f.push(...)`, a JSON-LD `articleBody`) can show a reader without
//! JavaScript nothing but its title, while the story's text sits in a JSON string inside a
//! `<script>`. When the visible page yields almost no article text, the longest such string that
//! reads as running text (HTML or plain paragraphs) is rendered as the article instead, each of its
//! blocks traced to the raw bytes of the string it came from.

use encoding_rs::Encoding;

use super::dom::Dom;
use super::render::RBlock;
use super::score::{self, Verdict};
use super::{dom, render};
use crate::model::BlockKind;

/// Below this many characters of visible article text, the page's script data is read.
pub const VISIBLE_BELOW: usize = 500;

/// A JSON string shorter than this (raw bytes) is never an article.
const MIN_LITERAL: usize = 1000;

/// How deep JSON held in a JSON string is opened (`push("{\"body\":\"...\"}")`).
const MAX_DEPTH: usize = 2;

/// The article read from script data: its rendered blocks (raw ranges into the page) and what
/// the extractor made of each.
pub struct ScriptArticle {
    /// Blocks of the string's rendering, each piece mapped to the string's raw bytes.
    pub blocks: Vec<RBlock>,
    /// Kept or removed, for each block.
    pub verdicts: Vec<Verdict>,
    /// The raw byte range of the JSON string in the page.
    pub raw: (usize, usize),
}

/// One decoded JSON string found in a script and where its bytes are.
struct Literal {
    text: String,
    raw: (usize, usize),
}

/// The article held in the page's script data, when one string there reads as a longer article
/// than `visible_chars`, the article text the visible page gave.
pub fn read(
    dom: &Dom,
    bytes: &[u8],
    encoding: &'static Encoding,
    visible_chars: usize,
) -> Option<ScriptArticle> {
    let mut literals = Vec::new();
    // Scripts anywhere, the head's JSON-LD included.
    for (i, node) in dom.nodes.iter().enumerate() {
        let (start, end) = (node.start, node.end.min(bytes.len()));
        if dom.name(i) != "script" || end < start + MIN_LITERAL {
            continue;
        }
        let raw = &bytes[start..end];
        let (text, _) = encoding.decode_without_bom_handling(raw);
        // Offsets into the decoded script are raw offsets only when decoding changed nothing.
        let exact = text.len() == raw.len();
        let base = if exact { Some(start) } else { None };
        collect(&text, base, (start, end), 0, &mut literals);
    }
    literals.sort_by_key(|l| std::cmp::Reverse(l.text.len()));
    let mut best: Option<(usize, ScriptArticle)> = None;
    for literal in literals.iter().take(8) {
        if best.as_ref().is_some_and(|(kept, _)| *kept * 2 >= literal.text.len()) {
            break;
        }
        let Some(article) = render_literal(literal) else { continue };
        let kept = kept_chars(&article.blocks, &article.verdicts);
        if kept > best.as_ref().map_or(0, |b| b.0) {
            best = Some((kept, article));
        }
    }
    let (kept, article) = best?;
    (kept >= VISIBLE_BELOW && kept >= 3 * visible_chars.max(1)).then_some(article)
}

/// Characters of kept text other than a title.
pub fn kept_chars(blocks: &[RBlock], verdicts: &[Verdict]) -> usize {
    blocks
        .iter()
        .zip(verdicts)
        .filter(|(_, v)| matches!(v, Verdict::Keep(k) if *k != BlockKind::Title))
        .map(|(b, _)| b.chars())
        .sum()
}

/// Every long JSON string in `text`, opening strings that themselves hold JSON. `base` is the raw
/// offset of `text` when its offsets are raw offsets; otherwise every string is traced to `whole`.
fn collect(text: &str, base: Option<usize>, whole: (usize, usize), depth: usize, out: &mut Vec<Literal>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(open) = memchr::memchr(b'"', &bytes[at..]).map(|o| at + o) {
        let Some(close) = string_end(bytes, open) else { break };
        at = close + 1;
        if close - open < MIN_LITERAL {
            continue;
        }
        let Ok(decoded) = serde_json::from_str::<String>(&text[open..=close]) else { continue };
        let raw = base.map_or(whole, |b| (b + open, b + close + 1));
        if holds_json(&decoded) {
            if depth + 1 < MAX_DEPTH {
                collect(&decoded, None, raw, depth + 1, out);
            }
        } else {
            out.push(Literal { text: decoded, raw });
        }
    }
}

/// The index of the quote closing the string opened at `open`.
fn string_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut k = open + 1;
    while k < bytes.len() {
        match bytes[k] {
            b'\\' => k += 2,
            b'"' => return Some(k),
            b'\n' => return None,
            _ => k += 1,
        }
    }
    None
}

/// A string that is itself JSON (or a script's data): many `":` pairs.
fn holds_json(text: &str) -> bool {
    text.matches("\":").take(5).count() >= 5
}

/// The string rendered as a page of its own and cleaned as one. Plain text becomes one paragraph
/// per line; code (braces and semicolons) is no article.
fn render_literal(literal: &Literal) -> Option<ScriptArticle> {
    let text = &literal.text;
    let code = text.chars().filter(|c| matches!(c, '{' | '}' | ';' | '=')).count();
    if code * 100 > text.len() {
        return None;
    }
    let html = if text.contains('<') && text.contains('>') {
        format!("<html><body>{text}</body></html>")
    } else {
        let mut html = String::from("<html><body>");
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            html.push_str("<p>");
            push_escaped(&mut html, line);
            html.push_str("</p>");
        }
        html.push_str("</body></html>");
        html
    };
    let dom = dom::parse(html.as_bytes(), encoding_rs::UTF_8);
    let mut rendered = render::render(&dom, html.as_bytes(), encoding_rs::UTF_8);
    let verdicts = score::decide(&dom, &rendered.blocks, None, None);
    // Running text, not a list of names or a template: a story's worth of sentences.
    let prose_chars: usize = rendered
        .blocks
        .iter()
        .zip(&verdicts)
        .filter(|(b, v)| matches!(v, Verdict::Keep(_)) && score::is_prose_block(b, b.chars()))
        .map(|(b, _)| b.chars())
        .sum();
    if prose_chars < VISIBLE_BELOW {
        return None;
    }
    for block in &mut rendered.blocks {
        for piece in &mut block.pieces {
            piece.raw = literal.raw;
        }
    }
    Some(ScriptArticle { blocks: rendered.blocks, verdicts, raw: literal.raw })
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
}
