//! Pictures of coverage: who reported what, when, and how differently. `model` aggregates
//! (pure Rust, tested natively); the other modules draw SVG from it, each with a table that says
//! the same, keyboard focus and tooltips.

pub mod model;

pub mod cache;
pub mod co_occurring;
pub mod draw;
pub mod entity_matrix;
pub mod minimap;
pub mod story_matrix;
pub mod timeline;
