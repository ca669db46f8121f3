//! Everything the CLI prints to stderr: messages, colour, progress bars.
//!
//! Colour and progress follow one rule: only on a terminal, never with
//! `--quiet`, never when NO_COLOR is set (for colour). The library's
//! `tracing` events reach stderr here too, when `RUST_LOG` asks for them.

// The one module that writes messages to stderr.
#![allow(clippy::print_stderr)]

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::GlobalArgs;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy)]
struct Settings {
    quiet: bool,
    color: bool,
    progress: bool,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Fixes the output settings for the process from the global options.
pub fn init(global: &GlobalArgs) {
    let stderr_tty = std::io::stderr().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stderr_tty && !no_color,
    };
    let _ = SETTINGS.set(Settings {
        quiet: global.quiet,
        color,
        progress: stderr_tty && !global.quiet,
    });
    init_logging(color);
}

/// With `RUST_LOG` set (e.g. `RUST_LOG=trame=debug`), the library's
/// `tracing` events are written to stderr; without it nothing is installed
/// and they cost nothing.
fn init_logging(color: bool) {
    let Ok(filter) = tracing_subscriber::EnvFilter::try_from_default_env() else {
        return;
    };
    // A second initialisation in the same process (tests) keeps the first.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color)
        .try_init();
}

fn settings() -> Settings {
    *SETTINGS.get_or_init(|| Settings {
        quiet: false,
        color: false,
        progress: false,
    })
}

/// Whether colour escapes may be written to stderr.
pub fn color_enabled() -> bool {
    settings().color
}

/// Whether stdout is a terminal (tables there, CSV/JSON when piped).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// An informational line on stderr, unless `--quiet`.
pub fn info(message: &str) {
    if !settings().quiet {
        eprintln!("{message}");
    }
}

/// A line on stderr that the user needs even with `--quiet` (the address `trame serve` listens on).
pub fn notice(message: &str) {
    eprintln!("{message}");
}

/// A warning on stderr; shown even with `--quiet`.
pub fn warn(message: &str) {
    if settings().color {
        eprintln!("\x1b[33mwarning\x1b[0m: {message}");
    } else {
        eprintln!("warning: {message}");
    }
}

/// The final error line, `trame: …`.
pub fn error(error: &anyhow::Error) {
    if settings().color {
        eprintln!("\x1b[31mtrame\x1b[0m: {error:#}");
    } else {
        eprintln!("trame: {error:#}");
    }
}

/// A progress bar over `len` items, hidden when not on a terminal or quiet.
pub fn progress(len: u64, what: &str) -> ProgressBar {
    if !settings().progress {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let template = format!("{{spinner}} {{bar:30}} {{pos}}/{{len}} {what} ({{per_sec}}, {{eta}} left)");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
