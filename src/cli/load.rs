//! `trame load`: read RDF files into the store.
//!
//! Owns the command's arguments only; parsing and the load transaction live
//! in `crate::store`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::shared::{open_store, Access};
use super::{output, GlobalArgs};

/// Load RDF files (Turtle .ttl, N-Triples .nt, N-Quads .nq, JSON-LD .jsonld).
///
/// All the files are one write, with the merge and claims graphs
/// recomputed in it: killed or failing (a syntax error names file, line and
/// column), the command leaves the store as it was. Named graphs in the
/// files are kept; a document graph replaces the stored graph of the same
/// name. Triples of graph-less formats go to the default graph, or to
/// --graph. Into a store without documents, loading goes through Oxigraph's
/// bulk loader.
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
    let store = open_store(global, Access::Write)?;
    let files: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
    let loaded = store.load_rdf(&files, args.graph.as_deref(), &super::merge::decide)?;
    for (file, count) in args.files.iter().zip(&loaded.quads) {
        output::info(&format!("loaded {count} quads from {}", crate::quote::path(&file)));
    }
    output::info(&super::merge::Summary::new(loaded.entities, &loaded.decisions).line());
    Ok(ExitCode::SUCCESS)
}
