//! "Make this corpus available offline" on a chunked site: the size up front, what is cached
//! already, and a progress bar while every chunk is downloaded into the service worker's chunk
//! cache (small corpora are cached whole at install and say so at once).

use yew::prelude::*;

use crate::chunked_view::{megabytes, offline_line, Chunks};
use crate::io;

/// Properties of [`OfflinePanel`].
#[derive(Properties, PartialEq)]
pub struct OfflinePanelProps {
    /// The chunked corpus.
    pub corpus: Chunks,
}

/// The offline panel (shown only where the browser can cache files).
#[function_component(OfflinePanel)]
pub fn offline_panel(props: &OfflinePanelProps) -> Html {
    let summary = props.corpus.reader.borrow().manifest().summary.clone();
    let (total_bytes, n_files) = (summary.chunk_bytes, summary.chunk_files as usize);
    // (files, bytes) cached; None until known, or where nothing can be cached.
    let cached = use_state(|| None::<(usize, u64)>);
    let progress = use_state(|| None::<(usize, u64)>);
    let error = use_state(|| None::<String>);
    {
        let (cached, corpus) = (cached.clone(), props.corpus.clone());
        use_effect_with(props.corpus.clone(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // The chunks known without fetching; only if all of those are cached, the
                // directory pages (cached too, so no download) name the article chunks to count.
                let known = io::chunk_list(&corpus);
                let Some(status) = io::chunk_cache_status(&known).await else { return };
                cached.set(Some(status));
                if status.0 >= known.len() && known.len() < n_files {
                    if let Ok(all) = io::all_chunks(&corpus).await {
                        if let Some(status) = io::chunk_cache_status(&all).await {
                            cached.set(Some(status));
                        }
                    }
                }
            });
        });
    }
    let Some((files, bytes)) = *cached else { return Html::default() };
    let start = {
        let (cached, progress, error, corpus) =
            (cached.clone(), progress.clone(), error.clone(), props.corpus.clone());
        Callback::from(move |_: MouseEvent| {
            let (cached, progress, error, corpus) =
                (cached.clone(), progress.clone(), error.clone(), corpus.clone());
            error.set(None);
            progress.set(Some((0, 0)));
            wasm_bindgen_futures::spawn_local(async move {
                let chunks = match io::all_chunks(&corpus).await {
                    Ok(chunks) => chunks,
                    Err(why) => {
                        progress.set(None);
                        error.set(Some(why));
                        return;
                    }
                };
                let shown = progress.clone();
                let outcome =
                    io::make_offline(&chunks, move |files, bytes| shown.set(Some((files, bytes)))).await;
                progress.set(None);
                if let Err(why) = outcome {
                    error.set(Some(why));
                }
                if let Some(status) = io::chunk_cache_status(&chunks).await {
                    cached.set(Some(status));
                }
            });
        })
    };
    let all = files >= n_files;
    html! {
        <section class="offline-panel" aria-labelledby="offline-h">
            <h2 id="offline-h" class="section-title">{ "Offline" }</h2>
            <p class="offline-status" role="status">{ offline_line(files, n_files, bytes, total_bytes) }</p>
            { match *progress {
                Some((done, done_bytes)) => html! {
                    <p class="offline-progress">
                        <progress max={total_bytes.max(1).to_string()} value={done_bytes.to_string()}></progress>
                        { format!(" {} of {} ({done} of {n_files} files)", megabytes(done_bytes), megabytes(total_bytes)) }
                    </p>
                },
                None if !all => html! {
                    <p><button type="button" class="button" id="make-offline" onclick={start}>
                        { format!("Make this corpus available offline ({})", megabytes(total_bytes)) }
                    </button></p>
                },
                None => Html::default(),
            } }
            { (*error).clone().map(|why| html! { <p class="error-message" role="alert">{ why }</p> }).unwrap_or_default() }
        </section>
    }
}
