//! RDF files in and out: Turtle, N-Triples, N-Quads and JSON-LD through
//! Oxigraph's parsers and serializers.
//!
//! Owns format detection and the load (one atomic write: bulk loader or
//! transaction, see [`load`]). Store metadata (format
//! version) is never written out; the ontology graph is, so dumps describe
//! themselves.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{JsonLdProfileSet, RdfFormat as OxFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad};

use super::claims::CLAIMS_GRAPH;
use super::model::{self, MergeDecisions};
use super::{iri, Store, StoreError};

/// RDF serializations trame reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfFormat {
    Turtle,
    NTriples,
    NQuads,
    JsonLd,
}

impl RdfFormat {
    /// Parses a format name or file extension (`ttl`, `nt`, `nq`, `jsonld`).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.trim_start_matches('.').to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => RdfFormat::Turtle,
            "nt" | "ntriples" | "n-triples" => RdfFormat::NTriples,
            "nq" | "nquads" | "n-quads" => RdfFormat::NQuads,
            "jsonld" | "json-ld" | "json" => RdfFormat::JsonLd,
            _ => return None,
        })
    }

    /// The format of a file, from its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension().and_then(|e| e.to_str()).and_then(Self::parse)
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            RdfFormat::Turtle => "ttl",
            RdfFormat::NTriples => "nt",
            RdfFormat::NQuads => "nq",
            RdfFormat::JsonLd => "jsonld",
        }
    }

    fn oxigraph(self) -> OxFormat {
        match self {
            RdfFormat::Turtle => OxFormat::Turtle,
            RdfFormat::NTriples => OxFormat::NTriples,
            RdfFormat::NQuads => OxFormat::NQuads,
            RdfFormat::JsonLd => OxFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }
}

pub(super) fn write(store: &Store, format: RdfFormat, out: &mut dyn Write) -> Result<(), StoreError> {
    let mut quads = store.quads_in(None)?;
    quads.retain(|quad| !matches!(&quad.graph_name, GraphName::NamedNode(g) if g.as_str() == iri::META_GRAPH));
    let mut serializer = RdfSerializer::from_format(format.oxigraph());
    if format == RdfFormat::Turtle {
        for (prefix, namespace) in iri::PREFIXES {
            serializer = serializer
                .with_prefix(prefix, namespace)
                .map_err(|e| StoreError::Evaluation(e.to_string()))?;
        }
    }
    let mut writer = serializer.for_writer(&mut *out);
    if format.oxigraph().supports_datasets() {
        for quad in &quads {
            writer.serialize_quad(quad).map_err(StoreError::Output)?;
        }
    } else {
        let mut seen = HashSet::new();
        for quad in &quads {
            let triple = oxigraph::model::TripleRef::from(quad.as_ref());
            if seen.insert(triple.into_owned()) {
                writer.serialize_triple(triple).map_err(StoreError::Output)?;
            }
        }
    }
    writer.finish().map_err(StoreError::Output)?;
    out.flush().map_err(StoreError::Output)
}

/// The cross-document merge decision a load applies (the rules live
/// outside the store): every entity of the document graphs, sorted by IRI,
/// and every name candidate, sorted by IRI, in; the merge graph's
/// decisions (links, other names, resolved name candidates) out.
pub type DecideMerge<'a> =
    &'a dyn Fn(&[(String, crate::facts::KnownEntity)], &[(String, crate::facts::CandidateName)]) -> MergeDecisions;

/// What [`Store::load_rdf`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Quads read from each file, in the order given (store-managed graphs left out).
    pub quads: Vec<usize>,
    /// Entities the merge step read from the document graphs.
    pub entities: usize,
    /// The merge step's decisions.
    pub decisions: MergeDecisions,
    /// Whether the write went through the bulk loader (an empty store)
    /// rather than a transaction.
    pub bulk: bool,
}

/// Graphs the store writes itself, never taken from a file: the ontology
/// comes from this build, store metadata from the store, and the claims and
/// merge graphs are recomputed from the documents.
fn is_managed_graph(graph: &GraphName) -> bool {
    matches!(graph, GraphName::NamedNode(g) if [iri::ONTOLOGY_GRAPH, iri::META_GRAPH, iri::MERGE_GRAPH, CLAIMS_GRAPH].contains(&g.as_str()))
}

fn is_document_graph(graph: &GraphName) -> bool {
    matches!(graph, GraphName::NamedNode(g) if g.as_str().starts_with(iri::DOC_BASE))
}

/// Loads `files` as one write: parse them all, decide the merge graph and
/// the claims graph in memory over the documents the store will hold, then
/// write everything at once, through Oxigraph's bulk loader (sorted table
/// files ingested in one atomic step) when the store holds no document yet,
/// else in one transaction that also replaces the document graphs the files
/// carry. A failure or a kill at any moment leaves the store as it was or
/// fully loaded.
pub(super) fn load(
    store: &Store,
    files: &[&Path],
    graph: Option<&str>,
    decide: DecideMerge<'_>,
) -> Result<Loaded, StoreError> {
    let default_graph = match graph {
        Some(graph) => Some(
            NamedNode::new(graph)
                .map_err(|e| StoreError::UnsupportedFormat(format!("--graph {graph:?} is not an IRI: {e}")))?,
        ),
        None => None,
    };
    let mut quads: Vec<Quad> = Vec::new();
    let mut counts = Vec::new();
    for path in files {
        let before = quads.len();
        parse_file(path, default_graph.as_ref(), &mut quads)?;
        counts.push(quads.len() - before);
    }
    // A document graph in a file replaces the stored one, as a rebuild would.
    let replaced: HashSet<NamedNode> = quads
        .iter()
        .filter_map(|quad| match &quad.graph_name {
            GraphName::NamedNode(g) if g.as_str().starts_with(iri::DOC_BASE) => Some(g.clone()),
            _ => None,
        })
        .collect();
    let mut stored_documents = 0;
    let mut kept: Vec<NamedNode> = Vec::new();
    for name in store.db.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = name.map_err(|e| store.error(&e))? {
            if g.as_str().starts_with(iri::DOC_BASE) {
                stored_documents += 1;
                if !replaced.contains(&g) {
                    kept.push(g);
                }
            }
        }
    }
    let holds_derived = [iri::MERGE_GRAPH, CLAIMS_GRAPH]
        .into_iter()
        .try_fold(false, |found, name| {
            store
                .db
                .contains_named_graph(NamedNodeRef::new_unchecked(name))
                .map(|has| found || has)
                .map_err(|e| store.error(&e))
        })?;

    let Derived {
        entities,
        decisions,
        merge,
        claims,
    } = derive(
        store,
        &kept,
        quads.iter().filter(|q| is_document_graph(&q.graph_name)).cloned(),
        decide,
    )?;

    let bulk = stored_documents == 0 && !holds_derived;
    if bulk {
        // Nothing to remove: the table files are ingested in one atomic step
        // at commit (a kill before leaves only `bulk-*.sst` scraps, which
        // the next writer deletes).
        let mut loader = store.db.bulk_loader();
        loader
            .load_quads(quads.into_iter().chain(merge).chain(claims))
            .map_err(|e| store.error(&e))?;
        loader.commit().map_err(|e| store.error(&e))?;
    } else {
        write_difference(store, &replaced, quads, merge, claims)?;
    }
    Ok(Loaded {
        quads: counts,
        entities,
        decisions,
        bulk,
    })
}

/// The graphs a store derives from its documents, decided outside it.
pub(super) struct Derived {
    /// Entities the merge step read from the document graphs.
    pub entities: usize,
    /// The merge step's decisions.
    pub decisions: MergeDecisions,
    /// The merge graph's quads.
    pub merge: Vec<Quad>,
    /// The claims graph's quads.
    pub claims: Vec<Quad>,
}

/// Decides the merge graph and the claims graph over a set of documents in
/// a scratch in-memory store: the document graphs `kept` (read from
/// `store`) and the quads `added` (documents not stored yet). Reading them
/// there, rather than through a write transaction on the store, is what
/// makes a load or a build's final merge one cheap write: the store is
/// only read here, and [`write_difference`] then writes what changed.
pub(super) fn derive(
    store: &Store,
    kept: &[NamedNode],
    added: impl Iterator<Item = Quad>,
    decide: DecideMerge<'_>,
) -> Result<Derived, StoreError> {
    let memory = Store::scratch()?;
    let mut loader = memory.db.bulk_loader();
    for name in kept {
        let graph = GraphNameRef::from(name.as_ref());
        let stored = store
            .db
            .quads_for_pattern(None, None, None, Some(graph))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| store.error(&e))?;
        loader.load_quads(stored).map_err(|e| memory.error(&e))?;
    }
    loader.load_quads(added).map_err(|e| memory.error(&e))?;
    loader.commit().map_err(|e| memory.error(&e))?;
    let entities = memory.known_entities()?;
    let candidates = memory.name_candidates()?;
    let decisions = decide(&entities, &candidates);
    let merge = model::merge_graph(&decisions);
    let mut transaction = memory.db.start_transaction().map_err(|e| memory.error(&e))?;
    for quad in &merge {
        transaction.insert(quad);
    }
    super::claims::recompute_all(&mut transaction).map_err(|e| memory.error(&e))?;
    transaction.commit().map_err(|e| memory.error(&e))?;
    let claims = memory.quads_in(Some(NamedNodeRef::new_unchecked(CLAIMS_GRAPH).into()))?;
    Ok(Derived {
        entities: entities.len(),
        decisions,
        merge,
        claims,
    })
}

/// Recomputes the merge and claims graphs of `store` from every document
/// graph it holds (see [`derive`]) and writes the difference in one
/// transaction: a kill leaves the old graphs or the new ones.
pub(super) fn remerge(store: &Store, decide: DecideMerge<'_>) -> Result<Derived, StoreError> {
    let mut documents = Vec::new();
    for name in store.db.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = name.map_err(|e| store.error(&e))? {
            if g.as_str().starts_with(iri::DOC_BASE) {
                documents.push(g);
            }
        }
    }
    let mut derived = derive(store, &documents, std::iter::empty(), decide)?;
    let claims = std::mem::take(&mut derived.claims);
    write_difference(store, &HashSet::new(), Vec::new(), derived.merge.clone(), claims)?;
    Ok(derived)
}

/// The transaction of a load into a store holding documents: each graph the
/// load rewrites (the documents the files carry, the merge and claims
/// graphs) gets exactly the quads given, the other quads of the files are
/// added. Quads already stored as they should be are left alone, so
/// loading a dump again writes nearly nothing (a transaction's writes cost
/// far more than reading the graphs first).
fn write_difference(
    store: &Store,
    replaced: &HashSet<NamedNode>,
    quads: Vec<Quad>,
    merge: Vec<Quad>,
    claims: Vec<Quad>,
) -> Result<(), StoreError> {
    let mut rewritten: HashMap<NamedNode, Vec<Quad>> = replaced.iter().map(|g| (g.clone(), Vec::new())).collect();
    rewritten.insert(NamedNode::new_unchecked(iri::MERGE_GRAPH), merge);
    rewritten.insert(NamedNode::new_unchecked(CLAIMS_GRAPH), claims);
    let mut added = Vec::new();
    for quad in quads {
        match &quad.graph_name {
            GraphName::NamedNode(g) if replaced.contains(g) => rewritten.entry(g.clone()).or_default().push(quad),
            _ => added.push(quad),
        }
    }
    let mut transaction = store.db.start_transaction().map_err(|e| store.error(&e))?;
    for (name, wanted) in &rewritten {
        let stored: HashSet<Quad> = store
            .db
            .quads_for_pattern(None, None, None, Some(GraphNameRef::from(name.as_ref())))
            .collect::<Result<_, _>>()
            .map_err(|e| store.error(&e))?;
        if wanted.is_empty() {
            if !stored.is_empty() || store.db.contains_named_graph(name).map_err(|e| store.error(&e))? {
                transaction.remove_named_graph(name).map_err(|e| store.error(&e))?;
            }
            continue;
        }
        let wanted_set: HashSet<&Quad> = wanted.iter().collect();
        for quad in stored.iter().filter(|q| !wanted_set.contains(q)) {
            transaction.remove(quad);
        }
        for quad in wanted.iter().filter(|q| !stored.contains(*q)) {
            transaction.insert(quad);
        }
    }
    for quad in &added {
        if !store.db.contains(quad).map_err(|e| store.error(&e))? {
            transaction.insert(quad);
        }
    }
    transaction.commit().map_err(|e| store.error(&e))
}

/// Parses one RDF file (format from its extension, `.gz` for gzip) into
/// `quads`, leaving out the store-managed graphs.
fn parse_file(path: &Path, default_graph: Option<&NamedNode>, quads: &mut Vec<Quad>) -> Result<(), StoreError> {
    // `x.nq.gz`: gzip-compressed N-Quads (what `build --out` writes).
    let gzip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let inner = if gzip {
        Path::new(path.file_stem().unwrap_or_default())
    } else {
        path
    };
    let format = RdfFormat::from_path(inner).ok_or_else(|| {
        StoreError::UnsupportedFormat(format!(
            "{}: unknown RDF file extension; use .ttl, .nt, .nq or .jsonld (optionally gzip-compressed, .gz)",
            crate::quote::path(&path)
        ))
    })?;
    let file = std::fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file: Box<dyn std::io::Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut parser = RdfParser::from_format(format.oxigraph()).rename_blank_nodes();
    if let Some(graph) = default_graph {
        parser = parser.with_default_graph(graph.clone());
    }
    for quad in parser.for_reader(BufReader::new(file)) {
        let quad = quad.map_err(|e| parse_error(path, e))?;
        if !is_managed_graph(&quad.graph_name) {
            quads.push(quad);
        }
    }
    Ok(())
}

fn parse_error(path: &Path, error: oxigraph::io::RdfParseError) -> StoreError {
    match error {
        oxigraph::io::RdfParseError::Io(source) => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
        oxigraph::io::RdfParseError::Syntax(syntax) => {
            let location = syntax.location();
            StoreError::RdfSyntax {
                path: PathBuf::from(path),
                line: location.as_ref().map_or(0, |l| l.start.line + 1),
                column: location.as_ref().map_or(0, |l| l.start.column + 1),
                message: syntax.to_string(),
            }
        }
    }
}
