//! The import worker's entry point (a Web Worker, loaded by trunk's loader shim
//! `import_worker_loader.js`). The protocol, all plain JS objects:
//!
//! - worker → page `{type: "ready"}` once the wasm is running (the page sends nothing before);
//! - page → worker `{files: [File…], names: [string…], base?: Uint8Array, known?: [string…]}`: the
//!   files and their relative paths; to add them to a collection, its bundle (`base`) and the names
//!   of the files its earlier imports read (`known`, refused again as already there). The files may
//!   come in several messages, all but the last `{files, names, more: true}`: the page's thread
//!   spends about half a millisecond per file handing it over (the browser looks up each file's
//!   size and date as it copies the message), so it sends a few files per task;
//! - worker → page `{type: "progress", done, total, articles, removed}` after each file is cleaned,
//!   `{type: "indexing"}` before the index, entities and stories are built;
//! - worker → page `{type: "done", bundle: Blob, reportBytes: Uint8Array, articles, added}` (a
//!   `Blob`, made here: the page stores it as it is, where making it there held the page 30 ms for
//!   4 MB; the report in postcard, transferred, which the page reads and stores as it is: reading
//!   200 files' report from JSON held the page 20 ms), or `{type: "failed", message}`.
//!
//! - page → worker `{site: "<folder name>", bundle: Uint8Array, reportBytes: Uint8Array, articles}`:
//!   a collection (its report in postcard; empty for one without a report) to export as a ready-to-host site; the worker fetches
//!   the explorer's own files from this origin and answers `{type: "site", zip: Uint8Array}` (a zip
//!   of the folder), or `failed`.
//!
//! Cancel is the page terminating the worker: nothing is stored until `done` arrives.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8Array};
use parallax_engine::Progress;
use parallax_import_worker::{build_onto, names_in, refusal, site, zip, Input, MAX_FILE_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// Least time between two progress messages, in milliseconds.
const PROGRESS_MS: f64 = 100.0;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let data = event.data();
        if let Some(folder) = Reflect::get(&data, &JsValue::from_str("site")).ok().and_then(|f| f.as_string())
        {
            wasm_bindgen_futures::spawn_local(async move {
                let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
                let reply = match export_site(&data, &folder).await {
                    Ok(zip) => {
                        let zip = Uint8Array::from(zip.as_slice());
                        let message = message_of(&[("type", "site".into()), ("zip", zip.clone().into())]);
                        if scope.post_message_with_transfer(&message, &Array::of1(&zip.buffer())).is_ok() {
                            return;
                        }
                        message_of(&[
                            ("type", "failed".into()),
                            ("message", "The site could not be handed to the page.".into()),
                        ])
                    }
                    Err(message) => message_of(&[("type", "failed".into()), ("message", message.into())]),
                };
                let _ = scope.post_message(&reply);
            });
            return;
        }
        let field = |name: &str| {
            Reflect::get(&data, &JsValue::from_str(name)).ok().and_then(|v| v.dyn_into::<Array>().ok())
        };
        let (Some(files), Some(names)) = (field("files"), field("names")) else {
            let message = "The import worker was sent something that is not a list of files.";
            let _ =
                scope.post_message(&message_of(&[("type", "failed".into()), ("message", message.into())]));
            return;
        };
        // The files sent so far in earlier messages, then these.
        let (all_files, all_names) =
            SENT.with(|sent| sent.borrow_mut().take()).unwrap_or_else(|| (Array::new(), Array::new()));
        for (file, name) in files.iter().zip(names.iter()) {
            all_files.push(&file);
            all_names.push(&name);
        }
        if Reflect::get(&data, &JsValue::from_str("more")).ok().is_some_and(|m| m.is_truthy()) {
            SENT.with(|sent| *sent.borrow_mut() = Some((all_files, all_names)));
            return;
        }
        let (files, names) = (all_files, all_names);
        let reply = match run(&files, &names, &data, &scope) {
            Ok(()) => return,
            Err(message) => message_of(&[("type", "failed".into()), ("message", message.into())]),
        };
        let _ = scope.post_message(&reply);
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let _ = scope.post_message(&message_of(&[("type", "ready".into())]));
}

thread_local! {
    /// Files and names of the messages marked `more` until the last one arrives.
    static SENT: RefCell<Option<(Array, Array)>> = const { RefCell::new(None) };
}

/// A plain JS object with these fields.
fn message_of(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Reads the files (each with its name), builds onto the `base` bundle `data` may hold, and posts
/// progress and the result. The error is a sentence for the page.
fn run(
    files: &Array,
    names: &Array,
    data: &JsValue,
    scope: &DedicatedWorkerGlobalScope,
) -> Result<(), String> {
    let field = |name: &str| {
        Reflect::get(data, &JsValue::from_str(name)).ok().and_then(|v| v.dyn_into::<Array>().ok())
    };
    let base = match Reflect::get(data, &JsValue::from_str("base"))
        .ok()
        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
    {
        Some(bytes) => parallax_engine::bundle::decode(&bytes.to_vec())
            .map_err(|why| format!("The collection to add to could not be read: {why}"))?,
        None => parallax_engine::Bundle::default(),
    };
    let mut known = names_in(&base);
    if let Some(names) = field("known") {
        known.extend(names.iter().filter_map(|n| n.as_string()));
    }
    let reader =
        FileReaderSync::new().map_err(|_| "This browser cannot read files in a worker.".to_string())?;
    let mut inputs = Vec::new();
    let mut refused = Vec::new();
    for (file, name) in files.iter().zip(names.iter()) {
        let Ok(file) = file.dyn_into::<File>() else { continue };
        let name = name.as_string().unwrap_or_else(|| file.name());
        if known.contains(&name) {
            refused.push((
                name,
                "is already in this collection (a file of the same name and folder); skipped".into(),
            ));
            continue;
        }
        if file.size() > MAX_FILE_BYTES {
            let mib = file.size() / (1024.0 * 1024.0);
            refused.push((
                name,
                format!("is {mib:.1} MiB, more than the 64 MiB limit; skipped without reading it"),
            ));
            continue;
        }
        let bytes = match reader.read_as_array_buffer(&file) {
            Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                refused
                    .push((name, "cannot be read (it was moved, deleted or is not a file); skipped".into()));
                continue;
            }
        };
        match refusal(&name, &bytes) {
            Some(why) => refused.push((name, why)),
            None => inputs.push(Input { name, bytes }),
        }
    }
    // At most one progress message per PROGRESS_MS (and the last file's): a message per file of a
    // 5,000-file folder would keep the page busy redrawing.
    let mut last_post = f64::NEG_INFINITY;
    let mut post_progress = |p: Progress<'_>| {
        let message = match p {
            Progress::Cleaned { done, total, articles, removed, .. } => {
                let now = js_sys::Date::now();
                if done < total && now - last_post < PROGRESS_MS {
                    return;
                }
                last_post = now;
                message_of(&[
                    ("type", "progress".into()),
                    ("done", (done as f64).into()),
                    ("total", (total as f64).into()),
                    ("articles", (articles as f64).into()),
                    ("removed", (removed as f64).into()),
                ])
            }
            Progress::Indexing => message_of(&[("type", "indexing".into())]),
            // The stages after cleaning (entities, search index, stories) read as one "indexing".
            Progress::Stage(stage) => message_of(&[("type", "indexing".into()), ("stage", stage.into())]),
        };
        let _ = scope.post_message(&message);
    };
    let out = build_onto(base, &inputs, &refused, &mut post_progress);
    let report_bytes =
        postcard::to_allocvec(&out.report).map_err(|e| format!("The report could not be written: {e}."))?;
    let report_bytes = Uint8Array::from(report_bytes.as_slice());
    let bundle = Uint8Array::from(out.bundle.as_slice());
    let bundle = Blob::new_with_u8_array_sequence(&Array::of1(&bundle))
        .map_err(|_| "The built collection could not be handed to the page.".to_string())?;
    let message = message_of(&[
        ("type", "done".into()),
        ("bundle", bundle.into()),
        ("reportBytes", report_bytes.clone().into()),
        ("articles", (out.articles as f64).into()),
        ("added", (out.added as f64).into()),
    ]);
    scope
        .post_message_with_transfer(&message, &Array::of1(&report_bytes.buffer()))
        .map_err(|_| "The built collection could not be handed to the page.".to_string())
}

/// The bytes of one of Parallax's own files, fetched from this origin (beside this worker).
async fn fetch_own(path: &str) -> Result<Vec<u8>, String> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let failed =
        || format!("Parallax's own file {path} could not be fetched (are you offline with an older copy?)");
    let response = JsFuture::from(scope.fetch_with_str(path)).await.map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let buffer =
        JsFuture::from(response.array_buffer().map_err(|_| failed())?).await.map_err(|_| failed())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The zip of the site `parallax site` would write for this collection, under `folder/`.
async fn export_site(data: &JsValue, folder: &str) -> Result<Vec<u8>, String> {
    let get = |name: &str| Reflect::get(data, &JsValue::from_str(name)).ok();
    let bundle = get("bundle").and_then(|b| b.dyn_into::<Uint8Array>().ok()).map(|b| b.to_vec());
    let report = get("reportBytes").and_then(|b| b.dyn_into::<Uint8Array>().ok()).map(|b| b.to_vec());
    let articles = get("articles").and_then(|a| a.as_f64()).unwrap_or(0.0) as usize;
    let (Some(bundle), Some(report)) = (bundle, report) else {
        return Err("The import worker was sent something that is not a collection.".into());
    };
    let report: parallax_engine::report::FilesReport = match report.as_slice() {
        [] => Default::default(),
        bytes => postcard::from_bytes(bytes)
            .map_err(|e| format!("The collection's report could not be read: {e}."))?,
    };
    let served = fetch_own(site::SW_FILE).await?;
    let (paths, code) = site::app_of(&String::from_utf8_lossy(&served))
        .map_err(|why| format!("The site could not be made: {why}."))?;
    let mut app = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = fetch_own(&path).await?;
        app.push((path, bytes));
    }
    let files: Vec<(String, Vec<u8>)> = site::site(app, &code, bundle, articles, &report)
        .into_iter()
        .map(|(path, bytes)| (format!("{folder}/{path}"), bytes))
        .collect();
    zip::store(&files).map_err(|why| format!("The site could not be zipped: {why}."))
}
