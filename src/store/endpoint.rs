//! SPARQL for the HTTP endpoint of `trame serve`: a query parsed with the
//! store's prefixes, its dataset set from the protocol's parameters, run
//! with a cancellation flag and a deadline, and its results streamed in a
//! W3C format with an optional row cap.
//!
//! Owns nothing of HTTP: the server passes text, graph IRIs, a format and
//! a writer. Shares the predeclared prefixes, the "default graph = union of
//! all graphs" rule and the parser's messages with `sparql.rs`. It never
//! writes: updates are only recognised, so that the server can refuse them.
//! No query can reach the network: a query that holds `SERVICE` anywhere
//! (SILENT or not, in a subquery, an `EXISTS` filter, `OPTIONAL`, `UNION`,
//! `MINUS`, `GRAPH`…) is refused with [`StoreError::Refused`] before it is
//! evaluated, by a walk over its parsed algebra; as a second guard, this
//! build of Oxigraph has no HTTP client and a `SERVICE` the evaluator meets
//! is refused too.

use std::io::Write;
use std::time::Instant;

use oxigraph::io::{JsonLdProfileSet, RdfFormat as OxFormat};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults};
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern, OrderExpression};
use spargebra::term::NamedNodePattern;

use super::sparql::{evaluator, parser};
use super::syntax::{syntax_error, Grammar};
use super::{Store, StoreError};

/// A flag that stops a running query at its next step. Clones share the flag,
/// so a timer can hold one while the query runs with another.
#[derive(Clone, Default)]
pub struct Cancel(CancellationToken);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel(CancellationToken::new())
    }

    /// Asks the query to stop; it does so at its next step and fails with [`StoreError::Cancelled`].
    pub fn cancel(&self) {
        self.0.cancel();
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.is_cancelled()
    }
}

/// What a query returns, known once it has started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// SELECT: a table.
    Solutions,
    /// ASK: true or false.
    Boolean,
    /// CONSTRUCT or DESCRIBE: RDF triples.
    Graph,
}

/// The formats the endpoint writes: the W3C results formats for SELECT and
/// ASK, RDF syntaxes for CONSTRUCT and DESCRIBE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireFormat {
    ResultsJson,
    ResultsXml,
    ResultsCsv,
    ResultsTsv,
    Turtle,
    NTriples,
    JsonLd,
}

impl WireFormat {
    /// Every format, results formats first, each family in order of preference.
    pub const ALL: [WireFormat; 7] = [
        WireFormat::ResultsJson,
        WireFormat::ResultsXml,
        WireFormat::ResultsCsv,
        WireFormat::ResultsTsv,
        WireFormat::Turtle,
        WireFormat::NTriples,
        WireFormat::JsonLd,
    ];

    /// The media type written in `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            WireFormat::ResultsJson => "application/sparql-results+json",
            WireFormat::ResultsXml => "application/sparql-results+xml",
            WireFormat::ResultsCsv => "text/csv; charset=utf-8",
            WireFormat::ResultsTsv => "text/tab-separated-values; charset=utf-8",
            WireFormat::Turtle => "text/turtle",
            WireFormat::NTriples => "application/n-triples",
            WireFormat::JsonLd => "application/ld+json",
        }
    }

    /// Other media types accepted for the same format in `Accept`.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            WireFormat::ResultsJson => &["application/json"],
            WireFormat::ResultsXml => &["application/xml", "text/xml"],
            WireFormat::ResultsCsv => &["text/csv"],
            WireFormat::ResultsTsv => &["text/tab-separated-values"],
            WireFormat::Turtle => &["application/x-turtle"],
            WireFormat::NTriples => &["text/plain"],
            WireFormat::JsonLd => &[],
        }
    }

    /// Whether this format writes RDF (for CONSTRUCT and DESCRIBE) rather than results.
    pub fn writes_graphs(self) -> bool {
        matches!(self, WireFormat::Turtle | WireFormat::NTriples | WireFormat::JsonLd)
    }

    /// Whether results of this shape can be written in this format.
    pub fn fits(self, shape: Shape) -> bool {
        self.writes_graphs() == (shape == Shape::Graph)
    }
}

/// A parsed query, ready to start.
pub struct EndpointQuery {
    prepared: PreparedSparqlQuery,
    cancel: Cancel,
}

/// A query that has started: its results are pulled as they are written.
pub struct RunningQuery {
    results: QueryResults<'static>,
    cancel: Cancel,
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Rows (SELECT), triples (CONSTRUCT, DESCRIBE) or 1 (ASK).
    pub count: usize,
    /// Whether the row cap stopped the output early.
    pub truncated: bool,
}

/// Whether `text` parses as a SPARQL update of at least one operation
/// (with the store's prefixes); an empty text is no update, but an empty query.
pub fn is_update(text: &str) -> bool {
    super::syntax::check_shape(text, super::syntax::Grammar::Update).is_ok()
        && parser().is_ok_and(|p| p.parse_update(text).is_ok_and(|update| !update.operations.is_empty()))
}

impl Store {
    /// Parses a query for the endpoint. `default_graphs` and `named_graphs`
    /// are the protocol's `default-graph-uri` and `named-graph-uri`: when
    /// either is given they replace the query's own FROM and FROM NAMED;
    /// otherwise a query without FROM sees the union of every graph.
    ///
    /// Errors: [`StoreError::Query`] with the parser's message, line and
    /// column; [`StoreError::Query`] too for a graph IRI that is not an IRI.
    pub fn prepare_endpoint_query(
        &self,
        text: &str,
        default_graphs: &[String],
        named_graphs: &[String],
        cancel: &Cancel,
    ) -> Result<EndpointQuery, StoreError> {
        super::syntax::check_shape(text, Grammar::Query)?;
        let parsed = parser()?
            .parse_query(text)
            .map_err(|e| syntax_error(e, text, Grammar::Query))?;
        if let Some(service) = first_service(&parsed) {
            return Err(StoreError::Refused(format!(
                "SERVICE {service} is refused: this endpoint makes no outgoing requests \
                 (SERVICE SILENT and SERVICE inside OPTIONAL, UNION, subqueries or filters too); \
                 query the other endpoint directly"
            )));
        }
        let mut prepared = evaluator()?.with_cancellation_token(cancel.0.clone()).for_query(parsed);
        let node = |text: &String, parameter: &str| {
            NamedNode::new(text.as_str()).map_err(|e| {
                // A protocol parameter, not the query text: no line or column.
                StoreError::Refused(format!(
                    "the parameter {parameter} {text:?} is not an absolute IRI ({e}); give one like https://w3id.org/trame/doc/…"
                ))
            })
        };
        if !default_graphs.is_empty() || !named_graphs.is_empty() {
            let defaults = default_graphs
                .iter()
                .map(|g| node(g, "default-graph-uri").map(GraphName::from))
                .collect::<Result<Vec<_>, _>>()?;
            let named = named_graphs
                .iter()
                .map(|g| node(g, "named-graph-uri").map(NamedOrBlankNode::from))
                .collect::<Result<Vec<_>, _>>()?;
            prepared.dataset_mut().set_default_graph(defaults);
            prepared.dataset_mut().set_available_named_graphs(named);
        } else if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(EndpointQuery {
            prepared,
            cancel: cancel.clone(),
        })
    }

    /// Starts a parsed query. SELECT and CONSTRUCT results are computed as
    /// they are pulled by [`RunningQuery::write`]; ASK is answered here.
    pub fn start_endpoint_query(&self, query: EndpointQuery) -> Result<RunningQuery, StoreError> {
        let results = super::guard_engine(|| query.prepared.on_store(&self.db).execute().map_err(evaluation_error))?;
        Ok(RunningQuery {
            results,
            cancel: query.cancel,
        })
    }
}

impl RunningQuery {
    pub fn shape(&self) -> Shape {
        match self.results {
            QueryResults::Solutions(_) => Shape::Solutions,
            QueryResults::Boolean(_) => Shape::Boolean,
            QueryResults::Graph(_) => Shape::Graph,
        }
    }

    /// Writes the results in `format` (which must fit [`RunningQuery::shape`]),
    /// at most `max_rows` rows or triples when given. Stops with
    /// [`StoreError::Cancelled`] once `deadline` has passed or the query's
    /// [`Cancel`] is set, checking before every row; stops with
    /// [`StoreError::Output`] when `out` fails (the client went away).
    /// A panic inside the query engine while results are pulled (see
    /// [`super::guard_engine`]) gives [`StoreError::Engine`].
    pub fn write(
        self,
        format: WireFormat,
        deadline: Instant,
        max_rows: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<Written, StoreError> {
        super::guard_engine(|| self.write_unguarded(format, deadline, max_rows, out))
    }

    fn write_unguarded(
        self,
        format: WireFormat,
        deadline: Instant,
        max_rows: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<Written, StoreError> {
        let shape = self.shape();
        if !format.fits(shape) {
            return Err(StoreError::UnsupportedFormat(format!(
                "{shape:?} results cannot be written as {}",
                format.media_type()
            )));
        }
        let cancel = self.cancel;
        let check = || {
            if cancel.is_cancelled() || Instant::now() >= deadline {
                cancel.cancel();
                Err(StoreError::Cancelled)
            } else {
                Ok(())
            }
        };
        let limit = max_rows.unwrap_or(usize::MAX);
        match self.results {
            QueryResults::Boolean(value) => {
                let format = results_format(format);
                QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(&mut *out, value)
                    .map_err(StoreError::Output)?;
                Ok(Written {
                    count: 1,
                    truncated: false,
                })
            }
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut serializer = QueryResultsSerializer::from_format(results_format(format))
                    .serialize_solutions_to_writer(&mut *out, variables)
                    .map_err(StoreError::Output)?;
                let mut count = 0;
                let mut truncated = false;
                for solution in solutions {
                    check()?;
                    let solution = solution.map_err(evaluation_error)?;
                    if count == limit {
                        truncated = true;
                        cancel.cancel();
                        break;
                    }
                    serializer.serialize(&solution).map_err(StoreError::Output)?;
                    count += 1;
                }
                serializer.finish().map_err(StoreError::Output)?;
                Ok(Written { count, truncated })
            }
            QueryResults::Graph(triples) => {
                let rdf_format = match format {
                    WireFormat::Turtle => OxFormat::Turtle,
                    WireFormat::NTriples => OxFormat::NTriples,
                    _ => OxFormat::JsonLd {
                        profile: JsonLdProfileSet::empty(),
                    },
                };
                let mut writer = super::sparql::rdf_serializer(rdf_format)?.for_writer(&mut *out);
                let mut count = 0;
                let mut truncated = false;
                for triple in triples {
                    check()?;
                    let triple = triple.map_err(evaluation_error)?;
                    if count == limit {
                        truncated = true;
                        cancel.cancel();
                        break;
                    }
                    writer.serialize_triple(&triple).map_err(StoreError::Output)?;
                    count += 1;
                }
                writer.finish().map_err(StoreError::Output)?;
                Ok(Written { count, truncated })
            }
        }
    }
}

/// The endpoint of the first `SERVICE` anywhere in `query` (`?var` for a
/// variable one, with ` SILENT` when silent), or None when it has none.
pub fn first_service(query: &spargebra::Query) -> Option<String> {
    let pattern = match query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    };
    service_in_pattern(pattern)
}

fn service_in_pattern(pattern: &GraphPattern) -> Option<String> {
    match pattern {
        GraphPattern::Service { name, silent, .. } => {
            let name = match name {
                NamedNodePattern::NamedNode(node) => node.to_string(),
                NamedNodePattern::Variable(variable) => variable.to_string(),
            };
            Some(if *silent { format!("SILENT {name}") } else { name })
        }
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => None,
        GraphPattern::Join { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right }
        | GraphPattern::Lateral { left, right } => service_in_pattern(left).or_else(|| service_in_pattern(right)),
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => service_in_pattern(left)
            .or_else(|| service_in_pattern(right))
            .or_else(|| expression.as_ref().and_then(service_in_expression)),
        GraphPattern::Filter { expr, inner } => service_in_expression(expr).or_else(|| service_in_pattern(inner)),
        GraphPattern::Extend { inner, expression, .. } => {
            service_in_pattern(inner).or_else(|| service_in_expression(expression))
        }
        GraphPattern::OrderBy { inner, expression } => service_in_pattern(inner).or_else(|| {
            expression.iter().find_map(|order| match order {
                OrderExpression::Asc(e) | OrderExpression::Desc(e) => service_in_expression(e),
            })
        }),
        GraphPattern::Group { inner, aggregates, .. } => service_in_pattern(inner).or_else(|| {
            aggregates.iter().find_map(|(_, aggregate)| match aggregate {
                AggregateExpression::CountSolutions { .. } => None,
                AggregateExpression::FunctionCall { expr, .. } => service_in_expression(expr),
            })
        }),
        GraphPattern::Graph { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. } => service_in_pattern(inner),
    }
}

fn service_in_expression(expression: &Expression) -> Option<String> {
    match expression {
        Expression::Exists(pattern) => service_in_pattern(pattern),
        Expression::Or(a, b)
        | Expression::And(a, b)
        | Expression::Equal(a, b)
        | Expression::SameTerm(a, b)
        | Expression::Greater(a, b)
        | Expression::GreaterOrEqual(a, b)
        | Expression::Less(a, b)
        | Expression::LessOrEqual(a, b)
        | Expression::Add(a, b)
        | Expression::Subtract(a, b)
        | Expression::Multiply(a, b)
        | Expression::Divide(a, b) => service_in_expression(a).or_else(|| service_in_expression(b)),
        Expression::In(a, list) => service_in_expression(a).or_else(|| list.iter().find_map(service_in_expression)),
        Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => service_in_expression(a),
        Expression::If(a, b, c) => service_in_expression(a)
            .or_else(|| service_in_expression(b))
            .or_else(|| service_in_expression(c)),
        Expression::Coalesce(list) | Expression::FunctionCall(_, list) => list.iter().find_map(service_in_expression),
        Expression::NamedNode(_) | Expression::Literal(_) | Expression::Variable(_) | Expression::Bound(_) => None,
    }
}

fn results_format(format: WireFormat) -> QueryResultsFormat {
    match format {
        WireFormat::ResultsXml => QueryResultsFormat::Xml,
        WireFormat::ResultsCsv => QueryResultsFormat::Csv,
        WireFormat::ResultsTsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

/// Cancellation and refused `SERVICE` calls get their own errors.
fn evaluation_error(error: QueryEvaluationError) -> StoreError {
    match error {
        QueryEvaluationError::Cancelled => StoreError::Cancelled,
        QueryEvaluationError::Service(_)
        | QueryEvaluationError::UnsupportedService(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_) => StoreError::Refused(format!(
            "{error}: SERVICE is refused, the endpoint makes no outgoing requests"
        )),
        other => StoreError::Evaluation(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        let store = Store::in_memory().unwrap();
        store
            .update(
                "INSERT DATA { GRAPH <urn:g:1> { <urn:a> <urn:p> \"un\" , \"deux\" , \"trois\" } \
                 GRAPH <urn:g:2> { <urn:b> <urn:p> \"quatre\" } }",
            )
            .unwrap();
        store
    }

    fn run(
        store: &Store,
        text: &str,
        format: WireFormat,
        max_rows: Option<usize>,
        graphs: (&[String], &[String]),
    ) -> Result<(String, Written), StoreError> {
        let cancel = Cancel::new();
        let query = store.prepare_endpoint_query(text, graphs.0, graphs.1, &cancel)?;
        let running = store.start_endpoint_query(query)?;
        let mut out = Vec::new();
        let deadline = Instant::now() + std::time::Duration::from_secs(30);
        let written = running.write(format, deadline, max_rows, &mut out)?;
        Ok((String::from_utf8(out).unwrap(), written))
    }

    #[test]
    fn the_union_is_the_default_graph_and_protocol_graphs_replace_it() {
        let store = store();
        let query = "SELECT ?o WHERE { ?s <urn:p> ?o } ORDER BY ?o";
        let (csv, written) = run(&store, query, WireFormat::ResultsCsv, None, (&[], &[])).unwrap();
        assert_eq!(csv, "o\r\ndeux\r\nquatre\r\ntrois\r\nun\r\n");
        assert_eq!(
            written,
            Written {
                count: 4,
                truncated: false
            }
        );
        let (csv, _) = run(
            &store,
            query,
            WireFormat::ResultsCsv,
            None,
            (&["urn:g:2".to_string()], &[]),
        )
        .unwrap();
        assert_eq!(csv, "o\r\nquatre\r\n");
        let named = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        let (csv, _) = run(
            &store,
            named,
            WireFormat::ResultsCsv,
            None,
            (&[], &["urn:g:1".to_string()]),
        )
        .unwrap();
        assert_eq!(csv, "g\r\nurn:g:1\r\n");
        assert!(matches!(
            run(
                &store,
                query,
                WireFormat::ResultsCsv,
                None,
                (&["pas une iri".to_string()], &[])
            ),
            Err(StoreError::Refused(_))
        ));
    }

    #[test]
    fn the_row_cap_truncates_and_a_passed_deadline_cancels() {
        let store = store();
        let query = "SELECT ?o WHERE { ?s <urn:p> ?o }";
        let (_, written) = run(&store, query, WireFormat::ResultsJson, Some(2), (&[], &[])).unwrap();
        assert_eq!(
            written,
            Written {
                count: 2,
                truncated: true
            }
        );
        let cancel = Cancel::new();
        let prepared = store.prepare_endpoint_query(query, &[], &[], &cancel).unwrap();
        let running = store.start_endpoint_query(prepared).unwrap();
        let mut out = Vec::new();
        let result = running.write(WireFormat::ResultsJson, Instant::now(), None, &mut out);
        assert!(matches!(result, Err(StoreError::Cancelled)), "{result:?}");
        assert!(cancel.is_cancelled());
    }

    /// Every place a SERVICE can hide, SILENT or not.
    pub(crate) const SERVICE_SHAPES: &[&str] = &[
        "SELECT * WHERE { SERVICE <http://h/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o SERVICE ?endpoint { ?s ?q ?r } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://h/sparql> { ?s ?q ?r } } }",
        "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } } }",
        "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } } }",
        "SELECT * WHERE { GRAPH ?g { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } } LIMIT 1 } }",
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } } }",
        "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } } }",
        "SELECT (IF(EXISTS { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } }, 1, 0) AS ?x) WHERE { ?s ?p ?o }",
        "ASK { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } }",
        "DESCRIBE ?s WHERE { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } }",
        "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (EXISTS { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } })",
        "SELECT * WHERE { ?s ?p ?o } ORDER BY (EXISTS { SERVICE SILENT <http://h/sparql> { ?s ?p ?o } })",
    ];

    #[test]
    fn service_is_refused_before_evaluation_wherever_it_is() {
        let store = store();
        for query in SERVICE_SHAPES {
            let parsed = parser().unwrap().parse_query(query).unwrap();
            assert!(first_service(&parsed).is_some(), "{query}");
            match store.prepare_endpoint_query(query, &[], &[], &Cancel::new()) {
                Err(StoreError::Refused(message)) => {
                    assert!(message.contains("SERVICE") && message.contains("refused"), "{message}")
                }
                other => panic!("{query}: {:?}", other.err()),
            }
        }
        let silent = store
            .prepare_endpoint_query(SERVICE_SHAPES[1], &[], &[], &Cancel::new())
            .err()
            .unwrap();
        assert!(
            silent
                .to_string()
                .starts_with("SERVICE SILENT <http://h/sparql> is refused"),
            "{silent}"
        );
        // The word in a string or an IRI is no SERVICE.
        for query in [
            "SELECT * WHERE { ?s ?p \"SERVICE SILENT <http://h/>\" }",
            "SELECT * WHERE { <urn:SERVICE> ?p ?o }",
        ] {
            assert!(
                run(&store, query, WireFormat::ResultsJson, None, (&[], &[])).is_ok(),
                "{query}"
            );
        }
    }

    #[test]
    fn shapes_formats_updates_and_syntax_errors() {
        let store = store();
        let cancel = Cancel::new();
        let ask = store
            .prepare_endpoint_query("ASK { ?s ?p \"un\" }", &[], &[], &cancel)
            .unwrap();
        let running = store.start_endpoint_query(ask).unwrap();
        assert_eq!(running.shape(), Shape::Boolean);
        let mut out = Vec::new();
        assert!(running
            .write(WireFormat::Turtle, Instant::now(), None, &mut out)
            .is_err());
        let (ttl, written) = run(
            &store,
            "CONSTRUCT { ?s <urn:q> ?o } WHERE { ?s <urn:p> ?o }",
            WireFormat::NTriples,
            None,
            (&[], &[]),
        )
        .unwrap();
        assert_eq!(written.count, 4);
        assert!(ttl.contains("<urn:a> <urn:q> \"un\" ."), "{ttl}");
        assert!(is_update("INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
        assert!(is_update("LOAD <http://example.org/x>"));
        assert!(!is_update("SELECT * WHERE { ?s ?p ?o }"));
        assert!(!is_update(""));
        assert!(!is_update("PREFIX ex: <http://e/> # nothing"));
        match store.prepare_endpoint_query("SELECT ?s WHERE { ?s ?p }", &[], &[], &cancel) {
            Err(StoreError::Query { line, column, .. }) => assert_eq!((line, column), (1, 25)),
            other => panic!("{:?}", other.err()),
        }
        let result = run(
            &store,
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            WireFormat::ResultsJson,
            None,
            (&[], &[]),
        );
        assert!(matches!(result, Err(StoreError::Refused(_))), "{:?}", result.err());
        // The second guard: a SERVICE that reached the evaluator is refused too.
        let text = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }";
        let unchecked = EndpointQuery {
            prepared: evaluator()
                .unwrap()
                .for_query(parser().unwrap().parse_query(text).unwrap()),
            cancel: Cancel::new(),
        };
        let outcome = store.start_endpoint_query(unchecked).and_then(|running| {
            running.write(
                WireFormat::ResultsJson,
                Instant::now() + std::time::Duration::from_secs(5),
                None,
                &mut Vec::new(),
            )
        });
        match outcome {
            Err(StoreError::Refused(message)) => assert!(message.contains("SERVICE is refused"), "{message}"),
            other => panic!("{other:?}"),
        }
    }
}
