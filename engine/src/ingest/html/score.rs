//! Which rendered blocks are the article: candidate containers scored from the paragraphs they
//! hold (length, commas, link density, class cues, as readability does), the best one widened to
//! its sibling paragraphs and to a shared ancestor when the article is split into sections, then
//! furniture inside it (share bars, related lists, link-dense boxes, bylines) removed with a reason.

use super::cues::{cue, Cue};
use super::dom::{Data, Dom};
use super::render::RBlock;
use crate::model::{BlockKind, NoiseKind};

/// What happens to one rendered block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Kept as article text of this kind.
    Keep(BlockKind),
    /// Removed, and why.
    Remove(NoiseKind),
}

/// Per-element sums over the subtree, for scoring and cleaning.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    commas: usize,
    paragraphs: usize,
    items: usize,
    item_chars: usize,
    images: usize,
    inputs: usize,
    embeds: usize,
    headers: usize,
    header_cells: usize,
    /// Blocks of running text ([`is_prose_block`]) and their characters.
    prose_blocks: usize,
    prose_chars: usize,
}

impl Stats {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Everything the decision needs about the page, computed once.
struct Page<'a> {
    dom: &'a Dom,
    blocks: &'a [RBlock],
    cues: Vec<Cue>,
    stats: Vec<Stats>,
    /// Per element: whether the last visible block it holds ends like a sentence.
    ends_sentence: Vec<bool>,
}

/// A block of running text: a paragraph's length, hardly a link, ending like a sentence (or long
/// enough not to need to). Teaser blurbs are shorter, menus and link lists are links.
pub(crate) fn is_prose_block(b: &RBlock, chars: usize) -> bool {
    chars >= 80
        && b.link_chars * 5 < chars
        && (chars >= 200
            || b.text.trim_end_matches(['"', '”', '’', ')']).ends_with(['.', '!', '?', '…', '。']))
}

fn commas(text: &str) -> usize {
    text.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،')).count()
}

/// How many sibling paragraphs of running text must share a noise-sounding class for it to be the
/// article's paragraph style.
const REPEATED_PROSE_CLASS: usize = 2;

impl<'a> Page<'a> {
    fn new(dom: &'a Dom, blocks: &'a [RBlock]) -> Page<'a> {
        let n = dom.nodes.len();
        let mut cues = vec![Cue::default(); n];
        let mut stats = vec![Stats::default(); n];
        for (i, node) in dom.nodes.iter().enumerate() {
            if let Data::Element(e) = &node.data {
                cues[i] = cue(e);
                match &*e.name {
                    "img" | "picture" => stats[i].images += 1,
                    "input" | "select" | "textarea" | "button" => stats[i].inputs += 1,
                    "iframe" | "embed" | "object" | "video" => stats[i].embeds += 1,
                    "th" | "caption" => stats[i].header_cells += 1,
                    _ => {}
                }
            }
        }
        for b in blocks.iter().filter(|b| !b.hidden) {
            let s = &mut stats[b.owner];
            let chars = b.chars();
            s.chars += chars;
            s.link_chars += b.link_chars;
            s.commas += commas(&b.text);
            // Teaser summaries sit in list items; a story's paragraphs do not.
            let in_item =
                std::iter::once(b.owner).chain(dom.ancestors(b.owner)).take(4).any(|a| dom.name(a) == "li");
            if !in_item && is_prose_block(b, chars) {
                s.prose_blocks += 1;
                s.prose_chars += chars;
            }
            match dom.name(b.owner) {
                "p" | "pre" | "blockquote" => s.paragraphs += 1,
                "li" | "dd" | "dt" => {
                    s.items += 1;
                    s.item_chars += chars;
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.headers += 1,
                _ => {}
            }
        }
        for i in (1..n).rev() {
            let parent = dom.nodes[i].parent;
            if parent != i {
                let s = stats[i];
                let p = &mut stats[parent];
                p.chars += s.chars;
                p.link_chars += s.link_chars;
                p.commas += s.commas;
                p.paragraphs += s.paragraphs;
                p.items += s.items;
                p.item_chars += s.item_chars;
                p.images += s.images;
                p.inputs += s.inputs;
                p.embeds += s.embeds;
                p.headers += s.headers;
                p.header_cells += s.header_cells;
                p.prose_blocks += s.prose_blocks;
                p.prose_chars += s.prose_chars;
            }
        }
        // The last visible block under each element, in document order.
        let mut last = vec![None::<usize>; n];
        for (k, b) in blocks.iter().enumerate().filter(|(_, b)| !b.hidden) {
            last[b.owner] = Some(k);
        }
        for i in (1..n).rev() {
            let parent = dom.nodes[i].parent;
            if parent != i && last[i] > last[parent] {
                last[parent] = last[i];
            }
        }
        let ends_sentence = last
            .iter()
            .map(|k| {
                k.is_some_and(|k| {
                    blocks[k]
                        .text
                        .trim_end_matches(['"', '”', '’', '»', ')'])
                        .ends_with(['.', '!', '?', '…', '。'])
                })
            })
            .collect();
        let mut page = Page { dom, blocks, cues, stats, ends_sentence };
        page.trust_repeated_prose_classes();
        page
    }

    /// A class that two or more sibling paragraphs of running text share is the article's own
    /// paragraph style, whatever word it contains (but "comment"): "paywall" on every paragraph of a story marks
    /// text subscribers read, not a prompt. Share bars and related boxes do not repeat as prose.
    fn trust_repeated_prose_classes(&mut self) {
        let dom = self.dom;
        let mut decided: std::collections::HashMap<(usize, &str), bool> = std::collections::HashMap::new();
        for i in 1..dom.nodes.len() {
            // Readers' comments repeat as prose too, and are not the article.
            if matches!(self.cues[i].noise, None | Some(NoiseKind::Comments))
                || self.stats[i].prose_blocks == 0
            {
                continue;
            }
            let Some(e) = dom.element(i) else { continue };
            // Furniture by tag or role ("nav", "aside", role=complementary) is not a class.
            if matches!(
                &*e.name,
                "nav" | "aside" | "footer" | "header" | "form" | "button" | "fieldset" | "dialog"
            ) || e.attr("role").is_some()
            {
                continue;
            }
            let Some(class) = e.attr("class").filter(|c| !c.trim().is_empty()) else { continue };
            let parent = dom.nodes[i].parent;
            let stats = &self.stats;
            let repeated = *decided.entry((parent, class)).or_insert_with(|| {
                dom.nodes[parent]
                    .children
                    .iter()
                    .filter(|&&c| {
                        dom.element(c).is_some_and(|s| s.attr("class") == Some(class))
                            && stats[c].prose_blocks > 0
                            && stats[c].link_density() < 0.2
                    })
                    .count()
                    >= REPEATED_PROSE_CLASS
            });
            if repeated {
                self.cues[i].noise = None;
            }
        }
    }

    fn class_weight(&self, i: usize) -> f64 {
        let c = self.cues[i];
        let mut w = 0.0;
        // A 200-character card or headline box named "article-card" or "headline-text" is not
        // the article, however its class reads.
        if c.article_body || (c.positive && self.stats[i].chars >= 200) {
            w += 25.0;
        }
        if c.noise.is_some() && !matches!(self.dom.name(i), "form" | "button") {
            w -= 25.0;
        }
        w
    }

    /// Elements that are probably furniture, whatever they contain (readability's "unlikely
    /// candidates"): cued as noise and not also cued as article.
    fn unlikely(&self, i: usize) -> bool {
        let c = self.cues[i];
        let article_text = (self.prose(i) || self.holds_story(i)) && c.noise != Some(NoiseKind::Comments);
        c.noise.is_some()
            && !c.positive
            && !c.article_body
            && !article_text
            && !matches!(self.dom.name(i), "body" | "html" | "a")
    }

    /// Several paragraphs of running text with hardly a link: whatever its class says ("read-more"
    /// wrapping the rest of a story), this is article text, unless it is a comment thread.
    fn prose(&self, i: usize) -> bool {
        let s = self.stats[i];
        s.paragraphs >= 3 && s.chars >= 500 && s.commas >= 5 && s.link_density() < 0.1
    }

    /// Holds an article's worth of running text, most of what it shows, in paragraphs too long
    /// for teaser blurbs: a paywall or "sidebar-grid" wrapper around a story is not furniture.
    fn holds_story(&self, i: usize) -> bool {
        let s = self.stats[i];
        s.prose_blocks >= 4
            && s.prose_chars >= 1000
            && s.prose_chars >= 120 * s.prose_blocks
            && s.prose_chars * 10 >= s.chars * 6
    }
}

/// The article's container(s): the best-scoring candidate and the siblings that belong with it.
/// `strict` leaves paragraphs under furniture-cued elements out of the scoring (readability's
/// first pass); a page whose whole layout carries such a class ("two-col-sidebar") is scored again
/// without it.
fn content_roots(page: &Page<'_>, body_hint: Option<&str>, strict: bool) -> Vec<usize> {
    let dom = page.dom;
    let n = dom.nodes.len();
    let mut score = vec![0.0f64; n];
    let mut scored = vec![false; n];
    let mut unlikely_below = vec![false; n];
    for i in 1..n {
        let parent = dom.nodes[i].parent;
        unlikely_below[i] = strict && (unlikely_below[parent] || page.unlikely(i));
    }
    let initial = |i: usize| -> f64 {
        let base = match dom.name(i) {
            "div" | "article" | "section" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + page.class_weight(i)
    };
    for b in page.blocks {
        if b.hidden || unlikely_below[b.owner] {
            continue;
        }
        let chars = b.chars();
        if chars < 25 || b.link_chars * 2 > chars {
            continue;
        }
        let gain = 1.0 + commas(&b.text) as f64 + (chars as f64 / 100.0).floor().min(3.0);
        let owner_is_text = !matches!(dom.name(b.owner), "div" | "section" | "article" | "main" | "body");
        let start = if owner_is_text { dom.nodes[b.owner].parent } else { b.owner };
        let mut at = start;
        for level in 0..5 {
            if at == 0 {
                break;
            }
            if !scored[at] {
                scored[at] = true;
                score[at] = initial(at);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            score[at] += gain / divider;
            let parent = dom.nodes[at].parent;
            if parent == at {
                break;
            }
            at = parent;
        }
    }
    let mut candidates: Vec<(usize, f64)> =
        (0..n).filter(|&i| scored[i]).map(|i| (i, score[i] * (1.0 - page.stats[i].link_density()))).collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
    let final_score = |i: usize| score[i] * (1.0 - page.stats[i].link_density());

    // An element the page marks as the article body wins when it holds most of the best text.
    let marked = (1..n)
        .filter(|&i| page.cues[i].article_body && page.stats[i].chars > 200)
        .max_by_key(|&i| page.stats[i].chars);
    let stated = body_hint.and_then(|hint| stated_body(page, hint));
    let Some(&(mut top, top_score)) = candidates.first() else {
        return stated.map(|s| s.root).or(marked).or_else(|| body(dom)).into_iter().collect();
    };
    if let Some(stated) = stated {
        // The page's own JSON-LD articleBody, when the page shows most of it, names the article:
        // widen to the element holding nearly all of it (an article split into blocks), or move
        // there when the best-scoring box holds little of it.
        let holds = |i: usize| dom.ancestors(i).any(|a| a == stated.root) || i == stated.root;
        if holds(top) || stated.per_element[top] * 2 < stated.shown {
            top = stated.root;
        }
    } else if let Some(m) = marked {
        if dom.ancestors(top).any(|a| a == m) || top == m || page.stats[m].chars * 2 > page.stats[top].chars {
            top = m;
        }
    } else if let Some(hint) = body_hint {
        // A stated body the page does not show as blocks of its own: the smallest scored element
        // whose text is about as long.
        // A stated body of a sentence or two is the summary, not the article: no guide.
        let want = hint.chars().count();
        if let Some(&(c, _)) = candidates
            .iter()
            .filter(|_| want >= 500)
            .take(10)
            .filter(|(c, _)| page.stats[*c].chars * 10 >= want * 8)
            .min_by_key(|(c, _)| page.stats[*c].chars)
        {
            if page.stats[c].chars <= want * 2 {
                top = c;
            }
        }
    }

    // Sections of one article: when three of the best five share an ancestor, take it.
    let close: Vec<usize> =
        candidates.iter().skip(1).take(4).filter(|(_, s)| *s >= 0.75 * top_score).map(|(c, _)| *c).collect();
    if close.len() >= 3 {
        for a in dom.ancestors(top) {
            if dom.name(a) == "body" {
                break;
            }
            let inside = close.iter().filter(|&&c| dom.ancestors(c).any(|x| x == a)).count();
            if inside >= 3 {
                top = a;
                break;
            }
        }
    }
    // Climb while the parent scores nearly as well (the article's real wrapper).
    let mut last = final_score(top);
    let threshold = last / 3.0;
    let mut parent = dom.nodes[top].parent;
    while parent != 0 && dom.name(parent) != "body" && dom.name(parent) != "html" {
        if !scored[parent] {
            parent = dom.nodes[parent].parent;
            continue;
        }
        let ps = final_score(parent);
        if ps < threshold {
            break;
        }
        if ps > last {
            top = parent;
            break;
        }
        last = ps;
        parent = dom.nodes[parent].parent;
    }
    while dom.nodes[top].parent != 0 {
        let p = dom.nodes[top].parent;
        let element_children = dom.nodes[p].children.iter().filter(|&&c| dom.element(c).is_some()).count();
        if element_children != 1 || matches!(dom.name(p), "body" | "html") {
            break;
        }
        top = p;
    }

    // Siblings that belong with the article: well scored, or plain paragraphs.
    let mut roots = Vec::new();
    let parent = dom.nodes[top].parent;
    let top_final = final_score(top).max(0.0);
    let threshold = (top_final * 0.2).max(10.0);
    let top_class = dom.element(top).and_then(|e| e.attr("class")).unwrap_or("");
    let mut last_block = vec![usize::MAX; n];
    for (k, b) in page.blocks.iter().enumerate() {
        last_block[b.owner] = k;
    }
    for &s in &dom.nodes[parent].children {
        if s == top {
            roots.push(s);
            continue;
        }
        let Some(e) = dom.element(s) else { continue };
        if page.unlikely(s) || page.cues[s].fact_box {
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && e.attr("class") == Some(top_class) {
            bonus = top_final * 0.2;
        }
        if scored[s] && final_score(s) + bonus >= threshold {
            roots.push(s);
            continue;
        }
        // Running text beside the article, whatever its score ("read more" wrappers).
        if page.prose(s) && page.cues[s].noise != Some(NoiseKind::Comments) {
            roots.push(s);
            continue;
        }
        // A figure beside the article body is the article's picture and caption.
        if &*e.name == "figure" && page.stats[s].chars < 400 && page.stats[s].link_density() < 0.5 {
            roots.push(s);
            continue;
        }
        if &*e.name == "p" {
            let st = page.stats[s];
            let ld = st.link_density();
            let text_ends =
                page.blocks.get(last_block[s]).is_some_and(|b| b.text.ends_with(['.', '!', '?', '"', '”']));
            if (st.chars > 80 && ld < 0.25) || (st.chars > 0 && st.chars <= 80 && ld == 0.0 && text_ends) {
                roots.push(s);
            }
        }
    }
    for twin in twin_roots(page, top) {
        if !roots.contains(&twin) {
            roots.push(twin);
        }
    }
    roots
}

/// The rest of a story the page splits into look-alike chunks (a grid row per few paragraphs, the
/// part behind a paywall in a second copy of the article layout): for each ancestor of the
/// article's container, its siblings of the same tag and class that hold, along the same path of
/// tags and classes, a box of running text. Teaser cards do not hold prose, and a box that is
/// mostly links is not the story's continuation.
fn twin_roots(page: &Page<'_>, top: usize) -> Vec<usize> {
    let dom = page.dom;
    let signature = |i: usize| {
        dom.element(i).map(|e| (&*e.name, e.attr("class").and_then(|c| c.split_ascii_whitespace().next())))
    };
    let mut twins = Vec::new();
    // Signatures from the article's container up to the child of `at`.
    let mut path = Vec::new();
    let mut at = top;
    for _ in 0..6 {
        let parent = dom.nodes[at].parent;
        if parent == at || parent == 0 || matches!(dom.name(parent), "body" | "html") {
            break;
        }
        let sig = signature(at);
        // Look-alike siblings need a class to look alike by: bare <div>s are everywhere.
        if sig.is_some_and(|(_, class)| class.is_some()) {
            for &s in &dom.nodes[parent].children {
                if s == at || signature(s) != sig {
                    continue;
                }
                let mut found = Some(s);
                for step in path.iter().rev() {
                    found = found.and_then(|f: usize| {
                        dom.nodes[f].children.iter().copied().find(|&c| signature(c) == *step)
                    });
                }
                if let Some(t) = found {
                    let st = page.stats[t];
                    if st.prose_blocks >= 1 && st.prose_chars >= 200 && st.link_density() < 0.25 {
                        twins.push(t);
                    }
                }
            }
        }
        path.push(sig);
        at = parent;
    }
    twins
}

/// Where the page shows the article body its JSON-LD states.
struct StatedBody {
    /// The smallest element holding nearly all of the shown text.
    root: usize,
    /// Characters of visible blocks that repeat the stated body.
    shown: usize,
    /// Per element: such characters in its subtree.
    per_element: Vec<usize>,
}

/// The text's words as search and comparison see them ([`crate::text::tokens`]: folded, possessives
/// dropped), joined by single spaces: text compared whatever its markup and punctuation.
fn folded_words(text: &str) -> String {
    crate::text::tokens(text).iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")
}

/// Text of an articleBody that may itself be HTML (`<p>…</p>`): tags dropped.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Blocks shorter than this (folded) are not matched against the stated body: "Share" or a
/// one-word heading is in every body.
const STATED_MIN_BLOCK: usize = 20;

/// Locates the JSON-LD `articleBody` on the page: the visible blocks whose words it contains.
/// `None` when it is short or the page shows less than half of it (a teaser, or another text).
fn stated_body(page: &Page<'_>, hint: &str) -> Option<StatedBody> {
    let stated = folded_words(&without_tags(&super::entities::decode(hint)));
    if stated.len() < 200 {
        return None;
    }
    let n = page.dom.nodes.len();
    let mut per_element = vec![0usize; n];
    let mut shown = 0;
    for b in page.blocks.iter().filter(|b| !b.hidden) {
        let words = folded_words(&b.text);
        if words.len() >= STATED_MIN_BLOCK && stated.contains(&words) {
            per_element[b.owner] += words.len();
            shown += words.len();
        }
    }
    if shown * 2 < stated.len() {
        return None;
    }
    for i in (1..n).rev() {
        let parent = page.dom.nodes[i].parent;
        if parent != i {
            per_element[parent] += per_element[i];
        }
    }
    let root = (1..n)
        .filter(|&i| page.dom.element(i).is_some() && per_element[i] * 10 >= shown * 9)
        .min_by_key(|&i| page.stats[i].chars)?;
    Some(StatedBody { root, shown, per_element })
}

fn body(dom: &Dom) -> Option<usize> {
    (1..dom.nodes.len()).find(|&i| dom.name(i) == "body")
}

/// Readability's conditional cleaning: a box inside the article that is mostly links, images,
/// form fields or list items rather than paragraphs.
fn furniture(page: &Page<'_>, i: usize) -> Option<NoiseKind> {
    let name = page.dom.name(i);
    if !matches!(
        name,
        "div"
            | "section"
            | "ul"
            | "ol"
            | "table"
            | "form"
            | "fieldset"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "dl"
    ) {
        return None;
    }
    let s = page.stats[i];
    let weight = page.class_weight(i);
    if weight < 0.0 && s.commas < 10 {
        return Some(page.cues[i].noise.unwrap_or(NoiseKind::Other));
    }
    if s.commas >= 10 {
        return None;
    }
    if name == "table" && s.header_cells > 0 {
        return None;
    }
    let list = matches!(name, "ul" | "ol") || (s.chars > 0 && s.item_chars * 10 > s.chars * 9);
    let ld = s.link_density();
    let links = NoiseKind::LinkList;
    if s.images > 1 && (s.paragraphs as f64) < 0.5 * s.images as f64 {
        return Some(NoiseKind::Other);
    }
    if !list && s.items > s.paragraphs + 3 && ld > 0.3 {
        return Some(NoiseKind::LinkList);
    }
    if s.inputs > s.paragraphs / 3 + 1 {
        return Some(NoiseKind::Other);
    }
    if (weight < 25.0 && ld > 0.2 && s.chars < 1000 && (!list || ld > 0.5) && !linked_paragraph(page, i))
        || (weight >= 25.0 && ld > 0.5)
    {
        return Some(links);
    }
    if s.embeds > 1 && s.chars < 75 {
        return Some(NoiseKind::Other);
    }
    None
}

/// A box holding one paragraph of running text and nothing else (no heading, list, picture or
/// field), fewer than half its characters in links, or a sentence with under 80% of them in
/// links: a paragraph that links its sources, which pages wrap one per box, not a box of links.
/// A teaser has a headline; a link roll is links.
fn linked_paragraph(page: &Page<'_>, i: usize) -> bool {
    let s = page.stats[i];
    // A sentence may link most of its words ("Under Article 4 [members can bring any issue to
    // the council], its main body."); a block nearly all link is a pointer elsewhere
    // ([`links_elsewhere`]).
    let linked_sentence = page.ends_sentence[i]
        && s.chars >= LINKED_SENTENCE_CHARS
        && s.link_chars * 10 < s.chars * LINK_SHARE_TENTHS;
    let cites = s.chars >= LINKED_PARAGRAPH_CHARS && s.link_chars * 2 < s.chars;
    s.paragraphs == 1
        && s.headers == 0
        && s.items == 0
        && s.images == 0
        && s.inputs == 0
        && (cites || linked_sentence)
}

/// A [`linked_paragraph`] is at least this long: shorter, it is a teaser line.
const LINKED_PARAGRAPH_CHARS: usize = 100;

/// A sentence that links most of its words is a [`linked_paragraph`] from this length (a
/// question in an interview); a shorter one is a teaser's headline.
const LINKED_SENTENCE_CHARS: usize = 50;

/// Decides every block's fate; `title` is the block chosen as the headline, if any.
pub fn decide(dom: &Dom, blocks: &[RBlock], title: Option<usize>, body_hint: Option<&str>) -> Vec<Verdict> {
    let page = Page::new(dom, blocks);
    let strict_roots = content_roots(&page, body_hint, true);
    let strict = verdicts(&page, &strict_roots, title, Cleaning::Conditional);
    let kept = |v: &[Verdict]| -> usize {
        v.iter()
            .zip(blocks)
            .filter(|(v, _)| matches!(v, Verdict::Keep(k) if *k != BlockKind::Title))
            .map(|(_, b)| b.text.len())
            .sum()
    };
    let strict_kept = kept(&strict);
    // Running text kept: what tells a story from a box of teasers when the two passes disagree.
    let prose_kept = |v: &[Verdict]| -> usize {
        v.iter()
            .zip(blocks)
            .filter(|(v, b)| {
                matches!(v, Verdict::Keep(k) if *k != BlockKind::Title) && is_prose_block(b, b.chars())
            })
            .map(|(_, b)| b.text.len())
            .sum()
    };
    let lenient_roots = content_roots(&page, body_hint, false);
    let lenient = verdicts(&page, &lenient_roots, title, Cleaning::Conditional);
    let (mut chosen, roots) = if (strict_kept < 500 && kept(&lenient) > strict_kept)
        || prose_kept(&lenient) > 2 * prose_kept(&strict) + 500
    {
        (lenient, lenient_roots)
    } else {
        (strict, strict_roots)
    };
    // Readability's last retry: an article of a few captioned pictures or one short paragraph
    // looks like a box of images or links to the conditional cleaning; when it leaves almost
    // nothing, the chosen container is kept with only its furniture-cued parts removed.
    let chosen_kept = kept(&chosen);
    if chosen_kept < FALLBACK_BELOW {
        let plain = verdicts(&page, &roots, title, Cleaning::CuesOnly);
        if kept(&plain) > chosen_kept {
            chosen = plain;
        }
    }
    remove_repeated(blocks, &mut chosen);
    keep_standfirst(&page, title, &mut chosen);
    set_captions_apart(&page, &mut chosen);
    remove_date_lines(blocks, &mut chosen);
    chosen
}

/// A block at the head of the article that is only a date ("21.04.2024, 20:24 Uhr", "Updated:
/// June 3, 2024 5:12 PM"): the article's date line as the page lays it out, which the metadata
/// states, not its text. A sentence with a date in it is text, and so is a list of dates (a schedule of
/// meetings): more than [`DATE_LINES_MAX`] such blocks are what the page is about.
fn remove_date_lines(blocks: &[RBlock], verdicts: &mut [Verdict]) {
    let kept_body = |k: usize| matches!(verdicts[k], Verdict::Keep(kind) if kind != BlockKind::Title);
    // The date line heads the article: below its first paragraph, a date is the text's.
    let first_prose = (0..blocks.len())
        .find(|&k| kept_body(k) && is_prose_block(&blocks[k], blocks[k].chars()))
        .unwrap_or(blocks.len());
    let dates: Vec<usize> = (0..first_prose)
        .filter(|&k| {
            matches!(verdicts[k], Verdict::Keep(kind) if kind != BlockKind::Title)
                && crate::clean::dates::parse_date_line(&blocks[k].text).is_some()
        })
        .collect();
    if dates.len() <= DATE_LINES_MAX {
        for k in dates {
            verdicts[k] = Verdict::Remove(NoiseKind::ArticleInfo);
        }
    }
}

/// An article shows its date line at most this often (published, updated).
const DATE_LINES_MAX: usize = 2;

/// A picture's caption or credit: a block in a `figure` or `figcaption`, or in a small box whose
/// class or id names a caption or credit ("wp-caption-text", "image-caption", "photo-credit").
fn is_caption(page: &Page<'_>, b: &RBlock) -> bool {
    let dom = page.dom;
    std::iter::once(b.owner).chain(dom.ancestors(b.owner)).take(CAPTION_DEPTH).any(|a| {
        matches!(dom.name(a), "figure" | "figcaption")
            || (page.stats[a].chars <= CAPTION_BOX_CHARS && names_any(dom, a, CAPTION_NAMES))
            || (a != b.owner
                && page.stats[a].images > 0
                && page.stats[a].chars <= PICTURE_BOX_CHARS
                && names_any(dom, a, PICTURE_NAMES))
    })
}

/// Words in the class or id of a box holding a picture's caption or credit.
const CAPTION_NAMES: &[&str] = &["caption", "credit"];

/// Words in the class or id of a box holding a picture (and so, perhaps, its caption).
const PICTURE_NAMES: &[&str] = &["image", "photo", "picture", "img", "bild", "media", "figure"];

/// Whether an element's class or id contains one of `words`.
fn names_any(dom: &Dom, i: usize, words: &[&str]) -> bool {
    dom.element(i).is_some_and(|e| {
        ["class", "id"].iter().filter_map(|k| e.attr(k)).any(|v| {
            let v = v.to_ascii_lowercase();
            words.iter().any(|w| v.contains(w))
        })
    })
}

/// A box named for a picture, holding one, with at most this much text: the picture's caption.
const PICTURE_BOX_CHARS: usize = 400;

/// How far above a block [`is_caption`] looks for the picture box holding it.
const CAPTION_DEPTH: usize = 4;

/// A box named for captions longer than this is not one caption (a "caption-layout" wrapper).
const CAPTION_BOX_CHARS: usize = 600;

/// Captions and photo credits are the pictures' words, not the article's: they are kept as
/// captions (shown with their picture's place in the article, searchable), apart from the body
/// that a reader of the story reads and that the usual article-text references (fundus, newspaper,
/// trafilatura) hold. A story told in captioned pictures is its captions: when captions are as long
/// as the rest of what is kept, every one of them is body text.
fn set_captions_apart(page: &Page<'_>, verdicts: &mut [Verdict]) {
    let blocks = page.blocks;
    let kept_body = |v: &Verdict| matches!(v, Verdict::Keep(k) if *k != BlockKind::Title);
    let captions: Vec<bool> = blocks
        .iter()
        .zip(verdicts.iter())
        .map(|(b, v)| kept_body(v) && (matches!(v, Verdict::Keep(BlockKind::Caption)) || is_caption(page, b)))
        .collect();
    let (mut caption_chars, mut other_chars) = (0, 0);
    for ((b, v), &c) in blocks.iter().zip(verdicts.iter()).zip(&captions) {
        if kept_body(v) {
            if c {
                caption_chars += b.text.len();
            } else {
                other_chars += b.text.len();
            }
        }
    }
    if caption_chars == 0 {
        return;
    }
    let picture_story = other_chars < caption_chars;
    let kind = if picture_story { BlockKind::Paragraph } else { BlockKind::Caption };
    for (v, &c) in verdicts.iter_mut().zip(&captions) {
        if c {
            *v = Verdict::Keep(kind);
        }
    }
}

/// At most this many blocks may stand between the headline and the article text for the ones
/// among them to be its standfirst.
const STANDFIRST_REACH: usize = 12;

/// The standfirst: the sentence or two under the headline that sums the story up, which pages set
/// in the article's header (beside the headline, outside the body container) and so the scoring
/// leaves out. Running text between the headline and the first kept paragraph, in the element
/// holding both, hardly a link, not a caption or byline, is the article's.
fn keep_standfirst(page: &Page<'_>, title: Option<usize>, verdicts: &mut [Verdict]) {
    let (dom, blocks) = (page.dom, page.blocks);
    let Some(t) = title else { return };
    let Some(first) = (t + 1..blocks.len()).find(|&k| matches!(verdicts[k], Verdict::Keep(_))) else {
        return;
    };
    if first - t > STANDFIRST_REACH {
        return;
    }
    // The smallest element holding the headline and the article text: never the whole page.
    let title_line: Vec<usize> =
        std::iter::once(blocks[t].owner).chain(dom.ancestors(blocks[t].owner)).collect();
    let Some(common) = std::iter::once(blocks[first].owner)
        .chain(dom.ancestors(blocks[first].owner))
        .find(|a| title_line.contains(a))
    else {
        return;
    };
    if matches!(dom.name(common), "body" | "html") {
        return;
    }
    for k in t + 1..first {
        let b = &blocks[k];
        let chars = b.chars();
        let words = b.text.split_whitespace().count();
        let sentence =
            b.text.trim_end_matches(['"', '”', '’', '»', ')']).ends_with(['.', '!', '?', '…', '。']);
        let digits = b.text.chars().filter(char::is_ascii_digit).count();
        let shaped =
            chars >= 50 && b.link_chars * 5 < chars && digits * 10 < chars && (sentence || words >= 10);
        let removed_as_layout = matches!(
            verdicts[k],
            Verdict::Remove(NoiseKind::PageChrome | NoiseKind::OutsideArticle | NoiseKind::Other)
        );
        let near = || std::iter::once(b.owner).chain(dom.ancestors(b.owner)).take_while(|&a| a != common);
        // A caption: in a figure, in a box named for pictures, or in a small box with a picture.
        let caption_or_byline = || {
            near().any(|a| {
                matches!(dom.name(a), "figure" | "figcaption" | "li")
                    || page.cues[a].info
                    || (page.stats[a].images > 0 && page.stats[a].chars < chars + 100)
                    || names_any(dom, a, CAPTION_NAMES)
                    || names_any(dom, a, PICTURE_NAMES)
            })
        };
        if shaped && removed_as_layout && !b.hidden && !caption_or_byline() {
            verdicts[k] = Verdict::Keep(BlockKind::Paragraph);
        }
    }
}

/// How often the same sentence may stand in an article before it is the page's placeholder
/// ("External content not available: your privacy settings block it" under every embed), not
/// text: a pull quote repeats its sentence once.
const REPEATS_ALLOWED: usize = 2;

/// Removes kept blocks whose text the article holds more than [`REPEATS_ALLOWED`] times.
fn remove_repeated(blocks: &[RBlock], verdicts: &mut [Verdict]) {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (b, v) in blocks.iter().zip(verdicts.iter()) {
        if matches!(v, Verdict::Keep(k) if *k != BlockKind::Title) && b.text.len() >= 20 {
            *counts.entry(b.text.as_str()).or_insert(0) += 1;
        }
    }
    let repeated = |b: &RBlock| counts.get(b.text.as_str()).is_some_and(|&n| n > REPEATS_ALLOWED);
    let (mut kept_chars, mut repeated_chars) = (0, 0);
    for (b, v) in blocks.iter().zip(verdicts.iter()) {
        if matches!(v, Verdict::Keep(k) if *k != BlockKind::Title) {
            kept_chars += b.text.len();
            if repeated(b) {
                repeated_chars += b.text.len();
            }
        }
    }
    // A placeholder is a small part of the article; text that is mostly one paragraph over and
    // over is what the page says, however odd.
    if repeated_chars * 2 >= kept_chars {
        return;
    }
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        if matches!(v, Verdict::Keep(k) if *k != BlockKind::Title) && repeated(b) {
            *v = Verdict::Remove(NoiseKind::RepeatedBoilerplate);
        }
    }
}

/// Article text below this many bytes is too little to trust the conditional cleaning that left it.
const FALLBACK_BELOW: usize = 500;

/// A fact box is set apart from the story only when the article holds at least this many
/// characters of running text outside it: a page that is nothing but the box keeps it.
const FACT_BOX_STORY_CHARS: usize = 500;

/// How much of the article's container [`verdicts`] removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cleaning {
    /// Cued furniture, and boxes shaped like furniture ([`furniture`]: mostly links, images, form
    /// fields or list items).
    Conditional,
    /// Only elements whose tag, role or class say they are furniture.
    CuesOnly,
}

fn verdicts(page: &Page<'_>, roots: &[usize], title: Option<usize>, cleaning: Cleaning) -> Vec<Verdict> {
    let (dom, blocks) = (page.dom, page.blocks);
    let n = dom.nodes.len();
    // For each node: the content root it is under (usize::MAX for none).
    let mut root_of = vec![usize::MAX; n];
    for &r in roots {
        root_of[r] = r;
    }
    for i in 1..n {
        let p = dom.nodes[i].parent;
        if root_of[i] == usize::MAX && root_of[p] != usize::MAX {
            root_of[i] = root_of[p];
        }
    }
    // The furniture verdict of each element inside the article, inherited by its descendants.
    let mut inside = vec![None::<NoiseKind>; n];
    for i in 1..n {
        let p = dom.nodes[i].parent;
        if root_of[i] == usize::MAX || roots.contains(&i) {
            continue;
        }
        let r = root_of[i];
        let c = page.cues[i];
        // Facts boxed beside the story, however much prose they hold (a speech's full
        // transcript, a glossary, a book's details): the story is the text around them, when
        // there is one.
        let story_around = page.stats[r].prose_chars.saturating_sub(page.stats[i].prose_chars);
        if inside[p].is_none() && c.fact_box && !c.article_body && story_around >= FACT_BOX_STORY_CHARS {
            inside[i] = Some(NoiseKind::Sidebar);
            continue;
        }
        // Whatever its class says, an element holding most of the article's running text is
        // the article (a "paywall" wrapper around the story).
        if inside[p].is_none()
            && page.stats[i].prose_chars * 2 > page.stats[r].prose_chars
            && page.stats[i].prose_chars >= 500
        {
            continue;
        }
        inside[i] = inside[p].or_else(|| {
            if c.info && page.stats[i].chars < 300 {
                Some(NoiseKind::ArticleInfo)
            } else if c.noise.is_some() && page.unlikely(i) {
                c.noise
            } else if cleaning == Cleaning::Conditional {
                furniture(page, i)
            } else {
                None
            }
        });
    }
    blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            if Some(k) == title {
                return Verdict::Keep(BlockKind::Title);
            }
            if b.hidden {
                return Verdict::Remove(NoiseKind::Hidden);
            }
            if root_of[b.owner] == usize::MAX {
                let why = std::iter::once(b.owner)
                    .chain(dom.ancestors(b.owner))
                    .find_map(|a| page.cues[a].noise)
                    .unwrap_or(NoiseKind::OutsideArticle);
                return Verdict::Remove(why);
            }
            if let Some(why) = inside[b.owner] {
                return Verdict::Remove(why);
            }
            if links_elsewhere(b) && !matches!(dom.name(b.owner), "li" | "dd" | "dt") {
                return Verdict::Remove(NoiseKind::RelatedLink);
            }
            Verdict::Keep(kind_of(dom, b.owner))
        })
        .collect()
}

/// A paragraph inside the article that is nearly all link ("Read more: Other story", a teaser
/// headline between paragraphs): a pointer to another page, not the story's text. Sentences that
/// link a few words keep their words; list items are judged as a list ([`furniture`]), since a
/// listicle's items are often links.
fn links_elsewhere(b: &RBlock) -> bool {
    let chars = b.chars();
    chars > 0 && b.link_chars * 10 >= chars * LINK_SHARE_TENTHS
}

/// Tenths of a block's characters inside links from which [`links_elsewhere`] holds.
const LINK_SHARE_TENTHS: usize = 8;

fn kind_of(dom: &Dom, owner: usize) -> BlockKind {
    match dom.name(owner) {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dd" | "dt" => BlockKind::Bullet,
        "figcaption" | "caption" => BlockKind::Caption,
        _ if dom.ancestors(owner).take(3).any(|a| dom.name(a) == "figcaption") => BlockKind::Caption,
        _ => BlockKind::Paragraph,
    }
}
