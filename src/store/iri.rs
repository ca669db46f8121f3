//! IRIs of everything trame writes: ontology terms, entities, documents and
//! the nodes inside a document graph.
//!
//! Owns the naming scheme only (pure string functions, no store access).
//! Entity IRIs must stay stable across documents and versions: the same
//! label and type always give the same IRI, so changing [`slug`] is a
//! store format change.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::facts::EntityKind;

/// The ontology namespace (prefix `trame:`).
pub const ONTOLOGY: &str = "https://w3id.org/trame/ontology#";
/// The named graph that holds the ontology (trame.ttl + relations.ttl).
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/trame/ontology";
/// The named graph that holds store metadata (format version).
pub const META_GRAPH: &str = "https://w3id.org/trame/store";
/// The named graph that holds cross-document entity merging: `owl:sameAs`
/// links from merged entities to the one each group keeps, and that
/// entity's other names as `skos:altLabel` (written by `trame merge` and at
/// the end of every local build; see `extract::entities::corpus`).
pub const MERGE_GRAPH: &str = "https://w3id.org/trame/merge";
/// The node that carries store metadata inside [`META_GRAPH`].
pub const STORE_NODE: &str = "https://w3id.org/trame/store";
/// Base of entity IRIs: `…/entity/<type>/<slug>`.
pub const ENTITY_BASE: &str = "https://w3id.org/trame/entity/";
/// Base of document (and document graph) IRIs: `…/doc/<hash prefix>`.
pub const DOC_BASE: &str = "https://w3id.org/trame/doc/";
/// How many hex digits of the content hash name a document (64 bits).
pub const DOC_HASH_DIGITS: usize = 16;

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const SCHEMA: &str = "http://schema.org/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";

/// Prefixes predeclared in every query and update, and used to shorten
/// IRIs in tables and Turtle output.
pub const PREFIXES: [(&str, &str); 8] = [
    ("trame", ONTOLOGY),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("skos", SKOS),
    ("schema", SCHEMA),
    ("prov", PROV),
];

/// `trame:<local>`.
pub fn term(local: &str) -> String {
    format!("{ONTOLOGY}{local}")
}

/// The ontology class of an entity kind.
pub fn class_of(kind: EntityKind) -> String {
    term(class_name(kind))
}

/// The local name of the class of an entity kind.
pub fn class_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Place => "Place",
        EntityKind::Misc => "Misc",
    }
}

/// The entity kind of an ontology class IRI, if it is one of the four.
pub fn kind_of_class(iri: &str) -> Option<EntityKind> {
    let local = iri.strip_prefix(ONTOLOGY)?;
    [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ]
    .into_iter()
    .find(|kind| class_name(*kind) == local)
}

/// The stable IRI of an entity: `…/entity/person/emmanuel-macron`.
pub fn entity(kind: EntityKind, label: &str) -> String {
    let folder = match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
        EntityKind::Misc => "misc",
    };
    format!("{ENTITY_BASE}{folder}/{}", slug(label))
}

/// The IRI of a concept of a document: `<doc>/concept/<slug of its label>`.
/// Concepts are per document, so the same noun phrase in two documents
/// gives two nodes.
pub fn concept(doc: &str, label: &str) -> String {
    format!("{doc}/concept/{}", slug(label))
}

/// The IRI of a document and of its named graph, from its content hash.
pub fn document(content_hash: &str) -> String {
    let prefix: String = content_hash.chars().take(DOC_HASH_DIGITS).collect();
    format!("{DOC_BASE}{}", prefix.to_ascii_lowercase())
}

/// A node inside a document graph: `<doc>/sentence/3`, `<doc>/statement/0`.
pub fn node(doc: &str, kind: &str, index: usize) -> String {
    format!("{doc}/{kind}/{index}")
}

/// Lower-case hex SHA-256 of a text (what `content_hash` holds).
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A readable, stable IRI path segment for a label.
///
/// Accents are folded and case lowered so that "Élysée" and "Elysée" meet;
/// every run of other characters becomes one `-`. Letters outside Latin
/// script are kept (IRIs allow them). A label with no letter or digit at
/// all gets a hash so that it still has a distinct, stable name.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut pending_dash = false;
    for c in label.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        format!("x-{}", &sha256_hex(label)[..12])
    } else {
        out
    }
}

/// Combining diacritical marks left by NFKD decomposition (é → e + ◌́).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether `name` can follow `trame:` in Turtle and SPARQL as is.
pub fn is_local_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Shortens an IRI with the predeclared prefixes (`trame:role`), or
/// returns it in angle brackets.
pub fn compact(iri: &str) -> String {
    for (prefix, namespace) in PREFIXES {
        if let Some(local) = iri.strip_prefix(namespace) {
            if is_local_name(local) {
                return format!("{prefix}:{local}");
            }
        }
    }
    format!("<{iri}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_folds_accents_case_and_punctuation() {
        assert_eq!(slug("Volodymyr Zelensky"), "volodymyr-zelensky");
        assert_eq!(slug("Côte d'Ivoire"), "cote-d-ivoire");
        assert_eq!(slug("  Élysée!! "), "elysee");
        assert_eq!(slug("Île-de-France"), "ile-de-france");
        assert_eq!(slug("北京"), "北京");
    }

    #[test]
    fn slug_of_symbols_only_is_a_stable_distinct_hash() {
        let a = slug("???");
        assert!(a.starts_with("x-"));
        assert_eq!(a, slug("???"));
        assert_ne!(a, slug("!!!"));
    }

    #[test]
    fn entity_iri_depends_on_kind_and_label_only() {
        assert_eq!(
            entity(EntityKind::Person, "Emmanuel Macron"),
            "https://w3id.org/trame/entity/person/emmanuel-macron"
        );
        assert_ne!(entity(EntityKind::Place, "Paris"), entity(EntityKind::Person, "Paris"));
    }

    #[test]
    fn document_iri_uses_a_lowercase_hash_prefix() {
        assert_eq!(
            document("ABCDEF0123456789ffff"),
            "https://w3id.org/trame/doc/abcdef0123456789"
        );
    }

    #[test]
    fn class_round_trip() {
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Misc,
        ] {
            assert_eq!(kind_of_class(&class_of(kind)), Some(kind));
        }
        assert_eq!(kind_of_class(&term("Statement")), None);
    }

    #[test]
    fn compact_uses_prefixes() {
        assert_eq!(compact("https://w3id.org/trame/ontology#role"), "trame:role");
        assert_eq!(compact("http://example.org/x"), "<http://example.org/x>");
    }

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
