//! Search behaviour on small hand-built articles: ranking rules, filters, facets and bad input.

use parallax_engine::entities::EntityData;
use parallax_engine::model::Attribution;
use parallax_engine::search::{MatchKind, Mode, SearchIndex, SearchResults};
use parallax_engine::{Article, Block, BlockKind, Spanned};

/// An article made of a title and blocks, laid out in one raw text as the cleaner would leave it.
fn article(title: &str, outlet: Option<&str>, blocks: &[(BlockKind, &str)]) -> Article {
    let mut raw = String::new();
    let mut kept = Vec::new();
    for (kind, text) in std::iter::once(&(BlockKind::Title, title)).chain(blocks) {
        let start = raw.len();
        raw.push_str(text);
        kept.push(Block { kind: *kind, text: text.to_string(), start, end: raw.len(), credit: None });
        raw.push_str("\n\n");
    }
    Article {
        id: parallax_engine::model::slugify(title, 6),
        file: format!("{title}.txt"),
        title: Spanned { text: title.to_string(), start: 0, end: title.len() },
        outlet: outlet.map(|name| Attribution {
            name: name.to_string(),
            evidence: "test".into(),
            start: 0,
            end: 0,
        }),
        byline: None,
        dateline: None,
        date: None,
        blocks: kept,
        removed: Vec::new(),
    }
}

fn paragraph(text: &str) -> (BlockKind, &str) {
    (BlockKind::Paragraph, text)
}

struct Corpus {
    articles: Vec<Article>,
    index: SearchIndex,
}

impl Corpus {
    fn new(articles: Vec<Article>) -> Corpus {
        let index = SearchIndex::build(&articles, &EntityData::default());
        Corpus { articles, index }
    }

    fn search(&self, query: &str) -> SearchResults {
        self.index.search(&self.articles, query, 10)
    }

    fn titles(&self, query: &str) -> Vec<&str> {
        self.search(query).hits.iter().map(|h| self.articles[h.article].title.text.as_str()).collect()
    }
}

fn corpus() -> Corpus {
    Corpus::new(vec![
        article(
            "Oil contract signed in Basra",
            Some("Asharq Al-Awsat"),
            &[paragraph("The ministry signed an oil contract. Officials said the deal covers the Basra fields.")],
        ),
        article(
            "Parliament debates the budget",
            Some("Global Village Space"),
            &[
                (BlockKind::Heading, "Oil revenue"),
                paragraph("Lawmakers argued about revenue. Some mentioned oil in passing, others the contract."),
            ],
        ),
        article(
            "Protests in Baghdad",
            None,
            &[paragraph("Protesters gathered in Baghdad. One sign read “no oil for militias”; the contracts were not discussed.")],
        ),
        article("Qaani visits", Some("Tehran Times"), &[paragraph("Esmail Qaani arrived, the commander’s aides said. 🙂 مرحبا")]),
    ])
}

#[test]
fn title_and_heading_matches_outrank_body_mentions() {
    let c = corpus();
    assert_eq!(c.titles("oil")[..2], ["Oil contract signed in Basra", "Parliament debates the budget"]);
}

#[test]
fn words_side_by_side_outrank_words_far_apart() {
    let c = Corpus::new(vec![
        article(
            "Apart",
            None,
            &[paragraph("The contract was signed after talks that went on for weeks about oil.")],
        ),
        article(
            "Together",
            None,
            &[paragraph("The oil contract was signed after talks that went on for weeks about it.")],
        ),
    ]);
    assert_eq!(c.titles("oil contract"), ["Together", "Apart"]);
}

#[test]
fn exact_words_outrank_plurals_and_typos() {
    let c = Corpus::new(vec![
        article("One", None, &[paragraph("A note about contracts and more contracts.")]),
        article("Two", None, &[paragraph("A note about the contract.")]),
        article("Three", None, &[paragraph("A note about the contrcat.")]),
    ]);
    let r = c.search("contract ");
    assert_eq!(r.hits[0].title, "Two");
    let kinds: Vec<MatchKind> = r.expansions[0].terms.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, [MatchKind::Exact, MatchKind::Variant]);
    // Typos are only tried when the word itself is not in the corpus; the closest ranks first.
    assert_eq!(c.titles("contracr ")[0], "Two");
    assert_eq!(c.titles("contrcat ")[0], "Three");
}

#[test]
fn outlet_filter_is_lenient_and_facets_count_unknown_outlets() {
    let c = corpus();
    for q in [
        "oil outlet:asharq",
        "oil outlet:\"Asharq al-Awsat\"",
        "oil OUTLET:ASHARQ-AL-AWSAT",
        "oil source:asharq",
    ] {
        assert_eq!(c.titles(q), ["Oil contract signed in Basra"], "{q}");
    }
    assert_eq!(c.titles("oil outlet:unknown"), ["Protests in Baghdad"]);
    let r = c.search("oil outlet:asharq");
    let facets: Vec<(Option<&str>, usize)> =
        r.facets.iter().map(|f| (f.outlet.as_deref(), f.count)).collect();
    assert_eq!(facets, [(Some("Asharq Al-Awsat"), 1), (Some("Global Village Space"), 1), (None, 1)]);
    // A filter alone lists the outlet's articles.
    assert_eq!(c.titles("outlet:tehran"), ["Qaani visits"]);
}

#[test]
fn without_entity_data_entity_and_story_filters_are_reported_but_filter_nothing() {
    let c = corpus();
    let r = c.search("oil entity:Basra story:budget");
    assert_eq!(r.total, 3);
    assert!(!r.query.entities[0].applied && !r.query.stories[0].applied);
    assert!(r.query.notes.iter().any(|n| n.contains("entity")));
}

#[test]
fn possessives_curly_quotes_and_diacritics_fold_together() {
    let c = corpus();
    assert_eq!(c.titles("commander's"), ["Qaani visits"]);
    assert_eq!(c.titles("COMMANDÉR’S aides"), ["Qaani visits"]);
    assert_eq!(c.titles("'no oil for militias'"), ["Protests in Baghdad"]);
    assert_eq!(c.titles("\"no oil for militias\""), ["Protests in Baghdad"]);
    assert_eq!(c.titles("Ghaani"), ["Qaani visits"]);
}

#[test]
fn arabic_script_is_searchable_and_emoji_or_punctuation_only_find_nothing() {
    let c = corpus();
    assert_eq!(c.titles("مرحبا"), ["Qaani visits"]);
    for q in ["🙂", "!!! ??? ---", "\u{7}\u{0}\u{1b}[31m", "", "   ", "\"", "-", "outlet:", "-\"\""] {
        let r = c.search(q);
        assert_eq!(r.total, 0, "{q:?}");
        assert!(r.hits.is_empty() && r.did_you_mean.is_none(), "{q:?}");
    }
}

#[test]
fn huge_queries_answer_with_capped_work() {
    let c = corpus();
    let long = "oil contract Basra ".repeat(600);
    let r = c.search(&long);
    assert_eq!(r.mode, Mode::And);
    assert_eq!(r.hits[0].title, "Oil contract signed in Basra");
    assert!(r.query.words.len() <= 12);
    let one_word = "x".repeat(10_000);
    assert_eq!(c.search(&one_word).total, 0);
    let junk: String = (0..10_000u32).filter_map(|i| char::from_u32(i * 7 % 0x3000)).collect();
    let _ = c.search(&junk);
}

#[test]
fn snippets_and_matches_point_at_the_raw_text() {
    let c = corpus();
    let r = c.search("basra fields");
    let hit = &r.hits[0];
    let article = &c.articles[hit.article];
    let block = &article.blocks[hit.snippet.block];
    assert_eq!(hit.snippet.text, block.text[hit.snippet.start - block.start..hit.snippet.end - block.start]);
    let words: Vec<&str> = hit
        .matches
        .iter()
        .map(|&(s, e)| {
            let b = article.block_at(s).unwrap();
            &b.text[s - b.start..e - b.start]
        })
        .collect();
    assert_eq!(words, ["Basra", "Basra", "fields"]);
    assert_eq!(hit.snippet.highlights.len(), 2, "the body passage holds both words: {:?}", hit.snippet);
}

#[test]
fn an_index_used_with_fewer_articles_than_it_was_built_for_does_not_panic() {
    let c = corpus();
    let r = c.index.search(&c.articles[..1], "oil", 10);
    assert_eq!(r.total, 1);
    let r = c.index.search(&[], "oil", 10);
    assert_eq!(r.total, 0);
}

#[test]
fn only_names_get_transliteration_variants() {
    let c = Corpus::new(vec![
        article("Talks", None, &[paragraph("The envoys will meet again, then leave. Kadhimi hosted them.")]),
        article("Visit", None, &[paragraph("They met in a thin tent. Kadhemi was there.")]),
    ]);
    // "meet" is no transliteration of "met"; it is another form of the same event, so it
    // matches too, ranked below the word itself.
    assert_eq!(c.titles("met "), ["Visit", "Talks"]);
    let expansions = &c.index.search(&c.articles, "met ", 10).expansions[0].terms;
    let meet = expansions.iter().find(|t| t.term == "meet").expect("meet is searched for met");
    assert_eq!(meet.kind, parallax_engine::search::MatchKind::Synonym);
    assert_eq!(c.titles("then "), ["Talks"]);
    assert_eq!(c.titles("kadhemi ").len(), 2);
    assert_eq!(c.titles("alkadhimi ").len(), 2);
}

#[test]
fn phrases_skip_one_al_stay_in_one_block_and_highlight_whole() {
    let c = Corpus::new(vec![
        article("One al", None, &[paragraph("Leaders of the Hashed al-Shaabi met.")]),
        article("Two als", None, &[paragraph("Leaders of the Hashed al al-Shaabi met.")]),
        article("Split", None, &[paragraph("They spoke of the Hashed"), paragraph("Shaabi came later.")]),
        article("Hashed Shaabi in the title", None, &[paragraph("Nothing more.")]),
    ]);
    assert_eq!(c.titles("\"Hashed Shaabi\""), ["Hashed Shaabi in the title", "One al"]);
    assert_eq!(c.titles("\"hashed al-Shaabi\""), ["Hashed Shaabi in the title", "One al"]);
    let r = c.search("\"Hashed Shaabi\"");
    let hit = r.hits.iter().find(|h| h.title == "One al").unwrap();
    let block = &c.articles[hit.article].blocks[1];
    let marked: Vec<&str> =
        hit.matches.iter().map(|&(s, e)| &block.text[s - block.start..e - block.start]).collect();
    assert_eq!(marked, ["Hashed al-Shaabi"]);
    // A phrase of one word, and one that is nowhere.
    assert_eq!(c.search("\"Shaabi\"").total, 4);
    assert_eq!(c.search("\"Shaabi Hashed\"").total, 0);
}
