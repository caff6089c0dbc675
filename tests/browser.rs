//! Component wiring, in headless Chromium (wasm-bindgen-test): the real app, mounted on a page,
//! fed a bundle the engine builds in the browser from the seed corpus.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use gloo::timers::future::sleep;
use parallax_app::{App, AppProps, BundleSource};
use parallax_engine::{build_bundle, bundle, SourceInput};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: [(&str, &[u8]); 5] = [
    ("000_2d3b9b3467db4aba.txt", include_bytes!("../corpus/raw/000_2d3b9b3467db4aba.txt")),
    ("001_d2e19b6ea0786cc9.txt", include_bytes!("../corpus/raw/001_d2e19b6ea0786cc9.txt")),
    ("002_c04a330116f36208.txt", include_bytes!("../corpus/raw/002_c04a330116f36208.txt")),
    ("003_36608b7a05c5052e.txt", include_bytes!("../corpus/raw/003_36608b7a05c5052e.txt")),
    ("004_36f5514f5c1125ed.txt", include_bytes!("../corpus/raw/004_36f5514f5c1125ed.txt")),
];

fn seed_bundle() -> parallax_engine::Bundle {
    let sources: Vec<SourceInput<'_>> =
        SEED.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle(&sources, include_str!("../corpus/entities.toml")).bundle
}

/// Mounts the app on a fresh element at the given hash, and returns that element.
fn mount(hash: &str, source: BundleSource) -> Element {
    let document = gloo::utils::document();
    let _ = gloo::utils::window().location().set_hash(hash);
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps { source, chunked: None, bundle: Some(parallax_app::bundle_support()) },
    )
    .render();
    root
}

/// Mounts the extras module's page for `hash` (article pages and search results are drawn by it,
/// `pages::deferred`, not by the explorer's first-visit wasm) on a fresh element, over `bytes`.
fn mount_deferred(hash: &str, bytes: Rc<Vec<u8>>) -> Element {
    use parallax_app::pages::deferred::{DeferredPage, DeferredProps, View};
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::document().body().unwrap().append_child(&root).unwrap();
    let props = DeferredProps {
        view: View::Page,
        route: parallax_app::state::Route::parse(hash),
        source: BundleSource::Bytes(bytes),
        key: hash.to_string(),
        known: None,
    };
    yew::Renderer::<DeferredPage>::with_root_and_props(root.clone(), props).render();
    root
}

/// Waits (up to 5 s) until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Ok(Some(found)) = root.query_selector(selector) {
            return found;
        }
        sleep(Duration::from_millis(50)).await;
    }
    panic!("{selector} never appeared; page is: {}", root.inner_html());
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).map(|l| l.length()).unwrap_or(0)
}

#[wasm_bindgen_test]
async fn home_lists_the_seven_seed_articles_grouped_by_outlet() {
    let bytes = Rc::new(bundle::encode(&seed_bundle()));
    let root = mount("#/", BundleSource::Bytes(bytes));
    wait_for(&root, ".article-list").await;
    assert_eq!(count(&root, ".article-card"), 7);
    let groups = root.query_selector_all(".outlet-group h2").unwrap();
    assert!(groups.length() >= 2, "articles are grouped by outlet");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_article_opens_by_deep_link_and_shows_its_noise_on_request() {
    let bundle = seed_bundle();
    let article =
        bundle.articles.iter().find(|a| !a.removed.is_empty()).expect("some article has noise").clone();
    let root = mount_deferred(&format!("#/article/{}", article.id), Rc::new(bundle::encode(&bundle)));
    let title = wait_for(&root, ".article-title").await;
    assert_eq!(title.text_content().unwrap_or_default(), article.title.text);
    assert_eq!(count(&root, ".noise"), 0, "noise is hidden by default");

    let toggle: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(wait_for(&root, "#noise-toggle").await);
    toggle.click();
    wait_for(&root, ".noise").await;
    assert_eq!(count(&root, ".noise"), article.removed.len() as u32);
    let reason = wait_for(&root, ".noise .noise-reason").await.text_content().unwrap_or_default();
    assert!(!reason.is_empty(), "each removed span says why");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_corrupt_bundle_shows_an_error_not_a_blank_page() {
    let mut bytes = bundle::encode(&seed_bundle());
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    let root = mount("#/", BundleSource::Bytes(Rc::new(bytes)));
    let error = wait_for(&root, "[role=alert]").await;
    assert!(error.text_content().unwrap_or_default().contains("corrupt"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_missing_bundle_says_the_download_failed() {
    let root = mount("#/", BundleSource::Url("no-such-bundle.plx".into()));
    let error = wait_for(&root, "[role=alert]").await;
    assert!(error.text_content().unwrap_or_default().contains("could not be downloaded"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_search_link_shows_ranked_results_with_highlighted_snippets() {
    let bytes = Rc::new(bundle::encode(&seed_bundle()));
    let root = mount_deferred("#/search?q=Kadhemi", bytes);
    wait_for(&root, ".result").await;
    assert_eq!(count(&root, ".result"), 5, "Kadhemi finds every Kadhimi article");
    assert!(count(&root, ".snippet mark.hit") >= 5);
    root.remove();
}

#[wasm_bindgen_test]
async fn article_mentions_link_to_their_entity_page() {
    let bytes = Rc::new(bundle::encode(&seed_bundle()));
    let root = mount_deferred("#/article/kadhimi-biden-to-meet-soon-discuss", bytes);
    let link = wait_for(&root, "a.ent-person").await;
    let href = link.get_attribute("href").unwrap_or_default();
    assert!(href.starts_with("#/entity/"), "{href}");
    assert!(link.get_attribute("data-card").unwrap_or_default().contains("Person"));
    root.remove();
}

/// Elements matching `selector` whose text starts with `prefix`.
fn count_text(root: &Element, selector: &str, prefix: &str) -> u32 {
    let Ok(list) = root.query_selector_all(selector) else { return 0 };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter(|node| node.text_content().unwrap_or_default().starts_with(prefix))
        .count() as u32
}

/// Waits (up to 60 s) until `selector` matches `n` elements inside `root`: the home page draws
/// its story cards after its pictures, which a debug build takes a while over on 300 articles.
async fn wait_for_count(root: &Element, selector: &str, n: u32) {
    for _ in 0..600 {
        if count(root, selector) == n {
            return;
        }
        sleep(Duration::from_millis(100)).await;
    }
    panic!("{selector}: {} of {n}; page is: {}", count(root, selector), root.inner_html());
}

#[wasm_bindgen_test]
async fn home_shows_story_cards_a_page_at_a_time_and_long_stories_link_to_all_their_articles() {
    let files = parallax_engine::synth::corpus(300, 7);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let mut bundle = build_bundle(&sources, "").bundle;
    // A synthetic story has at most a handful of reports: the first one shown grows to 16 (the
    // other articles stay in their own stories too), so its card lists 12 and links to all 16.
    let first = bundle.stories.iter().position(|s| s.articles.len() >= 2).expect("a story");
    let others: Vec<_> = bundle
        .articles
        .iter()
        .map(|a| a.id.clone())
        .filter(|id| !bundle.stories[first].articles.contains(id))
        .collect();
    let grow = 16 - bundle.stories[first].articles.len();
    bundle.stories[first].articles.extend(others.into_iter().take(grow));
    // Sizes of the stories the home page shows (two or more articles), in its order.
    let shared: Vec<usize> = bundle.stories.iter().map(|s| s.articles.len()).filter(|&n| n >= 2).collect();
    assert!(shared.len() > 12, "the synthetic corpus has {} stories of two or more articles", shared.len());
    let long_in_first = |n: usize| shared.iter().take(n).filter(|&&len| len > 12).count() as u32;
    assert_eq!(long_in_first(12), 1);
    let root = mount("#/", BundleSource::Bytes(Rc::new(bundle::encode(&bundle))));
    wait_for_count(&root, ".story-card", 12).await;
    assert_eq!(count_text(&root, ".story-card a", "List all "), long_in_first(12));
    assert!(count_text(&root, ".story-card a", "List all 16 articles") == 1);
    let lists: Vec<u32> = (0..12)
        .map(|i| {
            let selector = format!(".story-card:nth-child({}) .story-articles li", i + 1);
            count(&root, &selector)
        })
        .collect();
    assert_eq!(lists[0], 12, "a card lists at most 12 articles");
    assert_eq!(lists[1..].iter().map(|&n| n as usize).collect::<Vec<_>>(), shared[1..12].to_vec());
    let more = wait_for(&root, "button.show-more-stories").await;
    let left = shared.len() - 12;
    assert_eq!(
        more.text_content().unwrap_or_default(),
        format!("Show {} more stories (of {})", left.min(12), shared.len())
    );
    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(more).click();
    let shown = shared.len().min(24);
    wait_for_count(&root, ".story-card", shown as u32).await;
    assert_eq!(count_text(&root, ".story-card a", "List all "), long_in_first(shown));
    assert_eq!(count(&root, "button.show-more-stories"), u32::from(shared.len() > 24));
    root.remove();
}
