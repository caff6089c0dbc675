//! The comparison page's view model: the engine's aligned pairs laid out as rows of columns, so
//! that each row holds what the sources say about one thing, in reading order.
//!
//! Two steps, so the heavy one runs in the comparison Web Worker (`src/compare_worker.rs`):
//! [`plan`] picks the columns and dates from the loaded corpus (cheap, on the page), and
//! [`compare_articles`] runs the engine and lays out the rows (the costly part, anywhere).
//! [`SentenceMarks`] then finds each shown sentence's entity marks on the page.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use parallax_engine::compare::{Comparison, DiffKind, QuotePair, Relation, Sentence, SharedRun, Summary};
use parallax_engine::entities::Mention;
use parallax_engine::{Article, Bundle};
use serde::{Deserialize, Serialize};

use crate::state::{mention_mark, Explorer, Mark, TypeFilter};

/// One compared source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    /// The sentence.
    pub sentence: Sentence,
    /// Raw ranges this source words differently from its best match (deleted or inserted words).
    pub changed: Vec<(usize, usize)>,
    /// Raw ranges of figures or dates that conflict with another source.
    pub conflicting: Vec<(usize, usize)>,
}

/// One row: per column, the sentence (zero or one) that reports the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
        Some(format!("{word} · {}%", crate::state::format_fixed(f64::from(score) * 100.0, 0)))
    }
}

/// Scores from which a pair is called a strong match (same words, or nearly: wire copy, a
/// shared figure and its predicate) and a fair one; below, a weak but kept match.
pub const STRONG_MATCH: f32 = 0.5;
/// See [`STRONG_MATCH`].
pub const FAIR_MATCH: f32 = 0.25;

/// Everything the comparison page shows except the rows: the part that comes first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareHead {
    /// The sources, in the order asked for.
    pub columns: Vec<Column>,
    /// Counts per source and overall.
    pub summary: Summary,
    /// The same speaker quoted by two sources.
    pub quotes: Vec<QuotePair>,
    /// Runs of identical wording (wire copy).
    pub shared: Vec<SharedRun>,
    /// One notice per article too long to compare sentence by sentence in full.
    pub notices: Vec<String>,
}

/// The whole comparison page.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareView {
    /// Columns, summary, quotes, shared wording and notices.
    pub head: CompareHead,
    /// Rows in reading order of the first source, other sources' material placed after what
    /// precedes it in their own order.
    pub rows: Vec<Row>,
}

/// What a comparison needs from the corpus, picked on the page: the columns (bundle index, id,
/// label, title), each article's stated or estimated publication date and the mentions it compares.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The sources, in the order asked for (duplicates dropped).
    pub columns: Vec<Column>,
    /// Per column, the publication date as `YYYY[-MM[-DD]]`, where known.
    pub dates: Vec<Option<String>>,
    /// Per column, the article's person, organisation and place mentions linked to an entity
    /// (entity indices of the bundle), and its date and figure mentions, so the comparison reads
    /// names, dates and figures exactly as the article page shows them.
    pub mentions: Vec<Vec<Mention>>,
}

/// Why a comparison could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// An id that is not in the corpus.
    UnknownArticle(String),
    /// Fewer than two distinct articles.
    TooFew,
}

/// Compares the articles with these ids and lays the result out in rows, all at once: [`plan`]
/// then [`compare_articles`], as the page and its worker do between them (for tests and native use).
pub fn compare_view(bundle: &Bundle, ids: &[String]) -> Result<CompareView, CompareError> {
    let plan = plan(bundle, ids)?;
    let articles: Vec<&Article> =
        plan.columns.iter().filter_map(|c| bundle.articles.get(c.article)).collect();
    Ok(compare_articles(&plan.columns, &articles, &plan.mentions, &plan.dates))
}

/// Picks the columns for these ids: their articles, labels (outlet, numbered when two columns
/// share one) and publication dates. Cheap: no comparison is run.
pub fn plan(bundle: &Bundle, ids: &[String]) -> Result<Plan, CompareError> {
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
    let outlet_of = |c: &Column| {
        bundle.articles[c.article].outlet.as_ref().map_or(crate::state::UNKNOWN_OUTLET, |o| o.name.as_str())
    };
    let outlets: Vec<&str> = columns.iter().map(outlet_of).collect();
    for (i, column) in columns.iter_mut().enumerate() {
        let outlet = outlets[i];
        let same_before = outlets[..i].iter().filter(|o| o.starts_with(outlet)).count();
        let same_after = outlets[i + 1..].iter().filter(|o| **o == outlet).count();
        column.label = if same_before + same_after == 0 {
            outlet.to_string()
        } else {
            format!("{outlet} ({})", same_before + 1)
        };
    }
    let dates = columns.iter().map(|c| bundle.date_of(c.article).map(|d| d.iso())).collect();
    let mentions = columns
        .iter()
        .map(|c| {
            let index = u32::try_from(c.article).unwrap_or(u32::MAX);
            bundle
                .entities
                .mentions_in(index)
                .iter()
                .filter(|m| if m.kind().is_name() { m.entity().is_some() } else { m.value.is_some() })
                .cloned()
                .collect()
        })
        .collect();
    Ok(Plan { columns, dates, mentions })
}

/// Compares `articles` (one per column, in column order, each with its linked names and its
/// date) and lays the result out in rows: the costly step, run by the comparison worker or,
/// failing that, on the page.
pub fn compare_articles(
    columns: &[Column],
    articles: &[&Article],
    mentions: &[Vec<Mention>],
    dates: &[Option<String>],
) -> CompareView {
    let dates: Vec<Option<&str>> = dates.iter().map(Option::as_deref).collect();
    let mentions: Vec<&[Mention]> = mentions.iter().map(Vec::as_slice).collect();
    let comparison = parallax_engine::compare::compare_dated(articles, &mentions, &dates);
    let rows = layout(columns, &comparison);
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
    let Comparison { summary, quotes, shared, .. } = comparison;
    CompareView { head: CompareHead { columns: columns.to_vec(), summary, quotes, shared, notices }, rows }
}

/// The entity mentions of one compared article, sorted by start, so each shown sentence finds its
/// own marks by binary search (a long article has thousands of sentences and of mentions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceMarks {
    /// Bundle index of the article.
    article: usize,
    /// (start, end, index into the article's mentions), sorted.
    spans: Vec<(usize, usize, usize)>,
}

impl SentenceMarks {
    /// Indexes the mentions of the article at `article` (an index into the bundle's articles).
    pub fn new(explorer: &Explorer, article: usize) -> SentenceMarks {
        let Ok(id) = u32::try_from(article) else { return SentenceMarks::default() };
        let mut spans: Vec<(usize, usize, usize)> = explorer
            .bundle
            .entities
            .mentions_in(id)
            .iter()
            .enumerate()
            .map(|(i, m)| (m.start as usize, m.end as usize, i))
            .collect();
        spans.sort_unstable();
        SentenceMarks { article, spans }
    }

    /// The marks of the mentions lying wholly inside `start..end`, sorted by start.
    pub fn within(&self, explorer: &Explorer, start: usize, end: usize) -> Rc<Vec<Mark>> {
        let Ok(id) = u32::try_from(self.article) else { return Rc::default() };
        let mentions = explorer.bundle.entities.mentions_in(id);
        let types = TypeFilter::default();
        let from = self.spans.partition_point(|s| s.0 < start);
        let marks = self.spans[from..]
            .iter()
            .take_while(|s| s.0 < end)
            .filter(|s| s.1 <= end)
            .filter_map(|s| mentions.get(s.2))
            .filter(|m| types.shows(m.kind()))
            .map(|m| mention_mark(explorer, m))
            .collect();
        Rc::new(marks)
    }
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
    parallax_engine::sort::sort_by(&mut pairs, |a, b| b.0.total_cmp(&a.0).then(a.3.cmp(&b.3)));

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
    use parallax_engine::entities::MentionKind;
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
        assert!(view.head.notices.is_empty());
        // Every sentence of both sources appears exactly once.
        let placed: usize = view.rows.iter().flat_map(|r| &r.cells).map(|c| c.len()).sum();
        let expected: usize = view.head.summary.sources.iter().map(|s| s.sentences).sum();
        assert_eq!(placed, expected);
    }

    #[test]
    fn the_comparison_is_given_the_dates_and_figures_the_article_page_shows() {
        let bundle = bundle();
        let ids: Vec<String> = bundle.articles.iter().map(|a| a.id.clone()).collect();
        let plan = plan(&bundle, &ids).unwrap();
        for (column, given) in plan.columns.iter().zip(&plan.mentions) {
            let page = bundle.entities.mentions_in(u32::try_from(column.article).unwrap());
            let shown: Vec<&Mention> = page.iter().filter(|m| m.value.is_some()).collect();
            assert!(
                shown.iter().any(|m| m.kind() == MentionKind::Figure)
                    && shown.iter().any(|m| m.kind() == MentionKind::Date),
                "each report has a date and a figure: {shown:?}"
            );
            for mention in shown {
                assert!(given.contains(mention), "{mention:?} is on the page but not in the comparison");
            }
            assert!(
                given.iter().all(|m| m.value.is_some() || m.entity().is_some()),
                "nothing unlinked is sent"
            );
        }
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
