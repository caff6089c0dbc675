//! Extraction benchmark: article-body F1 (4-gram word shingles, the measure of the usual article
//! extraction benchmarks) of Parallax's HTML extractor, rs-trafilatura 0.2 and dom_smoothie 0.19
//! on the same pages, plus pages per second and peak memory, each extractor in its own process.
//!
//! Usage: `parallax-bench-extract <pages-dir>`, where every subfolder holds `source.html` and
//! `expected.html` (the layout of mozilla/readability's `test/test-pages`) or `expected.txt` (plain
//! article text, as `scripts/bench-extract/make-news-sets.py` writes for news pages), and optionally
//! `expected-metadata.json` (`siteName`, `publishedTime`). `BENCH_WORST=1` lists the 25 worst pages,
//! `BENCH_PAGES=1` every page (to compare two runs page by page), `BENCH_ONLY=parallax` runs one
//! extractor.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const EXTRACTORS: &[&str] = &["parallax", "rs-trafilatura", "dom_smoothie"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 4 && args[1] == "--run" {
        run_one(&args[2], Path::new(&args[3]));
        return;
    }
    if args.len() == 3 && args[1] == "--debug" {
        debug(Path::new(&args[2]));
        return;
    }
    if args.len() == 4 && args[1] == "--show" {
        show(&args[2], Path::new(&args[3]));
        return;
    }
    let Some(dir) = args.get(1) else {
        eprintln!(
            "usage: parallax-bench-extract <pages-dir>   (subfolders with source.html + expected.html)"
        );
        std::process::exit(2);
    };
    let me = std::env::current_exe().expect("own path");
    println!("| extractor | pages | F1 | precision | recall | pages/s (1 core) | peak RSS |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let only = std::env::var("BENCH_ONLY").ok();
    for name in EXTRACTORS.iter().filter(|n| only.as_deref().is_none_or(|o| o == **n)) {
        let out = Command::new(&me).args(["--run", name, dir]).output().expect("run extractor");
        let text = String::from_utf8_lossy(&out.stdout);
        for line in
            text.lines().filter(|l| l.starts_with('|') || l.starts_with("meta") || l.starts_with("worst"))
        {
            println!("{line}");
        }
        if !out.status.success() {
            println!(
                "| {name} | failed: {} |",
                String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("")
            );
        }
    }
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("pages dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.join("source.html").is_file()
                && (p.join("expected.html").is_file() || p.join("expected.txt").is_file())
        })
        .collect();
    cases.sort();
    cases
}

/// Characters a reader never sees inside a word (soft hyphen, zero-width space and joiners, word
/// joiner, BOM): a page that prints "Brenn\u{ad}punkt" shows one word, and an extractor that drops
/// them is not wrong.
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

fn tokens(text: &str) -> Vec<String> {
    let seen: String = text.chars().filter(|&c| !invisible(c)).collect();
    seen.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(text);
    let mut out = HashMap::new();
    if t.len() < 4 {
        if !t.is_empty() {
            *out.entry(t).or_insert(0) += 1;
        }
        return out;
    }
    for w in t.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// (precision, recall, F1) of `got` against `want`.
fn score(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (shingles(got), shingles(want));
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if ng == 0 && nw == 0 {
        return (1.0, 1.0, 1.0);
    }
    let common: usize = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let p = if ng == 0 { 0.0 } else { common as f64 / ng as f64 };
    let r = if nw == 0 { 0.0 } else { common as f64 / nw as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn expected_text(case: &Path) -> String {
    if let Ok(text) = std::fs::read_to_string(case.join("expected.txt")) {
        return text;
    }
    let html = std::fs::read_to_string(case.join("expected.html")).unwrap_or_default();
    let doc = scraper::Html::parse_document(&html);
    doc.root_element().text().collect::<Vec<_>>().join(" ")
}

struct Meta {
    outlet: Option<String>,
    date: Option<String>,
}

fn extract(name: &str, bytes: &[u8]) -> (String, Meta) {
    match name {
        "parallax" => {
            let got = parallax_engine::ingest::ingest("source.html", bytes, &Default::default());
            if std::env::var_os("BENCH_DEBUG").is_some() {
                for d in &got.diagnostics {
                    eprintln!("{:?}: {}", d.severity, d.message);
                }
                if let Some((a, _)) = got.articles.first() {
                    for r in &a.removed {
                        let t: String = r.text.chars().take(100).collect();
                        eprintln!("REMOVED {:?}: {}", r.reason, t);
                    }
                }
            }
            match got.articles.into_iter().next() {
                Some((a, _)) => {
                    // The body as `parallax export` gives it: no title, no captions.
                    let body: Vec<&str> = a.body().map(|b| b.text.as_str()).collect();
                    (body.join("\n"), Meta { outlet: a.outlet.map(|o| o.name), date: a.date })
                }
                None => (String::new(), Meta { outlet: None, date: None }),
            }
        }
        "rs-trafilatura" => match rs_trafilatura::extract_bytes(bytes) {
            Ok(r) => (
                r.content_text,
                Meta {
                    outlet: r.metadata.sitename,
                    date: r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
                },
            ),
            Err(_) => (String::new(), Meta { outlet: None, date: None }),
        },
        _ => {
            let html = String::from_utf8_lossy(bytes).into_owned();
            let parsed = dom_smoothie::Readability::new(html, None, None).and_then(|mut r| r.parse());
            match parsed {
                Ok(a) => (
                    a.text_content.to_string(),
                    Meta {
                        outlet: a.site_name.map(|s| s.to_string()),
                        date: a.published_time.map(|d| d.chars().take(10).collect()),
                    },
                ),
                Err(_) => (String::new(), Meta { outlet: None, date: None }),
            }
        }
    }
}

fn run_one(name: &str, dir: &Path) {
    let cases = cases(dir);
    let pages: Vec<(String, Vec<u8>, String, serde_json::Value)> = cases
        .iter()
        .map(|c| {
            let meta = std::fs::read(c.join("expected-metadata.json"))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or(serde_json::Value::Null);
            (
                c.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                std::fs::read(c.join("source.html")).unwrap_or_default(),
                expected_text(c),
                meta,
            )
        })
        .collect();
    let mut extracted = Vec::with_capacity(pages.len());
    let start = Instant::now();
    for (_, bytes, _, _) in &pages {
        extracted.push(extract(name, bytes));
    }
    let secs = start.elapsed().as_secs_f64();
    let (mut sp, mut sr, mut sf) = (0.0, 0.0, 0.0);
    let mut worst = Vec::new();
    let (mut outlet_want, mut outlet_got, mut date_want, mut date_got) = (0, 0, 0, 0);
    for ((case, _, want, meta), (got, m)) in pages.iter().zip(&extracted) {
        let (p, r, f) = score(got, want);
        sp += p;
        sr += r;
        sf += f;
        worst.push((f, p, r, case.clone()));
        if meta.get("siteName").and_then(|v| v.as_str()).is_some_and(|s| !s.is_empty()) {
            outlet_want += 1;
            outlet_got += usize::from(m.outlet.is_some());
            if m.outlet.is_none() && std::env::var_os("BENCH_META").is_some() {
                println!("meta miss {name}: {case} outlet none");
            }
        }
        if let Some(d) = meta.get("publishedTime").and_then(|v| v.as_str()).filter(|s| s.len() >= 10) {
            date_want += 1;
            let right = m.date.as_deref() == Some(&d[..10]);
            date_got += usize::from(right);
            if !right && std::env::var_os("BENCH_META").is_some() {
                println!("meta miss {name}: {case} date {:?}, expected {d}", m.date);
            }
        }
    }
    let n = pages.len().max(1) as f64;
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_string())
        })
        .unwrap_or_else(|| "?".into());
    println!(
        "| {name} | {} | {:.3} | {:.3} | {:.3} | {:.1} | {} MB |",
        pages.len(),
        sf / n,
        sp / n,
        sr / n,
        pages.len() as f64 / secs,
        rss.parse::<f64>().map(|k| format!("{:.0}", k / 1024.0)).unwrap_or(rss)
    );
    println!("meta {name}: outlet found on {outlet_got}/{outlet_want} pages that state a site name; date right on {date_got}/{date_want} pages that state one");
    if std::env::var_os("BENCH_WORST").is_some() || std::env::var_os("BENCH_PAGES").is_some() {
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        let n = if std::env::var_os("BENCH_PAGES").is_some() { worst.len() } else { 25 };
        for (f, p, r, case) in worst.iter().take(n) {
            println!("worst {name}: {f:.3} (p {p:.3}, r {r:.3}) {case}");
        }
    }
}

/// Prints one extractor's text for one case, to study a page.
fn show(name: &str, case: &Path) {
    let bytes = std::fs::read(case.join("source.html")).unwrap_or_default();
    let (got, _) = extract(name, &bytes);
    println!("{got}");
    println!("=====EXPECTED=====\n{}", expected_text(case));
}

/// Prints every rendered block of a page with its verdict and owner chain, to study the scorer.
fn debug(case: &Path) {
    use parallax_engine::ingest::html::{charset, dom, meta, render, score};
    let bytes = std::fs::read(case.join("source.html")).unwrap_or_default();
    let cs = charset::sniff(&bytes, None);
    let d = dom::parse(&bytes, cs.encoding);
    let r = render::render(&d, &bytes, cs.encoding);
    let m = meta::read(&d, &bytes, cs.encoding);
    let verdicts = score::decide(&d, &r.blocks, None, m.article_body.as_deref());
    for (b, v) in r.blocks.iter().zip(&verdicts) {
        let chain: Vec<String> = std::iter::once(b.owner)
            .chain(d.ancestors(b.owner))
            .take(6)
            .map(|i| {
                let e = d.element(i);
                let class = e.and_then(|e| e.attr("class").or(e.attr("id"))).unwrap_or("");
                format!("{}.{}#{}", d.name(i), class.chars().take(20).collect::<String>(), i)
            })
            .collect();
        let t: String = b.text.chars().take(60).collect();
        println!("{v:?} [{}] {t}", chain.join(" < "));
    }
}
