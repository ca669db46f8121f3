//! Event nouns made from verbs: "l'arrestation de X par la police", "la
//! démission de X", "l'empoisonnement de X à l'aide de Y le 4 mars à Z".
//!
//! Owns the table `data/nominals.tsv` (noun → verb lemma, and whether its
//! "de" complement is the one the act is done to or the one who acts) and
//! the facts such a noun makes when its participants are named:
//! - a patient noun with a "par" agent: *agent —verb's property→ patient*
//!   ("l'annonce de la fermeture par X" → X announces "fermeture …"), one
//!   of the two a named entity;
//! - a patient noun without agent: *patient —undergoes→ noun*, lemma the
//!   verb ("l'arrestation de X" → X undergoes "arrestation", `arrêter`);
//! - an agent noun: *agent —acts→ noun* ("la démission de X"), and its
//!   verb's prepositional argument where the predicate table names one
//!   ("la naissance de X à Y" → X bornIn Y);
//! - and for each of them the act's date (a time expression inside the
//!   noun's phrase), place (a locative complement naming a place entity)
//!   and instrument ("à l'aide de", "au moyen de" a named entity), as
//!   `actDate`, `actLocation` and `actInstrument` rows on the same subject.
//!
//! A noun that is asked for, feared, planned or undone ("exiger la
//! libération de X", "la demande d'expulsion de X", "annuler la fermeture
//! de X", "la prochaine visite de X") makes nothing; negation and modality
//! of the clause holding the noun are flagged as for verbs. Event nouns of
//! the predicate table's own kind (targets and partners: "l'attaque contre
//! X") stay with [`super::events`].

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::facts::{EntityKind, Literal, LiteralKind, Node, Object};

use super::lexicon::Class;
use super::np::Value;
use super::{Ctx, Draft, Para};

/// The table as shipped.
pub const NOMINALS_TSV: &str = include_str!("../data/nominals.tsv");

/// The rule name of a nominal's main fact.
pub(crate) const RULE: &str = "nominal";
/// The rule name of a nominal's date, place and instrument facts.
pub(crate) const CIRCUMSTANCE: &str = "nominal-circumstance";
/// The property of an act's instrument.
pub(crate) const INSTRUMENT: &str = "actInstrument";

/// What a noun's "de" complement is to its act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The one the act is done to ("l'arrestation de X").
    Patient,
    /// The one who acts, or to whom an objectless act happens ("l'arrivée de X").
    Agent,
    /// An agent that is a person or a body, never a place ("la mort de X").
    Person,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nominal {
    pub verb: String,
    pub de: Role,
}

/// A malformed row of the table, with its line number (1-based).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NominalTableError {
    #[error("nominals.tsv line {line}: expected 3 tab-separated columns (noun, verb, de), found {found}")]
    Columns { line: usize, found: usize },
    #[error("nominals.tsv line {line}: unknown role {role:?}; use patient, agent or person")]
    Role { line: usize, role: String },
}

/// Parses the table from text: noun lemma → its row.
pub fn parse(text: &str) -> Result<HashMap<String, Nominal>, NominalTableError> {
    let mut out = HashMap::new();
    for (line, cols) in super::lexicon::rows(text) {
        if cols.len() != 3 {
            return Err(NominalTableError::Columns {
                line,
                found: cols.len(),
            });
        }
        if cols[0] == "noun" {
            continue;
        }
        let de = match cols[2] {
            "patient" => Role::Patient,
            "agent" => Role::Agent,
            "person" => Role::Person,
            other => {
                return Err(NominalTableError::Role {
                    line,
                    role: other.to_string(),
                })
            }
        };
        out.entry(cols[0].to_lowercase()).or_insert(Nominal {
            verb: cols[1].to_string(),
            de,
        });
    }
    Ok(out)
}

/// The shipped table, parsed on first use (empty if it were malformed: the
/// unit tests check it parses).
pub fn table() -> &'static HashMap<String, Nominal> {
    static TABLE: OnceLock<HashMap<String, Nominal>> = OnceLock::new();
    TABLE.get_or_init(|| parse(NOMINALS_TSV).unwrap_or_default())
}

/// The row of a noun lemma (lower case), if it is an event noun of the table.
pub(crate) fn lookup(lemma: &str) -> Option<&'static Nominal> {
    table().get(lemma)
}

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for n in 0..p.len() {
        if p.tok(n).pos != "NOUN" {
            continue;
        }
        let lemma = p.lemma(n);
        let Some(row) = lookup(lemma) else { continue };
        if !asserted(ctx, p, n) {
            continue;
        }
        let verb = clause_verb(p, n);
        let written = ctx.token_text(p, n);
        // "l'évacuation des lieux" is the one just named; "une évacuation"
        // is a kind of act, not an asserted one (and a capitalised noun
        // inside a name, "au Passage d'Agen", is no act at all).
        if indefinite(p, n) || ctx.table.entity_at(p.index, n).is_some() {
            continue;
        }
        let de: Vec<Value> = de_complements(p, n)
            .into_iter()
            .flat_map(|c| participants(ctx, p, c))
            .collect();
        let mut main = Vec::new();
        match row.de {
            Role::Patient => {
                let agents: Vec<Value> = p
                    .kids(n, "nmod")
                    .filter(|&c| p.prep(c).as_deref() == Some("par"))
                    .flat_map(|c| ctx.values(p, c, None))
                    .chain(light_verb_agents(ctx, p, n))
                    .collect();
                if agents.is_empty() {
                    for v in de.iter().filter(|v| named(ctx, v)) {
                        let Some(e) = ctx.subject_node(p, v) else { continue };
                        main.push(bare(p, n, e, "undergoes", row, &written, v, verb));
                    }
                }
                for a in &agents {
                    for v in &de {
                        if !(named(ctx, a) || named(ctx, v)) || a.object == v.object {
                            continue;
                        }
                        let Some(subject) = ctx.subject_node(p, a) else {
                            continue;
                        };
                        let property = ctx.lex.property(&row.verb, None).unwrap_or("relatedTo");
                        let mut d = Draft::new(
                            RULE,
                            p.index,
                            subject,
                            property.to_string(),
                            row.verb.clone(),
                            v.object.clone(),
                        );
                        d.tokens = vec![a.token, n, v.token];
                        d.span = v.phrase.clone();
                        d.verb = verb;
                        d.confidence *= a.factor * v.factor * super::confidence::node_factor(subject);
                        main.push(d);
                    }
                }
            }
            Role::Agent | Role::Person => {
                let place = |v: &Value| matches!(v.object, Object::Entity(e) if ctx.kind(e) == EntityKind::Place);
                for v in de
                    .iter()
                    .filter(|v| named(ctx, v) && !(row.de == Role::Person && place(v)))
                {
                    let Some(e) = ctx.subject_node(p, v) else { continue };
                    main.push(bare(p, n, e, "acts", row, &written, v, verb));
                    // "l'arrivée de X à Y", "la démission de X du gouvernement":
                    // the verb's prepositional argument, where the predicate
                    // table names one.
                    for (c, prep) in arguments(p, n) {
                        let Some(property) = ctx.lex.property(&row.verb, Some(&prep)) else {
                            continue;
                        };
                        for o in ctx
                            .values(p, c, None)
                            .into_iter()
                            .filter(|o| !matches!(o.object, Object::Literal(_)) && o.object != v.object)
                        {
                            let mut d = Draft::new(
                                RULE,
                                p.index,
                                e,
                                property.to_string(),
                                format!("{} {prep}", row.verb),
                                o.object.clone(),
                            );
                            d.tokens = vec![v.token, n, o.token];
                            d.verb = verb;
                            d.confidence *= v.factor * o.factor;
                            main.push(d);
                        }
                    }
                }
            }
        }
        if main.is_empty() {
            continue;
        }
        let circumstances = circumstances(ctx, p, n, &de);
        let mut derived = Vec::new();
        let objects: Vec<Object> = main.iter().map(|d| d.object.clone()).collect();
        for d in &main {
            for (property, lemma, value, token, span) in &circumstances {
                if objects.contains(value) {
                    continue;
                }
                let mut c = Draft::new(
                    CIRCUMSTANCE,
                    p.index,
                    d.subject,
                    property.clone(),
                    lemma.clone(),
                    value.clone(),
                );
                if property == super::circumstances::DATE {
                    c.arguments.push(("time".to_string(), value.clone()));
                }
                c.tokens = vec![d.tokens[0], n, *token];
                c.span = span.clone();
                c.verb = d.verb;
                c.confidence = d.confidence * 0.9;
                derived.push(c);
            }
        }
        out.extend(main);
        out.extend(derived);
    }
}

/// A subject-only fact: *X —undergoes/acts→ noun as written*.
#[allow(clippy::too_many_arguments)]
fn bare(
    p: &Para,
    n: usize,
    e: Node,
    property: &str,
    row: &Nominal,
    written: &str,
    v: &Value,
    verb: Option<usize>,
) -> Draft {
    let mut d = Draft::new(
        RULE,
        p.index,
        e,
        property.to_string(),
        row.verb.clone(),
        Object::text(written.to_string()),
    );
    d.tokens = vec![v.token, n];
    d.verb = verb;
    d.confidence *= v.factor;
    d
}

/// A named participant: an entity that is a person, an organisation or a
/// place (a "misc" name is too often a work or an event of its own), or
/// a body named by its country ("l'administration chinoise", a concept
/// linked to China).
fn named(ctx: &Ctx, v: &Value) -> bool {
    match v.object {
        Object::Entity(e) => ctx.kind(e) != EntityKind::Misc,
        Object::Concept(_) => true,
        Object::Literal(_) => false,
    }
}

/// The noun's participant: the first of its `nmod` children introduced by "de",
/// and a "de" phrase the parser coordinated with the noun when an
/// inserted phrase split them ("l'empoisonnement, à l'aide de Y, de X").
fn de_complements(p: &Para, n: usize) -> Vec<usize> {
    let is_de = |c: usize| p.prep(c).as_deref() == Some("de");
    let direct: Vec<usize> = p
        .kids(n, "nmod")
        .chain(p.kids(n, "conj").filter(|&c| c > n))
        .filter(|&c| is_de(c))
        .collect();
    let mut out = direct.clone();
    // Or coordinated, after a comma, with the inserted phrase or its own
    // complement ("à l'aide de Y, de X": X is no second instrument when
    // the noun has no "de" complement of its own).
    if direct.is_empty() {
        for c in p.kids(n, "nmod").filter(|&c| !is_de(c)) {
            let inner: Vec<usize> = std::iter::once(c).chain(p.kids(c, "nmod")).collect();
            for x in inner {
                out.extend(
                    p.kids(x, "conj").filter(|&k| {
                        k > x && is_de(k) && k > 1 && (k.saturating_sub(3)..k).any(|t| p.tok(t).text == ",")
                    }),
                );
            }
        }
    }
    out.retain(|&c| !matches!(p.tok(c).pos.as_str(), "NUM" | "VERB") && !super::svo::is_time_noun(p, c));
    out.sort_unstable();
    out.truncate(1);
    out
}

/// The noun's prepositional complements other than its participant: its
/// `nmod` children under another preposition than "par", and its "de"
/// complements after the first.
fn arguments(p: &Para, n: usize) -> Vec<(usize, String)> {
    let first = de_complements(p, n).first().copied();
    p.kids(n, "nmod")
        .filter(|&c| Some(c) != first)
        .filter_map(|c| p.prep(c).map(|q| (c, q)))
        .filter(|(_, q)| q != "par")
        .collect()
}

/// The values of a "de" complement and its coordinated nominals; a
/// coordinated name with neither conjunction nor preposition of its own
/// after a common noun is the next clause's subject the parser hung there
/// ("après l'annonce des résultats, Petro a …").
fn participants(ctx: &Ctx, p: &Para, c: usize) -> Vec<Value> {
    let head_named = ctx.resolve(p, c).is_some();
    if !head_named {
        if let Some(v) = name_beside(ctx, p, c) {
            return vec![v];
        }
    }
    ctx.values(p, c, None)
        .into_iter()
        .filter(|v| {
            v.token == c
                || head_named
                || p.tok(v.token).dep != "conj"
                || p.kids(v.token, "cc").next().is_some()
                || p.kids(v.token, "case").next().is_some()
        })
        .collect()
}

/// "du chef cuisinier lyonnais Paul Bocuse", "de son mari, Michel
/// Berger,": a common noun whose name follows it, after its adjectives
/// and at most a comma, is that named one (the parser often hangs such a
/// name elsewhere).
fn name_beside(ctx: &Ctx, p: &Para, c: usize) -> Option<Value> {
    if p.tok(c).pos != "NOUN" {
        return None;
    }
    let mut t = c + 1;
    while t < p.len() && t <= c + 3 && p.tok(t).pos == "ADJ" {
        t += 1;
    }
    // "de son mari, Michel Berger": one person, so never after a plural
    // ("des résultats, Petro, a tweeté" is the next clause's subject).
    if t < p.len() && p.tok(t).text == "," && !p.morph_has(c, "Number=Plur") {
        t += 1;
    }
    if t >= p.len() || p.tok(t).pos != "PROPN" {
        return None;
    }
    let e = ctx.table.entity_at(p.index, t)?;
    // The name's mention must start there, not run on from before.
    if t > 0 && ctx.table.entity_at(p.index, t - 1) == Some(e) {
        return None;
    }
    Some(Value {
        object: Object::Entity(e),
        factor: 0.9,
        token: t,
        phrase: Vec::new(),
    })
}

/// Whether the noun has an indefinite determiner ("un retour", "une
/// dissolution", "des arrestations").
fn indefinite(p: &Para, n: usize) -> bool {
    p.kids(n, "det")
        .any(|d| p.morph_has(d, "Definite=Ind") || matches!(p.lemma(d), "un" | "aucun" | "nul"))
}

/// "La police a procédé à l'arrestation de X": the subject of a light verb
/// whose object or "à" argument is the noun does its act.
fn light_verb_agents(ctx: &Ctx, p: &Para, n: usize) -> Vec<Value> {
    let Some(h) = p.head(n) else { return vec![] };
    let lemma = p.lemma(h).to_string();
    let dep = p.tok(n).dep.as_str();
    let light = match lemma.as_str() {
        "procéder" => dep.starts_with("obl") && p.prep(n).as_deref() == Some("à"),
        "effectuer" | "mener" | "ordonner" => dep == "obj",
        _ => false,
    };
    if !light || p.tok(h).pos != "VERB" || super::svo::is_passive(p, h) {
        return vec![];
    }
    super::svo::grammatical_subjects(ctx, p, h, 0)
        .into_iter()
        .map(|mut v| {
            v.factor *= 0.9;
            v
        })
        .collect()
}

/// Whether the noun's act is asserted by its context: not the object or
/// argument of a verb that asks for, fears, plans or undoes it (nor with
/// such a participle on it: "le lancement de X reporté"), not the
/// complement of a noun of request or intent ("la demande d'expulsion de
/// X"), not marked by an adjective as still to come.
fn asserted(ctx: &Ctx, p: &Para, n: usize) -> bool {
    if p.kids(n, "amod").any(|a| ctx.is(Class::Unrealised, p.lemma(a))) {
        return false;
    }
    // "le lancement de X reporté à mai": a participle on the noun that
    // undoes or defers it.
    let mut participles = p.children[n]
        .iter()
        .copied()
        .filter(|&a| matches!(p.tok(a).dep.as_str(), "acl" | "dep") && p.tok(a).pos == "VERB");
    if participles.any(|a| {
        let lemma = p.lemma(a);
        ctx.is(Class::Cancel, lemma) || ctx.is(Class::Prospect, lemma)
    }) {
        return false;
    }
    let mut x = n;
    for _ in 0..4 {
        let Some(h) = p.head(x) else { return true };
        let lemma = p.lemma(h);
        match p.tok(h).pos.as_str() {
            "VERB" => {
                return !(ctx.is(Class::Prospect, lemma) || ctx.is(Class::Cancel, lemma));
            }
            "NOUN" => {
                if ctx.is(Class::Request, lemma) || ctx.is(Class::Intent, lemma) {
                    return false;
                }
                if p.tok(x).dep != "nmod" {
                    return true;
                }
            }
            _ => return true,
        }
        x = h;
    }
    true
}

/// The clause a noun belongs to, when a verb or copula heads it (for
/// negation, modality and the sentence of the fact).
fn clause_verb(p: &Para, n: usize) -> Option<usize> {
    let c = super::time::clause_of(p, n);
    (p.tok(c).pos == "VERB" || p.kids(c, "cop").next().is_some()).then_some(c)
}

/// One circumstance: property, lemma, value, the token it was read from,
/// and the tokens its span must cover.
type Circumstance = (String, String, Object, usize, Vec<usize>);

/// The noun phrase's own tokens, without clauses (relative or participle
/// clauses on its nouns say something else).
fn phrase_tokens(p: &Para, n: usize) -> Vec<usize> {
    let mut out = vec![n];
    let mut k = 0;
    while k < out.len() {
        let x = out[k];
        for &c in &p.children[x] {
            let dep = p.tok(c).dep.as_str();
            if p.tok(c).pos == "VERB" || dep.starts_with("acl") || matches!(dep, "parataxis" | "advcl") {
                continue;
            }
            if !out.contains(&c) {
                out.push(c);
            }
        }
        k += 1;
    }
    out.sort_unstable();
    out
}

/// Date, place and instrument of the noun's act, read inside its phrase.
fn circumstances(ctx: &Ctx, p: &Para, n: usize, participants: &[Value]) -> Vec<Circumstance> {
    let row_verb = lookup(p.lemma(n)).map_or_else(String::new, |r| r.verb.clone());
    let phrase = phrase_tokens(p, n);
    // Another event noun inside the phrase has its own circumstances.
    let nested: Vec<usize> = phrase
        .iter()
        .copied()
        .filter(|&t| t != n && p.tok(t).pos == "NOUN" && lookup(p.lemma(t)).is_some())
        .flat_map(|t| p.subtree(t))
        .collect();
    let own = |t: usize| phrase.contains(&t) && !nested.contains(&t);
    let mut out: Vec<Circumstance> = Vec::new();
    for t in super::time::find(p) {
        if !own(t.anchor)
            || t.tokens
                .clone()
                .any(|k| !own(k) && p.tok(k).pos != "ADP" && p.tok(k).pos != "DET")
        {
            continue;
        }
        let tokens: Vec<usize> = t.tokens.clone().collect();
        let first = ctx.token_text(p, t.tokens.start).to_lowercase();
        // "jusqu'au 5 mars", "avant lundi": a bound, not the act's date.
        if t.tokens.start > 0 && ctx.is(Class::Bound, &ctx.token_text(p, t.tokens.start - 1).to_lowercase())
            || ctx.is(Class::Bound, &first)
        {
            continue;
        }
        let value = Object::Literal(Literal {
            text: ctx.render(p, &tokens),
            kind: LiteralKind::Time,
        });
        out.push((
            super::circumstances::DATE.to_string(),
            row_verb.clone(),
            value,
            t.anchor,
            tokens,
        ));
    }
    let taken: Vec<&Object> = participants.iter().map(|v| &v.object).collect();
    for &c in phrase.iter().filter(|&&c| c != n && own(c)) {
        let Some(prep) = p.prep(c) else { continue };
        let lemma = p.lemma(c).to_string();
        // "à l'aide de Y", "au moyen de Y".
        if prep == "à" && matches!(lemma.as_str(), "aide" | "moyen") {
            for g in p.kids(c, "nmod").filter(|&g| p.prep(g).as_deref() == Some("de")) {
                for v in ctx.values(p, g, None) {
                    if matches!(v.object, Object::Entity(_)) && !taken.contains(&&v.object) {
                        out.push((
                            INSTRUMENT.to_string(),
                            row_verb.clone(),
                            v.object.clone(),
                            v.token,
                            vec![],
                        ));
                    }
                }
            }
            continue;
        }
        if !matches!(prep.as_str(), "à" | "en" | "dans" | "près") || ctx.is_locution(p, c) {
            continue;
        }
        for v in ctx.values(p, c, None) {
            let Object::Entity(e) = v.object else { continue };
            if ctx.kind(e) != EntityKind::Place || taken.contains(&&v.object) {
                continue;
            }
            if !out.iter().any(|x| x.2 == v.object) {
                out.push((
                    super::circumstances::PLACE.to_string(),
                    format!("{row_verb} {prep}"),
                    v.object.clone(),
                    v.token,
                    vec![],
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_parses_and_names_known_verbs() {
        let t = parse(NOMINALS_TSV).expect("nominals.tsv parses");
        assert!(t.len() > 30);
        assert_eq!(t["arrestation"].verb, "arrêter");
        assert_eq!(t["arrestation"].de, Role::Patient);
        assert_eq!(t["démission"].de, Role::Person);
        assert_eq!(t["arrivée"].de, Role::Agent);
    }

    #[test]
    fn bad_rows_are_reported_with_line() {
        assert_eq!(
            parse("noun\tverb\n"),
            Err(NominalTableError::Columns { line: 1, found: 2 })
        );
        assert!(matches!(
            parse("# c\nmort\tmourir\tvictim\n"),
            Err(NominalTableError::Role { line: 2, .. })
        ));
    }
}
