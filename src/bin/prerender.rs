//! Writes the home page's first screen into a built explorer's `index.html` (see
//! `parallax_app::prerender`), from the `corpus.plx` beside it. Run natively by
//! `scripts/precache.sh` before the service worker's file list is made:
//! `cargo run -p parallax-app --bin prerender -- DIST`

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    match prerender(&dir) {
        Ok(articles) => {
            eprintln!(
                "prerender: {} has the first view ({articles} articles)",
                dir.join("index.html").display()
            );
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("prerender: {why}");
            ExitCode::FAILURE
        }
    }
}

/// Rewrites `dir/index.html`; the number of articles of the corpus.
fn prerender(dir: &std::path::Path) -> Result<usize, String> {
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let corpus_path = dir.join("corpus.plx");
    let bytes = std::fs::read(&corpus_path).map_err(|e| format!("{}: {e}", corpus_path.display()))?;
    let bundle =
        parallax_engine::bundle::decode(&bytes).map_err(|e| format!("{}: {e}", corpus_path.display()))?;
    let articles = bundle.articles.len();
    let view = parallax_app::prerender::first_view_html(bundle);
    let page = parallax_app::prerender::into_index(&index, &view).map_err(|e| e.to_string())?;
    std::fs::write(&index_path, page).map_err(|e| format!("{}: {e}", index_path.display()))?;
    Ok(articles)
}
