//! Extraction: annotated sentences in, entities, facts and provenance out.
//!
//! Given [`crate::nlp::Doc`]s for a source text, returns a
//! [`crate::facts::Document`]. Rules and tables (predicate mappings,
//! demonyms, titles) are data; this module never touches RDF or the store.

pub mod input;
pub mod entities;
pub mod language;
