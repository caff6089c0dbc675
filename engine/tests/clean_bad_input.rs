//! Messy and hostile input: every file gets a clear diagnostic or clean articles, nothing panics,
//! and the provenance invariant holds for whatever comes out.

mod clean_support;

use clean_support::{check_provenance, seed_files};
use parallax_engine::clean::{clean_file, FileReport};
use parallax_engine::{BlockKind, Severity};

fn clean(name: &str, bytes: &[u8]) -> FileReport {
    let report = clean_file(name, bytes);
    check_provenance(name, bytes, &report);
    report
}

fn only_diagnostic(report: &FileReport) -> (Severity, &str) {
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    (report.diagnostics[0].severity, report.diagnostics[0].message.as_str())
}

#[test]
fn an_empty_or_blank_file_is_rejected_with_a_reason() {
    for bytes in [&b""[..], b"  \n\r\n\t \n"] {
        let report = clean("empty.txt", bytes);
        assert!(report.articles.is_empty());
        let (severity, message) = only_diagnostic(&report);
        assert_eq!(severity, Severity::Error);
        assert!(message.contains("nothing to clean"), "{message}");
    }
}

#[test]
fn a_binary_file_is_rejected_with_a_clear_message() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
    let report = clean("photo.png", png);
    assert!(report.articles.is_empty());
    let (severity, message) = only_diagnostic(&report);
    assert_eq!(severity, Severity::Error);
    assert!(message.contains("binary") && message.contains("NUL"), "{message}");
}

#[test]
fn latin1_text_still_cleans_with_a_warning_about_offsets() {
    let raw = b"Caf\xe9 Owners Protest in Baghdad\n\nBaghdad: Caf\xe9 owners protested new taxes on Sunday, the \x93Tea Street\x94 union said.\n";
    let report = clean("latin1.txt", raw);
    let a = &report.articles[0];
    assert_eq!(a.title.text, "Café Owners Protest in Baghdad");
    assert!(a.blocks[1].text.contains("“Tea Street”"));
    let (severity, message) = only_diagnostic(&report);
    assert_eq!(severity, Severity::Warning);
    assert!(message.contains("Windows-1252") && message.contains("decoded UTF-8 text"), "{message}");
}

#[test]
fn a_few_invalid_bytes_in_utf8_text_are_replaced_with_a_warning() {
    let mut raw = "Iraq’s Budget Passes\n\nThe budget passed on Monday".as_bytes().to_vec();
    raw.extend_from_slice(b" \xff\xfe after a long debate.\n");
    let report = clean("lossy.txt", &raw);
    assert_eq!(report.articles.len(), 1);
    let (severity, message) = only_diagnostic(&report);
    assert_eq!(severity, Severity::Warning);
    assert!(message.contains("not valid UTF-8"), "{message}");
}

#[test]
fn utf16_files_with_a_byte_order_mark_are_read() {
    let mut raw = vec![0xFF, 0xFE];
    raw.extend("Title Here\r\n\r\nA paragraph of text.\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    let report = clean("utf16.txt", &raw);
    assert_eq!(report.articles[0].title.text, "Title Here");
    assert!(report.diagnostics.iter().any(|d| d.message.contains("UTF-16")));
}

#[test]
fn a_utf8_byte_order_mark_is_removed_as_markup_with_exact_offsets() {
    let raw = "\u{feff}Title Here\n\nA paragraph of text.\n";
    let report = clean("bom.txt", raw.as_bytes());
    let a = &report.articles[0];
    assert_eq!((a.title.text.as_str(), a.title.start), ("Title Here", 3));
    assert_eq!(a.removed[0].text, "\u{feff}");
}

#[test]
fn crlf_and_old_mac_line_endings_keep_exact_raw_offsets() {
    for raw in [
        "Title Here\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n",
        "Title Here\r\rFirst paragraph.\r\rSecond paragraph.\r",
    ] {
        let report = clean("crlf.txt", raw.as_bytes());
        let a = &report.articles[0];
        assert_eq!(a.blocks.len(), 3);
        for b in &a.blocks {
            assert_eq!(&raw[b.start..b.end], b.text);
            assert!(!b.text.contains('\r'));
        }
        let (severity, message) = only_diagnostic(&report);
        assert_eq!(severity, Severity::Info);
        assert!(message.contains("CRLF"), "{message}");
    }
}

#[test]
fn an_html_page_is_rejected_with_its_title_in_the_message() {
    let raw = b"<!DOCTYPE html>\n<html><head><title>Kadhimi meets Trump | News</title></head>\n<body><p>Text</p></body></html>\n";
    let report = clean("page.html", raw);
    assert!(report.articles.is_empty());
    let (severity, message) = only_diagnostic(&report);
    assert_eq!(severity, Severity::Error);
    assert!(
        message.contains("HTML page (“Kadhimi meets Trump | News”)") && message.contains(".txt"),
        "{message}"
    );
}

#[test]
fn a_file_of_only_noise_gives_zero_articles_and_says_so() {
    let raw = "| Welcome to Some Site\n\nMonday, April 15, 2024\n\nSubmit Your Ad Here\n\nRead more: Another story\n\nLeave a Reply\n";
    let report = clean("noise.txt", raw.as_bytes());
    assert!(report.articles.is_empty());
    assert_eq!(report.noise.len(), 5, "every noise line is accounted for: {:?}", report.noise);
    let (severity, message) = only_diagnostic(&report);
    assert_eq!(severity, Severity::Warning);
    assert!(message.starts_with("no article text found"), "{message}");
}

#[test]
fn a_lone_headline_is_not_an_article() {
    let report = clean("title.txt", b"Just A Headline\n");
    assert!(report.articles.is_empty());
    assert!(only_diagnostic(&report).1.starts_with("no article text found"));
}

/// A few megabytes of seed text: still one article per headline block, invariant intact. (The
/// 50 MB case is `fifty_megabytes_clean_in_reasonable_time`, ignored by default; timing is in the
/// `clean` bench.)
fn big_input(target: usize) -> Vec<u8> {
    let seeds = seed_files();
    let mut out = Vec::with_capacity(target + 8192);
    while out.len() < target {
        for (_, bytes) in &seeds {
            out.extend_from_slice(bytes);
            out.extend_from_slice(b"\n\n\n");
        }
    }
    out
}

#[test]
fn a_few_megabytes_clean_with_the_invariant_intact() {
    let raw = big_input(3 << 20);
    let report = clean("big.txt", &raw);
    assert!(report.articles.len() > 100, "{}", report.articles.len());
    assert!(report.articles.iter().all(|a| a.blocks.iter().any(|b| b.kind == BlockKind::Paragraph)));
}

#[test]
#[ignore = "50 MB: run with --ignored --release"]
fn fifty_megabytes_clean_in_reasonable_time() {
    let raw = big_input(50 << 20);
    let report = clean_file("huge.txt", &raw);
    assert!(report.articles.len() > 1000);
}

/// xorshift64*: deterministic pseudo-random numbers without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn random_bytes_never_panic_and_keep_the_invariant() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet: Vec<u8> =
        b"ab Z.:,-|()\n\n\r\t".iter().copied().chain([0xC3, 0xA9, 0xE2, 0x80, 0x99, 0xFF]).collect();
    for round in 0..3000 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len)
            .map(|_| if round % 2 == 0 { rng.next() as u8 } else { alphabet[rng.below(alphabet.len())] })
            .collect();
        check_provenance(&format!("random-{round}"), &bytes, &clean_file("random", &bytes));
    }
}

#[test]
fn random_mixes_of_seed_lines_never_panic_and_keep_the_invariant() {
    let seeds = seed_files();
    let lines: Vec<String> = seeds
        .iter()
        .flat_map(|(_, b)| String::from_utf8_lossy(b).lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut rng = Rng(42);
    for round in 0..600 {
        let mut text = String::new();
        for _ in 0..rng.below(60) {
            text.push_str(&lines[rng.below(lines.len())]);
            let ending = ["\n", "\n", "\n\n", "\n\n\n", "\r\n", "\r"][rng.below(6)];
            text.push_str(ending);
            if rng.below(20) == 0 {
                // Cut a line mid-way, sometimes inside a multi-byte char (the bytes then are not UTF-8).
                let cut = rng.below(text.len());
                text = String::from_utf8_lossy(&text.as_bytes()[..cut]).into_owned();
            }
        }
        let bytes = text.into_bytes();
        check_provenance(&format!("mix-{round}"), &bytes, &clean_file("mix", &bytes));
    }
}

#[test]
fn a_file_without_a_headline_keeps_its_text_and_says_so() {
    let raw = "Iraqi Prime Minister Mustafa al-Kadhimi will travel to Washington in July and meet with US President Joe Biden to discuss the withdrawal of US troops, officials said on Sunday.\n\nThe two leaders last spoke in April.\n";
    let report = clean("nohead.txt", raw.as_bytes());
    assert_eq!(report.articles.len(), 1);
    let (severity, message) = only_diagnostic(&report);
    assert_eq!(severity, Severity::Warning);
    assert!(message.starts_with("no headline-shaped line found"), "{message}");
}
