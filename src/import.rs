//! Opening the reader's own files: the import worker (a second wasm module, `import-worker/`,
//! fetched only now), files and folders dropped on the page, `.plx` bundles opened as they are,
//! and a collection downloaded as a `.plx` file. Nothing here sends anything anywhere: files are
//! read in this browser and the worker is Parallax's own file from this origin.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use js_sys::{Array, Reflect, Uint8Array};
use parallax_engine::report::FilesReport;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};

/// The worker's loader, written by trunk beside `index.html` (fixed name: no content hash).
pub const WORKER_URL: &str = "import_worker_loader.js";

/// What the worker says while and after it builds.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportEvent {
    /// Another file is clean.
    Progress {
        /// Files cleaned.
        done: usize,
        /// Files being built (refused ones not counted).
        total: usize,
        /// Articles found so far.
        articles: usize,
        /// Pieces of noise removed so far.
        removed: usize,
    },
    /// Every file is clean; the index, entities and stories are being built.
    Indexing,
    /// The bundle and the per-file report.
    Done {
        /// Encoded bundle, as the worker made it (stored as it is; its bytes are read only if the
        /// page opens it).
        bundle: web_sys::Blob,
        /// Per-file report.
        report: FilesReport,
        /// The same report in postcard, as the worker wrote it (stored as it is, behind the
        /// stored report's header: `collection_report::record_of_postcard`).
        report_bytes: Vec<u8>,
        /// Articles in the bundle.
        articles: usize,
        /// Articles found in this import's files.
        added: usize,
    },
    /// The zip of a collection's site, asked for with [`ImportJob::export_site`].
    Site(Vec<u8>),
    /// The import failed; the sentence says why.
    Failed(String),
}

/// A running import. Dropping it (or [`ImportJob::cancel`]) stops the worker: nothing has been
/// stored yet at that point, so a cancelled import leaves nothing behind.
pub struct ImportJob {
    worker: Worker,
    /// Set when the job is dropped: the files not yet handed over are not sent.
    stopped: Rc<std::cell::Cell<bool>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for ImportJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ImportJob")
    }
}

impl Drop for ImportJob {
    fn drop(&mut self) {
        self.stopped.set(true);
        self.worker.terminate();
    }
}

/// How long one task may spend handing files to the worker before it lets the browser in.
const HANDOVER_MS: f64 = 8.0;

/// The page's clock, in milliseconds.
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn number(data: &JsValue, name: &str) -> usize {
    Reflect::get(data, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as usize
}

/// A collection to add files to: its bundle and the names of the files its imports read.
pub struct Base {
    /// The collection's encoded bundle.
    pub bundle: Vec<u8>,
    /// Files already read into it (their names are refused as already there).
    pub known: Vec<String>,
}

impl ImportJob {
    /// Starts the worker and, once it is ready, hands it `files` (each with its relative path), to
    /// build a new collection or, with `base`, to add them to one.
    pub fn start(
        files: Vec<(File, String)>,
        base: Option<Base>,
        on_event: impl Fn(ImportEvent) + 'static,
    ) -> Result<ImportJob, String> {
        // One file per message, the last one with the collection to add to (see `launch`); each
        // made only when it is sent, so 5,000 files are not all wrapped in the task that opened
        // them.
        let mut files = files.into_iter().peekable();
        let mut base = base;
        let mut sent_last = false;
        let messages = std::iter::from_fn(move || {
            if sent_last {
                return None;
            }
            let file = files.next();
            sent_last = files.peek().is_none();
            Some(files_message(file, !sent_last, if sent_last { base.take() } else { None }))
        });
        ImportJob::launch(messages, on_event)
    }

    /// Starts the worker to write a collection as a ready-to-host site: `bundle`, its per-file
    /// `report` in postcard (empty: none) and its number of `articles`, zipped under `folder/`. The
    /// zip arrives as [`ImportEvent::Site`].
    pub fn export_site(
        bundle: &[u8],
        report: &[u8],
        articles: usize,
        folder: &str,
        on_event: impl Fn(ImportEvent) + 'static,
    ) -> Result<ImportJob, String> {
        let job = js_sys::Object::new();
        let _ = Reflect::set(&job, &JsValue::from_str("site"), &JsValue::from_str(folder));
        let _ = Reflect::set(&job, &JsValue::from_str("bundle"), &Uint8Array::from(bundle));
        let _ = Reflect::set(&job, &JsValue::from_str("reportBytes"), &Uint8Array::from(report));
        let _ = Reflect::set(&job, &JsValue::from_str("articles"), &JsValue::from_f64(articles as f64));
        ImportJob::launch(std::iter::once(job.into()), on_event)
    }

    /// Starts the worker and sends it `messages` once it says it is ready, in order, a few per
    /// task: copying a message of files into the worker costs the page's thread about half a
    /// millisecond per file (the browser looks up each file's size and date), 120 ms for 200.
    fn launch(
        messages: impl Iterator<Item = JsValue> + 'static,
        on_event: impl Fn(ImportEvent) + 'static,
    ) -> Result<ImportJob, String> {
        let messages: Box<dyn Iterator<Item = JsValue>> = Box::new(messages);
        let worker = Worker::new(WORKER_URL)
            .map_err(|_| "The import could not start: this browser does not run Web Workers.".to_string())?;
        let on_event = Rc::new(on_event);
        let pending = RefCell::new(Some(messages));
        let stopped = Rc::new(std::cell::Cell::new(false));
        let stop = stopped.clone();
        let target = worker.clone();
        let said = on_event.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let data = message.data();
            let kind = Reflect::get(&data, &JsValue::from_str("type")).ok().and_then(|t| t.as_string());
            let event = match kind.as_deref() {
                Some("ready") => {
                    let Some(messages) = pending.borrow_mut().take() else { return };
                    let (target, said, stop) = (target.clone(), said.clone(), stop.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let mut started = now();
                        for message in messages {
                            if now() - started > HANDOVER_MS {
                                crate::io::next_task().await;
                                started = now();
                            }
                            if stop.get() {
                                return;
                            }
                            if target.post_message(&message).is_err() {
                                said(ImportEvent::Failed(
                                    "The files could not be handed to the import worker.".into(),
                                ));
                                return;
                            }
                        }
                    });
                    return;
                }
                Some("site") => match Reflect::get(&data, &JsValue::from_str("zip"))
                    .ok()
                    .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                {
                    Some(zip) => ImportEvent::Site(zip.to_vec()),
                    None => ImportEvent::Failed("The import worker's answer could not be read.".into()),
                },
                Some("progress") => ImportEvent::Progress {
                    done: number(&data, "done"),
                    total: number(&data, "total"),
                    articles: number(&data, "articles"),
                    removed: number(&data, "removed"),
                },
                Some("indexing") => ImportEvent::Indexing,
                Some("done") => {
                    let bundle = Reflect::get(&data, &JsValue::from_str("bundle"))
                        .ok()
                        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok());
                    // Postcard, not JSON: no walk over a JS object per field.
                    let report_bytes = Reflect::get(&data, &JsValue::from_str("reportBytes"))
                        .ok()
                        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                        .map(|b| b.to_vec());
                    let report =
                        report_bytes.as_ref().and_then(|b| postcard::from_bytes::<FilesReport>(b).ok());
                    match (bundle, report, report_bytes) {
                        (Some(bundle), Some(report), Some(report_bytes)) => ImportEvent::Done {
                            bundle,
                            report,
                            report_bytes,
                            articles: number(&data, "articles"),
                            added: number(&data, "added"),
                        },
                        _ => ImportEvent::Failed("The import worker's answer could not be read.".into()),
                    }
                }
                Some("failed") => ImportEvent::Failed(
                    Reflect::get(&data, &JsValue::from_str("message"))
                        .ok()
                        .and_then(|m| m.as_string())
                        .unwrap_or_else(|| "The import failed.".into()),
                ),
                _ => return,
            };
            said(event);
        });
        let said = on_event.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let detail = Reflect::get(&event, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
            said(ImportEvent::Failed(match detail {
                Some(detail) if !detail.is_empty() => format!("The import stopped: {detail}."),
                _ => "The import could not start: Parallax's import module could not be loaded. If you are offline, \
                      open your articles again once you are back online (it is downloaded the first time only)."
                    .into(),
            }));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(ImportJob { worker, stopped, _on_message: on_message, _on_error: on_error })
    }

    /// Stops the build.
    pub fn cancel(self) {
        drop(self);
    }
}

/// The message that hands `file` (none: an empty list) to the worker; `more` unless it is the last,
/// which carries the collection to add to, if any.
fn files_message(file: Option<(File, String)>, more: bool, base: Option<Base>) -> JsValue {
    let (list, names) = (Array::new(), Array::new());
    if let Some((file, name)) = file {
        list.push(&file);
        names.push(&JsValue::from_str(&name));
    }
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &JsValue::from_str("files"), &list);
    let _ = Reflect::set(&message, &JsValue::from_str("names"), &names);
    if more {
        let _ = Reflect::set(&message, &JsValue::from_str("more"), &JsValue::TRUE);
    }
    if let Some(base) = base {
        let known: Array = base.known.iter().map(|n| JsValue::from_str(n)).collect();
        let _ = Reflect::set(&message, &JsValue::from_str("base"), &Uint8Array::from(base.bundle.as_slice()));
        let _ = Reflect::set(&message, &JsValue::from_str("known"), &known);
    }
    message.into()
}

/// The files of a file input, copied out in one step so that the input can be cleared at once.
pub fn input_list(input: &web_sys::HtmlInputElement) -> Array {
    input.files().map_or_else(Array::new, |list| Array::from(&list))
}

/// Each file of an [`input_list`] with its path inside the chosen folder (or its name), read a
/// slice of the page's thread at a time: reading 5,000 files' paths in the input's event held it
/// 80 ms.
pub async fn input_files(list: Array) -> Vec<(File, String)> {
    let mut out = Vec::with_capacity(list.length() as usize);
    let mut started = crate::io::now();
    for file in list.iter() {
        if crate::io::now() - started > crate::io::SLICE_MS {
            crate::io::next_task().await;
            started = crate::io::now();
        }
        let Ok(file) = file.dyn_into::<File>() else { continue };
        let path = Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
            .ok()
            .and_then(|p| p.as_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| file.name());
        out.push((file, path));
    }
    out
}

// Every file under what was dropped, with its path: folders are walked (readEntries returns at most
// 100 entries per call, so it is called until it returns none). Hidden files are skipped, as
// `parallax build` does. The items are read before the first `await`, while the drop event is
// still being handled. Made with `Function`, not `inline_js`: the extras module
// (`src/bin/extras.rs`) is a no-modules bundle, which cannot import JS snippets.
const DROPPED_FILES: &str = r#"return (async () => {
  const out = [];
  const entries = [];
  for (const item of dataTransfer.items || []) {
    const entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else if (item.kind === 'file') { const f = item.getAsFile(); if (f) out.push([f, f.name]); }
  }
  const file = (entry) => new Promise((ok, fail) => entry.file(ok, fail));
  const batch = (reader) => new Promise((ok, fail) => reader.readEntries(ok, fail));
  async function walk(entry, path) {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) { out.push([await file(entry), path + entry.name]); return; }
    if (!entry.isDirectory) return;
    const reader = entry.createReader();
    for (let got = await batch(reader); got.length; got = await batch(reader)) {
      for (const child of got) await walk(child, path + entry.name + '/');
    }
  }
  for (const entry of entries) await walk(entry, '');
  return out;
})();"#;

thread_local! {
    static DROPPED: js_sys::Function = js_sys::Function::new_with_args("dataTransfer", DROPPED_FILES);
}

/// Listens on the whole page for files dropped on it, and calls `on_drop` with each drop's data in
/// the drop event itself (see [`dropped`]); text or links dragged about the page are not an import
/// and are left alone. The page's default (opening the file) is prevented. Dropping the listeners
/// stops it.
pub fn on_file_drop(on_drop: impl Fn(&web_sys::DataTransfer) + 'static) -> (EventListener, EventListener) {
    let document = gloo::utils::document();
    let options = EventListenerOptions::enable_prevent_default();
    let over = EventListener::new_with_options(&document, "dragover", options, |event| {
        event.prevent_default();
    });
    let drop = EventListener::new_with_options(&document, "drop", options, move |event| {
        event.prevent_default();
        let files = event
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .filter(|data| data.types().iter().any(|t| t.as_string().as_deref() == Some("Files")));
        if let Some(data) = files {
            on_drop(&data);
        }
    });
    (over, drop)
}

/// Starts the walk of what was dropped (see [`dropped`]): a promise of `[file, path]` pairs.
pub fn dropped_files(data: &web_sys::DataTransfer) -> js_sys::Promise {
    DROPPED
        .with(|walk| walk.call1(&JsValue::NULL, data))
        .map_or_else(|e| js_sys::Promise::reject(&e), |p| p.unchecked_into())
}

/// Every file dropped on the page (folders walked), each with its relative path. Call it in the
/// drop event's listener itself, not in a task or future started from it: the browser empties a
/// drop's items once the event is over, so the items are taken here, and only the folders' walk
/// happens as the returned future is awaited.
pub fn dropped(
    data: &web_sys::DataTransfer,
) -> impl std::future::Future<Output = Result<Vec<(File, String)>, String>> {
    dropped_list(dropped_files(data))
}

/// The files of a [`dropped_files`] walk, each with its relative path.
pub fn dropped_list(
    walk: js_sys::Promise,
) -> impl std::future::Future<Output = Result<Vec<(File, String)>, String>> {
    let walk = JsFuture::from(walk);
    async move {
        let list = walk.await.map_err(|_| "The dropped files could not be read.".to_string())?;
        let list: Array = list.unchecked_into();
        Ok(list
            .iter()
            .filter_map(|pair| {
                let pair: Array = pair.dyn_into().ok()?;
                let file: File = pair.get(0).dyn_into().ok()?;
                let path = pair.get(1).as_string().unwrap_or_else(|| file.name());
                Some((file, path))
            })
            .collect())
    }
}

/// Whether a file is a Parallax bundle, opened as it is rather than built.
pub fn is_bundle(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".plx")
}

/// A file's bytes (read in this browser).
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{} could not be read.", file.name()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Offers `bytes` as a download named `name` (a `blob:` URL of this page: nothing leaves the browser).
pub fn download(bytes: &[u8], name: &str) -> Result<(), String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let failed = || "The download could not be prepared.".to_string();
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| failed())?.dyn_into().map_err(|_| failed())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The download reads the URL after this returns: free it a little later.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
