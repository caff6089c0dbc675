//! Benchmark (not a test) of the cleaner on copied page text: the article-body F1 of what it keeps
//! against known article text, beside keeping everything, plus outlet and date hit rates and speed.
//!
//! Usage: `cargo run --release -p parallax-engine --example bench_text -- <dir> [--worst N] [--show NAME] [--misses] [--losses [--examples N]]`
//!
//! `--show NAME` lists what one page kept and removed (`--show all`: every page); a kept block most
//! of whose words the expected text lacks is marked `KEEP?`, a removed line of four words or more
//! most of whose words it holds `LOST`. `--losses` says where the F1 goes over
//! the whole set: expected shingles removed, by removal reason (recall lost), and shingles kept
//! that the expected text lacks, by block kind (precision lost), each with its worst lines
//! (`--examples N` of them, 8 unless told). Lines are cut at 90 characters; the environment
//! variable `BENCH_TEXT_WIDTH` sets another width (`BENCH_TEXT_WIDTH=100000`: whole lines, for a
//! script that reads the listing).
//!
//! `<dir>` holds one folder per page with `page.txt` (the page as a reader's select-all and copy
//! gives it), `expected.txt` (the article text) and optionally `metadata.json` with `siteName` and
//! `publishedTime` (mozilla/readability's `expected-metadata.json` shape). `scripts/bench-text.sh`
//! documents how to make such a folder from mozilla/readability's test pages; the invented cases
//! in `engine/tests/copied/` have the same layout.
//!
//! The F1 is the usual article-extraction measure: bags of word 4-grams ("shingles") of the kept
//! body (title excluded) against the expected text, precision/recall/F1 per page, then averaged.

use parallax_engine::clean::{clean_file_with, repeated_lines, CleanConfig};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Page {
    name: String,
    raw: Vec<u8>,
    expected: String,
    site: Option<String>,
    date: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Prf {
    p: f64,
    r: f64,
    f: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: bench_text <dir> [--worst N] [--show NAME]");
        std::process::exit(2);
    };
    let worst_n = flag(&args, "--worst").and_then(|s| s.parse().ok()).unwrap_or(10);
    let show = flag(&args, "--show");
    let misses = args.iter().any(|a| a == "--misses");
    let losses = args.iter().any(|a| a == "--losses");
    let n_examples = flag(&args, "--examples").and_then(|s| s.parse().ok()).unwrap_or(8);
    // Reason or kind -> (shingles, the biggest lines with their page).
    let mut lost: HashMap<String, (usize, Vec<(usize, String)>)> = HashMap::new();
    let pages = load(Path::new(dir));
    if pages.is_empty() {
        eprintln!("no pages (folders with page.txt and expected.txt) in {dir}");
        std::process::exit(2);
    }

    let sources: Vec<&[u8]> = pages.iter().map(|p| p.raw.as_slice()).collect();
    let started = Instant::now();
    let repeated = repeated_lines(sources.iter().copied());
    let config = CleanConfig { repeated: Some(&repeated), ..CleanConfig::default() };
    let mut slowest = (0.0f64, "");
    let reports: Vec<_> = pages
        .iter()
        .map(|p| {
            let t = Instant::now();
            let report = clean_file_with(&p.name, &p.raw, &config);
            let took = t.elapsed().as_secs_f64();
            if took > slowest.0 {
                slowest = (took, p.name.as_str());
            }
            report
        })
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    let bytes: usize = pages.iter().map(|p| p.raw.len()).sum();

    let mut rows = Vec::new();
    let (mut ours, mut all) = (Prf::default(), Prf::default());
    let (mut site_stated, mut site_hit, mut date_stated, mut date_hit) = (0, 0, 0, 0);
    for (page, report) in pages.iter().zip(&reports) {
        let mut kept = String::new();
        for article in &report.articles {
            // The body as `parallax export` gives it: no title, no captions.
            for b in article.body() {
                kept.push_str(&b.text);
                kept.push('\n');
            }
        }
        let everything = String::from_utf8_lossy(&page.raw);
        let score = prf(&kept, &page.expected);
        let base = prf(&everything, &page.expected);
        add(&mut ours, score);
        add(&mut all, base);
        let first = report.articles.first();
        let text = everything.to_lowercase();
        if let Some(site) = &page.site {
            if text.contains(&site.to_lowercase()) {
                site_stated += 1;
                let got = first.and_then(|a| a.outlet.as_ref()).map(|o| o.name.to_lowercase());
                let hit = got.as_ref().is_some_and(|g| same_name(g, &site.to_lowercase()));
                site_hit += usize::from(hit);
                if misses && !hit {
                    println!("outlet miss {}: want {site:?}, got {got:?}", page.name);
                }
            }
        }
        if let Some(date) = &page.date {
            if date_stated_in(&everything, date) {
                date_stated += 1;
                let got = first.and_then(|a| a.date.as_deref());
                date_hit += usize::from(got == Some(date.as_str()));
                if misses && got != Some(date.as_str()) {
                    println!("date miss {}: want {date}, got {got:?}", page.name);
                }
            }
        }
        rows.push((page.name.clone(), score, base));
        if losses {
            let want = shingles(&page.expected);
            let mut note = |key: String, n: usize, text: &str| {
                let entry = lost.entry(key).or_default();
                entry.0 += n;
                entry.1.push((n, format!("{}: {}", page.name, clip(text))));
            };
            for article in &report.articles {
                for r in &article.removed {
                    let n: usize = shingles(&r.text).keys().filter(|k| want.contains_key(*k)).count();
                    if n > 0 && r.text.split_whitespace().count() >= 4 {
                        note(format!("recall  - {}", r.reason.label()), n, &r.text);
                    }
                }
                for b in article.body() {
                    let n: usize = shingles(&b.text).keys().filter(|k| !want.contains_key(*k)).count();
                    if n > 0 && b.text.split_whitespace().count() >= 4 {
                        note(format!("precision KEEP {:?}", b.kind), n, &b.text);
                    }
                }
            }
        }
        if show.as_deref().is_some_and(|s| s == page.name || s == "all") {
            for article in &report.articles {
                println!(
                    "== [{}] {} | outlet {:?} | date {:?}",
                    page.name,
                    article.title.text,
                    article.outlet.as_ref().map(|o| (&o.name, &o.evidence)),
                    article.date
                );
                let mut items: Vec<(usize, String)> = article
                    .blocks
                    .iter()
                    .map(|b| {
                        // "KEEP?" marks a block most of whose words are not in the expected text.
                        let own = prf(&b.text, &page.expected).p >= 0.5;
                        let mark = if own { "KEEP " } else { "KEEP?" };
                        (b.start, format!("  {mark} {:?} {}", b.kind, clip(&b.text)))
                    })
                    .chain(article.removed.iter().map(|r| {
                        // "LOST" marks a removed line most of whose words are in the expected text.
                        let lost =
                            r.text.split_whitespace().count() >= 4 && prf(&r.text, &page.expected).p >= 0.5;
                        let mark = if lost { "LOST" } else { "-" };
                        (r.start, format!("  {mark:<4} {:<24} {}", r.reason.label(), clip(&r.text)))
                    }))
                    .collect();
                items.sort();
                for (_, line) in items {
                    println!("{line}");
                }
            }
            for d in &report.diagnostics {
                println!("  ! {}", d.message);
            }
        }
    }
    let n = pages.len() as f64;
    println!("pages: {}  ({:.1} MB)", pages.len(), bytes as f64 / 1e6);
    println!("parallax       F1 {:.3}  precision {:.3}  recall {:.3}", ours.f / n, ours.p / n, ours.r / n);
    println!("keep-everything F1 {:.3}  precision {:.3}  recall {:.3}", all.f / n, all.p / n, all.r / n);
    println!("outlet: {site_hit}/{site_stated} pages whose text names the expected site");
    println!("date:   {date_hit}/{date_stated} pages whose text states the expected date");
    println!(
        "speed:  {:.1} MB/s ({:.0} ms, repeated-line pre-pass included)",
        bytes as f64 / 1e6 / elapsed,
        elapsed * 1e3
    );
    println!("slowest page: {} ({:.1} ms)", slowest.1, slowest.0 * 1e3);
    if losses {
        let mut keys: Vec<_> = lost.into_iter().collect();
        keys.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
        for (key, (n, mut examples)) in keys {
            println!("{key:<40} {n} shingles");
            examples.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
            for (n, text) in examples.iter().take(n_examples) {
                println!("    {n:>5} {text}");
            }
        }
    }
    rows.sort_by(|a, b| a.1.f.total_cmp(&b.1.f));
    println!("worst pages (F1, precision, recall; keep-everything F1):");
    for (name, s, b) in rows.iter().take(worst_n) {
        println!("  {:<40} {:.3} {:.3} {:.3}   ({:.3})", name, s.f, s.p, s.r, b.f);
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn clip(s: &str) -> String {
    // BENCH_TEXT_WIDTH widens the listing (whole lines for scripts that read it).
    let width = std::env::var("BENCH_TEXT_WIDTH").ok().and_then(|w| w.parse().ok()).unwrap_or(90);
    let c: String = s.chars().take(width).collect();
    if c.len() < s.len() {
        format!("{c}…")
    } else {
        c
    }
}

fn add(sum: &mut Prf, x: Prf) {
    sum.p += x.p;
    sum.r += x.r;
    sum.f += x.f;
}

fn load(dir: &Path) -> Vec<Page> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("page.txt").exists()).collect())
        .unwrap_or_default();
    folders.sort();
    folders
        .into_iter()
        .filter_map(|f| {
            let raw = std::fs::read(f.join("page.txt")).ok()?;
            let expected = std::fs::read_to_string(f.join("expected.txt")).ok()?;
            let meta: Option<serde_json::Value> = std::fs::read_to_string(f.join("metadata.json"))
                .ok()
                .and_then(|s| serde_json::from_str(&s).ok());
            let field = |k: &str| {
                meta.as_ref()
                    .and_then(|m| m.get(k))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .filter(|s| !s.is_empty())
            };
            Some(Page {
                name: f.file_name()?.to_string_lossy().into_owned(),
                raw,
                expected,
                site: field("siteName"),
                date: field("publishedTime").and_then(|d| d.get(..10).map(str::to_string)),
            })
        })
        .collect()
}

/// Names match when one holds the other ("The Guardian" and "Guardian").
/// Names compared by their letters and digits only: fundus names outlets by identifiers
/// ("OttawaCitizen"), pages by their spaced names ("Ottawa Citizen").
fn same_name(got: &str, want: &str) -> bool {
    let compact =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (got, want) = (compact(got), compact(want));
    !got.is_empty() && (got.contains(&want) || want.contains(&got))
}

/// Whether the page's text states the ISO date `date` in a form a reader would recognise.
fn date_stated_in(text: &str, date: &str) -> bool {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let (Some(y), Some(m), Some(d)) = (date.get(..4), date.get(5..7), date.get(8..10)) else { return false };
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else { return false };
    let Some(month) = m.checked_sub(1).and_then(|i| MONTHS.get(i)) else { return false };
    let lower = text.to_lowercase();
    if lower.contains(date) {
        return true;
    }
    // "July 27, 2021", "27 July 2021", "Jul. 27 2021": month name, day and year within a short window.
    lower.match_indices(month).any(|(at, _)| {
        let lo = at.saturating_sub(12);
        let hi = (at + 24).min(lower.len());
        let (mut lo, mut hi) = (lo, hi);
        while !lower.is_char_boundary(lo) {
            lo -= 1;
        }
        while !lower.is_char_boundary(hi) {
            hi += 1;
        }
        let window = &lower[lo..hi];
        window.contains(y) && window.split(|c: char| !c.is_ascii_digit()).any(|w| w.parse::<u32>() == Ok(d))
    })
}

fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    // Characters a reader never sees inside a word (soft hyphen, zero-width space and joiners,
    // word joiner, BOM) do not part it: "Brenn\u{ad}punkt" is one word on the page.
    for c in text
        .chars()
        .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'))
    {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(text);
    let mut bag = HashMap::new();
    if t.len() < 4 {
        if !t.is_empty() {
            *bag.entry(t).or_insert(0) += 1;
        }
        return bag;
    }
    for w in t.windows(4) {
        *bag.entry(w.to_vec()).or_insert(0) += 1;
    }
    bag
}

fn prf(got: &str, want: &str) -> Prf {
    let (g, w) = (shingles(got), shingles(want));
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    let common: usize = g.iter().map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0))).sum();
    if ng == 0 && nw == 0 {
        return Prf { p: 1.0, r: 1.0, f: 1.0 };
    }
    let p = if ng == 0 { 0.0 } else { common as f64 / ng as f64 };
    let r = if nw == 0 { 0.0 } else { common as f64 / nw as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    Prf { p, r, f }
}
