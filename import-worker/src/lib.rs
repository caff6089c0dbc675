//! The import worker's pure part: which files it reads, and one build from named bytes to the
//! encoded bundle plus the per-file report that `parallax site` writes into `report.json`.
//!
//! ```
//! use parallax_import_worker::{build, Input};
//!
//! let page = b"<!doctype html><html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>\
//!     <p>The new dam on the river opened on Monday after six years of building work by the city.</p>\
//!     <p>Officials said the reservoir would supply water to two hundred thousand homes in the region.</p>\
//!     </article></body></html>";
//! let out = build(&[Input { name: "news/dam.html".into(), bytes: page.to_vec() }], &[], &mut |_| {});
//! assert_eq!(out.articles, 1);
//! assert!(parallax_engine::bundle::decode(&out.bundle).is_ok());
//! ```

pub mod site;
pub mod zip;

use parallax_engine::report::{self, FilesReport};
use parallax_engine::{BuildOptions, Bundle, Progress, SourceInput};

/// The curated knowledge base, the same one `parallax build` uses by default.
pub const DEFAULT_KB: &str = include_str!("../../corpus/entities.toml");

/// Largest file read, as `parallax`'s default `--max-file-size` (64 MiB); a larger one is reported.
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// One file handed to the build: its relative path (folder imports keep their folders, so two
/// files of the same name in different folders stay two files) and its bytes.
pub struct Input {
    /// Relative path, e.g. `saved/2021/page.html`.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// What one import produced.
pub struct Output {
    /// The encoded bundle (the same versioned format as `corpus.plx`).
    pub bundle: Vec<u8>,
    /// Articles in the bundle.
    pub articles: usize,
    /// Articles found in this import's files (all of them, unless added to a collection).
    pub added: usize,
    /// The per-file report of this import's files and its totals.
    pub report: FilesReport,
}

/// Why a file is not read at all, or `None` when the build should read it. Names say most
/// (`.html`, `.txt`, `.jsonl`, `.warc`, their `.gz`); other names are read when their first bytes
/// look like text or a web page, so a `.png` or a `.pdf` gets a message instead of garbage articles.
pub fn refusal(name: &str, head: &[u8]) -> Option<String> {
    const KNOWN: [&str; 13] = [
        ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".jsonl", ".ndjson", ".json", ".warc", ".gz",
        ".eml", ".mhtml",
    ];
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".plx") {
        return Some("is a Parallax bundle: open it on its own to add it as a collection".into());
    }
    if KNOWN.iter().any(|ext| lower.ends_with(ext)) {
        return None;
    }
    let head = &head[..head.len().min(4096)];
    let binary =
        head.contains(&0) || std::str::from_utf8(head).is_err_and(|e| head.len() - e.valid_up_to() > 3);
    binary.then(|| {
        "is not a format Parallax reads (web pages .html, text .txt, JSON Lines .jsonl, web archives .warc, \
         or those gzip-compressed); skipped"
            .into()
    })
}

/// Builds the bundle from the files read and reports on them and on the ones refused (`refused`:
/// name and why). `progress` hears of each file cleaned, then of indexing.
pub fn build(
    inputs: &[Input],
    refused: &[(String, String)],
    progress: &mut dyn FnMut(Progress<'_>),
) -> Output {
    build_onto(Bundle::default(), inputs, refused, progress)
}

/// [`build`] adding to a collection's bundle: only `inputs` are cleaned, the rest is rebuilt over
/// every article (see [`parallax_engine::extend_bundle_with_progress`]); the report is about
/// `inputs` and `refused` only.
pub fn build_onto(
    base: Bundle,
    inputs: &[Input],
    refused: &[(String, String)],
    progress: &mut dyn FnMut(Progress<'_>),
) -> Output {
    let kept = base.articles.len();
    let sources: Vec<SourceInput<'_>> =
        in_path_order(inputs).map(|i| SourceInput { name: &i.name, bytes: &i.bytes }).collect();
    let built = parallax_engine::extend_bundle_with_progress(
        base,
        &sources,
        DEFAULT_KB,
        &BuildOptions::default(),
        progress,
    );
    let files = report::file_reports(&sources, refused, &built);
    let other = report::other_notes(&sources, &built);
    Output {
        bundle: parallax_engine::bundle::encode(&built.bundle),
        articles: built.bundle.articles.len(),
        added: built.bundle.articles.len() - kept,
        report: FilesReport { files, other },
    }
}

/// `inputs` in the order `parallax site` reads a folder: by relative path, a folder's name
/// compared before what follows it (`a/z.html` before `a-b/a.html`), so the files a browser hands
/// over in any order build the same bundle, byte for byte, as the CLI does from the same folder.
fn in_path_order(inputs: &[Input]) -> impl Iterator<Item = &Input> {
    let mut sorted: Vec<&Input> = inputs.iter().collect();
    sorted.sort_by(|a, b| a.name.split('/').cmp(b.name.split('/')));
    sorted.into_iter()
}

/// The file names a collection's bundle already holds articles from: adding a file of one of
/// these names again is refused, so adding a folder twice does not double its articles.
pub fn names_in(bundle: &Bundle) -> std::collections::HashSet<String> {
    bundle.articles.iter().map(|a| a.file.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_text_and_json_lines_are_read_and_pictures_are_refused_with_a_reason() {
        assert_eq!(refusal("a/page.HTML", b""), None);
        assert_eq!(refusal("notes.txt", b"\0\0"), None);
        assert_eq!(refusal("export.jsonl.gz", b"\x1f\x8b\0"), None);
        assert_eq!(refusal("README", b"Plain words, no extension."), None);
        assert!(
            refusal("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_some_and(|why| why.contains(".html"))
        );
        assert!(refusal("old.plx", b"PLX").is_some_and(|why| why.contains("bundle")));
    }

    #[test]
    fn a_refused_file_is_in_the_report_beside_the_articles() {
        let text = b"A Title Line\n\nA first paragraph that says something about the harbour.\n".to_vec();
        let out = build(
            &[Input { name: "one.txt".into(), bytes: text }],
            &[("photo.png".into(), "is not a format Parallax reads".into())],
            &mut |_| {},
        );
        assert_eq!(out.articles, 1);
        let statuses: Vec<(&str, &str)> =
            out.report.files.iter().map(|f| (f.file.as_str(), f.status.as_str())).collect();
        assert_eq!(statuses, [("one.txt", "ok"), ("photo.png", "rejected")]);
    }

    #[test]
    fn files_handed_over_in_any_order_build_the_same_bytes_as_the_folder_read_in_path_order() {
        let page = |title: &str, text: &str| Input {
            name: String::new(),
            bytes: format!("{title}\n\n{text}\n").into_bytes(),
        };
        let named = |name: &str, input: Input| Input { name: name.into(), ..input };
        let files = || {
            [
                named(
                    "a-b/one.txt",
                    page("Harbour Ferry Timetable", "The council approved two evening crossings."),
                ),
                named("a/two.txt", page("Valley Pear Harvest", "Growers picked a record harvest of pears.")),
                named(
                    "a/b/three.txt",
                    page("Bridge Repairs Begin", "Crews closed the northern road for two weeks."),
                ),
            ]
        };
        let [one, two, three] = files();
        let shuffled = build(&[one, two, three], &[], &mut |_| {});
        let [one, two, three] = files();
        let in_order = build(&[three, two, one], &[], &mut |_| {});
        assert_eq!(shuffled.bundle, in_order.bundle);
        let bundle = parallax_engine::bundle::decode(&shuffled.bundle).expect("a bundle");
        let order: Vec<&str> = bundle.articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(order, ["a/b/three.txt", "a/two.txt", "a-b/one.txt"], "a folder before a longer name");
    }

    #[test]
    fn added_files_join_the_collection_and_the_report_speaks_of_them_only() {
        let one = b"Harbour Ferry Timetable\n\nThe council approved two evening crossings to the island.\n"
            .to_vec();
        let two = b"Valley Pear Harvest\n\nGrowers picked a record harvest of pears this season.\n".to_vec();
        let first = build(&[Input { name: "a/one.txt".into(), bytes: one }], &[], &mut |_| {});
        let base = parallax_engine::bundle::decode(&first.bundle).expect("a bundle");
        assert!(names_in(&base).contains("a/one.txt"));
        let more = build_onto(base, &[Input { name: "b/two.txt".into(), bytes: two }], &[], &mut |_| {});
        assert_eq!((more.articles, more.added), (2, 1));
        let files: Vec<&str> = more.report.files.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(files, ["b/two.txt"]);
        let bundle = parallax_engine::bundle::decode(&more.bundle).expect("a bundle");
        let titles: Vec<&str> = bundle.articles.iter().map(|a| a.title.text.as_str()).collect();
        assert_eq!(titles, ["Harbour Ferry Timetable", "Valley Pear Harvest"]);
        assert_eq!(bundle.search.search(&bundle.articles, "\"record harvest\"", 5).hits.len(), 1);
    }
}
