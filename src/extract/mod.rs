//! Extraction: annotated sentences in, entities, facts and provenance out.
//!
//! Given [`crate::nlp::Doc`]s for a source text, returns a
//! [`crate::facts::Document`]. Rules and tables (predicate mappings,
//! demonyms, titles) are data; this module never touches RDF or the store.
//! This file owns the top-level [`extract_document`]: sentences with
//! original offsets, the entity table, then the rules in [`rules`].

use sha2::{Digest, Sha256};

use crate::facts;
use crate::nlp::Doc;

pub mod entities;
pub mod event_types;
pub mod repair;
pub mod rules;
pub mod timex;

#[cfg(test)]
mod robustness_tests;

use crate::input::PreparedText;

/// Extracts one document: sentences, entities, mentions and facts.
///
/// `docs` holds one annotated `Doc` per entry of `prepared.paragraphs`, in
/// order; a shorter `docs` simply leaves the rest of the text unread. The
/// result depends on this document alone: entities of different documents
/// are merged afterwards, over the whole set ([`entities::corpus`]). The
/// document date is found in the text or the file name
/// ([`timex::docdate`]).
pub fn extract_document(prepared: &PreparedText, docs: &[Doc]) -> facts::Document {
    extract_document_dated(prepared, docs, None)
}

/// [`extract_document`], with the document date given (`trame build
/// --date`); `None` looks for it in the text and the file name.
pub fn extract_document_dated(prepared: &PreparedText, docs: &[Doc], date: Option<timex::Date>) -> facts::Document {
    let n = docs.len().min(prepared.paragraphs.len());
    let repaired: Vec<Doc> = repair::repaired(&docs[..n], repair::PARSE)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect();
    let docs = &repaired[..];
    let sentences = build_sentences(prepared, docs);
    let table = entities::find_entities(prepared, docs);
    let (mut facts, concepts) = rules::extract_facts(prepared, docs, &table);
    let detected = timex::docdate::detect(&prepared.source, &prepared.original, date);
    let sentence_of = sentence_index(docs);
    let timexes = timex::find(
        prepared,
        docs,
        &sentence_of,
        detected.date.map(|(d, _)| d),
        detected.dateline.clone(),
    );
    rules::time::drop_time_objects(&mut facts, &concepts, &timexes);
    rules::time::add_values(&mut facts, &timexes);
    let mut document = facts::Document {
        source: prepared.source.clone(),
        title: prepared.title.clone(),
        authors: prepared.authors.clone(),
        text: prepared.original.clone(),
        content_hash: content_hash(&prepared.original),
        language: prepared.language.clone(),
        sentences,
        entities: table.entities.clone(),
        mentions: table.mentions.clone(),
        name_candidates: table.name_candidates.clone(),
        concepts,
        facts,
        date: timex::document_date(&detected),
        timexes,
    };
    entities::prune::drop_unused(&mut document);
    document
}

/// Lower-case hex SHA-256 of a text.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// For every paragraph, the document-wide sentence index of each token.
pub(crate) fn sentence_index(docs: &[Doc]) -> Vec<Vec<usize>> {
    let mut next = 0;
    docs.iter()
        .map(|doc| {
            let mut of = vec![0; doc.tokens.len()];
            for range in doc.sentences() {
                for t in range {
                    of[t] = next;
                }
                next += 1;
            }
            of
        })
        .collect()
}

fn build_sentences(prepared: &PreparedText, docs: &[Doc]) -> Vec<facts::Sentence> {
    let original: Vec<char> = prepared.original.chars().collect();
    let mut out = Vec::new();
    for (doc, para) in docs.iter().zip(&prepared.paragraphs) {
        for range in doc.sentences() {
            let first = &doc.tokens[range.start];
            let last = &doc.tokens[range.end - 1];
            let start = para.offsets.get(first.start).copied().unwrap_or(0);
            let end = para.offsets.get(last.end()).copied().unwrap_or(start).max(start);
            let text = original.get(start..end).map(|c| c.iter().collect()).unwrap_or_default();
            out.push(facts::Sentence { start, end, text });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
