//! The outlet filter (`outlet:`) and the outlet facets of a result list.

use super::index::NO_OUTLET;
use super::{Facet, Filter, SearchIndex, UNKNOWN_OUTLET_FILTER};
use crate::text;

fn squash(s: &str) -> String {
    text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl SearchIndex {
    /// Where article `doc`'s outlet counts: its index in `outlets`, or `outlets.len()` (one slot
    /// past the names) when its outlet is not known; `None` for no such article or outlet.
    fn outlet_slot(&self, doc: usize) -> Option<usize> {
        match *self.doc_outlets.get(doc)? {
            NO_OUTLET => Some(self.outlets.len()),
            o => Some(o as usize).filter(|&o| o < self.outlets.len()),
        }
    }

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
        // One verdict per outlet slot: each name, then the unknown outlet.
        let verdicts: Vec<bool> = self
            .outlets
            .iter()
            .map(|name| {
                let squashed = squash(name);
                let key = text::translit_key(&squashed);
                wanted.iter().any(|(w, wk)| squashed.contains(w.as_str()) || key.contains(wk.as_str()))
            })
            .chain(std::iter::once(unknown))
            .collect();
        (0..n_docs)
            .map(|doc| self.outlet_slot(doc).and_then(|slot| verdicts.get(slot)).copied().unwrap_or(false))
            .collect()
    }

    /// Hits per outlet, most first; the hits whose outlet is not known last among equals.
    pub(super) fn facets(&self, docs: impl Iterator<Item = u32>) -> Vec<Facet> {
        // One count per outlet slot: each name, then the unknown outlet.
        let mut counts = vec![0usize; self.outlets.len() + 1];
        for doc in docs {
            if let Some(count) = self.outlet_slot(doc as usize).and_then(|slot| counts.get_mut(slot)) {
                *count += 1;
            }
        }
        let names = self.outlets.iter().map(Some).chain(std::iter::once(None));
        let mut facets: Vec<Facet> = counts
            .into_iter()
            .zip(names)
            .filter(|&(count, _)| count > 0)
            .map(|(count, outlet)| Facet { outlet: outlet.cloned(), count })
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
