//! Nominal events: "sa plus grande attaque de drones contre Moscou",
//! "la réunion des délégations ukrainiennes et américaines à Djeddah",
//! "une proposition américaine pour …".
//!
//! Owns the actor of an event noun (a `de` complement entity, a demonym
//! adjective, else the subject of the verb that governs the noun), its
//! target/partner (contre, sur, avec, à, on the noun or on its verb), the
//! participants of meetings, and the fact they make. Event nouns are the
//! noun lemmas of `predicates.tsv`; `meeting` nouns come from `lexicon.tsv`.

use crate::facts::{EntityKind, Object};

use super::lexicon::Class;
use super::np::Value;
use super::svo::grammatical_subjects;
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for n in 0..p.len() {
        let tok = p.tok(n);
        if tok.pos != "NOUN" {
            continue;
        }
        let lemma = tok.lemma.to_lowercase();
        if !ctx.lex.has_lemma(&lemma) {
            continue;
        }
        if ctx.is(Class::Meeting, &lemma) {
            meeting(ctx, p, n, &lemma, out);
        }
        action(ctx, p, n, &lemma, out);
    }
}

/// Entities a nominal names through demonym adjectives or a `de` complement.
fn named_by(ctx: &Ctx, p: &Para, n: usize, depth: usize) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let push = |v: Value, out: &mut Vec<Value>| {
        if !out.iter().any(|o| o.object == v.object) {
            out.push(v);
        }
    };
    for a in p.kids(n, "amod").collect::<Vec<_>>() {
        for x in std::iter::once(a).chain(p.kids(a, "conj").collect::<Vec<_>>()) {
            if let Some(e) = ctx.demonym(p, x) {
                push(
                    Value {
                        object: Object::Entity(e),
                        factor: 0.8,
                        token: x,
                        phrase: Vec::new(),
                    },
                    &mut out,
                );
            }
        }
    }
    for c in p.kids(n, "nmod").collect::<Vec<_>>() {
        if p.prep(c).as_deref() != Some("de") {
            continue;
        }
        for v in ctx.values(p, c, None) {
            if matches!(v.object, Object::Entity(_)) {
                push(v, &mut out);
            }
        }
        // "des délégations ukrainiennes et américaines" (one level down only).
        if depth > 0 {
            continue;
        }
        for v in named_by(ctx, p, c, depth + 1) {
            push(v, &mut out);
        }
    }
    out
}

/// The subject of the verb governing the noun ("L'Ukraine a lancé une attaque").
fn governing_subjects(ctx: &Ctx, p: &Para, n: usize) -> Vec<Value> {
    let mut x = n;
    for step in 0..3 {
        let Some(h) = p.head(x) else { return vec![] };
        let dep = p.tok(x).dep.as_str();
        if !(dep == "obj" || dep.starts_with("obl") || dep == "nmod") {
            return vec![];
        }
        if p.tok(h).pos == "VERB" {
            if super::svo::is_passive(p, h) {
                return vec![];
            }
            return grammatical_subjects(ctx, p, h, 0)
                .into_iter()
                .map(|mut v| {
                    v.factor *= if step == 0 && dep == "obj" { 0.9 } else { 0.75 };
                    v
                })
                .collect();
        }
        x = h;
    }
    vec![]
}

/// Targets and partners: on the noun, or on the verb it is the object of.
fn counterparts(ctx: &Ctx, p: &Para, n: usize) -> Vec<(Value, String)> {
    let mut places: Vec<usize> = p.kids(n, "nmod").collect();
    // "le début de la guerre avec la Russie": the parser often hangs the
    // complement on the noun above the event.
    if p.tok(n).dep == "nmod" && p.prep(n).as_deref() == Some("de") {
        if let Some(h) = p
            .head(n)
            .filter(|&h| p.tok(h).pos == "NOUN" && !ctx.lex.has_lemma(p.lemma(h)))
        {
            places.extend(p.kids(h, "nmod").filter(|&c| c > n));
        }
    }
    if p.tok(n).dep == "obj" {
        if let Some(h) = p.head(n) {
            places.extend(p.kids(h, "obl:mod").chain(p.kids(h, "obl:arg")).chain(p.kids(h, "obl")));
        }
    }
    let mut out = Vec::new();
    for c in places {
        let Some(prep) = p.prep(c) else { continue };
        if !matches!(prep.as_str(), "contre" | "sur" | "avec" | "à") {
            continue;
        }
        for v in ctx.values(p, c, None) {
            if let Object::Entity(e) = v.object {
                if prep == "à" && ctx.kind(e) == EntityKind::Place {
                    continue;
                }
                out.push((v, prep.clone()));
            }
        }
    }
    out
}

fn action(ctx: &Ctx, p: &Para, n: usize, lemma: &str, out: &mut Vec<Draft>) {
    // "a annulé ses sanctions contre X": the event did not (or no longer) happen.
    if p.head(n).is_some_and(|h| ctx.is(Class::Cancel, p.lemma(h))) {
        return;
    }
    // "l'invasion de l'Ukraine": the "de" complement of a patient noun
    // (`nominals.tsv`) is the one the act is done to, never its actor.
    let patient_noun = super::nominals::lookup(lemma).is_some_and(|r| r.de == super::nominals::Role::Patient);
    let mut own = named_by(ctx, p, n, 0);
    if patient_noun {
        own.retain(|v| p.tok(v.token).pos == "ADJ");
    }
    let targets = counterparts(ctx, p, n);
    let target_objs: Vec<&Object> = targets.iter().map(|(v, _)| &v.object).collect();
    let own_actors: Vec<Value> = own
        .iter()
        .filter(|v| !target_objs.contains(&&v.object))
        .cloned()
        .collect();
    let actors = if own_actors.is_empty() {
        governing_subjects(ctx, p, n)
    } else {
        own_actors.clone()
    };
    let verb = clause_verb(p, n);
    for a in &actors {
        let Object::Entity(subject) = a.object else { continue };
        for (t, prep) in &targets {
            let Some(property) = ctx
                .lex
                .property(lemma, Some(prep))
                .or_else(|| ctx.lex.property(lemma, None))
            else {
                continue;
            };
            let mut d = Draft::new(
                "event",
                p.index,
                subject,
                property.to_string(),
                lemma.to_string(),
                t.object.clone(),
            );
            d.tokens = vec![a.token, n, t.token];
            d.span = t.phrase.clone();
            d.verb = verb;
            d.confidence *= a.factor * t.factor;
            out.push(d);
        }
        // "une proposition américaine pour …": the actor named on the noun
        // and what the event is about as a literal.
        if targets.is_empty() && !own_actors.is_empty() && !ctx.is(Class::Meeting, lemma) {
            let Some(property) = ctx.lex.property(lemma, None) else {
                continue;
            };
            let Some((text, phrase)) = event_content(ctx, p, n, a.token) else {
                continue;
            };
            let object = Object::text(text);
            let mut d = Draft::new(
                "event",
                p.index,
                subject,
                property.to_string(),
                lemma.to_string(),
                object,
            );
            d.tokens = vec![a.token, n];
            d.span = phrase;
            d.verb = verb;
            d.confidence *= a.factor;
            out.push(d);
        }
    }
}

/// "la réunion des délégations ukrainiennes et américaines": participants meet each other.
fn meeting(ctx: &Ctx, p: &Para, n: usize, lemma: &str, out: &mut Vec<Draft>) {
    let mut participants = named_by(ctx, p, n, 0);
    for c in p.kids(n, "nmod").collect::<Vec<_>>() {
        if p.prep(c).as_deref() == Some("entre") {
            for v in ctx.values(p, c, None) {
                if matches!(v.object, Object::Entity(_)) && !participants.iter().any(|x| x.object == v.object) {
                    participants.push(v);
                }
            }
        }
    }
    participants.retain(|v| matches!(v.object, Object::Entity(e) if ctx.kind(e) != EntityKind::Misc));
    if participants.len() < 2 {
        return;
    }
    let Some(property) = ctx.lex.property(lemma, None) else {
        return;
    };
    let first = &participants[0];
    let Object::Entity(subject) = first.object else { return };
    let mut location = Vec::new();
    for c in p.kids(n, "nmod").collect::<Vec<_>>() {
        if matches!(p.prep(c).as_deref(), Some("à" | "en" | "dans")) {
            if let Some((e, _)) = ctx.resolve(p, c) {
                if ctx.kind(e) == EntityKind::Place {
                    location.push(e);
                }
            }
        }
    }
    // The place may hang on the participants' noun ("des délégations … à Djeddah").
    for c in p.kids(n, "nmod").collect::<Vec<_>>() {
        for g in p.kids(c, "nmod").collect::<Vec<_>>() {
            if matches!(p.prep(g).as_deref(), Some("à" | "en" | "dans")) {
                if let Some((e, _)) = ctx.resolve(p, g) {
                    if ctx.kind(e) == EntityKind::Place && !location.contains(&e) {
                        location.push(e);
                    }
                }
            }
        }
    }
    for other in &participants[1..] {
        let mut d = Draft::new(
            "meeting",
            p.index,
            subject,
            property.to_string(),
            lemma.to_string(),
            other.object.clone(),
        );
        d.arguments = location
            .iter()
            .map(|&e| ("location".to_string(), Object::Entity(e)))
            .collect();
        d.tokens = vec![first.token, n, other.token];
        d.span = other.phrase.clone();
        d.verb = clause_verb(p, n);
        d.confidence *= first.factor * other.factor;
        out.push(d);
    }
}

/// What an event is about: the noun's own phrase without its actor, or, when
/// that is the bare noun, the "pour"/"de" argument the parser hung on the
/// verb ("accepter une proposition américaine pour l'introduction de …").
fn event_content(ctx: &Ctx, p: &Para, n: usize, actor: usize) -> Option<(String, Vec<usize>)> {
    let own = ctx.literal_phrase(p, n, Some(actor))?;
    if own.0.split_whitespace().count() >= 2 {
        return Some(own);
    }
    let h = p.head(n).filter(|_| p.tok(n).dep == "obj")?;
    p.kids(h, "obl:mod")
        .chain(p.kids(h, "obl:arg"))
        .filter(|&c| c > n && matches!(p.prep(c).as_deref(), Some("pour" | "de")))
        .find_map(|c| ctx.literal_phrase(p, c, None))
}

fn clause_verb(p: &Para, n: usize) -> Option<usize> {
    let c = super::time::clause_of(p, n);
    (p.tok(c).pos == "VERB" || p.kids(c, "cop").next().is_some()).then_some(c)
}
