//! `trame load`: read RDF files into the store.
//!
//! Owns the command's arguments only; parsing and the load transaction live
//! in `crate::store`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::query::store_error;
use super::{output, GlobalArgs};
use crate::store::Store;

/// Load RDF files (Turtle .ttl, N-Triples .nt, N-Quads .nq, JSON-LD .jsonld).
///
/// Each file is one transaction. Named graphs in the file are kept; a
/// document graph replaces the stored graph of the same name. Triples of
/// graph-less formats go to the default graph, or to --graph.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame load dump.nq                          restore a dump into ./trame.db\n  \
    trame load extra.ttl --graph https://example.org/notes")]
pub struct LoadArgs {
    /// RDF files; the format comes from the extension.
    #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// Named graph for triples of .ttl, .nt and .jsonld default graphs.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
}

pub fn run(args: &LoadArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&global.store).map_err(store_error)?;
    for file in &args.files {
        let count = store.load_rdf(file, args.graph.as_deref()).map_err(store_error)?;
        output::info(&format!("loaded {count} quads from {}", file.display()));
    }
    super::merge::refresh(&store)?;
    Ok(ExitCode::SUCCESS)
}
