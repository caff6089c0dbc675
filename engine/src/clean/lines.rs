//! Splitting text into trimmed lines with exact offsets, and the line-shape tests the rules use.

/// A non-blank line: its trimmed text and where it sits in the decoded file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The line without surrounding whitespace or line ending; `text == file[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first non-whitespace char.
    pub start: usize,
    /// Byte offset one past the last non-whitespace char.
    pub end: usize,
    /// How many blank lines separate this line from the previous non-blank one.
    pub blanks_before: usize,
}

/// What the line endings of a file were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Endings {
    /// `\r\n` endings.
    pub crlf: usize,
    /// Lone `\r` endings (classic Mac).
    pub cr: usize,
}

/// Splits `text[from..]` into non-blank lines. `\n`, `\r\n` and a lone `\r` all end a line; the
/// returned ranges exclude the ending and surrounding whitespace, so they stay exact for CRLF files.
pub(crate) fn split_lines(text: &str, from: usize) -> (Vec<Line<'_>>, Endings) {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut endings = Endings::default();
    let mut blanks = 0;
    let mut line_start = from.min(text.len());
    let mut i = line_start;
    loop {
        let at_end = i >= bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            push_line(text, line_start, i, &mut blanks, &mut lines);
            if at_end {
                break;
            }
            if bytes[i] == b'\r' {
                if bytes.get(i + 1) == Some(&b'\n') {
                    endings.crlf += 1;
                    i += 1;
                } else {
                    endings.cr += 1;
                }
            }
            i += 1;
            line_start = i;
        } else {
            i += 1;
        }
    }
    (lines, endings)
}

fn push_line<'a>(text: &'a str, start: usize, end: usize, blanks: &mut usize, lines: &mut Vec<Line<'a>>) {
    // Line endings are ASCII, so `start` and `end` are char boundaries.
    let raw = &text[start..end];
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        *blanks += 1;
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let s = start + lead;
    lines.push(Line { text: trimmed, start: s, end: s + trimmed.len(), blanks_before: *blanks });
    *blanks = 0;
}

/// Number of whitespace-separated words, counting at most `cap` (so long lines cost little).
pub(crate) fn words_up_to(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap + 1).count()
}

/// True when the line ends like a sentence or a quotation, not like a heading or a headline.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    s.chars().last().is_some_and(|c| {
        matches!(c, '.' | '!' | ':' | ';' | ',' | '"' | '”' | '’' | '\'' | ')' | '…' | '»' | ']')
    })
}

/// Share of the "content" words (small words like "of" and "the" aside) that start upper case.
pub(crate) fn title_case_ratio(s: &str) -> f32 {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "with", "at", "by", "from", "as", "vs",
    ];
    let mut content = 0usize;
    let mut upper = 0usize;
    for word in s.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else { continue };
        if SMALL.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        content += 1;
        if first.is_uppercase() || first.is_numeric() {
            upper += 1;
        }
    }
    if content == 0 {
        0.0
    } else {
        upper as f32 / content as f32
    }
}

/// True for a person's name on its own line: 2 to 4 capitalised words of letters.
pub(crate) fn is_name_line(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && s.len() <= 48
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// True for a line made only of separator glyphs ("-", "***", "———").
pub(crate) fn is_separator_line(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(c, '-' | '–' | '—' | '_' | '|' | '*' | '•' | '·' | '=' | '~' | '#') || c.is_whitespace()
        })
}

/// Byte length of a leading bullet glyph ("•", "▪", "*", "-", "+") followed by whitespace, if any.
pub(crate) fn bullet_glyph_len(s: &str) -> Option<usize> {
    let mut chars = s.chars();
    let first = chars.next()?;
    let is_glyph = matches!(first, '•' | '◦' | '▪' | '‣' | '·' | '●' | '*' | '-' | '–' | '+');
    (is_glyph
        && chars.next().is_some_and(char::is_whitespace)
        && s.trim_start_matches(first).trim().len() > 1)
        .then_some(first.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_exact_for_every_kind_of_line_ending() {
        let text = "Title\r\n\r\n  Body text. \r\nOld\rmac\n";
        let (lines, endings) = split_lines(text, 0);
        for l in &lines {
            assert_eq!(&text[l.start..l.end], l.text);
        }
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.blanks_before)).collect();
        assert_eq!(texts, [("Title", 0), ("Body text.", 1), ("Old", 0), ("mac", 0)]);
        assert_eq!(endings, Endings { crlf: 3, cr: 1 });
    }

    #[test]
    fn shapes() {
        assert!(is_name_line("Joyce Davis"));
        assert!(!is_name_line("Requires US Support now."));
        assert!(is_separator_line("-"));
        assert_eq!(bullet_glyph_len("• A point."), Some(3));
        assert_eq!(bullet_glyph_len("-"), None);
        assert!(title_case_ratio("Royal Family Warned To ‘have Answers’ Amid Weak Standing -") > 0.7);
        assert!(title_case_ratio("the source quoted him as saying that") < 0.2);
    }
}
