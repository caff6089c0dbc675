//! Search: a positional inverted index built at bundle time, queried in the browser and the CLI.
//!
//! PLACEHOLDER (walking skeleton): an empty index type so the bundle format has its slot.

use serde::{Deserialize, Serialize};

use crate::entities::EntityData;
use crate::model::Article;

/// The compiled search index stored in the bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {}

impl SearchIndex {
    /// Builds the index over the articles' kept text.
    pub fn build(_articles: &[Article], _entities: &EntityData) -> SearchIndex {
        SearchIndex {}
    }
}
