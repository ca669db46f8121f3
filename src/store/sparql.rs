//! SPARQL query and update over the store, and result formatting.
//!
//! Owns the predeclared prefixes, the "default graph = union of all graphs"
//! rule (so simple queries see every document without GRAPH), the W3C
//! result formats (through sparesults) and the aligned table for terminals.
//! It does not decide output formats from the command line: the CLI passes
//! them in.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat as OxFormat, RdfSerializer};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter, SparqlEvaluator};

use super::syntax::{check_shape, syntax_error, Grammar};
use super::{iri, term_value, Store, StoreError};

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// Aligned columns for people (SELECT, ASK).
    Table,
    Csv,
    Tsv,
    /// SPARQL results JSON (SELECT, ASK) or JSON-LD (CONSTRUCT, DESCRIBE).
    Json,
    Xml,
    Turtle,
    NTriples,
}

impl ResultFormat {
    /// Parses a `--format` value.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "table" => ResultFormat::Table,
            "csv" => ResultFormat::Csv,
            "tsv" => ResultFormat::Tsv,
            "json" | "jsonld" | "json-ld" => ResultFormat::Json,
            "xml" => ResultFormat::Xml,
            "ttl" | "turtle" => ResultFormat::Turtle,
            "nt" | "ntriples" | "n-triples" => ResultFormat::NTriples,
            _ => return None,
        })
    }
}

/// Variable names and rows of a SELECT, terms in N-Triples syntax (`None`: unbound).
pub type SelectRows = (Vec<String>, Vec<Vec<Option<String>>>);

/// What kind of query ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKind {
    Select { rows: usize },
    Ask(bool),
    Graph { triples: usize },
}

/// Longest cell printed in a table; longer values end with `…`.
const MAX_CELL: usize = 80;

pub(super) fn query_to_writer(
    store: &Store,
    query: &str,
    format: Option<ResultFormat>,
    tty: bool,
    out: &mut dyn Write,
) -> Result<QueryKind, StoreError> {
    let results = run_query(store, query)?;
    let tabular = format.unwrap_or(if tty { ResultFormat::Table } else { ResultFormat::Csv });
    match results {
        QueryResults::Solutions(solutions) => write_solutions(solutions, tabular, out),
        QueryResults::Boolean(value) => {
            match tabular_format(tabular, "ASK")? {
                None => writeln!(out, "{value}").map_err(StoreError::Output)?,
                Some(format) => {
                    QueryResultsSerializer::from_format(format)
                        .serialize_boolean_to_writer(&mut *out, value)
                        .map_err(StoreError::Output)?;
                    // CSV/TSV booleans are a bare word: end the line for shells.
                    if matches!(format, QueryResultsFormat::Csv | QueryResultsFormat::Tsv) {
                        writeln!(out).map_err(StoreError::Output)?;
                    }
                }
            }
            Ok(QueryKind::Ask(value))
        }
        QueryResults::Graph(triples) => {
            let rdf_format = match format.unwrap_or(ResultFormat::Turtle) {
                ResultFormat::Turtle => OxFormat::Turtle,
                ResultFormat::NTriples => OxFormat::NTriples,
                ResultFormat::Json => OxFormat::JsonLd { profile: JsonLdProfileSet::empty() },
                other => {
                    return Err(StoreError::UnsupportedFormat(format!(
                        "CONSTRUCT and DESCRIBE return RDF, which cannot be written as {other:?}; use --format turtle, nt or json (JSON-LD)"
                    )))
                }
            };
            let mut writer = rdf_serializer(rdf_format)?.for_writer(&mut *out);
            let mut count = 0;
            for triple in triples {
                let triple = triple.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                writer.serialize_triple(&triple).map_err(StoreError::Output)?;
                count += 1;
            }
            writer.finish().map_err(StoreError::Output)?;
            Ok(QueryKind::Graph { triples: count })
        }
    }
}

pub(super) fn select(store: &Store, query: &str) -> Result<SelectRows, StoreError> {
    match run_query(store, query)? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().iter().map(|v| v.as_str().to_string()).collect();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(|e| StoreError::Evaluation(e.to_string()))?;
                rows.push(
                    solution
                        .values()
                        .iter()
                        .map(|value| value.as_ref().map(ToString::to_string))
                        .collect(),
                );
            }
            Ok((variables, rows))
        }
        _ => Err(StoreError::UnsupportedFormat("expected a SELECT query".to_string())),
    }
}

/// Runs a CONSTRUCT (or DESCRIBE) and returns its triples.
pub(super) fn construct(store: &Store, query: &str) -> Result<Vec<Triple>, StoreError> {
    match run_query(store, query)? {
        QueryResults::Graph(triples) => triples
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Evaluation(e.to_string())),
        _ => Err(StoreError::UnsupportedFormat(
            "the selection query must be a CONSTRUCT (or DESCRIBE) query".to_string(),
        )),
    }
}

pub(super) fn update(store: &Store, update: &str) -> Result<(), StoreError> {
    check_shape(update, Grammar::Update)?;
    let mut prepared = evaluator()?
        .parse_update(update)
        .map_err(|e| syntax_error(e, update, Grammar::Update))?;
    for dataset in prepared.using_datasets_mut() {
        if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
    }
    let mut transaction = store.db.start_transaction().map_err(|e| store.error(&e))?;
    prepared
        .on_transaction(&mut transaction)
        .execute()
        .map_err(|e| StoreError::Evaluation(e.to_string()))?;
    // An update may change any document: claims are rebuilt from them all.
    super::claims::recompute_all(&mut transaction).map_err(|e| store.error(&e))?;
    transaction.commit().map_err(|e| store.error(&e))
}

fn run_query(store: &Store, query: &str) -> Result<QueryResults<'static>, StoreError> {
    check_shape(query, Grammar::Query)?;
    let mut prepared = evaluator()?
        .parse_query(query)
        .map_err(|e| syntax_error(e, query, Grammar::Query))?;
    // Data lives in one graph per document: without FROM, query them all.
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
        .on_store(&store.db)
        .execute()
        .map_err(|e| StoreError::Evaluation(e.to_string()))
}

/// A SPARQL parser with the store's predeclared prefixes (the same as [`evaluator`]'s).
pub(super) fn parser() -> Result<spargebra::SparqlParser, StoreError> {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, namespace) in iri::PREFIXES {
        parser = parser
            .with_prefix(prefix, namespace)
            .map_err(|e| StoreError::Evaluation(e.to_string()))?;
    }
    Ok(parser)
}

pub(super) fn evaluator() -> Result<SparqlEvaluator, StoreError> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in iri::PREFIXES {
        evaluator = evaluator
            .with_prefix(prefix, namespace)
            .map_err(|e| StoreError::Evaluation(e.to_string()))?;
    }
    Ok(evaluator)
}

/// The sparesults format for a tabular choice, or None for the table.
fn tabular_format(format: ResultFormat, kind: &str) -> Result<Option<QueryResultsFormat>, StoreError> {
    Ok(Some(match format {
        ResultFormat::Table => return Ok(None),
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        ResultFormat::Json => QueryResultsFormat::Json,
        ResultFormat::Xml => QueryResultsFormat::Xml,
        other => {
            return Err(StoreError::UnsupportedFormat(format!(
                "{kind} results are a table, which cannot be written as {other:?}; use --format table, csv, tsv, json or xml"
            )))
        }
    }))
}

fn write_solutions(
    solutions: QuerySolutionIter<'static>,
    format: ResultFormat,
    out: &mut dyn Write,
) -> Result<QueryKind, StoreError> {
    let variables = solutions.variables().to_vec();
    let evaluation = |e: oxigraph::sparql::QueryEvaluationError| StoreError::Evaluation(e.to_string());
    let Some(format) = tabular_format(format, "SELECT")? else {
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(evaluation)?;
            rows.push(
                solution
                    .values()
                    .iter()
                    .map(|v| v.as_ref().map(display_term).unwrap_or_default())
                    .collect(),
            );
        }
        let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
        write_table(&header, &rows, out).map_err(StoreError::Output)?;
        return Ok(QueryKind::Select { rows: rows.len() });
    };
    let mut serializer = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(&mut *out, variables)
        .map_err(StoreError::Output)?;
    let mut count = 0;
    for solution in solutions {
        let solution = solution.map_err(evaluation)?;
        serializer.serialize(&solution).map_err(StoreError::Output)?;
        count += 1;
    }
    serializer.finish().map_err(StoreError::Output)?;
    Ok(QueryKind::Select { rows: count })
}

/// A term as people read it: prefixed IRIs, bare strings and numbers.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => {
            let compact = iri::compact(node.as_str());
            compact
                .strip_prefix('<')
                .and_then(|c| c.strip_suffix('>'))
                .map_or(compact.clone(), str::to_string)
        }
        Term::BlankNode(node) => format!("_:{}", node.as_str()),
        Term::Literal(literal) => match literal.language() {
            Some(language) => format!("{}@{language}", literal.value()),
            None => literal.value().to_string(),
        },
        #[allow(unreachable_patterns)]
        other => term_value(other),
    }
}

/// Writes rows as aligned columns under an underlined header.
pub fn write_table(header: &[String], rows: &[Vec<String>], out: &mut dyn Write) -> std::io::Result<()> {
    let clip = |cell: &str| -> String {
        let single_line: String = cell.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        if single_line.chars().count() > MAX_CELL {
            let mut clipped: String = single_line.chars().take(MAX_CELL - 1).collect();
            clipped.push('…');
            clipped
        } else {
            single_line
        }
    };
    let header: Vec<String> = header.iter().map(|h| clip(h)).collect();
    let rows: Vec<Vec<String>> = rows.iter().map(|row| row.iter().map(|c| clip(c)).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&header, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(&rule, out)?;
    for row in &rows {
        line(row, out)?;
    }
    Ok(())
}

/// A serializer for CONSTRUCT and DESCRIBE results; Turtle gets the
/// ontology's prefixes, as `trame query` and the SPARQL endpoint both write it.
pub(super) fn rdf_serializer(format: OxFormat) -> Result<RdfSerializer, StoreError> {
    let mut serializer = RdfSerializer::from_format(format);
    if format == OxFormat::Turtle {
        for (prefix, namespace) in iri::PREFIXES {
            serializer = serializer
                .with_prefix(prefix, namespace)
                .map_err(|e| StoreError::Evaluation(e.to_string()))?;
        }
    }
    Ok(serializer)
}
