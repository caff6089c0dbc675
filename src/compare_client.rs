//! The comparison page's side of the comparison worker: starts the worker when a comparison is
//! opened (its files are fetched only then), sends it the articles, turns its checked messages
//! into [`Event`]s for the page, and stops it when the page drops the [`Job`] (the reader went
//! elsewhere or opened another comparison).
//!
//! When there is no worker (none in this browser, its files did not load, it stopped, it is
//! another build's, or it sent something that does not fit), the same events come from a
//! comparison run on the page itself, preceded by [`Event::InPage`] with the reason, so the page
//! says so and is never left blank. Either way rows arrive [`ROWS_PER_MESSAGE`] at a time, each
//! batch in its own task, so drawing them never blocks the page for long. (The browser may hand
//! the page many of the worker's messages in one task; they are queued and taken one per task.)

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use parallax_engine::Article;

use crate::compare_message::{encode, Accepted, RequestRef, Stage, Stream, ROWS_PER_MESSAGE};
use crate::compare_view::{compare_articles, CompareHead, Plan, Row};
use crate::state::Loaded;

/// The worker's entry script, beside `index.html` (trunk's loader shim for the worker binary).
pub const WORKER_URL: &str = "compare_worker_loader.js";

/// How long the worker may take to load and say it is ready before the page compares itself.
pub const READY_TIMEOUT_MS: u32 = 20_000;

/// Pause before an in-page comparison starts, so the note saying so is drawn first.
const IN_PAGE_DELAY_MS: u32 = 60;

/// What the page hears about a running comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Progress.
    Stage(Stage),
    /// Everything but the rows, and how many rows will follow.
    Head(Rc<CompareHead>, usize),
    /// The next rows, in order.
    Rows(Rc<Vec<Row>>),
    /// Every row has arrived.
    Done,
    /// The worker could not be used (the reason, in words); what was shown so far is void and the
    /// comparison starts again on the page.
    InPage(String),
}

/// A listener on the worker (messages, errors).
type Handler = Closure<dyn FnMut(JsValue)>;

/// One running comparison; dropping it stops the worker and any pending in-page step.
pub struct Job {
    shared: Rc<Shared>,
}

struct Shared {
    corpus: Loaded,
    plan: Rc<Plan>,
    on_event: Callback<Event>,
    cancelled: Cell<bool>,
    ready: Cell<bool>,
    stream: RefCell<Stream>,
    /// Messages received and not yet handled, and whether a task to handle them is scheduled.
    queue: RefCell<VecDeque<Vec<u8>>>,
    pumping: Cell<bool>,
    worker: RefCell<Option<Worker>>,
    // Kept until the job is dropped (never freed while one of them may be running).
    handlers: RefCell<Vec<Handler>>,
}

/// Starts comparing the planned columns, in the worker if it can.
pub fn start(corpus: Loaded, plan: Rc<Plan>, on_event: Callback<Event>) -> Job {
    let stream = RefCell::new(Stream::new(plan.columns.clone()));
    let shared = Rc::new(Shared {
        corpus,
        plan,
        on_event,
        cancelled: Cell::new(false),
        ready: Cell::new(false),
        stream,
        queue: RefCell::new(VecDeque::new()),
        pumping: Cell::new(false),
        worker: RefCell::new(None),
        handlers: RefCell::new(Vec::new()),
    });
    match Worker::new(WORKER_URL) {
        Ok(worker) => attach(&shared, worker),
        Err(e) => in_page(&shared, format!("this browser cannot start one: {}", describe(&e))),
    }
    Job { shared }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.shared.cancelled.set(true);
        stop_worker(&self.shared);
    }
}

fn attach(shared: &Rc<Shared>, worker: Worker) {
    let weak = Rc::downgrade(shared);
    let on_message = Handler::new(move |event: JsValue| {
        let Some(shared) = live(&weak) else { return };
        let Ok(event) = event.dyn_into::<MessageEvent>() else { return };
        shared.queue.borrow_mut().push_back(Uint8Array::new(&event.data()).to_vec());
        if !shared.pumping.replace(true) {
            pump_later(Rc::downgrade(&shared));
        }
    });
    let weak = Rc::downgrade(shared);
    let on_error = Handler::new(move |event: JsValue| {
        let Some(shared) = live(&weak) else { return };
        let why = event
            .dyn_ref::<ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "its files did not load".into());
        in_page(&shared, format!("it stopped: {why}"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    shared.handlers.borrow_mut().extend([on_message, on_error]);
    *shared.worker.borrow_mut() = Some(worker);
    let weak = Rc::downgrade(shared);
    Timeout::new(READY_TIMEOUT_MS, move || {
        if let Some(shared) = live(&weak) {
            if !shared.ready.get() && shared.worker.borrow().is_some() {
                in_page(&shared, format!("it did not start within {} s", READY_TIMEOUT_MS / 1000));
            }
        }
    })
    .forget();
}

/// Handles the next queued message in a task of its own, then schedules the one after.
fn pump_later(weak: Weak<Shared>) {
    Timeout::new(0, move || {
        let Some(shared) = live(&weak) else { return };
        let next = shared.queue.borrow_mut().pop_front();
        if let Some(bytes) = next {
            handle(&shared, &bytes);
        }
        if shared.queue.borrow().is_empty() || shared.worker.borrow().is_none() {
            shared.pumping.set(false);
        } else {
            pump_later(weak);
        }
    })
    .forget();
}

fn handle(shared: &Rc<Shared>, bytes: &[u8]) {
    let accepted = shared.stream.borrow_mut().accept(bytes);
    match accepted {
        Ok(Accepted::Ready) => {
            shared.ready.set(true);
            send_request(shared);
        }
        Ok(Accepted::Stage(stage)) => shared.on_event.emit(Event::Stage(stage)),
        Ok(Accepted::Head(head, rows)) => shared.on_event.emit(Event::Head(Rc::new(*head), rows)),
        Ok(Accepted::Rows(rows)) => shared.on_event.emit(Event::Rows(Rc::new(rows))),
        Ok(Accepted::Done) => {
            stop_worker(shared);
            shared.on_event.emit(Event::Done);
        }
        Err(e) => in_page(shared, e.to_string()),
    }
}

/// The shared state, unless the job was dropped.
fn live(weak: &Weak<Shared>) -> Option<Rc<Shared>> {
    weak.upgrade().filter(|s| !s.cancelled.get())
}

fn send_request(shared: &Rc<Shared>) {
    let bundle = &shared.corpus.bundle;
    let articles: Vec<&Article> =
        shared.plan.columns.iter().filter_map(|c| bundle.articles.get(c.article)).collect();
    let bytes = encode(&RequestRef { columns: &shared.plan.columns, articles, dates: &shared.plan.dates });
    let array = Uint8Array::from(bytes.as_slice());
    let transfer = Array::of1(&array.buffer());
    let posted = shared.worker.borrow().as_ref().map(|w| w.post_message_with_transfer(&array, &transfer));
    if let Some(Err(e)) = posted {
        in_page(shared, format!("the articles could not be sent to it: {}", describe(&e)));
    }
}

fn stop_worker(shared: &Shared) {
    shared.queue.borrow_mut().clear();
    if let Some(worker) = shared.worker.borrow_mut().take() {
        worker.set_onmessage(None);
        worker.set_onerror(None);
        worker.terminate();
    }
}

/// Gives up on the worker and compares on the page, after a pause that lets the note be drawn.
fn in_page(shared: &Rc<Shared>, why: String) {
    stop_worker(shared);
    shared.on_event.emit(Event::InPage(why));
    let weak = Rc::downgrade(shared);
    Timeout::new(IN_PAGE_DELAY_MS, move || {
        let Some(shared) = live(&weak) else { return };
        let bundle = &shared.corpus.bundle;
        let articles: Vec<&Article> =
            shared.plan.columns.iter().filter_map(|c| bundle.articles.get(c.article)).collect();
        let view = compare_articles(&shared.plan.columns, &articles, &shared.plan.dates);
        shared.on_event.emit(Event::Head(Rc::new(view.head), view.rows.len()));
        let chunks: Vec<Rc<Vec<Row>>> =
            view.rows.chunks(ROWS_PER_MESSAGE).map(|c| Rc::new(c.to_vec())).collect();
        feed(Rc::downgrade(&shared), chunks, 0);
    })
    .forget();
}

/// Hands the page one batch of rows per task, then [`Event::Done`].
fn feed(weak: Weak<Shared>, chunks: Vec<Rc<Vec<Row>>>, next: usize) {
    let Some(shared) = live(&weak) else { return };
    match chunks.get(next) {
        Some(chunk) => {
            shared.on_event.emit(Event::Rows(chunk.clone()));
            Timeout::new(0, move || feed(weak, chunks, next + 1)).forget();
        }
        None => shared.on_event.emit(Event::Done),
    }
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
