//! The comparison page's side of the comparison worker: starts the worker when a comparison is
//! opened (its files are fetched only then), sends it the articles, turns its checked messages
//! into [`Event`]s for the page, and stops it when the page drops the [`Job`] (the reader went
//! elsewhere or opened another comparison).
//!
//! When the worker cannot be used (no workers in this browser, it stopped, it did not start in
//! time, or it sent something that does not fit), the page says so ([`Event::InPage`], with the
//! reason) and runs the same comparison itself: it loads the worker's own wasm into the page and
//! calls its `parallax_compare_in_page` (the comparison code is in that wasm only, so the
//! explorer's first visit does not carry it). If even that cannot load (offline and never
//! cached), the page says so ([`Event::Failed`]); it is never left blank. Either way rows arrive
//! [`ROWS_PER_MESSAGE`](crate::compare_message::ROWS_PER_MESSAGE) at a time, each batch in its
//! own task, so drawing them never blocks the page for long. (The browser may hand the page many
//! of the worker's messages in one task; they are queued and taken one per task.)

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

use crate::compare_message::{encode, Accepted, RequestRef, Stage, Stream};
use crate::compare_view::{CompareHead, Plan, Row};
use crate::io::describe;
use crate::state::Loaded;

/// The worker's entry script, beside `index.html` (trunk's loader shim for the worker binary).
pub const WORKER_URL: &str = "compare_worker_loader.js";

/// The worker binary's JS bindings and wasm, loaded into the page when no worker can run.
const IN_PAGE_SCRIPT: &str = "compare_worker.js";
/// See [`IN_PAGE_SCRIPT`].
const IN_PAGE_WASM: &str = "compare_worker_bg.wasm";

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
    /// The comparison could not run at all (the reason, in words).
    Failed(String),
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
    /// True once the comparison runs on the page: a bad message then fails, with nowhere to go.
    in_page: Cell<bool>,
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
        in_page: Cell::new(false),
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
        if shared.queue.borrow().is_empty() {
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
        Err(e) if shared.in_page.get() => {
            shared.queue.borrow_mut().clear();
            shared.on_event.emit(Event::Failed(e.to_string()));
        }
        Err(e) => in_page(shared, e.to_string()),
    }
}

/// The shared state, unless the job was dropped.
fn live(weak: &Weak<Shared>) -> Option<Rc<Shared>> {
    weak.upgrade().filter(|s| !s.cancelled.get())
}

/// The request for the planned columns, encoded.
fn request(shared: &Shared) -> Vec<u8> {
    let bundle = &shared.corpus.bundle;
    let articles: Vec<&Article> =
        shared.plan.columns.iter().filter_map(|c| bundle.articles.get(c.article)).collect();
    let plan = &shared.plan;
    encode(&RequestRef { columns: &plan.columns, articles, mentions: &plan.mentions, dates: &plan.dates })
}

fn send_request(shared: &Rc<Shared>) {
    let array = Uint8Array::from(request(shared).as_slice());
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
    shared.in_page.set(true);
    *shared.stream.borrow_mut() = Stream::new(shared.plan.columns.clone());
    shared.on_event.emit(Event::InPage(why));
    let weak = Rc::downgrade(shared);
    wasm_bindgen_futures::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(IN_PAGE_DELAY_MS).await;
        let Some(compare) = live(&weak).map(|_| load_in_page()) else { return };
        let compare = compare.await;
        let Some(shared) = live(&weak) else { return };
        let messages = compare.and_then(|f| {
            let request = Uint8Array::from(request(&shared).as_slice());
            f.call1(&JsValue::NULL, &request).map_err(|e| format!("it stopped: {}", describe(&e)))
        });
        match messages {
            Ok(messages) => {
                let messages = Array::from(&messages);
                shared.queue.borrow_mut().extend(messages.iter().map(|m| Uint8Array::new(&m).to_vec()));
                if !shared.pumping.replace(true) {
                    pump_later(Rc::downgrade(&shared));
                }
            }
            Err(why) => shared.on_event.emit(Event::Failed(format!(
                "the comparison could not be loaded ({why}); check the connection and try again"
            ))),
        }
    });
}

/// Loads the worker's wasm into the page (once) and returns its `parallax_compare_in_page`.
async fn load_in_page() -> Result<js_sys::Function, String> {
    let bindings = || {
        js_sys::Function::new_no_args("return typeof wasm_bindgen === 'undefined' ? undefined : wasm_bindgen")
            .call0(&JsValue::NULL)
    };
    let loaded = bindings().ok().filter(|b| !b.is_undefined());
    let bindings = match loaded {
        Some(b) => b,
        None => {
            let document = gloo::utils::document();
            let script = document.create_element("script").map_err(|e| describe(&e))?;
            script.set_attribute("src", IN_PAGE_SCRIPT).map_err(|e| describe(&e))?;
            let done = js_sys::Promise::new(&mut |resolve, reject| {
                let _ = script.add_event_listener_with_callback("load", &resolve);
                let _ = script.add_event_listener_with_callback("error", &reject);
            });
            document.head().ok_or("no document head")?.append_child(&script).map_err(|e| describe(&e))?;
            wasm_bindgen_futures::JsFuture::from(done)
                .await
                .map_err(|_| format!("{IN_PAGE_SCRIPT} did not load"))?;
            bindings()
                .ok()
                .filter(|b| !b.is_undefined())
                .ok_or(format!("{IN_PAGE_SCRIPT} defined nothing"))?
        }
    };
    let export = |name: &str| js_sys::Reflect::get(&bindings, &JsValue::from_str(name)).ok();
    let compare = export("parallax_compare_in_page")
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the comparison code has no entry point")?;
    let initialised = IN_PAGE_READY.with(Cell::get);
    if !initialised {
        let init =
            bindings.clone().dyn_into::<js_sys::Function>().map_err(|_| "no initialiser".to_string())?;
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("module_or_path"),
            &JsValue::from_str(IN_PAGE_WASM),
        );
        let started = init.call1(&JsValue::NULL, &options).map_err(|e| describe(&e))?;
        let started = started
            .dyn_into::<js_sys::Promise>()
            .map_err(|_| "the initialiser returned no promise".to_string())?;
        wasm_bindgen_futures::JsFuture::from(started)
            .await
            .map_err(|e| format!("{IN_PAGE_WASM} did not load: {}", describe(&e)))?;
        IN_PAGE_READY.with(|r| r.set(true));
    }
    Ok(compare)
}

thread_local! {
    /// Whether the worker's wasm has been loaded into this page already.
    static IN_PAGE_READY: Cell<bool> = const { Cell::new(false) };
}
