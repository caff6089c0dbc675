//! The curated knowledge base (`corpus/entities.toml`): parsing and validation.
//!
//! ```toml
//! [[entity]]
//! id = "mustafa-al-kadhimi"          # slug, unique
//! type = "PERSON"                    # PERSON, ORG or PLACE
//! name = "Mustafa al-Kadhimi"        # canonical name
//! aliases = ["Kadhimi", "Kadhemi"]   # spellings, acronyms, translations
//! description = "Prime minister of Iraq, 2020-2022."
//! wikidata = "Q60935491"             # optional, only when certain
//! roles = ["Iraqi prime minister", "prime minister", "premier"]  # optional
//! ```
//!
//! A role is a phrase such as "the premier" that refers to this entity in an article where it is
//! the only entity with that role mentioned by name.

use serde::{Deserialize, Serialize};

use super::EntityKind;
use crate::model::{Diagnostic, Severity};

/// The file name diagnostics about the knowledge base are reported under.
pub const KB_FILE: &str = "entities.toml";

/// One curated entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbEntry {
    /// Stable slug, e.g. `mustafa-al-kadhimi`.
    pub id: String,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other spellings, acronyms and translations.
    pub aliases: Vec<String>,
    /// One-line description.
    pub description: Option<String>,
    /// Wikidata id (`Q...`), where known for certain.
    pub wikidata: Option<String>,
    /// Role phrases ("Iraqi prime minister", "premier") that refer to this entity in context.
    pub roles: Vec<String>,
}

/// The curated knowledge base, parsed from `corpus/entities.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnowledgeBase {
    /// Entries in file order; ids are unique.
    pub entries: Vec<KbEntry>,
}

impl KnowledgeBase {
    /// Parses the TOML knowledge base. Problems (malformed TOML, an entity without id or name, an
    /// unknown type, a duplicate id) become diagnostics and the faulty entry is skipped; the rest
    /// still loads. An empty text is an empty knowledge base.
    pub fn parse(toml_text: &str) -> (KnowledgeBase, Vec<Diagnostic>) {
        static LAST: crate::memo::LastByText<(KnowledgeBase, Vec<Diagnostic>)> =
            crate::memo::LastByText::new();
        LAST.get(toml_text, KnowledgeBase::parse_text)
    }

    fn parse_text(toml_text: &str) -> (KnowledgeBase, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut kb = KnowledgeBase::default();
        if toml_text.trim().is_empty() {
            return (kb, diagnostics);
        }
        let table: toml::Table = match toml_text.parse() {
            Ok(table) => table,
            Err(err) => {
                let message = format!("knowledge base is not valid TOML, no curated entities loaded: {err}");
                diagnostics.push(diag(Severity::Error, message));
                return (kb, diagnostics);
            }
        };
        let Some(list) = table.get("entity") else {
            diagnostics.push(diag(Severity::Warning, "knowledge base has no [[entity]] tables".into()));
            return (kb, diagnostics);
        };
        let Some(list) = list.as_array() else {
            diagnostics
                .push(diag(Severity::Error, "`entity` must be an array of tables ([[entity]])".into()));
            return (kb, diagnostics);
        };
        let mut seen = std::collections::HashSet::new();
        for (n, value) in list.iter().enumerate() {
            match entry(value) {
                Ok(entry) => {
                    if seen.insert(entry.id.clone()) {
                        kb.entries.push(entry);
                    } else {
                        let message = format!("entity #{} repeats the id `{}`; skipped", n + 1, entry.id);
                        diagnostics.push(diag(Severity::Warning, message));
                    }
                }
                Err(why) => {
                    diagnostics.push(diag(Severity::Warning, format!("entity #{} skipped: {why}", n + 1)));
                }
            }
        }
        (kb, diagnostics)
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&KbEntry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

fn diag(severity: Severity, message: String) -> Diagnostic {
    Diagnostic { file: KB_FILE.to_string(), severity, message }
}

fn entry(value: &toml::Value) -> Result<KbEntry, String> {
    let table = value.as_table().ok_or("not a table")?;
    let text = |key: &str| -> Result<Option<String>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(_) => Err(format!("`{key}` must be a string")),
        }
    };
    let list = |key: &str| -> Result<Vec<String>, String> {
        match table.get(key) {
            None => Ok(Vec::new()),
            Some(toml::Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(|s| s.trim().to_string()).ok_or(format!("`{key}` must list strings")))
                .filter(|r| r.as_ref().map_or(true, |s| !s.is_empty()))
                .collect(),
            Some(_) => Err(format!("`{key}` must be an array of strings")),
        }
    };
    let id = text("id")?.ok_or("missing `id`")?;
    let name = text("name")?.ok_or_else(|| format!("`{id}` has no `name`"))?;
    let kind_text = text("type")?.ok_or_else(|| format!("`{id}` has no `type`"))?;
    let kind = EntityKind::parse(&kind_text)
        .ok_or_else(|| format!("`{id}` has type `{kind_text}`; expected PERSON, ORG or PLACE"))?;
    Ok(KbEntry {
        id,
        kind,
        name,
        aliases: list("aliases")?,
        description: text("description")?,
        wikidata: text("wikidata")?,
        roles: list("roles")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_toml_is_a_diagnostic_not_a_panic() {
        let (kb, diags) = KnowledgeBase::parse("[[entity]\nid = ");
        assert!(kb.entries.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Severity::Error);
    }

    #[test]
    fn bad_entries_are_skipped_and_the_rest_loads() {
        let text = r#"
[[entity]]
id = "iraq"
type = "PLACE"
name = "Iraq"
[[entity]]
id = "nameless"
type = "PERSON"
[[entity]]
id = "odd"
type = "EVENT"
name = "Odd"
[[entity]]
id = "iraq"
type = "PLACE"
name = "Iraq again"
"#;
        let (kb, diags) = KnowledgeBase::parse(text);
        assert_eq!(kb.entries.len(), 1);
        assert_eq!(diags.len(), 3);
        assert_eq!(kb.get("iraq").map(|e| e.kind), Some(EntityKind::Place));
    }
}
