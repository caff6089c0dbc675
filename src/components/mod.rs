//! Reusable pieces of the explorer's pages.

pub mod article_text;
pub mod collections;
pub mod collections_slot;
pub mod header;
pub mod isolate;
pub mod offline;
pub mod remembered;
