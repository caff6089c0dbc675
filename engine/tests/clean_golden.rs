//! The seed corpus through the whole pipeline: seven articles with their titles, outlets and
//! paragraphs, no noise left, and a readable snapshot in `tests/golden/seed.txt`.

mod clean_support;

use clean_support::{check_provenance, dump, seed_files};
use parallax_engine::{build_bundle, clean::clean_file, BlockKind, SourceInput};

#[test]
fn seed_snapshot_matches_golden_file() {
    let files = seed_files();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    let built = build_bundle(&sources, "");
    let mut out = String::new();
    for article in &built.bundle.articles {
        out.push_str(&dump(article));
        out.push('\n');
    }
    for d in &built.diagnostics {
        out.push_str(&format!("diagnostic {:?} {}: {}\n", d.severity, d.file, d.message));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &out).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(expected == out, "the cleaned seed corpus changed; rerun with UPDATE_EXPECT=1 and review the diff of {path}\n{out}");
}
