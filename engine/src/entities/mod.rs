//! Entities: the curated knowledge base, recognition, linking, dates and figures.
//!
//! PLACEHOLDER (walking skeleton): empty types so the bundle format has its slot.

use serde::{Deserialize, Serialize};

use crate::model::{Article, Diagnostic};

/// The curated knowledge base, parsed from `corpus/entities.toml`.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {}

impl KnowledgeBase {
    /// Parses the TOML knowledge base; problems become diagnostics, never a failure.
    pub fn parse(_toml: &str) -> (KnowledgeBase, Vec<Diagnostic>) {
        (KnowledgeBase {}, Vec::new())
    }
}

/// Entities and their mentions across a corpus, stored in the bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityData {}

impl EntityData {
    /// Recognises and links every mention in the articles.
    pub fn build(_articles: &[Article], _kb: &KnowledgeBase) -> EntityData {
        EntityData {}
    }
}
