//! What the pictures show, computed natively testable and free of yew: outlet columns, the
//! coverage matrices, the timeline's bins and the comparison overview. The drawing components in
//! `pictures` only lay these values out as SVG and tables.

pub mod basis;
pub mod coverage;
pub mod entities;
pub mod minimap;
pub mod outlets;
pub mod timeline;

#[cfg(test)]
mod tests;
