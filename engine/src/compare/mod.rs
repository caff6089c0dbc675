//! Comparison: stories, sentence alignment, word diffs and conflicting figures.
//!
//! PLACEHOLDER (walking skeleton): stories are empty until the comparison work lands.

use serde::{Deserialize, Serialize};

use crate::entities::EntityData;
use crate::model::Article;

/// A group of articles reporting the same story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Stable slug.
    pub id: String,
    /// Generated label.
    pub label: String,
    /// Article ids, in corpus order.
    pub articles: Vec<String>,
}

/// Groups articles that report the same story.
pub fn stories(_articles: &[Article], _entities: &EntityData) -> Vec<Story> {
    Vec::new()
}
