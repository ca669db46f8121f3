//! The `trame` command line: clap definitions and one file per subcommand.
//!
//! This is the only place that uses `anyhow`: library errors are typed and
//! get their context (file, line, query position, suggested fix) here.
//! Data goes to stdout; messages, progress and errors go to stderr through
//! [`output`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

pub mod build;
pub mod explain;
pub mod export;
pub mod load;
pub mod merge;
pub mod model;
pub mod output;
pub mod parse;
pub mod push;
pub mod query;
pub mod rm;
pub mod serve;
pub mod shard;
pub mod shared;
pub mod stats;
pub mod update;

/// Build a knowledge graph from French news articles and ask it questions.
#[derive(Debug, Parser)]
#[command(name = "trame", version, propagate_version = true)]
#[command(after_help = "Examples:\n  \
    trame build seeds/                       read articles into ./trame.db\n  \
    trame query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'\n  \
    trame export png -o exports/graph.png\n  \
    trame export csv -o exports/csv")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand accepts, before or after its name.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The store folder.
    #[arg(long, global = true, env = "TRAME_STORE", default_value = "trame.db", value_hint = clap::ValueHint::DirPath)]
    pub store: PathBuf,
    /// The language model: md, sm, or the path of a spaCy model folder.
    #[arg(long, global = true, env = "TRAME_MODEL", default_value = "md")]
    pub model: String,
    /// Worker threads (default: every core; RAYON_NUM_THREADS is honoured).
    #[arg(long, global = true)]
    pub threads: Option<usize>,
    /// No progress bars or summaries on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// When to use colour on stderr (NO_COLOR is honoured).
    #[arg(long, global = true, value_enum, default_value_t = output::ColorChoice::Auto)]
    pub color: output::ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(build::BuildArgs),
    Parse(parse::ParseArgs),
    Query(query::QueryArgs),
    Update(update::UpdateArgs),
    Export(export::ExportArgs),
    Load(load::LoadArgs),
    Merge(merge::MergeArgs),
    Rm(rm::RmArgs),
    Push(push::PushArgs),
    Stats(stats::StatsArgs),
    Explain(explain::ExplainArgs),
    Serve(serve::ServeArgs),
    /// Install and list the French language models (md, sm).
    #[command(
        subcommand,
        after_help = "Examples:\n  \
        trame model install sm          download, verify and unpack the small model\n  \
        trame model list                the installed models and their folders\n  \
        trame --model sm build news/    build with the small model"
    )]
    Model(model::ModelCommand),
}

pub use shared::{exit_code_for, UsageError, EXIT_FAILURE, EXIT_USAGE};

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    output::init(&cli.global);
    if let Some(threads) = cli.global.threads {
        // Ignore the error: the pool can only be configured once per process.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let global = &cli.global;
    match &cli.command {
        Command::Build(args) => build::run(args, global),
        Command::Parse(args) => parse::run(args, global),
        Command::Query(args) => query::run(args, global),
        Command::Update(args) => update::run(args, global),
        Command::Export(args) => export::run(args, global),
        Command::Load(args) => load::run(args, global),
        Command::Merge(args) => merge::run(args, global),
        Command::Rm(args) => rm::run(args, global),
        Command::Push(args) => push::run(args, global),
        Command::Stats(args) => stats::run(args, global),
        Command::Explain(args) => explain::run(args, global),
        Command::Serve(args) => serve::run(args, global),
        Command::Model(command) => model::run(command, global),
    }
}
