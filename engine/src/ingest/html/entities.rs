//! Character references (`&amp;`, `&#8217;`, `&#x2014;`): the named ones pages actually use, and
//! every numeric one (with the Windows-1252 remapping of 128–159 that browsers apply).

/// Named references, sorted by name for binary search. Names without the `;` are also accepted for
/// the legacy ones browsers accept that way (`&amp`, `&nbsp`, ...).
const NAMED: &[(&str, &str)] = &[
    ("AElig", "Æ"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Agrave", "À"),
    ("Aring", "Å"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Ccedil", "Ç"),
    ("Dagger", "‡"),
    ("ETH", "Ð"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Egrave", "È"),
    ("Euml", "Ë"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Igrave", "Ì"),
    ("Iuml", "Ï"),
    ("Ntilde", "Ñ"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Ograve", "Ò"),
    ("Oslash", "Ø"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Prime", "″"),
    ("THORN", "Þ"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Ugrave", "Ù"),
    ("Uuml", "Ü"),
    ("Yacute", "Ý"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("acute", "´"),
    ("aelig", "æ"),
    ("agrave", "à"),
    ("amp", "&"),
    ("apos", "'"),
    ("aring", "å"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("bdquo", "„"),
    ("brvbar", "¦"),
    ("bull", "•"),
    ("ccedil", "ç"),
    ("cedil", "¸"),
    ("cent", "¢"),
    ("circ", "ˆ"),
    ("copy", "©"),
    ("curren", "¤"),
    ("dagger", "†"),
    ("darr", "↓"),
    ("deg", "°"),
    ("divide", "÷"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("egrave", "è"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("eth", "ð"),
    ("euml", "ë"),
    ("euro", "€"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("ge", "≥"),
    ("gt", ">"),
    ("hellip", "…"),
    ("hyphen", "‐"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iexcl", "¡"),
    ("igrave", "ì"),
    ("iquest", "¿"),
    ("iuml", "ï"),
    ("laquo", "«"),
    ("larr", "←"),
    ("ldquo", "“"),
    ("le", "≤"),
    ("lrm", "\u{200e}"),
    ("lsaquo", "‹"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("macr", "¯"),
    ("mdash", "—"),
    ("micro", "µ"),
    ("middot", "·"),
    ("minus", "−"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("not", "¬"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("oelig", "œ"),
    ("ograve", "ò"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("oslash", "ø"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("para", "¶"),
    ("permil", "‰"),
    ("plusmn", "±"),
    ("pound", "£"),
    ("prime", "′"),
    ("quot", "\""),
    ("raquo", "»"),
    ("rarr", "→"),
    ("rdquo", "”"),
    ("reg", "®"),
    ("rlm", "\u{200f}"),
    ("rsaquo", "›"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("scaron", "š"),
    ("sect", "§"),
    ("shy", "\u{ad}"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("szlig", "ß"),
    ("thinsp", "\u{2009}"),
    ("thorn", "þ"),
    ("tilde", "˜"),
    ("times", "×"),
    ("trade", "™"),
    ("uacute", "ú"),
    ("uarr", "↑"),
    ("ucirc", "û"),
    ("ugrave", "ù"),
    ("uml", "¨"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("yen", "¥"),
    ("yuml", "ÿ"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
];

/// Browsers read `&#128;`–`&#159;` as the Windows-1252 characters at those bytes.
const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Appends `text` to `out` with its character references decoded.
pub fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((decoded, used)) => {
                match decoded {
                    Decoded::Char(c) => out.push(c),
                    Decoded::Str(s) => out.push_str(s),
                }
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `text` with its character references decoded.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    decode_into(text, &mut out);
    out
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// The reference at the start of `after` (the text following `&`) and how many bytes it used.
fn reference(after: &str) -> Option<(Decoded, usize)> {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, digits_from) = match bytes.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = bytes[digits_from..]
            .iter()
            .take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() })
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_from + digits;
        let value =
            u32::from_str_radix(&after[digits_from..end.min(digits_from + 8)], if hex { 16 } else { 10 })
                .unwrap_or(0xfffd);
        let used = if bytes.get(end) == Some(&b';') { end + 1 } else { end };
        let c = match value {
            0 => '\u{fffd}',
            128..=159 => C1[(value - 128) as usize],
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((Decoded::Char(c), used));
    }
    let name_len = bytes.iter().take(32).take_while(|b| b.is_ascii_alphanumeric()).count();
    if name_len == 0 {
        return None;
    }
    let name = &after[..name_len];
    if let Ok(i) = NAMED.binary_search_by(|(n, _)| n.cmp(&name)) {
        let used = if bytes.get(name_len) == Some(&b';') { name_len + 1 } else { name_len };
        return Some((Decoded::Str(NAMED[i].1), used));
    }
    // A legacy reference without its `;` followed by more letters ("&ampfoo", "&copy2021").
    for legacy in ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"] {
        if name.starts_with(legacy) && bytes.get(name_len) != Some(&b';') {
            let i = NAMED.binary_search_by(|(n, _)| n.cmp(&legacy)).ok()?;
            return Some((Decoded::Str(NAMED[i].1), legacy.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn references_read_as_a_browser_reads_them() {
        assert_eq!(
            decode("Tom &amp; Jerry&#8217;s &#x2014; &nbsp;&#150; &bogus; a&b"),
            "Tom & Jerry’s — \u{a0}– &bogus; a&b"
        );
        assert_eq!(decode("&#99999999999;&#0;&copy2021"), "\u{fffd}\u{fffd}©2021");
    }
}
