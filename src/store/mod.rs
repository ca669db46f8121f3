//! The RDF store: Oxigraph on disk, one named graph per source document.
//!
//! Owns the data model (how [`crate::facts::Document`]s become triples),
//! the ontology graph, SPARQL query and update, RDF import and export, and
//! the [`snapshot::GraphSnapshot`] that exporters read. This is the only
//! module that imports `oxigraph`; it knows nothing about language models
//! or extraction rules.
//!
//! Layout of a store (see `model.rs` for a document graph):
//! - `<https://w3id.org/trame/doc/<hash16>>`: one graph per document;
//! - `<https://w3id.org/trame/ontology>`: trame.ttl + relations.ttl +
//!   events.ttl, refreshed when a writer opens the store with a different
//!   ontology;
//! - `<https://w3id.org/trame/merge>`: cross-document entity merging
//!   (`owl:sameAs` links and alternative labels), a function of the
//!   document graphs, replaced whole by [`Store::put_merge`];
//! - `<https://w3id.org/trame/claims>`: facts stated by several documents
//!   (see `claims.rs`), rebuilt inside every write that changes documents
//!   or the merge graph;
//! - `<https://w3id.org/trame/store>`: the store format version.
//!
//! Every write is one Oxigraph (RocksDB) transaction, so a process killed
//! at any moment leaves whole documents only.

use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat as OxFormat, RdfParser};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, TermRef};

pub mod claims;
mod endpoint;
pub mod graphs;
pub mod iri;
mod model;
mod rdf;
mod read;
pub mod snapshot;
mod sparql;
mod syntax;
#[cfg(test)]
mod tests;

pub use endpoint::{is_update, Cancel, EndpointQuery, RunningQuery, Shape, WireFormat, Written};
pub use model::{MergeDecisions, NameMention, SameAs};
pub use rdf::{DecideMerge, Loaded, RdfFormat};
pub use read::{
    entities_from_rows, name_candidates_from_rows, ConceptInfo, Count, DocumentInfo, SentenceInfo, Stats, ENTITY_QUERY,
    NAME_CANDIDATE_QUERY,
};
pub use snapshot::GraphSnapshot;
pub use sparql::{write_table, QueryKind, ResultFormat, SelectRows};

/// The store format this build writes and reads. Bump it when the shape
/// of document graphs or entity IRIs changes.
pub const FORMAT_VERSION: u64 = 1;

/// The ontology source files, loaded together into the ontology graph.
pub const ONTOLOGY_TTL: &str = include_str!("../../ontology/trame.ttl");
pub const RELATIONS_TTL: &str = include_str!("../../ontology/relations.ttl");
/// Event types (PLOVER, CAMEO quad classes) and the claim vocabulary.
pub const EVENTS_TTL: &str = include_str!("../../ontology/events.ttl");

/// Errors of the store layer. Messages name the thing and suggest a fix.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", crate::quote::path(.path))]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{} is not a trame store (it is a file or a folder holding other files); pass --store with a new or empty folder", crate::quote::path(.path))]
    NotAStore { path: PathBuf },
    #[error("no store at {}; build one with `trame build FILES --store {}` or pass --store", crate::quote::path(.path), crate::quote::path(.path))]
    Missing { path: PathBuf },
    #[error("the store {} was never finished: a build was stopped while RocksDB created it, before anything was stored; run the build again", crate::quote::path(.path))]
    Unfinished { path: PathBuf },
    #[error(
        "the store {} has format version {found}, newer than this trame supports ({supported}); upgrade trame", crate::quote::path(.path)
    )]
    NewerFormat { path: PathBuf, found: u64, supported: u64 },
    #[error("the store {} is open for writing by another process (a build or update?); wait for it to finish; query, export and stats can read meanwhile", crate::quote::path(.path))]
    Locked { path: PathBuf },
    #[error("the store {} kept changing while it was being opened (a build is writing to it); retry in a moment", crate::quote::path(.path))]
    Changing { path: PathBuf },
    #[error("the disk holding {} is full; free some space and retry (the last write was not applied)", crate::quote::path(.path))]
    DiskFull { path: PathBuf },
    #[error("the store {} was opened read-only; writing needs a read-write opening", crate::quote::path(.path))]
    ReadOnly { path: PathBuf },
    #[error("storage error in {}: {message}", crate::quote::path(.path))]
    Storage { path: PathBuf, message: String },
    #[error("SPARQL syntax error at line {line}, column {column}: {message}")]
    Query { message: String, line: u64, column: u64 },
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(String),
    /// The query engine itself failed (a panic inside Oxigraph, caught).
    #[error("the query engine (Oxigraph) failed on this query: {message}{hint}; the store is unchanged", hint = engine_hint(.message))]
    Engine { message: String },
    #[error("the query was stopped (time limit reached or cancelled)")]
    Cancelled,
    #[error("{0}")]
    Refused(String),
    #[error("{}:{line}:{column}: {message}", crate::quote::path(.path))]
    RdfSyntax {
        path: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    #[error("{0}")]
    UnsupportedFormat(String),
    #[error(
        "no document matches {0:?}; list documents with `trame stats` (give an IRI, a hash prefix or a source path)"
    )]
    UnknownDocument(String),
    #[error("{query:?} matches several documents ({matches}); give more of the hash or the full IRI")]
    AmbiguousDocument { query: String, matches: String },
    #[error("cannot store document {document}: {message} (an extraction bug; please report it)")]
    InvalidDocument { document: String, message: String },
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
}

impl StoreError {
    /// Whether the error comes from what the user typed (exit code 2)
    /// rather than from the store or the system (exit code 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            StoreError::Query { .. }
                | StoreError::Refused(_)
                | StoreError::UnsupportedFormat(_)
                | StoreError::UnknownDocument(_)
                | StoreError::AmbiguousDocument { .. }
        )
    }
}

/// Options for [`Store::snapshot`].
#[derive(Debug, Clone, Default)]
pub struct SnapshotOptions {
    /// Drop relation rows below this confidence.
    pub min_confidence: Option<crate::facts::MinConfidence>,
    /// A SPARQL CONSTRUCT query restricting what is drawn: rows are made
    /// for the entities and statements its triples mention.
    pub construct: Option<String>,
}

/// A trame store on disk.
pub struct Store {
    db: oxigraph::store::Store,
    path: PathBuf,
    read_only: bool,
    /// Documents written since the last flush.
    unflushed: std::sync::atomic::AtomicUsize,
}

/// The ontology graph's quads (trame.ttl and relations.ttl, in graph
/// [`iri::ONTOLOGY_GRAPH`]), parsed from the copies built into the binary.
pub(crate) fn ontology_quads() -> Result<Vec<Quad>, StoreError> {
    let ontology_graph = NamedNode::new_unchecked(iri::ONTOLOGY_GRAPH);
    let mut quads = Vec::new();
    for (name, text) in [
        ("ontology/trame.ttl", ONTOLOGY_TTL),
        ("ontology/relations.ttl", RELATIONS_TTL),
        ("ontology/events.ttl", EVENTS_TTL),
    ] {
        let parser = RdfParser::from_format(OxFormat::Turtle)
            .without_named_graphs()
            .with_default_graph(ontology_graph.as_ref());
        for quad in parser.for_slice(text) {
            quads.push(quad.map_err(|e| StoreError::RdfSyntax {
                path: PathBuf::from(name),
                line: e.location().map_or(0, |l| l.start.line + 1),
                column: e.location().map_or(0, |l| l.start.column + 1),
                message: e.to_string(),
            })?);
        }
    }
    Ok(quads)
}

/// Documents between two flushes of the write-ahead log into tables: keeps
/// the log short, so read-only openings (queries during a build) stay fast.
const FLUSH_EVERY: usize = 16;

/// A writer dropped with documents still in the write-ahead log flushes
/// them (errors are ignored here: the data is safe in the log either way).
impl Drop for Store {
    fn drop(&mut self) {
        if !self.read_only && *self.unflushed.get_mut() > 0 {
            let _ = self.flush();
        }
    }
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating it if
    /// missing, and refreshes the ontology graph if it changed.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        check_folder(path, true)?;
        let db = oxigraph::store::Store::open(path).map_err(|e| storage_error(path, &e))?;
        // Holding the lock now: scraps of a bulk load that was killed before
        // its atomic ingestion are no one's.
        remove_bulk_scraps(path)?;
        let store = Store {
            db,
            path: path.to_path_buf(),
            read_only: false,
            unflushed: Default::default(),
        };
        store.check_format()?;
        store.refresh_ontology()?;
        Ok(store)
    }

    /// Opens an existing store read-only: works while another process
    /// (a build) holds it for writing, and sees what was committed when it
    /// was opened.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        check_folder(path, false)?;
        // RocksDB writes CURRENT last when it creates a store, and nothing
        // can be committed before it exists: a folder without it is a
        // creation that was killed, holding no data (a writer finishes it).
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Unfinished {
                path: path.to_path_buf(),
            });
        }
        let db = open_read_only_retrying(path)?;
        let store = Store {
            db,
            path: path.to_path_buf(),
            read_only: true,
            unflushed: Default::default(),
        };
        store.check_format()?;
        Ok(store)
    }

    /// An in-memory store with the ontology loaded (tests, previews).
    pub fn in_memory() -> Result<Store, StoreError> {
        let db = oxigraph::store::Store::new().map_err(|e| storage_error(Path::new(":memory:"), &e))?;
        let store = Store {
            db,
            path: PathBuf::from(":memory:"),
            read_only: false,
            unflushed: Default::default(),
        };
        store.refresh_ontology()?;
        Ok(store)
    }

    /// An in-memory store without the ontology: a scratch space for
    /// computing derived graphs with the store's own readers.
    fn scratch() -> Result<Store, StoreError> {
        let db = oxigraph::store::Store::new().map_err(|e| storage_error(Path::new(":memory:"), &e))?;
        Ok(Store {
            db,
            path: PathBuf::from(":memory:"),
            read_only: false,
            unflushed: Default::default(),
        })
    }

    /// The folder this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes one document as its own named graph in one transaction,
    /// replacing any graph of the same content and any older graph of the
    /// same source path. Returns the graph IRI.
    pub fn put_document(&self, doc: &crate::facts::Document) -> Result<String, StoreError> {
        self.ensure_writable()?;
        let graph = model::document_graph(doc, &model::now_xsd())?;
        let graph_node = NamedNode::new_unchecked(graph.iri.clone());
        let mut transaction = self.db.start_transaction().map_err(|e| self.error(&e))?;
        let mut replaced = vec![NamedOrBlankNode::from(graph_node.clone())];
        // Standard input has no identity beyond its content.
        if doc.source != "-" {
            let source_path = NamedNode::new_unchecked(iri::term("sourcePath"));
            let source = Literal::new_simple_literal(&doc.source);
            for quad in
                transaction.quads_for_pattern(None, Some(source_path.as_ref()), Some(source.as_ref().into()), None)
            {
                let quad = quad.map_err(|e| self.error(&e))?;
                if let oxigraph::model::GraphName::NamedNode(name) = quad.graph_name {
                    if name.as_str().starts_with(iri::DOC_BASE) {
                        replaced.push(name.into());
                    }
                }
            }
        }
        // Claims of the facts going away and of the facts arriving are rebuilt
        // in the same transaction.
        let mut keys = std::collections::HashSet::new();
        for name in &replaced {
            if let NamedOrBlankNode::NamedNode(node) = name {
                keys.extend(claims::statement_keys(&transaction, node.as_ref()).map_err(|e| self.error(&e))?);
            }
            transaction
                .remove_named_graph(name.as_ref())
                .map_err(|e| self.error(&e))?;
        }
        transaction.insert_named_graph(graph_node.as_ref());
        for quad in &graph.quads {
            transaction.insert(quad);
        }
        keys.extend(claims::statement_keys(&transaction, graph_node.as_ref()).map_err(|e| self.error(&e))?);
        claims::refresh(&mut transaction, &keys).map_err(|e| self.error(&e))?;
        transaction.commit().map_err(|e| self.error(&e))?;
        if self.unflushed.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1 >= FLUSH_EVERY {
            self.flush()?;
        }
        Ok(graph.iri)
    }

    /// Moves committed writes from the write-ahead log into table files.
    /// Not needed for safety (commits are durable), but every write command
    /// ends with it: a reader opening the store replays the log, so an
    /// unflushed log makes every later query pay for the last write (2.5 s
    /// and 270 MB after loading 110,000 quads). `remove_document`,
    /// `update`, `load_rdf` and `put_merge` flush themselves; a writer of
    /// documents calls it at the end (dropping the store also does).
    pub fn flush(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Ok(());
        }
        self.unflushed.store(0, std::sync::atomic::Ordering::Relaxed);
        self.db.flush().map_err(|e| self.error(&e))
    }

    /// Removes the documents matching `doc`: a document IRI, a prefix of
    /// its content hash (4 hex digits at least) or its source path. All
    /// matches go in one transaction. Returns the removed documents.
    pub fn remove_document(&self, doc: &str) -> Result<Vec<DocumentInfo>, StoreError> {
        self.ensure_writable()?;
        let matches = self.find_documents(doc)?;
        let mut transaction = self.db.start_transaction().map_err(|e| self.error(&e))?;
        let mut keys = std::collections::HashSet::new();
        for info in &matches {
            let name = NamedNode::new_unchecked(info.iri.clone());
            keys.extend(claims::statement_keys(&transaction, name.as_ref()).map_err(|e| self.error(&e))?);
            transaction
                .remove_named_graph(name.as_ref())
                .map_err(|e| self.error(&e))?;
        }
        claims::refresh(&mut transaction, &keys).map_err(|e| self.error(&e))?;
        transaction.commit().map_err(|e| self.error(&e))?;
        self.flush()?;
        Ok(matches)
    }

    /// The documents matching `query` (see [`Store::remove_document`]).
    pub fn find_documents(&self, query: &str) -> Result<Vec<DocumentInfo>, StoreError> {
        let documents = self.documents()?;
        let query = query.trim();
        let is_hash = query.len() >= 4 && query.chars().all(|c| c.is_ascii_hexdigit());
        let matches: Vec<DocumentInfo> = documents
            .into_iter()
            .filter(|info| {
                info.iri == query
                    || info.source == query
                    || (is_hash && info.content_hash.starts_with(&query.to_ascii_lowercase()))
            })
            .collect();
        match matches.len() {
            0 => Err(StoreError::UnknownDocument(query.to_string())),
            1 => Ok(matches),
            _ if is_hash && matches.iter().all(|m| m.source != query) => Err(StoreError::AmbiguousDocument {
                query: query.to_string(),
                matches: matches.iter().map(|m| m.source.as_str()).collect::<Vec<_>>().join(", "),
            }),
            _ => Ok(matches),
        }
    }

    /// Every document graph with its metadata, sorted by source path then IRI.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>, StoreError> {
        read::documents(self)
    }

    /// Every concept node of the document graphs (label, head noun,
    /// document, the entity it names), sorted by IRI.
    pub fn concepts(&self) -> Result<Vec<ConceptInfo>, StoreError> {
        read::concepts(self)
    }

    /// The sentences of one document (its IRI), in text order; empty for an unknown IRI.
    pub fn sentences(&self, doc: &str) -> Result<Vec<SentenceInfo>, StoreError> {
        read::sentences(self, doc)
    }

    /// Every entity the document graphs describe, with its IRI, sorted by
    /// IRI: the input of cross-document merging. The merge graph is not
    /// read, so the result depends on the documents only.
    pub fn known_entities(&self) -> Result<Vec<(String, crate::facts::KnownEntity)>, StoreError> {
        read::known_entities(self)
    }

    /// Every name candidate of the document graphs (names a document alone
    /// made no entity of), with its IRI, sorted by IRI: the other input of
    /// the reduce step. The merge graph is not read.
    pub fn name_candidates(&self) -> Result<Vec<(String, crate::facts::CandidateName)>, StoreError> {
        read::name_candidates(self)
    }

    /// Recomputes the merge graph ([`iri::MERGE_GRAPH`]) with `decide` over
    /// every entity and name candidate of the document graphs, and the
    /// claims graph with it, then writes what changed in one transaction
    /// and flushes. The decisions and claims are made in a scratch
    /// in-memory copy of the documents (as [`Store::load_rdf`] makes
    /// them), so the store is written once. Returns how many entities were
    /// read and the decisions.
    pub fn remerge(&self, decide: DecideMerge<'_>) -> Result<(usize, MergeDecisions), StoreError> {
        self.ensure_writable()?;
        let derived = rdf::remerge(self, decide)?;
        self.flush()?;
        Ok((derived.entities, derived.decisions))
    }

    /// Replaces the merge graph with these decisions (links, alternative
    /// labels, resolved name candidates) and rebuilds the claims graph with
    /// them, as [`Store::remerge`] does. Returns the number of merge quads.
    pub fn put_merge(&self, decisions: &MergeDecisions) -> Result<usize, StoreError> {
        self.ensure_writable()?;
        let derived = rdf::remerge(self, &|_, _| decisions.clone())?;
        self.flush()?;
        Ok(derived.merge.len())
    }

    /// Plain rows for exporters; see [`SnapshotOptions`].
    pub fn snapshot(&self, options: &SnapshotOptions) -> Result<GraphSnapshot, StoreError> {
        guard_engine(|| read::snapshot(self, options))
    }

    /// Counts for `trame stats`; `top` is how many entities to rank by degree.
    pub fn stats(&self, top: usize) -> Result<Stats, StoreError> {
        read::stats(self, top)
    }

    /// Runs a SPARQL query and writes its results to `out`.
    /// `format` None picks a table on a terminal (`tty`), CSV otherwise,
    /// and Turtle for CONSTRUCT/DESCRIBE.
    pub fn query_to_writer(
        &self,
        query: &str,
        format: Option<ResultFormat>,
        tty: bool,
        out: &mut dyn Write,
    ) -> Result<QueryKind, StoreError> {
        guard_engine(|| sparql::query_to_writer(self, query, format, tty, out))
    }

    /// Runs a SPARQL SELECT and returns its rows as N-Triples-style strings
    /// (`None` for unbound), with the variable names.
    pub fn select(&self, query: &str) -> Result<SelectRows, StoreError> {
        guard_engine(|| sparql::select(self, query))
    }

    /// Runs a SPARQL update in one transaction.
    pub fn update(&self, update: &str) -> Result<(), StoreError> {
        self.ensure_writable()?;
        sparql::update(self, update)?;
        self.flush()
    }

    /// Writes every graph except store metadata. Turtle and N-Triples
    /// cannot name graphs, so they get the union of all triples.
    pub fn write_rdf(&self, format: RdfFormat, out: &mut dyn Write) -> Result<(), StoreError> {
        rdf::write(self, format, out)
    }

    /// Loads RDF files (format from each extension, `.gz` for gzip) as one
    /// write, with the merge graph (decided by `decide` over the entities of
    /// every document graph the store will hold) and the claims graph
    /// recomputed in the same write; see [`Loaded`]. Triples of graph-less
    /// formats go to `graph` when given, else to the default graph. A
    /// document graph in a file replaces the stored graph of that name.
    /// Quads of the graphs the store manages itself (ontology, metadata,
    /// merge, claims) are skipped. Nothing is written when any file fails
    /// to parse; the write is flushed.
    ///
    /// Into a store that holds no document yet, the write goes through
    /// Oxigraph's bulk loader (one atomic ingestion of sorted table files,
    /// about 4 times faster than a transaction); otherwise through one
    /// transaction. Memory: the parsed quads and the documents the store
    /// will hold (for merging and claims) are held at once.
    pub fn load_rdf(
        &self,
        files: &[&Path],
        graph: Option<&str>,
        decide: DecideMerge<'_>,
    ) -> Result<Loaded, StoreError> {
        self.ensure_writable()?;
        let loaded = rdf::load(self, files, graph, decide)?;
        self.flush()?;
        Ok(loaded)
    }

    /// Every predicate and class used in document graphs (including the
    /// predicates of statement nodes) that the ontology graph does not
    /// declare. Empty when extraction and ontology agree.
    pub fn undeclared_terms(&self) -> Result<Vec<String>, StoreError> {
        read::undeclared_terms(self)
    }

    /// How many quads the store holds (all graphs).
    pub fn len(&self) -> Result<usize, StoreError> {
        self.db.len().map_err(|e| self.error(&e))
    }

    /// Whether the store holds no quad at all.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    fn ensure_writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            Err(StoreError::ReadOnly {
                path: self.path.clone(),
            })
        } else {
            Ok(())
        }
    }

    fn error(&self, error: &dyn std::fmt::Display) -> StoreError {
        storage_error(&self.path, error)
    }

    /// Refuses stores written by a newer trame.
    fn check_format(&self) -> Result<(), StoreError> {
        if let Some(found) = self.meta_value("formatVersion")?.and_then(|v| v.parse::<u64>().ok()) {
            if found > FORMAT_VERSION {
                return Err(StoreError::NewerFormat {
                    path: self.path.clone(),
                    found,
                    supported: FORMAT_VERSION,
                });
            }
        }
        Ok(())
    }

    /// The value of `trame:<local>` on the store node, if set.
    fn meta_value(&self, local: &str) -> Result<Option<String>, StoreError> {
        let store_node = NamedNode::new_unchecked(iri::STORE_NODE);
        let predicate = NamedNode::new_unchecked(iri::term(local));
        let graph = NamedNode::new_unchecked(iri::META_GRAPH);
        let mut quads = self.db.quads_for_pattern(
            Some(store_node.as_ref().into()),
            Some(predicate.as_ref()),
            None,
            Some(graph.as_ref().into()),
        );
        match quads.next() {
            Some(Ok(quad)) => Ok(Some(term_value(&quad.object))),
            Some(Err(e)) => Err(self.error(&e)),
            None => Ok(None),
        }
    }

    /// (Re)writes the ontology graph and store metadata when they differ
    /// from this build's, in one transaction.
    fn refresh_ontology(&self) -> Result<(), StoreError> {
        let hash = iri::sha256_hex(&format!("{ONTOLOGY_TTL}\n{RELATIONS_TTL}\n{EVENTS_TTL}"));
        let version = self.meta_value("formatVersion")?;
        if self.meta_value("ontologyHash")?.as_deref() == Some(hash.as_str())
            && version.as_deref() == Some(FORMAT_VERSION.to_string().as_str())
        {
            return Ok(());
        }
        let ontology_graph = NamedNode::new_unchecked(iri::ONTOLOGY_GRAPH);
        let meta_graph = NamedNode::new_unchecked(iri::META_GRAPH);
        let store_node = NamedNode::new_unchecked(iri::STORE_NODE);
        let ontology = ontology_quads()?;
        let mut transaction = self.db.start_transaction().map_err(|e| self.error(&e))?;
        transaction
            .clear_graph(ontology_graph.as_ref())
            .map_err(|e| self.error(&e))?;
        transaction
            .clear_graph(meta_graph.as_ref())
            .map_err(|e| self.error(&e))?;
        for quad in &ontology {
            transaction.insert(quad);
        }
        let meta = |local: &str, value: Literal| {
            Quad::new(
                store_node.clone(),
                NamedNode::new_unchecked(iri::term(local)),
                value,
                meta_graph.clone(),
            )
        };
        transaction.insert(&Quad::new(
            store_node.clone(),
            oxigraph::model::vocab::rdf::TYPE,
            NamedNode::new_unchecked(iri::term("Store")),
            meta_graph.clone(),
        ));
        transaction.insert(&meta(
            "formatVersion",
            Literal::new_typed_literal(FORMAT_VERSION.to_string(), xsd::INTEGER),
        ));
        transaction.insert(&meta("ontologyHash", Literal::new_simple_literal(hash)));
        transaction.commit().map_err(|e| self.error(&e))
    }

    /// All quads of one graph (`None`: every graph).
    fn quads_in(&self, graph: Option<GraphNameRef<'_>>) -> Result<Vec<Quad>, StoreError> {
        self.db
            .quads_for_pattern(None, None, None, graph)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(&e))
    }

    fn quads_matching(
        &self,
        predicate: Option<NamedNodeRef<'_>>,
        object: Option<TermRef<'_>>,
    ) -> Result<Vec<Quad>, StoreError> {
        self.db
            .quads_for_pattern(None, predicate, object, None)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error(&e))
    }
}

/// The lexical value of a term: IRI text, literal value or blank node id.
fn term_value(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => node.as_str().to_string(),
        Term::BlankNode(node) => node.as_str().to_string(),
        Term::Literal(literal) => literal.value().to_string(),
        #[allow(unreachable_patterns)]
        _ => term.to_string(),
    }
}

/// Runs query evaluation, turning a panic inside the query engine into
/// [`StoreError::Engine`], so a query Oxigraph cannot evaluate costs that
/// query, not the process or the server thread. Known case (spareval
/// 0.2.9): ORDER BY over a mix of IRIs and literals makes its sort's
/// comparison inconsistent, which the standard library's sort reports by
/// panicking. Reads only: a panic here leaves the store as it was.
///
/// The first call installs a panic hook that stays silent for panics
/// inside this guard (the error says it all) and hands every other panic
/// to the hook that was there before.
pub(crate) fn guard_engine<T>(evaluate: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    thread_local! {
        static IN_ENGINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let earlier = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_ENGINE.with(std::cell::Cell::get) {
                earlier(info);
            }
        }));
    });
    let outer = IN_ENGINE.with(|flag| flag.replace(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(evaluate));
    IN_ENGINE.with(|flag| flag.set(outer));
    outcome.unwrap_or_else(|panic| {
        Err(StoreError::Engine {
            message: crate::quote::panic(&*panic).to_string(),
        })
    })
}

/// What to do about a known engine failure.
fn engine_hint(message: &str) -> &'static str {
    if message.contains("total order") {
        " (its ORDER BY cannot sort IRIs and literals together: sort on STR(?x), or filter to one kind of term)"
    } else {
        ""
    }
}

/// Refuses files and foreign folders before RocksDB writes anything there.
fn check_folder(path: &Path, create: bool) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if create {
                std::fs::create_dir_all(path).map_err(io)
            } else {
                Err(StoreError::Missing {
                    path: path.to_path_buf(),
                })
            }
        }
        Err(e) => Err(io(e)),
        Ok(meta) if !meta.is_dir() => Err(StoreError::NotAStore {
            path: path.to_path_buf(),
        }),
        Ok(_) => {
            let mut entries = std::fs::read_dir(path).map_err(io)?.peekable();
            if entries.peek().is_none() {
                return if create {
                    Ok(())
                } else {
                    Err(StoreError::Missing {
                        path: path.to_path_buf(),
                    })
                };
            }
            // A store holds RocksDB files only (a store whose creation was
            // killed may lack CURRENT yet, and must still reopen).
            for entry in std::fs::read_dir(path).map_err(io)? {
                let name = entry.map_err(io)?.file_name();
                if !is_rocksdb_file(&name.to_string_lossy()) {
                    return Err(StoreError::NotAStore {
                        path: path.to_path_buf(),
                    });
                }
            }
            Ok(())
        }
    }
}

/// Deletes `bulk-*.sst`, the table files Oxigraph's bulk loader writes in
/// the store's folder before ingesting them (ingestion links them under
/// RocksDB's own numbered names, so these names are never part of the store).
fn remove_bulk_scraps(path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(path).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            std::fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

/// Whether a file name is one RocksDB writes in its folder.
fn is_rocksdb_file(name: &str) -> bool {
    matches!(name, "CURRENT" | "IDENTITY" | "LOCK" | "LOG")
        || name.starts_with("LOG.old")
        || name.starts_with("MANIFEST-")
        || name.starts_with("OPTIONS-")
        || name.ends_with(".log")
        || name.ends_with(".sst")
        || name.ends_with(".blob")
        || name.ends_with(".dbtmp")
        || name.ends_with(".tmp")
}

/// Turns a storage failure into the error that says what to do about it.
fn storage_error(path: &Path, error: &dyn std::fmt::Display) -> StoreError {
    let message = error.to_string();
    let lower = message.to_lowercase();
    if lower.contains("no space left") || lower.contains("disk full") || lower.contains("quota exceeded") {
        StoreError::DiskFull {
            path: path.to_path_buf(),
        }
    } else if lower.contains("/lock:") || lower.contains("lock hold by") || lower.contains("while lock file") {
        StoreError::Locked {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Storage {
            path: path.to_path_buf(),
            message,
        }
    }
}

/// Opens RocksDB read-only while another process may be writing.
///
/// A writer's compaction can delete a table file between the moment a
/// reader reads the manifest and the moment it opens the file; RocksDB then
/// reports a missing file. The store is fine, the view was just stale, so
/// reading the manifest again gives a consistent view.
fn open_read_only_retrying(path: &Path) -> Result<oxigraph::store::Store, StoreError> {
    const ATTEMPTS: u32 = 8;
    let mut attempt = 0;
    loop {
        match oxigraph::store::Store::open_read_only(path) {
            Ok(db) => return Ok(db),
            Err(error) => {
                let message = error.to_string();
                let stale_view = message.contains("No such file or directory") && message.contains(".sst");
                attempt += 1;
                if !stale_view {
                    return Err(storage_error(path, &error));
                }
                if attempt >= ATTEMPTS {
                    return Err(StoreError::Changing {
                        path: path.to_path_buf(),
                    });
                }
                std::thread::sleep(std::time::Duration::from_millis(20 * u64::from(attempt)));
            }
        }
    }
}
