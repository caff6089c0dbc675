//! The cleaning rules are patterns, not the seed files' exact strings: invented variants in the same
//! styles (other outlets, banners, markers, links, bios, headline lists) clean the same way.

mod clean_support;

use clean_support::check_provenance;
use parallax_engine::clean::{
    clean_file, clean_file_with, CleanConfig, FileReport, KnownOutlet, KNOWN_OUTLETS,
};
use parallax_engine::{Article, BlockKind, NoiseKind};

fn clean(raw: &str) -> FileReport {
    let report = clean_file("variant.txt", raw.as_bytes());
    check_provenance("variant.txt", raw.as_bytes(), &report);
    report
}

fn kept(article: &Article, kind: BlockKind) -> Vec<&str> {
    article.blocks.iter().filter(|b| b.kind == kind).map(|b| b.text.as_str()).collect()
}

fn removed(article: &Article, reason: NoiseKind) -> Vec<&str> {
    article.removed.iter().filter(|r| r.reason == reason).map(|r| r.text.as_str()).collect()
}

const OTHER_SITE: &str = "\
| Welcome to The Tigris Courier

Tuesday, 3 March 2021

Oil Exports Rise as Basra Terminal Reopens

Iraq’s oil exports rose in February after the Basra terminal reopened, the oil ministry said.

The ministry said shipments averaged 3 million barrels a day.

Related: Iraq signs gas deal with TotalEnergies

Output from the southern fields was steady throughout the month.

READ MORE Kurdistan pipeline talks stall again

Exports to Asia made up most of the total.

Advertisement

Reuters with additional reporting by Courier Staff
";

#[test]
fn a_different_site_banner_page_date_and_link_styles() {
    let report = clean(OTHER_SITE);
    let [a] = report.articles.as_slice() else { panic!("one article: {report:?}") };
    assert_eq!(a.title.text, "Oil Exports Rise as Basra Terminal Reopens");
    let outlet = a.outlet.as_ref().unwrap();
    assert_eq!((outlet.name.as_str(), outlet.evidence.as_str()), ("The Tigris Courier", "site banner"));
    assert_eq!(a.date, None, "the date under the banner is the page's");
    assert_eq!(removed(a, NoiseKind::PageDate), ["Tuesday, 3 March 2021"]);
    assert_eq!(removed(a, NoiseKind::RelatedLink).len(), 2);
    assert_eq!(removed(a, NoiseKind::Advert), ["Advertisement"]);
    assert_eq!(a.byline.as_ref().unwrap().text, "Reuters with additional reporting by Courier Staff");
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 4);
}

/// A made-up outlet with its own house marker, given through the configuration's outlet table.
const LEVANT: &[KnownOutlet] = &[KnownOutlet {
    name: "The Levant Herald",
    markers: &["LH"],
    aliases: &["The Levant Herald", "Levant Herald"],
}];

const THREE_ARTICLES: &str = "\
Beirut Port Reopens After Repairs

Cranes at the port of Beirut, Lebanon. (AFP)
Cranes at the port of Beirut, Lebanon. (AFP)
LH

Beirut Port Reopens After Repairs

Cranes at the port of Beirut, Lebanon. (AFP)

The port of Beirut reopened on Monday after two years of repairs.

Officials said container traffic would resume within weeks.



Syria and Jordan Agree on Border Crossing

Trucks queue at the Nassib crossing. Photo: Omar Sanadiki/Getty Images
LH

Syria and Jordan Agree on Border Crossing

The two governments agreed to widen the Nassib crossing, officials told The Levant Herald.

Trade has doubled since the crossing reopened.



Cyprus Hosts Energy Talks

Ministers at the opening session in Nicosia, Levant Herald
Ministers at the opening session in Nicosia, Levant Herald
LH

Cyprus Hosts Energy Talks

Energy ministers from five countries met in Nicosia on Thursday.
";

#[test]
fn a_three_article_file_with_another_house_marker() {
    let report = clean_file_with(
        "three.txt",
        THREE_ARTICLES.as_bytes(),
        &CleanConfig { outlets: LEVANT, ..CleanConfig::default() },
    );
    check_provenance("three.txt", THREE_ARTICLES.as_bytes(), &report);
    let titles: Vec<&str> = report.articles.iter().map(|a| a.title.text.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Beirut Port Reopens After Repairs",
            "Syria and Jordan Agree on Border Crossing",
            "Cyprus Hosts Energy Talks"
        ]
    );
    for a in &report.articles {
        let outlet = a.outlet.as_ref().unwrap();
        assert_eq!(
            (outlet.name.as_str(), outlet.evidence.as_str()),
            ("The Levant Herald", "“LH” house marker")
        );
        assert_eq!(removed(a, NoiseKind::DuplicateTitle).len(), 1);
        assert_eq!(removed(a, NoiseKind::HouseMarker), ["LH"]);
        assert_eq!(kept(a, BlockKind::Caption).len(), 1);
    }
    let credits: Vec<&str> = report
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter_map(|b| b.credit.as_ref())
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(credits, ["AFP", "Omar Sanadiki/Getty Images", "Levant Herald"]);
    assert_eq!(kept(&report.articles[0], BlockKind::Paragraph).len(), 2);
}

#[test]
fn an_unknown_house_marker_is_still_removed_but_names_no_outlet() {
    let raw = THREE_ARTICLES.replace("LH", "QX").replace("The Levant Herald", "local reporters");
    let report = clean(&raw);
    assert_eq!(report.articles.len(), 3);
    for a in &report.articles {
        assert_eq!(removed(a, NoiseKind::HouseMarker), ["QX"]);
        assert!(a.outlet.is_none(), "{:?}", a.outlet);
    }
}

#[test]
fn the_text_naming_its_outlet_gives_the_outlet() {
    let raw = "Kurdish Parties Near Deal\n\nTwo Kurdish parties are close to a deal, a senior official told Rudaw on Sunday.\n";
    let report = clean(raw);
    let outlet = report.articles[0].outlet.as_ref().unwrap();
    assert_eq!(outlet.name, "Rudaw");
    assert_eq!(&raw[outlet.start..outlet.end], "told Rudaw");
    let quoting = "Kurdish Parties Near Deal\n\nRudaw reported that the parties are close to a deal.\n";
    assert!(clean(quoting).articles[0].outlet.is_none(), "citing an outlet is not being it");
}

const HEADLINES_WITH_OTHER_CONTENT: &str = "\
Iraq Qualifies for the World Cup

Iraq beat Jordan 2-1 on Tuesday to qualify for the World Cup for the first time since 1986.

Fans poured into the streets of Baghdad to celebrate.

Trending Now
Messi Reveals The Secret Behind His Longevity |
New Smartphone Launch Breaks Preorder Records |
Ten Recipes You Can Cook In Under Twenty Minutes |
Scientists Discover A New Species Of Deep Sea Fish
";

#[test]
fn a_trailing_list_of_other_headlines_in_another_style() {
    let report = clean(HEADLINES_WITH_OTHER_CONTENT);
    let a = &report.articles[0];
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(removed(a, NoiseKind::UnrelatedHeadlines).len(), 5, "{:?}", a.removed);
    // The same list without separators, one story per line and no blank lines (the 004 style).
    let tight = "Iraq Qualifies for the World Cup\nIraq beat Jordan 2-1 on Tuesday to qualify.\nFans poured into the streets.\nMessi Reveals The Secret Behind His Longevity\nNew Smartphone Launch Breaks Preorder Records\nScientists Discover A New Species Of Deep Sea Fish\n";
    let a = &clean(tight).articles[0];
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(removed(a, NoiseKind::UnrelatedHeadlines).len(), 3);
}

const OTHER_BIO: &str = "\
Lebanon Names New Central Bank Governor

BEIRUT (Reuters) - Lebanon’s cabinet named a new central bank governor on Thursday.

The appointment ends months of deadlock.

Sponsored Content

Sarah Malik

Sarah Malik is a Beirut-based correspondent who has covered the Levant for a decade.

Leave a comment

Your email address will not be published. Required fields are marked *

Post Comment
";

#[test]
fn a_bio_of_another_author_a_comment_form_and_a_shouted_dateline() {
    let report = clean(OTHER_BIO);
    let a = &report.articles[0];
    assert_eq!(a.byline.as_ref().unwrap().text, "Sarah Malik");
    assert_eq!(a.dateline.as_ref().unwrap().text, "BEIRUT (Reuters) -");
    assert_eq!(removed(a, NoiseKind::AuthorBio).len(), 2);
    assert_eq!(removed(a, NoiseKind::CommentPrompt).len(), 3);
    assert_eq!(removed(a, NoiseKind::Advert), ["Sponsored Content"]);
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn a_date_line_under_the_headline_is_the_articles_date() {
    let raw = "Iraq Sets Election Date\n\nBy Jane Roe\n\nPublished: July 2nd, 2021\n\nIraq will vote in October, the government said.\n";
    let a = &clean(raw).articles[0];
    assert_eq!(a.date.as_deref(), Some("2021-07-02"));
    assert_eq!(a.byline.as_ref().unwrap().text, "By Jane Roe");
    assert_eq!(removed(a, NoiseKind::ArticleDate), ["Published: July 2nd, 2021"]);
}

#[test]
fn prose_that_merely_resembles_noise_is_kept() {
    let raw = "\
Markets Steady in Baghdad

Read more about the budget in the ministry's report, the spokesman said.

Related talks with Kuwait will follow, officials said.

The advertising market in Iraq grew by a third last year, according to industry figures.

Comments by the minister angered the factions, who called for his resignation.
";
    let a = &clean(raw).articles[0];
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 4, "{:?}", a.removed);
    assert!(a.removed.is_empty());
}

#[test]
fn the_built_in_table_knows_the_seed_outlets() {
    let names: Vec<&str> = KNOWN_OUTLETS.iter().map(|o| o.name).collect();
    assert!(names.contains(&"Asharq Al-Awsat") && names.contains(&"Global Village Space"));
}

#[test]
fn a_comments_heading_mid_article_does_not_swallow_the_text() {
    let raw = "\
Parliament Debates Budget

Lawmakers debated the budget on Monday.

Comments

The speaker said the vote would come next week.

Leave a Reply

Your email address will not be published.
";
    let a = &clean(raw).articles[0];
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 2, "{:?}", a.removed);
    assert_eq!(removed(a, NoiseKind::CommentPrompt).len(), 3);
}

#[test]
fn dates_and_the_headline_repeated_after_the_text_are_removed() {
    let raw = "\
Parliament Debates Budget

Lawmakers debated the budget on Monday.

The speaker said the vote would come next week.

Parliament Debates Budget

Updated: 4 May 2022 10:30 GMT
";
    let a = &clean(raw).articles[0];
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 2, "{:?}", a.removed);
    assert_eq!(removed(a, NoiseKind::DuplicateTitle).len(), 1);
    assert_eq!(a.date.as_deref(), Some("2022-05-04"));
}

#[test]
fn a_wire_story_with_byline_dateline_and_reporting_credits() {
    let raw = "Iraq's parliament elects new speaker\n\nBy Ahmed Rasheed\n\nBAGHDAD, Jan 9 (Reuters) - Iraq's parliament elected a speaker on Sunday.\n\nThe vote came after months of talks.\n\nReporting by Ahmed Rasheed; Editing by Jane Merriman\n";
    let a = &clean(raw).articles[0];
    assert_eq!(a.byline.as_ref().unwrap().text, "By Ahmed Rasheed");
    assert_eq!(a.dateline.as_ref().unwrap().text, "BAGHDAD, Jan 9 (Reuters) -");
    assert_eq!(removed(a, NoiseKind::CreditLine).len(), 2);
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn a_breadcrumb_banner_a_dated_headline_and_a_footer() {
    let raw = "Home | World | Middle East\n\nIraq and Turkey sign water deal\n\n12 March 2023\n\nANKARA — Turkey and Iraq signed a water-sharing deal on Sunday.\n\nThe deal covers the Tigris and Euphrates.\n\n© 2023 Some Site. All rights reserved.\n";
    let a = &clean(raw).articles[0];
    assert_eq!(a.title.text, "Iraq and Turkey sign water deal");
    assert_eq!(a.date.as_deref(), Some("2023-03-12"), "a date right under the headline is the article's");
    assert_eq!(a.dateline.as_ref().unwrap().text, "ANKARA —");
    assert_eq!(removed(a, NoiseKind::SiteBanner), ["Home | World | Middle East"]);
    assert_eq!(removed(a, NoiseKind::LegalFooter), ["© 2023 Some Site. All rights reserved."]);
    let outlet = a.outlet.as_ref().unwrap();
    assert_eq!((outlet.name.as_str(), outlet.evidence.as_str()), ("Some Site", "copyright line"));
}

#[test]
fn a_repeated_paragraph_outside_a_scraped_headline_block_is_not_a_caption() {
    let a = &clean("Title A\n\nPara one is here.\n\nPara one is here.\n\nEnd para.\n").articles[0];
    assert!(kept(a, BlockKind::Caption).is_empty());
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 3);
}

#[test]
fn the_sites_words_to_its_reader_after_a_report_go_but_a_blogs_closing_words_stay() {
    let report = "Harbour Fares Rise\n\n\
        The harbour board agreed on Monday to raise ferry fares by a third from September.\n\n\
        Board members said the cost of fuel and of repairs had left them no choice at all.\n\n\
        Commuters who cross every day will pay almost twelve dollars more a week, officials said.\n\n\
        Add the Harbour Times to your feed to see more of our stories about the islands.\n";
    let a = &clean(report).articles[0];
    assert_eq!(
        removed(a, NoiseKind::SubscribePrompt),
        ["Add the Harbour Times to your feed to see more of our stories about the islands."]
    );
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 3);
    // A post that talks to its reader throughout ends the same way, in the author's own voice.
    let post = "Five Things We Learned Building a Ferry Timetable App\n\n\
        We started the app last spring because our own ferry was late every other morning.\n\n\
        If you have ever waited on a cold pier, you know why we wanted live times on our phones.\n\n\
        The first thing we learned is that the operators publish their timetables as scanned paper.\n\n\
        So we wrote a small reader for them, and you can find it in our public code repository.\n\n\
        Let us know what you think, and tell us which harbour we should add to the app next.\n";
    let a = &clean(post).articles[0];
    assert!(removed(a, NoiseKind::SubscribePrompt).is_empty(), "{:?}", a.removed);
    assert_eq!(kept(a, BlockKind::Paragraph).len(), 5);
}
