//! `trame export`.

use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;

/// (not yet written)
#[derive(Debug, Args)]
pub struct ExportArgs {}

pub fn run(_args: &ExportArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trame export is not written yet")
}
