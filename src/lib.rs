//! Parallax's browser explorer: a yew single-page app over the corpus bundle.
//!
//! `app` holds the root component and the router, `state` the one reducible app state and the hash
//! routes, `io` everything that touches the network, `chunked_view` the views of a chunked corpus, `storage` what is remembered in localStorage,
//! `collections`/`collections_db` the reader's own collections (IndexedDB), `import` the import worker.
//! Pages and components only format and dispatch;
//! anything computed comes from `parallax_engine` or `state`.

// As in the engine: a public item's doc may name the private constant that decides it.
#![allow(rustdoc::private_intra_doc_links)]

pub mod app;
pub mod bench;
pub mod chunked_view;
pub mod collection_report;
pub mod collections;
pub mod collections_db;
pub mod compare_client;
pub mod compare_message;
pub mod compare_view;
pub mod compare_worker;
pub mod components;
pub mod extras;
pub mod extras_client;
pub mod first_view;
pub mod import;
pub mod io;
pub mod json;
pub mod pages;
pub mod pictures;
pub mod prerender;
pub mod state;
pub mod storage;

pub use app::{App, AppProps};
pub use io::BundleSource;

/// Mounts the explorer on the page's `#app` element (or `<body>` if there is none), loading the
/// bundle that sits beside `index.html`. This explorer holds no chunked reader: a page that names a
/// chunked corpus gets a message (see [`run_chunked`]).
pub fn run() {
    mount(AppProps { source: io::page_source(), chunked: None, bundle: Some(bundle_support()) });
}

/// The bundle decoder and home page that [`run`]'s explorer is given (and [`run_chunked`]'s is not).
pub fn bundle_support() -> app::BundleSupport {
    app::BundleSupport {
        open: |bytes| {
            Box::pin(async move {
                let bundle = io::decode_in_steps(&bytes).await?;
                Ok(state::Loaded(std::rc::Rc::new(io::explore_in_steps(bundle).await)))
            })
        },
        home: |corpus, by_date| yew::html! { <pages::home::Home corpus={corpus.clone()} {by_date} /> },
    }
}

/// [`run`] for a chunked site (`parallax site --chunks`, `src/bin/chunked_explorer.rs`): the same
/// explorer with the chunked reader and the chunked pages, opening the chunked corpus
/// `index.html` names.
pub fn run_chunked() {
    let chunked = app::ChunkedSupport {
        open: |folder| {
            Box::pin(async move {
                io::open_chunked(&folder)
                    .await
                    .map(|explorer| chunked_view::Chunks(std::rc::Rc::new(explorer)))
            })
        },
        page: pages::chunked::page,
    };
    mount(AppProps { source: io::page_source(), chunked: Some(chunked), bundle: None });
}

fn mount(props: AppProps) {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
