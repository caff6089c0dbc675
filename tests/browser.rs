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
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { source }).render();
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
    let root =
        mount(&format!("#/article/{}", article.id), BundleSource::Bytes(Rc::new(bundle::encode(&bundle))));
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
    let root = mount("#/search?q=Kadhemi", BundleSource::Bytes(bytes));
    wait_for(&root, ".result").await;
    assert_eq!(count(&root, ".result"), 5, "Kadhemi finds every Kadhimi article");
    assert!(count(&root, ".snippet mark.hit") >= 5);
    root.remove();
}

#[wasm_bindgen_test]
async fn article_mentions_link_to_their_entity_page() {
    let bytes = Rc::new(bundle::encode(&seed_bundle()));
    let root = mount("#/article/kadhimi-biden-to-meet-soon-discuss", BundleSource::Bytes(bytes));
    let link = wait_for(&root, "a.ent-person").await;
    let href = link.get_attribute("href").unwrap_or_default();
    assert!(href.starts_with("#/entity/"), "{href}");
    assert!(link.get_attribute("data-card").unwrap_or_default().contains("Person"));
    root.remove();
}
