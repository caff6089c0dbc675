//! The outlet filter (`outlet:`) and the outlet facets of a result list.

use super::index::NO_OUTLET;
use super::{Facet, Filter, SearchIndex, UNKNOWN_OUTLET_FILTER};
use crate::text;

fn squash(s: &str) -> String {
    text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl SearchIndex {
    /// Which articles pass the `outlet:` filters. Matching is lenient: "asharq", "Asharq
    /// al-Awsat" and "ASHARQ-AL-AWSAT" all find Asharq Al-Awsat; [`UNKNOWN_OUTLET_FILTER`] finds
    /// articles whose outlet is not known. Each distinct outlet name is matched once.
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
        let unknown = wanted.iter().any(|(w, _)| w == UNKNOWN_OUTLET_FILTER);
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
            .map(|doc| match self.doc_outlets.get(doc) {
                Some(&NO_OUTLET) => unknown,
                Some(&o) => verdicts.get(o as usize).copied().unwrap_or(false),
                None => false,
            })
            .collect()
    }

    /// Hits per outlet, most first; the hits whose outlet is not known last among equals.
    pub(super) fn facets(&self, docs: impl Iterator<Item = u32>) -> Vec<Facet> {
        let mut counts = vec![0usize; self.outlets.len()];
        let mut unknown = 0;
        for doc in docs {
            match self.doc_outlets.get(doc as usize) {
                Some(&NO_OUTLET) => unknown += 1,
                Some(&o) => {
                    if let Some(count) = counts.get_mut(o as usize) {
                        *count += 1;
                    }
                }
                None => {}
            }
        }
        let named =
            counts.into_iter().zip(&self.outlets).map(|(count, outlet)| (count, Some(outlet.clone())));
        let mut facets: Vec<Facet> = named
            .chain(std::iter::once((unknown, None)))
            .filter(|&(count, _)| count > 0)
            .map(|(count, outlet)| Facet { outlet, count })
            .collect();
        // At equal counts, named outlets (by name) before the unknown one.
        crate::sort::sort_by(&mut facets, |a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| b.outlet.is_some().cmp(&a.outlet.is_some()))
                .then_with(|| a.outlet.cmp(&b.outlet))
        });
        facets
    }
}
