//! File labels and text that are safe to print: a file name can hold anything but `/` and NUL
//! (terminal escape sequences, bidi overrides, bytes that are not UTF-8), and none of it may reach
//! a terminal raw or make two different files look the same.
//!
//! ```text
//! "report\x1b[2J.txt"   ->  report\u{1B}[2J.txt
//! b"caf\xe9.txt"        ->  caf\xE9.txt          (not UTF-8: the byte, in hex)
//! "evil\u{202E}txt.exe" ->  evil\u{202E}txt.exe
//! "back\\slash"         ->  back\\slash          (so labels stay distinct from escapes)
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// The label of a file: its path relative to the articles folder, parts joined by `/`, escaped
/// so that it prints inert and two different paths always get two different labels (`\` is written
/// `\\`, control and invisible formatting characters `\u{..}`, bytes that are not UTF-8 `\xNN`).
pub fn label(relative: &Path) -> String {
    let mut out = String::new();
    for (i, part) in relative.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for chunk in part.as_encoded_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                if c == '\\' {
                    out.push_str("\\\\");
                } else {
                    push_char(c, &mut out);
                }
            }
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02X}");
            }
        }
    }
    out
}

/// `text` with control and invisible formatting characters escaped as `\u{..}`, for a terminal
/// (diagnostics quote article text, which may hold anything).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_char(c, &mut out);
    }
    Cow::Owned(out)
}

fn push_char(c: char, out: &mut String) {
    if unsafe_char(c) {
        let _ = write!(out, "\\u{{{:X}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// Control characters (C0, DEL, C1: escape sequences, carriage returns, bells) and the invisible
/// ones that reorder or hide text (bidi marks, embeddings, overrides and isolates, zero-width
/// characters, line and paragraph separators, the byte-order mark).
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    use std::path::PathBuf;

    use super::*;

    fn label_of(bytes: &[u8]) -> String {
        label(Path::new(OsStr::from_bytes(bytes)))
    }

    #[test]
    fn a_name_with_a_terminal_escape_sequence_prints_escaped() {
        assert_eq!(label_of(b"clear\x1b[2J\x1b[H.txt"), "clear\\u{1B}[2J\\u{1B}[H.txt");
        assert_eq!(label_of(b"bell\x07\r\n.txt"), "bell\\u{7}\\u{D}\\u{A}.txt");
        assert_eq!(label_of("csi\u{9B}31m.txt".as_bytes()), "csi\\u{9B}31m.txt");
        assert_eq!(label_of("evil\u{202E}txt.exe".as_bytes()), "evil\\u{202E}txt.exe");
        assert!(!label_of(b"a\x1b]0;title\x07").contains('\x1b'));
    }

    #[test]
    fn two_names_that_differ_in_one_invalid_byte_get_two_labels() {
        let a = label_of(b"caf\xe9.txt");
        let b = label_of(b"caf\xe8.txt");
        assert_eq!(a, "caf\\xE9.txt");
        assert_ne!(a, b);
        // Neither is confused with a name spelling the escape out, or with valid UTF-8.
        assert_ne!(label_of(b"caf\\xE9.txt"), a);
        assert_eq!(label_of("café.txt".as_bytes()), "café.txt");
    }

    #[test]
    fn ordinary_names_are_unchanged_and_parts_are_joined_with_slashes() {
        let path: PathBuf = ["2021", "Kadhimi visit (AP) — صحيفة.txt"].iter().collect();
        assert_eq!(label(&path), "2021/Kadhimi visit (AP) — صحيفة.txt");
    }

    #[test]
    fn diagnostics_quoting_article_text_print_inert() {
        assert_eq!(terminal_safe("title \u{1b}[31mred"), "title \\u{1B}[31mred");
        assert!(matches!(terminal_safe("plain – text"), Cow::Borrowed(_)));
    }
}
