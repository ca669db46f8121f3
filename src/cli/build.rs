//! `trame build`.

use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;

/// (not yet written)
#[derive(Debug, Args)]
pub struct BuildArgs {}

pub fn run(_args: &BuildArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trame build is not written yet")
}
