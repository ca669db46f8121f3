//! The French language pipeline: spaCy's CNN models run in pure Rust.
//!
//! Loads a spaCy model folder (fr_core_news_md / sm 3.8.0) and annotates
//! text with tokens, lemmas, POS, morphology, dependencies, sentences and
//! named entities, identical to spaCy's output. Knows nothing about RDF,
//! facts or the store.
//!
//! The `trame-nlp` crate, which `trame` re-exports as `trame::nlp`. It
//! depends on nothing of trame's, so it, its parity tests against spaCy
//! (`tests/nlp/`) and its benchmark (`benches/parse.rs`) build in minutes
//! without RocksDB: `cargo test -p trame-nlp`.

pub mod doc;

pub use doc::{Doc, EntIob, EntitySpan, Token};
pub mod error;
pub mod features;
pub mod neural;

pub use error::ModelError;
pub use features::TokenFeatures;

pub mod attribute_ruler;
pub mod conllu;
pub mod install;
pub mod lemmatizer;
pub mod lexeme;
pub mod pipeline;
mod pyregex;
pub mod strings;
pub mod tokenizer;

pub use install::{resolve_model, KnownModel};
pub use pipeline::{FrontEnd, Pipeline};
