//! What a cold visit to a chunked site fetches before it shows results: per query, the chunks a
//! fresh `chunked::Reader` asks for (manifest included), their bytes raw and gzip-compressed (as a
//! static host would serve them), the rounds of fetching, and the reader's own time in all and per
//! round (opening the manifest and the first search, then each round's chunks added and searched
//! again; reading files and measuring them excluded). Reads the
//! `chunks/` folder `parallax site --chunks` wrote, or builds `parallax synth N`'s corpus (seed 1, as the
//! scale benchmark) and splits it in memory:
//! `cargo run --release -p parallax-engine --example chunk_fetch -- SITE/chunks|N [QUERY...]`.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use parallax_engine::chunked::{split, ChunkKind, Reader, Sizes, MANIFEST_NAME, RESULTS_PAGE};
use parallax_engine::search::SearchOptions;
use parallax_engine::SourceInput;

#[path = "support/chunks.rs"]
mod chunks;

/// Encoding any manifest part through one object-safe trait.
mod erased {
    /// A serialisable value, encoded with postcard.
    pub trait Encode {
        fn encode(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Encode for T {
        fn encode(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(0, |v| v.len())
}

/// Where the chunks are: a folder, or a corpus split in memory.
enum Chunks {
    Dir(PathBuf),
    Split(HashMap<String, Vec<u8>>),
}

impl Chunks {
    fn read(&self, name: &str) -> Vec<u8> {
        match self {
            Chunks::Dir(dir) => chunks::read_chunk(dir, name),
            Chunks::Split(files) => files.get(name).cloned().unwrap_or_default(),
        }
    }
}

/// `parallax synth n`'s corpus built and split in memory, with the build's time.
fn synthetic(n: usize) -> Chunks {
    let started = Instant::now();
    let files = parallax_engine::synth::corpus(n, 1);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let built = parallax_engine::build_bundle(&sources, "");
    let built_in = started.elapsed();
    let split = split(&built.bundle, &Sizes::default());
    let bundle = parallax_engine::bundle::encode(&built.bundle);
    println!(
        "built {n} articles in {:.1} s, split in {:.1} s; single bundle {:.1} MB raw, {:.1} MB gzip",
        built_in.as_secs_f64(),
        (started.elapsed() - built_in).as_secs_f64(),
        bundle.len() as f64 / 1e6,
        gzip_len(&bundle) as f64 / 1e6
    );
    for (part, bytes) in built.bundle.search.size_breakdown().iter().skip(3) {
        println!("  index part {part}: {:.1} KB", *bytes as f64 / 1e3);
    }
    // Every file by kind, raw and gzip (what "available offline" and each view's chunks weigh).
    let mut kinds: std::collections::BTreeMap<&str, (usize, usize, usize)> = Default::default();
    for chunk in &split.chunks {
        let entry = kinds.entry(chunk.kind.prefix()).or_default();
        entry.0 += 1;
        entry.1 += chunk.bytes.len();
        entry.2 += gzip_len(&chunk.bytes);
    }
    for (kind, (files, raw, gz)) in kinds {
        println!("  {kind}: {files} files, {:.1} KB raw, {:.1} KB gzip", raw as f64 / 1e3, gz as f64 / 1e3);
    }
    let mut out: HashMap<String, Vec<u8>> = split.chunks.into_iter().map(|c| (c.name, c.bytes)).collect();
    out.insert(MANIFEST_NAME.to_string(), split.manifest);
    Chunks::Split(out)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let at = args.next().expect("usage: chunk_fetch SITE/chunks|N [QUERY...]");
    let dir = match at.parse::<usize>() {
        Ok(n) => synthetic(n),
        Err(_) => Chunks::Dir(PathBuf::from(at)),
    };
    let given: Vec<String> = args.collect();
    let queries: Vec<&str> =
        if given.is_empty() { chunks::queries() } else { given.iter().map(String::as_str).collect() };
    let manifest = dir.read(MANIFEST_NAME);
    let reader = Reader::open(&manifest).expect("a valid manifest");
    let m = reader.manifest();
    println!(
        "{} articles, {} chunks, {:.1} MB in all",
        reader.article_count(),
        m.chunks.len(),
        m.summary.chunk_bytes as f64 / 1e6
    );
    println!(
        "manifest: {:.1} KB raw, {:.1} KB gzip",
        manifest.len() as f64 / 1e3,
        gzip_len(&manifest) as f64 / 1e3
    );
    // What the manifest's bytes are: each part encoded on its own (postcard), raw and gzip.
    let part = |name: &str, raw: Vec<u8>| {
        println!("  {name}: {:.1} KB raw, {:.1} KB gzip", raw.len() as f64 / 1e3, gzip_len(&raw) as f64 / 1e3)
    };
    let enc = |v: &dyn erased::Encode| v.encode();
    part("id_firsts", enc(&m.id_firsts));
    part("pages", enc(&m.pages));
    println!("  {} stories (in story chunks)", m.summary.stories);
    part("largest stories", enc(&m.largest_stories));
    part("entities", enc(&m.entities));
    part("entity_counts", enc(&m.entity_counts));
    for kind in ChunkKind::CHUNKS {
        let refs: Vec<_> = m.chunks.iter().filter(|c| c.kind == kind).cloned().collect();
        part(&format!("chunks {} ({})", kind.prefix(), refs.len()), enc(&refs));
    }
    let terms = dir.read(&m.chunks[0].name());
    println!(
        "term directory: {:.1} KB raw, {:.1} KB gzip",
        terms.len() as f64 / 1e3,
        gzip_len(&terms) as f64 / 1e3
    );
    println!();
    println!("| query | rounds | chunks (idx/art/ent/eidx/ord) | KB raw | KB gzip | reader ms (per round: open and search, then each round's adding and search) |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let manifest_gz = gzip_len(&manifest);
    // What the first query's chunks hold, per kind and part, summed (raw and gzip).
    let mut anatomy: std::collections::BTreeMap<(String, &str), (usize, usize, usize)> = Default::default();
    for (q, query) in queries.iter().enumerate() {
        // Only the reader's own work is timed (opening, searching, adding chunks), per round:
        // reading the files and measuring them is not.
        let started = Instant::now();
        let mut reader = Reader::open(&manifest).expect("a valid manifest");
        let mut spent = vec![started.elapsed()];
        let (mut raw, mut gz) = (manifest.len(), manifest_gz);
        let mut counts = [0usize; 5];
        let mut rounds = 0;
        let total = loop {
            // As the explorer's results page asks (`chunked::RESULTS_PAGE` hits).
            let searching = Instant::now();
            let answer = reader.search(query, &SearchOptions { limit: RESULTS_PAGE, prefix_last_word: true });
            *spent.last_mut().expect("a round") += searching.elapsed();
            match answer {
                Ok(results) => break results.total,
                Err(needed) => {
                    rounds += 1;
                    spent.push(std::time::Duration::ZERO);
                    for id in needed.chunks {
                        let bytes = dir.read(&reader.chunk_name(id));
                        raw += bytes.len();
                        gz += gzip_len(&bytes);
                        let kind = reader.manifest().chunks.get(id.0).map_or(ChunkKind::Articles, |c| c.kind);
                        match kind {
                            ChunkKind::Shard => counts[0] += 1,
                            ChunkKind::Articles => counts[1] += 1,
                            ChunkKind::Entities => counts[2] += 1,
                            ChunkKind::EntityIndex => counts[3] += 1,
                            ChunkKind::Ordinals => counts[4] += 1,
                            _ => {}
                        }
                        if q == 0 {
                            let parts = parallax_engine::chunked::anatomy(kind, &bytes).unwrap_or_default();
                            for (i, (part, part_bytes)) in parts.into_iter().enumerate() {
                                let entry =
                                    anatomy.entry((format!("{} {i}", kind.prefix()), part)).or_default();
                                entry.0 += usize::from(i == 0);
                                entry.1 += part_bytes.len();
                                entry.2 += gzip_len(&part_bytes);
                            }
                        }
                        let adding = Instant::now();
                        reader.add(id, &bytes).expect("a valid chunk");
                        *spent.last_mut().expect("a round") += adding.elapsed();
                    }
                }
            }
        };
        let ms = |d: &std::time::Duration| d.as_secs_f64() * 1e3;
        let per_round: Vec<String> = spent.iter().map(|d| format!("{:.1}", ms(d))).collect();
        let total_ms: f64 = spent.iter().map(ms).sum();
        println!(
            "| `{query}` ({total} hits) | {rounds} | {}/{}/{}/{}/{} | {:.1} | {:.1} | {total_ms:.1} ({}) |",
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4],
            raw as f64 / 1e3,
            gz as f64 / 1e3,
            per_round.join(" + ")
        );
    }
    println!();
    println!("what `{}` fetched (each part encoded alone):", queries.first().copied().unwrap_or_default());
    for ((kind, part), (files, raw, gz)) in &anatomy {
        let kind = kind.split(' ').next().unwrap_or_default();
        let files = if *files > 0 { format!(" ({files} files)") } else { String::new() };
        println!("  {kind}{files} {part}: {:.1} KB raw, {:.1} KB gzip", *raw as f64 / 1e3, *gz as f64 / 1e3);
    }
}
