//! The comparison page's view model: the engine's aligned pairs laid out as rows of columns, so
//! that each row holds what the sources say about one thing, in reading order.

use std::collections::{BTreeMap, HashMap};

use parallax_engine::compare::{compare, Comparison, DiffKind, Sentence};
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

/// One row: per column, the sentences (usually zero or one) that report the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Vec<Placed>>,
    /// Conflict explanations for this row.
    pub conflicts: Vec<String>,
    /// Agreement explanations ("both say 39 attacks").
    pub agreements: Vec<String>,
    /// The best alignment score in the row (None when one source alone says it).
    pub score: Option<f32>,
}

impl Row {
    /// True when only one source says this.
    pub fn is_unique(&self) -> bool {
        self.cells.iter().filter(|c| !c.is_empty()).count() == 1
    }
}

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
    let articles: Vec<_> = columns.iter().map(|c| &bundle.articles[c.article]).collect();
    let comparison = compare(&articles, &bundle.entities);
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
    Ok(CompareView { columns, rows, comparison })
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
    let mut parent: HashMap<Node, Node> = HashMap::new();
    // Best pair per node, for its diff marks: (score, changed ranges).
    let mut best: HashMap<Node, (f32, Vec<(usize, usize)>)> = HashMap::new();
    let mut conflicting: HashMap<Node, Vec<(usize, usize)>> = HashMap::new();

    for pair in &comparison.pairs {
        let (Some(&ca), Some(&cb)) = (col_of.get(pair.a.as_str()), col_of.get(pair.b.as_str())) else {
            continue;
        };
        let (na, nb) = ((ca, pair.a_sentence.index), (cb, pair.b_sentence.index));
        sentences[ca].insert(na.1, pair.a_sentence.clone());
        sentences[cb].insert(nb.1, pair.b_sentence.clone());
        union(&mut parent, na, nb);
        let (mut del, mut ins) = (Vec::new(), Vec::new());
        for op in &pair.diff {
            let len = op.text.len();
            if op.text.trim().is_empty() {
                continue;
            }
            match op.kind {
                DiffKind::Delete => del.push((op.a_start, op.a_start + len)),
                DiffKind::Insert => ins.push((op.b_start, op.b_start + len)),
                DiffKind::Equal => {}
            }
        }
        // Word-level marks only help where the two sentences share most of their wording; on a
        // paraphrase every word would be marked, which says nothing.
        let (del, ins) =
            if shared_wording(pair) >= MIN_SHARED_WORDING { (del, ins) } else { (Vec::new(), Vec::new()) };
        for (node, ranges) in [(na, del), (nb, ins)] {
            if best.get(&node).is_none_or(|(s, _)| pair.score > *s) {
                best.insert(node, (pair.score, ranges));
            }
        }
        for c in &pair.conflicts {
            conflicting.entry(na).or_default().push((c.a_start, c.a_end));
            conflicting.entry(nb).or_default().push((c.b_start, c.b_end));
        }
    }
    for only in &comparison.only {
        let Some(&c) = col_of.get(only.article.as_str()) else { continue };
        for s in &only.sentences {
            sentences[c].insert(s.index, s.clone());
        }
    }

    // Group nodes by component.
    let mut components: HashMap<Node, Vec<Node>> = HashMap::new();
    for (c, list) in sentences.iter().enumerate() {
        for &i in list.keys() {
            let root = find(&mut parent, (c, i));
            components.entry(root).or_default().push((c, i));
        }
    }
    // Place components: walk each column in order; a component not yet placed goes right after the
    // row of the column's previous sentence.
    let mut order: Vec<Node> = Vec::new(); // component roots, in row order
    let mut placed: HashMap<Node, usize> = HashMap::new();
    for (c, list) in sentences.iter().enumerate() {
        let mut last: Option<usize> = None;
        for &i in list.keys() {
            let root = find(&mut parent, (c, i));
            if let Some(&row) = placed.get(&root) {
                last = Some(last.map_or(row, |l: usize| l.max(row)));
                continue;
            }
            let at = last.map_or(if c == 0 { order.len() } else { 0 }, |l| l + 1);
            order.insert(at, root);
            for v in placed.values_mut() {
                if *v >= at {
                    *v += 1;
                }
            }
            placed.insert(root, at);
            last = Some(at);
        }
    }

    let mut pair_facts: HashMap<Node, (Vec<String>, Vec<String>, f32)> = HashMap::new();
    for pair in &comparison.pairs {
        let Some(&ca) = col_of.get(pair.a.as_str()) else { continue };
        let root = find(&mut parent, (ca, pair.a_sentence.index));
        let entry = pair_facts.entry(root).or_insert_with(|| (Vec::new(), Vec::new(), 0.0));
        for c in &pair.conflicts {
            if !entry.0.contains(&c.explanation) {
                entry.0.push(c.explanation.clone());
            }
        }
        for a in &pair.agreements {
            if !entry.1.contains(&a.explanation) {
                entry.1.push(a.explanation.clone());
            }
        }
        entry.2 = entry.2.max(pair.score);
    }

    order
        .iter()
        .map(|root| {
            let mut cells: Vec<Vec<Placed>> = vec![Vec::new(); columns.len()];
            let mut nodes = components.get(root).cloned().unwrap_or_default();
            nodes.sort_unstable();
            for node in nodes {
                let Some(sentence) = sentences[node.0].get(&node.1) else { continue };
                let mut changed = best.get(&node).map(|b| b.1.clone()).unwrap_or_default();
                changed.sort_unstable();
                let mut conflicts = conflicting.get(&node).cloned().unwrap_or_default();
                conflicts.sort_unstable();
                conflicts.dedup();
                cells[node.0].push(Placed { sentence: sentence.clone(), changed, conflicting: conflicts });
            }
            let (conflicts, agreements, score) = pair_facts.get(root).cloned().unwrap_or_default();
            Row { cells, conflicts, agreements, score: (score > 0.0).then_some(score) }
        })
        .collect()
}

fn find(parent: &mut HashMap<Node, Node>, node: Node) -> Node {
    let mut root = node;
    while let Some(&p) = parent.get(&root) {
        if p == root {
            break;
        }
        root = p;
    }
    // Path compression.
    let mut cur = node;
    while let Some(&p) = parent.get(&cur) {
        if p == root {
            break;
        }
        parent.insert(cur, root);
        cur = p;
    }
    root
}

fn union(parent: &mut HashMap<Node, Node>, a: Node, b: Node) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The smaller node becomes the root, so roots are stable across runs.
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent.insert(child, root);
        parent.entry(root).or_insert(root);
    }
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
        assert_eq!(attacks.conflicts.len(), 2, "{:?}", attacks.conflicts);
        assert!(!attacks.cells[0][0].conflicting.is_empty());
        let rocket = view
            .rows
            .iter()
            .find(|r| r.cells[0].iter().any(|p| p.sentence.text.contains("rocket hit")))
            .unwrap();
        assert!(!rocket.cells[1].is_empty());
        assert!(view
            .rows
            .iter()
            .any(|r| r.is_unique() && r.cells[1].iter().any(|p| p.sentence.text.contains("weather"))));
        // Every sentence of both sources appears exactly once.
        let placed: usize = view.rows.iter().flat_map(|r| &r.cells).map(|c| c.len()).sum();
        let expected: usize = view.comparison.summary.sources.iter().map(|s| s.sentences).sum();
        assert_eq!(placed, expected);
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
