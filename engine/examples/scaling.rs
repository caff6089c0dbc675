//! Benchmark (not a test) of how each stage's cost grows with its input: cleaning, entity
//! recognition, story grouping and comparison, timed at 64 KB, 128 KB, 256 KB, 512 KB and 1 MB,
//! with the ratio to the previous size (about 2 per doubling is linear; 4 is quadratic).
//!
//! Usage: `cargo run --release -p parallax-engine --example scaling [-- MAX_KB [STAGE]]` (STAGE:
//! only the stages whose name contains it, e.g. `compare`). Times are CPU time where Linux gives it.
//!
//! Inputs are invented (see `parallax_engine::synth` and the shapes below), each the shape that
//! once made a stage quadratic: news prose in paragraphs, one long paragraph, a paragraph of
//! figures, one long sentence of capitalised words, and seed articles pasted together for the
//! cleaner.

use std::time::Instant;

use parallax_engine::clean::clean_file;
use parallax_engine::compare::compare;
use parallax_engine::entities::{EntityData, KnowledgeBase};
use parallax_engine::stories::stories;
use parallax_engine::Article;

const KB: &str = include_str!("../../corpus/entities.toml");

/// News-like prose of about `n_bytes`, in paragraphs of five sentences (or one paragraph).
fn prose(seed: usize, n_bytes: usize, one_paragraph: bool) -> String {
    const VERBS: &[&str] = &["attacked", "visited", "closed", "reopened", "inspected", "guarded", "left"];
    const PLACES: &[&str] = &["Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk", "Najaf", "Anbar"];
    const PEOPLE: &[&str] = &["Mustafa al-Kadhimi", "Donald Trump", "Ihsan al-Shammari", "Mark Esper"];
    let mut text = String::from("A long report\n\n");
    let mut i = seed;
    while text.len() < n_bytes {
        for _ in 0..5 {
            i += 1;
            text.push_str(&format!(
                "Convoy {} {} the base near {} on March {}, {} said, with {} soldiers and {} trucks. ",
                i % 9_973,
                VERBS[i % VERBS.len()],
                PLACES[(i / 7) % PLACES.len()],
                i % 28 + 1,
                PEOPLE[(i / 3) % PEOPLE.len()],
                i % 500,
                i % 97
            ));
        }
        if !one_paragraph {
            text.push_str("\n\n");
        }
    }
    text.push('\n');
    text
}

/// One paragraph of figures ("14, 15, 16, ...") of about `n_bytes`.
fn figures(n_bytes: usize) -> String {
    let mut text = String::from("Figures\n\n14 fighters were held, then ");
    let mut i = 0;
    while text.len() < n_bytes {
        text.push_str(&format!("{}, ", i % 997));
        i += 1;
    }
    text.push_str("and 3.\n");
    text
}

/// One sentence of distinct capitalised words of about `n_bytes`.
fn capitalised(n_bytes: usize) -> String {
    let mut text = String::from("Names\n\nThe list named ");
    let mut i = 0usize;
    while text.len() < n_bytes {
        let word: String = format!("{i:x}").chars().map(|c| (b'a' + (c as u8 % 26)) as char).collect();
        text.push_str(&format!("K{word} "));
        i += 1;
    }
    text.push_str("today.\n");
    text
}

/// Seed articles pasted together up to about `n_bytes`.
fn seed_text(n_bytes: usize) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).filter_map(|e| std::fs::read(e.path()).ok()).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = Vec::new();
    while out.len() < n_bytes && !files.is_empty() {
        for f in &files {
            out.extend_from_slice(f);
            out.extend_from_slice(b"\n\n\n");
        }
    }
    out.truncate(n_bytes);
    out
}

fn articles_of(name: &str, text: &[u8]) -> Vec<Article> {
    clean_file(name, text).articles
}

/// Seconds `f` takes: this thread's CPU time where Linux reports it (so other jobs on a shared
/// machine do not count), else wall-clock time.
fn time<T>(f: impl FnOnce() -> T) -> f64 {
    let (cpu, wall) = (cpu_seconds(), Instant::now());
    let out = f();
    let secs = match (cpu, cpu_seconds()) {
        (Some(before), Some(after)) => after - before,
        _ => wall.elapsed().as_secs_f64(),
    };
    drop(out);
    secs
}

/// This thread's CPU time so far (`/proc/thread-self/schedstat`, nanoseconds on the CPU).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

fn main() {
    let max_kb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1024);
    let only = std::env::args().nth(2).unwrap_or_default();
    let (kb, _) = KnowledgeBase::parse(KB);
    let sizes: Vec<usize> = [64, 128, 256, 512, 1024].into_iter().filter(|&k| k <= max_kb).collect();
    type Stage = (&'static str, Box<dyn Fn(usize) -> f64>);
    let kb2 = kb.clone();
    let kb3 = kb.clone();
    let kb4 = kb.clone();
    let stages: Vec<Stage> = vec![
        ("clean: seed articles pasted together", Box::new(|n| time(|| clean_file("big.txt", &seed_text(n))))),
        (
            "entities: prose in paragraphs",
            Box::new(move |n| {
                let a = articles_of("p.txt", prose(0, n, false).as_bytes());
                time(|| EntityData::build(&a, &kb))
            }),
        ),
        (
            "entities: one long paragraph",
            Box::new(move |n| {
                let a = articles_of("p.txt", prose(0, n, true).as_bytes());
                time(|| EntityData::build(&a, &kb2))
            }),
        ),
        (
            "entities: a paragraph of figures",
            Box::new(move |n| {
                let a = articles_of("f.txt", figures(n).as_bytes());
                time(|| EntityData::build(&a, &kb3))
            }),
        ),
        (
            "stories: one sentence of capitalised words",
            Box::new(move |n| {
                let a = articles_of("c.txt", capitalised(n).as_bytes());
                let e = EntityData::build(&a, &kb4);
                time(|| stories(&a, &e))
            }),
        ),
        (
            "compare: two articles of prose",
            Box::new(|n| {
                let mut a = articles_of("x.txt", prose(0, n, false).as_bytes());
                a.extend(articles_of("y.txt", prose(3, n, false).as_bytes()));
                let e = EntityData::default();
                match a.as_slice() {
                    [x, y, ..] => time(|| compare(&[x, y], &e)),
                    _ => f64::NAN,
                }
            }),
        ),
    ];
    for (name, stage) in stages.iter().filter(|(name, _)| name.contains(&only)) {
        println!("{name}");
        let mut last = None;
        for &k in &sizes {
            let secs = stage(k * 1024);
            let ratio = last.map(|l: f64| format!("  ×{:.1}", secs / l)).unwrap_or_default();
            println!("  {k:>5} KB  {:>8.3} s{ratio}", secs);
            last = Some(secs);
        }
    }
}
