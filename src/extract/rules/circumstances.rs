//! When and where an act happened, as facts of their own: "Le parti a été
//! fondé en 2009" gives *parti —actDate→ "en 2009"* beside *X founds parti*,
//! and "Le suspect s'est enfui dans le quartier du Port" gives *suspect
//! —actLocation→ quartier du Port* when a place entity is named there.
//!
//! Owns only these two derived kinds of fact. They are read off facts the
//! other rules already found in the paragraph (a draft with a clause verb):
//! the date is the clause's own time expression (attached by
//! [`super::time::attach`]), the place a locative prepositional argument of
//! the verb whose phrase names a place entity. The derived fact keeps its
//! source fact's subject, lemma, flags (negation, modality, reported) and a
//! little less of its confidence. It never changes the source fact.

use std::collections::HashSet;

use crate::facts::{EntityKind, Literal, LiteralKind, Node, Object};

use super::{Ctx, Draft, Para};

/// The property of an act's date.
pub(crate) const DATE: &str = "actDate";
/// The property of an act's place.
pub(crate) const PLACE: &str = "actLocation";

/// Rules whose facts say something happened; facts about what a thing is
/// (roles, copulas, appositions) have no date or place of their own.
fn is_act(rule: &str) -> bool {
    !matches!(
        rule,
        "role"
            | "copula"
            | "apposition"
            | "age"
            | "measure"
            | "demonym"
            | "member"
            | "place"
            | "attribution"
            | "act-date"
            | "act-place"
            | "nominal"
            | "nominal-circumstance"
    )
}

/// The act's prepositional adjuncts that may place it: its `obl`
/// children, except that a clock time or time word ("vers 18h00, à Tulle"
/// parsed with the town under the hour) is no place: its own locative
/// complements stand in for it.
fn place_candidates(p: &Para, v: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for c in p.children[v].iter().copied() {
        if !matches!(p.tok(c).dep.as_str(), "obl" | "obl:mod" | "obl:arg") {
            continue;
        }
        if super::svo::is_clock_or_time(p, c) {
            out.extend(p.kids(c, "nmod").filter(|&k| p.prep(k).is_some_and(|x| locative(&x))));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the time written at `tokens` opens the clause of `v` before an
/// attribution of that clause ("Vers 22h25, selon le ministre, les mesures
/// représentent …"): in a live report that is when the source spoke, not
/// when the reported act happened, so the act takes no date from it.
fn dates_the_source(ctx: &Ctx, p: &Para, v: usize, tokens: &[usize]) -> bool {
    let Some(&last) = tokens.iter().max() else { return false };
    p.children[v]
        .iter()
        .any(|&c| c > last && c < v && super::reported::is_attribution(ctx, p, c))
}

/// Prepositions that place an act ("à Lyon", "en Bavière", "dans la ville
/// de X", "près de X", "depuis Bruxelles").
fn locative(prep: &str) -> bool {
    matches!(
        prep,
        "à" | "en" | "dans" | "sur" | "près" | "depuis" | "chez" | "devant" | "vers" | "outre"
    )
}

/// Adds the date and place facts of the paragraph's act facts (drafts of
/// paragraph `p.index` from `from` on) to `out`.
pub(crate) fn run(ctx: &Ctx, p: &Para, from: usize, out: &mut Vec<Draft>) {
    let mut seen: HashSet<(Node, usize, String)> = HashSet::new();
    let mut derived = Vec::new();
    // The words of each time expression, for the date fact's span.
    let times: Vec<(String, Vec<usize>)> = super::time::find(p)
        .into_iter()
        .map(|t| {
            let tokens: Vec<usize> = t.tokens.collect();
            (ctx.render(p, &tokens), tokens)
        })
        .collect();
    for d in out[from..].iter().filter(|d| d.para == p.index && is_act(d.rule)) {
        let Some(v) = d.verb.filter(|&v| v < p.len()) else {
            continue;
        };
        let subject_token = d.tokens.first().copied().unwrap_or(v);
        for (name, value) in &d.arguments {
            let Object::Literal(Literal {
                text,
                kind: LiteralKind::Time,
            }) = value
            else {
                continue;
            };
            if name != "time" || !seen.insert((d.subject, v, format!("T:{}", text.to_lowercase()))) {
                continue;
            }
            let written = times
                .iter()
                .find(|(w, _)| w == text)
                .map(|(_, tokens)| tokens.as_slice());
            if written.is_some_and(|tokens| dates_the_source(ctx, p, v, tokens)) {
                continue;
            }
            let mut fact = derive(d, "act-date", DATE, value.clone());
            fact.lemma = verb_lemma(&d.lemma).to_string();
            fact.arguments.push(("time".to_string(), value.clone()));
            fact.tokens = vec![subject_token, v];
            fact.span = times
                .iter()
                .find(|(written, _)| written == text)
                .map(|(_, tokens)| tokens.clone())
                .unwrap_or_default();
            derived.push(fact);
        }
        for c in place_candidates(p, v) {
            let Some(prep) = p.prep(c).filter(|x| locative(x)) else {
                continue;
            };
            // "en présence du maire de Lyon": a framing locution, no place.
            if ctx.is_locution(p, c) || !names_place(ctx, p, c) {
                continue;
            }
            for value in ctx.values(p, c, None) {
                // The source fact's own object says it already; a place the
                // verb takes as recipient or target ("livrer à la Syrie") is
                // no place of the act.
                let other_role = d
                    .arguments
                    .iter()
                    .any(|(role, o)| *o == value.object && role != "location");
                if value.object == d.object || other_role {
                    continue;
                }
                if !seen.insert((d.subject, v, format!("P:{c}:{}", value.token))) {
                    continue;
                }
                let mut fact = derive(d, "act-place", PLACE, value.object.clone());
                fact.lemma = format!("{} {prep}", verb_lemma(&d.lemma));
                fact.tokens = vec![subject_token, v, value.token];
                fact.span = value.phrase.clone();
                fact.confidence *= value.factor;
                derived.push(fact);
            }
        }
    }
    out.extend(derived);
}

/// The source's verb words, without the preposition a prepositional object
/// added ("dérouler en" → "dérouler").
fn verb_lemma(lemma: &str) -> &str {
    match lemma.rsplit_once(' ') {
        Some((verb, last)) if locative(last) || matches!(last, "de" | "avec" | "contre" | "pour" | "par" | "entre") => {
            verb
        }
        _ => lemma,
    }
}

fn derive(d: &Draft, rule: &'static str, property: &str, object: Object) -> Draft {
    let mut fact = Draft::new(rule, d.para, d.subject, property.to_string(), d.lemma.clone(), object);
    fact.verb = d.verb;
    fact.negated = d.negated;
    fact.hypothetical = d.hypothetical;
    fact.reported = d.reported;
    fact.reported_by = d.reported_by;
    fact.confidence = d.confidence * 0.9;
    fact
}

/// Whether the nominal `c` names a place: it is a place entity, or a place
/// entity sits in its noun phrase ("l'établissement de Trèbes", "la gare
/// d'Ankara"), not in a clause on it.
fn names_place(ctx: &Ctx, p: &Para, c: usize) -> bool {
    let place = |t: usize| {
        p.tok(t).pos != "ADJ"
            && ctx
                .table
                .entity_at(p.index, t)
                .is_some_and(|e| ctx.kind(e) == EntityKind::Place)
    };
    // Down the phrase only, a few levels, never into a verb's clause.
    let mut frontier = vec![(c, 0usize)];
    while let Some((x, depth)) = frontier.pop() {
        if place(x) {
            return true;
        }
        if depth < 4 {
            for k in p.children[x].iter().copied() {
                let dep = p.tok(k).dep.as_str();
                // "à vitesse réduite en direction de Lyon": where it went, not where it was.
                let goal = p
                    .prep(k)
                    .is_some_and(|g| super::svo::goal_complement(ctx, p, k, &g).is_some());
                if p.tok(k).pos != "VERB"
                    && !goal
                    && (matches!(dep, "nmod" | "appos" | "advmod" | "dep") || dep.starts_with("flat"))
                {
                    frontier.push((k, depth + 1));
                }
            }
        }
    }
    false
}
