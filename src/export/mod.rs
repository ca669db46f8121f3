//! Exports for people and spreadsheets: Graphviz DOT, PNG, SVG and CSV.
//!
//! Reads a [`crate::store::snapshot::GraphSnapshot`], never the store's
//! RDF or the language pipeline.
