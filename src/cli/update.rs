//! `trame update`: run a SPARQL Update against the store in one transaction.
//!
//! Owns the command's arguments only; execution lives in `crate::store`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::shared::{open_store, read_query_text, Access};
use super::{output, GlobalArgs};

/// Change the graph with SPARQL Update (INSERT DATA, DELETE WHERE, ...).
///
/// The same prefixes as `trame query` are predeclared. The update is one
/// transaction: it applies whole or not at all. Document graphs are named
/// `<https://w3id.org/trame/doc/HASH>`: use GRAPH to change them.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame update 'DELETE WHERE { GRAPH ?g { ?s trame:role \"porte-parole\" } }'\n  \
    trame update -f fixes.ru")]
pub struct UpdateArgs {
    /// The SPARQL update (or use -f).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub update: Option<String>,
    /// Read the update from a file (`-` for standard input).
    #[arg(short, long, value_name = "FILE.ru", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
}

pub fn run(args: &UpdateArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let update = read_query_text(args.update.as_deref(), args.file.as_deref())?;
    let store = open_store(global, Access::Write)?;
    let before = store.len()?;
    store.update(&update)?;
    let after = store.len()?;
    output::info(&format!("update applied: {before} → {after} quads"));
    Ok(ExitCode::SUCCESS)
}
