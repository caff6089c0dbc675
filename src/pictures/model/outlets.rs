//! The outlet columns every picture shares: the most prolific outlets by name, the rest folded
//! into one "other outlets" column, and articles whose outlet is not stated in a column of their
//! own, so that a 10,000-article corpus with hundreds of outlets still fits on a screen.

use std::collections::HashMap;

use parallax_engine::Bundle;

/// At most this many named outlets get a column of their own.
pub const MAX_OUTLETS: usize = 10;

/// One outlet column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Outlet {
    /// A named outlet.
    Named(String),
    /// The outlets too small to get a column, folded into one (how many of them).
    Others(usize),
    /// Articles whose outlet the text never states.
    NotStated,
}

/// The columns, and the column of every article.
#[derive(Clone, Debug, PartialEq)]
pub struct OutletColumns {
    /// Named outlets (most articles first, then by name), then `Others`, then `NotStated`.
    pub columns: Vec<Outlet>,
    /// Articles per column.
    pub articles: Vec<usize>,
    /// For each article (bundle order), its column.
    pub of_article: Vec<usize>,
}

impl OutletColumns {
    /// Picks the columns for a corpus: up to `max` named outlets, most articles first.
    pub fn new(bundle: &Bundle, max: usize) -> OutletColumns {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut not_stated = 0;
        for article in &bundle.articles {
            match &article.outlet {
                Some(o) => *counts.entry(o.name.as_str()).or_default() += 1,
                None => not_stated += 1,
            }
        }
        let mut named: Vec<(&str, usize)> = counts.into_iter().collect();
        parallax_engine::sort::sort_by(&mut named, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
        });
        let folded = named.len().saturating_sub(max);
        let mut columns: Vec<Outlet> =
            named.iter().take(max).map(|(n, _)| Outlet::Named(n.to_string())).collect();
        let mut articles: Vec<usize> = named.iter().take(max).map(|(_, c)| *c).collect();
        let index: HashMap<&str, usize> =
            named.iter().take(max).enumerate().map(|(i, (n, _))| (*n, i)).collect();
        let others = (folded > 0).then(|| {
            columns.push(Outlet::Others(folded));
            articles.push(named.iter().skip(max).map(|(_, c)| c).sum());
            columns.len() - 1
        });
        let unstated = (not_stated > 0).then(|| {
            columns.push(Outlet::NotStated);
            articles.push(not_stated);
            columns.len() - 1
        });
        let of_article = bundle
            .articles
            .iter()
            .map(|a| match &a.outlet {
                Some(o) => index.get(o.name.as_str()).copied().or(others).unwrap_or(0),
                None => unstated.unwrap_or(0),
            })
            .collect();
        OutletColumns { columns, articles, of_article }
    }

    /// The column of the article at this bundle index (0 for an index out of range).
    pub fn column_of(&self, article: usize) -> usize {
        self.of_article.get(article).copied().unwrap_or(0)
    }
}
