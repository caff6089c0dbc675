//! JSON Lines / JSON exports and web archives, as a user bringing them sees them: one article per
//! record with its fields, a diagnostic naming each bad record, and the rest still built.
#![cfg(feature = "ingest")]

use parallax_engine::ingest;
use parallax_engine::model::SourceFormat;
use parallax_engine::{build_bundle, BlockKind, Severity, SourceInput};

const NEWS_PLEASE: &str = r#"{"title": "Dam talks resume", "maintext": "Negotiators met again on Monday after a pause of three weeks.\nBoth sides agreed to exchange data on water flows.", "date_publish": "2021-07-27 09:30:00", "source_domain": "riversideherald.example", "url": "https://riversideherald.example/dam", "authors": ["Mina Haddad", "Sam Ortiz"]}
{"title": "No text here", "date_publish": "2021-07-28"}
{"title": "Text is a number", "text": 42}
this line is not JSON
{"headline": "Media Cloud style", "text": "Farmers downstream said they would wait and see.", "publish_date": 1627344000, "media_name": "Delta Times"}
"#;

#[test]
fn news_please_records_become_articles_with_their_fields() {
    let got = ingest::ingest("export.jsonl", NEWS_PLEASE.as_bytes(), &Default::default());
    assert_eq!(got.format, SourceFormat::Json);
    assert_eq!(got.articles.len(), 2);
    let (a, source) = &got.articles[0];
    assert_eq!(a.title.text, "Dam talks resume");
    assert_eq!(a.outlet.as_ref().map(|o| o.name.as_str()), Some("riversideherald.example"));
    assert_eq!(a.byline.as_ref().map(|b| b.text.as_str()), Some("Mina Haddad, Sam Ortiz"));
    assert_eq!(a.date.as_deref(), Some("2021-07-27"));
    assert_eq!(a.body().count(), 2);
    let source = source.as_ref().expect("JSON articles have provenance");
    assert_eq!(source.url.as_deref(), Some("https://riversideherald.example/dam"));
    assert_eq!(source.record.as_deref(), Some("record on line 1"));
    assert_eq!(source.how("outlet"), Some("the record's “source_domain” field"));
    let (raw_start, raw_end) = source.raw_range(a.blocks[1].start, a.blocks[1].end).unwrap();
    assert!(NEWS_PLEASE[raw_start..raw_end].contains("Negotiators met again"));
    let (b, _) = &got.articles[1];
    assert_eq!(b.outlet.as_ref().map(|o| o.name.as_str()), Some("Delta Times"));
    assert_eq!(b.date.as_deref(), Some("2021-07-27"));
}

#[test]
fn records_without_text_or_with_mistyped_fields_are_named_in_diagnostics() {
    let got = ingest::ingest("export.jsonl", NEWS_PLEASE.as_bytes(), &Default::default());
    let messages: Vec<&str> = got.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.starts_with("record on line 2: has no article text")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("line 3") && m.contains("is a number, not text")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.starts_with("line 4 is not valid JSON")), "{messages:?}");
}

#[test]
fn a_json_array_or_wrapped_list_of_records_is_read_too() {
    let array = r#"[{"title": "One", "body": "First body text."}, {"title": "Two", "content": ["Para one.", "Para two."]}]"#;
    let got = ingest::ingest("a.json", array.as_bytes(), &Default::default());
    assert_eq!(got.articles.len(), 2);
    assert_eq!(got.articles[1].0.body().count(), 2);
    let wrapped = r#"{"articles": [{"title": "Wrapped", "text": "Body.", "source": {"name": "The Paper"}}]}"#;
    let got = ingest::ingest("b.json", wrapped.as_bytes(), &Default::default());
    assert_eq!(got.articles[0].0.outlet.as_ref().map(|o| o.name.as_str()), Some("The Paper"));
    let untitled = r#"{"text": "A record with no title. It still has text."}"#;
    let got = ingest::ingest("c.json", untitled.as_bytes(), &Default::default());
    assert_eq!(got.articles[0].0.title.text, "A record with no title.");
    let bad = ingest::ingest("d.json", b"[1, 2]", &Default::default());
    assert!(bad.articles.is_empty());
    assert_eq!(bad.diagnostics.len(), 2);
}

fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        uri.len(),
        block.len()
    )
}

fn http(content_type: &str, body: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
}

const PAGE: &str = "<html><head><title>Dam talks resume</title></head><body><article><h1>Dam talks resume</h1><p>Negotiators from the three riverside states met again on Monday, officials said, after a pause of three weeks.</p><p>They agreed to exchange data on water flows, and to meet again within ten days.</p></article></body></html>";

#[test]
fn every_html_response_in_a_web_archive_is_a_page_traced_to_its_record() {
    let mut warc = String::new();
    warc.push_str("WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:info>\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n");
    warc.push_str(&warc_record(
        "response",
        "https://riversideherald.example/dam",
        &http("text/html; charset=utf-8", PAGE),
    ));
    warc.push_str(&warc_record(
        "response",
        "https://riversideherald.example/logo.png",
        &http("image/png", "PNG..."),
    ));
    let second = PAGE.replace("Dam talks resume", "Second page");
    warc.push_str(&warc_record("response", "https://delta.example/second", &http("text/html", &second)));
    let got = ingest::ingest("crawl.warc", warc.as_bytes(), &Default::default());
    assert_eq!(got.format, SourceFormat::Warc);
    assert_eq!(got.articles.len(), 2, "{:?}", got.diagnostics);
    let (article, source) = &got.articles[0];
    let source = source.as_ref().unwrap();
    assert_eq!(source.format, SourceFormat::Warc);
    assert_eq!(source.url.as_deref(), Some("https://riversideherald.example/dam"));
    assert!(source.record.as_deref().unwrap_or("").contains("urn:uuid:"));
    assert_eq!(article.outlet.as_ref().map(|o| o.name.as_str()), Some("riversideherald.example"));
    let para = article.body().next().unwrap();
    let (a, b) = source.raw_range(para.start, para.end).unwrap();
    let in_archive = &warc[source.payload_start + a..source.payload_start + b];
    assert!(in_archive.starts_with("Negotiators from the three"), "{in_archive}");
    assert_eq!(got.articles[1].0.title.text, "Second page");
}

#[test]
fn a_web_archive_cut_mid_record_keeps_the_pages_before_the_cut() {
    let mut warc = warc_record("response", "https://a.example/one", &http("text/html", PAGE));
    let whole = warc_record("response", "https://a.example/two", &http("text/html", PAGE));
    warc.push_str(&whole[..whole.len() / 2]);
    let sources = [
        SourceInput { name: "cut.warc", bytes: warc.as_bytes() },
        SourceInput { name: "garbage.warc", bytes: b"not an archive at all" },
        SourceInput { name: "records.jsonl", bytes: NEWS_PLEASE.as_bytes() },
    ];
    let built = build_bundle(&sources, "");
    let per_file = |f: &str| built.bundle.articles.iter().filter(|a| a.file == f).count();
    assert_eq!((per_file("cut.warc"), per_file("garbage.warc"), per_file("records.jsonl")), (1, 0, 2));
    let cut: Vec<&str> =
        built.diagnostics.iter().filter(|d| d.file == "cut.warc").map(|d| d.message.as_str()).collect();
    assert!(cut.iter().any(|m| m.contains("is cut off")), "{cut:?}");
    assert!(built.diagnostics.iter().any(|d| d.file == "garbage.warc" && d.severity == Severity::Error));
    assert!(built.bundle.articles.iter().all(|a| a.blocks.iter().any(|b| b.kind == BlockKind::Title)));
}
