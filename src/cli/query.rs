//! `trame query`: run a SPARQL query against the store and print results.
//!
//! Owns the command's arguments and its choice of output format; querying
//! and formatting live in `crate::store`. Opens the store read-only, so it
//! works while a build is writing.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::shared::{open_store, read_query_text, Access};
use super::{output, GlobalArgs};
use crate::store::{QueryKind, ResultFormat};

/// Ask the knowledge graph a SPARQL question.
///
/// The prefixes trame, rdf, rdfs, owl, xsd, skos, schema and prov are
/// predeclared. Without FROM, the default graph is the union of every
/// document graph (and the ontology), so `?s ?p ?o` sees everything.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame query 'SELECT ?who ?role WHERE { ?p trame:role ?role ; skos:prefLabel ?who }'\n  \
    trame query -f queries/who-did-what.rq --format json\n  \
    trame query 'ASK { ?s trame:attacks ?o }'\n  \
    trame query 'CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10' --format nt")]
pub struct QueryArgs {
    /// The SPARQL query (or use -f).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub query: Option<String>,
    /// Read the query from a file (`-` for standard input).
    #[arg(short, long, value_name = "FILE.rq", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Output format [default: table on a terminal, CSV when piped; Turtle for CONSTRUCT/DESCRIBE].
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
}

/// Result formats of `trame query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns.
    Table,
    /// W3C SPARQL results CSV.
    Csv,
    /// W3C SPARQL results TSV.
    Tsv,
    /// W3C SPARQL results JSON (JSON-LD for CONSTRUCT/DESCRIBE).
    Json,
    /// W3C SPARQL results XML.
    Xml,
    /// Turtle (CONSTRUCT/DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT/DESCRIBE).
    Nt,
}

impl QueryFormat {
    fn result_format(self) -> ResultFormat {
        match self {
            QueryFormat::Table => ResultFormat::Table,
            QueryFormat::Csv => ResultFormat::Csv,
            QueryFormat::Tsv => ResultFormat::Tsv,
            QueryFormat::Json => ResultFormat::Json,
            QueryFormat::Xml => ResultFormat::Xml,
            QueryFormat::Turtle => ResultFormat::Turtle,
            QueryFormat::Nt => ResultFormat::NTriples,
        }
    }
}

pub fn run(args: &QueryArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let query = read_query_text(args.query.as_deref(), args.file.as_deref())?;
    let store = open_store(global, Access::Read)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let kind = store.query_to_writer(
        &query,
        args.format.map(QueryFormat::result_format),
        output::stdout_is_terminal(),
        &mut out,
    )?;
    out.flush().context("cannot write to standard output")?;
    match kind {
        QueryKind::Select { rows } => output::info(&format!("{rows} row{}", if rows == 1 { "" } else { "s" })),
        QueryKind::Graph { triples } => {
            output::info(&format!("{triples} triple{}", if triples == 1 { "" } else { "s" }))
        }
        QueryKind::Ask(_) => {}
    }
    Ok(ExitCode::SUCCESS)
}
