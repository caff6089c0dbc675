//! The comparison overview: for each compared source, one tick per aligned row saying whether
//! that source's sentence there is shared, reworded, conflicting or its own, and the shares of
//! each over its sentences. Computed from the comparison page's rows (`compare_view`).

use crate::compare_view::CompareView;

/// What a source's sentence in one row is, next to the other sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    /// Another source reports the same thing in the same words (or nearly).
    Shared,
    /// Another source reports it, worded differently (or differing in a way time explains).
    Reworded,
    /// Another source reports it with a figure or date that conflicts.
    Conflicting,
    /// No other source has it.
    Unique,
}

impl Tick {
    /// Every kind, in legend order.
    pub const ALL: [Tick; 4] = [Tick::Shared, Tick::Reworded, Tick::Conflicting, Tick::Unique];

    /// Position in [`Tick::ALL`].
    pub fn index(self) -> usize {
        match self {
            Tick::Shared => 0,
            Tick::Reworded => 1,
            Tick::Conflicting => 2,
            Tick::Unique => 3,
        }
    }
}

/// One source's strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// (row index, what its sentences there are, how many sentences), rows in page order.
    pub ticks: Vec<(usize, Tick, usize)>,
    /// Sentences of each kind, indexed by [`Tick::index`].
    pub counts: [usize; 4],
}

impl Strip {
    /// Sentences placed in rows.
    pub fn sentences(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// The overview of one comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimap {
    /// Rows on the page.
    pub rows: usize,
    /// One strip per column, in column order.
    pub strips: Vec<Strip>,
    /// Rows that carry a conflict, in page order.
    pub conflict_rows: Vec<usize>,
}

/// Classifies every row of a comparison page for every source.
pub fn minimap(view: &CompareView) -> Minimap {
    let n_cols = view.columns.len();
    let mut strips = vec![Strip { ticks: Vec::new(), counts: [0; 4] }; n_cols];
    let mut conflict_rows = Vec::new();
    for (r, row) in view.rows.iter().enumerate() {
        let conflicting = !row.conflicts.is_empty();
        if conflicting {
            conflict_rows.push(r);
        }
        let reworded = !row.changes.is_empty() || !row.undated.is_empty();
        for (col, cell) in row.cells.iter().enumerate().take(n_cols) {
            if cell.is_empty() {
                continue;
            }
            let tick = if row.is_unique() {
                Tick::Unique
            } else if conflicting || cell.iter().any(|p| !p.conflicting.is_empty()) {
                Tick::Conflicting
            } else if reworded || cell.iter().any(|p| !p.changed.is_empty()) {
                Tick::Reworded
            } else {
                Tick::Shared
            };
            strips[col].ticks.push((r, tick, cell.len()));
            strips[col].counts[tick.index()] += cell.len();
        }
    }
    Minimap { rows: view.rows.len(), strips, conflict_rows }
}
