//! The comparison page's view model: the engine's aligned pairs laid out as rows of columns, so
//! that each row holds what the sources say about one thing, in reading order.

use std::collections::{BTreeMap, HashMap, HashSet};

use parallax_engine::compare::{Comparison, DiffKind, Relation, Sentence};
use parallax_engine::Bundle;

/// One compared source.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Index into the bundle's articles.
    pub article: usize,
    /// The article id.
    pub id: String,
    /// Short label (outlet, or file stem).
    pub label: String,
    /// Headline.
    pub title: String,
}

/// A sentence placed in a cell, with what to mark in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The sentence.
    pub sentence: Sentence,
    /// Raw ranges this source words differently from its best match (deleted or inserted words).
    pub changed: Vec<(usize, usize)>,
    /// Raw ranges of figures or dates that conflict with another source.
    pub conflicting: Vec<(usize, usize)>,
}

/// One row: per column, the sentence (zero or one) that reports the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Vec<Placed>>,
    /// Genuine conflicts (the same time, different figures) for this row.
    pub conflicts: Vec<String>,
    /// Differences explained by time: "changed over time", "different counting windows".
    pub changes: Vec<String>,
    /// Differences where a date is missing, so a change over time cannot be ruled out.
    pub undated: Vec<String>,
    /// Agreement explanations ("both say 39 attacks").
    pub agreements: Vec<String>,
    /// The best alignment score in the row (None when one source alone says it).
    pub score: Option<f32>,
    /// True when no other source reports this sentence at all.
    pub unique: bool,
}

impl Row {
    /// True when only one source says this.
    pub fn is_unique(&self) -> bool {
        self.unique
    }

    /// How strongly the row's sentences report the same fact, in words, with the score as a
    /// percentage ("strong match · 62%"); `None` for a sentence only one source has.
    pub fn strength(&self) -> Option<String> {
        let score = self.score?;
        let word = if score >= STRONG_MATCH {
            "strong match"
        } else if score >= FAIR_MATCH {
            "fair match"
        } else {
            "weak match"
        };
        Some(format!("{word} · {:.0}%", score * 100.0))
    }
}

/// Scores from which a pair is called a strong match (same words, or nearly: wire copy, a
/// shared figure and its predicate) and a fair one; below, a weak but kept match.
pub const STRONG_MATCH: f32 = 0.5;
/// See [`STRONG_MATCH`].
pub const FAIR_MATCH: f32 = 0.25;

/// The whole comparison page.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareView {
    /// The sources, in the order asked for.
    pub columns: Vec<Column>,
    /// Rows in reading order of the first source, other sources' material placed after what
    /// precedes it in their own order.
    pub rows: Vec<Row>,
    /// The engine's comparison (summary, quotes, shared wording).
    pub comparison: Comparison,
    /// One notice per article too long to compare sentence by sentence in full.
    pub notices: Vec<String>,
}

/// Why a comparison could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// An id that is not in the corpus.
    UnknownArticle(String),
    /// Fewer than two distinct articles.
    TooFew,
}

/// Compares the articles with these ids and lays the result out in rows.
pub fn compare_view(bundle: &Bundle, ids: &[String]) -> Result<CompareView, CompareError> {
    let mut columns = Vec::new();
    for id in ids {
        let article = bundle
            .articles
            .iter()
            .position(|a| &a.id == id)
            .ok_or_else(|| CompareError::UnknownArticle(id.clone()))?;
        if columns.iter().any(|c: &Column| c.article == article) {
            continue;
        }
        columns.push(Column {
            article,
            id: id.clone(),
            label: String::new(),
            title: bundle.articles[article].title.text.clone(),
        });
    }
    if columns.len() < 2 {
        return Err(CompareError::TooFew);
    }
    let indices: Vec<usize> = columns.iter().map(|c| c.article).collect();
    let comparison = bundle.compare(&indices);
    for i in 0..columns.len() {
        let outlet = bundle.articles[columns[i].article]
            .outlet
            .as_ref()
            .map_or(crate::state::UNKNOWN_OUTLET, |o| o.name.as_str());
        let same_before = columns[..i].iter().filter(|c| c.label.starts_with(outlet)).count();
        let same_after = columns[i + 1..]
            .iter()
            .filter(|c| {
                bundle.articles[c.article]
                    .outlet
                    .as_ref()
                    .map_or(crate::state::UNKNOWN_OUTLET, |o| o.name.as_str())
                    == outlet
            })
            .count();
        columns[i].label = if same_before + same_after == 0 {
            outlet.to_string()
        } else {
            format!("{outlet} ({})", same_before + 1)
        };
    }
    let rows = layout(&columns, &comparison);
    let notices = comparison
        .limits
        .iter()
        .map(|l| {
            let label = columns.iter().find(|c| c.id == l.article).map_or(l.article.as_str(), |c| c.label.as_str());
            format!(
                "{label}: this article is too long to compare sentence by sentence; showing the first {} of its {} sentences.",
                l.compared, l.total
            )
        })
        .collect();
    Ok(CompareView { columns, rows, comparison, notices })
}

type Node = (usize, usize); // (column, sentence index)

/// Below this share of identical wording, a pair is a paraphrase and its diff is not marked.
pub const MIN_SHARED_WORDING: f32 = 0.4;

/// Share of the two sentences' characters that their diff keeps equal.
fn shared_wording(pair: &parallax_engine::compare::AlignedPair) -> f32 {
    let equal: usize = pair.diff.iter().filter(|op| op.kind == DiffKind::Equal).map(|op| op.text.len()).sum();
    let total = pair.a_sentence.text.len() + pair.b_sentence.text.len();
    if total == 0 {
        0.0
    } else {
        2.0 * equal as f32 / total as f32
    }
}

fn layout(columns: &[Column], comparison: &Comparison) -> Vec<Row> {
    let col_of: HashMap<&str, usize> = columns.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut sentences: Vec<BTreeMap<usize, Sentence>> = vec![BTreeMap::new(); columns.len()];
    // Pairs as (score, node a, node b, index into comparison.pairs), best first.
    let mut pairs: Vec<(f32, Node, Node, usize)> = Vec::new();
    for (i, pair) in comparison.pairs.iter().enumerate() {
        let (Some(&ca), Some(&cb)) = (col_of.get(pair.a.as_str()), col_of.get(pair.b.as_str())) else {
            continue;
        };
        sentences[ca].insert(pair.a_sentence.index, pair.a_sentence.clone());
        sentences[cb].insert(pair.b_sentence.index, pair.b_sentence.clone());
        pairs.push((pair.score, (ca, pair.a_sentence.index), (cb, pair.b_sentence.index), i));
    }
    let mut only: HashSet<Node> = HashSet::new();
    for o in &comparison.only {
        let Some(&c) = col_of.get(o.article.as_str()) else { continue };
        for s in &o.sentences {
            sentences[c].insert(s.index, s.clone());
            only.insert((c, s.index));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.3.cmp(&b.3)));

    // Rows hold at most one sentence per column. Greedily, best pair first: a pair joins the row
    // of one of its sentences when the other column's cell there is free; two unplaced sentences
    // start a row together. Weaker extra matches leave the sentence in its own row.
    let mut rows: Vec<Vec<Option<usize>>> = Vec::new();
    let mut row_of: HashMap<Node, usize> = HashMap::new();
    for &(_, a, b, _) in &pairs {
        match (row_of.get(&a).copied(), row_of.get(&b).copied()) {
            (None, None) => {
                let mut row = vec![None; columns.len()];
                row[a.0] = Some(a.1);
                row[b.0] = Some(b.1);
                rows.push(row);
                row_of.insert(a, rows.len() - 1);
                row_of.insert(b, rows.len() - 1);
            }
            (Some(r), None) if rows[r][b.0].is_none() => {
                rows[r][b.0] = Some(b.1);
                row_of.insert(b, r);
            }
            (None, Some(r)) if rows[r][a.0].is_none() => {
                rows[r][a.0] = Some(a.1);
                row_of.insert(a, r);
            }
            _ => {}
        }
    }
    for (c, list) in sentences.iter().enumerate() {
        for &i in list.keys() {
            if let std::collections::hash_map::Entry::Vacant(slot) = row_of.entry((c, i)) {
                let mut row = vec![None; columns.len()];
                row[c] = Some(i);
                rows.push(row);
                slot.insert(rows.len() - 1);
            }
        }
    }

    // Order rows: walk the columns in turn; a row not yet placed goes right after the row of the
    // same column's previous sentence, so every column reads in its own order as far as it can.
    let mut order: Vec<usize> = Vec::new();
    let mut placed = vec![false; rows.len()];
    for (c, list) in sentences.iter().enumerate() {
        let mut last: Option<usize> = None;
        for &i in list.keys() {
            let r = row_of[&(c, i)];
            if placed[r] {
                if let Some(p) = order.iter().position(|&x| x == r) {
                    last = Some(last.map_or(p, |l| l.max(p)));
                }
                continue;
            }
            let at = last.map_or(if c == 0 { order.len() } else { 0 }, |l| l + 1);
            order.insert(at, r);
            placed[r] = true;
            last = Some(at);
        }
    }

    order.into_iter().map(|r| build_row(&rows[r], &sentences, &pairs, comparison, &only)).collect()
}

/// One row's cells, with each sentence's diff and conflict marks from the pairs inside the row.
fn build_row(
    row: &[Option<usize>],
    sentences: &[BTreeMap<usize, Sentence>],
    pairs: &[(f32, Node, Node, usize)],
    comparison: &Comparison,
    only: &HashSet<Node>,
) -> Row {
    let members: Vec<Node> = row.iter().enumerate().filter_map(|(c, i)| i.map(|i| (c, i))).collect();
    let mut conflicts = Vec::new();
    let mut changes = Vec::new();
    let mut undated = Vec::new();
    let mut agreements = Vec::new();
    let mut score: Option<f32> = None;
    let mut changed: HashMap<Node, Vec<(usize, usize)>> = HashMap::new();
    let mut conflicting: HashMap<Node, Vec<(usize, usize)>> = HashMap::new();
    for &(pair_score, a, b, index) in pairs {
        if !(members.contains(&a) && members.contains(&b)) {
            continue;
        }
        let pair = &comparison.pairs[index];
        score = Some(score.map_or(pair_score, |s| s.max(pair_score)));
        for c in &pair.conflicts {
            let list = if c.relation == Relation::Undated { &mut undated } else { &mut conflicts };
            if !list.contains(&c.explanation) {
                list.push(c.explanation.clone());
            }
            conflicting.entry(a).or_default().push((c.a_start, c.a_end));
            conflicting.entry(b).or_default().push((c.b_start, c.b_end));
        }
        for c in &pair.changes {
            if !changes.contains(&c.explanation) {
                changes.push(c.explanation.clone());
            }
            conflicting.entry(a).or_default().push((c.a_start, c.a_end));
            conflicting.entry(b).or_default().push((c.b_start, c.b_end));
        }
        for g in &pair.agreements {
            if !agreements.contains(&g.explanation) {
                agreements.push(g.explanation.clone());
            }
        }
        // Word-level marks only help where the two sentences share most of their wording; on a
        // paraphrase every word would be marked, which says nothing.
        if shared_wording(pair) < MIN_SHARED_WORDING {
            continue;
        }
        let (mut del, mut ins) = (Vec::new(), Vec::new());
        for op in pair.diff.iter().filter(|op| !op.text.trim().is_empty()) {
            match op.kind {
                DiffKind::Delete => del.push((op.a_start, op.a_start + op.text.len())),
                DiffKind::Insert => ins.push((op.b_start, op.b_start + op.text.len())),
                DiffKind::Equal => {}
            }
        }
        // Pairs come best first, so the first pair seen for a sentence is its best.
        changed.entry(a).or_insert(del);
        changed.entry(b).or_insert(ins);
    }
    let cells = row
        .iter()
        .enumerate()
        .map(|(c, i)| {
            let Some(s) = i.and_then(|i| sentences[c].get(&i)) else { return Vec::new() };
            let node = (c, s.index);
            let mut changed = changed.remove(&node).unwrap_or_default();
            changed.sort_unstable();
            let mut conflicting = conflicting.remove(&node).unwrap_or_default();
            conflicting.sort_unstable();
            conflicting.dedup();
            vec![Placed { sentence: s.clone(), changed, conflicting }]
        })
        .collect();
    let unique = members.len() == 1 && only.contains(&members[0]);
    Row { cells, conflicts, changes, undated, agreements, score, unique }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_engine::{build_bundle, SourceInput};

    fn bundle() -> Bundle {
        let a = "Report A\n\nThe army said a rocket hit the airport on Tuesday.\n\nBetween August 4 and 18, 14 bomb and rocket attacks targeted US convoys.\n\nOfficials said nothing else.\n";
        let b = "Report B\n\nBetween August 4 and August 16, 13 bombs and missiles targeted US convoys.\n\nA rocket hit the airport on Tuesday, the army said.\n\nThe weather was fine.\n";
        build_bundle(
            &[
                SourceInput { name: "a.txt", bytes: a.as_bytes() },
                SourceInput { name: "b.txt", bytes: b.as_bytes() },
            ],
            "",
        )
        .bundle
    }

    #[test]
    fn reordered_reports_share_rows_and_conflicts_sit_on_their_row() {
        let bundle = bundle();
        let ids: Vec<String> = bundle.articles.iter().map(|a| a.id.clone()).collect();
        let view = compare_view(&bundle, &ids).unwrap();
        let attacks = view
            .rows
            .iter()
            .find(|r| r.cells[0].iter().any(|p| p.sentence.text.starts_with("Between")))
            .unwrap();
        assert!(
            attacks.cells[1].iter().any(|p| p.sentence.text.starts_with("Between")),
            "the reordered sentence aligns"
        );
        // 14 and 13 attacks over August 4–18 and August 4–16: explained, not a conflict.
        assert!(attacks.conflicts.is_empty(), "{:?}", attacks.conflicts);
        assert_eq!(attacks.changes.len(), 1, "{:?}", attacks.changes);
        assert!(attacks.changes[0].ends_with("different counting windows"), "{:?}", attacks.changes);
        assert!(!attacks.cells[0][0].conflicting.is_empty());
        assert!(attacks.strength().is_some_and(|s| s.ends_with('%')), "{:?}", attacks.strength());
        let rocket = view
            .rows
            .iter()
            .find(|r| r.cells[0].iter().any(|p| p.sentence.text.contains("rocket hit")))
            .unwrap();
        assert!(!rocket.cells[1].is_empty());
        let weather = view
            .rows
            .iter()
            .find(|r| r.cells[1].iter().any(|p| p.sentence.text.contains("weather")))
            .unwrap();
        assert!(
            weather.is_unique() && weather.strength().is_none(),
            "a sentence only one source has is shown as unique"
        );
        assert!(view.notices.is_empty());
        // Every sentence of both sources appears exactly once.
        let placed: usize = view.rows.iter().flat_map(|r| &r.cells).map(|c| c.len()).sum();
        let expected: usize = view.comparison.summary.sources.iter().map(|s| s.sentences).sum();
        assert_eq!(placed, expected);
    }

    #[test]
    fn strength_reads_as_words_and_a_percentage() {
        let row = |score| Row {
            cells: Vec::new(),
            conflicts: Vec::new(),
            changes: Vec::new(),
            undated: Vec::new(),
            agreements: Vec::new(),
            score,
            unique: false,
        };
        assert_eq!(row(Some(1.0)).strength().as_deref(), Some("strong match · 100%"));
        assert_eq!(row(Some(0.3)).strength().as_deref(), Some("fair match · 30%"));
        assert_eq!(row(Some(0.16)).strength().as_deref(), Some("weak match · 16%"));
        assert_eq!(row(None).strength(), None);
    }

    #[test]
    fn unknown_or_too_few_articles_are_reported() {
        let bundle = bundle();
        let first = bundle.articles[0].id.clone();
        assert_eq!(
            compare_view(&bundle, &[first.clone(), "nope".into()]),
            Err(CompareError::UnknownArticle("nope".into()))
        );
        assert_eq!(compare_view(&bundle, &[first.clone(), first]), Err(CompareError::TooFew));
    }
}
