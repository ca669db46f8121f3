//! The picture model: a petgraph of entities and facts, and its selection.
//!
//! Nodes are entities (coloured and shaped by PER/ORG/LOC/MISC) and, unless
//! left out, literal objects (roles, dates, quotes) as small plain nodes:
//! "Rubio → role → secrétaire d'État" is half the story, so a picture
//! without literals would hide it. A literal node belongs to one subject
//! (key: subject + text) so that two people who both "said" something, or a
//! date shared by unrelated facts, are not joined through a fake hub.
//! Facts with the same subject, predicate, object and polarity become one
//! edge with a count. Every order here is sorted, so the same snapshot
//! always yields the same graph. This module draws nothing and reads
//! nothing but the [`GraphSnapshot`].

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::ExportError;
use crate::names;
use crate::store::snapshot::GraphSnapshot;

/// What a node stands for; entity kinds follow the NER codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Person,
    Organization,
    Place,
    Misc,
    Literal,
}

impl NodeKind {
    /// Maps a snapshot kind code; anything unexpected is drawn as MISC.
    pub fn from_code(code: &str) -> Self {
        match code.trim().to_ascii_uppercase().as_str() {
            "PER" => NodeKind::Person,
            "ORG" => NodeKind::Organization,
            "LOC" => NodeKind::Place,
            _ => NodeKind::Misc,
        }
    }

    /// The NER code, or `literal`.
    pub fn code(self) -> &'static str {
        match self {
            NodeKind::Person => "PER",
            NodeKind::Organization => "ORG",
            NodeKind::Place => "LOC",
            NodeKind::Misc => "MISC",
            NodeKind::Literal => "literal",
        }
    }

    pub fn is_entity(self) -> bool {
        self != NodeKind::Literal
    }
}

/// One node: an entity or a literal value.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    /// The entity IRI, or `literal:SUBJECT_IRI:TEXT` for a literal.
    pub key: String,
    /// What is written on the node (shortened when long).
    pub label: String,
    pub kind: NodeKind,
    pub aliases: Vec<String>,
    pub mentions: usize,
}

/// One edge: every fact with the same subject, predicate, object and flags.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    /// What is written on the arrow.
    pub label: String,
    pub predicate: String,
    pub lemma: String,
    /// How many facts this edge stands for.
    pub count: usize,
    pub negated: bool,
    pub hypothetical: bool,
    pub reported: bool,
    /// The highest confidence among the facts.
    pub confidence: f32,
    /// The PLOVER event type of the facts (the smallest code when they
    /// differ), `None` when none is typed.
    pub event: Option<String>,
}

/// Which words label an arrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgeLabel {
    /// The ontology property (`resumesAidTo`); the lemma when it is empty.
    #[default]
    Predicate,
    /// The French lemma (`reprendre`); the predicate when it is empty.
    Lemma,
    /// `predicate (lemma)`.
    Both,
}

/// How the graph is built from a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphOptions {
    /// Draw literal objects as small nodes.
    pub literals: bool,
    /// Instead of drawing literal objects, count them on their subject
    /// ("Macron · 12 values"), and merge the edges between two entities
    /// into one ("states ×3 · meets"): the readable default for big stores.
    pub compact: bool,
    /// Keep entities that take part in no fact.
    pub isolated_entities: bool,
    pub edge_label: EdgeLabel,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            literals: true,
            compact: false,
            isolated_entities: false,
            edge_label: EdgeLabel::Predicate,
        }
    }
}

/// How `--top` ranks entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rank {
    /// Number of facts an entity takes part in.
    #[default]
    Degree,
    /// PageRank over facts read both ways (acting and being acted on both count).
    PageRank,
}

/// Which part of the graph to keep.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// Keep the neighbourhood of the entity with this label or alias.
    pub focus: Option<String>,
    /// How many facts away from the focus to go.
    pub depth: usize,
    /// Then keep the `top` highest-ranked entities.
    pub top: Option<usize>,
    pub rank: Rank,
}

/// Entities and facts as a directed petgraph, in a deterministic order.
#[derive(Debug, Clone, Default)]
pub struct FactGraph {
    pub graph: DiGraph<NodeData, EdgeData>,
}

/// Longest label drawn on an entity node; longer ones get an ellipsis.
const MAX_ENTITY_LABEL: usize = 48;
/// Longest label drawn on a literal node (quotes can be whole sentences).
const MAX_LITERAL_LABEL: usize = 40;

impl FactGraph {
    /// Builds the graph: entities sorted by IRI, then literal nodes, then
    /// merged edges sorted by subject, object and predicate.
    pub fn from_snapshot(snapshot: &GraphSnapshot, options: &GraphOptions) -> FactGraph {
        let mut nodes: BTreeMap<String, NodeData> = BTreeMap::new();
        for entity in &snapshot.entities {
            nodes.entry(entity.iri.clone()).or_insert_with(|| NodeData {
                key: entity.iri.clone(),
                label: shorten(&entity.label, MAX_ENTITY_LABEL),
                kind: NodeKind::from_code(&entity.kind),
                aliases: entity.aliases.clone(),
                mentions: entity.mentions,
            });
        }
        let mut literals: BTreeMap<String, NodeData> = BTreeMap::new();
        let mut edges: BTreeMap<EdgeKey, EdgeData> = BTreeMap::new();
        // Literal facts counted on their subject (compact pictures).
        let mut values: BTreeMap<String, usize> = BTreeMap::new();
        for relation in &snapshot.relations {
            // A fact may name an entity the snapshot's entity list left out
            // (a CONSTRUCT selection, say): draw it rather than drop the fact.
            nodes
                .entry(relation.subject_iri.clone())
                .or_insert_with(|| bare_entity(&relation.subject_iri, &relation.subject));
            let object_key = match &relation.object_iri {
                Some(iri) => {
                    nodes
                        .entry(iri.clone())
                        .or_insert_with(|| bare_entity(iri, &relation.object));
                    iri.clone()
                }
                None if options.compact => {
                    *values.entry(relation.subject_iri.clone()).or_default() += 1;
                    continue;
                }
                None if options.literals => {
                    let key = format!("literal:{}:{}", relation.subject_iri, relation.object);
                    literals.entry(key.clone()).or_insert_with(|| NodeData {
                        key: key.clone(),
                        label: shorten(&relation.object, MAX_LITERAL_LABEL),
                        kind: NodeKind::Literal,
                        aliases: Vec::new(),
                        mentions: 0,
                    });
                    key
                }
                None => continue,
            };
            let key = EdgeKey {
                subject: relation.subject_iri.clone(),
                object: object_key,
                predicate: relation.predicate.clone(),
                lemma: relation.lemma.clone(),
                negated: relation.negated,
                hypothetical: relation.hypothetical,
            };
            let edge = edges.entry(key).or_insert_with(|| EdgeData {
                label: String::new(),
                predicate: relation.predicate.clone(),
                lemma: relation.lemma.clone(),
                count: 0,
                negated: relation.negated,
                hypothetical: relation.hypothetical,
                reported: false,
                confidence: 0.0,
                event: None,
            });
            if let Some(event) = &relation.event_type {
                if edge.event.as_ref().is_none_or(|e| event < e) {
                    edge.event = Some(event.clone());
                }
            }
            edge.count += 1;
            edge.reported |= relation.reported;
            edge.confidence = edge.confidence.max(relation.confidence);
        }
        for (iri, count) in &values {
            if let Some(node) = nodes.get_mut(iri) {
                node.label = format!("{} · {count} value{}", node.label, if *count == 1 { "" } else { "s" });
            }
        }
        for edge in edges.values_mut() {
            edge.label = edge_label(edge, options.edge_label);
        }
        if options.compact {
            edges = merge_parallel(edges);
        }
        let mut graph = DiGraph::new();
        let mut index: HashMap<String, NodeIndex> = HashMap::new();
        let linked: BTreeSet<&str> = edges
            .keys()
            .flat_map(|k| [k.subject.as_str(), k.object.as_str()])
            .collect();
        for (key, node) in nodes.iter().chain(literals.iter()) {
            if options.isolated_entities || linked.contains(key.as_str()) {
                index.insert(key.clone(), graph.add_node(node.clone()));
            }
        }
        for (key, edge) in edges {
            if let (Some(&a), Some(&b)) = (index.get(&key.subject), index.get(&key.object)) {
                graph.add_edge(a, b, edge);
            }
        }
        FactGraph { graph }
    }

    /// Number of entity nodes (literal nodes not counted).
    pub fn entity_count(&self) -> usize {
        self.graph.node_weights().filter(|n| n.kind.is_entity()).count()
    }

    /// Number of facts the edges stand for.
    pub fn fact_count(&self) -> usize {
        self.graph.edge_weights().map(|e| e.count).sum()
    }

    /// Keeps the focus neighbourhood, then the top-ranked entities; literal
    /// nodes stay when their subject stays.
    pub fn select(&self, selection: &Selection) -> Result<FactGraph, ExportError> {
        let mut keep: BTreeSet<NodeIndex> = self.graph.node_indices().collect();
        if let Some(name) = &selection.focus {
            let start = self.find_entity(name)?;
            keep = self.neighbourhood(start, selection.depth);
        }
        if let Some(top) = selection.top {
            let ranked = self.ranked_entities(&keep, selection.rank);
            let chosen: BTreeSet<NodeIndex> = ranked.into_iter().take(top).collect();
            keep.retain(|&n| {
                if self.graph[n].kind.is_entity() {
                    chosen.contains(&n)
                } else {
                    self.graph.neighbors_undirected(n).any(|m| chosen.contains(&m))
                }
            });
        }
        Ok(self.induced(&keep))
    }

    /// The entity whose label or alias matches `name`: exactly (compared by
    /// [`names::key`], so case, accents, hyphens, apostrophes and a leading
    /// article do not matter) first, else as a part of it; ties go to the
    /// most mentioned, then to the smallest IRI.
    pub fn find_entity(&self, name: &str) -> Result<NodeIndex, ExportError> {
        let wanted = names::key(name);
        let keys = |n: &NodeData| -> Vec<String> {
            std::iter::once(&n.label)
                .chain(n.aliases.iter())
                .map(|s| names::key(s))
                .collect()
        };
        let entities: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| self.graph[n].kind.is_entity())
            .collect();
        let best = |matches: Vec<NodeIndex>| {
            matches.into_iter().min_by(|&a, &b| {
                let (na, nb) = (&self.graph[a], &self.graph[b]);
                nb.mentions.cmp(&na.mentions).then_with(|| na.key.cmp(&nb.key))
            })
        };
        let exact: Vec<NodeIndex> = entities
            .iter()
            .copied()
            .filter(|&n| keys(&self.graph[n]).contains(&wanted))
            .collect();
        if let Some(found) = best(exact) {
            return Ok(found);
        }
        let partial: Vec<NodeIndex> = entities
            .iter()
            .copied()
            .filter(|&n| !wanted.is_empty() && keys(&self.graph[n]).iter().any(|s| s.contains(&wanted)))
            .collect();
        if let Some(found) = best(partial) {
            return Ok(found);
        }
        Err(ExportError::FocusNotFound {
            name: name.to_string(),
            hint: self.focus_hint(&wanted),
        })
    }

    /// Nodes at most `depth` facts away from `start`, either direction.
    fn neighbourhood(&self, start: NodeIndex, depth: usize) -> BTreeSet<NodeIndex> {
        let mut seen = BTreeSet::from([start]);
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((node, distance)) = queue.pop_front() {
            if distance == depth {
                continue;
            }
            let mut next: Vec<NodeIndex> = self.graph.neighbors_undirected(node).collect();
            next.sort();
            for other in next {
                // Literal nodes are leaves: reaching one says nothing more.
                if seen.insert(other) && self.graph[other].kind.is_entity() {
                    queue.push_back((other, distance + 1));
                }
            }
        }
        seen
    }

    /// Entities among `among`, best first (score, then label, then IRI).
    fn ranked_entities(&self, among: &BTreeSet<NodeIndex>, rank: Rank) -> Vec<NodeIndex> {
        let scores: Vec<f64> = match rank {
            Rank::Degree => self
                .graph
                .node_indices()
                .map(|n| {
                    let out = self.graph.edges(n).map(|e| e.weight().count);
                    let inc = self
                        .graph
                        .edges_directed(n, petgraph::Direction::Incoming)
                        .map(|e| e.weight().count);
                    out.chain(inc).sum::<usize>() as f64
                })
                .collect(),
            Rank::PageRank => self.undirected_page_rank(),
        };
        let mut ranked: Vec<NodeIndex> = among
            .iter()
            .copied()
            .filter(|&n| self.graph[n].kind.is_entity())
            .collect();
        ranked.sort_by(|&a, &b| {
            scores[b.index()]
                .total_cmp(&scores[a.index()])
                .then_with(|| self.graph[a].label.cmp(&self.graph[b].label))
                .then_with(|| self.graph[a].key.cmp(&self.graph[b].key))
        });
        ranked
    }

    /// PageRank where every fact links both ways: a news graph's hubs are as
    /// often subjects (who acts) as objects (who is acted on). Power
    /// iteration over adjacency lists, O(iterations × edges); petgraph's
    /// `page_rank` is quadratic in the node count, too slow for 10,000 facts.
    fn undirected_page_rank(&self) -> Vec<f64> {
        const DAMPING: f64 = 0.85;
        const ROUNDS: usize = 60;
        let n = self.graph.node_count();
        if n == 0 {
            return Vec::new();
        }
        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
        for edge in self.graph.edge_references() {
            let (a, b) = (edge.source().index(), edge.target().index());
            if a != b {
                neighbours[a].push(b);
                neighbours[b].push(a);
            }
        }
        let mut rank = vec![1.0 / n as f64; n];
        for _ in 0..ROUNDS {
            // Isolated nodes spread their rank evenly, like a random jump.
            let dangling: f64 = (0..n).filter(|&i| neighbours[i].is_empty()).map(|i| rank[i]).sum();
            let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
            let mut next = vec![base; n];
            for (i, list) in neighbours.iter().enumerate() {
                let share = DAMPING * rank[i] / list.len().max(1) as f64;
                for &j in list {
                    next[j] += share;
                }
            }
            rank = next;
        }
        rank
    }

    /// The subgraph on `keep`, in the original order.
    fn induced(&self, keep: &BTreeSet<NodeIndex>) -> FactGraph {
        let graph = self.graph.filter_map(
            |n, data| keep.contains(&n).then(|| data.clone()),
            |_, data| Some(data.clone()),
        );
        FactGraph { graph }
    }

    /// "; did you mean …" with up to three labels sharing a word with `wanted`.
    fn focus_hint(&self, wanted: &str) -> String {
        let words: Vec<&str> = wanted.split_whitespace().filter(|w| w.chars().count() > 2).collect();
        let mut close: Vec<&str> = self
            .graph
            .node_weights()
            .filter(|n| n.kind.is_entity())
            .filter(|n| {
                let label = names::fold(&n.label);
                words.iter().any(|w| label.contains(w))
            })
            .map(|n| n.label.as_str())
            .collect();
        close.sort_unstable();
        close.dedup();
        close.truncate(3);
        if close.is_empty() {
            "; list entities with `trame query` or drop --focus".to_string()
        } else {
            format!(
                "; did you mean {}?",
                close.iter().map(|l| format!("{l:?}")).collect::<Vec<_>>().join(", ")
            )
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct EdgeKey {
    subject: String,
    object: String,
    predicate: String,
    lemma: String,
    negated: bool,
    hypothetical: bool,
}

fn bare_entity(iri: &str, label: &str) -> NodeData {
    NodeData {
        key: iri.to_string(),
        label: shorten(label, MAX_ENTITY_LABEL),
        kind: NodeKind::Misc,
        aliases: Vec::new(),
        mentions: 0,
    }
}

/// Merges the edges from one entity to another into one edge: its count is
/// the sum, its label the two most frequent labels (then `+N` more), its
/// flags set only when every merged edge has them. The predicate and lemma
/// of the most frequent edge stand for the whole.
fn merge_parallel(edges: BTreeMap<EdgeKey, EdgeData>) -> BTreeMap<EdgeKey, EdgeData> {
    let mut groups: BTreeMap<(String, String), Vec<(EdgeKey, EdgeData)>> = BTreeMap::new();
    for (key, edge) in edges {
        groups
            .entry((key.subject.clone(), key.object.clone()))
            .or_default()
            .push((key, edge));
    }
    let mut merged = BTreeMap::new();
    for (_, mut group) in groups {
        // Most facts first; ties in key order (the map's order), so the result is stable.
        group.sort_by_key(|(_, edge)| std::cmp::Reverse(edge.count));
        let (key, mut first) = group.remove(0);
        if group.is_empty() {
            merged.insert(key, first);
            continue;
        }
        let mut labels: Vec<&str> = vec![first.label.as_str()];
        for (_, edge) in &group {
            if !labels.contains(&edge.label.as_str()) {
                labels.push(edge.label.as_str());
            }
        }
        let mut label = labels[..labels.len().min(2)].join(" · ");
        if labels.len() > 2 {
            label.push_str(&format!(" · +{}", labels.len() - 2));
        }
        for (_, edge) in &group {
            first.count += edge.count;
            first.negated &= edge.negated;
            first.hypothetical &= edge.hypothetical;
            first.reported &= edge.reported;
            first.confidence = first.confidence.max(edge.confidence);
        }
        first.label = label;
        merged.insert(key, first);
    }
    merged
}

/// The arrow's text: chosen words, `not ` when negated, `?` when
/// hypothetical, `×N` when it stands for several facts.
fn edge_label(edge: &EdgeData, choice: EdgeLabel) -> String {
    let (predicate, lemma) = (edge.predicate.trim(), edge.lemma.trim());
    let words = match choice {
        EdgeLabel::Predicate if !predicate.is_empty() => predicate.to_string(),
        EdgeLabel::Lemma if !lemma.is_empty() => lemma.to_string(),
        EdgeLabel::Both if !predicate.is_empty() && !lemma.is_empty() && predicate != lemma => {
            format!("{predicate} ({lemma})")
        }
        _ if predicate.is_empty() => lemma.to_string(),
        _ => predicate.to_string(),
    };
    let mut label = if edge.negated { format!("not {words}") } else { words };
    if edge.hypothetical {
        label.push('?');
    }
    if edge.count > 1 {
        label.push_str(&format!(" ×{}", edge.count));
    }
    label
}

/// One line, at most `max` characters, an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::snapshot::{EntityRow, RelationRow};

    pub(crate) fn entity(iri: &str, label: &str, kind: &str) -> EntityRow {
        EntityRow {
            iri: iri.into(),
            label: label.into(),
            kind: kind.into(),
            aliases: vec![],
            mentions: 1,
        }
    }

    pub(crate) fn fact(subject: &EntityRow, predicate: &str, object: Option<&EntityRow>, literal: &str) -> RelationRow {
        RelationRow {
            statement: format!("urn:st:{}:{predicate}", subject.iri),
            subject_iri: subject.iri.clone(),
            subject: subject.label.clone(),
            predicate: predicate.into(),
            object_iri: object.map(|o| o.iri.clone()),
            object: object.map(|o| o.label.clone()).unwrap_or_else(|| literal.into()),
            lemma: format!("{predicate}-lemma"),
            doc: "urn:doc:1".into(),
            sentence: "Une phrase.".into(),
            sentence_start: Some(0),
            start: 0,
            end: 5,
            confidence: 0.8,
            negated: false,
            hypothetical: false,
            reported: false,
            rule: "test".into(),
            ..Default::default()
        }
    }

    /// A cycle a-b-c-d-b with a literal on a, and an isolated e.
    fn chain() -> GraphSnapshot {
        let a = entity("urn:e:a", "Emmanuel Macron", "PER");
        let b = entity("urn:e:b", "Élysée", "ORG");
        let c = entity("urn:e:c", "Paris", "LOC");
        let d = entity("urn:e:d", "Traité", "MISC");
        let e = entity("urn:e:e", "Seul", "PER");
        let mut a2 = a.clone();
        a2.aliases = vec!["Macron".into()];
        GraphSnapshot {
            relations: vec![
                fact(&a, "worksAt", Some(&b), ""),
                fact(&a, "worksAt", Some(&b), ""),
                fact(&b, "locatedIn", Some(&c), ""),
                fact(&c, "signs", Some(&d), ""),
                fact(&d, "mentions", Some(&b), ""),
                fact(&a, "role", None, "président"),
            ],
            entities: vec![a2, b, c, d, e],
            ..Default::default()
        }
    }

    #[test]
    fn merges_parallel_facts_and_drops_isolated() {
        let g = FactGraph::from_snapshot(&chain(), &GraphOptions::default());
        assert_eq!(g.entity_count(), 4);
        assert_eq!(g.graph.node_count(), 5);
        assert_eq!(g.graph.edge_count(), 5);
        assert_eq!(g.fact_count(), 6);
        let labels: Vec<&str> = g.graph.edge_weights().map(|e| e.label.as_str()).collect();
        assert!(labels.contains(&"worksAt ×2"), "{labels:?}");
    }

    #[test]
    fn options_keep_isolated_and_drop_literals() {
        let options = GraphOptions {
            literals: false,
            compact: false,
            isolated_entities: true,
            edge_label: EdgeLabel::Lemma,
        };
        let g = FactGraph::from_snapshot(&chain(), &options);
        assert_eq!(g.graph.node_count(), 5);
        assert!(g.graph.node_weights().all(|n| n.kind.is_entity()));
        assert!(g.graph.edge_weights().any(|e| e.label == "signs-lemma"));
    }

    #[test]
    fn focus_matches_alias_without_accents_and_limits_depth() {
        let g = FactGraph::from_snapshot(&chain(), &GraphOptions::default());
        let one = g
            .select(&Selection {
                focus: Some("macron".into()),
                depth: 1,
                ..Default::default()
            })
            .unwrap();
        let mut labels: Vec<String> = one.graph.node_weights().map(|n| n.label.clone()).collect();
        labels.sort();
        assert_eq!(labels, ["Emmanuel Macron", "président", "Élysée"]);
        let two = g
            .select(&Selection {
                focus: Some("ELYSEE".into()),
                depth: 2,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(two.entity_count(), 4);
    }

    #[test]
    fn unknown_focus_is_an_error_with_a_hint() {
        let g = FactGraph::from_snapshot(&chain(), &GraphOptions::default());
        let error = g
            .select(&Selection {
                focus: Some("Macronie Paris".into()),
                ..Default::default()
            })
            .unwrap_err();
        assert!(error.to_string().contains("\"Paris\""), "{error}");
    }

    #[test]
    fn top_keeps_the_most_connected() {
        let g = FactGraph::from_snapshot(&chain(), &GraphOptions::default());
        for rank in [Rank::Degree, Rank::PageRank] {
            let top = g
                .select(&Selection {
                    top: Some(2),
                    rank,
                    ..Default::default()
                })
                .unwrap();
            let labels: BTreeSet<String> = top
                .graph
                .node_weights()
                .filter(|n| n.kind.is_entity())
                .map(|n| n.label.clone())
                .collect();
            assert_eq!(labels.len(), 2, "{rank:?}");
            assert!(
                labels.contains("Élysée") && labels.contains("Emmanuel Macron"),
                "{rank:?} {labels:?}"
            );
        }
    }

    #[test]
    fn page_rank_sums_to_one_and_favours_hubs() {
        let g = FactGraph::from_snapshot(&chain(), &GraphOptions::default());
        let rank = g.undirected_page_rank();
        assert!((rank.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let best = (0..rank.len()).max_by(|&a, &b| rank[a].total_cmp(&rank[b])).unwrap();
        assert_eq!(g.graph[NodeIndex::new(best)].label, "Élysée");
    }

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(shorten("a  b\nc", 10), "a b c");
        assert_eq!(shorten("abcdefghijkl", 5), "abcd…");
    }

    #[test]
    fn compact_graphs_count_values_and_merge_parallel_edges() {
        let a = entity("urn:e:a", "Macron", "PER");
        let b = entity("urn:e:b", "Paris", "LOC");
        let mut snapshot = GraphSnapshot {
            entities: vec![a.clone(), b.clone()],
            ..Default::default()
        };
        snapshot.relations = vec![
            fact(&a, "travelsTo", Some(&b), ""),
            fact(&a, "travelsTo", Some(&b), ""),
            fact(&a, "meets", Some(&b), ""),
            fact(&a, "locatedIn", Some(&b), ""),
            fact(&a, "role", None, "président"),
            fact(&a, "states", None, "que tout va bien"),
        ];
        let options = GraphOptions {
            compact: true,
            ..GraphOptions::default()
        };
        let graph = FactGraph::from_snapshot(&snapshot, &options);
        assert_eq!(graph.graph.node_count(), 2, "values are not drawn");
        assert_eq!(graph.graph.edge_count(), 1, "one arrow from Macron to Paris");
        let edge = graph.graph.edge_weights().next().unwrap();
        assert_eq!(edge.count, 4);
        assert_eq!(edge.label, "travelsTo ×2 · locatedIn · +1");
        let labels: Vec<&str> = graph.graph.node_weights().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["Macron · 2 values", "Paris"]);
        let full = FactGraph::from_snapshot(&snapshot, &GraphOptions::default());
        assert_eq!(full.graph.edge_count(), 5);
    }
}
