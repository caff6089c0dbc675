//! A missing, stale or damaged chunk is a typed error for the view that needs it, and changes
//! nothing else: every way bytes can be wrong gets its own error.

use super::*;

fn built() -> crate::Bundle {
    let raw = "Kadhimi meets Pompeo\n\nIraqi Prime Minister Mustafa al-Kadhemi met Mike Pompeo in Baghdad.\n";
    crate::build_bundle(&[crate::SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "").bundle
}

/// The corpus split, with the first chunk of `kind`'s bytes replaced by what `tamper` makes of
/// them, and the manifest (or, for an article or details chunk, its `ord` page, then the
/// manifest) rewritten to list the new bytes' hash (a consistent site holding a bad chunk). A
/// details chunk's reader has its articles at hand.
fn tampered(kind: ChunkKind, tamper: impl Fn(&mut Vec<u8>)) -> (Reader, ChunkId, Vec<u8>) {
    let split = split(&built(), &Sizes::default());
    let mut manifest = decode_manifest(&split.manifest).unwrap();
    if matches!(kind, ChunkKind::Articles | ChunkKind::ArticleDetails) {
        let mut bytes = split.chunks.iter().find(|c| c.kind == kind).unwrap().bytes.clone();
        tamper(&mut bytes);
        let o = manifest.chunks.iter().position(|c| c.kind == ChunkKind::Ordinals).unwrap();
        let mut page: OrdinalPage = decode(ChunkKind::Ordinals, &split.chunks[o].bytes).unwrap();
        if kind == ChunkKind::Articles {
            page.chunks[0].hash = hash_of(&bytes);
            page.chunks[0].len = bytes.len() as u64;
        } else {
            page.chunks[0].details_hash = hash_of(&bytes);
            page.chunks[0].details_len = bytes.len() as u64;
        }
        let page_bytes = encode(ChunkKind::Ordinals, &page);
        manifest.chunks[o].hash = content_hash(&page_bytes);
        let mut reader = Reader::open(&encode_manifest(&manifest)).unwrap();
        reader.add(ChunkId(o), &page_bytes).unwrap();
        let needed = reader.article_in_full(0).unwrap_err().chunks;
        if kind == ChunkKind::Articles {
            return (reader, needed[0], bytes);
        }
        let text = split.chunks.iter().find(|c| c.kind == ChunkKind::Articles).unwrap();
        reader.add(needed[0], &text.bytes).unwrap();
        return (reader, needed[1], bytes);
    }
    let i = manifest.chunks.iter().position(|c| c.kind == kind).unwrap();
    let mut bytes = split.chunks[i].bytes.clone();
    tamper(&mut bytes);
    manifest.chunks[i].hash = content_hash(&bytes);
    let mut reader = Reader::open(&encode_manifest(&manifest)).unwrap();
    if matches!(kind, ChunkKind::Shard | ChunkKind::EntityIndex | ChunkKind::Positions) {
        reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    }
    if kind == ChunkKind::Positions {
        let shard = manifest.chunks.iter().position(|c| c.kind == ChunkKind::Shard).unwrap();
        reader.add(ChunkId(shard), &split.chunks[shard].bytes).unwrap();
    }
    (reader, ChunkId(i), bytes)
}

/// A chunk's name hash as the `ord` pages write it.
fn hash_of(bytes: &[u8]) -> [u8; 8] {
    let hex = content_hash(bytes);
    let mut out = [0u8; 8];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

/// The bytes of the chunk `reader` calls `id`.
fn bytes_of<'a>(split: &'a Split, reader: &Reader, id: ChunkId) -> &'a [u8] {
    let name = reader.chunk_name(id);
    &split.chunks.iter().find(|c| c.name == name).unwrap().bytes
}

fn error(kind: ChunkKind, tamper: impl Fn(&mut Vec<u8>)) -> ChunkError {
    let (mut reader, id, bytes) = tampered(kind, tamper);
    reader.add(id, &bytes).unwrap_err()
}

/// Re-frames a chunk's payload after `edit` changed the decoded value (so the CRC matches).
fn reframed<T: serde::Serialize + serde::de::DeserializeOwned>(
    kind: ChunkKind,
    edit: impl Fn(&mut T),
) -> impl Fn(&mut Vec<u8>) {
    move |bytes: &mut Vec<u8>| {
        let mut value: T = decode(kind, bytes).unwrap();
        edit(&mut value);
        *bytes = encode(kind, &value);
    }
}

/// Edits a shard's postings in the bundle's form (read back from its columns, positions zeroed,
/// then written into columns again).
fn resharded(edit: impl Fn(&mut Shard)) -> impl Fn(&mut Vec<u8>) {
    rewired(move |wire: &mut postings::WireShard| {
        let mut shard = wire.assemble(0, None, &|_, _| None).unwrap();
        edit(&mut shard);
        *wire = postings::WireShard::of(&shard).0;
    })
}

/// Edits a shard's columns as written.
fn rewired(edit: impl Fn(&mut postings::WireShard)) -> impl Fn(&mut Vec<u8>) {
    reframed(ChunkKind::Shard, edit)
}

#[test]
fn every_shard_of_a_synthetic_corpus_reads_back_byte_for_byte() {
    let files = crate::synth::corpus(40, 3);
    let inputs: Vec<crate::SourceInput> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&inputs, "").bundle;
    let sizes = Sizes { shard_bytes: 600, ..Sizes::default() };
    let split = split(&bundle, &sizes);
    let manifest = decode_manifest(&split.manifest).unwrap();
    let index = &bundle.search;
    let shards: Vec<&ChunkRef> = manifest.chunks.iter().filter(|c| c.kind == ChunkKind::Shard).collect();
    assert!(shards.len() > 10);
    let bytes_named = |name: String| &split.chunks.iter().find(|c| c.name == name).unwrap().bytes;
    let positions: Vec<&ChunkRef> =
        manifest.chunks.iter().filter(|c| c.kind == ChunkKind::Positions).collect();
    assert_eq!(positions.len(), shards.len());
    for (chunk, places) in shards.into_iter().zip(positions) {
        assert_eq!((chunk.first, chunk.end), (places.first, places.end));
        let wire: postings::WireShard = decode(ChunkKind::Shard, bytes_named(chunk.name())).unwrap();
        let places: postings::WirePositions =
            decode(ChunkKind::Positions, bytes_named(places.name())).unwrap();
        let shard = wire.assemble(chunk.first, Some(&places), &|_, _| None).unwrap();
        let (first, end) = (chunk.first as usize, chunk.end as usize);
        let base = index.posting_starts[first] as usize;
        assert_eq!(shard.postings, index.postings[base..index.posting_starts[end] as usize]);
        let starts: Vec<u32> = index.posting_starts[first..=end].iter().map(|s| s - base as u32).collect();
        assert_eq!(shard.starts, starts);
    }
}

#[test]
fn a_shard_whose_columns_do_not_add_up_is_malformed() {
    let malformed = |edit: fn(&mut postings::WireShard)| {
        matches!(error(ChunkKind::Shard, rewired(edit)), ChunkError::Malformed { kind: ChunkKind::Shard, .. })
    };
    // An article gap gone: the counts promise more than the columns hold.
    assert!(malformed(|w| {
        w.doc_gaps.pop();
    }));
    // An article more than the terms' counts say.
    assert!(malformed(|w| {
        w.doc_gaps.push(1);
        w.heads.push(2);
    }));
    // A weight promised and missing.
    assert!(malformed(|w| w.heads[0] |= 1));
    // A count past its article's words does not fit the term directory: refused before a
    // trillion zero positions are put back.
    let started = std::time::Instant::now();
    let forged = error(ChunkKind::Shard, rewired(|w| w.heads[0] = (1u64 << 40) << 1));
    assert!(matches!(forged, ChunkError::Inconsistent { kind: ChunkKind::Shard, .. }), "{forged:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
}

#[test]
fn positions_that_do_not_fit_their_shard_are_inconsistent_and_come_after_it() {
    let inconsistent = |edit: fn(&mut postings::WirePositions)| {
        let error = error(ChunkKind::Positions, reframed(ChunkKind::Positions, edit));
        matches!(error, ChunkError::Inconsistent { kind: ChunkKind::Positions, .. })
    };
    // An occurrence's ordinal gone, or one more than the shard's postings count.
    assert!(inconsistent(|w| {
        w.ordinal_gaps.pop();
    }));
    assert!(inconsistent(|w| {
        w.ordinal_gaps.push(1);
        w.offset_residues.push(0);
    }));
    // An offset gap below zero, and a prediction out of range.
    assert!(inconsistent(|w| w.offset_residues[0] = 2 * (w.bytes_per_word16 as u64 * 1000) + 1));
    assert!(inconsistent(|w| w.bytes_per_word16 = u32::MAX));
    assert!(matches!(
        error(ChunkKind::Positions, garbage_payload),
        ChunkError::Malformed { kind: ChunkKind::Positions, .. }
    ));
    // Before their shard: refused, and accepted once it is at hand.
    let split = split(&built(), &Sizes::default());
    let manifest = decode_manifest(&split.manifest).unwrap();
    let at = |kind| manifest.chunks.iter().position(|c| c.kind == kind).unwrap();
    let (shard, positions) = (at(ChunkKind::Shard), at(ChunkKind::Positions));
    let mut reader = Reader::open(&split.manifest).unwrap();
    reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    assert_eq!(reader.add(ChunkId(positions), &split.chunks[positions].bytes), Err(ChunkError::ShardFirst));
    assert!(!reader.has(ChunkId(positions)));
    reader.add(ChunkId(shard), &split.chunks[shard].bytes).unwrap();
    reader.add(ChunkId(positions), &split.chunks[positions].bytes).unwrap();
    assert!(ChunkError::ShardFirst.to_string().contains("search again"));
}

#[test]
fn bytes_that_are_not_the_ones_the_name_promises_are_refused() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let mut stale = split.chunks[0].bytes.clone();
    stale[30] ^= 1;
    assert_eq!(reader.add(ChunkId(0), &stale), Err(ChunkError::HashMismatch { kind: ChunkKind::Terms }));
    assert!(!reader.has(ChunkId(0)));
    reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    assert!(reader.has(ChunkId(0)));
}

/// Replaces a chunk's payload with four bytes that pass the length and CRC checks but decode as
/// nothing: the chunk is well framed and malformed.
fn garbage_payload(b: &mut Vec<u8>) {
    b.truncate(HEADER_LEN);
    b.extend_from_slice(&[0xff; 4]);
    b[13..21].copy_from_slice(&4u64.to_le_bytes());
    let crc = crate::bundle::crc32(&[0xff; 4]);
    b[21..25].copy_from_slice(&crc.to_le_bytes());
}

#[test]
fn each_kind_of_bad_chunk_gets_its_own_error() {
    let art = ChunkKind::Articles;
    assert_eq!(error(art, |b| *b = b"<!DOCTYPE html>".to_vec()), ChunkError::NotAChunk);
    let next = super::VERSION + 1;
    assert_eq!(error(art, |b| b[8] = next as u8), ChunkError::UnknownVersion { found: next });
    assert_eq!(error(art, |b| b[12] = 1), ChunkError::WrongKind { expected: art });
    assert_eq!(error(art, |b| b.truncate(b.len() - 2)), ChunkError::Truncated { kind: art });
    assert_eq!(error(art, |b| *b.last_mut().unwrap() ^= 0x40), ChunkError::Corrupt { kind: art });
    assert!(matches!(error(art, garbage_payload), ChunkError::Malformed { kind: ChunkKind::Articles, .. }));
}

#[test]
fn each_kind_of_bad_details_chunk_gets_its_own_error() {
    let details = ChunkKind::ArticleDetails;
    assert_eq!(error(details, |b| *b = b"<!DOCTYPE html>".to_vec()), ChunkError::NotAChunk);
    assert_eq!(error(details, |b| b[12] = 3), ChunkError::WrongKind { expected: details });
    assert_eq!(error(details, |b| b.truncate(b.len() - 2)), ChunkError::Truncated { kind: details });
    assert_eq!(error(details, |b| *b.last_mut().unwrap() ^= 0x40), ChunkError::Corrupt { kind: details });
    assert!(matches!(
        error(details, garbage_payload),
        ChunkError::Malformed { kind: ChunkKind::ArticleDetails, .. }
    ));
    // Decodes, but does not fit its articles: spans for two articles, a mention past the text, a
    // removed span that is not the raw file's text.
    let inconsistent = |change: fn(&mut ArticleDetails)| {
        let bad = reframed(ChunkKind::ArticleDetails, change);
        matches!(
            error(ChunkKind::ArticleDetails, bad),
            ChunkError::Inconsistent { kind: ChunkKind::ArticleDetails, .. }
        )
    };
    assert!(inconsistent(|d| d.removed.push(Vec::new())));
    assert!(inconsistent(|d| d.mentions[0].end = 1_000_000));
    assert!(inconsistent(|d| d.removed[0].push(crate::model::Removed {
        text: "not in the file".into(),
        start: 0,
        end: 3,
        reason: crate::model::NoiseKind::ArticleDate,
    })));
}

#[test]
fn details_that_arrive_before_their_articles_are_refused_and_change_nothing() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let page = reader.article_in_full(0).unwrap_err().chunks;
    reader.add(page[0], bytes_of(&split, &reader, page[0])).unwrap();
    let both = reader.article_in_full(0).unwrap_err().chunks;
    assert_eq!(both.len(), 2, "the article and its details are named in one round");
    let (text, details) = (both[0], both[1]);
    assert_eq!(reader.add(details, bytes_of(&split, &reader, details)), Err(ChunkError::ArticlesFirst));
    assert!(!reader.has(details));
    reader.add(text, bytes_of(&split, &reader, text)).unwrap();
    assert!(reader.mentions_in(0).is_err(), "mentions are in the details");
    reader.add(details, bytes_of(&split, &reader, details)).unwrap();
    let bundle = built();
    assert_eq!(reader.article_in_full(0).unwrap(), &bundle.articles[0]);
    assert_eq!(reader.mentions_in(0).unwrap(), bundle.entities.mentions_in(0));
}

#[test]
fn chunks_that_decode_but_do_not_fit_the_manifest_are_inconsistent() {
    let more = reframed(ChunkKind::Articles, |c: &mut ArticleChunk| {
        let mut other = c.articles[0].clone();
        other.id = "other".into();
        c.articles.push(other);
        c.dates.push(None);
    });
    assert!(matches!(
        error(ChunkKind::Articles, more),
        ChunkError::Inconsistent { kind: ChunkKind::Articles, .. }
    ));
    let beyond = resharded(|s: &mut Shard| {
        // The first posting's article delta now points past the one article.
        s.postings[0] = 5;
    });
    assert!(matches!(
        error(ChunkKind::Shard, beyond),
        ChunkError::Inconsistent { kind: ChunkKind::Shard, .. }
    ));
    let misnamed = reframed(ChunkKind::Entities, |e: &mut EntityChunk| {
        if let Some(m) = e.lists.iter_mut().flatten().next() {
            *m = Mention::new(m.article, (m.start, m.end), m.kind(), Some(999), None).unwrap();
        } else {
            e.lists.push(Vec::new());
        }
    });
    assert!(matches!(
        error(ChunkKind::Entities, misnamed),
        ChunkError::Inconsistent { kind: ChunkKind::Entities, .. }
    ));
    let shorter = |bytes: &mut Vec<u8>| {
        let wire: wire::WireTerms = decode(ChunkKind::Terms, bytes).unwrap();
        let mut directory = wire.into_directory().unwrap();
        directory.doc_lens.clear();
        *bytes = encode(ChunkKind::Terms, &wire::WireTerms::of(directory));
    };
    assert!(matches!(
        error(ChunkKind::Terms, shorter),
        ChunkError::Inconsistent { kind: ChunkKind::Terms, .. }
    ));
}

#[test]
fn a_dictionary_whose_front_coding_does_not_add_up_is_malformed() {
    let (directory, n_terms) = {
        let split = split(&built(), &Sizes::default());
        let wire: wire::WireTerms = decode(ChunkKind::Terms, &split.chunks[0].bytes).unwrap();
        let directory = wire.into_directory().unwrap();
        let n = directory.terms.len();
        (directory, n)
    };
    assert!(n_terms > 5);
    let with = |edit: &dyn Fn(&mut wire::WireTerms)| {
        let mut wire = wire::WireTerms::of(directory.clone());
        edit(&mut wire);
        let bytes = encode(ChunkKind::Terms, &wire);
        let (mut reader, id, _) = tampered(ChunkKind::Terms, |b| *b = bytes.clone());
        reader.add(id, &bytes)
    };
    assert_eq!(with(&|_| {}), Ok(()), "as written, it reads back");
    let malformed =
        |r: Result<(), ChunkError>| matches!(r, Err(ChunkError::Malformed { kind: ChunkKind::Terms, .. }));
    assert!(malformed(with(&|w| w.suffix_lens[1] += 1_000_000)), "a word running past the bytes");
    assert!(malformed(with(&|w| w.shared[1] = 200)), "a word sharing more than the one before holds");
    assert!(malformed(with(&|w| w.suffixes.push(b'x'))), "bytes no word uses");
    assert!(
        malformed(with(&|w| {
            w.shared.pop();
        })),
        "streams of different lengths"
    );
    assert!(malformed(with(&|w| w.suffixes[0] = 0xff)), "a word that is not UTF-8");
}

#[test]
fn a_bad_manifest_is_refused_with_its_own_error() {
    let good = split(&built(), &Sizes::default()).manifest;
    assert_eq!(decode_manifest(b"<html>").unwrap_err(), ChunkError::NotAChunk);
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert_eq!(decode_manifest(&flipped).unwrap_err(), ChunkError::Corrupt { kind: ChunkKind::Manifest });
    assert_eq!(
        decode_manifest(&good[..good.len() - 1]).unwrap_err(),
        ChunkError::Truncated { kind: ChunkKind::Manifest }
    );
    // A hash is written as its 8 bytes, so a name that is not 16 hex digits cannot even be
    // written: it becomes zeros, and the chunk it names is refused as stale.
    let mut manifest = decode_manifest(&good).unwrap();
    manifest.chunks[1].hash = "../../etc/passwd".into();
    assert!(validate::manifest(&manifest).is_err());
    let back = decode_manifest(&encode_manifest(&manifest)).unwrap();
    assert_eq!(back.chunks[1].name(), format!("{}-0000000000000000.plx", back.chunks[1].kind.prefix()));
    let mut manifest = decode_manifest(&good).unwrap();
    manifest.chunks.swap(0, 1);
    assert!(decode_manifest(&encode_manifest(&manifest)).is_err());
}

#[test]
fn a_missing_chunk_keeps_its_view_waiting_and_the_others_answer() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    assert_eq!(reader.article_count(), 1);
    // The article's directory page arrives, its chunk never does: the article view keeps naming it.
    let page = reader.article(0).unwrap_err();
    assert_eq!(reader.manifest().chunks[page.chunks[0].0].kind, ChunkKind::Ordinals);
    reader.add(page.chunks[0], bytes_of(&split, &reader, page.chunks[0])).unwrap();
    let article = reader.article(0).unwrap_err();
    assert!(reader.chunk_name(article.chunks[0]).starts_with("art-"));
    let needed = reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap_err();
    assert_eq!(needed.chunks, [ChunkId(0)]);
    reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    let needed = reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap_err();
    // Its shard and the entity index ("Pompeo" names an entity) arrive.
    let arriving: Vec<ChunkId> =
        needed.chunks.into_iter().filter(|&id| !reader.chunk_name(id).starts_with("art-")).collect();
    for id in arriving {
        reader.add(id, bytes_of(&split, &reader, id)).unwrap();
    }
    // The hit's article is still missing, so the search still waits for it, and only for it.
    assert_eq!(reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap_err(), article);
    assert_eq!(reader.article(0).unwrap_err(), article);
    reader.add(article.chunks[0], bytes_of(&split, &reader, article.chunks[0])).unwrap();
    assert_eq!(reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap().total, 1);
}

#[test]
fn an_article_chunk_is_unknown_until_its_directory_page_lists_it() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let art = split.chunks.iter().find(|c| c.kind == ChunkKind::Articles).unwrap();
    let beyond = ChunkId(reader.manifest().chunks.len());
    assert_eq!(reader.chunk_name(beyond), "");
    assert_eq!(reader.add(beyond, &art.bytes), Err(ChunkError::UnknownChunk));
}

#[test]
fn directory_and_id_pages_that_do_not_fit_the_manifest_are_inconsistent() {
    let off_list = reframed(ChunkKind::Ordinals, |p: &mut OrdinalPage| p.list_pages[0] = 9);
    assert!(matches!(
        error(ChunkKind::Ordinals, off_list),
        ChunkError::Inconsistent { kind: ChunkKind::Ordinals, .. }
    ));
    let overfull = reframed(ChunkKind::Ordinals, |p: &mut OrdinalPage| p.chunks[0].items += 1);
    assert!(matches!(
        error(ChunkKind::Ordinals, overfull),
        ChunkError::Inconsistent { kind: ChunkKind::Ordinals, .. }
    ));
    let renamed = reframed(ChunkKind::Ids, |p: &mut IdPage| p.ids[0] = "zzz-not-the-first".into());
    assert!(matches!(error(ChunkKind::Ids, renamed), ChunkError::Inconsistent { kind: ChunkKind::Ids, .. }));
    let beyond = reframed(ChunkKind::Ids, |p: &mut IdPage| p.ordinals[0] = 3);
    assert!(matches!(error(ChunkKind::Ids, beyond), ChunkError::Inconsistent { kind: ChunkKind::Ids, .. }));
}

#[test]
fn an_id_resolves_from_one_page_of_the_id_index() {
    let files = crate::synth::corpus(30, 4);
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&sources, "").bundle;
    let split = split(&bundle, &Sizes { id_rows: 4, ..Sizes::default() });
    let mut reader = Reader::open(&split.manifest).unwrap();
    // An id before the first page's first is known absent without a fetch.
    assert_eq!(reader.ordinal_of(""), Ok(None));
    for (i, article) in bundle.articles.iter().enumerate() {
        let needed = match reader.ordinal_of(&article.id) {
            Ok(found) => {
                assert_eq!(found, Some(i));
                continue;
            }
            Err(needed) => needed,
        };
        assert_eq!(needed.chunks.len(), 1);
        reader.add(needed.chunks[0], bytes_of(&split, &reader, needed.chunks[0])).unwrap();
        assert_eq!(reader.ordinal_of(&article.id), Ok(Some(i)), "{}", article.id);
        let missing = format!("{}-not-an-article", article.id);
        assert_eq!(reader.ordinal_of(&missing).unwrap_or(None), None);
    }
}

#[test]
fn a_list_page_that_does_not_fit_the_manifest_is_inconsistent() {
    let moved = reframed(ChunkKind::Directory, |d: &mut DirectoryPage| d.ordinals[0] = 7);
    assert!(matches!(
        error(ChunkKind::Directory, moved),
        ChunkError::Inconsistent { kind: ChunkKind::Directory, .. }
    ));
    let recounted = reframed(ChunkKind::Directory, |d: &mut DirectoryPage| {
        d.rows[0].outlet = if d.rows[0].outlet.is_some() { None } else { Some(0) };
    });
    assert!(matches!(
        error(ChunkKind::Directory, recounted),
        ChunkError::Inconsistent { kind: ChunkKind::Directory, .. }
    ));
    assert_eq!(
        error(ChunkKind::Directory, |b| b.truncate(b.len() - 1)),
        ChunkError::Truncated { kind: ChunkKind::Directory }
    );
}

#[test]
fn an_article_row_waits_for_its_list_page_and_a_bad_page_changes_nothing() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    // Its directory page says which list page holds it.
    let ord = reader.article_row(0).unwrap_err();
    assert_eq!(reader.manifest().chunks[ord.chunks[0].0].kind, ChunkKind::Ordinals);
    reader.add(ord.chunks[0], bytes_of(&split, &reader, ord.chunks[0])).unwrap();
    let needed = reader.article_row(0).unwrap_err();
    assert_eq!(needed.chunks.len(), 1);
    assert_eq!(reader.list_page(&ListFilter::default(), 0, 10).unwrap_err(), needed);
    let id = needed.chunks[0];
    let good = &split.chunks[id.0].bytes;
    let mut bad = good.clone();
    bad[30] ^= 1;
    assert!(reader.add(id, &bad).is_err());
    assert_eq!(reader.article_row(0).unwrap_err(), needed);
    reader.add(id, good).unwrap();
    assert_eq!(reader.article_row(0).unwrap().title, "Kadhimi meets Pompeo");
    assert_eq!(
        reader.list_page(&ListFilter::default(), 0, 10).unwrap(),
        ListPage { total: 1, ordinals: vec![0] }
    );
}

#[test]
fn an_entity_index_chunk_that_does_not_decode_as_counted_is_inconsistent() {
    let beyond = reframed(ChunkKind::EntityIndex, |s: &mut Shard| {
        // The first posting's article delta now points past the one article.
        s.postings[0] = 5;
    });
    assert!(matches!(
        error(ChunkKind::EntityIndex, beyond),
        ChunkError::Inconsistent { kind: ChunkKind::EntityIndex, .. }
    ));
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let i = split.chunks.iter().position(|c| c.kind == ChunkKind::EntityIndex).unwrap();
    assert_eq!(reader.add(ChunkId(i), &split.chunks[i].bytes), Err(ChunkError::DictionaryFirst));
}

#[test]
fn the_manifest_reads_back_as_written_and_names_no_article_but_the_id_pages_first() {
    let files = crate::synth::corpus(30, 4);
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&sources, "").bundle;
    let split = split(&bundle, &Sizes { list_rows: 7, id_rows: 8, ..Sizes::default() });
    let manifest = decode_manifest(&split.manifest).unwrap();
    assert_eq!(decode_manifest(&encode_manifest(&manifest)).unwrap(), manifest);
    // The stories are in story chunks: the manifest spells only the largest stories' labels.
    assert_eq!(manifest.summary.stories as usize, bundle.stories.len());
    let largest: Vec<&str> = manifest.largest_stories.iter().map(|h| h.label.as_str()).collect();
    for story in bundle.stories.iter().filter(|s| !largest.contains(&s.label.as_str())) {
        let spelled = split.manifest.windows(story.label.len()).any(|w| w == story.label.as_bytes());
        assert!(!spelled, "{}", story.label);
    }
    // Article ids are in the `ord` and `ids` pages: the manifest spells only the first of each
    // page of the id index (as a postcard string: its length, then its bytes).
    assert_eq!(manifest.id_firsts.len(), 4);
    for article in &bundle.articles {
        let mut written = vec![article.id.len() as u8];
        written.extend_from_slice(article.id.as_bytes());
        let spelled = split.manifest.windows(written.len()).filter(|w| *w == written.as_slice()).count();
        assert_eq!(spelled, usize::from(manifest.id_firsts.contains(&article.id)), "{}", article.id);
    }
}

/// Every story of a split, read through a reader from its story chunks.
fn stories_of(split: &Split) -> Vec<StoryEntry> {
    let mut reader = Reader::open(&split.manifest).unwrap();
    loop {
        match reader.stories() {
            Ok(stories) => return stories.into_iter().cloned().collect(),
            Err(needed) => {
                assert!(!needed.chunks.is_empty());
                for id in needed.chunks {
                    let bytes = bytes_of(split, &reader, id).to_vec();
                    reader.add(id, &bytes).unwrap();
                }
            }
        }
    }
}

#[test]
fn stories_read_back_from_their_chunks_as_the_bundle_has_them_however_they_are_cut() {
    let files = crate::synth::corpus(40, 4);
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&sources, "").bundle;
    let one = split(&bundle, &Sizes { list_rows: 7, ..Sizes::default() });
    let many = split(&bundle, &Sizes { list_rows: 7, story_bytes: 1, ..Sizes::default() });
    let count = |split: &Split| split.chunks.iter().filter(|c| c.kind == ChunkKind::Stories).count();
    assert_eq!(count(&one), 1);
    assert_eq!(count(&many), bundle.stories.len(), "a story larger than the target is alone in its chunk");
    for split in [&one, &many] {
        let stories = stories_of(split);
        let story_id = |s: u32| stories.get(s as usize).map(|s| s.id.as_str());
        let id_of = |o: u32| bundle.articles.get(o as usize).map(|a| a.id.as_str());
        let back: Vec<crate::stories::Story> = stories.iter().map(|s| s.to_story(story_id, id_of)).collect();
        assert_eq!(back, bundle.stories);
        // Each story's rows per list page add up to its articles, on the pages listing them.
        let rows: usize = stories.iter().flat_map(|s| &s.pages).map(|&(_, rows)| rows as usize).sum();
        assert_eq!(rows, bundle.articles.len());
    }
    // The home page's filter: the largest shared stories, largest first, with their labels.
    let manifest = decode_manifest(&many.manifest).unwrap();
    let shared = bundle.stories.iter().filter(|s| s.articles.len() >= 2).count();
    assert!(shared >= 2, "the synthetic corpus has shared stories");
    assert_eq!(manifest.largest_stories.len(), shared.min(LARGEST_STORIES));
    for head in &manifest.largest_stories {
        let story = &bundle.stories[head.story as usize];
        assert_eq!(
            (head.label.as_str(), head.articles as usize),
            (story.label.as_str(), story.articles.len())
        );
    }
    // The home page's cards: the largest shared stories with rows on the newest list page.
    let stories = stories_of(&many);
    let mut newest: Vec<usize> =
        (0..stories.len()).filter(|&i| stories[i].articles.len() >= 2 && stories[i].rows_on(0) > 0).collect();
    newest.sort_by_key(|&i| (std::cmp::Reverse(stories[i].articles.len()), i));
    newest.truncate(NEWEST_STORIES);
    assert!(!newest.is_empty());
    let named: Vec<usize> = manifest.newest_stories.iter().map(|h| h.story as usize).collect();
    assert_eq!(named, newest);
}

#[test]
fn a_story_chunk_that_is_corrupt_or_names_a_missing_article_is_refused_and_changes_nothing() {
    let kind = ChunkKind::Stories;
    assert_eq!(error(kind, |b| *b.last_mut().unwrap() ^= 0x40), ChunkError::Corrupt { kind });
    assert!(matches!(error(kind, garbage_payload), ChunkError::Malformed { kind: ChunkKind::Stories, .. }));
    let past = reframed(kind, |w: &mut story_columns::WireStories| w.break_first_story());
    let (mut reader, id, bytes) = tampered(kind, past);
    assert!(matches!(reader.add(id, &bytes), Err(ChunkError::Inconsistent { kind: ChunkKind::Stories, .. })));
    assert!(!reader.has(id));
    assert!(reader.story(0).is_err(), "the story is still missing, not blank");
}

#[test]
fn an_article_chunk_that_renames_a_listed_article_is_refused() {
    let split = split(&built(), &Sizes::default());
    let renamed = reframed(ChunkKind::Articles, |c: &mut ArticleChunk| c.articles[0].id = "other".into());
    let (mut reader, id, bytes) = tampered(ChunkKind::Articles, renamed);
    // Its `ord` page lists it by hash alone; beside the list page that names the article, it does
    // not fit.
    let list = reader.list_page(&ListFilter::default(), 0, 1).unwrap_err().chunks[0];
    reader.add(list, bytes_of(&split, &reader, list)).unwrap();
    assert!(matches!(
        reader.add(id, &bytes),
        Err(ChunkError::Inconsistent { kind: ChunkKind::Articles, .. })
    ));
    assert!(!reader.has(id));
    assert_eq!(reader.article_row(0).unwrap().title, "Kadhimi meets Pompeo", "the list page still answers");
    assert_eq!(reader.id_of(0), Ok("kadhimi-meets-pompeo"), "its id from the list row");
}

#[test]
fn an_articles_id_comes_from_its_chunk_when_no_list_page_is_at_hand() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let mut rounds = 0;
    let id = loop {
        match reader.id_of(0) {
            Ok(id) => break id.to_string(),
            Err(needed) => {
                rounds += 1;
                for id in needed.chunks {
                    reader.add(id, bytes_of(&split, &reader, id)).unwrap();
                }
            }
        }
    };
    assert_eq!(id, "kadhimi-meets-pompeo");
    assert_eq!(rounds, 2, "its `ord` page, then its article chunk");
    assert!(reader.article(0).is_ok());
}

#[test]
fn building_the_index_as_the_articles_are_cut_writes_the_chunks_of_the_whole_bundle() {
    // The seed corpus with its knowledge base (entities with many names, several outlets),
    // then synthetic articles.
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(seed.join("raw"))
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files.extend(crate::synth::corpus(200, 4));
    let kb = std::fs::read_to_string(seed.join("entities.toml")).unwrap();
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let cleaned = || crate::clean_sources(crate::Bundle::default(), &sources, &mut |_| {});
    let options = crate::BuildOptions::default();
    let whole = crate::analyse(cleaned(), &kb, &options, &mut |_| {}).bundle;
    let unindexed = crate::analyse_unindexed(cleaned(), &kb, &options, &mut |_| {}).bundle;
    assert_eq!(unindexed.search.n_terms(), 0);
    assert!(whole.search.entities.n_slots() > 10, "entities are indexed");
    assert!(whole.search.outlets.len() > 3, "{:?}", whole.search.outlets);
    // Small chunks, so articles are cut into many and the index's shards are many.
    let sizes = Sizes { article_bytes: 2048, shard_bytes: 4096, ..Sizes::default() };
    let split_by = |bundle: crate::Bundle,
                    split: fn(crate::Bundle, &Sizes, &Pack, &mut Sink<'_>) -> Streamed| {
        let mut made = std::collections::HashMap::new();
        let streamed = split(bundle, &sizes, &|bytes: &[u8]| bytes.to_vec(), &mut |slot, chunk| {
            made.insert(slot, chunk);
        });
        let chunks: Vec<WrittenChunk> = streamed.order.iter().map(|slot| made[slot].clone()).collect();
        Split { manifest: streamed.manifest, chunks }
    };
    let expected = split_owned(whole.clone(), &sizes);
    assert!(expected.chunks.iter().filter(|c| c.kind == ChunkKind::Articles).count() > 20);
    assert!(expected.chunks.iter().filter(|c| c.kind == ChunkKind::Shard).count() > 20);
    assert_eq!(split_by(whole, split_streamed), expected);
    assert_eq!(split_by(unindexed, split_indexing), expected);
}

#[test]
fn a_manifest_of_the_previous_format_is_refused_with_a_sentence_saying_to_rebuild() {
    let mut old = split(&built(), &Sizes::default()).manifest;
    old[8..12].copy_from_slice(&(VERSION - 1).to_le_bytes());
    let error = Reader::open(&old).unwrap_err();
    assert_eq!(error, ChunkError::UnknownVersion { found: VERSION - 1 });
    assert!(error.to_string().contains("rebuild the site"), "{error}");
}

#[test]
fn an_article_chunks_mentions_read_back_exactly_in_columns_whatever_their_order() {
    use crate::entities::{MentionKind, Value};
    let mention = |article: u32, start: u32, end: u32, entity: Option<u32>| {
        Mention::new(article, (start, end), MentionKind::Person, entity, None).unwrap()
    };
    let value = Value::Figure(Box::new(crate::entities::FigureValue {
        value: 5000.0,
        unit: "troops".into(),
        counted: "US troops".into(),
        inferred: false,
        qualifier: Some("about".into()),
    }));
    let dated = Mention::of_value(7, (3, 9), value);
    // Sorted as a build writes them, then ones a faulty writer could: out of order, empty,
    // reversed, at the ends of the range.
    let mentions = vec![
        mention(0, 0, 4, Some(1)),
        mention(0, 10, 12, Some(2)),
        dated,
        mention(7, 40, 44, Some(0)),
        mention(3, 5, 2, None),
        mention(u32::MAX, u32::MAX, 0, Some(crate::entities::MAX_ENTITIES - 1)),
        mention(0, 1, 1, None),
    ];
    let chunk = ArticleDetails { mentions: mentions.clone(), ..ArticleDetails::default() };
    let details = ChunkKind::ArticleDetails;
    let back: ArticleDetails = decode(details, &encode(details, &chunk)).unwrap();
    assert_eq!(back.mentions, mentions);
}

#[test]
fn an_entity_chunks_lists_read_back_exactly_in_columns() {
    use crate::entities::MentionKind;
    let mention = |article: u32, start: u32, end: u32| {
        Mention::new(article, (start, end), MentionKind::Place, Some(3), None).unwrap()
    };
    let chunk = EntityChunk {
        lists: vec![
            vec![mention(0, 4, 9), mention(0, 30, 35), mention(12, 2, 7)],
            Vec::new(),
            vec![mention(9, 1, 0), mention(2, u32::MAX, 3)],
        ],
    };
    let back: EntityChunk = decode(ChunkKind::Entities, &encode(ChunkKind::Entities, &chunk)).unwrap();
    assert_eq!(back, chunk);
}

#[test]
fn stories_read_back_exactly_from_columns_whatever_their_labels() {
    let story = |id: &str, label: &str, articles: Vec<u32>, follows: Vec<u32>| StoryEntry {
        id: id.into(),
        label: label.into(),
        pages: vec![(0, 1), (3, articles.len() as u32 - 1)].into_iter().filter(|&(_, r)| r > 0).collect(),
        articles,
        from: Some("2020-08".into()),
        to: None,
        follows,
    };
    let stories = vec![
        story("kadhimi-trump-visit-aug-2020", "Kadhimi · Trump — visit, Aug 2020", vec![0, 4, 9], vec![]),
        // The same label again: its id is the slug with "-2", left out as well.
        story("kadhimi-trump-visit-aug-2020-2", "Kadhimi · Trump — visit, Aug 2020", vec![2], vec![0]),
        story("hand-made", "  two  spaces and ends ", vec![1, 3], vec![1, 0]),
        story("", "", vec![5], vec![]),
        story("al-kadhemi-in-tehran", "Al-Kadhemi in Tehrān · طهران", vec![6, 7, 8], vec![2]),
    ];
    let wire = story_columns::WireStories::of(&stories);
    assert_eq!(wire.into_stories(10, 5, 4).unwrap(), stories);
    let past = story_columns::WireStories::of(&stories).into_stories(9, 5, 4).unwrap_err();
    assert!(past.problem.contains("an article the corpus does not have"), "{past:?}");
    let follows = story_columns::WireStories::of(&stories).into_stories(10, 2, 4).unwrap_err();
    assert!(follows.problem.contains("follows a story the corpus does not have"), "{follows:?}");
    let pages = story_columns::WireStories::of(&stories).into_stories(10, 5, 3).unwrap_err();
    assert!(pages.problem.contains("a list page the corpus does not have"), "{pages:?}");
}

#[test]
fn a_site_with_one_file_replaced_lists_it_and_refuses_it_where_it_is_read() {
    let split = split(&built(), &Sizes::default());
    let garbage = [0xff; 4];
    let malformed =
        |kind| move |e: ChunkError| matches!(e, ChunkError::Malformed { kind: k, .. } if k == kind);
    // The dictionary, listed by the manifest.
    let site = replace_first(&split, ChunkKind::Terms, frame(ChunkKind::Terms, &garbage));
    let mut reader = Reader::open(&site.manifest).unwrap();
    let name = reader.chunk_name(ChunkId(0));
    let bytes = site.chunks.iter().find(|c| c.name == name).unwrap().bytes.clone();
    assert!(malformed(ChunkKind::Terms)(reader.add(ChunkId(0), &bytes).unwrap_err()));
    // An article chunk and a details chunk, listed by their `ord` page.
    for kind in [ChunkKind::Articles, ChunkKind::ArticleDetails] {
        let site = replace_first(&split, kind, frame(kind, &garbage));
        let mut reader = Reader::open(&site.manifest).unwrap();
        let file = |reader: &Reader, id| {
            let name = reader.chunk_name(id);
            site.chunks.iter().find(|c| c.name == name).unwrap().bytes.clone()
        };
        let page = reader.article_in_full(0).unwrap_err().chunks[0];
        let bytes = file(&reader, page);
        reader.add(page, &bytes).unwrap();
        let both = reader.article_in_full(0).unwrap_err().chunks;
        let mut added = None;
        for &id in &both {
            let bytes = file(&reader, id);
            if let Err(e) = reader.add(id, &bytes) {
                added = Some(e);
                break;
            }
        }
        assert!(malformed(kind)(added.unwrap()), "{kind:?}");
    }
    assert_eq!(payload_of(&frame(ChunkKind::Shard, &garbage)), garbage);
}
