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
