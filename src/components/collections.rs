//! The home page's collections panel: "Open your own articles" (files, a folder, or files and
//! folders dropped on the page), the import's progress with Cancel, the list of collections this
//! browser keeps beside the built-in corpus (open, rename, download as `.plx`, delete), the storage
//! they take, and the per-file report of the open collection's import. It formats and dispatches:
//! building is the worker's (`import.rs`), storing `collections_db.rs`'s.
//!
//! It is drawn by the collections module (`src/extras.rs`), not the explorer's first-visit wasm: the
//! explorer passes what it needs in [`CollectionsProps`] and hears back through
//! [`HostAction`]s.

use std::cell::RefCell;
use std::rc::Rc;

use parallax_engine::report::FilesReport;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::collection_report::{encode_report, postcard_of, record_of_postcard};
use crate::collections::{
    clean_name, default_name, merge_reports, show_bytes, CollectionId, Meta, ACCEPT, FORMATS_NOTE,
    PRIVATE_NOTE,
};
use crate::collections_db::{self, Listed};
use crate::components::isolate::iso;
use crate::import::{self, ImportEvent, ImportJob};

/// What the panel asks of the explorer that shows it (whose state lives in the other module).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostAction {
    /// Open this collection.
    Switch(CollectionId),
    /// This collection's stored bundle changed (files were added): open it again if it is open.
    Reload(CollectionId),
    /// The notice has been shown.
    NoticeShown,
}

/// Files the reader chose or dropped before the panel was shown: imported as it opens.
#[derive(Clone)]
pub enum Pending {
    /// A file input's files ([`import::input_list`]).
    Input(js_sys::Array),
    /// A drop's walk ([`import::dropped_files`]).
    Dropped(js_sys::Promise),
}

/// What the panel shows of the explorer's state.
#[derive(Properties, Clone)]
pub struct CollectionsProps {
    /// The open collection.
    pub current: CollectionId,
    /// A notice to show once (a stored collection that could not be opened).
    pub notice: Option<String>,
    /// The built-in corpus's article count, when it is the one open and loaded.
    pub built_in_articles: Option<usize>,
    /// Where [`HostAction`]s go.
    pub on_host: Callback<HostAction>,
    /// Files to import as soon as the panel is shown (only the first props' count).
    pub pending: Option<Pending>,
}

impl PartialEq for CollectionsProps {
    fn eq(&self, other: &Self) -> bool {
        (&self.current, &self.notice, self.built_in_articles)
            == (&other.current, &other.notice, other.built_in_articles)
    }
}

/// How far the running import has got.
#[derive(Clone, Debug, Default, PartialEq)]
struct Running {
    /// Files handed to the worker.
    files: usize,
    done: usize,
    total: usize,
    articles: usize,
    removed: usize,
    indexing: bool,
    saving: bool,
}

/// A collection files are added to: its record and its import report, as stored.
#[derive(Clone)]
struct Target {
    meta: Meta,
    report: Option<FilesReport>,
}

/// What to do with files the reader opened or dropped (each with its relative path): build a new
/// collection, or add them to this one.
type OnFiles = Rc<dyn Fn(Vec<(File, String)>, Option<Meta>)>;

/// What the worker's build gave.
struct Built {
    report: FilesReport,
    /// The same report in postcard, as the worker wrote it (stored as it is for a new collection).
    report_bytes: Vec<u8>,
    /// Articles in the bundle.
    articles: usize,
    /// Articles found in the files just read.
    added: usize,
}

/// Most refused files listed by name (the report has them all).
const MAX_LISTED: usize = 50;

/// The collections panel.
#[function_component(Collections)]
pub fn collections(props: &CollectionsProps) -> Html {
    let current = props.current.clone();
    let on_host = props.on_host.clone();
    let listed = use_state(|| None::<Result<Vec<Listed>, String>>);
    let estimate = use_state(|| None::<(f64, f64)>);
    let refresh = use_state(|| 0u32);
    // Which listing was read last (0: none yet): the open collection's report is read once its
    // record is listed (and an older record rewritten, its report moved to the reports store).
    let lists = use_state(|| 0u32);
    let running = use_state(|| None::<Running>);
    let message = use_state(|| {
        collections_db::interrupted_import().then(|| {
            "The last import was interrupted before it finished (the page was reloaded or left), so nothing \
             was saved. Open your files again to import them."
                .to_string()
        })
    });
    let unsaved_report = use_state(|| None::<Rc<FilesReport>>);
    // The open collection's import report, read from its own store when the home page shows that
    // collection (never while listing or opening collections), or kept from the import that made it.
    let shown_report = use_state(|| None::<(String, Rc<FilesReport>)>);
    // Whether the report's table of every file is open (it is made only then).
    let table_open = use_state(|| false);
    let renaming = use_state(|| None::<(String, String)>);
    let deleting = use_state(|| None::<String>);
    let job = use_mut_ref(|| None::<ImportJob>);
    let exporting = use_state(|| None::<String>);
    let export_job = use_mut_ref(|| None::<ImportJob>);

    {
        let (listed, estimate, lists) = (listed.clone(), estimate.clone(), lists.clone());
        use_effect_with(*refresh, move |refresh| {
            let listing = refresh.wrapping_add(1);
            wasm_bindgen_futures::spawn_local(async move {
                listed.set(Some(collections_db::list().await));
                lists.set(listing);
                estimate.set(collections_db::estimate().await);
            });
        });
    }
    {
        let shown_report = shown_report.clone();
        use_effect_with((current.clone(), *lists), move |(current, lists)| {
            let id = match current {
                CollectionId::Stored(id)
                    if *lists > 0 && shown_report.as_ref().is_none_or(|(held, _)| held != id) =>
                {
                    id.clone()
                }
                _ => return,
            };
            wasm_bindgen_futures::spawn_local(async move {
                // A collection with no report (opened from a `.plx` file) or one that cannot be
                // read shows none; the collection itself still opens.
                if let Ok(Some(report)) = collections_db::load_report(&id).await {
                    shown_report.set(Some((id, Rc::new(report))));
                }
            });
        });
    }
    // Leaving the page stops a running import (nothing is stored before it finishes).
    {
        let job = job.clone();
        let export_job = export_job.clone();
        use_effect_with((), move |_| {
            move || {
                drop(job.borrow_mut().take());
                drop(export_job.borrow_mut().take());
            }
        });
    }

    let bump = {
        let refresh = refresh.clone();
        move || refresh.set(refresh.wrapping_add(1))
    };
    let open = {
        let on_host = on_host.clone();
        move |id: CollectionId| {
            on_host.emit(HostAction::Switch(id));
            let _ = gloo::utils::window().location().set_hash("/");
        }
    };

    // Stores a finished build and opens it (or shows it, when files were added to the open one).
    let finish = {
        let (running, message, unsaved_report, job, shown_report) =
            (running.clone(), message.clone(), unsaved_report.clone(), job.clone(), shown_report.clone());
        let (bump, open, on_host) = (bump.clone(), open.clone(), on_host.clone());
        Rc::new(move |paths: Rc<Vec<String>>, target: Option<Target>, bundle: web_sys::Blob, built: Built| {
            job.borrow_mut().take();
            if built.added == 0 {
                collections_db::import_ended();
                running.set(None);
                message.set(Some(match &target {
                    None => "No articles were found in these files, so nothing was saved.".into(),
                    Some(target) => format!(
                        "No new articles were found in these files, so “{}” is unchanged.",
                        target.meta.name
                    ),
                }));
                unsaved_report.set(Some(Rc::new(built.report)));
                return;
            }
            let adding = target.is_some();
            // A new collection's report is stored as the worker wrote it; an added-to one's is the
            // merged report, written out again.
            let (meta, said, report, stored_report) = match target {
                None => {
                    let created = collections_db::now_iso();
                    let meta = Meta {
                        files: built.report.files.len(),
                        articles: built.articles,
                        bytes: bundle.size() as usize,
                        ..Meta::new(collections_db::new_id(), default_name(&paths, &created), created)
                    };
                    (meta, None, built.report, record_of_postcard(&built.report_bytes))
                }
                Some(Target { meta: earlier, report: earlier_report }) => {
                    let already = earlier_report
                        .as_ref()
                        .map_or(0, |r| r.files.iter().filter(|f| paths.contains(&f.file)).count());
                    let (report, gained) = merge_reports(earlier_report, built.report);
                    let said = format!(
                        "Added {} {} to “{}”{}.",
                        built.added,
                        if built.added == 1 { "article" } else { "articles" },
                        earlier.name,
                        match already {
                            0 => String::new(),
                            1 => " (1 file was already in it and was skipped)".into(),
                            n => format!(" ({n} files were already in it and were skipped)"),
                        }
                    );
                    let meta = Meta {
                        files: earlier.files + gained,
                        articles: built.articles,
                        bytes: bundle.size() as usize,
                        ..earlier
                    };
                    let stored = encode_report(&report);
                    (meta, Some(said), report, stored)
                }
            };
            let (running, message, bump, open, on_host, shown_report) = (
                running.clone(),
                message.clone(),
                bump.clone(),
                open.clone(),
                on_host.clone(),
                shown_report.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let saved = collections_db::save(&meta, Some(&stored_report), &bundle).await;
                if saved.is_ok() {
                    // Shown as it is: not read back from the store.
                    shown_report.set(Some((meta.id.clone(), Rc::new(report))));
                }
                collections_db::import_ended();
                running.set(None);
                bump();
                let id = CollectionId::Stored(meta.id.clone());
                match saved {
                    Err(why) if adding => {
                        message.set(Some(format!("{why} “{}” is as it was before.", meta.name)))
                    }
                    Err(why) => message.set(Some(why)),
                    // The open collection grew: the explorer opens it again (if it is still open).
                    Ok(()) if adding => {
                        message.set(said);
                        on_host.emit(HostAction::Reload(id));
                    }
                    Ok(()) => {
                        message.set(said);
                        open(id);
                    }
                }
            });
        })
    };

    let generation = use_mut_ref(|| 0u32);
    let on_files: OnFiles = {
        let (running, message, unsaved_report, job) =
            (running.clone(), message.clone(), unsaved_report.clone(), job.clone());
        let (bump, open, finish, generation) =
            (bump.clone(), open.clone(), finish.clone(), generation.clone());
        Rc::new(move |files: Vec<(File, String)>, target: Option<Meta>| {
            if files.is_empty() {
                return;
            }
            message.set(None);
            unsaved_report.set(None);
            let (bundles, files): (Vec<_>, Vec<_>) =
                files.into_iter().partition(|(_, path)| import::is_bundle(path));
            for (file, path) in bundles {
                let (message, bump, open) = (message.clone(), bump.clone(), open.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match open_bundle(&file, &path).await {
                        Ok(id) => {
                            bump();
                            open(CollectionId::Stored(id));
                        }
                        Err(why) => message.set(Some(why)),
                    }
                });
            }
            if files.is_empty() {
                return;
            }
            if job.borrow().is_some() || running.is_some() {
                message.set(Some("An import is already running: cancel it or wait for it to finish.".into()));
                return;
            }
            let paths: Rc<Vec<String>> = Rc::new(files.iter().map(|(_, p)| p.clone()).collect());
            let progress = Rc::new(RefCell::new(Running { files: files.len(), ..Running::default() }));
            running.set(Some(progress.borrow().clone()));
            collections_db::import_started();
            let this = {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
                *g
            };
            let (running, message, finish, job, generation) =
                (running.clone(), message.clone(), finish.clone(), job.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match target {
                    None => Ok(None),
                    Some(meta) => match collections_db::load_bundle(&meta.id).await {
                        Ok(bundle) => collections_db::load_report(&meta.id)
                            .await
                            .map(|report| Some((Target { meta, report }, bundle))),
                        Err(why) => Err(why),
                    },
                };
                let (target, base) = match loaded {
                    Ok(None) => (None, None),
                    Ok(Some((target, bundle))) => {
                        let known = target
                            .report
                            .iter()
                            .flat_map(|r| r.files.iter().map(|f| f.file.clone()))
                            .collect();
                        (Some(target), Some(import::Base { bundle, known }))
                    }
                    Err(why) => {
                        collections_db::import_ended();
                        running.set(None);
                        message.set(Some(why));
                        return;
                    }
                };
                // Cancelled while the collection was being read.
                if *generation.borrow() != this {
                    return;
                }
                let (running_, message_, job_) = (running.clone(), message.clone(), job.clone());
                let started = ImportJob::start(files, base, move |event| match event {
                    ImportEvent::Progress { done, total, articles, removed } => {
                        let mut p = progress.borrow_mut();
                        (p.done, p.total, p.articles, p.removed) = (done, total, articles, removed);
                        running_.set(Some(p.clone()));
                    }
                    ImportEvent::Indexing => {
                        let mut p = progress.borrow_mut();
                        p.indexing = true;
                        running_.set(Some(p.clone()));
                    }
                    ImportEvent::Done { bundle, report, report_bytes, articles, added } => {
                        let mut p = progress.borrow_mut();
                        p.saving = true;
                        running_.set(Some(p.clone()));
                        let built = Built { report, report_bytes, articles, added };
                        finish(paths.clone(), target.clone(), bundle, built);
                    }
                    ImportEvent::Failed(why) => {
                        collections_db::import_ended();
                        job_.borrow_mut().take();
                        running_.set(None);
                        message_.set(Some(why));
                    }
                    ImportEvent::Site(_) => {}
                });
                match started {
                    Ok(started) => *job.borrow_mut() = Some(started),
                    Err(why) => {
                        collections_db::import_ended();
                        running.set(None);
                        message.set(Some(why));
                    }
                }
            });
        })
    };

    // Files and folders dropped anywhere on the page.
    const NOTHING_DROPPED: &str =
        "Nothing that was dropped could be read: drop article files, or folders holding them.";
    let latest = use_mut_ref(|| None::<OnFiles>);
    *latest.borrow_mut() = Some(on_files.clone());
    {
        let latest = latest.clone();
        let say = message.setter();
        use_effect_with((), move |_| {
            let listeners = import::on_file_drop(move |data| {
                let (latest, say) = (latest.clone(), say.clone());
                let reading = import::dropped(data);
                wasm_bindgen_futures::spawn_local(async move {
                    match reading.await {
                        Ok(files) if !files.is_empty() => {
                            let on_files = latest.borrow().clone();
                            if let Some(on_files) = on_files {
                                on_files(files, None);
                            }
                        }
                        Ok(_) => say.set(Some(NOTHING_DROPPED.into())),
                        Err(why) => say.set(Some(why)),
                    }
                });
            });
            move || drop(listeners)
        });
    }

    // Files chosen or dropped before this module had loaded.
    {
        let pending = props.pending.clone();
        let (on_files, say) = (on_files.clone(), message.setter());
        use_effect_with((), move |_| {
            if let Some(pending) = pending {
                wasm_bindgen_futures::spawn_local(async move {
                    let (files, dropped) = match pending {
                        Pending::Input(list) => (Ok(import::input_files(list).await), false),
                        Pending::Dropped(walk) => (import::dropped_list(walk).await, true),
                    };
                    match files {
                        Ok(files) if dropped && files.is_empty() => say.set(Some(NOTHING_DROPPED.into())),
                        Ok(files) => on_files(files, None),
                        Err(why) => say.set(Some(why)),
                    }
                });
            }
        });
    }

    let on_input = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = import::input_list(&input);
            input.set_value("");
            let on_files = on_files.clone();
            wasm_bindgen_futures::spawn_local(
                async move { on_files(import::input_files(files).await, None) },
            );
        })
    };
    let cancel = {
        let (job, running, message, generation) =
            (job.clone(), running.clone(), message.clone(), generation.clone());
        Callback::from(move |_: MouseEvent| {
            let next = generation.borrow().wrapping_add(1);
            *generation.borrow_mut() = next;
            if let Some(job) = job.borrow_mut().take() {
                job.cancel();
            }
            collections_db::import_ended();
            running.set(None);
            message.set(Some("Import cancelled: nothing was saved.".into()));
        })
    };

    let ontoggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target()
                .and_then(|details| js_sys::Reflect::get(&details, &"open".into()).ok())
                .is_some_and(|open| open.is_truthy());
            table_open.set(open);
        })
    };
    let notice = props.notice.clone();
    let dismiss = {
        let on_host = on_host.clone();
        Callback::from(move |_: MouseEvent| on_host.emit(HostAction::NoticeShown))
    };
    let built_in_count = match props.built_in_articles {
        Some(n) if current == CollectionId::BuiltIn => format!(" · {n} articles"),
        _ => String::new(),
    };
    let list = match &*listed {
        None => Vec::new(),
        Some(Ok(list)) => list.clone(),
        Some(Err(_)) => Vec::new(),
    };
    let current_meta =
        list.iter().filter_map(|l| l.as_ref().ok()).find(|m| current == CollectionId::Stored(m.id.clone()));
    let report = current_meta
        .and_then(|m| shown_report.as_ref().filter(|(id, _)| *id == m.id))
        .map(|(_, report)| report.clone())
        .or_else(|| (*unsaved_report).clone());

    let ctx = RowCx {
        current: current.clone(),
        renaming: renaming.clone(),
        deleting: deleting.clone(),
        message: message.clone(),
        bump: Rc::new(bump.clone()),
        open: Rc::new(open.clone()),
        add: on_files.clone(),
        busy: running.is_some(),
        exporting: exporting.clone(),
        export_job: export_job.clone(),
    };

    html! {
        <section class="collections" aria-labelledby="collections-h">
            <h2 id="collections-h" class="section-title">{ "Collections" }</h2>
            if let Some(notice) = notice {
                <p class="notice" role="alert">{ notice }{ " " }<button type="button" class="link-button" onclick={dismiss}>{ "OK" }</button></p>
            }
            <ul class="collection-list">
                <li class={classes!("collection", (current == CollectionId::BuiltIn).then_some("current"))}>
                    <span class="collection-name">{ "Built-in articles" }</span>
                    <span class="muted">{ format!(" · shipped with this site{built_in_count}") }</span>
                    { open_button(&ctx, CollectionId::BuiltIn) }
                </li>
                { for list.iter().map(|entry| row(&ctx, entry)) }
            </ul>
            if let Some(Err(why)) = &*listed {
                <p class="collections-error muted" role="status">{ why.clone() }</p>
            }
            if let Some((usage, quota)) = *estimate {
                <p class="storage-used muted">{ format!("This site uses {} of the {} this browser allows it.", show_bytes(usage), show_bytes(quota)) }</p>
            }
            <div class="import-panel">
                { import_controls(on_input, false) }
                if let Some(run) = &*running {
                    { progress(run, cancel) }
                }
                if let Some(text) = &*message {
                    <p class="import-message" role="alert">{ text.clone() }</p>
                }
            </div>
            if let Some(report) = report {
                { report_view(&report, *table_open, ontoggle) }
            }
        </section>
    }
}

/// "Open your own articles" and "Open a folder" (file inputs calling `on_input`), the accepted
/// formats and the privacy note: the panel's, and the same in the slot that stands in for it
/// before the collections module loads (`collections_slot`), so the swap changes nothing a reader sees.
pub fn import_controls(on_input: Callback<Event>, disabled: bool) -> Html {
    html! {
        <>
            <p class="import-controls">
                <label for="import-files" class="button">{ "Open your own articles" }</label>
                <input id="import-files" class="visually-hidden" type="file" multiple=true onchange={on_input.clone()}
                    accept={ACCEPT} {disabled} />
                { " " }
                <label for="import-folder" class="button secondary">{ "Open a folder" }</label>
                <input id="import-folder" class="visually-hidden" type="file" multiple=true webkitdirectory=true onchange={on_input}
                    {disabled} />
            </p>
            <p class="muted">{ FORMATS_NOTE }</p>
            <p class="private-note">{ PRIVATE_NOTE }</p>
        </>
    }
}

/// What each collection row needs.
#[derive(Clone)]
struct RowCx {
    current: CollectionId,
    renaming: UseStateHandle<Option<(String, String)>>,
    deleting: UseStateHandle<Option<String>>,
    message: UseStateHandle<Option<String>>,
    bump: Rc<dyn Fn()>,
    open: Rc<dyn Fn(CollectionId)>,
    add: OnFiles,
    busy: bool,
    exporting: UseStateHandle<Option<String>>,
    export_job: Rc<RefCell<Option<ImportJob>>>,
}

fn open_button(cx: &RowCx, id: CollectionId) -> Html {
    if cx.current == id {
        return html! { <span class="current-mark">{ " · open now" }</span> };
    }
    let open = cx.open.clone();
    html! { <>{ " " }<button type="button" class="link-button" onclick={Callback::from(move |_: MouseEvent| open(id.clone()))}>{ "Open" }</button></> }
}

fn row(cx: &RowCx, entry: &Listed) -> Html {
    let meta = match entry {
        Ok(meta) => meta,
        Err((key, why)) => {
            let key = key.clone();
            let (bump, message) = (cx.bump.clone(), cx.message.clone());
            let remove = Callback::from(move |_: MouseEvent| {
                let (key, bump, message) = (key.clone(), bump.clone(), message.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(why) = collections_db::delete(&key).await {
                        message.set(Some(why));
                    }
                    bump();
                });
            });
            return html! {
                <li class="collection damaged">
                    { format!("A stored collection cannot be opened: {why}. ") }
                    <button type="button" class="link-button" onclick={remove}>{ "Delete it" }</button>
                </li>
            };
        }
    };
    let id = CollectionId::Stored(meta.id.clone());
    let day = meta.created.get(..10).unwrap_or(&meta.created).to_string();
    let details = format!(
        " · {} {} from {} {} · {} · added {day}",
        meta.articles,
        if meta.articles == 1 { "article" } else { "articles" },
        meta.files,
        if meta.files == 1 { "file" } else { "files" },
        show_bytes(meta.bytes as f64)
    );
    let editing = cx.renaming.as_ref().filter(|(rid, _)| *rid == meta.id).map(|(_, text)| text.clone());
    let name_part = match editing {
        Some(text) => {
            let renaming = cx.renaming.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                if let Some((rid, _)) = &*renaming {
                    renaming.set(Some((rid.clone(), input.value())));
                }
            });
            let (renaming, message, bump, stored) =
                (cx.renaming.clone(), cx.message.clone(), cx.bump.clone(), meta.clone());
            let onsubmit = Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Some((_, typed)) = (*renaming).clone() else { return };
                match clean_name(&typed) {
                    Err(why) => message.set(Some(why)),
                    Ok(name) => {
                        let meta = Meta { name, ..stored.clone() };
                        let (renaming, message, bump) = (renaming.clone(), message.clone(), bump.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            match collections_db::update_meta(&meta).await {
                                Ok(()) => renaming.set(None),
                                Err(why) => message.set(Some(why)),
                            }
                            bump();
                        });
                    }
                }
            });
            html! {
                <form class="rename-form" {onsubmit}>
                    <label for={format!("rename-{}", meta.id)} class="visually-hidden">{ "New name" }</label>
                    <input id={format!("rename-{}", meta.id)} type="text" value={text} {oninput} />
                    <button type="submit">{ "Save name" }</button>
                </form>
            }
        }
        None => html! { <span class="collection-name">{ iso(&meta.name) }</span> },
    };
    let rename = {
        let (renaming, rid, name) = (cx.renaming.clone(), meta.id.clone(), meta.name.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some((rid.clone(), name.clone()))))
    };
    let export = {
        let (rid, name, message) = (meta.id.clone(), meta.name.clone(), cx.message.clone());
        Callback::from(move |_: MouseEvent| {
            let (rid, name, message) = (rid.clone(), name.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let file = format!("{}.plx", parallax_engine::model::slugify(&name, 8));
                let done =
                    collections_db::load_bundle(&rid).await.and_then(|bytes| import::download(&bytes, &file));
                if let Err(why) = done {
                    message.set(Some(why));
                }
            });
        })
    };
    let add = {
        let (on_files, stored) = (cx.add.clone(), meta.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = import::input_list(&input);
            input.set_value("");
            let (on_files, stored) = (on_files.clone(), stored.clone());
            wasm_bindgen_futures::spawn_local(async move {
                on_files(import::input_files(files).await, Some(stored))
            });
        })
    };
    let site = {
        let (exporting, export_job, message, stored) =
            (cx.exporting.clone(), cx.export_job.clone(), cx.message.clone(), meta.clone());
        Callback::from(move |_: MouseEvent| {
            if exporting.is_some() {
                return;
            }
            exporting.set(Some(stored.id.clone()));
            let (exporting, export_job, message, stored) =
                (exporting.clone(), export_job.clone(), message.clone(), stored.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let fail = |why: String| {
                    exporting.set(None);
                    message.set(Some(why));
                };
                let bundle = match collections_db::load_bundle(&stored.id).await {
                    Ok(bundle) => bundle,
                    Err(why) => return fail(why),
                };
                // Its report as stored, handed over without being read here (none for a
                // collection opened from a `.plx` file).
                let report = match collections_db::load_report_bytes(&stored.id).await {
                    Ok(Some(bytes)) => match postcard_of(&bytes) {
                        Ok(body) => body.to_vec(),
                        Err(why) => return fail(format!("This collection cannot be exported: {why}.")),
                    },
                    Ok(None) => Vec::new(),
                    Err(why) => return fail(why),
                };
                let folder = format!("{}-site", parallax_engine::model::slugify(&stored.name, 8));
                let (done, job, zip_name) = (exporting.clone(), export_job.clone(), format!("{folder}.zip"));
                let said = message.clone();
                let started =
                    ImportJob::export_site(&bundle, &report, stored.articles, &folder, move |event| {
                        match event {
                            ImportEvent::Site(zip) => {
                                if let Err(why) = import::download(&zip, &zip_name) {
                                    said.set(Some(why));
                                }
                            }
                            ImportEvent::Failed(why) => said.set(Some(why)),
                            _ => return,
                        }
                        job.borrow_mut().take();
                        done.set(None);
                    });
                match started {
                    Ok(started) => *export_job.borrow_mut() = Some(started),
                    Err(why) => fail(why),
                }
            });
        })
    };
    let preparing = cx.exporting.as_deref() == Some(meta.id.as_str());
    let asking = cx.deleting.as_deref() == Some(meta.id.as_str());
    let ask = {
        let (deleting, rid) = (cx.deleting.clone(), meta.id.clone());
        Callback::from(move |_: MouseEvent| deleting.set(Some(rid.clone())))
    };
    let keep = {
        let deleting = cx.deleting.clone();
        Callback::from(move |_: MouseEvent| deleting.set(None))
    };
    let confirm = {
        let (deleting, message, bump, open) =
            (cx.deleting.clone(), cx.message.clone(), cx.bump.clone(), cx.open.clone());
        let (rid, was_current) = (meta.id.clone(), cx.current == id);
        Callback::from(move |_: MouseEvent| {
            let (deleting, message, bump, open, rid) =
                (deleting.clone(), message.clone(), bump.clone(), open.clone(), rid.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match collections_db::delete(&rid).await {
                    Ok(()) if was_current => open(CollectionId::BuiltIn),
                    Ok(()) => {}
                    Err(why) => message.set(Some(why)),
                }
                deleting.set(None);
                bump();
            });
        })
    };
    html! {
        <li class={classes!("collection", (cx.current == id).then_some("current"))}>
            { name_part }
            <span class="muted">{ details }</span>
            { open_button(cx, id.clone()) }
            { " · " }
            <label for={format!("add-{}", meta.id)} class={classes!("link-button", cx.busy.then_some("disabled"))}>{ "Add articles" }</label>
            <input id={format!("add-{}", meta.id)} class="visually-hidden add-files" type="file" multiple=true disabled={cx.busy} onchange={add} accept={ACCEPT} />
            { " · " }<button type="button" class="link-button" onclick={rename}>{ "Rename" }</button>
            { " · " }<button type="button" class="link-button" onclick={export}>{ "Download .plx" }</button>
            { " · " }
            if preparing {
                <span class="muted" role="status">{ "Preparing the site…" }</span>
            } else {
                <button type="button" class="link-button" onclick={site} title="A zip of a ready-to-host site, as `parallax site` writes it">{ "Download site (.zip)" }</button>
            }
            { " · " }
            if asking {
                <span role="alert">{ "Delete " }{ iso(&meta.name) }{ " from this browser? " }</span>
                <button type="button" class="link-button danger" onclick={confirm}>{ "Yes, delete" }</button>
                { " " }<button type="button" class="link-button" onclick={keep}>{ "Keep it" }</button>
            } else {
                <button type="button" class="link-button" onclick={ask}>{ "Delete" }</button>
            }
        </li>
    }
}

fn progress(run: &Running, cancel: Callback<MouseEvent>) -> Html {
    let stage = if run.saving {
        "Saving the collection in this browser…".to_string()
    } else if run.indexing {
        "Building the search index, entities and stories…".to_string()
    } else {
        format!("Reading and cleaning files: {} of {}", run.done, run.total.max(run.files))
    };
    html! {
        <div class="import-progress" role="status">
            <progress max={run.total.max(1).to_string()} value={run.done.to_string()}></progress>
            <p>
                { stage }
                { format!(" · {} {} found · {} pieces of noise removed", run.articles, if run.articles == 1 { "article" } else { "articles" }, run.removed) }
            </p>
            if !run.saving {
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            }
        </div>
    }
}

/// The import report: a summary, the refused files with their reasons, and a table of every file
/// that is made only once the reader opens it (`table_open`; 5,000 rows cost the page's thread a
/// long task).
fn report_view(report: &FilesReport, table_open: bool, ontoggle: Callback<Event>) -> Html {
    let refused: Vec<_> = report.files.iter().filter(|f| f.status == "rejected").collect();
    let with_articles = report.files.len() - refused.len();
    let why = |f: &parallax_engine::report::FileReport| {
        f.diagnostics
            .iter()
            .find(|d| d.severity == "error")
            .or_else(|| f.diagnostics.iter().find(|d| d.severity == "warning"))
            .map_or_else(|| "no article found".to_string(), |d| d.message.clone())
    };
    html! {
        <section class="import-report" aria-labelledby="import-report-h">
            <h3 id="import-report-h">{ format!("Import report: {} {} with articles, {} without", with_articles, if with_articles == 1 { "file" } else { "files" }, refused.len()) }</h3>
            if !refused.is_empty() {
                <ul class="import-refused">
                    { for refused.iter().take(MAX_LISTED).map(|f| html! { <li><bdi class="file-name">{ &f.file }</bdi>{ ": " }{ why(f) }</li> }) }
                    if refused.len() > MAX_LISTED {
                        <li>{ format!("and {} more (see the table below)", refused.len() - MAX_LISTED) }</li>
                    }
                </ul>
            }
            <details open={table_open} {ontoggle}>
                <summary>{ "Every file: format, status, articles, noise removed" }</summary>
                if table_open {
                    <table class="report-table">
                        <thead><tr><th>{ "File" }</th><th>{ "Format" }</th><th>{ "Status" }</th><th>{ "Articles" }</th><th>{ "Noise removed" }</th></tr></thead>
                        <tbody>
                            { for report.files.iter().map(|f| html! {
                                <tr>
                                    <td><bdi>{ &f.file }</bdi></td>
                                    <td>{ &f.format }</td>
                                    <td>{ &f.status }</td>
                                    <td>{ f.articles.len() }</td>
                                    <td>{ f.removed.iter().map(|(reason, n)| format!("{reason} {n}")).collect::<Vec<_>>().join(", ") }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </details>
        </section>
    }
}

/// Opens a `.plx` file as a collection: checked (decoded) before it is stored.
async fn open_bundle(file: &File, path: &str) -> Result<String, String> {
    let bytes = import::read_bytes(file).await?;
    let bundle = crate::io::decode_in_steps(&bytes)
        .await
        .map_err(|why| format!("{path} is not a bundle Parallax can open: {why}"))?;
    let name = path.rsplit('/').next().unwrap_or(path);
    let name = name.get(..name.len().saturating_sub(4)).filter(|n| !n.is_empty()).unwrap_or(name);
    let meta = Meta {
        files: 1,
        articles: bundle.articles.len(),
        bytes: bytes.len(),
        ..Meta::new(collections_db::new_id(), name.to_string(), collections_db::now_iso())
    };
    collections_db::save(&meta, None, &collections_db::blob_of(&bytes)?).await?;
    Ok(meta.id)
}
