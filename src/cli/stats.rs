//! `trame stats`: what the store holds.
//!
//! Owns the command's arguments and the table/CSV/JSON layout; the counts
//! come from `crate::store::Store::stats`.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::shared::{open_store, Access};
use super::{output, GlobalArgs};
use crate::store::Stats;

/// Count documents, entities by type, facts by property and by event type, claims, and rank entities by degree.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame stats\n  \
    trame stats --format json --top 20")]
pub struct StatsArgs {
    /// Output format [default: table on a terminal, CSV when piped].
    #[arg(long, value_enum)]
    pub format: Option<StatsFormat>,
    /// How many entities to rank by degree.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Table,
    /// Rows of section,key,label,count.
    Csv,
    Json,
}

pub fn run(args: &StatsArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(global, Access::Read)?;
    let stats = store.stats(args.top)?;
    let format = args.format.unwrap_or(if output::stdout_is_terminal() {
        StatsFormat::Table
    } else {
        StatsFormat::Csv
    });
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &stats).context("cannot write to standard output")?;
            writeln!(out)?;
        }
        StatsFormat::Csv => write_csv(&stats, &mut out)?,
        StatsFormat::Table => write_table(&stats, &mut out)?,
    }
    out.flush().context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The counts as CSV, written as the CSV dump writes its cells (a cell a
/// spreadsheet would run as a formula gets a leading `'`).
fn write_csv(stats: &Stats, out: &mut dyn Write) -> anyhow::Result<()> {
    let header = ["section", "key", "label", "count"];
    let mut csv = crate::export::csv::Table::new(out, Default::default(), &header)?;
    for (key, count) in [
        ("documents", stats.documents),
        ("entities", stats.entities),
        ("statements", stats.statements),
        ("mentions", stats.mentions),
        ("quads", stats.quads),
    ] {
        csv.row(["total", key, "", &count.to_string()])?;
    }
    for count in &stats.entities_by_type {
        csv.row(["entities_by_type", &count.key, "", &count.count.to_string()])?;
    }
    for count in &stats.facts_by_property {
        csv.row(["facts_by_property", &count.key, "", &count.count.to_string()])?;
    }
    for entity in &stats.top_entities {
        csv.row(["top_entities", &entity.iri, &entity.label, &entity.degree.to_string()])?;
    }
    csv.row(["events", "typed", "", &stats.typed_statements.to_string()])?;
    for count in &stats.facts_by_event_type {
        csv.row(["facts_by_event_type", &count.key, "", &count.count.to_string()])?;
    }
    csv.row(["claims", "claims", "", &stats.claims.to_string()])?;
    csv.row(["claims", "contested", "", &stats.contested_claims.to_string()])?;
    csv.flush()?;
    Ok(())
}

fn write_table(stats: &Stats, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} documents, {} entities, {} statements, {} mentions, {} quads\n",
        stats.documents, stats.entities, stats.statements, stats.mentions, stats.quads
    )?;
    counts_table("type", "entities", &stats.entities_by_type, out)?;
    writeln!(out)?;
    counts_table("property", "facts", &stats.facts_by_property, out)?;
    writeln!(out)?;
    let top: Vec<Vec<String>> = stats
        .top_entities
        .iter()
        .map(|e| vec![e.label.clone(), e.kind.clone(), e.degree.to_string(), e.iri.clone()])
        .collect();
    crate::store::write_table(
        &[
            "entity".to_string(),
            "type".to_string(),
            "degree".to_string(),
            "iri".to_string(),
        ],
        &top,
        out,
    )?;
    writeln!(out)?;
    let share = if stats.statements == 0 {
        0.0
    } else {
        100.0 * stats.typed_statements as f64 / stats.statements as f64
    };
    writeln!(
        out,
        "{} of {} statements have an event type ({share:.1} %)",
        stats.typed_statements, stats.statements
    )?;
    if !stats.facts_by_event_type.is_empty() {
        counts_table("event type", "facts", &stats.facts_by_event_type, out)?;
    }
    writeln!(
        out,
        "\n{} claims (facts stated by two documents or more), {} contested",
        stats.claims, stats.contested_claims
    )?;
    Ok(())
}

/// One table of counts: a column of keys headed `key`, a column of counts headed `count`.
fn counts_table(key: &str, count: &str, counts: &[crate::store::Count], out: &mut dyn Write) -> anyhow::Result<()> {
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|c| vec![c.key.clone(), c.count.to_string()])
        .collect();
    crate::store::write_table(&[key.to_string(), count.to_string()], &rows, out)?;
    Ok(())
}
