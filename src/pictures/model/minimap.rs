//! The comparison overview: for each compared source, one tick per aligned row saying whether
//! that source's sentence there is shared, reworded, conflicting or its own, and the shares of
//! each over its sentences. Computed from the comparison page's rows (`compare_view`).

use crate::compare_view::CompareView;

/// What a source's sentence in one row is, next to the other sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    /// Another source reports the same thing in the same words (or nearly).
    Shared,
    /// Another source reports it, worded differently.
    Reworded,
    /// Another source reports it with a different figure that time explains (a count that grew,
    /// a different window).
    Changed,
    /// Another source reports it with a figure or date that conflicts, or that differs where a
    /// date is missing, so a change over time cannot be ruled out.
    Conflicting,
    /// No other source has it.
    Unique,
}

impl Tick {
    /// Every kind, in legend order.
    pub const ALL: [Tick; 5] = [Tick::Shared, Tick::Reworded, Tick::Changed, Tick::Conflicting, Tick::Unique];

    /// Position in [`Tick::ALL`].
    pub fn index(self) -> usize {
        match self {
            Tick::Shared => 0,
            Tick::Reworded => 1,
            Tick::Changed => 2,
            Tick::Conflicting => 3,
            Tick::Unique => 4,
        }
    }
}

/// One source's strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// (row index, what its sentences there are, how many sentences), rows in page order.
    pub ticks: Vec<(usize, Tick, usize)>,
    /// Sentences of each kind, indexed by [`Tick::index`].
    pub counts: [usize; 5],
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
    /// Rows that carry a conflict (or an undated difference), in page order.
    pub conflict_rows: Vec<usize>,
    /// Rows whose figures differ in a way time explains, in page order.
    pub changed_rows: Vec<usize>,
}

/// Classifies every row of a comparison page for every source.
pub fn minimap(view: &CompareView) -> Minimap {
    let n_cols = view.columns.len();
    let mut strips = vec![Strip { ticks: Vec::new(), counts: [0; 5] }; n_cols];
    let mut conflict_rows = Vec::new();
    let mut changed_rows = Vec::new();
    for (r, row) in view.rows.iter().enumerate() {
        // A figure marked as differing is a conflict unless the row says time explains it.
        let marked = row.cells.iter().flatten().any(|p| !p.conflicting.is_empty());
        let conflicting =
            !row.conflicts.is_empty() || !row.undated.is_empty() || (marked && row.changes.is_empty());
        let changed = !conflicting && !row.changes.is_empty();
        if conflicting {
            conflict_rows.push(r);
        }
        if changed {
            changed_rows.push(r);
        }
        for (col, cell) in row.cells.iter().enumerate().take(n_cols) {
            if cell.is_empty() {
                continue;
            }
            let tick = if row.is_unique() {
                Tick::Unique
            } else if conflicting {
                Tick::Conflicting
            } else if changed {
                Tick::Changed
            } else if cell.iter().any(|p| !p.changed.is_empty()) {
                Tick::Reworded
            } else {
                Tick::Shared
            };
            strips[col].ticks.push((r, tick, cell.len()));
            strips[col].counts[tick.index()] += cell.len();
        }
    }
    Minimap { rows: view.rows.len(), strips, conflict_rows, changed_rows }
}
