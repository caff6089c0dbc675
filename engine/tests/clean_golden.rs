//! The seed corpus through the whole pipeline: seven articles with their titles, outlets and
//! paragraphs, no noise left, and a readable snapshot in `tests/golden/seed.txt`.

mod clean_support;

use clean_support::{check_provenance, dump, seed_files};
use parallax_engine::{build_bundle, clean::clean_file, Article, BlockKind, NoiseKind, SourceInput};

#[test]
fn seed_snapshot_matches_golden_file() {
    let files = seed_files();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    let built = build_bundle(&sources, "");
    let mut out = String::new();
    for article in &built.bundle.articles {
        out.push_str(&dump(article));
        out.push('\n');
    }
    for d in &built.diagnostics {
        out.push_str(&format!("diagnostic {:?} {}: {}\n", d.severity, d.file, d.message));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &out).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == out,
        "the cleaned seed corpus changed; rerun with UPDATE_EXPECT=1 and review the diff of {path}\n{out}"
    );
}

fn seed_articles() -> Vec<Article> {
    let files = seed_files();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    let built = build_bundle(&sources, "");
    assert!(built.diagnostics.is_empty(), "the seed corpus is clean text: {:?}", built.diagnostics);
    built.bundle.articles
}

fn count(article: &Article, kind: BlockKind) -> usize {
    article.blocks.iter().filter(|b| b.kind == kind).count()
}

#[test]
fn the_seed_corpus_holds_seven_articles_with_their_titles_and_outlets() {
    let articles = seed_articles();
    let got: Vec<(&str, Option<&str>)> = articles
        .iter()
        .map(|a| (a.title.text.as_str(), a.outlet.as_ref().map(|o| o.name.as_str())))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Iraq’s Kadhimi Praises Meeting with Trump, Pro-Iran Factions Threaten Washington",
                Some("Asharq Al-Awsat")
            ),
            ("Qaani in Baghdad to Resolve Internal Rifts", Some("Asharq Al-Awsat")),
            (
                "Iraq PM visits White House: US troops focal point of White House talks",
                Some("Global Village Space")
            ),
            ("Kadhimi, Biden to Meet Soon, Discuss Withdrawal of US Troop", Some("Asharq Al-Awsat")),
            ("French FM Says Iraq Should Not Be Dragged into Regional Conflicts", Some("Asharq Al-Awsat")),
            ("Iraqi PM Al-Kadhimi to Meet Trump Thursday", None),
            ("Iraqi engagement with US upsets pro-Iranians", None),
        ]
    );
    assert!(articles.iter().all(|a| a.date.is_none()), "no seed article states its own date");
}

#[test]
fn every_real_paragraph_heading_bullet_and_caption_is_kept() {
    let articles = seed_articles();
    let shape: Vec<[usize; 4]> = articles
        .iter()
        .map(|a| {
            [
                count(a, BlockKind::Paragraph),
                count(a, BlockKind::Heading),
                count(a, BlockKind::Bullet),
                count(a, BlockKind::Caption),
            ]
        })
        .collect();
    assert_eq!(
        shape,
        [
            [9, 0, 0, 1],
            [11, 0, 0, 1],
            [24, 3, 0, 0],
            [13, 0, 0, 1],
            [19, 0, 0, 1],
            [15, 2, 3, 0],
            [9, 0, 0, 0]
        ]
    );
    let headings: Vec<&str> = articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Forces in Iraq should be under the control of government",
            "No ‘hard fast timelines’ for cutting down US troops in Iraq",
            "Anti-US attacks on the rise in Iraq",
            "Requires US Support",
            "Strategic Dialogues",
        ]
    );
}

#[test]
fn captions_keep_their_photo_credits() {
    let articles = seed_articles();
    let captions: Vec<(&str, &str)> = articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| (b.text.as_str(), b.credit.as_ref().map_or("", |c| c.text.as_str())))
        .collect();
    assert_eq!(captions[0].0, "The meeting of US President Donald Trump and Iraqi Prime Minister Mustafa Al-Kadhimi at the White House");
    assert_eq!(captions[0].1, "Asharq Al-Awsat");
    assert_eq!(captions[1], ("A general view of Baghdad, Iraq.", "Reuters"));
    assert_eq!(captions[2], ("Iraqi Prime Minister Mustafa al-Kadhimi.", "Khalid Mohammed/Pool via REUTERS"));
    assert_eq!(captions[3].1, "AP");
}

#[test]
fn bylines_datelines_and_outlet_evidence() {
    let articles = seed_articles();
    let byline = |i: usize| articles[i].byline.as_ref().map(|s| s.text.as_str());
    assert_eq!(byline(2), Some("AFP with additional input by GVS News Desk"));
    assert_eq!(byline(5), Some("Joyce Davis"));
    assert_eq!(articles[6].dateline.as_ref().map(|s| s.text.as_str()), Some("Baghdad:"));
    let evidence: Vec<&str> =
        articles.iter().filter_map(|a| a.outlet.as_ref()).map(|o| o.evidence.as_str()).collect();
    assert_eq!(
        evidence,
        ["“TT” house marker", "“TT” house marker", "site banner", "“TT” house marker", "“TT” house marker"]
    );
}

#[test]
fn no_noise_is_left_in_the_kept_text() {
    let articles = seed_articles();
    for article in &articles {
        let captions: Vec<&str> =
            article.blocks.iter().filter(|b| b.kind == BlockKind::Caption).map(|b| b.text.as_str()).collect();
        let mut seen_title = false;
        for b in &article.blocks {
            let t = b.text.as_str();
            assert!(!t.starts_with("Read more"), "{t}");
            assert!(t != "TT" && t != "Leave a Reply", "{t}");
            assert!(!t.contains("$1/click") && !t.contains("Submit Your Ad"), "{t}");
            assert!(!t.ends_with(" -") && t != "-", "headline list left: {t}");
            assert!(!t.contains("Welcome to") && !t.contains("April 15, 2024"), "{t}");
            assert!(!t.contains("My history goes back") && t != "Joyce Davis", "{t}");
            assert!(!t.contains("additional input by"), "{t}");
            if b.kind == BlockKind::Title {
                assert!(!seen_title, "duplicated title kept");
                seen_title = true;
            } else if b.kind != BlockKind::Caption {
                assert!(
                    !captions.iter().any(|c| t.starts_with(c)),
                    "duplicated caption kept as {:?}",
                    b.kind
                );
            }
        }
        assert_eq!(captions.len(), captions.iter().collect::<std::collections::HashSet<_>>().len());
    }
    let reasons: std::collections::HashSet<NoiseKind> =
        articles.iter().flat_map(|a| &a.removed).map(|r| r.reason).collect();
    for kind in [
        NoiseKind::DuplicateTitle,
        NoiseKind::DuplicateCaption,
        NoiseKind::HouseMarker,
        NoiseKind::RelatedLink,
        NoiseKind::Advert,
        NoiseKind::SiteBanner,
        NoiseKind::PageDate,
        NoiseKind::AuthorBio,
        NoiseKind::CommentPrompt,
        NoiseKind::UnrelatedHeadlines,
        NoiseKind::CreditLine,
    ] {
        assert!(reasons.contains(&kind), "nothing removed as {kind:?}");
    }
}

#[test]
fn every_seed_file_keeps_exact_provenance_and_drops_nothing_silently() {
    for (name, bytes) in seed_files() {
        check_provenance(&name, &bytes, &clean_file(&name, &bytes));
    }
}

#[test]
fn crlf_copies_of_the_seed_files_clean_the_same_with_exact_offsets() {
    for (name, bytes) in seed_files() {
        let text = String::from_utf8(bytes.clone()).expect("seed files are UTF-8");
        let crlf = text.replace('\n', "\r\n");
        let report = clean_file(&name, crlf.as_bytes());
        check_provenance(&name, crlf.as_bytes(), &report);
        let plain = clean_file(&name, &bytes);
        let texts = |r: &parallax_engine::clean::FileReport| -> Vec<(BlockKind, String)> {
            r.articles.iter().flat_map(|a| &a.blocks).map(|b| (b.kind, b.text.clone())).collect()
        };
        assert_eq!(texts(&report), texts(&plain), "{name}");
    }
}
