//! Property: whatever a page's structure, nothing visible is dropped silently. Every word a reader
//! sees on the page is in a kept block or a removed span (with a reason), exactly as often as it
//! is shown, and the only other text is the page's stated metadata.
#![cfg(feature = "ingest")]

use std::collections::BTreeMap;

use parallax_engine::ingest::html::{self, charset, dom, render};
use parallax_engine::NoiseKind;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Element { tag: &'static str, class: &'static str, hidden: bool, children: Vec<Node> },
}

const TAGS: &[&str] = &[
    "p",
    "div",
    "nav",
    "aside",
    "footer",
    "header",
    "section",
    "ul",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "h2",
    "span",
    "a",
    "script",
    "style",
    "form",
    "table",
    "td",
    "br",
];
const CLASSES: &[&str] = &[
    "",
    "content",
    "share-bar",
    "related",
    "comments",
    "cookie-banner",
    "sidebar",
    "article-body",
    "menu",
    "byline",
    "ad",
];

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{1,8}(,)?( &amp;)?", 1..40).prop_map(|w| w.join(" "))
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = words().prop_map(Node::Text);
    leaf.prop_recursive(4, 60, 6, |inner| {
        (
            prop::sample::select(TAGS),
            prop::sample::select(CLASSES),
            prop::bool::weighted(0.1),
            prop::collection::vec(inner, 0..6),
        )
            .prop_map(|(tag, class, hidden, children)| Node::Element {
                tag,
                class,
                hidden,
                children,
            })
    })
}

fn write(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(t),
        Node::Element { tag, class, hidden, children } => {
            out.push_str(&format!(
                "<{tag} class=\"{class}\"{}>",
                if *hidden { " style=\"display: none\"" } else { "" }
            ));
            if *tag != "br" {
                children.iter().for_each(|c| write(c, out));
                out.push_str(&format!("</{tag}> "));
            }
        }
    }
}

fn count(texts: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for t in texts {
        for w in t.split_whitespace() {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn kept_and_removed_spans_account_for_all_visible_text(nodes in prop::collection::vec(node(), 1..8)) {
        let mut page = String::from("<html><head><title>Generated headline here</title></head><body><h1>Generated headline here</h1>");
        nodes.iter().for_each(|n| write(n, &mut page));
        page.push_str("</body></html>");
        let bytes = page.as_bytes();
        let cs = charset::sniff(bytes, None);
        let tree = dom::parse(bytes, cs.encoding);
        let visible = count(render::render(&tree, bytes, cs.encoding).blocks.into_iter().map(|b| b.text));
        let outcome = html::extract_page(&html::PageInput { name: "p.html", bytes, charset: None, url: None });
        let Some((article, _)) = outcome.article else {
            prop_assert!(!outcome.diagnostics.is_empty());
            return Ok(());
        };
        for b in &article.blocks {
            prop_assert!(!b.text.is_empty());
        }
        let accounted = count(
            article.blocks.iter().map(|b| b.text.clone()).chain(
                article.removed.iter()
                    .filter(|r| !matches!(r.reason, NoiseKind::PageMetadata | NoiseKind::DuplicateTitle))
                    .map(|r| r.text.clone()),
            ),
        );
        prop_assert_eq!(accounted, visible);
    }
}
