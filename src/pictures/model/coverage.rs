//! Stories × outlets: the articles and words each outlet gave a story. Pure aggregation over the
//! bundle, once per corpus in [`Basis`]; a sort orders those aggregated rows. The drawing is in
//! `pictures::story_matrix`; entities × outlets is `entities`.

use std::collections::HashMap;

use parallax_engine::Bundle;

use super::basis::Basis;
use super::outlets::{Outlet, OutletColumns};

/// At most this many rows are drawn; the rest are counted ("40 of 1,203 stories").
pub const MAX_ROWS: usize = 40;

/// What one outlet gave one story.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryCell {
    /// The articles (bundle indices, corpus order).
    pub articles: Vec<usize>,
    /// Their words.
    pub words: usize,
}

/// One story's row.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryRow {
    /// Index into `bundle.stories`.
    pub story: usize,
    /// One cell per outlet column.
    pub cells: Vec<StoryCell>,
    /// Distinct outlets that covered it (folded outlets counted one by one; unstated as one).
    pub outlets: usize,
    /// Articles in the story.
    pub articles: usize,
    /// The story's start (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), for ordering by date.
    pub from: Option<String>,
    /// What "Compare coverage" opens: the longest article of each of the (up to) three outlets
    /// that gave the story most words, in corpus order; the longest articles when one outlet
    /// alone covered it. Filled for the rows kept.
    pub compare: Vec<usize>,
}

/// How the story rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoryOrder {
    /// Most outlets first (then most articles, then newest).
    #[default]
    MostOutlets,
    /// Fewest outlets first: the stories only one outlet covered come first.
    FewestOutlets,
    /// Newest first; undated stories last.
    Newest,
}

/// The stories × outlets picture.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryMatrix {
    /// Outlet columns.
    pub columns: Vec<Outlet>,
    /// Articles per column (whole corpus).
    pub column_articles: Vec<usize>,
    /// The rows shown, in the asked order.
    pub rows: Vec<StoryRow>,
    /// Stories in the corpus.
    pub total_rows: usize,
    /// Largest cell article count (for scaling marks).
    pub max_articles: usize,
}

/// Every story's row, in `bundle.stories` order: its cells' articles and its outlets, without
/// words or the articles to compare (those are filled by [`story_matrix`] for the rows shown).
pub fn story_rows(bundle: &Bundle, outlets: &OutletColumns) -> Vec<StoryRow> {
    let index_of: HashMap<&str, usize> =
        bundle.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let n_cols = outlets.columns.len();
    bundle
        .stories
        .iter()
        .enumerate()
        .map(|(s, story)| {
            let mut cells = vec![StoryCell::default(); n_cols];
            let mut named: Vec<&str> = Vec::new();
            let mut unstated = false;
            let mut articles = 0;
            for id in &story.articles {
                let Some(&i) = index_of.get(id.as_str()) else { continue };
                let Some(cell) = cells.get_mut(outlets.column_of(i)) else { continue };
                let article = &bundle.articles[i];
                cell.articles.push(i);
                articles += 1;
                match &article.outlet {
                    Some(o) if !named.contains(&o.name.as_str()) => named.push(o.name.as_str()),
                    Some(_) => {}
                    None => unstated = true,
                }
            }
            StoryRow {
                story: s,
                cells,
                outlets: named.len() + usize::from(unstated),
                articles,
                from: story.from.clone(),
                compare: Vec::new(),
            }
        })
        .collect()
}

/// The stories × outlets matrix from the corpus's story rows (`basis`), keeping `max_rows` rows
/// in `order`. Only the aggregated rows are sorted; words (`words` of an article index, the
/// loaded corpus's kept counts in the app) are asked for the rows kept only, since counting
/// every article's words is most of the work at 10,000.
pub fn story_matrix(
    bundle: &Bundle,
    basis: &Basis,
    order: StoryOrder,
    max_rows: usize,
    words: &dyn Fn(usize) -> usize,
) -> StoryMatrix {
    let all = basis.story_rows(bundle);
    let mut order_of: Vec<&StoryRow> = all.iter().collect();
    let total_rows = order_of.len();
    let by = |a: &&StoryRow, b: &&StoryRow| match order {
        StoryOrder::MostOutlets => {
            b.outlets.cmp(&a.outlets).then(b.articles.cmp(&a.articles)).then_with(|| b.from.cmp(&a.from))
        }
        StoryOrder::FewestOutlets => {
            a.outlets.cmp(&b.outlets).then(b.articles.cmp(&a.articles)).then_with(|| b.from.cmp(&a.from))
        }
        // `None` sorts before `Some`, so reversing puts undated stories last.
        StoryOrder::Newest => b.from.cmp(&a.from).then(b.outlets.cmp(&a.outlets)),
    };
    // Only the first `max_rows` need ordering: select them, then sort those (stable on ties by
    // story index, as a full stable sort would be).
    let by = |a: &&StoryRow, b: &&StoryRow| by(a, b).then(a.story.cmp(&b.story));
    if max_rows < order_of.len() {
        parallax_engine::sort::select_first(&mut order_of, max_rows, by);
        order_of.truncate(max_rows);
    }
    parallax_engine::sort::sort_by(&mut order_of, by);
    let mut rows: Vec<StoryRow> = order_of.into_iter().cloned().collect();
    for row in &mut rows {
        // Per cell: (the cell's words, its longest article's words, that article).
        let mut longest: Vec<(usize, usize, usize)> = Vec::new();
        let mut all: Vec<(usize, usize)> = Vec::new();
        for cell in &mut row.cells {
            let mut best: Option<(usize, usize)> = None;
            cell.words = 0;
            for &i in &cell.articles {
                let words = words(i);
                cell.words += words;
                if best.is_none_or(|b| words > b.0) {
                    best = Some((words, i));
                }
                all.push((words, i));
            }
            if let Some((words, i)) = best {
                longest.push((cell.words, words, i));
            }
        }
        parallax_engine::sort::sort_by(&mut longest, |a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        let mut pick: Vec<usize> = longest.iter().take(3).map(|l| l.2).collect();
        if pick.len() < 2 {
            parallax_engine::sort::sort_by(&mut all, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            pick = all.iter().take(3).map(|a| a.1).collect();
        }
        parallax_engine::sort::sort_by(&mut pick, Ord::cmp);
        row.compare = pick;
    }
    let max_articles = rows.iter().flat_map(|r| r.cells.iter().map(|c| c.articles.len())).max().unwrap_or(0);
    StoryMatrix {
        columns: basis.outlets.columns.clone(),
        column_articles: basis.outlets.articles.clone(),
        rows,
        total_rows,
        max_articles,
    }
}
