//! The comparison Web Worker's side (the `compare_worker` binary, `src/bin/compare_worker.rs`):
//! it listens for one [`Request`], compares the articles with the engine, and sends the result
//! back in small messages (see `compare_message` for the format), so the page's thread never runs
//! the comparison and never decodes more than a screenful of rows at once.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use parallax_engine::Article;

use crate::compare_message::{decode, encode, FromWorker, Request, Stage, ROWS_PER_MESSAGE};
use crate::compare_view::compare_articles;

/// Starts listening, then tells the page it is [`FromWorker::Ready`]. Called once by the worker
/// binary's `main`; outside a worker it does nothing.
pub fn run() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else { return };
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = Uint8Array::new(&event.data()).to_vec();
        answer(&bytes, &mut |message| post(&reply, message));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page needs it and then is terminated: its handler too.
    on_message.forget();
    post(&scope, &encode(&FromWorker::Ready));
}

/// Answers one request: each encoded message goes to `send` as soon as it is ready.
pub fn answer(bytes: &[u8], send: &mut dyn FnMut(&[u8])) {
    let request: Request = match decode(bytes).and_then(|r: Request| r.validate().map(|()| r)) {
        Ok(request) => request,
        Err(e) => return send(&encode(&FromWorker::Failed(e.to_string()))),
    };
    let articles: Vec<&Article> = request.articles.iter().collect();
    let bytes = articles.iter().flat_map(|a| &a.blocks).map(|b| b.text.len()).sum();
    send(&encode(&FromWorker::Stage(Stage::Comparing { bytes })));
    let view = compare_articles(&request.columns, &articles, &request.mentions, &request.dates);
    send(&encode(&FromWorker::Head { head: view.head, rows: view.rows.len() }));
    for (i, chunk) in view.rows.chunks(ROWS_PER_MESSAGE).enumerate() {
        send(&encode(&FromWorker::Rows { from: i * ROWS_PER_MESSAGE, rows: chunk.to_vec() }));
    }
    send(&encode(&FromWorker::Done));
}

/// Sends one encoded message, transferring its buffer (no copy).
fn post(scope: &DedicatedWorkerGlobalScope, message: &[u8]) {
    let array = Uint8Array::from(message);
    let transfer = Array::of1(&array.buffer());
    // Posting fails only when the page has gone; there is no one left to tell.
    let _ = scope.post_message_with_transfer(&array, &transfer);
}
