//! `trame rm`: remove documents (their named graphs) from the store.
//!
//! Owns the command's arguments only; matching and removal live in
//! `crate::store`.

use std::process::ExitCode;

use clap::Args;

use super::query::store_error;
use super::{output, GlobalArgs};
use crate::store::Store;

/// Remove documents: by source path, content-hash prefix or graph IRI.
///
/// Entities stay as long as another document still mentions them.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame rm seeds/article.txt\n  \
    trame rm 9c81224f\n  \
    trame rm https://w3id.org/trame/doc/9c81224ff3cb7629")]
pub struct RmArgs {
    /// Documents to remove.
    #[arg(required = true, value_name = "DOC")]
    pub documents: Vec<String>,
}

pub fn run(args: &RmArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&global.store).map_err(store_error)?;
    // Resolve every argument first so a typo removes nothing.
    for document in &args.documents {
        store.find_documents(document).map_err(store_error)?;
    }
    for document in &args.documents {
        for removed in store.remove_document(document).map_err(store_error)? {
            output::info(&format!("removed {} ({})", removed.source, removed.iri));
        }
    }
    super::merge::refresh(&store)?;
    Ok(ExitCode::SUCCESS)
}
