//! Helpers shared by the judged story and date tests: building one invented set
//! (`tests/judged/dev/`, `tests/judged/heldout/`) and scoring it against its judgements
//! (`stories.tsv`: one story a line, file names joined by " | "; `dates.tsv`: file name, true
//! date). Each set is built on its own with the curated knowledge base.

#![allow(dead_code)]

use std::collections::HashSet;
use std::path::PathBuf;

use parallax_engine::{build_bundle, Bundle, SourceInput};

/// A folder of the crate (relative to `engine/`).
pub fn dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(sub)
}

/// The `.txt` files of a folder (not its subfolders), sorted by name.
pub fn read_dir(path: PathBuf) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(&path)
        .expect("folder exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).expect("UTF-8"))
        })
        .collect();
    files.sort();
    files
}

/// The seed corpus plus the invented articles of `tests/judged/` (not its subfolders), built with
/// the curated knowledge base.
pub fn seed_and_judged_bundle() -> Bundle {
    let mut files = read_dir(dir("../corpus/raw"));
    files.extend(read_dir(dir("tests/judged")));
    let kb = std::fs::read_to_string(dir("../corpus/entities.toml")).expect("knowledge base");
    let inputs: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&inputs, &kb).bundle
}

/// The articles of `tests/judged/<set>/` built into one bundle with the curated knowledge base.
pub fn set_bundle(set: &str) -> Bundle {
    let files = read_dir(dir(&format!("tests/judged/{set}")));
    let kb = std::fs::read_to_string(dir("../corpus/entities.toml")).expect("knowledge base");
    let inputs: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&inputs, &kb).bundle
}

/// The judgement lines of a set's file: comments and blank lines left out.
fn judgement_lines(set: &str, file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir(&format!("tests/judged/{set}/{file}"))).expect("judgements");
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string).collect()
}

/// Unordered pairs of names that share a group.
pub fn pairs(groups: &[Vec<String>]) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for g in groups {
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                out.insert(if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) });
            }
        }
    }
    out
}

/// Pairwise story precision and recall of one set, with the pairs it got wrong.
#[derive(Debug)]
pub struct StoryScore {
    pub right: usize,
    pub found: usize,
    pub wanted: usize,
    /// Pairs put in one story that the judges keep apart.
    pub wrong: Vec<(String, String)>,
    /// Pairs the judges put in one story that were kept apart.
    pub missed: Vec<(String, String)>,
}

impl StoryScore {
    pub fn precision(&self) -> f32 {
        self.right as f32 / self.found.max(1) as f32
    }
    pub fn recall(&self) -> f32 {
        self.right as f32 / self.wanted.max(1) as f32
    }
}

/// Scores a bundle's stories against `tests/judged/<set>/stories.tsv`, by file name.
pub fn score_stories(set: &str, bundle: &Bundle) -> StoryScore {
    let expected: Vec<Vec<String>> = judgement_lines(set, "stories.tsv")
        .iter()
        .map(|l| l.split(" | ").map(|k| k.trim().to_string()).collect())
        .collect();
    let judged: HashSet<&String> = expected.iter().flatten().collect();
    assert_eq!(judged.len(), bundle.articles.len(), "every article of {set} is judged");
    let file_of = |id: &String| {
        bundle.articles.iter().find(|a| &a.id == id).map(|a| a.file.clone()).expect("story article exists")
    };
    let found: Vec<Vec<String>> =
        bundle.stories.iter().map(|s| s.articles.iter().map(file_of).collect()).collect();
    let (want, got) = (pairs(&expected), pairs(&found));
    let mut wrong: Vec<_> = got.difference(&want).cloned().collect();
    let mut missed: Vec<_> = want.difference(&got).cloned().collect();
    wrong.sort();
    missed.sort();
    StoryScore { right: want.intersection(&got).count(), found: got.len(), wanted: want.len(), wrong, missed }
}

/// Publication dates of one set: how many have the right month and the right day.
#[derive(Debug)]
pub struct DateScore {
    pub n: usize,
    pub month_right: usize,
    pub day_right: usize,
    /// (file, truth, estimate) of each wrong month.
    pub wrong: Vec<(String, String, String)>,
}

/// Scores a bundle's dates against `tests/judged/<set>/dates.tsv`, printing every row.
pub fn score_dates(set: &str, bundle: &Bundle) -> DateScore {
    let mut score = DateScore { n: 0, month_right: 0, day_right: 0, wrong: Vec::new() };
    for line in judgement_lines(set, "dates.tsv") {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, truth) = (cols[0], cols[1]);
        let index = bundle
            .articles
            .iter()
            .position(|a| a.file == file)
            .unwrap_or_else(|| panic!("judged article {file:?} is in {set}"));
        let date = bundle.date_of(index);
        let got = date.map(|d| d.iso()).unwrap_or_default();
        let month_right = got.len() >= 7 && got[..7] == truth[..7];
        score.n += 1;
        score.month_right += usize::from(month_right);
        score.day_right += usize::from(got == truth);
        let evidence: Vec<String> = date.map_or(Vec::new(), |d| {
            d.evidence.iter().map(|e| format!("{:?} “{}”", e.kind, e.text)).collect()
        });
        println!(
            "{set:8} {got:>10} truth {truth:10} {} {file} [{}]",
            if month_right { "✓" } else { "✗" },
            evidence.join("; ")
        );
        if !month_right {
            score.wrong.push((file.to_string(), truth.to_string(), got));
        }
    }
    score
}
