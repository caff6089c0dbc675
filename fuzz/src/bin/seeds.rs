//! Writes the fuzz targets' seed corpora: `seeds <out dir>` fills `<out dir>/<target>/` from the
//! seed articles (`corpus/raw`), bundles built from them, and small inputs written for this (edge
//! cases of each format). Run by scripts/fuzz.sh before fuzzing; the output is not committed.

use std::path::Path;

use parallax_app::storage::{self, Remembered};
use parallax_engine::{build_bundle, bundle, SourceInput};
use parallax_fuzz::{payload_of, seed_files, FILE_SEPARATOR, KB};

/// Short articles written for the seeds: names with particles, an acronym, figures, dates, quotes.
const INVENTED: &[&str] = &[
    "Museum Opens New Wing\n\nFlorence, 3 May 2024 - Curators said Leonardo da Vinci painted it in 1503. \
     The Uffizi Gallery (UG) expects 2,000 visitors a day.\n\n\"It is a marvel,\" said Director Anna van der Berg.\n",
    "Talks Resume in Baghdad\n\nBaghdad: Prime Minister Mustafa al-Kadhimi met officials of the Popular \
     Mobilization Forces (PMF) on Tuesday, the premier's office said.\n\n- About 5,000 US troops remain.\n",
    "Budget Vote Delayed\n\nThe vote on the 1.5 million euro budget was delayed to March, said Maria de la Cruz \
     of the Council of Economic Experts.\nRead more: subscribe now\n",
    ".\nK di",
    "The painting is by Leonardo da",
    "",
    "\u{feff}Title\r\n\r\nBody text here.\r\n",
    "<html><head><title>Page</title></head><body><p>Hello</p></body></html>",
];

const QUERIES: &[&str] = &[
    "Kadhimi",
    "kadhemi",
    "Kadh",
    "\"prime minister\"",
    "\"Popular Mobilization Forces\"",
    "Iraq -Baghdad",
    "-\"prime minister\" Iraq",
    "election OR vote",
    "entity:pmf",
    "entity:\"Hashed al-Shaabi\"",
    "story:iraq",
    "Iraq outlet:reuters",
    "outlet:\"Al Jazeera\" troops",
    "\"\"\"",
    "- - -",
    "\u{202e}abc",
    "al-",
];

/// A page rendered by JavaScript: a title and "Loading…" for a reader without it, the story in a
/// JSON string of a `<script>` (escapes, nested JSON when `nested`), so mutations reach the
/// script-data reader.
fn script_page(nested: bool) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let body: String = (1..=12)
        .map(|i| {
            format!(
                "<p>Officials in district {i} said on Tuesday that \u{e9}lections would go ahead \"as planned\", \
                 and that {} observers were expected at {i} polling stations.</p>",
                i * 150
            )
        })
        .collect();
    let state = format!("{{\"article\":{{\"body\":{}}}}}", quoted(&body));
    let script = if nested {
        format!("self.__next_f.push([1,{}])", quoted(&state))
    } else {
        format!("window.__STATE__ = {state};")
    };
    format!(
        "<html><head><title>Election Day</title></head><body><div id=\"app\">Loading\u{2026}</div>\
         <script>{script}</script></body></html>"
    )
}

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: seeds <out dir>");
        std::process::exit(2);
    };
    let out = Path::new(&out);
    let raw = seed_files();
    let invented: Vec<Vec<u8>> = INVENTED.iter().map(|s| s.as_bytes().to_vec()).collect();
    let joined = |parts: &[&[u8]]| parts.join(&FILE_SEPARATOR);

    let mut clean: Vec<Vec<u8>> = raw.iter().map(|(_, b)| b.clone()).collect();
    clean.extend(invented.iter().cloned());
    write(out, "clean", &clean);

    let mut build: Vec<Vec<u8>> = clean.clone();
    for pair in raw.windows(2) {
        build.push(joined(&[&pair[0].1, &pair[1].1]));
    }
    build.push(joined(&[&invented[0], &invented[1], &invented[2]]));
    // The fourth file is named `d.html`: pages whose article is only in their script data.
    for page in [script_page(false), script_page(true)] {
        build.push(joined(&[&invented[0], &invented[1], &invented[2], page.as_bytes()]));
    }
    write(out, "pipeline", &build);

    let mut bundles = Vec::new();
    let small: Vec<SourceInput<'_>> = INVENTED[..3]
        .iter()
        .enumerate()
        .map(|(i, text)| SourceInput { name: ["a.txt", "b.txt", "c.txt"][i], bytes: text.as_bytes() })
        .collect();
    bundles.push(payload_of(&bundle::encode(&build_bundle(&small, KB).bundle)).to_vec());
    bundles.push(payload_of(&bundle::encode(&build_bundle(&small[..1], "").bundle)).to_vec());
    for window in raw.windows(2) {
        let sources: Vec<SourceInput<'_>> =
            window.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
        bundles.push(payload_of(&bundle::encode(&build_bundle(&sources, KB).bundle)).to_vec());
    }
    write(out, "bundle", &bundles);

    write(out, "search", &QUERIES.iter().map(|q| q.as_bytes().to_vec()).collect::<Vec<_>>());

    let mut compare = Vec::new();
    for pair in raw.windows(2) {
        compare.push(joined(&[&pair[0].1, &pair[1].1]));
    }
    if raw.len() >= 3 {
        compare.push(joined(&[&raw[0].1, &raw[1].1, &raw[2].1]));
    }
    compare.push(joined(&[&invented[0], &invented[1]]));
    compare.push(joined(&[&invented[1], &invented[1]]));
    write(out, "compare", &compare);

    let mut remembered = Remembered::default();
    remembered.add_search("Kadhemi");
    remembered.add_search("\"prime minister\" -Baghdad");
    remembered.pin_comparison(&["a-1".into(), "b-2".into()]);
    remembered.pin_comparison(&["a-1".into(), "b-2".into(), "c-3".into()]);
    let stored = [
        storage::encode(&remembered),
        storage::encode(&Remembered::default()),
        "{\"version\":1,\"searches\":[\"  \",\"x\"],\"pinned\":[[\"a\"],[\"a\",\"a\",\"b\"]]}".into(),
        "{\"version\":2}".into(),
        "{\"version\":\"1\"}".into(),
        "not json".into(),
        "#/article/a-1?q=Kadhimi&at=120".into(),
        "#/compare/a-1/b-2/c-3".into(),
        "#/search?q=%22prime%20minister%22+Iraq".into(),
        "#/entity/pmf".into(),
    ];
    write(out, "storage", &stored.iter().map(|s| s.as_bytes().to_vec()).collect::<Vec<_>>());

    // Reports as `parallax site` writes them (sealed), and the ways a forged one goes wrong.
    let sealed = |files: &str| {
        let unsealed = format!(
            "{{\n  \"version\": 3,\n  \"generator\": \"parallax site\",\n  \"site_files\": {files},\n  \"seal\": \"\"\n}}"
        );
        parallax_cli::report::seal(unsealed.as_bytes()).unwrap_or_default()
    };
    let hash = parallax_cli::report::sha256_hex(b"<html></html>");
    let reports = [
        sealed(&format!("[{{\"path\": \"index.html\", \"sha256\": \"{hash}\"}}, {{\"path\": \"assets/app.wasm\", \"sha256\": \"{hash}\"}}]")),
        sealed("[]"),
        sealed(&format!("[{{\"path\": \"../diary.txt\", \"sha256\": \"{hash}\"}}]")),
        sealed("[{\"path\": \"index.html\"}]"),
        format!("{{\"version\": 1, \"generator\": \"parallax site\", \"site_files\": [\"diary.txt\"]}}").into_bytes(),
        format!("{{\"version\": 3, \"generator\": \"parallax site\", \"site_files\": [], \"seal\": \"{hash}\"}}").into_bytes(),
        b"index.html\nassets/app.wasm\n../x\n/etc/passwd".to_vec(),
        b"not json".to_vec(),
    ];
    write(out, "report", &reports);

    // Each file of the seed corpus's small-chunk site: its kind's number, then its payload.
    let split = parallax_fuzz::seed_split();
    let kinds = parallax_fuzz::chunk_kinds();
    let seed = |kind: parallax_engine::chunked::ChunkKind, bytes: &[u8]| {
        let which = kinds.iter().position(|&k| k == kind).unwrap_or(0) as u8;
        let mut input = vec![which];
        input.extend_from_slice(parallax_engine::chunked::payload_of(bytes));
        input
    };
    let mut chunks = vec![seed(parallax_engine::chunked::ChunkKind::Manifest, &split.manifest)];
    let mut seen = std::collections::HashSet::new();
    for chunk in &split.chunks {
        // The first of each kind is the one the harness replaces; a few more of each as material.
        if seen.insert(chunk.kind) || chunks.len() < 64 {
            chunks.push(seed(chunk.kind, &chunk.bytes));
        }
    }
    write(out, "chunk", &chunks);
}

fn write(out: &Path, target: &str, inputs: &[Vec<u8>]) {
    let dir = out.join(target);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("seeds: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (i, input) in inputs.iter().enumerate() {
        let path = dir.join(format!("seed-{i:03}"));
        if let Err(e) = std::fs::write(&path, input) {
            eprintln!("seeds: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    println!("seeds: {} inputs for {target} in {}", inputs.len(), dir.display());
}
