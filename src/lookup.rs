//! Finding entities and facts in a [`GraphSnapshot`] by what people type.
//!
//! Owns name matching for the commands and pages that look things up
//! (`trame explain`, `trame serve`'s search and entity pages): folding
//! (case, accents, apostrophes), matching by IRI, label, alias or words,
//! the facts about an entity, and which characters of a fact's sentence to
//! highlight. Works on snapshot rows only: it never opens the store, never
//! prints and never formats for a terminal or a page.

use std::collections::HashMap;
use std::ops::Range;

use crate::names;
use crate::store::snapshot::{EntityRow, GraphSnapshot, MentionRow, RelationRow};

/// What a query matched.
#[derive(Debug, PartialEq)]
pub enum Found<'a> {
    /// Entities, each with the facts where it is subject or object.
    Entities(Vec<(&'a EntityRow, Vec<&'a RelationRow>)>),
    /// Facts matched directly (by statement IRI or by their words).
    Facts(Vec<&'a RelationRow>),
}

impl Found<'_> {
    pub fn is_empty(&self) -> bool {
        match self {
            Found::Entities(entities) => entities.is_empty(),
            Found::Facts(facts) => facts.is_empty(),
        }
    }
}

/// Looks the query up, most specific first: a statement IRI, an entity IRI,
/// an entity's exact label or alias, whole words of an entity's label, and
/// finally words of facts (subject, predicate, object, lemma).
pub fn find<'a>(snapshot: &'a GraphSnapshot, query: &str) -> Found<'a> {
    let iri = query.trim().trim_start_matches('<').trim_end_matches('>');
    let statements: Vec<&RelationRow> = snapshot.relations.iter().filter(|r| r.statement == iri).collect();
    if !statements.is_empty() {
        return Found::Facts(statements);
    }
    let words = names::words(query);
    if words.is_empty() {
        return Found::Facts(Vec::new());
    }
    let wanted = names::key(query);
    let by_iri = |e: &&EntityRow| e.iri == iri;
    let by_name = |e: &&EntityRow| {
        std::iter::once(&e.label)
            .chain(&e.aliases)
            .any(|name| names::key(name) == wanted)
    };
    let by_words = |e: &&EntityRow| names::contains_words(&names::words(&e.label), &words);
    for matcher in [&by_iri as &dyn Fn(&&EntityRow) -> bool, &by_name, &by_words] {
        let entities: Vec<&EntityRow> = snapshot.entities.iter().filter(matcher).collect();
        if !entities.is_empty() {
            return Found::Entities(
                entities
                    .into_iter()
                    .map(|e| (e, facts_about(snapshot, &e.iri)))
                    .collect(),
            );
        }
    }
    let facts = snapshot
        .relations
        .iter()
        .filter(|r| {
            let text = names::words(&format!(
                "{} {} {} {}",
                r.subject,
                split_camel(&r.predicate),
                r.object,
                r.lemma
            ));
            words
                .iter()
                .all(|w| names::contains_words(&text, std::slice::from_ref(w)))
        })
        .collect();
    Found::Facts(facts)
}

/// Character ranges of the sentence to highlight: the fact's own span when
/// the sentence can be placed in its document, else the subject's and
/// object's names where they appear.
pub fn highlight_ranges(fact: &RelationRow, mentions: &[MentionRow]) -> Vec<Range<usize>> {
    let stored_start = fact
        .sentence_start
        .filter(|&start| start <= fact.start && fact.start <= fact.end);
    if let Some(start) = stored_start.or_else(|| sentence_start(fact, mentions)) {
        let length = fact.sentence.chars().count();
        return vec![Range {
            start: (fact.start - start).min(length),
            end: (fact.end - start).min(length),
        }];
    }
    let mut ranges: Vec<Range<usize>> = [&fact.subject, &fact.object]
        .into_iter()
        .filter(|name| !name.is_empty())
        .filter_map(|name| {
            char_positions(&fact.sentence, name)
                .first()
                .map(|&p| p..p + name.chars().count())
        })
        .collect();
    ranges.sort_by_key(|r| r.start);
    ranges.dedup_by(|later, earlier| later.start < earlier.end);
    ranges
}

/// Where the fact's sentence starts in its document, for stores written
/// before statements carried it. The
/// snapshot gives the fact's span in the document and the sentence's text;
/// the mentions of that document place the sentence: every mention whose
/// text appears in the sentence votes for the start it implies, and the
/// start must contain the fact's span.
fn sentence_start(fact: &RelationRow, mentions: &[MentionRow]) -> Option<usize> {
    let length = fact.sentence.chars().count();
    let mut votes: HashMap<usize, usize> = HashMap::new();
    for mention in mentions.iter().filter(|m| m.doc == fact.doc && !m.text.is_empty()) {
        for position in char_positions(&fact.sentence, &mention.text) {
            let Some(start) = mention.start.checked_sub(position) else {
                continue;
            };
            if start <= fact.start && fact.end <= start + length && fact.start <= fact.end {
                *votes.entry(start).or_default() += 1;
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(start, count)| (count, std::cmp::Reverse(start)))
        .map(|(start, _)| start)
}

/// Character offsets of every occurrence of `needle` in `haystack`.
pub fn char_positions(haystack: &str, needle: &str) -> Vec<usize> {
    haystack
        .match_indices(needle)
        .map(|(byte, _)| haystack[..byte].chars().count())
        .collect()
}

/// The facts where the entity `iri` is subject or object, by document then position.
pub fn facts_about<'a>(snapshot: &'a GraphSnapshot, iri: &str) -> Vec<&'a RelationRow> {
    let mut facts: Vec<&RelationRow> = snapshot
        .relations
        .iter()
        .filter(|r| r.subject_iri == iri || r.object_iri.as_deref() == Some(iri))
        .collect();
    facts.sort_by(|a, b| (&a.doc, a.start, &a.statement).cmp(&(&b.doc, b.start, &b.statement)));
    facts
}

/// `resumesAidTo` → `resumes Aid To`.
pub fn split_camel(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Entity names (labels and aliases) folded once, for autocompletion.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// (folded name without article, entity index, 0 for the label or 1 + alias index).
    names: Vec<(String, usize, usize)>,
}

/// One autocompletion answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Index of the entity in the rows the index was built from.
    pub entity: usize,
    /// The label or alias that matched, as written.
    pub name: String,
}

impl NameIndex {
    pub fn new(entities: &[EntityRow]) -> NameIndex {
        let mut names = Vec::new();
        for (index, entity) in entities.iter().enumerate() {
            for (which, name) in std::iter::once(&entity.label).chain(&entity.aliases).enumerate() {
                names.push((names::key(name), index, which));
            }
        }
        NameIndex { names }
    }

    /// At most `limit` entities whose label or an alias starts with what was
    /// typed, or has a word that does, ignoring case, accents and a leading
    /// article. Best first: the whole name typed, then a name that starts
    /// with it, then a later word that does; ties go to the entity with more
    /// mentions, then to the shorter name. One answer per entity, naming
    /// the label or alias that matched best.
    pub fn suggest(&self, entities: &[EntityRow], typed: &str, limit: usize) -> Vec<Suggestion> {
        let key = names::key(typed);
        let typed = key.as_str();
        if typed.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<usize, (u8, usize)> = HashMap::new();
        for (name, entity, which) in &self.names {
            let rank = if name == typed {
                0
            } else if name.starts_with(typed) {
                1
            } else if name
                .match_indices(typed)
                .any(|(at, _)| at > 0 && matches!(name.as_bytes()[at - 1], b' ' | b'\''))
            {
                2
            } else {
                continue;
            };
            let entry = best.entry(*entity).or_insert((rank, *which));
            if rank < entry.0 {
                *entry = (rank, *which);
            }
        }
        let name_of = |entity: usize, which: usize| -> &str {
            let row = &entities[entity];
            if which == 0 {
                &row.label
            } else {
                &row.aliases[which - 1]
            }
        };
        let mut found: Vec<(u8, usize, usize)> = best
            .into_iter()
            .map(|(entity, (rank, which))| (rank, entity, which))
            .collect();
        found.sort_by(|a, b| {
            let key = |&(rank, entity, which): &(u8, usize, usize)| {
                (
                    rank,
                    std::cmp::Reverse(entities[entity].mentions),
                    name_of(entity, which).chars().count(),
                    entity,
                )
            };
            key(a).cmp(&key(b))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(_, entity, which)| Suggestion {
                entity,
                name: name_of(entity, which).to_string(),
            })
            .collect()
    }
}

/// Hand-made snapshot rows for the tests of the modules that render lookups.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::store::snapshot::{EntityRow, GraphSnapshot, MentionRow, RelationRow};

    pub fn entity(iri: &str, label: &str, aliases: &[&str]) -> EntityRow {
        EntityRow {
            iri: iri.into(),
            label: label.into(),
            kind: "PER".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 2,
        }
    }

    pub fn relation(
        statement: &str,
        subject: (&str, &str),
        predicate: &str,
        object: &str,
        start: usize,
        end: usize,
    ) -> RelationRow {
        RelationRow {
            statement: statement.into(),
            subject_iri: subject.0.into(),
            subject: subject.1.into(),
            predicate: predicate.into(),
            object_iri: None,
            object: object.into(),
            lemma: "être".into(),
            doc: "urn:doc:1".into(),
            sentence: "Le secrétaire d'État Marco Rubio a parlé à Djeddah.".into(),
            sentence_start: None,
            start,
            end,
            confidence: 0.9,
            negated: false,
            hypothetical: false,
            reported: false,
            rule: "appos-title".into(),
            ..Default::default()
        }
    }

    pub fn mention(text: &str, start: usize) -> MentionRow {
        MentionRow {
            entity_iri: "e".into(),
            doc: "urn:doc:1".into(),
            source: "a.txt".into(),
            start,
            end: start + text.chars().count(),
            text: text.into(),
            kind: "PER".into(),
        }
    }

    /// The sentence stands at offset 100 of its document.
    pub fn snapshot() -> GraphSnapshot {
        GraphSnapshot {
            entities: vec![
                entity("urn:e:rubio", "Marco Rubio", &["Rubio"]),
                entity("urn:e:zel", "Volodymyr Zelenskyy", &[]),
            ],
            relations: vec![
                relation(
                    "urn:s:1",
                    ("urn:e:rubio", "Marco Rubio"),
                    "role",
                    "secrétaire d'État",
                    100,
                    126,
                ),
                relation("urn:s:2", ("urn:e:other", "Quelqu'un"), "speaksAt", "Djeddah", 127, 150),
            ],
            mentions: vec![
                mention("Marco Rubio", 121),
                mention("Djeddah", 143),
                mention("Marco Rubio", 500),
            ],
            quads: vec![],
            ..Default::default()
        }
    }

    pub fn labels(found: &super::Found) -> Vec<String> {
        match found {
            super::Found::Entities(entities) => entities
                .iter()
                .map(|(e, facts)| format!("{}:{}", e.label, facts.len()))
                .collect(),
            super::Found::Facts(facts) => facts.iter().map(|f| f.statement.clone()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn finds_by_label_alias_iri_words_and_statement() {
        let snapshot = snapshot();
        assert_eq!(labels(&find(&snapshot, "Marco Rubio")), vec!["Marco Rubio:1"]);
        assert_eq!(labels(&find(&snapshot, "rubio")), vec!["Marco Rubio:1"]);
        assert_eq!(labels(&find(&snapshot, "<urn:e:rubio>")), vec!["Marco Rubio:1"]);
        assert_eq!(labels(&find(&snapshot, "Zelenskyy")), vec!["Volodymyr Zelenskyy:0"]);
        assert_eq!(labels(&find(&snapshot, "urn:s:2")), vec!["urn:s:2"]);
        assert_eq!(labels(&find(&snapshot, "speaks djeddah")), vec!["urn:s:2"]);
        assert_eq!(labels(&find(&snapshot, "secretaire d'etat")), vec!["urn:s:1"]);
        assert!(find(&snapshot, "Poutine").is_empty());
        assert!(find(&snapshot, "  ").is_empty());
    }

    #[test]
    fn the_facts_span_is_placed_by_the_documents_mentions() {
        let snapshot = snapshot();
        assert_eq!(
            highlight_ranges(&snapshot.relations[0], &snapshot.mentions),
            vec![0..26]
        );
    }

    #[test]
    fn without_mentions_the_names_are_highlighted() {
        let snapshot = snapshot();
        let mut fact = snapshot.relations[0].clone();
        fact.object = "Djeddah".into();
        assert_eq!(highlight_ranges(&fact, &[]), vec![21..32, 43..50]);
    }

    #[test]
    fn suggestions_ignore_case_accents_and_articles_and_rank_whole_names_first() {
        let mut entities = snapshot().entities;
        entities.push(entity("urn:e:etats", "États-Unis", &["les Etats-Unis"]));
        entities.push(entity("urn:e:marc", "Marc", &[]));
        let index = NameIndex::new(&entities);
        let names = |typed: &str| -> Vec<String> {
            index
                .suggest(&entities, typed, 10)
                .into_iter()
                .map(|s| s.name)
                .collect()
        };
        assert_eq!(names("MARC"), vec!["Marc", "Marco Rubio"]);
        assert_eq!(names("etats"), vec!["États-Unis"]);
        assert_eq!(names("les états-u"), vec!["États-Unis"]);
        assert_eq!(names("rub"), vec!["Rubio"]);
        assert_eq!(names("unis"), vec!["États-Unis"]);
        assert_eq!(names("zelenskyy"), vec!["Volodymyr Zelenskyy"]);
        assert!(names("arco").is_empty());
        assert!(names(" ' ").is_empty());
        assert_eq!(index.suggest(&entities, "m", 1).len(), 1);
    }

    #[test]
    fn predicates_are_searched_as_words() {
        assert_eq!(split_camel("resumesAidTo"), "resumes Aid To");
    }
}
