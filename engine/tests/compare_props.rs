//! Properties of the comparison engine: diffs reconstruct both sentences exactly, every offset
//! slices its raw file, and odd inputs (empty, identical, sentence-less articles) never panic.

mod compare_support;

use compare_support::article;
use parallax_engine::compare::{compare, diff, sentences, split_sentences, DiffKind, DiffOp};
use parallax_engine::entities::EntityData;
use parallax_engine::model::Article;
use proptest::prelude::*;

/// Concatenation of the ops a side sees: Equal+Delete is A, Equal+Insert is B.
fn sides(ops: &[DiffOp]) -> (String, String) {
    let a = ops.iter().filter(|o| o.kind != DiffKind::Insert).map(|o| o.text.as_str()).collect();
    let b = ops.iter().filter(|o| o.kind != DiffKind::Delete).map(|o| o.text.as_str()).collect();
    (a, b)
}

fn assert_reconstructs(a: &str, b: &str) {
    let ops = diff(a, 10, b, 1000);
    let (ra, rb) = sides(&ops);
    assert_eq!(ra, a, "A from {ops:?}");
    assert_eq!(rb, b, "B from {ops:?}");
    // Offsets advance with the text on each side.
    let (mut pa, mut pb) = (10, 1000);
    for op in &ops {
        assert_eq!((op.a_start, op.b_start), (pa, pb), "{ops:?}");
        match op.kind {
            DiffKind::Equal => {
                pa += op.text.len();
                pb += op.text.len();
            }
            DiffKind::Delete => pa += op.text.len(),
            DiffKind::Insert => pb += op.text.len(),
        }
    }
}

/// Words, spaces, punctuation and some non-ASCII, so tokens and boundaries vary.
fn sentence_strategy() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the", "US", "troops", "5,000", "2,500", "Kadhimi", "Kadhemi", "’s", "said", "“", "”", ",", ".", " ",
        "  ", "attacks", "missiles", "14", "13", "August", "-", "é", "\n", "Baghdad", "al-", "(", ")",
    ]);
    prop::collection::vec(word, 0..30).prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn diff_reconstructs_both_sentences_from_words(a in sentence_strategy(), b in sentence_strategy()) {
        assert_reconstructs(&a, &b);
    }

    #[test]
    fn diff_reconstructs_both_sentences_from_any_text(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        assert_reconstructs(&a, &b);
    }

    #[test]
    fn sentences_are_trimmed_slices_in_order(text in "\\PC{0,200}") {
        let mut last = 0;
        for (s, e) in split_sentences(&text) {
            prop_assert!(s >= last && s < e && e <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert_eq!(text[s..e].trim(), &text[s..e]);
            last = e;
        }
    }
}

#[test]
fn diff_reconstructs_every_pair_of_seed_sentences() {
    let articles = compare_support::seed_articles();
    let all: Vec<String> = articles.iter().flat_map(|a| sentences(a).into_iter().map(|s| s.text)).collect();
    // Every sentence against its neighbours and against a far one: varied lengths and overlap.
    for (i, a) in all.iter().enumerate() {
        for b in [&all[(i + 1) % all.len()], &all[(i * 7 + 3) % all.len()], a] {
            assert_reconstructs(a, b);
        }
    }
}

#[test]
fn odd_inputs_give_empty_or_trivial_comparisons() {
    let entities = EntityData::default();
    let empty = article("empty", &[] as &[&str]);
    let dashes = article("dashes", &["-", "— —", "   "]);
    let text = article("text", &["A title", "Kadhimi met Trump at the White House on Thursday."]);
    let same = article("same", &["A title", "Kadhimi met Trump at the White House on Thursday."]);

    let none = compare(&[], &entities);
    assert!(none.pairs.is_empty() && none.only.is_empty() && none.summary.sources.is_empty());

    let one = compare(&[&text], &entities);
    assert!(one.pairs.is_empty());
    assert_eq!(one.summary.sources[0].only_sentences, 2);

    let hollow = compare(&[&empty, &dashes], &entities);
    assert!(hollow.pairs.is_empty());
    assert_eq!(hollow.summary.sources[0].aligned_share, 0.0);

    let mixed = compare(&[&empty, &text, &dashes], &entities);
    assert!(mixed.pairs.is_empty());

    // Identical articles: every sentence aligns with itself, the diffs are all equal, no conflicts.
    let twins = compare(&[&text, &same], &entities);
    assert_eq!(twins.pairs.len(), 2);
    assert!(twins.pairs.iter().all(|p| p.diff.iter().all(|op| op.kind == DiffKind::Equal)));
    assert!(twins.pairs.iter().all(|p| p.conflicts.is_empty()));
    assert_eq!(twins.summary.sources[0].aligned_share, 1.0);
    assert!(twins.only.iter().all(|o| o.sentences.is_empty()));

    // The same article twice is fine too.
    let selfie = compare(&[&text, &text], &entities);
    assert_eq!(selfie.pairs.len(), 2);
}

#[test]
fn every_offset_slices_the_raw_file() {
    let articles = compare_support::seed_articles();
    let raws: std::collections::HashMap<String, String> = compare_support::raw_files().into_iter().collect();
    let raw_of = |id: &str| {
        let a = articles.iter().find(|a| a.id == id).expect("article");
        raws[&a.file].as_str()
    };
    let refs: Vec<&Article> = articles.iter().collect();
    let cmp = compare(&refs, &EntityData::default());
    assert!(!cmp.pairs.is_empty());
    for p in &cmp.pairs {
        let (ra, rb) = (raw_of(&p.a), raw_of(&p.b));
        assert_eq!(&ra[p.a_sentence.start..p.a_sentence.end], p.a_sentence.text);
        assert_eq!(&rb[p.b_sentence.start..p.b_sentence.end], p.b_sentence.text);
        for op in &p.diff {
            match op.kind {
                DiffKind::Equal | DiffKind::Delete => {
                    assert_eq!(&ra[op.a_start..op.a_start + op.text.len()], op.text)
                }
                DiffKind::Insert => assert_eq!(&rb[op.b_start..op.b_start + op.text.len()], op.text),
            }
            if op.kind == DiffKind::Equal {
                assert_eq!(&rb[op.b_start..op.b_start + op.text.len()], op.text);
            }
        }
        for c in p.conflicts.iter().chain(&p.agreements) {
            assert_eq!(&ra[c.a_start..c.a_end], c.a);
            assert_eq!(&rb[c.b_start..c.b_end], c.b);
        }
    }
    for only in &cmp.only {
        for s in &only.sentences {
            assert_eq!(&raw_of(&only.article)[s.start..s.end], s.text);
        }
    }
    for q in &cmp.quotes {
        assert_eq!(&raw_of(&q.a.article)[q.a.start..q.a.end], q.a.text);
        assert_eq!(&raw_of(&q.b.article)[q.b.start..q.b.end], q.b.text);
    }
    for run in &cmp.shared {
        assert_eq!(&raw_of(&run.a)[run.a_start..run.a_end], run.text);
        assert!(raw_of(&run.b).get(run.b_start..run.b_end).is_some());
    }
}
