//! The outlet filter (`outlet:`) and the outlet facets of a result list.

use super::{Facet, Filter, SearchIndex, UNKNOWN_OUTLET};
use crate::model::Article;
use crate::text;

pub(crate) fn outlet_name(article: &Article) -> &str {
    article.outlet.as_ref().map_or(UNKNOWN_OUTLET, |o| o.name.as_str())
}

fn squash(s: &str) -> String {
    text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl SearchIndex {
    /// Which articles pass the `outlet:` filters. Matching is lenient: "asharq", "Asharq
    /// al-Awsat" and "ASHARQ-AL-AWSAT" all find Asharq Al-Awsat; "unknown" finds articles whose
    /// outlet is not known. Each distinct outlet name is matched once.
    pub(super) fn outlet_filter(&self, filters: &[Filter], n_docs: usize) -> Vec<bool> {
        let wanted: Vec<(String, String)> = filters
            .iter()
            .map(|f| squash(&f.value))
            .filter(|v| !v.is_empty())
            .map(|v| {
                let key = text::translit_key(&v);
                (v, key)
            })
            .collect();
        if wanted.is_empty() {
            return vec![true; n_docs];
        }
        let verdicts: Vec<bool> = self
            .outlets
            .iter()
            .map(|name| {
                let squashed = squash(name);
                let key = text::translit_key(&squashed);
                wanted.iter().any(|(w, wk)| squashed.contains(w.as_str()) || key.contains(wk.as_str()))
            })
            .collect();
        (0..n_docs)
            .map(|doc| {
                self.doc_outlets.get(doc).and_then(|&o| verdicts.get(o as usize)).copied().unwrap_or(false)
            })
            .collect()
    }

    /// Hits per outlet, most first.
    pub(super) fn facets(&self, docs: impl Iterator<Item = u32>) -> Vec<Facet> {
        let mut counts = vec![0usize; self.outlets.len()];
        for doc in docs {
            if let Some(count) = self.doc_outlets.get(doc as usize).and_then(|&o| counts.get_mut(o as usize))
            {
                *count += 1;
            }
        }
        let mut facets: Vec<Facet> = counts
            .into_iter()
            .zip(&self.outlets)
            .filter(|&(count, _)| count > 0)
            .map(|(count, outlet)| Facet { outlet: outlet.clone(), count })
            .collect();
        crate::sort::sort_by(&mut facets, |a, b| b.count.cmp(&a.count).then_with(|| a.outlet.cmp(&b.outlet)));
        facets
    }
}
