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

fn write_csv(stats: &Stats, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(["section", "key", "label", "count"])?;
    for (key, count) in [
        ("documents", stats.documents),
        ("entities", stats.entities),
        ("statements", stats.statements),
        ("mentions", stats.mentions),
        ("quads", stats.quads),
    ] {
        csv.write_record(["total", key, "", &count.to_string()])?;
    }
    for count in &stats.entities_by_type {
        csv.write_record(["entities_by_type", &count.key, "", &count.count.to_string()])?;
    }
    for count in &stats.facts_by_property {
        csv.write_record(["facts_by_property", &count.key, "", &count.count.to_string()])?;
    }
    for entity in &stats.top_entities {
        csv.write_record(["top_entities", &entity.iri, &entity.label, &entity.degree.to_string()])?;
    }
    csv.write_record(["events", "typed", "", &stats.typed_statements.to_string()])?;
    for count in &stats.facts_by_event_type {
        csv.write_record(["facts_by_event_type", &count.key, "", &count.count.to_string()])?;
    }
    csv.write_record(["claims", "claims", "", &stats.claims.to_string()])?;
    csv.write_record(["claims", "contested", "", &stats.contested_claims.to_string()])?;
    csv.flush()?;
    Ok(())
}

fn write_table(stats: &Stats, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} documents, {} entities, {} statements, {} mentions, {} quads\n",
        stats.documents, stats.entities, stats.statements, stats.mentions, stats.quads
    )?;
    let rows = |pairs: Vec<(String, String)>| pairs.into_iter().map(|(a, b)| vec![a, b]).collect::<Vec<_>>();
    let header = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    crate::store::write_table(
        &header("type", "entities"),
        &rows(
            stats
                .entities_by_type
                .iter()
                .map(|c| (c.key.clone(), c.count.to_string()))
                .collect(),
        ),
        out,
    )?;
    writeln!(out)?;
    crate::store::write_table(
        &header("property", "facts"),
        &rows(
            stats
                .facts_by_property
                .iter()
                .map(|c| (c.key.clone(), c.count.to_string()))
                .collect(),
        ),
        out,
    )?;
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
        crate::store::write_table(
            &header("event type", "facts"),
            &rows(
                stats
                    .facts_by_event_type
                    .iter()
                    .map(|c| (c.key.clone(), c.count.to_string()))
                    .collect(),
            ),
            out,
        )?;
    }
    writeln!(
        out,
        "\n{} claims (facts stated by two documents or more), {} contested",
        stats.claims, stats.contested_claims
    )?;
    Ok(())
}
