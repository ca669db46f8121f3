//! `trame explain`: where did this fact, or what we know of this entity, come from?
//!
//! Finds an entity (by label, alias or IRI), a statement (by IRI) or facts
//! (by their words) in the store's [`GraphSnapshot`] with [`crate::lookup`],
//! and prints each fact
//! with its source sentence, the fact's span highlighted, its confidence and
//! the rule that derived it. Reads the snapshot only: it never queries RDF
//! itself and never runs the language pipeline.

use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use super::output::{self, ColorChoice};
use super::GlobalArgs;
use crate::facts::MinConfidence;
use crate::lookup::{find, highlight_ranges, Found};
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
            crate::quote::path(&global.store)
        );
    }
    let style = Style::for_stdout(global.color);
    let text = render(&found, &snapshot.mentions, style);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
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
        "\n  {} —{}→ {}\n    {}\n    confidence {:.2} · rule {}{flags}\n{}    {} · {}\n",
        fact.subject,
        fact.predicate,
        fact.object,
        highlight(&fact.sentence, &spans, style),
        fact.confidence,
        fact.rule,
        corroboration(fact),
        source,
        fact.statement
    )
}

/// The fact's event type and how many documents state it, as one line
/// ("event ASSAULT, CAMEO 19 · stated by 3 documents, contested · claim <…>"),
/// or nothing when the fact is untyped and no other document states it.
pub fn corroboration(fact: &RelationRow) -> String {
    let mut parts = Vec::new();
    if let Some(event) = &fact.event_type {
        let cameo = fact
            .cameo_root
            .as_deref()
            .map(|c| format!(", CAMEO {c}"))
            .unwrap_or_default();
        parts.push(format!("event {event}{cameo}"));
    }
    if let Some(claim) = &fact.claim {
        let contested = if fact.contested {
            ", contested (another source negates it)"
        } else {
            ""
        };
        parts.push(format!(
            "stated by {} documents{contested} · claim {claim}",
            fact.sources
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("    {}\n", parts.join(" · "))
    }
}

/// `text` with the character ranges wrapped in the style's markers.
fn highlight(text: &str, ranges: &[Range<usize>], style: Style) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for range in ranges {
        let (start, end) = (range.start.min(chars.len()).max(at), range.end.min(chars.len()));
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
    use crate::lookup::fixtures::snapshot;

    // Where the highlights go is `lookup`'s (tested there); how they are drawn is this file's.
    #[test]
    fn a_fact_is_shown_with_its_span_highlighted() {
        let snapshot = snapshot();
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
        assert_eq!(
            highlight(&fact.sentence, &[21..32, 43..50], Style::Brackets),
            "Le secrétaire d'État «Marco Rubio» a parlé à «Djeddah»."
        );
    }
}
