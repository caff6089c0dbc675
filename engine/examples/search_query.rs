//! Runs queries over a folder of raw files and prints the hits, for judging relevance by eye:
//! `cargo run -p parallax-engine --example search_query -- corpus/raw "Kadhemi" "outlet:asharq Iraq"`.
//! With `KB=corpus/entities.toml` in the environment the knowledge base is loaded, as `parallax
//! build` does.

use parallax_engine::BuildOptions;

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus/raw".to_string());
    let kb = std::env::var("KB").ok().and_then(|path| std::fs::read_to_string(path).ok()).unwrap_or_default();
    let bundle = support::build_folder(std::path::Path::new(&dir), &kb, &BuildOptions::default());
    let options = parallax_engine::search::SearchOptions { limit: 10, prefix_last_word: true };
    for query in args {
        let r = bundle.search.search_in(&bundle.corpus(), &query, &options);
        println!(
            "== {query:?}: {:?}, {} hits, facets {:?}",
            r.mode,
            r.total,
            r.facets.iter().map(|f| (&f.outlet, f.count)).collect::<Vec<_>>()
        );
        if let Some(d) = &r.did_you_mean {
            println!("   did you mean: {d}");
        }
        for note in &r.query.notes {
            println!("   note: {note}");
        }
        for e in &r.expansions {
            let terms: Vec<String> =
                e.terms.iter().map(|t| format!("{}({:?},{})", t.term, t.kind, t.articles)).collect();
            println!("   {} -> {}", e.word, terms.join(" "));
        }
        for h in &r.hits {
            let outlet = bundle.articles[h.article].outlet.as_ref().map_or("?", |o| o.name.as_str());
            println!("   {:6.2}  {}  [{}]", h.score, h.title, outlet);
            let mut s = h.snippet.text.clone();
            for &(a, b) in h.snippet.highlights.iter().rev() {
                s.insert(b - h.snippet.start, ']');
                s.insert(a - h.snippet.start, '[');
            }
            println!(
                "           {}{}{}",
                if h.snippet.cut_before { "…" } else { "" },
                s,
                if h.snippet.cut_after { "…" } else { "" }
            );
        }
    }
}
