//! `trame query`.

use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;

/// (not yet written)
#[derive(Debug, Args)]
pub struct QueryArgs {}

pub fn run(_args: &QueryArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trame query is not written yet")
}
