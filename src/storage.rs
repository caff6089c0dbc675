//! What the explorer remembers between visits: recent searches and pinned comparisons, kept in the
//! browser's localStorage under one key as versioned JSON, `{"version":1,"searches":[…],"pinned":[…]}`.
//!
//! The format logic ([`decode`], [`encode`], [`Remembered`]'s edits) is pure and tested natively;
//! [`load`], [`save`] and [`update`] are the browser glue. A stored value that cannot be read (bad
//! JSON, a wrong shape, an unknown version) is discarded and reported as a [`Notice`] for the page to
//! show; it never stops the explorer. The value lives beside the service worker's caches, not in
//! them, so it survives reloads, offline use and new deployments.
//!
//! ```
//! use parallax_app::storage::{decode, encode, Remembered};
//!
//! let mut remembered = Remembered::default();
//! remembered.add_search("Kadhemi");
//! remembered.pin_comparison(&["a".into(), "b".into()]);
//! let back = decode(&encode(&remembered)).unwrap();
//! assert_eq!(back, remembered);
//! assert!(decode("{\"version\":99}").is_err());
//! ```

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::json;

/// The localStorage key.
pub const KEY: &str = "parallax.remembered";
/// The format version this build writes and reads.
pub const VERSION: u32 = 1;
/// How many recent searches are kept (most recent first).
pub const MAX_SEARCHES: usize = 10;
/// How many pinned comparisons are kept (most recently pinned first).
pub const MAX_PINS: usize = 20;

/// Recent searches and pinned comparisons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// Queries as typed (trimmed), most recent first, no two equal ignoring case.
    pub searches: Vec<String>,
    /// Article ids of each pinned comparison, as pinned (2 or 3 ids), most recent first.
    pub pinned: Vec<Vec<String>>,
}

/// Why stored state was discarded, as a sentence for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The stored value is not JSON, or not the expected shape.
    Corrupt(String),
    /// The stored value has a version this build cannot read.
    UnknownVersion(u64),
    /// A change could not be saved (storage full, disabled or refused); the sentence says which.
    SaveFailed(String),
}

impl Notice {
    /// What the reader sees.
    pub fn message(&self) -> String {
        match self {
            Notice::Corrupt(why) => format!(
                "Your saved searches and pinned comparisons could not be read ({why}), so they were cleared."
            ),
            Notice::UnknownVersion(v) => format!(
                "Your saved searches and pinned comparisons were saved in a format this version of Parallax \
                 does not know (version {v}), so they were cleared."
            ),
            Notice::SaveFailed(why) => why.clone(),
        }
    }
}

/// The stored shape of version 1 (every field required but the lists may be empty).
#[derive(Serialize, Deserialize)]
struct V1 {
    version: u32,
    searches: Vec<String>,
    pinned: Vec<Vec<String>>,
}

/// Reads a stored value. Entries that make no sense (blank searches, pins of fewer than two ids)
/// are dropped quietly; a value that is not this shape or not this version is an error.
pub fn decode(text: &str) -> Result<Remembered, Notice> {
    let value = json::parse(text).map_err(Notice::Corrupt)?;
    let version = match value.version() {
        json::Version::Number(v) => v,
        json::Version::NotNumber => return Err(Notice::Corrupt("its version is not a number".into())),
        json::Version::Missing => return Err(Notice::Corrupt("it has no version".into())),
    };
    if version != u64::from(VERSION) {
        return Err(Notice::UnknownVersion(version));
    }
    let v1: V1 = value.decode().map_err(Notice::Corrupt)?;
    let mut remembered = Remembered::default();
    for q in v1.searches.iter().rev() {
        remembered.add_search(q);
    }
    for ids in v1.pinned.iter().rev() {
        remembered.pin_comparison(ids);
    }
    Ok(remembered)
}

/// The stored form of `remembered`, at [`VERSION`].
pub fn encode(remembered: &Remembered) -> String {
    let v1 =
        V1 { version: VERSION, searches: remembered.searches.clone(), pinned: remembered.pinned.clone() };
    json::to_string(&v1)
}

impl Remembered {
    /// Puts a search at the top of the list (moving it there if it was already in it, in any case).
    /// Blank queries are ignored. Returns whether the list changed.
    pub fn add_search(&mut self, query: &str) -> bool {
        let query = query.trim();
        if query.is_empty() {
            return false;
        }
        if self.searches.first().is_some_and(|q| q == query) {
            return false;
        }
        let folded = query.to_lowercase();
        self.searches.retain(|q| q.to_lowercase() != folded);
        self.searches.insert(0, query.to_string());
        self.searches.truncate(MAX_SEARCHES);
        true
    }

    /// Forgets one search. Returns whether it was there.
    pub fn remove_search(&mut self, query: &str) -> bool {
        let before = self.searches.len();
        self.searches.retain(|q| q != query);
        self.searches.len() != before
    }

    /// Pins a comparison of 2 or 3 articles (listing the same articles in another order is the same
    /// pin, moved to the top). Returns whether anything changed; other counts are ignored.
    pub fn pin_comparison(&mut self, ids: &[String]) -> bool {
        let mut distinct: Vec<String> = Vec::new();
        for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
            if !distinct.iter().any(|d| d == id) {
                distinct.push(id.to_string());
            }
        }
        if !(2..=3).contains(&distinct.len()) {
            return false;
        }
        if self.pinned.first() == Some(&distinct) {
            return false;
        }
        self.unpin(&distinct);
        self.pinned.insert(0, distinct);
        self.pinned.truncate(MAX_PINS);
        true
    }

    /// Unpins a comparison of these articles (in any order). Returns whether it was pinned.
    pub fn unpin(&mut self, ids: &[String]) -> bool {
        let before = self.pinned.len();
        self.pinned.retain(|pin| !same_set(pin, ids));
        self.pinned.len() != before
    }

    /// Whether a comparison of these articles (in any order) is pinned.
    pub fn is_pinned(&self, ids: &[String]) -> bool {
        self.pinned.iter().any(|pin| same_set(pin, ids))
    }

    /// Writes this to the browser's storage (see [`save`]).
    pub fn save(&self) -> Result<(), String> {
        save(self)
    }
}

fn same_set(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|id| b.contains(id))
}

thread_local! {
    /// The current collection's suffix of [`KEY`] (see `CollectionId::storage_suffix`), so one
    /// collection's searches and pins never show in another.
    static SCOPE: RefCell<String> = const { RefCell::new(String::new()) };
    /// A notice from a load that discarded stored state, kept until a page shows it.
    static PENDING: RefCell<Option<Notice>> = const { RefCell::new(None) };
}

/// Makes later loads and saves use the remembered state of the collection with this suffix.
pub fn set_scope(suffix: &str) {
    SCOPE.with(|s| {
        if *s.borrow() != suffix {
            *s.borrow_mut() = suffix.to_string();
        }
    });
}

/// The localStorage key of the current collection's remembered state.
fn key() -> String {
    SCOPE.with(|s| format!("{KEY}{}", s.borrow()))
}

/// Reads what is remembered. A missing value (first visit) or unavailable storage (disabled, or
/// not a browser) is an empty [`Remembered`]; an unreadable value is removed from storage and
/// reported. The notice is also kept for [`take_notice`] until some page shows it.
pub fn load() -> (Remembered, Option<Notice>) {
    let Some(storage) = local_storage() else { return (Remembered::default(), None) };
    let Ok(Some(text)) = storage.get_item(&key()) else { return (Remembered::default(), None) };
    match decode(&text) {
        Ok(remembered) => (remembered, None),
        Err(notice) => {
            let _ = storage.remove_item(&key());
            PENDING.with(|p| *p.borrow_mut() = Some(notice.clone()));
            (Remembered::default(), Some(notice))
        }
    }
}

/// Writes what is remembered. The error (storage full or disabled) is a sentence for the page.
pub fn save(remembered: &Remembered) -> Result<(), String> {
    let storage = local_storage()
        .ok_or("This browser does not let Parallax remember anything, so this change was not saved.")?;
    storage.set_item(&key(), &encode(remembered)).map_err(|_| {
        "Parallax could not save this change: the browser's storage is full or turned off.".to_string()
    })
}

/// Loads, changes and saves in one step, e.g. `storage::update(|r| r.add_search(query))` from the
/// search page. Saves only when `change` says something changed. Returns what is now stored, or,
/// when saving failed, the notice to show (what is stored is then unchanged; the notice is also
/// kept for [`take_notice`], so a page that cannot show it leaves it for the home page).
pub fn update(change: impl FnOnce(&mut Remembered) -> bool) -> Result<Remembered, Notice> {
    let result = apply(load().0, change, save);
    if let Err(notice) = &result {
        PENDING.with(|p| *p.borrow_mut() = Some(notice.clone()));
    }
    result
}

/// [`update`] without the browser: `change` applied to `stored`, then saved with `save` if it
/// changed anything. A failed save is a [`Notice::SaveFailed`], never a silent success.
pub fn apply(
    mut stored: Remembered,
    change: impl FnOnce(&mut Remembered) -> bool,
    save: impl FnOnce(&Remembered) -> Result<(), String>,
) -> Result<Remembered, Notice> {
    if change(&mut stored) {
        save(&stored).map_err(Notice::SaveFailed)?;
    }
    Ok(stored)
}

/// Whether a comparison shows as pinned after the reader pressed the pin button, and what to say:
/// after a failed save it stays as it was (`was_pinned`) and the notice is shown.
pub fn pin_outcome(
    result: Result<Remembered, Notice>,
    ids: &[String],
    was_pinned: bool,
) -> (bool, Option<String>) {
    match result {
        Ok(stored) => (stored.is_pinned(ids), None),
        Err(notice) => (was_pinned, Some(notice.message())),
    }
}

/// The notice of the last load that discarded stored state, once.
pub fn take_notice() -> Option<Notice> {
    PENDING.with(|p| p.borrow_mut().take())
}

/// The browser's localStorage; `None` natively, or where the browser refuses it.
fn local_storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn what_is_saved_reads_back_the_same() {
        let mut r = Remembered::default();
        r.add_search("Kadhemi");
        r.add_search("troops withdrawal");
        r.pin_comparison(&ids(&["a", "b", "c"]));
        let text = encode(&r);
        assert!(text.starts_with("{\"version\":1,"), "{text}");
        assert_eq!(decode(&text), Ok(r));
    }

    #[test]
    fn recent_searches_are_newest_first_without_repeats_and_capped() {
        let mut r = Remembered::default();
        assert!(r.add_search("Kadhemi"));
        assert!(r.add_search("  Biden "));
        assert!(r.add_search("kadhemi"));
        assert!(!r.add_search("kadhemi"), "the same search again changes nothing");
        assert!(!r.add_search("   "), "blank searches are not remembered");
        assert_eq!(r.searches, ["kadhemi", "Biden"]);
        for i in 0..20 {
            r.add_search(&format!("q{i}"));
        }
        assert_eq!(r.searches.len(), MAX_SEARCHES);
        assert_eq!(r.searches[0], "q19");
        assert!(r.remove_search("q19"));
        assert_eq!(r.searches[0], "q18");
    }

    #[test]
    fn pins_are_sets_of_two_or_three_articles() {
        let mut r = Remembered::default();
        assert!(r.pin_comparison(&ids(&["a", "b"])));
        assert!(r.pin_comparison(&ids(&["c", "d", "e"])));
        assert!(r.pin_comparison(&ids(&["b", "a"])), "pinning again moves it to the top");
        assert_eq!(r.pinned, [ids(&["b", "a"]), ids(&["c", "d", "e"])]);
        assert!(!r.pin_comparison(&ids(&["a"])), "one article is not a comparison");
        assert!(!r.pin_comparison(&ids(&["a", "a"])), "nor is one article twice");
        assert!(!r.pin_comparison(&ids(&["a", "b", "c", "d"])));
        assert!(r.is_pinned(&ids(&["e", "d", "c"])));
        assert!(r.unpin(&ids(&["d", "c", "e"])));
        assert!(!r.unpin(&ids(&["d", "c", "e"])));
        assert_eq!(r.pinned, [ids(&["b", "a"])]);
    }

    #[test]
    fn unreadable_values_are_discarded_with_a_reason() {
        for bad in ["", "not json", "[1,2]", "{\"searches\":[]}", "{\"version\":\"1\"}"] {
            assert!(matches!(decode(bad), Err(Notice::Corrupt(_))), "{bad:?}");
        }
        assert!(matches!(decode("{\"version\":1,\"searches\":3,\"pinned\":[]}"), Err(Notice::Corrupt(_))));
        assert_eq!(decode("{\"version\":2,\"searches\":[]}"), Err(Notice::UnknownVersion(2)));
        assert!(Notice::UnknownVersion(2).message().contains("version 2"));
        assert!(Notice::Corrupt("x".into()).message().contains("cleared"));
    }

    #[test]
    fn odd_entries_in_a_good_value_are_dropped_not_fatal() {
        let text = r#"{"version":1,"searches":["Kadhemi"," ","kadhemi"],"pinned":[["a"],["a","b"],["b","a"]],"extra":true}"#;
        let r = decode(text).unwrap();
        assert_eq!(r.searches, ["Kadhemi"]);
        assert_eq!(r.pinned, [ids(&["a", "b"])]);
    }

    #[test]
    fn natively_there_is_no_storage_and_no_crash() {
        assert_eq!(load(), (Remembered::default(), None));
        assert!(save(&Remembered::default()).is_err());
        // Nothing can be saved, and update says so rather than claiming the search was remembered.
        let err = update(|r| r.add_search("x")).unwrap_err();
        assert!(matches!(err, Notice::SaveFailed(_)), "{err:?}");
        assert_eq!(take_notice(), Some(err), "kept for the home page to show");
        assert_eq!(update(|_| false), Ok(Remembered::default()), "no change, nothing to save");
    }

    #[test]
    fn a_failed_save_leaves_the_pin_button_unpinned_and_says_why() {
        let full = |_: &Remembered| Err("Parallax could not save this change: storage is full.".to_string());
        let pair = ids(&["a", "b"]);
        let result = apply(Remembered::default(), |r| r.pin_comparison(&pair), full);
        let (pinned, notice) = pin_outcome(result, &pair, false);
        assert!(!pinned, "the button must not turn into “Pinned · unpin”");
        assert_eq!(notice.as_deref(), Some("Parallax could not save this change: storage is full."));

        // Unpinning that fails leaves it pinned.
        let mut stored = Remembered::default();
        stored.pin_comparison(&pair);
        let (pinned, notice) = pin_outcome(apply(stored.clone(), |r| r.unpin(&pair), full), &pair, true);
        assert!(pinned && notice.is_some());

        // And when saving works, the button follows what was saved.
        let mut saved = None;
        let result = apply(
            Remembered::default(),
            |r| r.pin_comparison(&pair),
            |r| {
                saved = Some(r.clone());
                Ok(())
            },
        );
        assert_eq!(pin_outcome(result, &pair, false), (true, None));
        assert!(saved.is_some_and(|r| r.is_pinned(&pair)));
    }
}
