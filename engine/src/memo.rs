//! A one-entry memo for pure functions of a text that callers repeat with the same text: parsing
//! the knowledge base is the costliest step of building a bundle of a few short files, and a
//! caller building many bundles (the fuzzer, a browser rebuilding after each added file) passes
//! the same knowledge base every time.

use std::sync::{Mutex, PoisonError};

/// The last text given and what was computed from it.
pub(crate) struct LastByText<V>(Mutex<Option<(String, V)>>);

impl<V: Clone> LastByText<V> {
    /// An empty memo (for a `static`).
    pub(crate) const fn new() -> LastByText<V> {
        LastByText(Mutex::new(None))
    }

    /// `compute(text)`, or a copy of its value when `text` is the last text given.
    pub(crate) fn get(&self, text: &str, compute: impl FnOnce(&str) -> V) -> V {
        if let Some((last, value)) = self.0.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
            if last == text {
                return value.clone();
            }
        }
        let value = compute(text);
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some((text.to_string(), value.clone()));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_text_is_computed_again_and_the_same_text_is_not() {
        let memo: LastByText<usize> = LastByText::new();
        let mut calls = 0;
        assert_eq!(
            memo.get("ab", |t| {
                calls += 1;
                t.len()
            }),
            2
        );
        assert_eq!(
            memo.get("ab", |t| {
                calls += 1;
                t.len()
            }),
            2
        );
        assert_eq!(
            memo.get("abc", |t| {
                calls += 1;
                t.len()
            }),
            3
        );
        assert_eq!(calls, 2);
    }
}
