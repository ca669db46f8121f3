//! Copulas: "X est Y" with the predicate noun or adjective as the head and
//! être as its `cop` child.
//!
//! A title noun gives a `role` fact ("Poutine est le président russe"), an
//! entity gives `sameAs`-like identity only through `isA` with the entity, a
//! common noun `isA`, an adjective `hasQuality`. A role needs a named
//! subject; what a thing is or is like may be said of a noun phrase too
//! (a concept node: "le pont est dangereux").
//! A `leader` title also gives `leads` with the organisation or place it
//! heads: "X a été maire de Lyon", "X a été maire de la capitale
//! colombienne, Bogota" (the name apposed to the title's complement).
//! A title as the predicative complement of another verb is a role too:
//! "X a été élu président du Sénat", "X est devenu maire de Lyon", "le
//! conseil a nommé X directrice" ([`predicative_titles`]).

use crate::facts::{EntityKind, Node, Object};

use super::lexicon::Class;
use super::svo::{grammatical_subjects, is_amount};
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    predicative_titles(ctx, p, out);
    for h in 0..p.len() {
        let Some(cop) = p.kids(h, "cop").next() else { continue };
        let tok = p.tok(h);
        if !matches!(tok.pos.as_str(), "NOUN" | "PROPN" | "ADJ") {
            continue;
        }
        let subjects = grammatical_subjects(ctx, p, h, 0);
        if subjects.is_empty() {
            continue;
        }
        let lemma = tok.lemma.to_lowercase();
        // "était en deuil", "est de retour", "est sur le point de": a noun
        // with a preposition of its own says a state or a locution, never
        // what the subject is. A bare state ("en deuil", "d'origine
        // égyptienne") is a quality, as written; one with complements of
        // its own ("en train de", "en contact avec X") says nothing alone.
        let preposition = p.children[h].iter().copied().find(|&c| c < h && p.tok(c).pos == "ADP");
        // "le taux de participation était de 53 %": an amount under "de"
        // is the subject's measure.
        if preposition.is_some() && p.prep(h).as_deref() == Some("de") {
            if let Some(value) = ctx.value(p, h, None).filter(|x| is_amount(p, x)) {
                for s in &subjects {
                    let Some(subject) = ctx.subject_node(p, s) else {
                        continue;
                    };
                    let mut d = Draft::new(
                        "copula",
                        p.index,
                        subject,
                        "relatedTo".to_string(),
                        "être de".to_string(),
                        value.object.clone(),
                    );
                    d.tokens = vec![s.token, cop, h];
                    d.span = value.phrase.clone();
                    d.verb = Some(h);
                    d.confidence *= s.factor * value.factor;
                    out.push(d);
                }
                continue;
            }
        }
        if let Some(prep) = preposition {
            // Adjectives, adverbs, dates and a coordinated clause are no
            // complements of the state.
            let complements = p.children[h].iter().any(|&c| {
                c > h
                    && !matches!(p.tok(c).dep.as_str(), "amod" | "punct" | "advmod" | "conj" | "cc")
                    && !super::svo::is_time_noun(p, c)
            });
            if tok.pos != "NOUN" || complements {
                continue;
            }
            let words: Vec<usize> = (prep..=h).chain(p.kids(h, "amod").filter(|&a| a > h)).collect();
            let text = ctx.render(p, &words);
            for s in subjects {
                let Object::Entity(subject) = s.object else { continue };
                let mut d = Draft::new(
                    "copula",
                    p.index,
                    subject,
                    "hasQuality".to_string(),
                    format!("être {}", text.to_lowercase()),
                    Object::text(text.clone()),
                );
                d.tokens = vec![s.token, cop, h];
                d.span = words.clone();
                d.verb = Some(h);
                d.confidence *= s.factor;
                out.push(d);
            }
            continue;
        }
        let (predicate, rule) = if tok.pos == "NOUN" && ctx.is(Class::Title, &lemma) {
            ("role", "copula")
        } else if tok.pos == "ADJ" {
            ("hasQuality", "copula")
        } else {
            ("isA", "copula")
        };
        let Some(value) = ctx.value(p, h, None) else { continue };
        for s in subjects {
            // An entity, or for what a thing is or is like (not a title,
            // which only a named holder has) a noun phrase as a concept
            // node: "le pont est devenu dangereux", "la victime est un
            // homme de 30 ans".
            let subject = match s.object {
                Object::Entity(e) => Node::Entity(e),
                _ if predicate != "role" => match ctx.subject_node(p, &s) {
                    Some(n) => n,
                    None => continue,
                },
                _ => continue,
            };
            let mut d = Draft::new(
                rule,
                p.index,
                subject,
                predicate.to_string(),
                format!("être {lemma}"),
                value.object.clone(),
            );
            d.tokens = vec![s.token, cop, h];
            d.span = value.phrase.clone();
            d.verb = Some(h);
            d.confidence *= s.factor * value.factor;
            if let (true, Node::Entity(holder)) = (predicate == "role", subject) {
                push_leads(ctx, p, h, holder, &d, out);
            }
            out.push(d);
        }
    }
}

/// A title noun that is the predicative complement (`xcomp`, no
/// preposition, no être of its own) of a verb other than être or a modal: "X a été élu président du
/// Sénat", "X est devenu maire de Lyon" (the verb's subject holds the
/// role), "le conseil a nommé X directrice" (its object does: UD's object
/// control). The row is `role` with the title phrase, lemma the verb and
/// the title ("élire président"); a leader title also gives `leads`.
fn predicative_titles(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for h in 0..p.len() {
        let tok = p.tok(h);
        let lemma = tok.lemma.to_lowercase();
        if tok.dep != "xcomp" || tok.pos != "NOUN" || !ctx.is(Class::Title, &lemma) {
            continue;
        }
        // "peut être président": an infinitive être under a modal says
        // what may be, not what is.
        let be = p.children[h].iter().any(|&k| p.tok(k).lemma == "être");
        if p.kids(h, "case").next().is_some() || be {
            continue;
        }
        let Some(v) = p
            .head(h)
            .filter(|&v| p.tok(v).pos == "VERB" && !ctx.is(Class::Modal, &p.tok(v).lemma.to_lowercase()))
        else {
            continue;
        };
        let holders: Vec<(usize, usize, f32)> = match p.kids(v, "obj").next() {
            Some(o) => ctx.resolve(p, o).map(|(e, f)| vec![(e, o, f)]).unwrap_or_default(),
            None => grammatical_subjects(ctx, p, v, 0)
                .into_iter()
                .filter_map(|s| match s.object {
                    Object::Entity(e) => Some((e, s.token, s.factor)),
                    _ => None,
                })
                .collect(),
        };
        let Some((text, phrase)) = ctx.literal_phrase(p, h, None) else {
            continue;
        };
        let verb = p.tok(v).lemma.to_lowercase();
        for (holder, at, factor) in holders {
            let mut d = Draft::new(
                "copula",
                p.index,
                holder,
                "role".to_string(),
                format!("{verb} {lemma}"),
                Object::text(text.clone()),
            );
            d.tokens = vec![at, v, h];
            d.span = phrase.clone();
            d.verb = Some(v);
            d.confidence *= factor;
            push_leads(ctx, p, h, holder, &d, out);
            out.push(d);
        }
    }
}

/// For a `role` draft `d` whose title `h` is of the `leader` class, one
/// `leads` row (a copy of `d`) for each organisation or place the title
/// names ([`led`]) other than the holder itself.
fn push_leads(ctx: &Ctx, p: &Para, h: usize, holder: usize, d: &Draft, out: &mut Vec<Draft>) {
    if !ctx.is(Class::Leader, &p.tok(h).lemma.to_lowercase()) {
        return;
    }
    for e in led(ctx, p, h).into_iter().filter(|&e| e != holder) {
        let mut l = d.clone();
        l.predicate = "leads".to_string();
        l.object = Object::Entity(e);
        l.span = Vec::new();
        out.push(l);
    }
}

/// The organisation or place a leader title `h` names: its "de" complement
/// when that is a name ("maire de Lyon"), or a name set after a comma right
/// after a common-noun complement ("maire de la capitale colombienne,
/// Bogota").
fn led(ctx: &Ctx, p: &Para, h: usize) -> Vec<usize> {
    let body = |t: usize| {
        ctx.table
            .entity_at(p.index, t)
            .filter(|&e| matches!(ctx.kind(e), EntityKind::Place | EntityKind::Organization) && p.tok(t).pos != "ADJ")
    };
    let mut out = Vec::new();
    for &k in p.children[h].iter().filter(|&&k| k > h) {
        if p.tok(k).dep != "nmod" || p.prep(k).as_deref() != Some("de") {
            continue;
        }
        if let Some(e) = body(k) {
            out.push(e);
            continue;
        }
        if p.tok(k).pos != "NOUN" {
            continue;
        }
        let end = p.subtree(k).last().copied().unwrap_or(k) + 1;
        if end + 1 < p.len() && p.tok(end).text == "," {
            if let Some(e) = body(end + 1).filter(|&e| ctx.table.entity_at(p.index, end) != Some(e)) {
                out.push(e);
            }
        }
    }
    out
}
