//! Saved web pages, as a user bringing real pages sees them: the article kept, each kind of page
//! furniture removed with its reason, metadata with how it was known, charsets, gzip, and every
//! kept or removed span traced back to raw bytes.
#![cfg(feature = "ingest")]

use parallax_engine::ingest::{self, html};
use parallax_engine::model::{ArticleSource, SourceFormat};
use parallax_engine::{build_bundle, Article, BlockKind, NoiseKind, Severity, SourceInput};

/// An invented news page built like real ones: cookie banner, masthead and menu, share bar,
/// byline and time, figure with credit, quote, list, newsletter box, related list, comments,
/// sidebar, footer, JSON-LD and Open Graph tags.
const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Dam talks resume after three-week pause | The Riverside Herald</title>
<meta property="og:site_name" content="The Riverside Herald">
<meta property="og:title" content="Dam talks resume after three-week pause">
<meta property="article:published_time" content="2021-07-27T09:30:00+03:00">
<meta name="author" content="Mina Haddad">
<link rel="canonical" href="https://www.riversideherald.example/world/dam-talks-resume">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dam talks resume after three-week pause","datePublished":"2021-07-27T09:30:00+03:00","author":{"@type":"Person","name":"Mina Haddad"},"publisher":{"@type":"Organization","name":"The Riverside Herald"}}</script>
<style>.hidden{display:none}</style>
<script>window.dataLayer = [];</script>
</head><body class="article-page">
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our use of cookies.</p><button>Accept all</button></div>
<header class="site-header"><a href="/" class="logo">The Riverside Herald</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article class="story">
<h1 class="headline">Dam talks resume after three-week pause</h1>
<div class="byline">By <a href="/authors/mina">Mina Haddad</a> · <time datetime="2021-07-27T09:30:00+03:00">July 27, 2021</time></div>
<div class="share-bar"><a href="https://facebook.com/share">Facebook</a> <a href="https://twitter.com/share">Twitter</a> <a href="https://wa.me/">WhatsApp</a></div>
<figure><img src="dam.jpg" alt=""><figcaption>Engineers inspect the spillway on Monday. <span class="credit">Photo: Sam Ortiz/Herald</span></figcaption></figure>
<div class="article-body">
<p>Negotiators from the three riverside states met again on Monday in Khartoum, officials said, after a pause of three weeks that had raised fears the talks would collapse.</p>
<p>The dam, which is due to start its second filling this month, has divided the region for a decade, and the mediators said both sides had agreed to exchange data on water flows.</p>
<h2>What changed</h2>
<p>According to a statement from the mediators, the delegations accepted a timetable, a joint technical committee, and a promise to meet again within ten days.</p>
<blockquote><p>“We are closer than we have been in years,” the chief mediator told reporters, adding that the remaining issues were technical rather than political.</p></blockquote>
<ul><li>A joint committee will meet weekly, starting in August.</li><li>Flow data will be shared daily during the filling season.</li></ul>
<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the day's top stories in your inbox.</p><form><input type="email"><button>Subscribe</button></form></div>
<p>Farmers downstream, who depend on the river for irrigation, said they would wait to see whether the promises were kept before planting, as many did last year, and called for an agreement by autumn.</p>
</div>
<div class="hidden-print" style="display:none">Print this page</div>
<script>trackPageView("dam-talks");</script>
</article>
<section class="related-stories"><h2>More Related News</h2><ul><li><a href="/a">Floods hit the delta again</a></li><li><a href="/b">Minister visits the dam site</a></li><li><a href="/c">Water prices rise in the capital</a></li></ul></section>
<div id="comments" class="comments-area"><h3>3 comments</h3><div class="comment"><p>Great reporting, thank you, this is the clearest account I have read of where the talks stand.</p></div></div>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Stocks slide as oil climbs</a></li><li><a href="/y">Heatwave grips the north</a></li></ol></aside>
<footer class="site-footer"><p>© 2021 The Riverside Herald. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"#;

fn extract(name: &str, bytes: &[u8]) -> (Article, ArticleSource) {
    let page = html::extract_page(&html::PageInput { name, bytes, charset: None, url: None });
    page.article.unwrap_or_else(|| panic!("no article: {:?}", page.diagnostics))
}

/// The article's body as exported and measured: no title, no captions.
fn body_text(article: &Article) -> String {
    article.body().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn removed_as(article: &Article, needle: &str) -> Option<NoiseKind> {
    article.removed.iter().find(|r| r.text.contains(needle)).map(|r| r.reason)
}

#[test]
fn a_news_page_keeps_the_article_and_removes_each_kind_of_furniture_with_its_reason() {
    let (article, _) = extract("dam.html", NEWS_PAGE.as_bytes());
    let body = body_text(&article);
    for kept in [
        "Negotiators from the three riverside states",
        "second filling this month",
        "What changed",
        "We are closer than we have been in years",
        "A joint committee will meet weekly",
        "Farmers downstream",
    ] {
        assert!(body.contains(kept), "lost “{kept}” from:\n{body}");
    }
    for gone in [
        "cookies",
        "Sport",
        "Facebook",
        "newsletter",
        "Floods hit",
        "Great reporting",
        "Stocks slide",
        "All rights reserved",
        "Print this page",
        "Engineers inspect the spillway",
    ] {
        assert!(!body.contains(gone), "kept furniture “{gone}” in:\n{body}");
    }
    assert_eq!(removed_as(&article, "We use cookies"), Some(NoiseKind::CookieNotice));
    assert_eq!(removed_as(&article, "Business"), Some(NoiseKind::Navigation));
    assert_eq!(removed_as(&article, "WhatsApp"), Some(NoiseKind::SharePrompt));
    assert_eq!(removed_as(&article, "Sign up for our newsletter"), Some(NoiseKind::SubscribePrompt));
    assert_eq!(removed_as(&article, "Floods hit the delta"), Some(NoiseKind::RelatedLink));
    assert_eq!(removed_as(&article, "Great reporting"), Some(NoiseKind::Comments));
    assert_eq!(removed_as(&article, "Heatwave grips"), Some(NoiseKind::Sidebar));
    assert_eq!(removed_as(&article, "All rights reserved"), Some(NoiseKind::PageChrome));
    assert_eq!(removed_as(&article, "Print this page"), Some(NoiseKind::Hidden));
    assert_eq!(article.blocks.iter().filter(|b| b.kind == BlockKind::Heading).count(), 1);
    assert_eq!(article.blocks.iter().filter(|b| b.kind == BlockKind::Bullet).count(), 2);
}

#[test]
fn page_metadata_says_how_each_field_was_known() {
    let (article, source) = extract("dam.html", NEWS_PAGE.as_bytes());
    assert_eq!(article.title.text, "Dam talks resume after three-week pause");
    assert_eq!(article.outlet.as_ref().map(|o| o.name.as_str()), Some("The Riverside Herald"));
    assert_eq!(source.how("outlet"), Some("og:site_name"));
    assert_eq!(article.date.as_deref(), Some("2021-07-27"));
    // The page gives both; JSON-LD's datePublished wins (pages often put the last update in
    // article:published_time).
    assert_eq!(source.how("date"), Some("JSON-LD datePublished"));
    assert_eq!(article.byline.as_ref().map(|b| b.text.as_str()), Some("Mina Haddad"));
    assert_eq!(source.url.as_deref(), Some("https://www.riversideherald.example/world/dam-talks-resume"));
    assert_eq!(source.format, SourceFormat::Html);
    assert_eq!(source.link(), source.url.as_deref());
    let sneaky = NEWS_PAGE
        .replace("https://www.riversideherald.example/world/dam-talks-resume", "javascript:alert(1)");
    let (_, source) = extract("sneaky.html", sneaky.as_bytes());
    assert_eq!(source.link(), None, "only http(s) URLs are linked");
}

#[test]
fn without_site_name_tags_the_outlet_comes_from_json_ld_then_the_canonical_url() {
    let json_ld = NEWS_PAGE.replace(r#"<meta property="og:site_name" content="The Riverside Herald">"#, "");
    let (article, source) = extract("a.html", json_ld.as_bytes());
    assert_eq!(article.outlet.map(|o| o.name).as_deref(), Some("The Riverside Herald"));
    assert_eq!(source.how("outlet"), Some("JSON-LD publisher"));
    let bare = json_ld.replace(r#","publisher":{"@type":"Organization","name":"The Riverside Herald"}"#, "");
    let (article, source) = extract("b.html", bare.as_bytes());
    assert_eq!(article.outlet.map(|o| o.name).as_deref(), Some("riversideherald.example"));
    assert_eq!(source.how("outlet"), Some("canonical's site"));
    // The title tag's " | Site" suffix is dropped even when og:title is missing.
    let no_og = NEWS_PAGE
        .replace(r#"<meta property="og:title" content="Dam talks resume after three-week pause">"#, "");
    assert_eq!(extract("c.html", no_og.as_bytes()).0.title.text, "Dam talks resume after three-week pause");
}

#[test]
fn every_span_indexes_the_source_text_and_traces_to_raw_bytes() {
    let (article, source) = extract("dam.html", NEWS_PAGE.as_bytes());
    for block in &article.blocks {
        let (a, b) = source.raw_range(block.start, block.end).expect("kept block has raw bytes");
        let raw = &NEWS_PAGE[a..b];
        let first_word = block.text.split_whitespace().next().unwrap_or("");
        assert!(raw.contains(first_word), "block “{}” traced to “{raw}”", block.text);
    }
    for removed in &article.removed {
        assert!(source.raw_range(removed.start, removed.end).is_some(), "{removed:?} has no raw bytes");
    }
    let script = source.unshown.iter().find(|u| u.what == "script").expect("scripts are listed");
    assert!(NEWS_PAGE[script.raw_start..script.raw_end].contains("trackPageView"));
    let head = source.unshown.iter().find(|u| u.what == "document head").expect("the head is listed");
    assert!(NEWS_PAGE[head.raw_start..head.raw_end].contains("dataLayer"));
}

#[test]
fn windows_1252_and_shift_jis_pages_are_decoded_by_their_meta_declaration() {
    let mut latin = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners protest</title></head><body><article><h1>Caf\xe9 owners protest</h1><p>The caf\xe9 owners of the old town marched on Tuesday against the new rents, which they say have doubled \x96 and in some streets tripled \x96 since the spring.</p></article></body></html>".to_vec();
    let (article, _) = extract("latin.html", &latin);
    assert_eq!(article.title.text, "Café owners protest");
    assert!(body_text(&article).contains("doubled – and"));
    latin.clear();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><title>ダムの協議が再開</title></head><body><article><h1>ダムの協議が再開</h1><p>三つの州の交渉団は月曜日、三週間の中断の後、再び会合を開いた。関係者によると、双方は水量に関するデータを交換することで合意した。</p></article></body></html>");
    let (article, _) = extract("sjis.html", &sjis);
    assert_eq!(article.title.text, "ダムの協議が再開");
    assert!(body_text(&article).contains("三つの州の交渉団"));
}

#[test]
fn gzip_compressed_pages_are_read_like_plain_ones() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(NEWS_PAGE.as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    let got = ingest::ingest("dam.html.gz", &bytes, &Default::default());
    assert_eq!(got.format, SourceFormat::Html);
    assert_eq!(got.articles.len(), 1);
    assert_eq!(got.articles[0].0.file, "dam.html.gz");
    assert_eq!(got.articles[0].0.title.text, "Dam talks resume after three-week pause");
    let broken = ingest::ingest("cut.html.gz", &bytes[..bytes.len() / 2], &Default::default());
    assert!(broken.articles.is_empty());
    assert!(broken
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.message.contains("decompress")));
}

#[test]
fn bad_pages_get_a_diagnostic_each_and_the_rest_of_the_corpus_builds() {
    let truncated = &NEWS_PAGE[..NEWS_PAGE.find("The dam, which").unwrap() + 20];
    let malformed = "<html><body><div><p>Unclosed <b>bold <i>italic</div></p></span><table><td>Cell text that is long enough to be a paragraph of the article body, with commas, clauses, and more.<p>Second paragraph inside a cell, also long enough to count as article text for a reader.";
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    let sources = [
        SourceInput { name: "truncated.html", bytes: truncated.as_bytes() },
        SourceInput { name: "malformed.htm", bytes: malformed.as_bytes() },
        SourceInput { name: "photo.html", bytes: &binary },
        SourceInput { name: "empty.html", bytes: b"" },
        SourceInput { name: "good.html", bytes: NEWS_PAGE.as_bytes() },
    ];
    let built = build_bundle(&sources, "");
    let files: Vec<&str> = built.bundle.articles.iter().map(|a| a.file.as_str()).collect();
    assert_eq!(files, ["truncated.html", "malformed.htm", "good.html"]);
    assert!(body_text(&built.bundle.articles[0]).contains("Negotiators from the three"));
    assert!(body_text(&built.bundle.articles[1]).contains("Second paragraph inside a cell"));
    let says = |file: &str| {
        built.diagnostics.iter().filter(|d| d.file == file).map(|d| d.message.clone()).collect::<Vec<_>>()
    };
    assert!(says("photo.html").iter().any(|m| m.contains("binary")), "{:?}", says("photo.html"));
    assert!(says("empty.html").iter().any(|m| m.contains("empty")));
    assert_eq!(built.bundle.sources.len(), 3);
    assert_eq!(built.bundle.source(&built.bundle.articles[2].id).map(|s| s.format), Some(SourceFormat::Html));
}

#[test]
fn a_fifty_megabyte_page_is_extracted() {
    let paragraph = "<p>Officials said on Monday that the negotiations, which had stalled for weeks, would resume, and that both delegations had accepted the new timetable.</p>\n";
    let mut page = String::from("<html><head><title>Long page</title></head><body><nav><a href=/>Home</a></nav><article><h1>Long page</h1>");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(paragraph);
        page.push_str("<div class=\"ad-slot\"><a href=/ad>Advertisement</a></div>\n");
    }
    page.push_str("</article></body></html>");
    let (article, _) = extract("long.html", page.as_bytes());
    assert!(article.body().count() > 100_000);
    assert!(article.removed.iter().any(|r| r.reason == NoiseKind::Advert || r.reason == NoiseKind::LinkList));
}

/// An invented review page whose body is split over three blocks, with a score box and a
/// "more stories" rail between them, and a layout wrapper whose class reads as page chrome.
fn split_article_page(with_json_ld: bool) -> String {
    let paras = [
        "The new console is the most powerful machine the company has made, and it runs most games at a higher resolution than its rivals, though it costs more.",
        "In our tests, loading times fell by a third, fans stayed quiet under load, and the controller, which is unchanged, still feels solid in the hand.",
        "The catch is the price: at five hundred dollars, it costs a hundred more than its closest rival, and most of its games also run on the older model.",
        "For players with a new television, however, the upgrade is easy to recommend, and for everyone else, the older console remains a sensible choice.",
    ];
    let ld = if with_json_ld {
        format!(
            r#"<script type="application/ld+json"><![CDATA[{{"@type":"Article","headline":"Console review","articleBody":"{}"}}]]></script>"#,
            paras.join(" ")
        )
    } else {
        String::new()
    };
    format!(
        r#"<html><head><title>Console review</title>{ld}</head><body><div class="page-header-wrap">
<h1>Console review</h1>
<div class="review-block"><div class="grid"><div class="article-text"><p>{}</p></div></div></div>
<div class="score-box"><span>87</span><span>Scores</span><ul><li><a href="/c">Critics</a></li><li><a href="/u">Users</a></li></ul></div>
<div class="review-block"><div class="grid"><div class="article-text"><p>{}</p><p>{}</p></div></div></div>
<div class="more-stories"><ul><li><a href="/a">Another story about phones</a></li><li><a href="/b">A story about laptops</a></li></ul></div>
<div class="review-block"><div class="grid"><div class="article-text"><p>{}</p></div></div></div>
</div></body></html>"#,
        paras[0], paras[1], paras[2], paras[3]
    )
}

#[test]
fn an_article_split_into_blocks_is_kept_whole_when_the_page_states_its_body() {
    let (article, _) = extract("review.html", split_article_page(true).as_bytes());
    let body = body_text(&article);
    for kept in
        ["most powerful machine", "loading times fell", "The catch is the price", "For players with a new"]
    {
        assert!(body.contains(kept), "lost “{kept}” in:\n{body}");
    }
    for gone in ["Another story about phones", "Critics"] {
        assert!(!body.contains(gone), "kept “{gone}” in:\n{body}");
    }
}

#[test]
fn the_rest_of_a_story_behind_a_read_more_wrapper_is_kept() {
    let para = |n: usize| {
        format!("<p>Paragraph {n} of the story: the council met on Tuesday, debated the budget for hours, and, after a long vote, agreed to fund the new bridge.</p>")
    };
    let first: String = (1..=3).map(para).collect();
    let rest: String = (4..=8).map(para).collect();
    let page = format!(
        r#"<html><head><title>Council funds bridge</title></head><body><article><h1>Council funds bridge</h1>
<div class="story-body">{first}</div>
<div id="read-more"><div id="read-more-link"><a href="">Read more</a></div><div id="middleAd"><div class="ad-block"></div></div>
<div id="read-more-content">{rest}</div></div>
</article><div class="related-stories"><ul><li><a href="/x">Other news one</a></li><li><a href="/y">Other news two</a></li></ul></div></body></html>"#
    );
    let (article, _) = extract("council.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=8 {
        assert!(body.contains(&format!("Paragraph {n} of the story")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Other news one"), "kept the related list in:\n{body}");
}

/// Five paragraphs of an invented story, each long enough to be running text.
fn story_paragraphs(topic: &str) -> String {
    (1..=5)
        .map(|n| {
            format!("<p>Part {n} of the {topic} story: the regional council met on Tuesday evening, debated the annual budget for several hours, and, after a long and close vote, agreed to fund the new bridge over the river.</p>")
        })
        .collect()
}

#[test]
fn a_story_wrapped_in_a_paywall_or_sidebar_layout_class_is_kept() {
    for wrapper in ["pmc-paywall", "sidebar-grid sidebar"] {
        let page = format!(
            r#"<html><head><title>Council funds bridge</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Council funds bridge</h1><div class="{wrapper}">{}</div></article>
<div class="card-list"><div class="article-card"><div class="card__content"><a href="/x">A teaser headline</a><p>A short teaser about another story.</p></div></div></div>
</body></html>"#,
            story_paragraphs("bridge")
        );
        let (article, _) = extract("paywall.html", page.as_bytes());
        let body = body_text(&article);
        for n in 1..=5 {
            assert!(
                body.contains(&format!("Part {n} of the bridge")),
                "{wrapper}: lost part {n} in:\n{body}"
            );
        }
        assert!(!body.contains("A short teaser"), "{wrapper}: kept the teaser in:\n{body}");
    }
}

#[test]
fn a_small_box_named_like_article_text_does_not_outrank_the_story() {
    // Classes such as "headline-text" or "article-card" on a 30-character box say nothing about
    // where the story is: its paragraphs, split into two sections, do.
    let paras = story_paragraphs("harbour");
    let (first, second) = paras.split_at(paras.match_indices("<p>").nth(3).map_or(0, |(i, _)| i));
    let page = format!(
        r#"<html><head><title>Harbour reopens</title></head><body>
<article><h1>Harbour reopens</h1><div class="formatted"><section>{first}</section><section>{second}</section></div></article>
<ul class="list-articles"><li><div class="media__headline-text">Daily deals on garden tools</div><div class="teaser-desc">Save on mowers and hedge trimmers this week only, while stocks last.</div></li></ul>
</body></html>"#
    );
    let (article, _) = extract("harbour.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=5 {
        assert!(body.contains(&format!("Part {n} of the harbour")), "lost part {n} in:\n{body}");
    }
    assert!(!body.contains("Daily deals"), "kept the deals box in:\n{body}");
}

#[test]
fn a_one_sentence_json_ld_article_body_is_a_summary_not_a_guide_to_the_article() {
    let page = format!(
        r#"<html><head><title>Bridge vote</title><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Bridge vote","articleBody":"The council voted to fund a new bridge after a long debate."}}</script></head><body>
<article><h1>Bridge vote</h1><div class="top"><div class="disclaimer"><p>Opinions expressed here are the writer's own and not the paper's view.</p></div><div class="tools"><a href="/print">Print</a></div></div><div class="body">{}</div></article>
</body></html>"#,
        story_paragraphs("vote")
    );
    let (article, _) = extract("vote.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=5 {
        assert!(body.contains(&format!("Part {n} of the vote")), "lost part {n} in:\n{body}");
    }
}

/// Paragraphs of an invented story, numbered from `from`, each with `attrs` on its `<p>`.
fn numbered_paragraphs(from: usize, to: usize, attrs: &str) -> String {
    (from..=to)
        .map(|n| {
            format!("<p {attrs}>Chunk paragraph {n}: the harbour authority said on Friday that dredging would resume next month, that the channel would be deepened by two metres, and that shipping would not be interrupted.</p>")
        })
        .collect()
}

#[test]
fn paragraphs_all_classed_paywall_are_the_story_subscribers_read() {
    let page = format!(
        r#"<html><head><title>Harbour dredging</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="body">{}</div>
<div class="paywall-prompt"><p>Subscribe to keep reading.</p></div></article>
</body></html>"#,
        numbered_paragraphs(1, 6, r#"class="paywall""#)
    );
    let (article, _) = extract("paywall-paragraphs.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=6 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Subscribe to keep reading"), "kept the prompt in:\n{body}");
}

#[test]
fn a_story_split_over_look_alike_layout_rows_is_kept_whole() {
    // Grid rows of a few paragraphs each, as magazine templates lay out long stories, with a
    // promo row of the same layout in between and a teaser list after.
    let row = |from, to| {
        format!(
            r#"<div class="GridWrapper-x1 grid"><div class="GridItem-y2"><div class="BodyWrapper-z3 body"><div class="body__inner">{}</div></div></div><div class="ad-rail"></div></div>"#,
            numbered_paragraphs(from, to, "")
        )
    };
    let page = format!(
        r#"<html><head><title>Harbour dredging</title></head><body>
<main><h1>Harbour dredging resumes</h1><div class="chunks">{}{}{}</div>
<ul class="related"><li><a href="/a">Ferry prices rise again this summer</a></li><li><a href="/b">New pier opens</a></li></ul></main>
</body></html>"#,
        row(1, 4),
        row(5, 7),
        row(8, 9)
    );
    let (article, _) = extract("chunks.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=9 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Ferry prices"), "kept the related list in:\n{body}");
}

#[test]
fn the_rest_of_a_story_a_paywall_hides_is_kept_and_a_repeated_placeholder_is_not() {
    let placeholder = "<p>External content not available: your privacy settings block it.</p>";
    let page = format!(
        r#"<html><head><title>Harbour dredging</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="story">{}{placeholder}{placeholder}{placeholder}
<div class="paywall" hidden>{}</div></div></article>
<div style="display:none"><p>A hidden survey box asks the reader three questions about this page, politely, at length.</p></div>
</body></html>"#,
        numbered_paragraphs(1, 3, ""),
        numbered_paragraphs(4, 9, "")
    );
    let (article, _) = extract("hidden-paywall.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=9 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("External content"), "kept the placeholder in:\n{body}");
    assert_eq!(removed_as(&article, "External content"), Some(NoiseKind::RepeatedBoilerplate));
    assert_eq!(removed_as(&article, "hidden survey"), Some(NoiseKind::Hidden));
}

#[test]
fn text_a_utility_class_hides_is_removed_as_hidden() {
    let page = format!(
        r#"<html><head><title>Harbour dredging</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="story">
<div class="visually-hidden">Article content</div>{}
<div class="sign-in-box hidden"><p>This content is reserved for registered readers: create an account or sign in to go on reading.</p></div>
<span class="sr-only">Skip to the next section</span>{}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 3, ""),
        numbered_paragraphs(4, 6, "")
    );
    let (article, _) = extract("utility-hidden.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=6 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    for hidden in ["Article content", "reserved for registered", "Skip to the next"] {
        assert_eq!(removed_as(&article, hidden), Some(NoiseKind::Hidden), "{hidden} in:\n{body}");
    }
}

#[test]
fn a_paragraph_that_is_only_a_link_to_another_story_is_removed_and_a_linked_word_is_not() {
    let page = format!(
        r#"<html><head><title>Harbour dredging</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="story">{}
<p>Read more: <a href="/other">Ferry fares rise again as the harbour works drag on into the winter</a></p>
<p>The works, which the <a href="/council">council</a> approved in May, will take two years and cost the port more than it earns in a year.</p>{}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 3, ""),
        numbered_paragraphs(4, 6, "")
    );
    let (article, _) = extract("read-more.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.contains("The works, which the council approved"), "lost the linked sentence in:\n{body}");
    assert!(!body.contains("Ferry fares"), "kept the link to another story in:\n{body}");
    assert_eq!(removed_as(&article, "Ferry fares"), Some(NoiseKind::RelatedLink));
}

#[test]
fn a_story_told_in_captioned_pictures_is_kept_though_it_looks_like_a_gallery() {
    // A short introduction and four pictures with their captions: shaped like a box of images, it
    // is the whole article.
    let pictures: String = (1..=4)
        .map(|n| format!(r#"<div class="media"><img src="{n}.jpg"><img src="{n}b.jpg"><h3>Picture {n}: the rescuers reach the dog on the ice</h3></div>"#))
        .collect();
    let page = format!(
        r#"<html><head><title>Dog rescued from ice</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><div class="single"><h1>Dog rescued from ice</h1><div class="section"><p>A dog fell through the ice of the lake on her morning walk, and firefighters pulled her out after half an hour.</p>{pictures}</div></div></main>
</body></html>"#
    );
    let (article, _) = extract("gallery.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.contains("A dog fell through the ice"), "lost the introduction in:\n{body}");
    assert!(body.contains("Picture 4: the rescuers"), "lost the captions in:\n{body}");
    assert!(!body.contains("Sport"), "kept the menu in:\n{body}");
}

#[test]
fn the_standfirst_under_the_headline_is_kept_and_the_picture_caption_beside_it_is_not() {
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><header class="article-header"><h1>Harbour dredging resumes</h1>
<p class="subtitle">The port will be two metres deeper by spring, and ferries will keep sailing while the work goes on.</p>
<div class="lead-image"><img src="port.jpg"><p>Dredgers at work in the outer harbour on Friday morning, seen from the pier.</p></div>
</header><div class="article-body">{}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 5, "")
    );
    let (article, _) = extract("standfirst.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.starts_with("The port will be two metres deeper"), "lost the standfirst in:\n{body}");
    assert!(!body.contains("Dredgers at work"), "kept the caption beside the headline in:\n{body}");
    assert!(body.contains("Chunk paragraph 5:"), "lost the story in:\n{body}");
}

#[test]
fn a_picture_text_box_named_by_its_id_beside_the_headline_is_no_standfirst() {
    // The caption's box names a picture only in its id, and the picture sits beside it: the
    // same names mark a picture's box for the standfirst as for the captions.
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><header class="article-header"><h1>Harbour dredging resumes</h1>
<p class="subtitle">The port will be two metres deeper by spring, and ferries will keep sailing while the work goes on.</p>
<img src="port.jpg"><div id="lead-picture-text"><p>Dredgers at work in the outer harbour on Friday morning, seen from the pier.</p></div>
</header><div class="article-body">{}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 5, "")
    );
    let (article, _) = extract("picture-id.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.starts_with("The port will be two metres deeper"), "lost the standfirst in:\n{body}");
    assert!(!body.contains("Dredgers at work"), "kept the picture's text as a standfirst in:\n{body}");
    assert!(body.contains("Chunk paragraph 5:"), "lost the story in:\n{body}");
}

#[test]
fn a_short_article_keeps_its_picture_caption_as_a_caption() {
    // Three short paragraphs and one captioned picture: the caption is the picture's, not a
    // picture story's text, however little else the article has.
    let page = r#"<html><head><title>Harbour dredging resumes</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour dredging resumes</h1><div class="article-body">
<p>The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened.</p>
<figure><img src="a.jpg"><figcaption>A dredger in the outer harbour on Friday. <span class="credit">Photo: Sam Ortiz</span></figcaption></figure>
<p>Ferry operators said fares would rise by a tenth from June to pay for the longer crossings.</p>
<p>The council will debate the works on Tuesday, when the harbour master gives a new timetable.</p>
</div></article></body></html>"#;
    let (article, _) = extract("short.html", page.as_bytes());
    let body = body_text(&article);
    assert!(!body.contains("A dredger"), "the caption is in the body:\n{body}");
    assert_eq!(article.body().count(), 3, "lost article text:\n{body}");
    assert!(
        article.blocks.iter().any(|b| b.kind == BlockKind::Caption && b.text.starts_with("A dredger")),
        "lost the caption: {:?}",
        article.blocks.iter().map(|b| (b.kind, &b.text)).collect::<Vec<_>>()
    );
}

#[test]
fn picture_captions_and_credits_are_kept_apart_from_the_body_and_a_story_told_in_captions_is_them() {
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="article-body">{}
<figure><img src="a.jpg"><figcaption>A dredger in the outer harbour on Friday. <span>Photo: Sam Ortiz</span></figcaption></figure>
{}
<div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">The pier seen from the lighthouse at dawn.</p></div>
<div class="photo-credit">Pictures: Harbour Authority</div>
{}
<div class="article-image"><img src="c.jpg"><div class="info">The harbour master on the quay.</div></div>
<div class="text-with-image"><img src="d.jpg">{}</div></div></article>
</body></html>"#,
        numbered_paragraphs(1, 2, ""),
        numbered_paragraphs(3, 4, ""),
        numbered_paragraphs(5, 6, ""),
        // Near miss: paragraphs set beside a picture in a box named for it are still the story.
        numbered_paragraphs(7, 9, "")
    );
    let (article, _) = extract("captions.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=9 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    for gone in [
        "A dredger in the outer harbour",
        "Sam Ortiz",
        "The pier seen from",
        "Pictures: Harbour",
        "The harbour master",
    ] {
        assert!(!body.contains(gone), "kept the caption “{gone}” in the body:\n{body}");
        assert!(
            article.blocks.iter().any(|b| b.kind == BlockKind::Caption && b.text.contains(gone)),
            "lost the caption “{gone}”: {:?}",
            article.blocks.iter().map(|b| (b.kind, &b.text)).collect::<Vec<_>>()
        );
    }

    // Near miss: a picture story, a line of introduction and long captions, is its captions.
    let figures: String = (1..=4)
        .map(|n| format!("<figure><img src=\"{n}.jpg\"><figcaption>Picture {n}: the rescuers crawl across the ice on ladders, tied to each other with a rope, while the dog waits in the water.</figcaption></figure>"))
        .collect();
    let page = format!(
        r#"<html><head><title>Dog rescued from ice</title></head><body>
<article><h1>Dog rescued from ice</h1><div class="article-body"><p>A dog fell through the ice of the lake, and firefighters pulled her out.</p>{figures}</div></article>
</body></html>"#
    );
    let (article, _) = extract("picture-story.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.contains("Picture 4: the rescuers"), "lost the captions of a picture story in:\n{body}");
}

#[test]
fn a_paragraph_boxed_on_its_own_keeps_its_linked_words_and_a_teaser_card_does_not() {
    // Each paragraph in a box of its own, a third of its words linking sources: the story.
    let boxed: String = (1..=5)
        .map(|n| format!(r#"<div class="block"><p>Boxed paragraph {n}: the <a href="/a">harbour authority</a> said on Friday, in <a href="/b">a statement to shareholders</a>, that dredging would resume next month.</p></div>"#))
        .collect();
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="article-body">{}{boxed}
<div class="card"><h3><a href="/c">Ferry fares rise again on the island routes</a></h3><p>Operators blame fuel, and passengers <a href="/d">say they will drive instead</a>.</p></div>
</div></article>
</body></html>"#,
        numbered_paragraphs(1, 4, "")
    );
    let (article, _) = extract("boxed.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=5 {
        assert!(body.contains(&format!("Boxed paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Ferry fares"), "kept the teaser card in:\n{body}");
}

#[test]
fn a_date_line_heading_the_article_is_removed_and_dates_in_the_text_are_kept() {
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="article-body"><div class="stamp">21.04.2024, 20:24 Uhr</div>{}
<p>Meetings of the harbour board:</p><p>Monday, November 25, 2024 at 3:00 PM</p>{}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 3, ""),
        numbered_paragraphs(4, 5, "")
    );
    let (article, _) = extract("date-line.html", page.as_bytes());
    let body = body_text(&article);
    assert!(!body.contains("20:24 Uhr"), "kept the date line in:\n{body}");
    assert_eq!(removed_as(&article, "20:24 Uhr"), Some(NoiseKind::ArticleInfo));
    // Near miss: a date the text lists below its first paragraph is the text's.
    assert!(body.contains("Monday, November 25, 2024"), "lost the meeting's date in:\n{body}");
    assert!(body.contains("Chunk paragraph 5:"), "lost the story in:\n{body}");
}

#[test]
fn two_paragraphs_classed_paywall_are_the_story_and_two_readers_comments_are_not() {
    let comments: String = (1..=2)
        .map(|n| format!(r#"<div class="comment"><p>Reader comment {n}: the works were promised for last year, and the council has still not said who will pay for them, which is a scandal.</p></div>"#))
        .collect();
    let page = format!(
        r#"<html><head><title>Harbour dredging</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="body">{}{}{}</div>
<div class="comments">{comments}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 3, ""),
        numbered_paragraphs(4, 5, r#"class="paywall""#),
        numbered_paragraphs(6, 6, "")
    );
    let (article, _) = extract("two-paywall.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=6 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Reader comment"), "kept the comments in:\n{body}");
}

/// A page rendered in the browser: without JavaScript it shows a title and a loading note, and its
/// story sits as HTML in a JSON string of the framework's state, escaped as such pages escape it.
fn script_state_page(story_html: &str, visible: &str) -> String {
    let json = serde_json::to_string(story_html).unwrap().replace('<', "\\u003c").replace('>', "\\u003e");
    format!(
        r#"<html><head><title>Harbour dredging resumes | The Bay Courier</title></head><body>
<div id="app"><h1>Harbour dredging resumes</h1><p>Loading…</p>{visible}</div>
<script>window.__STATE__ = {{"queries":[{{"state":{{"data":{{"article":{{"id":"A17","section":"local","contentHtml":{json},"imageCount":2}}}}}}}}]}};</script>
</body></html>"#
    )
}

#[test]
fn a_story_the_page_keeps_only_in_its_script_state_is_read_from_there_with_its_bytes() {
    let story = numbered_paragraphs(1, 5, r#"class="editor-p""#);
    let page = script_state_page(&format!(r#"<div class="body">{story}</div>"#), "");
    let (article, source) = extract("client-rendered.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=5 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Loading"), "kept the loading note in:\n{body}");
    // Each kept paragraph traces back to the JSON string in the script, not to the visible page.
    let string_start = page.find(r#""\u003cdiv"#).unwrap();
    let string_end = page.find(r#","imageCount""#).unwrap();
    for block in article.body() {
        for seg in source.segments.iter().filter(|s| s.start < block.end && s.end > block.start) {
            assert_eq!((seg.raw_start, seg.raw_end), (string_start, string_end), "{}", block.text);
        }
    }
}

#[test]
fn a_visible_story_wins_over_script_data_and_a_script_of_code_is_never_an_article() {
    // Near miss 1: the page shows its story; a preloaded other story in the state is not read.
    let other = numbered_paragraphs(1, 5, "").replace("Chunk paragraph", "Preloaded story");
    let visible = format!(r#"<div class="body">{}</div>"#, numbered_paragraphs(1, 4, ""));
    let page = script_state_page(&other, &visible);
    let (article, _) = extract("shown.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.contains("Chunk paragraph 4:"), "lost the shown story in:\n{body}");
    assert!(!body.contains("Preloaded story"), "read the script's other story into:\n{body}");
    // Near miss 2: a page that shows little and keeps a long template of code in a string.
    let code: String = (1..=40)
        .map(|n| {
            format!("function step{n}(a, b) {{ var x = a + b; if (x > {n}) {{ return x; }} return b; }} ")
        })
        .collect();
    let page = script_state_page(&code, "<p>A short note under the headline, a sentence long.</p>");
    let outcome = html::extract_page(&html::PageInput {
        name: "code.html",
        bytes: page.as_bytes(),
        charset: None,
        url: None,
    });
    let body = outcome.article.as_ref().map(|(a, _)| body_text(a)).unwrap_or_default();
    assert!(!body.contains("function step"), "read code as the article:\n{body}");
    assert!(
        !outcome.diagnostics.iter().any(|d| d.message.contains("script data")),
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn a_story_stated_only_as_json_ld_article_body_is_read_one_paragraph_per_line() {
    let body: Vec<String> = (1..=8)
        .map(|n| format!("Line paragraph {n}: the ferry operator said on Tuesday that winter sailings would run twice a day, that fares would stay as they are, and that the old pier would close."))
        .collect();
    let ld = serde_json::json!({"@type": "NewsArticle", "headline": "Ferry timetable", "articleBody": body.join("\n")});
    let page = format!(
        r#"<html><head><title>Ferry timetable</title><script type="application/ld+json">{ld}</script></head>
<body><div id="root"><h1>Ferry timetable</h1><noscript>Please enable JavaScript.</noscript></div></body></html>"#
    );
    let (article, _) = extract("ld-only.html", page.as_bytes());
    let paragraphs: Vec<&str> = article.body().map(|b| b.text.as_str()).collect();
    assert_eq!(paragraphs.len(), 8, "{paragraphs:?}");
    assert!(paragraphs[7].starts_with("Line paragraph 8:"), "{paragraphs:?}");
}

#[test]
fn a_fact_box_inside_the_story_is_set_apart_however_long_and_a_page_of_only_the_box_keeps_it() {
    // A box of background facts in the body, as long as the story itself (a speech's transcript).
    let transcript: String = (1..=6)
        .map(|n| format!("<p>Transcript line {n}: the minister said that the new ferry timetable, which starts in spring, would add two crossings a day, and that fares would stay as they are.</p>"))
        .collect();
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<article><h1>Harbour dredging resumes</h1><div class="article-body">{}
<div class="story-factbox"><h2>The minister's statement in full</h2><div class="factbox-content">{transcript}</div></div>
<div class="info-box"><h3>Background</h3><ul><li>The channel was last deepened in 1998, at a cost of four million.</li><li>Dredging stops in the breeding season.</li></ul></div>
{}</div></article>
</body></html>"#,
        numbered_paragraphs(1, 3, ""),
        numbered_paragraphs(4, 5, "")
    );
    let (article, _) = extract("fact-box.html", page.as_bytes());
    let body = body_text(&article);
    for n in 1..=5 {
        assert!(body.contains(&format!("Chunk paragraph {n}:")), "lost paragraph {n} in:\n{body}");
    }
    assert!(!body.contains("Transcript line"), "kept the fact box's transcript in:\n{body}");
    assert!(!body.contains("last deepened in 1998"), "kept the background box in:\n{body}");
    assert_eq!(removed_as(&article, "Transcript line 3"), Some(NoiseKind::Sidebar));

    // Near miss: a page whose only text is such a box has no story around it to prefer.
    let alone = format!(
        r#"<html><head><title>The minister's statement</title></head><body>
<article><h1>The minister's statement</h1><div class="article-body"><div class="infobox">{transcript}</div></div></article>
</body></html>"#
    );
    let (article, _) = extract("fact-box-alone.html", alone.as_bytes());
    let body = body_text(&article);
    assert!(body.contains("Transcript line 6:"), "lost the only text in:\n{body}");
}

#[test]
fn a_boxed_sentence_that_links_most_of_its_words_is_kept_and_a_boxed_link_is_not() {
    let boxed =
        |text: &str| format!(r#"<div class="text-block"><div class="inner"><p>{text}</p></div></div>"#);
    let story: String = (1..=4)
        .map(|n| boxed(&format!("Boxed paragraph {n}: the harbour authority said on Friday, in a statement to shareholders, that dredging would resume next month.")))
        .collect();
    let boxes = [
        r#"Under the 1998 charter <a href="/charter">any member port can ask the harbour board to review a dredging plan</a>, its main decision-making body."#,
        // An interview's question, short, links most of its words too.
        r#"Why did the board <a href="/plan">turn away from the old dredging plan</a>?"#,
        // Near misses: a pointer to another story, and a line too short to be more than a teaser.
        r#"Read more: <a href="/ferries">Ferry fares rise again on the island routes as fuel costs climb for operators.</a>"#,
        r#"Our view: <a href="/view">tolls are too high</a>."#,
    ];
    let boxes: String = boxes.iter().map(|b| boxed(b)).collect();
    let page = format!(
        r#"<html><head><title>Harbour dredging resumes</title></head><body>
<article><h1>Harbour dredging resumes</h1>{story}{boxes}</article>
</body></html>"#
    );
    let (article, _) = extract("linked-sentence.html", page.as_bytes());
    let body = body_text(&article);
    assert!(body.contains("Under the 1998 charter"), "lost the linked sentence in:\n{body}");
    assert!(body.contains("Why did the board"), "lost the linked question in:\n{body}");
    assert!(body.contains("Boxed paragraph 4:"), "lost the story in:\n{body}");
    assert!(!body.contains("Ferry fares"), "kept the boxed link in:\n{body}");
    assert!(!body.contains("Our view"), "kept the teaser line in:\n{body}");
}
