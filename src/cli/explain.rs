//! `trame explain`: where did this fact, or what we know of this entity, come from?
//!
//! Finds an entity (by label, alias or IRI), a statement (by IRI) or facts
//! (by their words) in the store's [`GraphSnapshot`], and prints each fact
//! with its source sentence, the fact's span highlighted, its confidence and
//! the rule that derived it. Reads the snapshot only: it never queries RDF
//! itself and never runs the language pipeline.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use super::output::{self, ColorChoice};
use super::GlobalArgs;
use crate::facts::MinConfidence;
use crate::names;
use crate::store::snapshot::{EntityRow, GraphSnapshot, MentionRow, RelationRow};

/// Show the facts about an entity, or one fact, with the sentences they come from.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame explain Rubio                        every fact about Marco Rubio (alias)\n  \
    trame explain 'Volodymyr Zelenskyy'        by canonical name\n  \
    trame explain Rubio role                   facts whose words match\n  \
    trame explain '<https://…/statement/…>'    one fact by its IRI (see `trame query`)")]
pub struct ExplainArgs {
    /// An entity's name or alias, an entity or statement IRI, or words of a fact (subject, predicate, object).
    #[arg(required = true, value_name = "FACT-OR-ENTITY", num_args = 1..)]
    pub query: Vec<String>,
    /// Leave out facts whose confidence is below this (0 to 1).
    #[arg(long, value_name = "C", default_value_t)]
    pub min_confidence: MinConfidence,
}

pub fn run(args: &ExplainArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let query = args.query.join(" ");
    let snapshot = engine::snapshot(&global.store, args.min_confidence)?;
    let found = find(&snapshot, &query);
    if found.is_empty() {
        anyhow::bail!(
            "nothing in {} matches \"{query}\"; give an entity's name as written in the articles (e.g. a surname), \
             a statement IRI from `trame query`, or words of a fact",
            global.store.display()
        );
    }
    let style = Style::for_stdout(global.color);
    let text = render(&found, &snapshot.mentions, style);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

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
    let statements: Vec<&RelationRow> = snapshot
        .relations
        .iter()
        .filter(|r| r.statement == iri)
        .collect();
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

/// How highlighted spans are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Bold yellow on a terminal.
    Ansi,
    /// «…» when colour is off.
    Brackets,
}

impl Style {
    /// Colour on stdout only on a terminal, never with NO_COLOR, as `--color` says.
    pub fn for_stdout(choice: ColorChoice) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => output::stdout_is_terminal() && !no_color,
        };
        if color {
            Style::Ansi
        } else {
            Style::Brackets
        }
    }

    fn wrap(self, text: &str) -> String {
        match self {
            Style::Ansi => format!("\x1b[1;33m{text}\x1b[0m"),
            Style::Brackets => format!("«{text}»"),
        }
    }
}

/// The text printed for a match.
pub fn render(found: &Found, mentions: &[MentionRow], style: Style) -> String {
    let mut out = String::new();
    match found {
        Found::Entities(entities) => {
            for (entity, facts) in entities {
                out.push_str(&entity_header(entity, facts.len()));
                for fact in facts {
                    out.push_str(&render_fact(fact, mentions, style));
                }
                out.push('\n');
            }
        }
        Found::Facts(facts) => {
            for fact in facts {
                out.push_str(&render_fact(fact, mentions, style));
            }
        }
    }
    out
}

fn entity_header(entity: &EntityRow, facts: usize) -> String {
    let aliases = if entity.aliases.is_empty() {
        String::new()
    } else {
        format!("; also {}", entity.aliases.join(", "))
    };
    format!(
        "{} ({}{aliases}; {} mention{}, {facts} fact{})\n  {}\n",
        entity.label,
        entity.kind,
        entity.mentions,
        if entity.mentions == 1 { "" } else { "s" },
        if facts == 1 { "" } else { "s" },
        entity.iri
    )
}

fn render_fact(fact: &RelationRow, mentions: &[MentionRow], style: Style) -> String {
    let spans = highlight_ranges(fact, mentions);
    let mut flags = Vec::new();
    for (set, name) in [
        (fact.negated, "negated"),
        (fact.hypothetical, "hypothetical"),
        (fact.reported, "reported"),
    ] {
        if set {
            flags.push(name);
        }
    }
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" · {}", flags.join(", "))
    };
    // The file the analyst gave is more telling than the document's IRI.
    let source = mentions
        .iter()
        .find(|m| m.doc == fact.doc)
        .map_or(fact.doc.as_str(), |m| m.source.as_str());
    format!(
        "\n  {} —{}→ {}\n    {}\n    confidence {:.2} · rule {}{flags}\n    {} · {}\n",
        fact.subject,
        fact.predicate,
        fact.object,
        highlight(&fact.sentence, &spans, style),
        fact.confidence,
        fact.rule,
        source,
        fact.statement
    )
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
    for mention in mentions
        .iter()
        .filter(|m| m.doc == fact.doc && !m.text.is_empty())
    {
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

/// `text` with the character ranges wrapped in the style's markers.
fn highlight(text: &str, ranges: &[Range<usize>], style: Style) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for range in ranges {
        let (start, end) = (
            range.start.min(chars.len()).max(at),
            range.end.min(chars.len()),
        );
        if start >= end {
            continue;
        }
        out.extend(&chars[at..start]);
        out.push_str(&style.wrap(&chars[start..end].iter().collect::<String>()));
        at = end;
    }
    out.extend(&chars[at..]);
    out
}

/// Character offsets of every occurrence of `needle` in `haystack`.
fn char_positions(haystack: &str, needle: &str) -> Vec<usize> {
    haystack
        .match_indices(needle)
        .map(|(byte, _)| haystack[..byte].chars().count())
        .collect()
}

fn facts_about<'a>(snapshot: &'a GraphSnapshot, iri: &str) -> Vec<&'a RelationRow> {
    let mut facts: Vec<&RelationRow> = snapshot
        .relations
        .iter()
        .filter(|r| r.subject_iri == iri || r.object_iri.as_deref() == Some(iri))
        .collect();
    facts.sort_by(|a, b| (&a.doc, a.start, &a.statement).cmp(&(&b.doc, b.start, &b.statement)));
    facts
}

/// `resumesAidTo` → `resumes Aid To`.
fn split_camel(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The only place `explain` touches the store.
mod engine {
    use super::*;

    pub fn snapshot(path: &Path, min_confidence: MinConfidence) -> anyhow::Result<GraphSnapshot> {
        let store = crate::cli::shared::open_store_at(path, crate::cli::shared::Access::Read)?;
        let options = crate::store::SnapshotOptions {
            min_confidence: Some(min_confidence),
            construct: None,
        };
        Ok(store.snapshot(&options)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(iri: &str, label: &str, aliases: &[&str]) -> EntityRow {
        EntityRow {
            iri: iri.into(),
            label: label.into(),
            kind: "PER".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 2,
        }
    }

    fn relation(
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
        }
    }

    fn mention(text: &str, start: usize) -> MentionRow {
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
    fn snapshot() -> GraphSnapshot {
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
                relation(
                    "urn:s:2",
                    ("urn:e:other", "Quelqu'un"),
                    "speaksAt",
                    "Djeddah",
                    127,
                    150,
                ),
            ],
            mentions: vec![
                mention("Marco Rubio", 121),
                mention("Djeddah", 143),
                mention("Marco Rubio", 500),
            ],
            quads: vec![],
        }
    }

    fn labels(found: &Found) -> Vec<String> {
        match found {
            Found::Entities(entities) => entities
                .iter()
                .map(|(e, facts)| format!("{}:{}", e.label, facts.len()))
                .collect(),
            Found::Facts(facts) => facts.iter().map(|f| f.statement.clone()).collect(),
        }
    }

    #[test]
    fn finds_by_label_alias_iri_words_and_statement() {
        let snapshot = snapshot();
        assert_eq!(
            labels(&find(&snapshot, "Marco Rubio")),
            vec!["Marco Rubio:1"]
        );
        assert_eq!(labels(&find(&snapshot, "rubio")), vec!["Marco Rubio:1"]);
        assert_eq!(
            labels(&find(&snapshot, "<urn:e:rubio>")),
            vec!["Marco Rubio:1"]
        );
        assert_eq!(
            labels(&find(&snapshot, "Zelenskyy")),
            vec!["Volodymyr Zelenskyy:0"]
        );
        assert_eq!(labels(&find(&snapshot, "urn:s:2")), vec!["urn:s:2"]);
        assert_eq!(labels(&find(&snapshot, "speaks djeddah")), vec!["urn:s:2"]);
        assert_eq!(
            labels(&find(&snapshot, "secretaire d'etat")),
            vec!["urn:s:1"]
        );
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
        let found = find(&snapshot, "Rubio");
        let text = render(&found, &snapshot.mentions, Style::Brackets);
        let expected = "Marco Rubio (PER; also Rubio; 2 mentions, 1 fact)\n  urn:e:rubio\n\n  \
            Marco Rubio —role→ secrétaire d'État\n    «Le secrétaire d'État Marco» Rubio a parlé à Djeddah.\n    \
            confidence 0.90 · rule appos-title\n    a.txt · urn:s:1\n\n";
        assert_eq!(text, expected);
        let ansi = render(&found, &snapshot.mentions, Style::Ansi);
        assert!(ansi.contains("\x1b[1;33mLe secrétaire d'État Marco\x1b[0m Rubio"));
    }

    #[test]
    fn without_mentions_the_names_are_highlighted() {
        let snapshot = snapshot();
        let mut fact = snapshot.relations[0].clone();
        fact.object = "Djeddah".into();
        assert_eq!(highlight_ranges(&fact, &[]), vec![21..32, 43..50]);
        assert_eq!(
            highlight(&fact.sentence, &[21..32, 43..50], Style::Brackets),
            "Le secrétaire d'État «Marco Rubio» a parlé à «Djeddah»."
        );
    }

    #[test]
    fn predicates_are_searched_as_words() {
        assert_eq!(split_camel("resumesAidTo"), "resumes Aid To");
    }
}
