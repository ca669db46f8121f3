//! The RDF store: Oxigraph on disk, one named graph per source document.
//!
//! Owns the data model (how [`crate::facts::Document`]s become triples),
//! the ontology graph, SPARQL query and update, RDF import and export, and
//! the [`snapshot::GraphSnapshot`] that exporters read. This is the only
//! module that imports `oxigraph`; it knows nothing about language models
//! or extraction rules.

pub mod snapshot;
