//! Named graphs outside the database: what a worker sends to a remote
//! store (one graph per request) or writes to a dump file for a bulk
//! loader, built from a document (no store needed) or read from a local
//! store.
//!
//! Owns [`GraphBody`] (one graph's triples, serialised as N-Triples for an
//! HTTP body) and [`NQuadsDump`] (gzip-compressed N-Quads, written under a
//! temporary name and renamed when complete, so a killed worker never
//! leaves a half file under the final name). It does no networking.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat as OxFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad};

use super::model::{self, MergeDecisions};
use super::{iri, Store, StoreError};
use crate::facts::Document;

/// One named graph: its IRI and its quads.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphBody {
    pub iri: String,
    quads: Vec<Quad>,
}

impl GraphBody {
    /// How many triples the graph holds.
    pub fn len(&self) -> usize {
        self.quads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }

    /// The graph's triples as N-Triples (UTF-8), the body of a SPARQL 1.1
    /// Graph Store Protocol PUT with `Content-Type: application/n-triples`.
    pub fn to_ntriples(&self) -> Vec<u8> {
        let mut writer = RdfSerializer::from_format(OxFormat::NTriples).for_writer(Vec::new());
        for quad in &self.quads {
            // Writing to memory cannot fail.
            let _ = writer.serialize_triple(quad.as_ref());
        }
        writer.finish().unwrap_or_default()
    }
}

/// The graph of a document as `trame build` would store it, dated now.
pub fn document(doc: &Document) -> Result<GraphBody, StoreError> {
    let graph = model::document_graph(doc, &model::now_xsd())?;
    Ok(GraphBody {
        iri: graph.iri,
        quads: graph.quads,
    })
}

/// The ontology graph (trame.ttl and relations.ttl).
pub fn ontology() -> Result<GraphBody, StoreError> {
    Ok(GraphBody {
        iri: iri::ONTOLOGY_GRAPH.to_string(),
        quads: super::ontology_quads()?,
    })
}

/// The merge graph for these decisions (see [`Store::put_merge`]).
pub fn merge(decisions: &MergeDecisions) -> GraphBody {
    GraphBody {
        iri: iri::MERGE_GRAPH.to_string(),
        quads: model::merge_graph(decisions),
    }
}

impl Store {
    /// The IRIs of the document graphs, sorted.
    pub fn document_graph_iris(&self) -> Result<Vec<String>, StoreError> {
        let mut iris: Vec<String> = self.documents()?.into_iter().map(|info| info.iri).collect();
        iris.sort();
        iris.dedup();
        Ok(iris)
    }

    /// One named graph of this store, read as stored.
    pub fn graph(&self, graph: &str) -> Result<GraphBody, StoreError> {
        let name = NamedNode::new_unchecked(graph);
        let quads = self.quads_in(Some(GraphNameRef::NamedNode(name.as_ref())))?;
        Ok(GraphBody {
            iri: graph.to_string(),
            quads,
        })
    }
}

/// A gzip-compressed N-Quads file being written: graphs are appended with
/// [`NQuadsDump::add`]; [`NQuadsDump::finish`] completes the file and gives
/// it its final name. Dropped unfinished, it leaves only `<path>.partial`.
pub struct NQuadsDump {
    path: PathBuf,
    partial: PathBuf,
    encoder: flate2::write::GzEncoder<BufWriter<File>>,
    quads: usize,
}

impl NQuadsDump {
    /// Starts `path` (which should end in `.nq.gz`), creating its folder.
    pub fn create(path: &Path) -> Result<NQuadsDump, StoreError> {
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let file = File::create(&partial).map_err(|source| StoreError::Io {
            path: partial.clone(),
            source,
        })?;
        let encoder = flate2::write::GzEncoder::new(BufWriter::new(file), flate2::Compression::fast());
        Ok(NQuadsDump {
            path: path.to_path_buf(),
            partial,
            encoder,
            quads: 0,
        })
    }

    /// Appends one graph's quads.
    pub fn add(&mut self, graph: &GraphBody) -> Result<(), StoreError> {
        let name = GraphName::NamedNode(NamedNode::new_unchecked(graph.iri.clone()));
        let mut writer = RdfSerializer::from_format(OxFormat::NQuads).for_writer(&mut self.encoder);
        for quad in &graph.quads {
            let quad = Quad::new(
                quad.subject.clone(),
                quad.predicate.clone(),
                quad.object.clone(),
                name.clone(),
            );
            writer.serialize_quad(&quad).map_err(|source| StoreError::Io {
                path: self.partial.clone(),
                source,
            })?;
        }
        writer.finish().map_err(|source| StoreError::Io {
            path: self.partial.clone(),
            source,
        })?;
        self.quads += graph.quads.len();
        Ok(())
    }

    /// Completes the file, syncs it and renames it to its final name.
    /// Returns the number of quads written.
    pub fn finish(self) -> Result<usize, StoreError> {
        let io = |source| StoreError::Io {
            path: self.partial.clone(),
            source,
        };
        let mut inner = self.encoder.finish().map_err(io)?;
        inner.flush().map_err(io)?;
        let file = inner.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&self.partial, &self.path).map_err(|source| StoreError::Io {
            path: self.path.clone(),
            source,
        })?;
        Ok(self.quads)
    }
}
