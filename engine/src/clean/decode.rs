//! Decoding a raw file's bytes into the UTF-8 text the cleaner works on.
//!
//! Offsets: for a valid UTF-8 file (the normal case, BOM and CRLF included) the decoded text IS the
//! raw bytes, so every offset the engine produces is a raw-file byte offset. For a file that had to
//! be repaired (Windows-1252/Latin-1, UTF-16, UTF-8 with invalid sequences replaced by U+FFFD, or
//! UTF-8 that was once read as Windows-1252 and saved again, "CafÃ©" for "Café"), offsets index the
//! decoded UTF-8 text returned here, not the bytes on disk; a warning says so.

use std::borrow::Cow;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8 (possibly with a byte-order mark): offsets are raw byte offsets.
    Utf8,
    /// UTF-8 with some invalid sequences, each replaced by U+FFFD.
    Utf8Lossy {
        /// How many invalid sequences were replaced.
        replaced: usize,
    },
    /// No valid multi-byte UTF-8 at all: read as Windows-1252 (a superset of Latin-1).
    Windows1252,
    /// UTF-16 with a byte-order mark (little or big endian).
    Utf16,
    /// Valid UTF-8 whose every non-ASCII letter is a UTF-8 sequence read as Windows-1252 ("Ã©" for
    /// "é", "â€™" for "’"): a page decoded with the wrong charset and saved again. Repaired.
    Utf8ReadAsWindows1252,
}

/// A file's text, ready to clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text; borrowed from the input when the bytes were valid UTF-8.
    pub text: Cow<'a, str>,
    /// How the bytes were read.
    pub encoding: Encoding,
}

/// Why a file's bytes were not read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Zero bytes.
    Empty,
    /// NUL bytes or many control bytes: an image, archive or other binary file.
    Binary {
        /// Why the bytes look binary, for the message.
        why: String,
    },
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::Empty => write!(f, "the file is empty; there is nothing to clean"),
            Rejection::Binary { why } => write!(
                f,
                "the file looks binary ({why}), not like a text article; skipped it (save articles as plain text)"
            ),
        }
    }
}

/// Decodes a raw file: UTF-8 as is, UTF-16 with a BOM, Windows-1252 when no byte sequence is valid
/// multi-byte UTF-8, lossy UTF-8 otherwise. Rejects empty and binary files.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    if let Some(text) = decode_utf16(bytes) {
        return Ok(Decoded { text: Cow::Owned(text), encoding: Encoding::Utf16 });
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Rejection::Binary { why: format!("it contains NUL bytes, the first at byte {at}") });
    }
    let controls = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if controls * 20 > bytes.len() {
        return Err(Rejection::Binary {
            why: format!("{controls} of its {} bytes are control bytes", bytes.len()),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(repaired) = undo_windows_1252_reading(text) {
            return Ok(Decoded { text: Cow::Owned(repaired), encoding: Encoding::Utf8ReadAsWindows1252 });
        }
        return Ok(Decoded { text: Cow::Borrowed(text), encoding: Encoding::Utf8 });
    }
    let mut valid_multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if valid_multibyte == 0 {
        let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
        return Ok(Decoded { text: Cow::Owned(text), encoding: Encoding::Windows1252 });
    }
    Ok(Decoded {
        text: Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
        encoding: Encoding::Utf8Lossy { replaced: invalid },
    })
}

/// The text as it was before a reader took its UTF-8 bytes for Windows-1252, when the text shows
/// that pattern throughout: each run of chars whose Windows-1252 bytes form one UTF-8 sequence
/// ("Ã©") is the char it encodes, and such runs are at least twice as many as the non-ASCII
/// chars that are not part of one (a page's own "&shy;" or "&#10084;" came through the wrong
/// reading intact, and stay). Genuine Latin-1 or UTF-8 text has almost no such runs: "é" then a
/// space is no UTF-8 sequence, and neither is any letter Windows-1252 lacks.
fn undo_windows_1252_reading(text: &str) -> Option<String> {
    let (mut sequences, mut others) = (0usize, 0usize);
    let mut at = 0;
    while let Some(skip) = text[at..].find(|c: char| !c.is_ascii()) {
        at += skip;
        match garbled_at(&text[at..]) {
            Some((_, len)) => {
                sequences += 1;
                at += len;
            }
            None => {
                others += 1;
                at += text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if sequences == 0 || others * 2 > sequences {
        return None;
    }
    let mut repaired = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(skip) = text[at..].find(|c: char| !c.is_ascii()) {
        repaired.push_str(&text[at..at + skip]);
        at += skip;
        let (c, len) = garbled_at(&text[at..]).unwrap_or_else(|| {
            let c = text[at..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        });
        repaired.push(c);
        at += len;
    }
    repaired.push_str(&text[at..]);
    Some(repaired)
}

/// When `rest` opens with a UTF-8 sequence read as Windows-1252 ("Ã©"), the char it encodes and
/// how many bytes of `rest` it takes. "à" read so is "Ã" and a no-break space, which a copy often
/// turns into a plain space: a space after that "Ã" is read back as the no-break space.
fn garbled_at(rest: &str) -> Option<(char, usize)> {
    let mut chars = rest.char_indices();
    let lead = windows_1252_byte(chars.next()?.1)?;
    let n = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    for (k, slot) in bytes.iter_mut().enumerate().take(n).skip(1) {
        let c = chars.next()?.1;
        *slot = if lead == 0xC3 && k == 1 && c == ' ' { 0xA0 } else { windows_1252_byte(c)? };
    }
    let c = std::str::from_utf8(&bytes[..n]).ok()?.chars().next()?;
    Some((c, chars.next().map_or(rest.len(), |(end, _)| end)))
}

/// The Windows-1252 byte that reads as `c` (the inverse of [`windows_1252`]), if there is one.
fn windows_1252_byte(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(b) => Some(b),
        Err(_) => (0x80..=0x9F).find(|&b| windows_1252(b) == c),
    }
}

/// The text of a valid UTF-8 file once read as Windows-1252 and saved again, repaired (see
/// [`decode`]); `None` for any other file. The repeated-lines pre-pass counts such a file's lines as
/// the cleaner will read them.
pub(crate) fn repaired_utf8(bytes: &[u8]) -> Option<String> {
    undo_windows_1252_reading(std::str::from_utf8(bytes).ok()?)
}

/// UTF-16 text announced by its byte-order mark; unpaired surrogates become U+FFFD.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect())
}

/// One Windows-1252 byte as a char (Latin-1 outside 0x80..=0x9F; undefined bytes map to C1 controls).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_is_borrowed_so_offsets_are_raw_offsets() {
        let d = decode("Iraq’s PM\r\n".as_bytes()).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    #[test]
    fn latin1_text_reads_as_windows_1252() {
        let d = decode(b"Caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Café “quoted”");
        assert_eq!(d.encoding, Encoding::Windows1252);
    }

    #[test]
    fn mostly_utf8_text_is_repaired_lossily() {
        let mut bytes = "Iraq’s é ".as_bytes().to_vec();
        bytes.push(0xff);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Lossy { replaced: 1 });
        assert!(d.text.ends_with('\u{fffd}'));
    }

    #[test]
    fn utf8_once_read_as_windows_1252_is_repaired() {
        let garbled: String = "Café “quoted” – Zürich’s Ünal, Łódź ✓".bytes().map(windows_1252).collect();
        assert!(garbled.contains("CafÃ©"));
        let d = decode(garbled.as_bytes()).unwrap();
        assert_eq!(d.text, "Café “quoted” – Zürich’s Ünal, Łódź ✓");
        assert_eq!(d.encoding, Encoding::Utf8ReadAsWindows1252);
        // "à" garbled is "Ã" and a no-break space, which copying often makes a plain space.
        assert_eq!(decode("Ã  lâ€™Ã©tÃ©, Ã  la plage".as_bytes()).unwrap().text, "à l’été, à la plage");
        // What the page wrote as character references came through right, and stays.
        let mixed = "fÃ¼r be\u{ad}lieb\u{ad}te GrÃ¼ÃŸe aus MÃ¼nchen, KÃ¶ln und DÃ¼sseldorf ❤";
        let d = decode(mixed.as_bytes()).unwrap();
        assert_eq!(d.text, "für be\u{ad}lieb\u{ad}te Grüße aus München, Köln und Düsseldorf ❤");
    }

    #[test]
    fn genuine_accented_text_is_never_taken_for_garbled_utf8() {
        // Latin-1 letters saved as UTF-8: "é" followed by a space is no UTF-8 sequence.
        let texts =
            ["Café “quoted” Zürich’s", "IRMÃ E NOTÍCIAS", "Ãœber café, naïve, Zürich", "CafÃ© in Москва"];
        for text in texts {
            let d = decode(text.as_bytes()).unwrap();
            assert_eq!((d.text.as_ref(), d.encoding), (text, Encoding::Utf8), "{text}");
        }
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Hi\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).unwrap().text, "Hi\n");
    }

    #[test]
    fn empty_and_binary_files_are_rejected() {
        assert_eq!(decode(b""), Err(Rejection::Empty));
        assert!(matches!(decode(b"PK\x03\x04\x00\x00"), Err(Rejection::Binary { .. })));
        assert!(matches!(decode(b"\x01\x02\x03\x04abc"), Err(Rejection::Binary { .. })));
    }
}
