//! `text::fold` without the `unicode-normalization` crate in the wasm: this test generates the
//! compact table `engine/src/text/fold_table.rs` from that crate (kept as a dev-dependency, the
//! oracle) and proves that the folding built on the table gives today's output for every char.
//!
//! Refresh the table after a `unicode-normalization` upgrade with
//! `UPDATE_EXPECT=1 cargo test -p parallax-engine --test fold_table`, and review the diff.

use parallax_engine::text::fold;
use proptest::prelude::*;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// The folding as it was written over `unicode-normalization` (NFD, marks dropped, quotes and
/// dashes unified, lower case): the oracle the table-driven `fold` must equal.
fn oracle(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) })
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = if parallax_engine::text::is_apostrophe(c) {
            '\''
        } else if parallax_engine::text::is_quote(c) {
            '"'
        } else if matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―') {
            '-'
        } else {
            c
        };
        out.extend(c.to_lowercase());
    }
    out
}

const HANGUL_SYLLABLES: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;
/// Values of the astral table from here on stand for `MULTI[value - ASTRAL_MULTI]`.
const ASTRAL_MULTI: u32 = 0x11_0000;
/// Values of the BMP table from here on (surrogates, never chars) stand for `MULTI[value - BMP_MULTI]`.
const BMP_MULTI: u32 = 0xD800;

/// The generated module's text.
fn generate() -> String {
    let mut bmp: Vec<(u32, u32)> = Vec::new();
    let mut astral: Vec<(u32, u32)> = Vec::new();
    let mut multi: Vec<Vec<char>> = Vec::new();
    let mut marks: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
        let cp = c as u32;
        if is_combining_mark(c) {
            match marks.last_mut() {
                Some((start, len)) if *start + *len == cp => *len += 1,
                _ => marks.push((cp, 1)),
            }
        }
        // Hangul syllables decompose by arithmetic (text.rs does it), not through the table.
        if HANGUL_SYLLABLES.contains(&cp) {
            continue;
        }
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d));
        if parts == [c] {
            continue;
        }
        let kept: Vec<char> = parts.into_iter().filter(|d| !is_combining_mark(*d)).collect();
        // What a u16 (BMP keys) or u32 (astral keys) value cannot say goes to MULTI.
        let wide = if cp < 0x1_0000 { 0x1_0000 } else { ASTRAL_MULTI };
        let value = match kept.as_slice() {
            [] => 0,
            [one] if (*one as u32) < wide => *one as u32,
            _ => {
                multi.push(kept.clone());
                let index = multi.len() as u32 - 1;
                if cp < 0x1_0000 {
                    BMP_MULTI + index
                } else {
                    ASTRAL_MULTI + index
                }
            }
        };
        if cp < 0x1_0000 {
            bmp.push((cp, value));
        } else {
            astral.push((cp, value));
        }
    }
    assert!(multi.len() <= 0x800, "too many multi-char decompositions for the surrogate range");
    let first = bmp[0].0.min(marks[0].0);
    assert!(first >= 0xC0, "text.rs assumes nothing below U+00C0 decomposes or is a mark");
    for (start, len) in &marks {
        assert!(*len <= 0x800 && *start < 0x20_0000, "a mark range no longer packs into 21 + 11 bits");
    }

    let mut out = String::new();
    out.push_str(&format!(
        "//! The data of `text::fold`, generated from unicode-normalization (Unicode {}.{}.{}) by\n\
         //! `UPDATE_EXPECT=1 cargo test -p parallax-engine --test fold_table`: do not edit.\n\n",
        unicode_normalization::UNICODE_VERSION.0,
        unicode_normalization::UNICODE_VERSION.1,
        unicode_normalization::UNICODE_VERSION.2,
    ));
    out.push_str(
        "/// Chars of the BMP with a canonical decomposition (Hangul syllables aside), sorted, and the one\n\
         /// char of it that is not a combining mark (0: none; from `BMP_MULTI` on: an entry of `MULTI`).\n",
    );
    push_pairs(&mut out, "BMP", "u16", &bmp);
    out.push_str("\n/// The same above the BMP, as u32 (from `ASTRAL_MULTI` on: an entry of `MULTI`).\n");
    push_pairs(&mut out, "ASTRAL", "u32", &astral);
    out.push_str(&format!(
        "\n/// The first value of `BMP` that stands for an entry of `MULTI` (surrogates are never chars).\n\
         pub(super) const BMP_MULTI: u32 = 0x{BMP_MULTI:X};\n\
         /// The first value of `ASTRAL` that stands for an entry of `MULTI`.\n\
         pub(super) const ASTRAL_MULTI: u32 = 0x{ASTRAL_MULTI:X};\n"
    ));
    out.push_str(
        "\n/// Decompositions that keep more than one char, or one char a table's value cannot hold.\n\
         #[rustfmt::skip]\npub(super) const MULTI: &[&[char]] = &[\n",
    );
    for chars in &multi {
        let list: Vec<String> = chars.iter().map(|c| format!("'\\u{{{:X}}}'", *c as u32)).collect();
        out.push_str(&format!("    &[{}],\n", list.join(", ")));
    }
    out.push_str("];\n");
    out.push_str(
        "\n/// Runs of combining marks (General_Category=Mark), sorted: `first << 11 | (length - 1)`.\n\
         #[rustfmt::skip]\npub(super) const MARKS: &[u32] = &[\n",
    );
    for row in marks.chunks(8) {
        let cells: Vec<String> = row.iter().map(|(s, l)| format!("0x{:08X}", (s << 11) | (l - 1))).collect();
        out.push_str(&format!("    {},\n", cells.join(", ")));
    }
    out.push_str("];\n");
    out
}

fn push_pairs(out: &mut String, name: &str, ty: &str, pairs: &[(u32, u32)]) {
    out.push_str(&format!("#[rustfmt::skip]\npub(super) const {name}: &[({ty}, {ty})] = &[\n"));
    for row in pairs.chunks(6) {
        let cells: Vec<String> = row.iter().map(|(k, v)| format!("(0x{k:04X}, 0x{v:04X})")).collect();
        out.push_str(&format!("    {},\n", cells.join(", ")));
    }
    out.push_str("];\n");
}

#[test]
fn the_fold_table_is_generated_from_unicode_normalization() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/fold_table.rs");
    let want = generate();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "{path} is stale; rerun with UPDATE_EXPECT=1 and review the diff");
}

#[test]
fn every_char_folds_as_it_did_with_unicode_normalization() {
    let mut differ = Vec::new();
    for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
        let s = c.to_string();
        if fold(&s) != oracle(&s) {
            differ.push(format!("U+{:04X}", c as u32));
        }
    }
    assert!(
        differ.is_empty(),
        "{} chars fold differently, e.g. {:?}",
        differ.len(),
        &differ[..differ.len().min(10)]
    );
}

#[test]
fn words_with_accents_quotes_and_stacked_marks_fold_as_before() {
    for s in [
        "Fiancé “Qaani” — ÉTAT",
        "Kāẓimī’s Ḥusayn, Şırnak, Łódź; Ångström Ω",
        "e\u{301}\u{323}\u{302} a\u{323}\u{301} ᾅ Å",
        "한국어 서울 — 뉴스",
        "\u{1FEF}quoted\u{1FEF} \u{16D6A}\u{16D68} \u{1134B} \u{0F75}",
        "İstanbul ΣΊΣΥΦΟΣ",
    ] {
        assert_eq!(fold(s), oracle(s), "{s}");
    }
}

/// Chars that exercise every path: ASCII, Latin with accents, loose combining marks of several
/// combining classes, Hangul, quotes and dashes, CJK compatibility, astral decompositions.
fn a_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('a', 'z'),
        prop::char::range('A', 'Z'),
        Just(' '),
        prop::char::range('\u{C0}', '\u{24F}'),
        prop::char::range('\u{300}', '\u{36F}'),
        prop::char::range('\u{591}', '\u{5C7}'),
        prop::char::range('\u{1DC0}', '\u{1DFF}'),
        prop::char::range('\u{1E00}', '\u{1FFF}'),
        prop::char::range('\u{2010}', '\u{203A}'),
        prop::char::range('\u{AC00}', '\u{D7A3}'),
        prop::char::range('\u{F900}', '\u{FAFF}'),
        prop::char::range('\u{11100}', '\u{11140}'),
        prop::char::range('\u{16D60}', '\u{16D70}'),
        any::<char>(),
    ]
}

proptest! {
    #[test]
    fn any_text_folds_as_before(chars in prop::collection::vec(a_char(), 0..24)) {
        let s: String = chars.into_iter().collect();
        prop_assert_eq!(fold(&s), oracle(&s));
    }
}
