//! Property tests: random queries (words from the corpus, partial words, operators, quotes,
//! filters, other scripts, emoji, control characters) never panic, and every offset the search
//! returns lies inside the hit's blocks, on char boundaries, with snippets that are exact slices.

use parallax_engine::search::{SearchIndex, SearchResults};
use parallax_engine::synth::Rng;
use parallax_engine::{Article, Bundle};

mod compare_support;

/// The seed corpus, some synthetic articles, and files of awkward text.
fn corpus() -> Bundle {
    let mut files = compare_support::raw_files();
    files.extend(parallax_engine::synth::corpus(30, 9));
    let awkward = [
        "Ça va? Ünïcödé “quotes” — and al‐Kadhimi’s ‘scare quotes’\n\nIraq’s PM met Fuad Hussein’s aides in Baghdad.\n",
        "رئيس الوزراء العراقي مصطفى الكاظمي\n\nمصطفى الكاظمي يلتقي ترامب 🙂🙂 in Washington\n",
        "Emoji 🇮🇶 flags and combining e\u{301}\u{301} marks\n\nZero\u{200b}width\u{200d}joiners, tabs\tand \u{7} bells.\r\nCRLF lines\r\n",
        "5,000 troops; 3.5 km; 1,000,000 dollars\n\nO'Brien and Asa'ib Ahl al-Haq's men'\n",
    ];
    for (i, text) in awkward.iter().enumerate() {
        files.push((format!("awkward_{i}.txt"), text.to_string()));
    }
    compare_support::build_files(&files, "")
}

fn random_query(rng: &mut Rng, words: &[&str]) -> String {
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "«",
        "-",
        "--",
        "'",
        "’",
        "outlet:",
        "outlet:\"",
        "entity:",
        "story:",
        "source:",
        ":",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{0}",
        "\u{7}",
        "\u{1b}",
        "🙂",
        "🇮🇶",
        "الكاظمي",
        "مصطفى",
        "e\u{301}",
        "\u{200b}",
        "…",
        "!!!",
        "(",
        ")",
        "*",
        "5,000",
        "3.5",
        "al-",
        "-al-",
        "Ş",
        "ß",
        "İ",
        "ﬁ",
    ];
    let mut q = String::new();
    for _ in 0..rng.range(0, 8) {
        match rng.below(5) {
            0 | 1 => q.push_str(rng.pick(words)),
            2 => {
                // A partial word, cut on a char boundary.
                let w = rng.pick(words);
                let cut =
                    w.char_indices().map(|(i, _)| i).nth(rng.below(w.chars().count().max(1))).unwrap_or(0);
                q.push_str(&w[..cut]);
            }
            3 => q.push_str(rng.pick(PIECES)),
            _ => {
                // A word with a typo: a swapped, dropped or doubled letter.
                let mut chars: Vec<char> = rng.pick(words).chars().collect();
                if chars.len() > 2 {
                    let i = rng.below(chars.len() - 1);
                    match rng.below(3) {
                        0 => chars.swap(i, i + 1),
                        1 => {
                            chars.remove(i);
                        }
                        _ => chars.insert(i, chars[i]),
                    }
                }
                q.extend(chars);
            }
        }
        if rng.chance(70) {
            q.push(' ');
        }
    }
    q
}

/// Every offset is inside one of the hit article's blocks, on char boundaries of that block.
fn check_offsets(articles: &[Article], results: &SearchResults, query: &str) {
    assert!(results.hits.len() <= results.total, "{query:?}");
    for hit in &results.hits {
        let article = &articles[hit.article];
        assert_eq!(article.id, hit.id);
        let inside = |s: usize, e: usize| {
            article.blocks.iter().any(|b| {
                b.start <= s
                    && e <= b.end
                    && s < e
                    && b.text.is_char_boundary(s - b.start)
                    && b.text.is_char_boundary(e - b.start)
            })
        };
        for &(s, e) in &hit.matches {
            assert!(inside(s, e), "{query:?}: match {s}..{e} in {}", hit.id);
        }
        for pair in hit.matches.windows(2) {
            assert!(pair[0].1 < pair[1].0 || pair[0].1 <= pair[1].0, "{query:?}: overlapping matches");
        }
        let snip = &hit.snippet;
        let block = &article.blocks[snip.block];
        assert!(block.start <= snip.start && snip.end <= block.end, "{query:?}: snippet outside its block");
        assert_eq!(snip.text, block.text[snip.start - block.start..snip.end - block.start], "{query:?}");
        for &(s, e) in &snip.highlights {
            assert!(snip.start <= s && e <= snip.end && inside(s, e), "{query:?}: highlight {s}..{e}");
        }
    }
}

#[test]
fn random_queries_never_panic_and_offsets_point_into_blocks() {
    let bundle = corpus();
    let text: String = bundle
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.text.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut rng = Rng::new(2024);
    for _ in 0..3000 {
        let query = random_query(&mut rng, &words);
        let results = bundle.search.search(&bundle.articles, &query, 10);
        check_offsets(&bundle.articles, &results, &query);
    }
}

#[test]
fn the_index_survives_the_bundle_round_trip() {
    let bundle = corpus();
    let back = parallax_engine::bundle::decode(&parallax_engine::bundle::encode(&bundle)).unwrap();
    assert_eq!(back.search, bundle.search);
    let q = "Kadhemi \"rocket attacks\"";
    assert_eq!(back.search.search(&back.articles, q, 10), bundle.search.search(&bundle.articles, q, 10));
}

#[test]
fn an_index_from_other_articles_gives_wrong_hits_but_never_bad_offsets() {
    let bundle = corpus();
    // An index built for a different corpus (a stale bundle, a bug upstream) must not panic.
    let mut shuffled = bundle.articles.clone();
    shuffled.reverse();
    let mut rng = Rng::new(5);
    let text: String = bundle.articles.iter().map(|a| a.title.text.as_str()).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    for _ in 0..500 {
        let query = random_query(&mut rng, &words);
        let results = bundle.search.search(&shuffled, &query, 10);
        check_offsets(&shuffled, &results, &query);
    }
    let empty = SearchIndex::default();
    assert_eq!(empty.search(&bundle.articles, "Kadhimi", 10).total, 0);
}
