//! The import worker's entry point (a Web Worker, loaded by trunk's loader shim
//! `import_worker_loader.js`). The protocol, all plain JS objects:
//!
//! - worker → page `{type: "ready"}` once the wasm is running (the page sends nothing before);
//! - page → worker `{files: [File…], names: [string…]}`: the files and their relative paths;
//! - worker → page `{type: "progress", done, total, articles, removed}` after each file is cleaned,
//!   `{type: "indexing"}` before the index, entities and stories are built;
//! - worker → page `{type: "done", bundle: Uint8Array, report: "<json>", articles}` (the bundle's
//!   buffer is transferred, not copied), or `{type: "failed", message}`.
//!
//! Cancel is the page terminating the worker: nothing is stored until `done` arrives.

use js_sys::{Array, Object, Reflect, Uint8Array};
use parallax_engine::Progress;
use parallax_import_worker::{build, refusal, Input, MAX_FILE_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = match run(&event.data(), &scope) {
            Ok(()) => return,
            Err(message) => message_of(&[("type", "failed".into()), ("message", message.into())]),
        };
        let _ = scope.post_message(&reply);
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let _ = scope.post_message(&message_of(&[("type", "ready".into())]));
}

/// A plain JS object with these fields.
fn message_of(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Reads the files, builds, and posts progress and the result. The error is a sentence for the page.
fn run(data: &JsValue, scope: &DedicatedWorkerGlobalScope) -> Result<(), String> {
    let field = |name: &str| {
        Reflect::get(data, &JsValue::from_str(name)).ok().and_then(|v| v.dyn_into::<Array>().ok())
    };
    let (Some(files), Some(names)) = (field("files"), field("names")) else {
        return Err("The import worker was sent something that is not a list of files.".into());
    };
    let reader =
        FileReaderSync::new().map_err(|_| "This browser cannot read files in a worker.".to_string())?;
    let mut inputs = Vec::new();
    let mut refused = Vec::new();
    for (file, name) in files.iter().zip(names.iter()) {
        let Ok(file) = file.dyn_into::<File>() else { continue };
        let name = name.as_string().unwrap_or_else(|| file.name());
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
    let mut post_progress = |p: Progress<'_>| {
        let message = match p {
            Progress::Cleaned { done, total, articles, removed, .. } => message_of(&[
                ("type", "progress".into()),
                ("done", (done as f64).into()),
                ("total", (total as f64).into()),
                ("articles", (articles as f64).into()),
                ("removed", (removed as f64).into()),
            ]),
            Progress::Indexing => message_of(&[("type", "indexing".into())]),
            // The stages after cleaning (entities, search index, stories) read as one "indexing".
            Progress::Stage(stage) => message_of(&[("type", "indexing".into()), ("stage", stage.into())]),
        };
        let _ = scope.post_message(&message);
    };
    let out = build(&inputs, &refused, &mut post_progress);
    let report =
        serde_json::to_string(&out.report).map_err(|e| format!("The report could not be written: {e}."))?;
    let bundle = Uint8Array::from(out.bundle.as_slice());
    let message = message_of(&[
        ("type", "done".into()),
        ("bundle", bundle.clone().into()),
        ("report", report.into()),
        ("articles", (out.articles as f64).into()),
    ]);
    let transfer = Array::of1(&bundle.buffer());
    scope
        .post_message_with_transfer(&message, &transfer)
        .map_err(|_| "The built collection could not be handed to the page.".to_string())
}
