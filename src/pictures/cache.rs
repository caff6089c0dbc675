//! The open corpus's picture aggregates ([`Basis`]), kept for as long as that corpus is loaded:
//! the home page, the entity index and every entity page share one, so returning to a page or
//! opening a second picture never aggregates the corpus again. Keyed by the corpus's identity
//! (its `Rc`), not its contents: a corpus is immutable once loaded.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::pictures::model::basis::Basis;
use crate::state::{Explorer, Loaded};

thread_local! {
    static CURRENT: RefCell<Option<(Weak<Explorer>, Rc<Basis>)>> = const { RefCell::new(None) };
}

/// The aggregates of `corpus`, built the first time they are asked for after it was loaded.
pub fn basis(corpus: &Loaded) -> Rc<Basis> {
    CURRENT.with(|current| {
        let mut current = current.borrow_mut();
        if let Some((of, basis)) = current.as_ref() {
            if of.ptr_eq(&Rc::downgrade(&corpus.0)) && of.strong_count() > 0 {
                return basis.clone();
            }
        }
        let basis = Rc::new(Basis::new(&corpus.bundle));
        *current = Some((Rc::downgrade(&corpus.0), basis.clone()));
        basis
    })
}

/// Mentions read per call of [`Basis::build_entity_table`] between clock checks.
const SLICE_MENTIONS: usize = 8_192;
/// How long one task of [`warm_entity_table`] reads before it yields the page's thread.
const SLICE_MS: f64 = 8.0;

/// Reads the open corpus's entity table (`Basis::build_entity_table`) in tasks of about
/// [`SLICE_MS`], one after another, so the entity index's picture finds it ready and only sorts
/// and draws; then calls `ready`. Stops, without calling it, once another corpus is open.
pub fn warm_entity_table(corpus: &Loaded, ready: Box<dyn FnOnce()>) {
    let basis = basis(corpus);
    let corpus = Rc::downgrade(&corpus.0);
    slice(corpus, basis, ready);
}

fn slice(corpus: Weak<Explorer>, basis: Rc<Basis>, ready: Box<dyn FnOnce()>) {
    let Some(explorer) = corpus.upgrade() else { return };
    let current = CURRENT.with(|c| c.borrow().as_ref().is_some_and(|(_, b)| Rc::ptr_eq(b, &basis)));
    if !current {
        return;
    }
    let started = crate::pictures::draw::now();
    loop {
        if basis.build_entity_table(&explorer.bundle, SLICE_MENTIONS) {
            ready();
            return;
        }
        if crate::pictures::draw::now() - started >= SLICE_MS {
            break;
        }
    }
    drop(explorer);
    gloo::timers::callback::Timeout::new(0, move || slice(corpus, basis, ready)).forget();
}
