//! Browser IO: fetching and decoding the corpus bundle, or a chunked corpus's manifest and the
//! chunks its views name. Nothing else in the app touches the network.

use std::rc::Rc;

use parallax_engine::chunked::{ChunkId, Needed, Reader};
use parallax_engine::Bundle;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chunked_view::ChunkedExplorer;
use crate::state::Explorer;

/// Where the bundle sits, relative to `index.html` (so sub-path hosting works).
pub const DEFAULT_BUNDLE_URL: &str = "corpus.plx";

/// The `<meta name=…>` that `parallax site --chunks` adds to `index.html`; its `content` is the
/// chunk folder (relative to the page, ending in `/`).
pub const CHUNKED_META: &str = "parallax-chunks";

/// Where the app gets its corpus from.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleSource {
    /// Fetch it from this URL (relative to the page).
    Url(String),
    /// Already in memory (tests, or a bundle the user dropped in).
    Bytes(Rc<Vec<u8>>),
    /// A chunked corpus in this folder (relative to the page, ending in `/`): its manifest first,
    /// then the chunks each view needs.
    Chunked(String),
}

/// The source the page was built for: a chunked corpus when `index.html` says so (a `parallax
/// site --chunks` output), else the bundle beside it.
pub fn page_source() -> BundleSource {
    let folder = gloo::utils::document()
        .query_selector(&format!("meta[name=\"{CHUNKED_META}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|folder| crate::chunked_view::is_chunk_folder(folder));
    match folder {
        Some(folder) => BundleSource::Chunked(folder),
        None => BundleSource::Url(DEFAULT_BUNDLE_URL.into()),
    }
}

/// Loads and decodes the bundle. The error is a sentence for the page, naming what to do.
pub async fn load(source: &BundleSource) -> Result<Bundle, String> {
    decode_in_steps(&bundle_bytes(source).await?).await
}

/// The bundle's bytes: fetched, or the ones given. The error is a sentence for the page.
pub async fn bundle_bytes(source: &BundleSource) -> Result<Rc<Vec<u8>>, String> {
    match source {
        BundleSource::Bytes(bytes) => Ok(bytes.clone()),
        BundleSource::Url(url) => Ok(Rc::new(fetch_bytes(url, "The corpus bundle").await?)),
        BundleSource::Chunked(_) => {
            Err("This corpus is chunked: it opens from its manifest, not as one bundle. Reload the page."
                .into())
        }
    }
}

/// Fetches a chunked corpus's manifest and opens it.
pub async fn open_chunked(folder: &str) -> Result<ChunkedExplorer, String> {
    let url = format!("{folder}{}", parallax_engine::chunked::MANIFEST_NAME);
    let bytes = fetch_bytes(&url, "The corpus manifest").await?;
    let reader = Reader::open(&bytes).map_err(|e| sentence(&e.to_string()))?;
    Ok(ChunkedExplorer::new(reader, folder))
}

/// Answers a view from a chunked corpus: asks `view`, and while it names missing chunks, fetches
/// them all in parallel and hands them to the reader, then asks again. The error is a sentence for
/// the view (a missing, stale or corrupt chunk), never a panic.
pub async fn resolve<T>(
    explorer: &ChunkedExplorer,
    mut view: impl FnMut(&mut Reader) -> Result<T, Needed>,
) -> Result<T, String> {
    let needed = match view(&mut explorer.reader.borrow_mut()) {
        Ok(answer) => return Ok(answer),
        Err(needed) => needed,
    };
    resolve_after(explorer, needed, view).await
}

/// [`resolve`] for a view already asked once, which named the chunks `needed`: fetches them first
/// (a caller that asks synchronously, to answer at once when nothing is missing, does not ask
/// twice).
pub async fn resolve_after<T>(
    explorer: &ChunkedExplorer,
    mut needed: Needed,
    mut view: impl FnMut(&mut Reader) -> Result<T, Needed>,
) -> Result<T, String> {
    // A search needs two or three rounds (dictionary, then shards and articles); more means a
    // reader that keeps asking, which must not spin forever.
    const ROUNDS: usize = 8;
    for _ in 0..ROUNDS {
        fetch_needed(explorer, needed).await?;
        needed = match view(&mut explorer.reader.borrow_mut()) {
            Ok(answer) => return Ok(answer),
            Err(needed) => needed,
        };
    }
    Err("The corpus kept asking for more files than this page should need; reload the page.".into())
}

/// One round of [`resolve`]: fetches the chunks a view named, in parallel, and hands them to the
/// reader. It is boxed and not generic, so the wasm holds one copy of the fetching and its futures
/// for every view rather than one per answer type (seven views used to compile seven).
fn fetch_needed<'a>(
    explorer: &'a ChunkedExplorer,
    needed: Needed,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + 'a>> {
    Box::pin(async move {
        if needed.chunks.is_empty() {
            return Err("This corpus does not hold what this page asks for.".to_string());
        }
        let names: Vec<(ChunkId, String)> = {
            let reader = explorer.reader.borrow();
            needed.chunks.iter().map(|&id| (id, reader.chunk_name(id))).collect()
        };
        let fetches = names.iter().map(|(_, name)| {
            let url = format!("{}{name}", explorer.folder);
            async move { fetch_bytes(&url, "A corpus file").await }
        });
        let arrived = futures::future::join_all(fetches).await;
        for ((id, _), bytes) in names.iter().zip(arrived) {
            let bytes = bytes?;
            explorer.reader.borrow_mut().add(*id, &bytes).map_err(|e| sentence(&e.to_string()))?;
        }
        Ok(())
    })
}

/// Fetches one file's bytes; `what` names it in the error sentence.
pub async fn fetch_bytes(url: &str, what: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| {
        format!("{what} ({url}) could not be downloaded: {e}. Check your connection and reload.")
    })?;
    if !response.ok() {
        return Err(format!(
            "{what} ({url}) could not be downloaded: the server answered {} {}. \
             Rebuild the site with `parallax site` or `trunk build`.",
            response.status(),
            response.status_text()
        ));
    }
    let bytes = response
        .binary()
        .await
        .map_err(|e| format!("{what} ({url}) could not be read: {e}. Reload the page."))?;
    if !is_gzip(&bytes) {
        return Ok(bytes);
    }
    match gunzip(&js_sys::Uint8Array::from(bytes.as_slice())).await {
        Ok(out) if out.is_null() => Err(format!(
            "{what} ({url}) is compressed, and this browser cannot decompress it (it has no \
             DecompressionStream). Open the explorer in a current browser."
        )),
        Ok(out) => Ok(out.unchecked_into::<js_sys::Uint8Array>().to_vec()),
        // A damaged download goes on as it came: the engine then says the file is not the one the
        // corpus lists, as for any other damage.
        Err(_) => Ok(bytes),
    }
}

/// Whether a file is gzip (`parallax site --chunks` compresses its manifest and chunks; a
/// Parallax file itself starts with `PARALLAX` or `PLXCHUNK`).
fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The bytes decompressed, `null` where the browser cannot, an exception when they are not gzip.
/// Made with `Function`, not `inline_js`: the extras module (a no-modules bundle) reads chunks too.
async fn gunzip(bytes: &js_sys::Uint8Array) -> Result<JsValue, JsValue> {
    thread_local! {
        static GUNZIP: js_sys::Function = js_sys::Function::new_with_args(
            "bytes",
            "if (typeof DecompressionStream === 'undefined') return Promise.resolve(null); \
             const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')); \
             return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));",
        );
    }
    let promise = GUNZIP.with(|f| f.call1(&JsValue::NULL, bytes))?;
    wasm_bindgen_futures::JsFuture::from(promise.unchecked_into::<js_sys::Promise>()).await
}

/// Resolves in a task of its own, queued behind what the browser has waiting (a message on a
/// `MessageChannel`: unlike `setTimeout(0)`, never held back 4 ms when called again and again).
/// Made with `Function`, not `inline_js`, as the extras module (a no-modules bundle, which cannot
/// import JS snippets) waits for it too.
pub async fn next_task() {
    let promise = NEXT_TASK.with(|make| make.call0(&JsValue::NULL));
    if let Ok(promise) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(promise.unchecked_into::<js_sys::Promise>()).await;
    }
}

thread_local! {
    static NEXT_TASK: js_sys::Function = js_sys::Function::new_no_args(
        "return new Promise((ok) => { const channel = new MessageChannel(); \
         channel.port1.onmessage = () => ok(); channel.port2.postMessage(null); });",
    );
}

/// Decodes a bundle; the error is a sentence for the page.
pub fn decode(bytes: &[u8]) -> Result<Bundle, String> {
    parallax_engine::bundle::decode(bytes).map_err(|e| sentence(&e.to_string()))
}

/// Checks a bundle's signature, version, length and checksum, without decoding it; the error is a
/// sentence for the page.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    parallax_engine::bundle::payload(bytes).map(drop).map_err(|e| sentence(&e.to_string()))
}

/// [`decode`] in tasks of at most about [`SLICE_MS`] of the page's thread (the checksum, then the
/// payload a few articles or mentions at a time, then each part's consistency check), with the
/// browser free to draw and answer input between them: opening a large bundle or an imported
/// collection never holds the page for the whole decode. The bundle is returned in a task of its
/// own, so what the caller does with it (derive the page data, draw) does not add to the last
/// slice.
pub async fn decode_in_steps(bytes: &[u8]) -> Result<Bundle, String> {
    use parallax_engine::bundle::{self, steps::Opening};
    let say = |e: bundle::BundleError| sentence(&e.to_string());
    // The checksum in a task of its own: the caller has just read or copied the bytes.
    next_task().await;
    let payload = bundle::payload(bytes).map_err(say)?;
    let mut opening = Opening::new(payload).map_err(say)?;
    loop {
        next_task().await;
        let started = now();
        while now() - started < SLICE_MS {
            if let Some(bundle) = opening.step(STEP_BYTES).map_err(say)? {
                next_task().await;
                return Ok(bundle);
            }
        }
    }
}

/// [`Explorer::new`] over a bundle [`decode_in_steps`] gave, with every article's words counted
/// ([`Explorer::words`]) in tasks of at most about [`SLICE_MS`]: the home page shows every card's
/// count, and counting 100 long articles in its first render held the page's thread 30 ms.
pub async fn explore_in_steps(bundle: Bundle) -> Explorer {
    let explorer = Explorer::new(bundle);
    let mut next = 0;
    while next < explorer.bundle.articles.len() {
        next_task().await;
        let started = now();
        next = explorer.count_words_from(next, || now() - started < SLICE_MS);
    }
    explorer
}

/// The page's clock, in milliseconds.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// How long one task of [`decode_in_steps`] may decode before it lets the browser in: short, since
/// on a busy machine a task's wall time is several times its own (2 cores shared, 20 ms slices of
/// an imported collection's decode were 60-240 ms tasks).
pub const SLICE_MS: f64 = 8.0;
/// Payload bytes decoded between two looks at the clock (a few articles, or a few thousand
/// mentions checked).
const STEP_BYTES: usize = 16 * 1024;

/// What a thrown JS value says: an `Error`'s message, or the value itself if it is a string.
pub fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// An engine error as a sentence: capitalised, with a full stop.
fn sentence(message: &str) -> String {
    let mut message = message.to_string();
    if let Some(first) = message.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    message + "."
}

/// The chunks of a chunked corpus known so far as (URL relative to the page, bytes): those the
/// manifest lists, and the article chunks of the directory pages at hand.
pub fn chunk_list(explorer: &ChunkedExplorer) -> Vec<(String, u64)> {
    let known = explorer.reader.borrow().known_chunks();
    known.into_iter().map(|(name, len)| (format!("{}{name}", explorer.folder), len)).collect()
}

/// Every chunk of a chunked corpus as (URL relative to the page, bytes): what "Make this corpus
/// available offline" downloads. Fetches the directory pages that list the article chunks.
pub async fn all_chunks(explorer: &ChunkedExplorer) -> Result<Vec<(String, u64)>, String> {
    let all = resolve(explorer, |reader| reader.all_chunks()).await?;
    Ok(all.into_iter().map(|(name, len)| (format!("{}{name}", explorer.folder), len)).collect())
}

/// The page's helpers for the chunk cache (`window.parallaxChunkCache`, assets/sw-register.js),
/// where the browser has service workers.
fn chunk_cache() -> Option<js_sys::Object> {
    let value = js_sys::Reflect::get(&gloo::utils::window(), &"parallaxChunkCache".into()).ok()?;
    wasm_bindgen::JsCast::dyn_into::<js_sys::Object>(value).ok()
}

fn js_chunk_list(chunks: &[(String, u64)]) -> js_sys::Array {
    chunks
        .iter()
        .map(|(url, len)| {
            let pair = js_sys::Array::new();
            pair.push(&url.as_str().into());
            pair.push(&(*len as f64).into());
            pair
        })
        .collect()
}

/// Calls `parallaxChunkCache[method](args…)` and awaits its promise: `{files, bytes}`.
async fn call_chunk_cache(method: &str, args: &js_sys::Array) -> Result<(usize, u64), String> {
    use wasm_bindgen::JsCast;
    let cache = chunk_cache().ok_or("This browser cannot keep files offline (no service workers).")?;
    let function: js_sys::Function = js_sys::Reflect::get(&cache, &method.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("The offline helper is missing; reload the page.")?;
    let promise: js_sys::Promise = function
        .apply(&cache, args)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or("The offline helper did not start; reload the page.")?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| {
        let why = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
        format!(
            "Not every file could be saved: {}. Check your connection and try again.",
            why.unwrap_or_default()
        )
    })?;
    let number =
        |key: &str| js_sys::Reflect::get(&answer, &key.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    Ok((number("files") as usize, number("bytes") as u64))
}

/// How many of these chunks (and their bytes) this browser has cached, where it can cache.
pub async fn chunk_cache_status(chunks: &[(String, u64)]) -> Option<(usize, u64)> {
    chunk_cache()?;
    call_chunk_cache("status", &js_sys::Array::of1(&js_chunk_list(chunks))).await.ok()
}

/// Downloads and caches every chunk not cached yet; `progress(files, bytes)` after each.
pub async fn make_offline(
    chunks: &[(String, u64)],
    progress: impl Fn(usize, u64) + 'static,
) -> Result<(usize, u64), String> {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(f64, f64)>::new(move |files: f64, bytes: f64| {
        progress(files as usize, bytes as u64)
    });
    let args = js_sys::Array::of2(&js_chunk_list(chunks), callback.as_ref());
    let done = call_chunk_cache("fill", &args).await;
    drop(callback);
    done
}
