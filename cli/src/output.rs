//! The CLI's JSON shapes. They are a public interface (documented in the README), so they are
//! spelled out here rather than derived from the engine's internal types.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::{bail, Result};
use parallax_engine::compare::{DiffKind, Sentence};
use parallax_engine::model::SourceFormat;
use parallax_engine::{BlockKind, Bundle};
use serde::Serialize;

/// `parallax export --json`.
#[derive(Serialize)]
pub struct Export<'a> {
    articles: Vec<ExportArticle<'a>>,
}

#[derive(Serialize)]
struct ExportArticle<'a> {
    id: &'a str,
    file: &'a str,
    /// `text`, `html`, `json` or `warc`.
    format: &'static str,
    /// The page's URL, where the file states one.
    url: Option<&'a str>,
    title: &'a str,
    outlet: Option<&'a str>,
    byline: Option<&'a str>,
    dateline: Option<&'a str>,
    /// Publication date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision.
    date: Option<String>,
    /// `stated` or `estimated`.
    date_source: Option<parallax_engine::dates::DateSource>,
    /// What the date rests on.
    date_evidence: Vec<DateEvidenceOut<'a>>,
    /// Times the text gives relative to its date ("yesterday", "last Tuesday") and dates it
    /// gives without a year, placed in the calendar from the publication date.
    times: Vec<TimeOut>,
    captions: Vec<Caption<'a>>,
    blocks: Vec<ExportBlock<'a>>,
    removed: Vec<ExportRemoved<'a>>,
}

#[derive(Serialize)]
struct DateEvidenceOut<'a> {
    /// `stated`, `caption`, `after`, `before`, `story` or `inoffice`.
    kind: parallax_engine::dates::EvidenceKind,
    /// The article holding the text (this one, or another of its story).
    article: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct TimeOut {
    text: String,
    start: usize,
    end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: never more precise than the publication date.
    date: String,
    /// `stated` or `estimated`: the publication date it was placed from.
    date_source: parallax_engine::dates::DateSource,
}

#[derive(Serialize)]
struct Caption<'a> {
    text: &'a str,
    credit: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ExportBlock<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ExportRemoved<'a> {
    text: &'a str,
    reason: &'static str,
    start: usize,
    end: usize,
}

/// The cleaned corpus in the documented export schema.
pub fn export(bundle: &Bundle) -> Export<'_> {
    let articles = bundle
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (i, a, bundle.date_of(i)))
        .map(|(i, a, date)| ExportArticle {
            id: &a.id,
            file: &a.file,
            format: bundle.source(&a.id).map_or(SourceFormat::Text, |s| s.format).as_str(),
            url: bundle.source(&a.id).and_then(|s| s.url.as_deref()),
            title: &a.title.text,
            outlet: a.outlet.as_ref().map(|o| o.name.as_str()),
            byline: a.byline.as_ref().map(|b| b.text.as_str()),
            dateline: a.dateline.as_ref().map(|d| d.text.as_str()),
            date: date.map(|d| d.iso()),
            date_source: date.map(|d| d.source),
            date_evidence: date.map_or(Vec::new(), |d| {
                d.evidence
                    .iter()
                    .map(|e| DateEvidenceOut {
                        kind: e.kind,
                        article: bundle.articles.get(e.article as usize).map_or("", |a| a.id.as_str()),
                        text: &e.text,
                        start: e.start,
                        end: e.end,
                    })
                    .collect()
            }),
            times: bundle
                .times_of(i)
                .into_iter()
                .map(|t| TimeOut {
                    date: t.when.iso(),
                    date_source: t.when.source,
                    text: t.text,
                    start: t.start,
                    end: t.end,
                })
                .collect(),
            captions: a
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Caption)
                .map(|b| Caption {
                    text: &b.text,
                    credit: b.credit.as_ref().map(|c| c.text.as_str()),
                    start: b.start,
                    end: b.end,
                })
                .collect(),
            blocks: a
                .body()
                .map(|b| ExportBlock { kind: b.kind.as_str(), text: &b.text, start: b.start, end: b.end })
                .collect(),
            removed: a
                .removed
                .iter()
                .map(|r| ExportRemoved {
                    text: &r.text,
                    reason: r.reason.label(),
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        })
        .collect();
    Export { articles }
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    serde_json::to_writer_pretty(&mut lock, value)?;
    use std::io::Write;
    writeln!(lock)?;
    Ok(())
}

/// `parallax search --json`: the explorer's ranking, with the time the query took.
#[derive(Serialize)]
pub struct Search {
    query: String,
    took_ms: f64,
    total: usize,
    mode: parallax_engine::search::Mode,
    hits: Vec<SearchHit>,
    did_you_mean: Option<String>,
    /// What the query parser repaired or ignored, and filters that name nothing.
    notes: Vec<String>,
}

#[derive(Serialize)]
struct SearchHit {
    article: String,
    title: String,
    score: f32,
    snippet: String,
    highlights: Vec<(usize, usize)>,
}

/// Runs one query like the app does.
pub fn search(bundle: &Bundle, query: &str, limit: usize) -> Search {
    let started = Instant::now();
    let options = parallax_engine::search::SearchOptions { limit, prefix_last_word: true };
    let results = bundle.search.search_in(&bundle.corpus(), query, &options);
    let took_ms = started.elapsed().as_secs_f64() * 1000.0;
    Search {
        query: query.to_string(),
        took_ms,
        total: results.total,
        mode: results.mode,
        did_you_mean: results.did_you_mean,
        notes: results.query.notes,
        hits: results
            .hits
            .into_iter()
            .map(|h| SearchHit {
                article: h.id,
                title: h.title,
                score: h.score,
                snippet: h.snippet.text,
                highlights: h.snippet.highlights,
            })
            .collect(),
    }
}

/// `parallax entities --json`.
#[derive(Serialize)]
pub struct Entities<'a> {
    entities: Vec<EntityOut<'a>>,
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
    aliases: &'a [String],
    description: Option<&'a str>,
    wikidata: Option<&'a str>,
    provisional: bool,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    article: &'a str,
    surface: &'a str,
    #[serde(rename = "type")]
    kind: String,
    entity: Option<&'a str>,
    start: usize,
    end: usize,
    value: Option<&'a parallax_engine::entities::Value>,
}

/// Every mentioned entity and every mention.
pub fn entities(bundle: &Bundle) -> Entities<'_> {
    let data = &bundle.entities;
    let mut mentioned = vec![false; data.entities.len()];
    for m in &data.mentions {
        if let Some(slot) = m.entity().and_then(|e| mentioned.get_mut(e as usize)) {
            *slot = true;
        }
    }
    Entities {
        entities: data
            .entities
            .iter()
            .zip(&mentioned)
            .filter(|(_, m)| **m)
            .map(|(e, _)| EntityOut {
                id: &e.id,
                kind: e.kind.label(),
                name: &e.name,
                aliases: &e.aliases,
                description: e.description.as_deref(),
                wikidata: e.wikidata.as_deref(),
                provisional: e.provisional,
            })
            .collect(),
        mentions: data
            .mentions
            .iter()
            .map(|m| MentionOut {
                article: bundle.articles.get(m.article as usize).map_or("", |a| a.id.as_str()),
                surface: data.surface(&bundle.articles, m).unwrap_or_default(),
                kind: m.kind().as_str().to_uppercase(),
                entity: data.entity_of(m).map(|e| e.id.as_str()),
                start: m.start as usize,
                end: m.end as usize,
                value: m.value.as_deref(),
            })
            .collect(),
    }
}

/// `parallax stories --json`.
#[derive(Serialize)]
pub struct Stories<'a> {
    stories: &'a [parallax_engine::stories::Story],
}

/// The stories of the corpus.
pub fn stories(bundle: &Bundle) -> Stories<'_> {
    Stories { stories: &bundle.stories }
}

/// `parallax compare --json`.
#[derive(Serialize)]
pub struct Compare {
    articles: Vec<parallax_engine::compare::ComparedArticle>,
    pairs: Vec<PairOut>,
    only: BTreeMap<String, Vec<Sentence>>,
    quotes: Vec<parallax_engine::compare::QuotePair>,
    shared: Vec<parallax_engine::compare::SharedRun>,
    summary: parallax_engine::compare::Summary,
}

#[derive(Serialize)]
struct PairOut {
    a: String,
    b: String,
    a_sentence: Sentence,
    b_sentence: Sentence,
    score: f32,
    /// Editor's mark-up: `[-deleted-]{+inserted+}`.
    diff: String,
    conflicts: Vec<FactOut>,
    /// Differences explained by time (changed over time, different counting windows).
    changes: Vec<FactOut>,
    agreements: Vec<FactOut>,
}

#[derive(Serialize)]
struct FactOut {
    a: String,
    b: String,
    explanation: String,
    /// `agree`, `conflict`, `changed_over_time`, `different_windows` or `undated`.
    relation: parallax_engine::compare::Relation,
}

/// Aligns the given articles.
pub fn compare(bundle: &Bundle, ids: &[String]) -> Result<Compare> {
    let mut indices = Vec::new();
    for id in ids {
        match bundle.articles.iter().position(|a| &a.id == id) {
            Some(i) => indices.push(i),
            None => bail!("no article {id:?} in this corpus (`parallax export DIR --json` lists the ids)"),
        }
    }
    let c = bundle.compare(&indices);
    let fact = |f: &parallax_engine::compare::FactPair| FactOut {
        a: f.a.clone(),
        b: f.b.clone(),
        explanation: f.explanation.clone(),
        relation: f.relation,
    };
    Ok(Compare {
        pairs: c
            .pairs
            .iter()
            .map(|p| PairOut {
                a: p.a.clone(),
                b: p.b.clone(),
                a_sentence: p.a_sentence.clone(),
                b_sentence: p.b_sentence.clone(),
                score: p.score,
                diff: p
                    .diff
                    .iter()
                    .map(|op| match op.kind {
                        DiffKind::Equal => op.text.clone(),
                        DiffKind::Delete => format!("[-{}-]", op.text),
                        DiffKind::Insert => format!("{{+{}+}}", op.text),
                    })
                    .collect(),
                conflicts: p.conflicts.iter().map(fact).collect(),
                changes: p.changes.iter().map(fact).collect(),
                agreements: p.agreements.iter().map(fact).collect(),
            })
            .collect(),
        only: c.only.into_iter().map(|o| (o.article, o.sentences)).collect(),
        articles: c.articles,
        quotes: c.quotes,
        shared: c.shared,
        summary: c.summary,
    })
}
