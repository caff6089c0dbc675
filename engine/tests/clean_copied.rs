//! Copied page text: what a reader gets from select-all and copy of a news page (menus, share bars,
//! newsletter prompts, related headlines, comments, legal footers around the article).
//!
//! The invented pages live in `engine/tests/copied/`: `dev/` are golden (every body paragraph
//! kept, nothing else, with outlet and date), `heldout/` are kept out of tuning and only checked
//! for provenance here; `scripts/bench-text.sh engine/tests/copied/heldout` reports their scores.

mod clean_support;

use clean_support::check_provenance;
use parallax_engine::clean::{clean_file, clean_file_with, repeated_lines, CleanConfig, FileReport};
use parallax_engine::model::{Article, BlockKind, NoiseKind};
use std::path::{Path, PathBuf};

struct Case {
    name: String,
    page: Vec<u8>,
    expected: Vec<String>,
    meta: serde_json::Value,
}

fn cases(set: &str) -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/copied").join(set);
    let mut folders: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("fixture folder").map(|e| e.expect("entry").path()).collect();
    folders.sort();
    folders
        .into_iter()
        .map(|f| Case {
            name: f.file_name().expect("name").to_string_lossy().into_owned(),
            page: std::fs::read(f.join("page.txt")).expect("page.txt"),
            expected: std::fs::read_to_string(f.join("expected.txt"))
                .expect("expected.txt")
                .lines()
                .map(str::to_string)
                .collect(),
            meta: serde_json::from_str(
                &std::fs::read_to_string(f.join("metadata.json")).expect("metadata.json"),
            )
            .expect("metadata is JSON"),
        })
        .collect()
}

/// The article's body as exported and measured: no title, no captions.
fn body(article: &Article) -> Vec<&str> {
    article.body().map(|b| b.text.as_str()).collect()
}

fn only_article<'r>(name: &str, report: &'r FileReport) -> &'r Article {
    let [article] = report.articles.as_slice() else {
        panic!("{name}: expected one article, got {}: {:?}", report.articles.len(), report.diagnostics)
    };
    article
}

#[test]
fn every_invented_page_keeps_exactly_its_article_with_outlet_and_date() {
    let cases = cases("dev");
    assert!(cases.len() >= 6, "the dev set is there");
    for case in &cases {
        let report = clean_file(&case.name, &case.page);
        check_provenance(&case.name, &case.page, &report);
        let article = only_article(&case.name, &report);
        assert_eq!(body(article), case.expected, "{}: kept body", case.name);
        assert_eq!(Some(article.title.text.as_str()), case.meta["title"].as_str(), "{}: title", case.name);
        let outlet = article.outlet.as_ref().map(|o| o.name.as_str());
        assert_eq!(outlet, case.meta["siteName"].as_str(), "{}: outlet", case.name);
        assert_eq!(article.date.as_deref(), case.meta["publishedTime"].as_str(), "{}: date", case.name);
    }
}

#[test]
fn held_out_pages_keep_exact_provenance() {
    for case in cases("heldout") {
        let report = clean_file(&case.name, &case.page);
        check_provenance(&case.name, &case.page, &report);
        assert!(!report.articles.is_empty(), "{}: an article", case.name);
    }
}

fn removed_as(article: &Article, line: &str) -> Option<NoiseKind> {
    article.removed.iter().find(|r| r.text == line).map(|r| r.reason)
}

#[test]
fn the_three_prompts_from_the_issue_are_removed_with_their_reasons() {
    let dev = cases("dev");
    let find = |name: &str| dev.iter().find(|c| c.name == name).expect("fixture");
    let basra = find("posted-by-news-desk");
    let report = clean_file(&basra.name, &basra.page);
    let a = only_article(&basra.name, &report);
    assert_eq!(removed_as(a, "Share this: Facebook | Twitter | WhatsApp"), Some(NoiseKind::SharePrompt));
    assert_eq!(removed_as(a, "More Related News"), Some(NoiseKind::UnrelatedHeadlines));
    assert_eq!(a.date.as_deref(), Some("2021-07-27"), "“Posted by News Desk | July 27, 2021” gives the date");
    assert_eq!(a.byline.as_ref().map(|b| b.text.as_str()), Some("News Desk"));
    let outlet = a.outlet.as_ref().expect("outlet");
    assert_eq!((outlet.name.as_str(), outlet.evidence.as_str()), ("Tigris Times", "copyright line"));

    let beirut = find("morning-newsletter");
    let report = clean_file(&beirut.name, &beirut.page);
    let a = only_article(&beirut.name, &report);
    assert_eq!(removed_as(a, "Sign up for our morning newsletter"), Some(NoiseKind::SubscribePrompt));
    assert_eq!(removed_as(a, "12 comments"), Some(NoiseKind::CommentPrompt));
    assert_eq!(
        removed_as(a, "Rania Khoury is a correspondent for The Levant Ledger based in Beirut."),
        Some(NoiseKind::AuthorBio)
    );
}

#[test]
fn a_whole_page_loses_its_menu_and_footer_and_finds_the_headline_below_them() {
    let page = cases("dev").into_iter().find(|c| c.name == "news-page-menus").expect("fixture");
    let report = clean_file(&page.name, &page.page);
    let a = only_article(&page.name, &report);
    assert_eq!(a.title.text, "Iraq and US Agree Timeline for Ending Combat Mission");
    assert_eq!(removed_as(a, "Skip to main content"), Some(NoiseKind::Navigation));
    assert_eq!(removed_as(a, "Politics"), Some(NoiseKind::Navigation));
    assert_eq!(removed_as(a, "World › Middle East"), Some(NoiseKind::Navigation));
    assert_eq!(removed_as(a, "© 2021 Harbor City Times. All rights reserved."), Some(NoiseKind::LegalFooter));
    assert_eq!(removed_as(a, "Accept"), Some(NoiseKind::Navigation));
    assert_eq!(a.byline.as_ref().map(|b| b.text.as_str()), Some("By Jane Roe and Omar Hassan"));
    let outlet = a.outlet.as_ref().expect("outlet");
    assert_eq!(outlet.evidence, "site name at the top of the page");
}

/// Three pages of one outlet: its promo line sits inside every article, worded like prose.
fn outlet_pages() -> Vec<(String, String)> {
    let promo = "Independent reporting from the region depends on readers like you, every single month.";
    let topics = [
        (
            "Dam Levels Fall Again",
            "Water levels behind the Mosul dam fell for a third month, engineers said on Sunday.",
            "The ministry said it would cut releases downstream to protect the reservoir.",
            "Farmers in the south said the cut would ruin the summer rice crop.",
        ),
        (
            "Rail Link Opens",
            "The first passenger train in a decade ran between Baghdad and Basra on Friday morning.",
            "Tickets sold out within hours, the railway company said in a statement.",
            "A second daily service is planned for the autumn, once more carriages arrive.",
        ),
        (
            "Date Harvest Grows",
            "Farmers in Diyala said the date harvest was the largest since 2014, thanks to late rains.",
            "Exporters said prices had fallen as a result, to the lowest level in years.",
            "The agriculture ministry plans to buy part of the crop for state stores.",
        ),
    ];
    topics
        .iter()
        .enumerate()
        .map(|(i, (title, one, two, three))| {
            (format!("{i}.txt"), format!("{title}\n\n{one}\n\n{two}\n\n{promo}\n\n{three}\n"))
        })
        .collect()
}

#[test]
fn a_line_that_recurs_across_an_outlets_pages_is_removed_as_repeated_boilerplate() {
    let pages = outlet_pages();
    let repeated = repeated_lines(pages.iter().map(|(_, t)| t.as_bytes()));
    let config = CleanConfig { repeated: Some(&repeated), ..CleanConfig::default() };
    for (name, text) in &pages {
        let report = clean_file_with(name, text.as_bytes(), &config);
        check_provenance(name, text.as_bytes(), &report);
        let a = only_article(name, &report);
        assert_eq!(body(a).len(), 3, "{name}: the three article paragraphs stay: {:?}", body(a));
        assert!(a.removed.iter().any(|r| r.reason == NoiseKind::RepeatedBoilerplate), "{name}");
    }
    // Cleaned alone, the same page keeps the promo: nothing says it is furniture.
    let (name, text) = &pages[0];
    assert_eq!(body(only_article(name, &clean_file(name, text.as_bytes()))).len(), 4);
}

#[test]
fn each_article_keeps_its_own_date_line_when_the_corpus_has_others_of_the_same_shape() {
    // Folded, "June 5, 2023" and "June 27, 2023" are one line, in every file: still each
    // article's own date, not furniture.
    let outlets = ["Pagina Siete", "La Tercera", "Punch"];
    let files: Vec<String> = outlets
        .iter()
        .enumerate()
        .map(|(i, outlet)| {
            format!(
                "Storm Floods Coastal Town {i}\n\n{outlet}\nJune {}, 2023\n\nHeavy rain flooded the coastal town of Keta on Monday, officials said, forcing hundreds of families from their homes.\n\nThe regional minister said relief teams had reached the worst-hit areas and that schools would stay closed.\n",
                5 + 11 * i
            )
        })
        .collect();
    let repeated = repeated_lines(files.iter().map(|t| t.as_bytes()));
    let config = CleanConfig { repeated: Some(&repeated), ..CleanConfig::default() };
    for (i, text) in files.iter().enumerate() {
        let name = format!("{i}.txt");
        let report = clean_file_with(&name, text.as_bytes(), &config);
        let a = only_article(&name, &report);
        assert_eq!(a.date.as_deref(), Some(format!("2023-06-{:02}", 5 + 11 * i).as_str()), "{name}");
        assert!(
            a.removed.iter().all(|r| r.reason != NoiseKind::RepeatedBoilerplate),
            "{name}: {:?}",
            a.removed
        );
    }
}

#[test]
fn the_same_article_syndicated_to_three_files_keeps_its_paragraphs() {
    let story = "Wheat Prices Rise\n\nWheat prices rose by a fifth in Baghdad markets this week, traders said.\n\nThe ministry blamed the drought and promised imports from Australia within a month.\n\nBakers said they would raise the price of bread if the increase lasted.\n";
    let files = [story, story, story];
    let repeated = repeated_lines(files.iter().map(|t| t.as_bytes()));
    let config = CleanConfig { repeated: Some(&repeated), ..CleanConfig::default() };
    let report = clean_file_with("a.txt", story.as_bytes(), &config);
    assert_eq!(body(only_article("a.txt", &report)).len(), 3);
}

#[test]
fn article_sentences_that_mention_prompts_are_kept() {
    let raw = "Telegram Channel Grows\n\nThe group urged its followers to subscribe to its Telegram channel, which now has two million members.\n\nFacebook said it would share the data with regulators in Brussels and Dublin.\n\nThe company updated its privacy policy after the fine, officials said.\n\nSign up was slow at first, organisers admitted, but picked up in the spring.\n";
    let report = clean_file("p.txt", raw.as_bytes());
    assert_eq!(body(only_article("p.txt", &report)).len(), 4, "{:?}", report.articles[0].removed);
}

#[test]
fn the_seed_corpus_cleans_the_same_with_the_corpus_pre_pass() {
    let files = clean_support::seed_files();
    let repeated = repeated_lines(files.iter().map(|(_, b)| b.as_slice()));
    let config = CleanConfig { repeated: Some(&repeated), ..CleanConfig::default() };
    for (name, bytes) in &files {
        assert_eq!(
            clean_file_with(name, bytes, &config).articles,
            clean_file(name, bytes).articles,
            "{name}"
        );
    }
}

/// A copied page with a menu, a headline, four paragraphs and what follows them.
fn page_with_footer(footer: &str) -> String {
    format!(
        "Home\nWorld\nBusiness\nSport\nCulture\nFerry Fares Rise as Harbour Works Drag On\n\
         The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened by two metres.\n\
         Ferry operators said fares would rise by a tenth from June to pay for the longer crossings, which the works make necessary.\n\
         Passengers' groups called the rise unfair, and said the authority had promised in May that travellers would not pay for the works.\n\
         The council will debate the works on Tuesday, when the harbour master is expected to give a new timetable for the dredging.\n\
         {footer}\n"
    )
}

#[test]
fn a_date_printed_below_the_article_is_the_page_s_date_but_an_events_list_s_dates_are_not() {
    let page = page_with_footer("Share\nDatum 28.04.2023\nImprint\nPrivacy");
    let report = clean_file("below.txt", page.as_bytes());
    let a = only_article("below.txt", &report);
    assert_eq!(a.date.as_deref(), Some("2023-04-28"));
    assert_eq!(removed_as(a, "Datum 28.04.2023"), Some(NoiseKind::ArticleDate));

    let page =
        page_with_footer("Coming up\n17.06.2024\nHarbour open day\n27.06.2024\nFerry festival\nImprint");
    let report = clean_file("events.txt", page.as_bytes());
    assert_eq!(only_article("events.txt", &report).date, None);
}

#[test]
fn the_outlet_is_the_name_a_corporate_line_puts_before_its_owner() {
    let page = page_with_footer(
        "Harbour Weekly is part of Coastline Media Holdings, a group of regional publishers.\n\
         © 2024 Coastline Media Holdings. All rights reserved.",
    );
    let report = clean_file("owner.txt", page.as_bytes());
    let outlet = only_article("owner.txt", &report).outlet.as_ref().expect("outlet");
    assert_eq!(outlet.name, "Harbour Weekly");

    let page = page_with_footer("derHafen.de\n© Hafen Verlagsgesellschaft m.b.H. 2024");
    let report = clean_file("domain.txt", page.as_bytes());
    let outlet = only_article("domain.txt", &report).outlet.as_ref().expect("outlet");
    assert_eq!(outlet.name, "derHafen");
}

#[test]
fn a_teaser_sentence_the_page_prints_twice_is_removed_but_an_article_printed_twice_is_kept() {
    let teaser = "Ferry workers vote to strike over pay, the union said on Monday evening.";
    let page = page_with_footer(&format!("Most Recent\n{teaser}\nMore news\n{teaser}\nImprint"));
    let report = clean_file("teasers.txt", page.as_bytes());
    let a = only_article("teasers.txt", &report);
    assert!(!body(a).contains(&teaser), "kept the teaser in {:?}", body(a));
    assert_eq!(removed_as(a, teaser), Some(NoiseKind::RepeatedBoilerplate));
    let paragraphs = body(a).iter().filter(|t| t.ends_with('.')).count();
    assert_eq!(paragraphs, 4, "lost article text: {:?}", body(a));

    // A short story whose page shows half of it again as its own teaser keeps its paragraphs.
    let story = page_with_footer("");
    let first_two: Vec<&str> = story.lines().skip(6).take(2).collect();
    let page = page_with_footer(&format!("Most Recent\n{}\nImprint", first_two.join("\n")));
    let report = clean_file("twice.txt", page.as_bytes());
    let a = only_article("twice.txt", &report);
    for p in first_two {
        assert!(body(a).contains(&p), "lost {p:?} from {:?}", body(a));
    }
}

#[test]
fn a_call_to_the_reader_naming_the_site_after_the_report_is_removed() {
    // The site's name, as its web address in the footer spells it, in a line that speaks to
    // the reader: the site's call, not the report's.
    let call = "Did you know that Harbour Times has a morning briefing with the stories you value?";
    let footer = format!("{call}\nImprint\nPrivacy\n© 2024 harbourtimes.com");
    let report = clean_file("call.txt", page_with_footer(&footer).as_bytes());
    let a = only_article("call.txt", &report);
    assert_eq!(removed_as(a, call), Some(NoiseKind::SubscribePrompt), "{:?}", body(a));
    assert_eq!(body(a).iter().filter(|t| t.ends_with('.')).count(), 4, "{:?}", body(a));

    // Advice to the reader that does not name the site is the report's own last word.
    let advice = "If you see a stranded ferry, the coastguard asks that you call its line at once.";
    let footer = format!("{advice}\nImprint\nPrivacy\n© 2024 harbourtimes.com");
    let report = clean_file("advice.txt", page_with_footer(&footer).as_bytes());
    let a = only_article("advice.txt", &report);
    assert!(body(a).contains(&advice), "lost the advice: {:?}", a.removed);
}

#[test]
fn an_article_the_page_prints_twice_is_kept_once() {
    // A gallery page prints its text above the pictures and again below them: a reader's copy
    // has each paragraph once, in its first place.
    let story = page_with_footer("");
    let paragraphs: Vec<&str> = story.lines().skip(6).filter(|l| !l.is_empty()).collect();
    let page = page_with_footer(&format!("Photos\n{}\nImprint", paragraphs.join("\n")));
    let report = clean_file("gallery.txt", page.as_bytes());
    let a = only_article("gallery.txt", &report);
    for p in &paragraphs {
        assert_eq!(body(a).iter().filter(|t| *t == p).count(), 1, "{p:?} in {:?}", body(a));
    }
    let again = a.removed.iter().filter(|r| r.reason == NoiseKind::RepeatedBoilerplate).count();
    assert_eq!(again, paragraphs.len(), "{:?}", a.removed);
    let first = a.blocks.iter().find(|b| b.text == paragraphs[0]).expect("kept").start;
    assert!(a.removed.iter().all(|r| r.text != paragraphs[0] || r.start > first), "the first copy is kept");
}

#[test]
fn a_more_on_the_topic_box_ends_the_article_but_a_read_also_link_inside_it_does_not() {
    // The box's teasers (short headlines, a paragraph each) are other stories.
    let teasers = "Mehr zum Thema\nNeue Radwege geplant\nDer Kreis will in den kommenden fünf Jahren rund vier Millionen Euro in neue Radwege investieren, die vor allem den Schulweg erleichtern sollen.\nMensa kommt doch\nNach langem Streit über die Kosten hat der Kreistag den Neubau der Mensa beschlossen, in der künftig vierhundert Kinder zu Mittag essen.\nImpressum";
    let report = clean_file("box.txt", page_with_footer(teasers).as_bytes());
    let a = only_article("box.txt", &report);
    assert_eq!(body(a).len(), 4, "kept teasers: {:?}", body(a));
    assert!(removed_as(a, "Mehr zum Thema").is_some(), "the box's header is removed");

    // German sites box one link in the middle of the text ("Lesen Sie auch"): the article goes on.
    let page = "Home\nWorld\nBusiness\nSport\nCulture\nFerry Fares Rise as Harbour Works Drag On\n\
         The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened by two metres.\n\
         Ferry operators said fares would rise by a tenth from June to pay for the longer crossings, which the works make necessary.\n\
         Lesen Sie auch\nHarbour Master Resigns After Dredging Row\n\
         Passengers' groups called the rise unfair, and said the authority had promised in May that travellers would not pay for the works.\n\
         The council will debate the works on Tuesday, when the harbour master is expected to give a new timetable for the dredging.\n\
         Imprint\nPrivacy\n";
    let report = clean_file("inside.txt", page.as_bytes());
    let a = only_article("inside.txt", &report);
    let paragraphs = body(a).iter().filter(|t| t.ends_with('.')).count();
    assert_eq!(paragraphs, 4, "lost article text: {:?}", body(a));
}

#[test]
fn a_related_box_inside_the_article_keeps_the_sections_after_it() {
    // The article goes on past the box in runs of paragraphs: it does not end at the box.
    let page = "Home\nWorld\nBusiness\nSport\nCulture\nFerry Fares Rise as Harbour Works Drag On\n\
         The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened by two metres.\n\
         Ferry operators said fares would rise by a tenth from June to pay for the longer crossings, which the works make necessary.\n\
         Passengers' groups called the rise unfair, and said the authority had promised in May that travellers would not pay for the works.\n\
         The authority's chair said the promise had been made before the cost of fuel for the dredgers rose by half over the winter months.\n\
         Related\nHarbour Master Resigns After Dredging Row\n\
         What the works cost\n\
         The dredging will cost the authority about four million pounds over two years, most of it borrowed from the council.\n\
         The authority expects the deeper channel to bring larger ships and more harbour dues, which would repay the loan within a decade.\n\
         Its accounts show that harbour dues have fallen in each of the last three years, as the largest ferries moved to the deeper port along the coast.\n\
         What comes next\n\
         The council will debate the works on Tuesday, when the harbour master is expected to give a new timetable for the dredging.\n\
         Councillors from the island wards said they would ask for the fare rise to be delayed until the works are finished.\n\
         The ferry operators have said they would accept a delay only if the council paid the difference from its own reserves until then.\n\
         Imprint\nPrivacy\n";
    let report = clean_file("related.txt", page.as_bytes());
    let a = only_article("related.txt", &report);
    let paragraphs = body(a).iter().filter(|t| t.ends_with('.')).count();
    assert_eq!(paragraphs, 10, "lost article text: {:?}", body(a));
}

#[test]
fn a_caption_listing_places_is_cut_at_its_photo_label_not_at_a_comma() {
    // The caption names places with commas; its credit is what follows the photo label.
    let page = "Home\nWorld\nBusiness\nSport\nCulture\nFerry Fares Rise as Harbour Works Drag On\n\
         The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened by two metres.\n\
         Ferry operators said fares would rise by a tenth from June to pay for the longer crossings, which the works make necessary.\n\
         Besides Oban the works reach Craignure, Tobermory and Salen, Islay. Foto: Mara Lind/TT\n\
         Passengers' groups called the rise unfair, and said the authority had promised in May that travellers would not pay for the works.\n\
         The council will debate the works on Tuesday, when the harbour master is expected to give a new timetable for the dredging.\n\
         Imprint\nPrivacy\n";
    let report = clean_file("places.txt", page.as_bytes());
    let a = only_article("places.txt", &report);
    let caption = a.blocks.iter().find(|b| b.kind == BlockKind::Caption).expect("lost the caption");
    assert_eq!(caption.text, "Besides Oban the works reach Craignure, Tobermory and Salen, Islay.");
    assert_eq!(caption.credit.as_ref().map(|c| c.text.as_str()), Some("Mara Lind/TT"));
    check_provenance("places.txt", page.as_bytes(), &report);
}

#[test]
fn picture_captions_with_their_credits_leave_the_body_of_a_copied_page_and_sentences_citing_sources_stay() {
    let page = "Home\nWorld\nBusiness\nSport\nCulture\nFerry Fares Rise as Harbour Works Drag On\n\
         The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened by two metres.\n\
         Dredgers at work in the outer harbour on Friday morning. © Harbour Images | Sam Ortiz\n\
         Ferry operators said fares would rise by a tenth from June to pay for the longer crossings, which the works make necessary.\n\
         Sam Ortiz/AFP via Getty Images\n\
         Passengers' groups called the rise unfair, and said the authority had promised in May that travellers would not pay for the works.\n\
         (Foto: Pool via Reuters)\n\
         Bild © Harbour Images\n\
         The council will debate the works on Tuesday, when the harbour master is expected to give a new timetable for the dredging.\n\
         Source: the harbour authority said the works would cost four million euros.\n\
         Imprint\nPrivacy\n";
    let report = clean_file("credits.txt", page.as_bytes());
    let a = only_article("credits.txt", &report);
    for credit in ["Dredgers at work", "Sam Ortiz/AFP", "(Foto: Pool via Reuters)"] {
        assert!(!body(a).iter().any(|t| t.contains(credit)), "kept {credit:?} in {:?}", body(a));
    }
    assert_eq!(removed_as(a, "Sam Ortiz/AFP via Getty Images"), Some(NoiseKind::CreditLine));
    // A photo label before the copyright sign is the credit's, not a caption "Bild".
    assert_eq!(removed_as(a, "Bild © Harbour Images"), Some(NoiseKind::CreditLine));
    // A caption ending in its credit stays, as a caption with that credit.
    let caption = a.blocks.iter().find(|b| b.kind == BlockKind::Caption).expect("lost the caption");
    assert_eq!(caption.text, "Dredgers at work in the outer harbour on Friday morning.");
    assert_eq!(caption.credit.as_ref().map(|c| c.text.as_str()), Some("Harbour Images | Sam Ortiz"));
    // Near miss: a sentence that names its source is the article's.
    assert!(body(a).iter().any(|t| t.starts_with("Source: the harbour authority")), "lost {:?}", body(a));
    let paragraphs = body(a)
        .iter()
        .filter(|t| t.starts_with("The ") || t.starts_with("Ferry ") || t.starts_with("Passengers"))
        .count();
    assert_eq!(paragraphs, 4, "lost article text: {:?}", body(a));
}

#[test]
fn other_stories_teasers_end_the_article_though_a_standfirst_has_no_full_stop() {
    // Each teaser is a headline, a standfirst, its section and its age; the middle one's
    // standfirst has no full stop, as deks often have none.
    let teasers = "Read more:\nHarbour Pilots Vote to Strike Over Night Shifts\nThe pilots' union said on Thursday that its members would stop work for two full days next week, and again at the end of the month, unless the harbour authority changes the night rota it brought in last spring.\nBusiness\n3 hours ago\nIsland Council Names New Chief Executive After Long Search\nThe former port manager promises a fresh start for the island's troubled finances\nPolitics\n5 hours ago\nNew Timetable Brings Earlier Sailings to the Northern Islands\nFrom May the first ferry to the northern islands will leave the harbour at six in the morning, an hour earlier than now, and the last one will wait for the evening train, the operator said on Monday.\nBusiness\n6 hours ago\nImprint";
    let report = clean_file("teasers.txt", page_with_footer(teasers).as_bytes());
    let a = only_article("teasers.txt", &report);
    let kept = body(a);
    assert_eq!(kept.len(), 4, "kept teasers: {kept:#?}");
    assert!(
        kept.iter().any(|t| t.starts_with("The council will debate")),
        "lost the article's end: {kept:#?}"
    );
    assert!(
        removed_as(a, "The former port manager promises a fresh start for the island's troubled finances")
            .is_some(),
        "the standfirst without a full stop is removed with its teaser"
    );
}

#[test]
fn a_latest_stories_box_ends_the_article_though_a_teaser_opens_with_a_question() {
    // "Die neuesten Artikel" (the latest) heads other stories; one teaser's paragraph sits under
    // its question headline, as such boxes print them.
    let teasers = "Die neuesten Artikel\nNeue Radwege geplant\nDer Kreis will in den kommenden fünf Jahren rund vier Millionen Euro in neue Radwege investieren, die vor allem den Schulweg erleichtern sollen.\nHilfe im Alltag\nWie finden Familien einen Platz in der Kita?\nDas Jugendamt hat eine neue Sprechstunde eingerichtet, in der Eltern jeden Dienstag beraten werden, und bietet dazu auch eine Liste freier Plätze im ganzen Kreis an.\nMensa kommt doch\nNach langem Streit über die Kosten hat der Kreistag den Neubau der Mensa beschlossen, in der künftig vierhundert Kinder zu Mittag essen.\nBrücke gesperrt\nWegen dringender Reparaturen an den Lagern bleibt die alte Brücke über den Fluss bis zum Ende der Sommerferien für den Verkehr gesperrt, teilte die Stadt mit.\nFreibad öffnet früher\nDas Freibad am Stadtpark öffnet in diesem Jahr schon Anfang Mai, weil die Sanierung der Becken schneller fertig geworden ist als von der Stadt geplant.\nImpressum";
    let report = clean_file("latest.txt", page_with_footer(teasers).as_bytes());
    let a = only_article("latest.txt", &report);
    assert_eq!(body(a).len(), 4, "kept teasers: {:?}", body(a));
    assert!(removed_as(a, "Die neuesten Artikel").is_some(), "the box's header is removed");

    // Near miss: "the latest figures" heads a section of the article, which goes on below it.
    let more = "Die neuesten Zahlen\nDer Kreis will in den kommenden fünf Jahren rund vier Millionen Euro in neue Radwege investieren, die vor allem den Schulweg erleichtern sollen.\nWie viel davon der Bund trägt, ist noch offen, sagte der Landrat am Freitag vor dem Kreistag.\nDas Jugendamt hat eine neue Sprechstunde eingerichtet, in der Eltern jeden Dienstag beraten werden.\nImpressum";
    let report = clean_file("figures.txt", page_with_footer(more).as_bytes());
    let a = only_article("figures.txt", &report);
    assert!(
        body(a).iter().any(|t| t.starts_with("Das Jugendamt hat")),
        "lost the article's last paragraph: {:?}",
        body(a)
    );
}

/// A technical post copied whole: menu, headline, paragraphs around two code blocks whose lines
/// repeat ("SELECT", "FROM", ")") and hold a timestamp, then the page's footer.
fn post_with_code(first_block: &str) -> String {
    let query = "WITH sailings AS (\n   SELECT\n       route,\n       count(*) AS trips,\n       avg(delay_minutes) AS mean_delay\n   FROM\n       ferry_sailings\n   WHERE\n       -- the storm week: departed > '2024-01-08 06:00 UTC'::timestamptz\n       departed > now() - interval '7 days'\n   GROUP BY\n       route\n)\nSELECT\n   route,\n   trips,\n   round(mean_delay, 1) AS delay\nFROM\n   sailings;";
    format!(
        "Harbour Data Notes\nHome\nArchive\nAbout\nSubscribe\nFinding Late Ferries With Plain SQL\n\
         The harbour authority publishes every sailing with its departure time, so we can measure the delays ourselves.\n\n\
         We start with a table of sailings, one row for each departure, and count the trips on each route.\n\n\
         {first_block}\n\n\
         The query counts the trips of the last week and averages their delays, route by route.\n\n\
         To compare the storm week with the week before, we run the same query again with a new window:\n\n\
         {query}\n\n\
         The island route was late on most days, while the harbour shuttle kept to its timetable.\n\n\
         Comments\nPrivacy\nImprint\n© 2024 Harbour Data Notes\n"
    )
}

#[test]
fn a_code_block_in_a_technical_post_is_kept_whole_and_the_text_after_it_too() {
    let query = "WITH sailings AS (\n   SELECT\n       route,\n       count(*) AS trips\n   FROM\n       ferry_sailings\n   GROUP BY\n       route\n)\nSELECT\n   route,\n   trips\nFROM\n   sailings;";
    let page = post_with_code(query);
    let report = clean_file("post.txt", page.as_bytes());
    let a = only_article("post.txt", &report);
    assert_eq!(a.title.text, "Finding Late Ferries With Plain SQL");
    let kept = body(a);
    for line in
        page.lines().filter(|l| l.starts_with(' ') || l.starts_with("FROM") || l.starts_with("SELECT"))
    {
        assert!(kept.contains(&line.trim()), "lost the code line {line:?} from {kept:#?}");
    }
    assert!(kept.contains(
        &"The island route was late on most days, while the harbour shuttle kept to its timetable."
    ));
    assert!(!kept.iter().any(|t| ["Home", "Archive", "Imprint", "Privacy"].contains(t)), "{kept:#?}");

    // Near miss: a column of short links between the paragraphs is no code block, and leaves.
    let page = post_with_code("Ferries\nIslands\nTimetables\nFares\nHarbour Works");
    let report = clean_file("links.txt", page.as_bytes());
    let kept = body(only_article("links.txt", &report));
    assert!(!kept.iter().any(|t| ["Islands", "Timetables", "Fares"].contains(t)), "{kept:#?}");
}

/// A copied page whose article has `inside` between its second and third paragraphs.
fn page_with_box(inside: &str) -> String {
    format!(
        "Home\nWorld\nBusiness\nSport\nCulture\nFerry Fares Rise as Harbour Works Drag On\n\
         The harbour authority said on Friday that dredging would resume next month, and that the channel would be deepened by two metres.\n\
         Ferry operators said fares would rise by a tenth from June to pay for the longer crossings, which the works make necessary.\n\
         {inside}\n\
         Passengers' groups called the rise unfair, and said the authority had promised in May that travellers would not pay for the works.\n\
         The council will debate the works on Tuesday, when the harbour master is expected to give a new timetable for the dredging.\n\
         Imprint\nPrivacy\n"
    )
}

#[test]
fn a_list_of_links_each_noted_as_opening_a_new_tab_leaves_but_a_list_of_party_members_stays() {
    let jobs = "Harbour Pilot for the Port Authority (opens in a new tab)\n\
        Ferry Engineer at Island Lines Ltd (opens in a new tab)\n\
        Deckhand for the Summer Season Coastline Ferries (opens in a new tab)\n\
        Ticket Office Clerk Harbour Council (opens in a new tab)";
    let report = clean_file("links.txt", page_with_box(jobs).as_bytes());
    let a = only_article("links.txt", &report);
    let job = "Ferry Engineer at Island Lines Ltd (opens in a new tab)";
    assert_eq!(removed_as(a, job), Some(NoiseKind::UnrelatedHeadlines));
    assert_eq!(body(a).len(), 4, "{:#?}", body(a));
    // Near miss: names each followed by a short bracket (a party) are the article's list.
    let members =
        "The new members of the harbour board are:\nAnna Berg (Coast Party)\nJonas Meer (Coast Party)\n\
        Lea Strand (Coast Party)";
    let report = clean_file("members.txt", page_with_box(members).as_bytes());
    let kept = body(only_article("members.txt", &report));
    assert!(kept.contains(&"Jonas Meer (Coast Party)"), "{kept:#?}");
}
