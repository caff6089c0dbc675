//! The messages between the comparison page and its Web Worker (`src/bin/compare_worker.rs`), and
//! the checks the page applies to what comes back.
//!
//! Format, both ways: the four bytes `PXCW`, the format [`VERSION`] as a little-endian `u16`, then
//! one postcard-encoded value ([`Request`] to the worker, [`FromWorker`] back), sent as a
//! transferred `Uint8Array`. The worker's files have fixed names (`compare_worker_loader.js`,
//! `compare_worker.js`, `compare_worker_bg.wasm`), so a browser could pair this page with another
//! build's worker; the version makes that a clear [`MessageError::OtherVersion`] (and the page
//! compares in place) instead of a misread.
//!
//! A conversation: the worker says [`FromWorker::Ready`] once it can listen; the page sends one
//! [`Request`]; the worker answers [`FromWorker::Stage`], [`FromWorker::Head`] (everything but the
//! rows, and how many rows follow), [`FromWorker::Rows`] in order, [`ROWS_PER_MESSAGE`] at a time,
//! so the page decodes and draws a little at a time, then [`FromWorker::Done`] (or
//! [`FromWorker::Failed`]). [`Stream`] checks that order and every row's shape before the page
//! uses it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use parallax_engine::entities::Mention;
use parallax_engine::Article;

use crate::compare_view::{Column, CompareHead, Row};

/// The first bytes of every message.
pub const MAGIC: [u8; 4] = *b"PXCW";

/// The message format's version; any change to [`Request`] or [`FromWorker`] bumps it.
/// 2: [`Request::mentions`] added (version 1 requests had no entity mentions).
pub const VERSION: u16 = 2;

/// Rows per [`FromWorker::Rows`] message: about a screenful, small enough to decode and draw in
/// well under 50 ms.
pub const ROWS_PER_MESSAGE: usize = 20;

/// What the page asks the worker to compare: the columns and, in the same order, each article,
/// its linked names and its publication date.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Request {
    /// The sources (bundle index, id, label, title).
    pub columns: Vec<Column>,
    /// The compared articles, one per column.
    pub articles: Vec<Article>,
    /// Per column, the article's name mentions linked to an entity (see
    /// [`crate::compare_view::Plan::mentions`]).
    pub mentions: Vec<Vec<Mention>>,
    /// Per column, the publication date, where known.
    pub dates: Vec<Option<String>>,
}

/// [`Request`] as the page writes it, borrowing the corpus's articles (same encoding).
#[derive(Debug, Serialize)]
pub struct RequestRef<'a> {
    /// See [`Request::columns`].
    pub columns: &'a [Column],
    /// See [`Request::articles`].
    pub articles: Vec<&'a Article>,
    /// See [`Request::mentions`].
    pub mentions: &'a [Vec<Mention>],
    /// See [`Request::dates`].
    pub dates: &'a [Option<String>],
}

impl Request {
    /// Checks that the columns, articles and dates agree, before the worker compares anything.
    pub fn validate(&self) -> Result<(), MessageError> {
        let n = self.columns.len();
        if n < 2 || self.articles.len() != n || self.mentions.len() != n || self.dates.len() != n {
            return Err(MessageError::Inconsistent(format!(
                "{n} columns, {} articles, {} mention lists, {} dates",
                self.articles.len(),
                self.mentions.len(),
                self.dates.len()
            )));
        }
        if let Some((c, a)) = self.columns.iter().zip(&self.articles).find(|(c, a)| c.id != a.id) {
            return Err(MessageError::Inconsistent(format!("column {} holds article {}", c.id, a.id)));
        }
        Ok(())
    }
}

/// What the worker is doing, for the page's progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Aligning the articles' sentences (the long part).
    Comparing {
        /// The compared articles' kept text, in bytes ("comparing 1.0 MB of text").
        bytes: usize,
    },
    /// Laying the aligned sentences out in rows.
    LayingOut,
}

/// A message from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker is listening; the page may send its [`Request`].
    Ready,
    /// Progress.
    Stage(Stage),
    /// Everything but the rows, and how many rows will follow.
    Head {
        /// Columns, summary, quotes, shared wording, notices.
        head: CompareHead,
        /// Rows to expect.
        rows: usize,
    },
    /// The next rows, in order.
    Rows {
        /// Index of the first of these rows.
        from: usize,
        /// The rows.
        rows: Vec<Row>,
    },
    /// Every row has been sent.
    Done,
    /// The request could not be compared (it did not decode or was inconsistent).
    Failed(String),
}

/// Why a message was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageError {
    /// The bytes are not a Parallax comparison message.
    NotAMessage,
    /// A message of another format version: the page and the worker come from different builds.
    OtherVersion {
        /// The version found.
        found: u16,
    },
    /// The header was right but the payload did not decode.
    Malformed(String),
    /// It decoded but does not fit the conversation (wrong columns, rows out of order, ...).
    Inconsistent(String),
}

impl std::fmt::Display for MessageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageError::NotAMessage => write!(f, "the comparison worker sent something that is not a comparison message"),
            MessageError::OtherVersion { found } => write!(
                f,
                "the comparison worker is from another version of Parallax (message format {found}, this page reads {VERSION}); reload the page to update it"
            ),
            MessageError::Malformed(why) => write!(f, "a comparison message did not decode: {why}"),
            MessageError::Inconsistent(why) => write!(f, "a comparison message did not fit: {why}"),
        }
    }
}

/// Encodes one message: magic, version, postcard payload.
pub fn encode<T: Serialize + ?Sized>(message: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    // postcard only fails on a writer error or an unsized sequence; a Vec writer and these types
    // have neither, and an empty payload would be refused by `decode` rather than misread.
    if let Ok(payload) = postcard::to_allocvec(message) {
        out.extend_from_slice(&payload);
    }
    out
}

/// Decodes one message, checking its magic and version first.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, MessageError> {
    if bytes.len() < 6 || bytes[..4] != MAGIC {
        return Err(MessageError::NotAMessage);
    }
    let found = u16::from_le_bytes([bytes[4], bytes[5]]);
    if found != VERSION {
        return Err(MessageError::OtherVersion { found });
    }
    let (value, rest) =
        postcard::take_from_bytes(&bytes[6..]).map_err(|e| MessageError::Malformed(e.to_string()))?;
    if !rest.is_empty() {
        return Err(MessageError::Malformed(format!("{} bytes after the message", rest.len())));
    }
    Ok(value)
}

/// What the page may do with an accepted message.
#[derive(Clone, Debug, PartialEq)]
pub enum Accepted {
    /// Send the request now.
    Ready,
    /// Show progress.
    Stage(Stage),
    /// Show the head; `rows` rows will follow.
    Head(Box<CompareHead>, usize),
    /// Append these rows.
    Rows(Vec<Row>),
    /// The comparison is complete.
    Done,
}

/// The page's side of one conversation: accepts messages only in order and only in the shape of
/// the columns it asked for, so nothing the worker sends can make the page index out of range.
#[derive(Clone, Debug)]
pub struct Stream {
    columns: Vec<Column>,
    expected: Option<usize>,
    received: usize,
    done: bool,
}

impl Stream {
    /// A conversation about these columns.
    pub fn new(columns: Vec<Column>) -> Stream {
        Stream { columns, expected: None, received: 0, done: false }
    }

    /// Rows accepted so far, and how many were announced.
    pub fn progress(&self) -> (usize, Option<usize>) {
        (self.received, self.expected)
    }

    /// Decodes and checks one message.
    pub fn accept(&mut self, bytes: &[u8]) -> Result<Accepted, MessageError> {
        let message: FromWorker = decode(bytes)?;
        let bad = |why: String| Err(MessageError::Inconsistent(why));
        if self.done {
            return bad("a message after the comparison was complete".into());
        }
        match message {
            FromWorker::Ready => Ok(Accepted::Ready),
            FromWorker::Stage(stage) => Ok(Accepted::Stage(stage)),
            FromWorker::Failed(why) => bad(format!("the worker could not compare: {why}")),
            FromWorker::Head { head, rows } => {
                if self.expected.is_some() {
                    return bad("a second head".into());
                }
                if head.columns != self.columns {
                    return bad("the head's columns are not the ones asked for".into());
                }
                self.expected = Some(rows);
                Ok(Accepted::Head(Box::new(head), rows))
            }
            FromWorker::Rows { from, rows } => {
                let Some(expected) = self.expected else { return bad("rows before the head".into()) };
                if from != self.received || rows.is_empty() || rows.len() > expected - self.received {
                    return bad(format!(
                        "{} rows from row {from}, after {} of {expected}",
                        rows.len(),
                        self.received
                    ));
                }
                let n = self.columns.len();
                if let Some(row) =
                    rows.iter().find(|r| r.cells.len() != n || r.cells.iter().any(|c| c.len() > 1))
                {
                    return bad(format!("a row with {} cells for {n} columns", row.cells.len()));
                }
                self.received += rows.len();
                Ok(Accepted::Rows(rows))
            }
            FromWorker::Done => {
                if self.expected != Some(self.received) {
                    return bad(format!("done after {} of {:?} rows", self.received, self.expected));
                }
                self.done = true;
                Ok(Accepted::Done)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare_view::plan;
    use parallax_engine::{build_bundle, Bundle, SourceInput};

    fn bundle() -> Bundle {
        let a = "Report A\n\nThe army said a rocket hit the airport on Tuesday.\n\nBetween August 4 and 18, 14 bomb and rocket attacks targeted US convoys.\n";
        let b = "Report B\n\nBetween August 4 and August 16, 13 bombs and missiles targeted US convoys.\n\nA rocket hit the airport on Tuesday, the army said.\n";
        let c = "Report C\n\nThe weather was fine.\n";
        let inputs = [("a.txt", a), ("b.txt", b), ("c.txt", c)];
        let sources: Vec<SourceInput<'_>> =
            inputs.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        build_bundle(&sources, "").bundle
    }

    /// The page's request, as the worker decodes it.
    fn request(bundle: &Bundle, ids: &[String]) -> (Vec<Column>, Vec<u8>) {
        let plan = plan(bundle, ids).unwrap();
        let articles = plan.columns.iter().map(|c| &bundle.articles[c.article]).collect();
        let bytes = encode(&RequestRef {
            columns: &plan.columns,
            articles,
            mentions: &plan.mentions,
            dates: &plan.dates,
        });
        (plan.columns, bytes)
    }

    /// What the worker (`compare_worker::answer`) sends for a request, message by message,
    /// after its first `Ready`.
    fn worker_replies(request: &[u8]) -> Vec<Vec<u8>> {
        let mut out = vec![encode(&FromWorker::Ready)];
        crate::compare_worker::answer(request, &mut |m| out.push(m.to_vec()));
        out
    }

    #[test]
    fn the_worker_shows_the_same_comparison_as_the_page() {
        let bundle = bundle();
        let ids: Vec<String> = bundle.articles.iter().map(|a| a.id.clone()).collect();
        let (columns, bytes) = request(&bundle, &ids);
        let decoded: Request = decode(&bytes).unwrap();
        decoded.validate().unwrap();
        assert_eq!(decoded.articles.len(), 3);
        let mut stream = Stream::new(columns);
        let (mut head, mut rows) = (None, Vec::new());
        let replies = worker_replies(&bytes);
        assert!(replies.len() >= 5, "ready, stage, head, rows, done");
        for message in replies {
            match stream.accept(&message).unwrap() {
                Accepted::Head(h, _) => head = Some(*h),
                Accepted::Rows(r) => rows.extend(r),
                Accepted::Ready | Accepted::Stage(_) | Accepted::Done => {}
            }
        }
        // In the page, the bundle compares with its entities: the worker's result is the same.
        let in_page = crate::compare_view::compare_view(&bundle, &ids).unwrap();
        assert_eq!(head.as_ref(), Some(&in_page.head));
        assert_eq!(rows, in_page.rows);
        assert!(in_page.head.summary.pairs > 0);
    }

    #[test]
    fn the_worker_answers_a_request_it_cannot_read_with_a_reason() {
        let replies = worker_replies(b"PXCW\x02\x00garbage");
        assert_eq!(replies.len(), 2);
        let FromWorker::Failed(why) = decode(&replies[1]).unwrap() else { panic!("a failure expected") };
        assert!(why.contains("did not decode"), "{why}");
        let mut stream = Stream::new(Vec::new());
        assert!(matches!(stream.accept(&replies[1]), Err(MessageError::Inconsistent(_))));
    }

    #[test]
    fn a_request_from_a_page_of_the_previous_format_is_refused_with_a_reason() {
        // Version 1 requests carried columns, articles and dates, without entity mentions.
        #[derive(Serialize)]
        struct RequestV1<'a> {
            columns: &'a [Column],
            articles: Vec<&'a Article>,
            dates: &'a [Option<String>],
        }
        let bundle = bundle();
        let ids: Vec<String> = bundle.articles.iter().take(2).map(|a| a.id.clone()).collect();
        let plan = plan(&bundle, &ids).unwrap();
        let articles = plan.columns.iter().map(|c| &bundle.articles[c.article]).collect();
        let mut old = encode(&RequestV1 { columns: &plan.columns, articles, dates: &plan.dates });
        old[4..6].copy_from_slice(&1u16.to_le_bytes());
        let replies = worker_replies(&old);
        assert_eq!(replies.len(), 2, "ready, then one failure and nothing else");
        let FromWorker::Failed(why) = decode(&replies[1]).unwrap() else { panic!("a failure expected") };
        assert!(why.contains("another version") && why.contains("reload"), "{why}");
    }

    #[test]
    fn another_builds_worker_or_garbage_is_refused_with_a_reason() {
        let mut ready = encode(&FromWorker::Ready);
        let mut stream = Stream::new(Vec::new());
        assert_eq!(stream.accept(&ready), Ok(Accepted::Ready));
        ready[4] = 9;
        assert_eq!(stream.accept(&ready), Err(MessageError::OtherVersion { found: 9 }));
        assert!(stream.accept(&ready).unwrap_err().to_string().contains("another version"));
        assert_eq!(stream.accept(b"<html>"), Err(MessageError::NotAMessage));
        let mut cut = encode(&FromWorker::Failed("x".repeat(40)));
        cut.truncate(12);
        assert!(matches!(stream.accept(&cut), Err(MessageError::Malformed(_))));
        let mut long = encode(&FromWorker::Done);
        long.push(0);
        assert!(matches!(decode::<FromWorker>(&long), Err(MessageError::Malformed(_))));
    }

    #[test]
    fn rows_out_of_order_of_the_wrong_shape_or_too_many_are_refused() {
        let bundle = bundle();
        let ids: Vec<String> = bundle.articles.iter().take(2).map(|a| a.id.clone()).collect();
        let (columns, bytes) = request(&bundle, &ids);
        let replies = worker_replies(&bytes);
        let head = &replies[2];
        let first_rows: FromWorker = decode(&replies[3]).unwrap();
        let FromWorker::Rows { rows, .. } = first_rows else { panic!("rows expected") };
        let fresh = || {
            let mut s = Stream::new(columns.clone());
            s.accept(head).unwrap();
            s
        };
        // Rows before the head.
        assert!(Stream::new(columns.clone()).accept(&replies[3]).is_err());
        // Rows that skip ahead.
        assert!(fresh().accept(&encode(&FromWorker::Rows { from: 1, rows: rows.clone() })).is_err());
        // A row with a third cell for two columns.
        let mut wide = rows.clone();
        wide[0].cells.push(Vec::new());
        assert!(fresh().accept(&encode(&FromWorker::Rows { from: 0, rows: wide })).is_err());
        // More rows than announced, and done too early.
        let many: Vec<Row> = rows.iter().cycle().take(rows.len() * 50).cloned().collect();
        assert!(fresh().accept(&encode(&FromWorker::Rows { from: 0, rows: many })).is_err());
        assert!(fresh().accept(&encode(&FromWorker::Done)).is_err());
        // A head for other columns, and a request whose articles do not match its columns.
        let mut other = Stream::new(columns[..1].to_vec());
        assert!(other.accept(head).is_err());
        let mut request: Request = decode(&bytes).unwrap();
        request.articles.swap(0, 1);
        assert!(request.validate().is_err());
        request.articles.pop();
        assert!(request.validate().is_err());
    }
}
