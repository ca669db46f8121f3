//! What several subcommands share: opening the store, loading the language
//! model, reading a query's text, and deciding an error's exit code.
//!
//! Each chore has one home here so that every subcommand does it the same
//! way: a store error the user caused exits 2 whichever subcommand met it,
//! and the model's install notice goes through [`super::output`] (silent
//! with `--quiet`). Subcommands never call `Store::open*` or
//! `Pipeline::load` themselves.

use std::path::Path;

use anyhow::Context;

use super::{output, GlobalArgs};
use crate::nlp::{self, Pipeline};
use crate::push::PushError;
use crate::store::{Store, StoreError};

/// Exit code for bad input from the user (malformed query, unknown format).
pub const EXIT_USAGE: u8 = 2;
/// Exit code for failures (missing file, store error).
pub const EXIT_FAILURE: u8 = 1;

/// An error that should end the program with exit code 2 rather than 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// How a subcommand uses the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads only; works while a build writes (query, export, stats, explain).
    Read,
    /// Writes; creates the store if the folder is new or empty (build, load, rm, update).
    Write,
}

/// Opens the store named by `--store` (or `TRAME_STORE`). Errors keep
/// their [`StoreError`] type, so [`exit_code_for`] can tell a malformed
/// query from a broken store.
pub fn open_store(global: &GlobalArgs, access: Access) -> anyhow::Result<Store> {
    open_store_at(&global.store, access)
}

/// [`open_store`] for an explicit folder.
pub fn open_store_at(path: &Path, access: Access) -> anyhow::Result<Store> {
    let store = match access {
        Access::Read => Store::open_read_only(path),
        Access::Write => Store::open(path),
    }?;
    Ok(store)
}

/// Resolves `--model` (installing `md` or `sm` on first use, the notice
/// printed through [`output::info`]) and loads the pipeline.
pub fn load_pipeline(model: &str) -> anyhow::Result<Pipeline> {
    let dir = nlp::install::resolve_model_with(model, &|message| output::info(message))
        .with_context(|| format!("cannot find model `{model}`"))?;
    Pipeline::load(&dir).with_context(|| format!("cannot load the model in {}", crate::quote::path(&dir)))
}

/// The text of a query or update given inline or with `-f FILE` (`-` = stdin).
pub fn read_query_text(inline: Option<&str>, file: Option<&Path>) -> anyhow::Result<String> {
    match (inline, file) {
        (Some(text), None) => Ok(text.to_string()),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .context("cannot read the query from standard input")?;
            Ok(text)
        }
        (None, Some(path)) => std::fs::read_to_string(path).with_context(|| {
            format!(
                "cannot read the query file {}; check the path",
                crate::quote::path(&path)
            )
        }),
        _ => Err(UsageError("give the SPARQL text or -f FILE, not both".to_string()).into()),
    }
}

/// The exit code an error deserves, decided from the types in its chain:
/// 2 for a [`UsageError`], or a [`StoreError`] or [`PushError`] that comes
/// from what the user typed (their `is_usage`: a malformed query, an
/// unknown format or document, a malformed URL), 1 for everything else.
pub fn exit_code_for(error: &anyhow::Error) -> u8 {
    let usage = error.chain().any(|cause| {
        cause.is::<UsageError>()
            || cause.downcast_ref::<StoreError>().is_some_and(StoreError::is_usage)
            || cause.downcast_ref::<PushError>().is_some_and(PushError::is_usage)
    });
    if usage {
        EXIT_USAGE
    } else {
        EXIT_FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_decided_by_the_error_type_wherever_it_sits_in_the_chain() {
        let query = StoreError::Query {
            message: "expected WHERE".into(),
            line: 1,
            column: 7,
        };
        assert_eq!(
            exit_code_for(&anyhow::Error::from(query).context("while exporting")),
            EXIT_USAGE
        );
        let missing = StoreError::Missing { path: "x.db".into() };
        assert_eq!(exit_code_for(&anyhow::Error::from(missing)), EXIT_FAILURE);
        let usage = anyhow::Error::from(UsageError("bad".into())).context("outer");
        assert_eq!(exit_code_for(&usage), EXIT_USAGE);
        assert_eq!(exit_code_for(&anyhow::anyhow!("plain failure")), EXIT_FAILURE);
    }
}
