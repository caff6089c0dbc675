//! Prints every mention of the seed corpus (run with `--nocapture`); a debugging aid.
use parallax_engine::{build_bundle, SourceInput};

#[test]
fn dump() {
    if std::env::var("DUMP").is_err() {
        return;
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let data: Vec<(String, Vec<u8>)> =
        files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    let sources: Vec<SourceInput> = data.iter().map(|(n, b)| SourceInput { name: n, bytes: b }).collect();
    let kb = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/entities.toml")).unwrap();
    let built = build_bundle(&sources, &kb);
    for d in &built.diagnostics { println!("DIAG {d:?}"); }
    let e = &built.bundle.entities;
    for m in &e.mentions {
        let art = &built.bundle.articles[m.article as usize];
        let s = e.surface(&built.bundle.articles, m).unwrap_or("???");
        let id = e.entity_of(m).map(|x| x.id.as_str()).unwrap_or("");
        let v = m.value.as_ref().map(|v| format!("{v:?}")).unwrap_or_default();
        println!("{}\t{:?}\t{}\t{}\t{}", &art.file[..3], m.kind, s, id, v);
    }
}
