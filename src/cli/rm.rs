//! `trame rm`.

use std::process::ExitCode;

use clap::Args;

use super::GlobalArgs;

/// (not yet written)
#[derive(Debug, Args)]
pub struct RmArgs {}

pub fn run(_args: &RmArgs, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trame rm is not written yet")
}
