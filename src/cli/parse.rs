//! `trame parse`.

use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;

/// (not yet written)
#[derive(Debug, Args)]
pub struct ParseArgs {}

pub fn run(_args: &ParseArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trame parse is not written yet")
}
