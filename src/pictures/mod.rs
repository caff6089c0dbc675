//! Pictures of coverage: who reported what, when, and how differently. `model` aggregates
//! (pure Rust, tested natively); the other modules draw SVG from it, each with a table that says
//! the same, keyboard focus and tooltips.

pub mod model;
