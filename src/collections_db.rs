//! Where collections live in the browser: IndexedDB (database `parallax-collections`, stores `meta`,
//! `bundles` and `reports`, all keyed by the collection's id; see `collections.rs` and
//! `collection_report.rs` for the record formats), and which one is open, in localStorage. Every
//! function returns a sentence for the page on failure; a collection is written in one
//! transaction, so a full disk leaves no half of it.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use parallax_engine::report::FilesReport;

use crate::collection_report::{decode_report, encode_report};
use crate::collections::{decode_record, encode_meta, CollectionId, Meta, Record, RecordError, CURRENT_KEY};

const DB: &str = "parallax-collections";
/// The database's schema version (its object stores), not a record's format version: 2 added
/// `reports`.
const DB_VERSION: u32 = 2;
const META: &str = "meta";
const BUNDLES: &str = "bundles";
const REPORTS: &str = "reports";

/// One entry of the stored list: a readable record, or the key of one that is not and why.
pub type Listed = Result<Meta, (String, RecordError)>;

/// The outcome of an IndexedDB request, once it has one.
async fn outcome(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Waits until a transaction is committed (Ok) or aborted (its error).
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// A DOM error's name (`QuotaExceededError`, …), when it has one.
fn error_name(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).unwrap_or_default()
}

// A later Parallax (in another tab) that needs a newer database version asks open connections to
// close; this one does at once, so that tab's upgrade is not left waiting on this one. Made with
// `Function`, not `inline_js`: the extras module (a no-modules bundle) cannot import JS snippets.
thread_local! {
    static CLOSE_ON_VERSION_CHANGE: js_sys::Function =
        js_sys::Function::new_with_args("db", "db.onversionchange = () => db.close();");
}

fn close_on_version_change(db: &IdbDatabase) {
    let _ = CLOSE_ON_VERSION_CHANGE.with(|set| set.call1(&JsValue::NULL, db));
}

/// What to tell the reader about a failed storage operation.
fn say(doing: &str, error: &JsValue) -> String {
    if error_name(error) == "VersionError" {
        return "A newer Parallax has updated this browser's collections in another tab: reload this page to \
                see them."
            .to_string();
    }
    if error_name(error) == "QuotaExceededError" {
        return format!(
            "The browser's storage for this site is full, so Parallax could not {doing}; nothing was saved. \
             Delete a collection you no longer need (or free space on this device) and try again."
        );
    }
    let detail = Reflect::get(error, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
    match detail.filter(|d| !d.is_empty()) {
        Some(detail) => format!("Parallax could not {doing}: {detail}."),
        None => format!("Parallax could not {doing}: the browser refused to store it (private browsing may turn storage off)."),
    }
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("This browser does not let Parallax keep collections (IndexedDB is turned off).")?;
    let request = factory.open_with_u32(DB, DB_VERSION).map_err(|e| say("open its storage", &e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(db) = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        else {
            return;
        };
        let names = db.object_store_names();
        for store in [META, BUNDLES, REPORTS] {
            if !names.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = outcome(&request).await.map_err(|e| say("open its storage", &e))?;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    let db = db
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "The browser's storage answered with something else.".to_string())?;
    close_on_version_change(&db);
    Ok(db)
}

fn transaction(db: &IdbDatabase, mode: IdbTransactionMode, doing: &str) -> Result<IdbTransaction, String> {
    let stores =
        Array::of3(&JsValue::from_str(META), &JsValue::from_str(BUNDLES), &JsValue::from_str(REPORTS));
    db.transaction_with_str_sequence_and_mode(&stores, mode).map_err(|e| say(doing, &e))
}

/// Every stored collection, oldest first (ids sort by creation time). The records are read a few
/// per task. A record of the older version (its report inside it: a 200-file one took the page's
/// thread 20 ms to read) is rewritten once, its report moved to the `reports` store.
pub async fn list() -> Result<Vec<Listed>, String> {
    let db = open().await?;
    let doing = "list your collections";
    let tx = transaction(&db, IdbTransactionMode::Readonly, doing)?;
    let store = tx.object_store(META).map_err(|e| say(doing, &e))?;
    let keys = store.get_all_keys().map_err(|e| say(doing, &e))?;
    let values = store.get_all().map_err(|e| say(doing, &e))?;
    let keys: Array = outcome(&keys).await.map_err(|e| say(doing, &e))?.unchecked_into();
    let values: Array = outcome(&values).await.map_err(|e| say(doing, &e))?.unchecked_into();
    db.close();
    let mut listed = Vec::with_capacity(keys.length() as usize);
    let mut older = Vec::new();
    let mut started = crate::io::now();
    for (key, value) in keys.iter().zip(values.iter()) {
        if crate::io::now() - started > crate::io::SLICE_MS {
            crate::io::next_task().await;
            started = crate::io::now();
        }
        let key = key.as_string().unwrap_or_default();
        listed.push(match value.as_string().map(|text| decode_record(&text)) {
            Some(Ok(Record::Current(meta))) => Ok(meta),
            Some(Ok(Record::WithReport(meta, report))) => {
                older.push((meta.clone(), report));
                Ok(meta)
            }
            Some(Err(why)) => Err((key, why)),
            None => Err((key, RecordError::Corrupt("not text".into()))),
        });
    }
    for (meta, report) in older {
        // Best effort: a record that cannot be rewritten now (a full disk) is read as it is and
        // rewritten at a later visit.
        let _ = migrate(&meta, report.as_ref()).await;
    }
    Ok(listed)
}

/// Rewrites an older record as the current version, its report (if it had one) in its own store,
/// in one transaction.
async fn migrate(meta: &Meta, report: Option<&FilesReport>) -> Result<(), String> {
    let db = open().await?;
    let doing = "update a collection's description";
    let tx = transaction(&db, IdbTransactionMode::Readwrite, doing)?;
    let key = JsValue::from_str(&meta.id);
    let put = || -> Result<(), JsValue> {
        if let Some(report) = report {
            let bytes = Uint8Array::from(encode_report(report).as_slice());
            tx.object_store(REPORTS)?.put_with_key(&bytes, &key)?;
        }
        tx.object_store(META)?.put_with_key(&JsValue::from_str(&encode_meta(meta)), &key)?;
        Ok(())
    };
    if let Err(e) = put() {
        let _ = tx.abort();
        db.close();
        return Err(say(doing, &e));
    }
    let result = committed(&tx).await.map_err(|e| say(doing, &e));
    db.close();
    result
}

/// The import report of a stored collection: `None` for one that has none (opened from a `.plx`
/// file), a sentence if it cannot be read.
pub async fn load_report(id: &str) -> Result<Option<FilesReport>, String> {
    match load_report_bytes(id).await? {
        Some(bytes) => {
            decode_report(&bytes).map(Some).map_err(|why| format!("This collection cannot show {why}."))
        }
        None => Ok(None),
    }
}

/// What `store` holds under `id` (undefined when nothing), read in a transaction of its own;
/// `doing` names the read in an error's sentence.
async fn stored_value(store: &str, id: &str, doing: &str) -> Result<JsValue, String> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readonly, doing)?;
    let store = tx.object_store(store).map_err(|e| say(doing, &e))?;
    let got = outcome(&store.get(&JsValue::from_str(id)).map_err(|e| say(doing, &e))?).await;
    db.close();
    got.map_err(|e| say(doing, &e))
}

/// The stored bytes of a collection's import report (`collection_report.rs`'s format), unread.
pub async fn load_report_bytes(id: &str) -> Result<Option<Vec<u8>>, String> {
    let value = stored_value(REPORTS, id, "read this collection's import report").await?;
    if value.is_undefined() {
        return Ok(None);
    }
    let bytes = value
        .dyn_into::<Uint8Array>()
        .map_err(|_| "This collection's stored import report is damaged.".to_string())?
        .to_vec();
    Ok(Some(bytes))
}

/// The bundle bytes of a stored collection.
pub async fn load_bundle(id: &str) -> Result<Vec<u8>, String> {
    let value = stored_value(BUNDLES, id, "read this collection").await?;
    if value.is_undefined() {
        return Err("This collection is no longer stored in this browser (it was deleted, or the browser cleared its storage).".into());
    }
    let damaged = || "This collection's stored bundle is damaged.".to_string();
    // A `Blob` since bundles are stored as one; bytes as collections saved before were.
    match value.dyn_into::<web_sys::Blob>() {
        Ok(blob) => blob_bytes(&blob).await.map_err(|_| damaged()),
        Err(value) => Ok(value.dyn_into::<Uint8Array>().map_err(|_| damaged())?.to_vec()),
    }
}

/// A `Blob`'s bytes (read off the page's thread, then copied into this module's memory).
pub async fn blob_bytes(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buffer =
        JsFuture::from(blob.array_buffer()).await.map_err(|_| "The bundle could not be read.".to_string())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// `bytes` as a `Blob`, to hand to [`save`].
pub fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, String> {
    web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))
        .map_err(|_| "The bundle could not be prepared for storing.".to_string())
}

/// Stores a collection (its record, its bundle and, when it has one, its stored import report,
/// `collection_report.rs`'s bytes) in one transaction: all or none.
pub async fn save(meta: &Meta, report: Option<&[u8]>, bundle: &web_sys::Blob) -> Result<(), String> {
    let db = open().await?;
    let doing = format!("save “{}” ({})", meta.name, crate::collections::show_bytes(bundle.size()));
    let tx = transaction(&db, IdbTransactionMode::Readwrite, &doing)?;
    let key = JsValue::from_str(&meta.id);
    let record = encode_meta(meta);
    let put = || -> Result<(), JsValue> {
        // Stored as a `Blob`: the browser writes its bytes off the page's thread, where bytes put
        // as a typed array are serialised (and compressed) in the page's task, 130 ms for 20 MB.
        tx.object_store(BUNDLES)?.put_with_key(bundle, &key)?;
        match report {
            // A report is small beside its bundle (tens of KB for 200 files): copied as it is.
            Some(report) => tx.object_store(REPORTS)?.put_with_key(&Uint8Array::from(report), &key)?,
            None => tx.object_store(REPORTS)?.delete(&key)?,
        };
        tx.object_store(META)?.put_with_key(&JsValue::from_str(&record), &key)?;
        Ok(())
    };
    if let Err(e) = put() {
        let _ = tx.abort();
        db.close();
        return Err(say(&doing, &e));
    }
    let result = committed(&tx).await.map_err(|e| say(&doing, &e));
    db.close();
    result
}

/// Writes a changed record (a new name) without touching the bundle.
pub async fn update_meta(meta: &Meta) -> Result<(), String> {
    let db = open().await?;
    let doing = "save the new name";
    let tx = transaction(&db, IdbTransactionMode::Readwrite, doing)?;
    let put = tx
        .object_store(META)
        .and_then(|s| s.put_with_key(&JsValue::from_str(&encode_meta(meta)), &JsValue::from_str(&meta.id)));
    if let Err(e) = put {
        db.close();
        return Err(say(doing, &e));
    }
    let result = committed(&tx).await.map_err(|e| say(doing, &e));
    db.close();
    result
}

/// Removes a collection, record, bundle and report, in one transaction.
pub async fn delete(id: &str) -> Result<(), String> {
    let db = open().await?;
    let doing = "delete this collection";
    let tx = transaction(&db, IdbTransactionMode::Readwrite, doing)?;
    let key = JsValue::from_str(id);
    let gone = || -> Result<(), JsValue> {
        tx.object_store(META)?.delete(&key)?;
        tx.object_store(BUNDLES)?.delete(&key)?;
        tx.object_store(REPORTS)?.delete(&key)?;
        Ok(())
    };
    if let Err(e) = gone() {
        db.close();
        return Err(say(doing, &e));
    }
    let result = committed(&tx).await.map_err(|e| say(doing, &e));
    db.close();
    if let Some(storage) = local_storage() {
        let remembered =
            format!("{}{}", crate::storage::KEY, CollectionId::Stored(id.into()).storage_suffix());
        let _ = storage.remove_item(&remembered);
    }
    result
}

/// (bytes used, bytes allowed) by this site's storage, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let number = |name: &str| Reflect::get(&estimate, &JsValue::from_str(name)).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The collection the reader last opened (the built-in corpus if none, or if storage is off).
pub fn current() -> CollectionId {
    local_storage()
        .and_then(|s| s.get_item(CURRENT_KEY).ok().flatten())
        .filter(|id| !id.is_empty())
        .map_or(CollectionId::BuiltIn, CollectionId::Stored)
}

/// Remembers which collection is open, for the next visit.
pub fn set_current(id: &CollectionId) {
    let Some(storage) = local_storage() else { return };
    let _ = match id {
        CollectionId::BuiltIn => storage.remove_item(CURRENT_KEY),
        CollectionId::Stored(id) => storage.set_item(CURRENT_KEY, id),
    };
}

/// The sessionStorage key set while an import runs in this tab: still there at the next start means
/// the tab was reloaded or its page closed mid-import (which stores nothing).
const IMPORTING_KEY: &str = "parallax.importing";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Notes that an import is running in this tab (see [`interrupted_import`]).
pub fn import_started() {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(IMPORTING_KEY, &now_iso());
    }
}

/// Notes that the import of this tab ended (finished, failed or cancelled).
pub fn import_ended() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(IMPORTING_KEY);
    }
}

/// True once after this tab was reloaded (or its page left) while an import was running.
pub fn interrupted_import() -> bool {
    let Some(storage) = session_storage() else { return false };
    let was = storage.get_item(IMPORTING_KEY).ok().flatten().is_some();
    let _ = storage.remove_item(IMPORTING_KEY);
    was
}

/// Whether [`interrupted_import`] will say so, without clearing it (the explorer's check whether
/// the collections panel has anything to show at once).
pub fn import_was_interrupted() -> bool {
    session_storage().is_some_and(|s| s.get_item(IMPORTING_KEY).ok().flatten().is_some())
}

/// Whether this browser may hold collections: the database exists (`indexedDB.databases()`; true
/// where the browser cannot say). Creates nothing, so a first visit leaves no database behind.
pub async fn may_hold_collections() -> bool {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else { return false };
    let databases = Reflect::get(&factory, &JsValue::from_str("databases"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&factory).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok());
    let Some(databases) = databases else { return true };
    let Ok(list) = JsFuture::from(databases).await else { return true };
    Array::from(&list).iter().any(|info| {
        Reflect::get(&info, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).as_deref()
            == Some(DB)
    })
}

/// A new collection id: the time in base 36 (so ids sort by creation) and a random tail.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("c-{}-{}", base36(now), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Now, ISO 8601 in UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}
