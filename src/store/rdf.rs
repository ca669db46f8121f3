//! RDF files in and out: Turtle, N-Triples, N-Quads and JSON-LD through
//! Oxigraph's parsers and serializers.
//!
//! Owns format detection and the load transaction. Store metadata (format
//! version) is never written out; the ontology graph is, so dumps describe
//! themselves.

use std::collections::HashSet;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{JsonLdProfileSet, RdfFormat as OxFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad};

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

pub(super) fn load(store: &Store, path: &Path, graph: Option<&str>) -> Result<usize, StoreError> {
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
            path.display()
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
    if let Some(graph) = graph {
        let graph = NamedNode::new(graph)
            .map_err(|e| StoreError::UnsupportedFormat(format!("--graph {graph:?} is not an IRI: {e}")))?;
        parser = parser.with_default_graph(graph);
    }
    let mut quads: Vec<Quad> = Vec::new();
    for quad in parser.for_reader(BufReader::new(file)) {
        let quad = quad.map_err(|e| parse_error(path, e))?;
        // The ontology comes from this build and is refreshed on open; a
        // dump's copy would only duplicate its blank nodes.
        // Claims are recomputed from the documents below.
        if !matches!(&quad.graph_name, GraphName::NamedNode(g) if g.as_str() == iri::ONTOLOGY_GRAPH || g.as_str() == iri::META_GRAPH || g.as_str() == super::claims::CLAIMS_GRAPH)
        {
            quads.push(quad);
        }
    }
    // A document graph in the file replaces the stored one, as a rebuild would.
    let replaced: HashSet<NamedNode> = quads
        .iter()
        .filter_map(|quad| match &quad.graph_name {
            GraphName::NamedNode(g) if g.as_str().starts_with(iri::DOC_BASE) => Some(g.clone()),
            _ => None,
        })
        .collect();
    let mut transaction = store.db.start_transaction().map_err(|e| store.error(&e))?;
    for name in &replaced {
        transaction.remove_named_graph(name).map_err(|e| store.error(&e))?;
    }
    for quad in &quads {
        transaction.insert(quad);
    }
    super::claims::recompute_all(&mut transaction).map_err(|e| store.error(&e))?;
    transaction.commit().map_err(|e| store.error(&e))?;
    Ok(quads.len())
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
