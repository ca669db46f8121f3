//! The word tables the rules consult: `data/predicates.tsv` (lemma and
//! preposition to ontology property) and `data/lexicon.tsv` (word classes).
//!
//! Both files are compiled in with `include_str!` and parsed once; this module
//! owns their format and nothing else. It never decides what a fact is.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The predicate table as shipped.
pub const PREDICATES_TSV: &str = include_str!("../data/predicates.tsv");
/// The word-class table as shipped.
pub const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

/// One row of the predicate table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredicateRow {
    pub lemma: String,
    /// Preposition, or `None` for the direct use.
    pub prep: Option<String>,
    pub property: String,
    pub label_fr: String,
    pub label_en: String,
}

/// Word classes of `lexicon.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Title,
    Collective,
    /// Nouns naming a person by the body they work for ("un collaborateur
    /// de X", "une fonctionnaire de X"): their "de" complement is an
    /// affiliation, never where they are.
    Affiliate,
    /// Nouns of a number or group of people or things ("une centaine de
    /// X", "un cortège de X", "la majorité des X"): their "de" complement
    /// is what they count, never where they are.
    Group,
    Geo,
    Speech,
    Modal,
    Aspect,
    Meeting,
    Negation,
    /// Verbs that "ne" alone negates ("ne peut rivaliser", "ne cesse de").
    NeAlone,
    Function,
    Cancel,
    /// Verbs whose event-noun object or argument is asked for, feared or
    /// planned, not done ("exiger la libération de X", "craindre
    /// l'expulsion de X").
    Prospect,
    Attribution,
    Portfolio,
    RefersOrg,
    /// Nouns that refer back to a place other than a country ("la ville").
    RefersPlace,
    /// Titles whose holder heads the body or place of the title ("président",
    /// "maire", "PDG"): `leads` facts.
    Leader,
    /// Preposition + noun of a locution whose "de" complement caused the
    /// clause ("à la suite de X", "en raison de X"), and "suite à".
    Cause,
    /// Nouns that, as a copula's predicate, make their "de" complement the
    /// cause of the subject ("X est le résultat de Y").
    Outcome,
    /// Nouns that, as a copula's predicate, make the subject the cause of
    /// their "de" complement ("X est la cause de Y", "X est à l'origine de Y").
    Origin,
    /// Preposition + noun of a prepositional locution that frames an act
    /// ("à l'invitation de", "en présence de", "dans le cadre de"): a
    /// circumstance, never the act's object or participant.
    Locution,
    /// Nouns that after "par" say how or by what way an act is done, not
    /// who does it ("par la force", "par le biais de", "par la route"): a
    /// passive's "par" phrase on one is no agent.
    Means,
    /// Preposition + noun of a locution whose "de" complement is the goal
    /// of a motion ("en direction de X", "à destination de X"): X is the
    /// verb's argument.
    Goal,
    /// Nouns that refer back to a country ("le pays").
    RefersCountry,
    /// Adjectives that make a definite description name another thing of
    /// the kind ("la ville voisine", "le club adverse").
    Contrast,
    /// Nouns of a request or plan ("la demande de", "le projet de"): a
    /// clause on such a noun says what was asked or planned, not done.
    Request,
    /// Verbs that only say an event took place ("se dérouler", "survenir"):
    /// with no argument, the act's date and place are its whole content.
    Occurrence,
    /// Verbs whose compound tenses take "être" ("est né à Lyon", "sont
    /// arrivés à Paris"): the parser reads that "être" as a passive
    /// auxiliary, but the subject did the act and its place is the
    /// argument the predicate table names ("naître à" -> bornIn).
    Unaccusative,
    /// Nouns that after "selon" give a manner, not a source ("selon leur
    /// mode de réception", "selon la procédure").
    Manner,
    /// Verbs whose subject does what an infinitive on their object noun
    /// says ("a pris la décision de fermer", "a demandé l'autorisation de
    /// filmer").
    Control,
    /// Nouns of an aim or will whose "de" owner does what their infinitive
    /// says ("la volonté de X de vendre", "la décision de X de fermer").
    Intent,
    /// Verbs whose "de" argument is a source or topic, never a partitive
    /// object ("venir de la mer", "parler du projet").
    From,
    /// Words that make a date a bound of the act, not its date: the
    /// prepositions before it as written ("jusqu'au", "d'ici", "avant") and
    /// nouns of a deadline it completes ("la date limite au 5 mars").
    Bound,
    /// Verbs of perception or showing whose object is the subject of their
    /// infinitive ("une vidéo montrant X frapper Y", "ont vu X partir").
    Perception,
    /// Adjectives of possibility whose `que` clause is not asserted ("il
    /// est possible que X ait quitté", "il est probable que …").
    Possibility,
    /// Nouns spelled like a function word, which the tagger may read as
    /// that word right after a determiner ("un car", "l'est du pays").
    NounHomograph,
    /// Causative verbs ("faire", "laisser") whose infinitive's act is done
    /// by someone else than their subject ("X fait payer les opérateurs":
    /// the operators pay).
    Causative,
    /// Verbs whose object, or "à" argument, is the one who is to do what
    /// their infinitive complement says, which they do not assert
    /// ("oblige les entreprises à publier", "interdit aux maires de
    /// fermer", "empêche X de partir").
    ObjectControl,
    /// Place nouns whose "de" complement is the whole they are part of,
    /// not their name ("la capitale de l'Alsace" is not Alsace; "la ville
    /// de Lyon" is Lyon).
    GeoPart,
    /// Locutions before "de" that put a place next to another, written as
    /// the words appear ("près", "à proximité", "non loin": "près de
    /// Lyon").
    Near,
    /// Verbs that, in a relative clause opened by "où" on a place, say
    /// what lies there ("la région où se trouve X", "où est situé X");
    /// also the adjectives that say where one is ("présent à X").
    Lies,
    /// Speech verbs that deny what their "que" clause or infinitive says
    /// ("nie que X", "dément avoir Y"): the source says it is not so.
    Denial,
    /// Event nouns that can kill or injure ("attentat", "accident",
    /// "inondation"): what "qui a fait N morts" stands for.
    Harm,
    /// Nouns counting the dead or injured ("mort", "blessé", "victime"),
    /// objects of "faire".
    Casualty,
    /// Casualty nouns and toll verbs that count the injured, not the dead
    /// ("blessé", "blesser").
    Injured,
    /// Verbs whose counted patient is a toll ("trois personnes ont été
    /// tuées").
    TollVerb,
    /// Verbs that report or amount to a toll ("faire état", "recenser",
    /// "s'élever"), a verb and its bare noun as two lemmas.
    Tally,
    /// Verbs, alone or with their object noun, whose subject causes the
    /// toll they count ("provoquer", "causer mort", "coûter vie").
    TollCause,
    /// Verbs of dying whose counted subject is a toll ("mourir", "trouver
    /// mort", "perdre vie").
    Dying,
    /// Nouns of an approximate count, whose "de" complement is what they
    /// count ("une vingtaine de blessés").
    Approx,
    /// Nouns naming a toll ("bilan"), whose "de" complement is the event.
    Toll,
    /// Nouns for people, whose "de N ans" complement is their age ("un
    /// homme de 60 ans", "une passagère de 30 ans"); titles count too.
    Person,
    /// Nouns of a measured dimension of a thing ("d'une masse de 8
    /// tonnes", "a une longueur de 20 mètres"): their "de" quantity is
    /// the thing's measure.
    Measure,
    /// Nouns of a share of a whole named by their "de" complement ("la
    /// plupart des X", "une partie de X"): as a subject, the whole acts.
    Portion,
    /// Verbs that link a subject to what it is or stays ("rester",
    /// "sembler", "devenir"): alone they are no act.
    Copular,
    /// Adjectives on an event noun that make the event one still to come
    /// or only possible ("le prochain sommet", "une éventuelle fermeture").
    Unrealised,
    /// Reflexive verbs used impersonally with "il" ("il s'agit de", "il
    /// s'est passé", "il se produit"): their "il" is no person.
    Impersonal,
}

/// Both tables, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub predicates: Vec<PredicateRow>,
    /// Row index by lemma, then by preposition (the first row of each pair):
    /// looked up without building a key.
    by_key: HashMap<String, Vec<(Option<String>, usize)>>,
    /// The lemmas of each class.
    classes: HashMap<Class, HashSet<String>>,
    /// Every lemma of a class, and every lemma of a predicate row.
    class_lemmas: HashSet<String>,
    predicate_lemmas: HashSet<String>,
}

/// A malformed table line (only possible if the shipped data is edited badly).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LexiconError {
    #[error("{file} line {line}: expected {expected} tab-separated columns, found {found}; fix the row or comment it out with '#'")]
    Columns {
        file: &'static str,
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("{file} line {line}: unknown class '{class}'; use one of title, collective, geo, speech, modal, aspect, meeting, negation, ne-alone, function, cancel, prospect, attribution, portfolio, refers-org, refers-place, leader, locution, goal, refers-country, contrast, request, occurrence, manner, control, intent, from, bound, perception, possibility, noun-homograph, causative, object-control, geo-part, near, lies, harm, casualty, injured, toll-verb, tally, toll, toll-cause, dying, approx, affiliate, group, person, measure, portion, copular, unrealised, means, cause")]
    Class {
        file: &'static str,
        line: usize,
        class: String,
    },
}

impl Lexicon {
    /// Parses the two tables from text.
    pub fn parse(predicates: &str, lexicon: &str) -> Result<Self, LexiconError> {
        let mut lex = Lexicon::default();
        for (line, cols) in rows(predicates) {
            if cols.len() != 5 {
                return Err(LexiconError::Columns {
                    file: "predicates.tsv",
                    line,
                    expected: 5,
                    found: cols.len(),
                });
            }
            if cols[0] == "lemma" {
                continue;
            }
            let prep = (cols[1] != "-").then(|| cols[1].to_string());
            let row = PredicateRow {
                lemma: cols[0].to_string(),
                prep,
                property: cols[2].to_string(),
                label_fr: cols[3].to_string(),
                label_en: cols[4].to_string(),
            };
            let index = lex.predicates.len();
            let preps = lex.by_key.entry(row.lemma.clone()).or_default();
            if !preps.iter().any(|(p, _)| *p == row.prep) {
                preps.push((row.prep.clone(), index));
            }
            lex.predicate_lemmas.insert(row.lemma.clone());
            lex.predicates.push(row);
        }
        for (line, cols) in rows(lexicon) {
            if cols.len() != 2 {
                return Err(LexiconError::Columns {
                    file: "lexicon.tsv",
                    line,
                    expected: 2,
                    found: cols.len(),
                });
            }
            let class = match cols[0] {
                "class" => continue,
                "title" => Class::Title,
                "collective" => Class::Collective,
                "affiliate" => Class::Affiliate,
                "group" => Class::Group,
                "geo" => Class::Geo,
                "speech" => Class::Speech,
                "modal" => Class::Modal,
                "aspect" => Class::Aspect,
                "meeting" => Class::Meeting,
                "negation" => Class::Negation,
                "ne-alone" => Class::NeAlone,
                "function" => Class::Function,
                "cancel" => Class::Cancel,
                "prospect" => Class::Prospect,
                "attribution" => Class::Attribution,
                "portfolio" => Class::Portfolio,
                "refers-org" => Class::RefersOrg,
                "refers-place" => Class::RefersPlace,
                "leader" => Class::Leader,
                "locution" => Class::Locution,
                "cause" => Class::Cause,
                "outcome" => Class::Outcome,
                "origin" => Class::Origin,
                "means" => Class::Means,
                "goal" => Class::Goal,
                "refers-country" => Class::RefersCountry,
                "contrast" => Class::Contrast,
                "request" => Class::Request,
                "occurrence" => Class::Occurrence,
                "unaccusative" => Class::Unaccusative,
                "manner" => Class::Manner,
                "control" => Class::Control,
                "intent" => Class::Intent,
                "from" => Class::From,
                "bound" => Class::Bound,
                "perception" => Class::Perception,
                "possibility" => Class::Possibility,
                "noun-homograph" => Class::NounHomograph,
                "causative" => Class::Causative,
                "object-control" => Class::ObjectControl,
                "geo-part" => Class::GeoPart,
                "near" => Class::Near,
                "lies" => Class::Lies,
                "denial" => Class::Denial,
                "harm" => Class::Harm,
                "casualty" => Class::Casualty,
                "injured" => Class::Injured,
                "toll-verb" => Class::TollVerb,
                "tally" => Class::Tally,
                "toll" => Class::Toll,
                "approx" => Class::Approx,
                "dying" => Class::Dying,
                "toll-cause" => Class::TollCause,
                "person" => Class::Person,
                "measure" => Class::Measure,
                "portion" => Class::Portion,
                "copular" => Class::Copular,
                "unrealised" => Class::Unrealised,
                "impersonal" => Class::Impersonal,
                other => {
                    return Err(LexiconError::Class {
                        file: "lexicon.tsv",
                        line,
                        class: other.to_string(),
                    })
                }
            };
            lex.classes.entry(class).or_default().insert(cols[1].to_string());
            lex.class_lemmas.insert(cols[1].to_string());
        }
        Ok(lex)
    }

    /// The property for a lemma used with a preposition (or directly).
    pub fn property(&self, lemma: &str, prep: Option<&str>) -> Option<&str> {
        let preps = self.by_key.get(lemma)?;
        let &(_, i) = preps.iter().find(|(p, _)| p.as_deref() == prep)?;
        Some(self.predicates[i].property.as_str())
    }

    /// Whether any row (with or without preposition) exists for the lemma.
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.predicate_lemmas.contains(lemma)
    }

    /// Whether `lemma` belongs to any class of `lexicon.tsv`.
    pub fn in_any_class(&self, lemma: &str) -> bool {
        self.class_lemmas.contains(lemma)
    }

    /// Whether `lemma` (lower-cased) belongs to `class`.
    pub fn is(&self, class: Class, lemma: &str) -> bool {
        let Some(lemmas) = self.classes.get(&class) else {
            return false;
        };
        // Lemmas are mostly lower case already: no copy for those.
        if lemma.chars().any(char::is_uppercase) {
            lemmas.contains(&lemma.to_lowercase())
        } else {
            lemmas.contains(lemma)
        }
    }
}

/// The shipped tables, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    // The tables are compiled in and checked by the unit tests below, so a
    // parse failure here is a build defect; fall back to empty tables rather
    // than panic on a user's input.
    LEXICON.get_or_init(|| Lexicon::parse(PREDICATES_TSV, LEXICON_TSV).unwrap_or_default())
}

/// The data rows of a tab-separated table: (1-based line number, trimmed
/// columns), blank lines and `#` comments skipped.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_tables_parse() {
        let lex = Lexicon::parse(PREDICATES_TSV, LEXICON_TSV).expect("tables parse");
        assert!(lex.predicates.len() > 50);
        assert_eq!(lex.property("rejoindre", None), Some("joins"));
        assert_eq!(lex.property("transmettre", Some("à")), Some("transmitsTo"));
        assert!(lex.is(Class::Speech, "déclarer"));
        assert!(lex.is(Class::Title, "Ministre"));
        assert!(!lex.is(Class::Title, "pause"));
    }

    #[test]
    fn properties_are_camel_case_words() {
        for row in &lexicon().predicates {
            let p = &row.property;
            assert!(p.chars().next().is_some_and(|c| c.is_ascii_lowercase()), "{p}");
            assert!(p.chars().all(|c| c.is_ascii_alphabetic()), "{p}");
        }
    }

    #[test]
    fn bad_rows_are_reported_with_line() {
        let err = Lexicon::parse("a\tb\n", "").unwrap_err();
        assert_eq!(
            err,
            LexiconError::Columns {
                file: "predicates.tsv",
                line: 1,
                expected: 5,
                found: 2
            }
        );
        let err = Lexicon::parse("", "colour\tred\n").unwrap_err();
        assert!(matches!(err, LexiconError::Class { line: 1, .. }));
    }
}

#[cfg(test)]
mod ontology_tests {
    use super::*;

    const RELATIONS_TTL: &str = include_str!("../../../ontology/relations.ttl");

    fn trame_ttl() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/trame.ttl")).unwrap_or_default()
    }

    fn declared(ttl: &str, name: &str) -> bool {
        ttl.lines().any(|l| l.starts_with(&format!("trame:{name} a ")))
    }

    /// Properties the rules emit without going through the table.
    const DIRECT: &[&str] = &[
        "locatedIn",
        "locatedNear",
        "isA",
        "hasQuality",
        "states",
        "age",
        "basedIn",
        "nationality",
        "acts",
        "undergoes",
        "actDate",
        "actLocation",
        "actInstrument",
    ];
    /// Structural properties declared by the store's trame.ttl.
    const STRUCTURAL: &[&str] = &[
        "role",
        "relatedTo",
        "memberOf",
        "recipient",
        "target",
        "partner",
        "location",
        "time",
        "topic",
        "country",
        "source",
    ];

    #[test]
    fn every_table_predicate_is_declared() {
        let trame = trame_ttl();
        for row in &lexicon().predicates {
            assert!(
                declared(RELATIONS_TTL, &row.property) || declared(&trame, &row.property),
                "{} (from '{}') is not declared in ontology/relations.ttl",
                row.property,
                row.lemma
            );
        }
        for name in DIRECT {
            assert!(declared(RELATIONS_TTL, name), "{name} not declared");
        }
    }

    #[test]
    fn structural_properties_come_from_trame_ttl() {
        let trame = trame_ttl();
        if trame.is_empty() {
            // trame.ttl belongs to the store branch; once merged it must declare them all.
            return;
        }
        for name in STRUCTURAL {
            assert!(declared(&trame, name), "{name} not declared in ontology/trame.ttl");
        }
    }

    #[test]
    fn relation_declarations_have_both_labels() {
        for block in RELATIONS_TTL.split("\n\n").filter(|b| b.starts_with("trame:")) {
            assert!(block.contains("@fr") && block.contains("@en"), "{block}");
            assert!(block.contains("rdfs:domain") && block.contains("rdfs:range"), "{block}");
        }
    }
}
