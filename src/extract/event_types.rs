//! Event types: which PLOVER category (and CAMEO root, quad class) a fact's
//! act belongs to, from the table `data/event_types.tsv`.
//!
//! Owns the table's format and the lookup ([`classify`]); the rules hand it
//! the fact's lemma and the cues read off the parse ([`Cues`]) and store the
//! answer on the fact. It never reads the parse itself and never touches RDF.
//!
//! Method: a lemma's row with a cue (object head noun, preposition, object
//! kind) wins over its plain row, first matching cued row in table order;
//! a lemma without a plain row is typed only when a cue holds. Categories
//! and root codes follow the PLOVER codebook (Open Event Data Alliance,
//! manual draft 0.8, 2021) and the CAMEO codebook (Schrodt, 1.1b3, 2012).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::facts::{EventType, Plover, QuadClass};

/// The table as shipped.
pub const EVENT_TYPES_TSV: &str = include_str!("data/event_types.tsv");

/// What must hold, beside the lemma, for a row to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// The lemma alone decides.
    Always,
    /// The head noun (lemma) of the direct object or of an oblique argument.
    Object(String),
    /// An argument introduced by this preposition.
    Preposition(String),
    /// The object (or target) is a place entity.
    Place,
    /// The object is a person or an organisation.
    Actor,
    /// The object is a person.
    Person,
}

/// What the parse says around a fact's predicate, for [`classify`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    /// Head noun lemmas of the direct object(s) and oblique arguments, lower case.
    pub objects: Vec<String>,
    /// Prepositions introducing the verb's arguments or its infinitive
    /// complement ("appeler à manifester"), lower case.
    pub prepositions: Vec<String>,
    /// The object or target is a place entity.
    pub place: bool,
    /// The object is a person or an organisation entity.
    pub actor: bool,
    /// The object is a person entity.
    pub person: bool,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub lemma: String,
    pub cue: Cue,
    pub event: EventType,
}

/// A malformed row of the table, with its line number (1-based).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EventTableError {
    #[error("event_types.tsv line {line}: expected 5 tab-separated columns (lemma, cue, plover, cameo, quad), found {found}")]
    Columns { line: usize, found: usize },
    #[error("event_types.tsv line {line}: unknown cue {cue:?}; use -, obj:NOUN, prep:P, place, actor or person")]
    Cue { line: usize, cue: String },
    #[error("event_types.tsv line {line}: unknown PLOVER type {code:?}")]
    Plover { line: usize, code: String },
    #[error("event_types.tsv line {line}: CAMEO root {code:?} is not two digits from 01 to 20")]
    Cameo { line: usize, code: String },
    #[error(
        "event_types.tsv line {line}: quad class {quad:?} does not match CAMEO root {root:02} (expected {expected})"
    )]
    Quad {
        line: usize,
        quad: String,
        root: u8,
        expected: &'static str,
    },
    #[error("event_types.tsv line {line}: {lemma:?} with this cue is already listed on line {first}")]
    Duplicate { line: usize, lemma: String, first: usize },
}

/// The parsed table, rows grouped by lemma in table order.
#[derive(Debug, Default)]
pub struct EventTable {
    by_lemma: HashMap<String, Vec<EventRow>>,
    rows: usize,
}

impl EventTable {
    /// Parses the table text. Comment lines start with `#`; the header row
    /// (first column `lemma`) is skipped.
    pub fn parse(text: &str) -> Result<Self, EventTableError> {
        let mut table = EventTable::default();
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
            if cols.len() != 5 {
                return Err(EventTableError::Columns {
                    line,
                    found: cols.len(),
                });
            }
            if cols[0] == "lemma" {
                continue;
            }
            let cue = parse_cue(cols[1]).ok_or_else(|| EventTableError::Cue {
                line,
                cue: cols[1].to_string(),
            })?;
            let plover = Plover::from_code(cols[2]).ok_or_else(|| EventTableError::Plover {
                line,
                code: cols[2].to_string(),
            })?;
            let root = (cols[3].len() == 2)
                .then(|| cols[3].parse::<u8>().ok())
                .flatten()
                .filter(|r| (1..=20).contains(r))
                .ok_or_else(|| EventTableError::Cameo {
                    line,
                    code: cols[3].to_string(),
                })?;
            let expected = QuadClass::of_cameo_root(root).unwrap_or(QuadClass::MaterialConflict);
            if QuadClass::from_code(cols[4]) != Some(expected) {
                return Err(EventTableError::Quad {
                    line,
                    quad: cols[4].to_string(),
                    root,
                    expected: expected.code(),
                });
            }
            let lemma = cols[0].to_lowercase();
            if let Some(&first) = seen.get(&(lemma.clone(), cols[1].to_string())) {
                return Err(EventTableError::Duplicate { line, lemma, first });
            }
            seen.insert((lemma.clone(), cols[1].to_string()), line);
            let row = EventRow {
                lemma: lemma.clone(),
                cue,
                event: EventType {
                    plover,
                    cameo_root: root,
                },
            };
            table.by_lemma.entry(lemma).or_default().push(row);
            table.rows += 1;
        }
        Ok(table)
    }

    /// How many rows the table holds.
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The event type of an act with lemma `lemma` and these cues, or `None`
    /// when the table does not list it (or none of its cues holds).
    ///
    /// Facts of the generic relation keep the preposition (and a chained
    /// verb) in their lemma ("appeler à", "inviter rendre à"): when the whole
    /// lemma is not listed, its first word is looked up, with a trailing
    /// preposition counted as a cue.
    pub fn classify(&self, lemma: &str, cues: &Cues) -> Option<EventType> {
        let lemma = lemma.trim().to_lowercase();
        if let Some(rows) = self.by_lemma.get(&lemma) {
            return Self::pick(rows, cues);
        }
        let mut words: Vec<&str> = lemma.split_whitespace().collect();
        let mut cues = cues.clone();
        if words.len() > 1 && words.last().is_some_and(|w| PREPOSITIONS.contains(w)) {
            cues.prepositions.extend(words.pop().map(str::to_string));
        }
        // The phrase without its preposition ("rendre hommage"), else its verb.
        let rows = self
            .by_lemma
            .get(&words.join(" "))
            .or_else(|| self.by_lemma.get(*words.first()?))?;
        Self::pick(rows, &cues)
    }

    fn pick(rows: &[EventRow], cues: &Cues) -> Option<EventType> {
        let holds = |cue: &Cue| match cue {
            Cue::Always => false,
            Cue::Object(noun) => cues.objects.iter().any(|o| o == noun),
            Cue::Preposition(prep) => cues.prepositions.iter().any(|p| p == prep),
            Cue::Place => cues.place,
            Cue::Actor => cues.actor,
            Cue::Person => cues.person,
        };
        rows.iter()
            .find(|row| holds(&row.cue))
            .or_else(|| rows.iter().find(|row| row.cue == Cue::Always))
            .map(|row| row.event)
    }
}

fn parse_cue(text: &str) -> Option<Cue> {
    let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_lowercase());
    match text {
        "-" => Some(Cue::Always),
        "place" => Some(Cue::Place),
        "actor" => Some(Cue::Actor),
        "person" => Some(Cue::Person),
        _ => {
            if let Some(noun) = text.strip_prefix("obj:") {
                nonempty(noun).map(Cue::Object)
            } else {
                text.strip_prefix("prep:").and_then(nonempty).map(Cue::Preposition)
            }
        }
    }
}

/// Prepositions that may end a generic fact's lemma.
const PREPOSITIONS: [&str; 12] = [
    "à", "de", "avec", "contre", "pour", "sur", "en", "dans", "chez", "par", "vers", "entre",
];

/// The shipped table, parsed on first use.
pub fn table() -> &'static EventTable {
    static TABLE: OnceLock<EventTable> = OnceLock::new();
    // The table is compiled in and checked by the unit tests below, so a
    // parse failure can only come from a broken build; fall back to empty.
    TABLE.get_or_init(|| EventTable::parse(EVENT_TYPES_TSV).unwrap_or_default())
}

/// [`EventTable::classify`] on the shipped table.
pub fn classify(lemma: &str, cues: &Cues) -> Option<EventType> {
    table().classify(lemma, cues)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(plover: Plover, cameo_root: u8) -> Option<EventType> {
        Some(EventType { plover, cameo_root })
    }

    fn objects(nouns: &[&str]) -> Cues {
        Cues {
            objects: nouns.iter().map(|n| n.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn shipped_table_parses_and_covers_every_category() {
        let table = EventTable::parse(EVENT_TYPES_TSV).expect("event_types.tsv parses");
        assert!(table.len() > 200, "{} rows", table.len());
        for plover in Plover::ALL {
            let used = table.by_lemma.values().flatten().any(|row| row.event.plover == plover);
            assert!(used, "{} has no row", plover.code());
        }
    }

    #[test]
    fn ambiguous_verbs_need_their_cue() {
        assert_eq!(classify("reprendre", &objects(&["aide"])), event(Plover::Aid, 7));
        assert_eq!(
            classify("reprendre", &objects(&["pourparlers"])),
            event(Plover::Consult, 4)
        );
        assert_eq!(classify("reprendre", &objects(&["lecture"])), None);
        assert_eq!(classify("reprendre", &Cues::default()), None);
        let place = Cues {
            place: true,
            ..Default::default()
        };
        assert_eq!(classify("frapper", &place), event(Plover::Assault, 19));
        assert_eq!(classify("frapper", &objects(&["esprit"])), None);
        let actor = Cues {
            actor: true,
            ..Default::default()
        };
        assert_eq!(classify("frapper", &actor), event(Plover::Assault, 18));
        // Armies clash by force; people clash in words.
        let with = |person: bool| Cues {
            prepositions: vec!["avec".into()],
            actor: true,
            person,
            ..Default::default()
        };
        assert_eq!(classify("affronter", &with(false)), event(Plover::Assault, 19));
        assert_eq!(classify("affronter", &with(true)), event(Plover::Accuse, 11));
    }

    #[test]
    fn cue_beats_plain_row_and_plain_row_is_the_fallback() {
        assert_eq!(classify("offrir", &objects(&["aide"])), event(Plover::Aid, 7));
        assert_eq!(classify("offrir", &objects(&["médaille"])), None);
        let to = Cues {
            prepositions: vec!["à".into()],
            ..Default::default()
        };
        assert_eq!(classify("inviter", &to), event(Plover::Request, 2));
        assert_eq!(classify("inviter", &Cues::default()), event(Plover::Consult, 4));
        assert_eq!(classify("Attaquer", &Cues::default()), event(Plover::Assault, 19));
        let against = Cues {
            prepositions: vec!["contre".into()],
            ..Default::default()
        };
        assert_eq!(classify("voter", &against), event(Plover::Reject, 12));
        assert_eq!(classify("dire", &Cues::default()), None);
    }

    #[test]
    fn a_generic_lemma_with_its_preposition_is_read_as_verb_and_cue() {
        assert_eq!(classify("appeler à", &Cues::default()), event(Plover::Request, 2));
        assert_eq!(classify("voter contre", &Cues::default()), event(Plover::Reject, 12));
        assert_eq!(
            classify("rendre hommage à", &Cues::default()),
            event(Plover::Support, 5)
        );
        assert_eq!(classify("appeler", &Cues::default()), None);
        assert_eq!(classify("avoir échange avec", &Cues::default()), None);
    }

    #[test]
    fn quad_class_follows_the_root() {
        assert_eq!(
            event(Plover::Request, 2).unwrap().quad_class(),
            QuadClass::VerbalCooperation
        );
        assert_eq!(
            event(Plover::Request, 10).unwrap().quad_class(),
            QuadClass::VerbalConflict
        );
        assert_eq!(
            event(Plover::Aid, 7).unwrap().quad_class(),
            QuadClass::MaterialCooperation
        );
        assert_eq!(
            event(Plover::Protest, 14).unwrap().quad_class(),
            QuadClass::MaterialConflict
        );
    }

    #[test]
    fn bad_rows_are_named() {
        let bad = |row: &str| EventTable::parse(&format!("lemma\tcue\tplover\tcameo\tquad\n{row}\n")).unwrap_err();
        assert_eq!(
            bad("attaquer\t-\tASSAULT\t19"),
            EventTableError::Columns { line: 2, found: 4 }
        );
        assert!(matches!(
            bad("attaquer\tobj\tASSAULT\t19\tmaterial-conflict"),
            EventTableError::Cue { .. }
        ));
        assert!(matches!(
            bad("attaquer\t-\tFIGHT\t19\tmaterial-conflict"),
            EventTableError::Plover { .. }
        ));
        assert!(matches!(
            bad("attaquer\t-\tASSAULT\t21\tmaterial-conflict"),
            EventTableError::Cameo { .. }
        ));
        assert!(matches!(
            bad("attaquer\t-\tASSAULT\t9\tverbal-conflict"),
            EventTableError::Cameo { .. }
        ));
        assert!(matches!(
            bad("attaquer\t-\tASSAULT\t19\tverbal-conflict"),
            EventTableError::Quad { .. }
        ));
        let twice = "attaquer\t-\tASSAULT\t19\tmaterial-conflict\nattaquer\t-\tASSAULT\t18\tmaterial-conflict";
        assert!(matches!(
            bad(twice),
            EventTableError::Duplicate { line: 3, first: 2, .. }
        ));
    }
}
