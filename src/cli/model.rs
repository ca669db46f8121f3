//! `trame model install|list`.

use std::process::ExitCode;

use clap::Subcommand;

use super::GlobalArgs;

/// Install and list language models.
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// (not yet written)
    List,
}

pub fn run(_command: &ModelCommand, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trame model is not written yet")
}
