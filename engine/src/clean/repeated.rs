//! The corpus pre-pass: lines that recur in many files are page furniture (an outlet's menu, its
//! newsletter prompt, its legal footer), whatever words they use.
//!
//! Lines are compared after folding case and digits ("12 Comments" and "3 comments", "© 2021" and
//! "© 2023" are one line), so counts and years do not hide the repetition. Only a hash and a file
//! count are kept per distinct line: memory grows with the number of distinct lines, not the bytes.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;

use crate::hash::{FxHashMap, FxHashSet};

/// A line must recur in at least this many files to count as furniture.
pub const MIN_FILES: u32 = 3;
/// Lines longer than this (bytes) are paragraphs: they are not counted (no furniture is that long,
/// and hashing them would cost memory for nothing).
const MAX_LINE_BYTES: usize = 1000;

/// How many files of a corpus each (folded) line occurs in. Made by [`repeated_lines`], passed to
/// the cleaner in [`super::CleanConfig::repeated`].
#[derive(Debug, Clone, Default)]
pub struct RepeatedLines {
    files_with: FxHashMap<u64, u32>,
}

impl RepeatedLines {
    /// In how many files `line` (trimmed) occurs; 0 or 1 for a line seen in at most one file.
    pub fn files_with(&self, line: &str) -> u32 {
        if line.len() > MAX_LINE_BYTES {
            return 0;
        }
        self.files_with.get(&key(line.as_bytes())).copied().unwrap_or(1)
    }

    /// True when `line` recurs in [`MIN_FILES`] files or more.
    pub fn is_repeated(&self, line: &str) -> bool {
        self.files_with(line) >= MIN_FILES
    }

    /// Number of distinct lines seen in two files or more.
    pub fn len(&self) -> usize {
        self.files_with.len()
    }

    /// True when no line occurs in two files.
    pub fn is_empty(&self) -> bool {
        self.files_with.is_empty()
    }
}

/// Counts, for every line of every file, how many files hold it. Linear in the total size; files
/// that are not text simply contribute lines that never repeat.
pub fn repeated_lines<'a>(files: impl IntoIterator<Item = &'a [u8]>) -> RepeatedLines {
    let mut counter = LineCounter::default();
    for bytes in files {
        counter.add(bytes);
    }
    counter.finish()
}

/// [`repeated_lines`] a file at a time, for a caller that reads files as it goes and never holds
/// them all: [`LineCounter::add`] each file once, in any order, then [`LineCounter::finish`].
#[derive(Debug, Default)]
pub struct LineCounter {
    counts: FxHashMap<u64, u32>,
    seen: FxHashSet<u64>,
}

impl LineCounter {
    /// Counts the distinct lines of one file.
    pub fn add(&mut self, bytes: &[u8]) {
        self.seen.clear();
        let repaired = super::decode::repaired_utf8(bytes);
        let bytes = repaired.as_ref().map_or(bytes, |text| text.as_bytes());
        for line in bytes.split(|&b| b == b'\n' || b == b'\r') {
            let line = line.trim_ascii();
            if line.is_empty() || line.len() > MAX_LINE_BYTES {
                continue;
            }
            let k = key(line);
            if self.seen.insert(k) {
                *self.counts.entry(k).or_insert(0) += 1;
            }
        }
    }

    /// The lines seen in two files or more.
    pub fn finish(self) -> RepeatedLines {
        let mut counts = self.counts;
        counts.retain(|_, n| *n >= 2);
        RepeatedLines { files_with: counts }
    }
}

/// The folded line's hash: lower case, each run of digits as one `0`, runs of whitespace as one space.
/// The folded bytes go to the hasher a buffer at a time: SipHash reads its input as one stream,
/// so this is the hash of byte-at-a-time writes, at a fraction of the cost (the pre-pass and the
/// cleaner's look-ups hash every line of the corpus).
fn key(line: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    let mut buffer = [0u8; 256];
    let mut filled = 0;
    let mut push = |h: &mut DefaultHasher, b: u8| {
        if filled == buffer.len() {
            h.write(&buffer);
            filled = 0;
        }
        buffer[filled] = b;
        filled += 1;
    };
    let mut space = false;
    let mut digit = false;
    for &b in line.trim_ascii() {
        if b.is_ascii_whitespace() {
            space = true;
            digit = false;
            continue;
        }
        if space {
            push(&mut h, b' ');
            space = false;
        }
        // A run of digits is one "0": "12 comments" and "3 comments" are the same line.
        if b.is_ascii_digit() {
            if !digit {
                push(&mut h, b'0');
            }
            digit = true;
            continue;
        }
        digit = false;
        push(&mut h, b.to_ascii_lowercase());
    }
    h.write(&buffer[..filled]);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_in_three_files_is_repeated_whatever_its_counts_and_case() {
        let files: [&[u8]; 4] = [
            b"Title one\n\n12 Comments\nSign up for our newsletter\n",
            b"Title two\r\n3 comments\r\nSign up  for our newsletter\r\n",
            b"Title three\n1 COMMENTS\n",
            b"Title one\n",
        ];
        let repeated = repeated_lines(files);
        assert!(repeated.is_repeated("7 Comments"));
        assert_eq!(repeated.files_with("sign up for our newsletter"), 2);
        assert!(!repeated.is_repeated("Title one"));
        assert_eq!(repeated.files_with("never seen"), 1);
    }

    #[test]
    fn a_long_line_hashes_as_its_folded_bytes_written_one_at_a_time() {
        let line = format!("  12 Comments\t {}Sign UP 2021 ", "Word ".repeat(100));
        let folded = format!("0 comments {}sign up 0", "word ".repeat(100));
        let mut h = DefaultHasher::new();
        for b in folded.bytes() {
            h.write_u8(b);
        }
        assert_eq!(key(line.as_bytes()), h.finish());
    }

    #[test]
    fn a_line_repeated_inside_one_file_counts_once() {
        let files: [&[u8]; 1] = [b"Share\nShare\nShare\n"];
        assert_eq!(repeated_lines(files).files_with("Share"), 1);
    }

    #[test]
    fn a_garbled_file_counts_its_lines_as_the_cleaner_reads_them() {
        // "Édition du soir" in UTF-8 once read as Windows-1252, beside the same line written right.
        let files: [&[u8]; 2] = [
            "Ã‰dition du soir
Le pont rouvre
"
            .as_bytes(),
            "Édition du soir
"
            .as_bytes(),
        ];
        assert_eq!(repeated_lines(files).files_with("Édition du soir"), 2);
    }
}
