//! Which character encoding a page's bytes are in: byte-order mark, then a `<meta charset>` or
//! `http-equiv` declaration in the first 4 KiB (or the HTTP header's, for web archives), then valid
//! UTF-8, then a statistical guess (`chardetng`).

use encoding_rs::{Encoding, UTF_8};

/// The encoding chosen for a page and how it was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charset {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// How it was known: "byte-order mark", "meta charset", "HTTP header", "valid UTF-8", "guessed".
    pub how: &'static str,
}

/// Chooses the encoding of `bytes`; `declared` is a charset label from outside the page (an HTTP
/// `Content-Type` header in a web archive).
pub fn sniff(bytes: &[u8], declared: Option<&str>) -> Charset {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Charset { encoding, how: "byte-order mark" };
    }
    // Bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever a page declares:
    // legacy-encoded text is almost never valid UTF-8 by chance, while pages saved by browsers
    // and tools are re-encoded as UTF-8 with their old declaration left in place.
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return Charset { encoding: UTF_8, how: "valid UTF-8" };
    }
    if let Some(encoding) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return Charset { encoding: ascii_compatible(encoding), how: "HTTP header" };
    }
    if let Some(encoding) = meta_charset(&bytes[..bytes.len().min(4096)]) {
        return Charset { encoding: ascii_compatible(encoding), how: "meta charset" };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Charset { encoding: UTF_8, how: "valid UTF-8" };
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes[..bytes.len().min(1 << 20)], true);
    Charset { encoding: detector.guess(None, true), how: "guessed" }
}

/// A page cannot declare itself UTF-16 in ASCII: such a declaration means UTF-8 (HTML spec).
fn ascii_compatible(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        encoding
    }
}

/// The label in the first `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end =
            lower[tag_start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n'))
                    .unwrap_or(rest.len());
                if let Some(encoding) = Encoding::for_label(&rest[..end]) {
                    return Some(encoding);
                }
            }
        }
        from = tag_end.max(tag_start + 1);
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

/// Position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_declarations_win_over_guessing() {
        let page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head>";
        assert_eq!(sniff(page, None).encoding, encoding_rs::SHIFT_JIS);
        assert_eq!(sniff(b"<meta charset='windows-1252'>caf\xe9", None).encoding, encoding_rs::WINDOWS_1252);
        assert_eq!(sniff(b"<p>caf\xc3\xa9</p>", None).how, "valid UTF-8");
        assert_eq!(sniff(b"\xef\xbb\xbf<p>x</p>", None).how, "byte-order mark");
    }
}
