//! Past participles modifying a noun, with an agent: "des terres occupées
//! par la Russie" → Russie occupies terres; an agent that names no entity
//! is a concept node of its own, as a verb's subject would be ("un
//! passant renversé par un camion" → camion … passant).
//!
//! Finite passives ("a été rejoint par X") are turned active in `svo`; this
//! module owns only the reduced relative (`acl` participle + `obl:agent`).

use crate::facts::Object;

use super::np::Value;
use super::svo::predicate;
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for v in 0..p.len() {
        let tok = p.tok(v);
        if tok.pos != "VERB" || tok.dep != "acl" || !p.morph_has(v, "VerbForm=Part") || p.morph_has(v, "Tense=Pres") {
            continue;
        }
        let Some(noun) = p.head(v) else { continue };
        let agents: Vec<_> = p.kids(v, "obl:agent").flat_map(|a| ctx.values(p, a, None)).collect();
        if agents.is_empty() {
            continue;
        }
        // "le patinage féminin (remportée par X), masculin (remportée par
        // Y)": a participle opening a bracket is about the item written
        // right before the bracket, whatever the parser hung it on or it
        // agrees with (the writer agrees it with a noun left unsaid).
        let bracketed = bracketed_item(p, v);
        // The parser may hang the participle on a nearer noun it does not agree with.
        let Some((noun, agreement)) = bracketed.map(|b| (b, 0.9)).or_else(|| ctx.agreeing_noun(p, noun, v, v)) else {
            continue;
        };
        // A bracketed item is a name only when a name is written there
        // ("Satoko X , le patinage en couple (…)" is no apposition).
        let patient = match bracketed {
            Some(b) => match ctx.table.entity_at(p.index, b) {
                Some(e) => Some(Value {
                    object: Object::Entity(e),
                    factor: 1.0,
                    token: b,
                    phrase: Vec::new(),
                }),
                None => ctx.literal_phrase(p, b, Some(v)).map(|(text, phrase)| Value {
                    object: Object::text(text),
                    factor: 1.0,
                    token: b,
                    phrase,
                }),
            },
            None => ctx.value(p, noun, Some(v)),
        };
        let Some(mut patient) = patient else {
            continue;
        };
        patient.factor *= agreement;
        // The bracketed item is the words between the previous bracket and
        // this one: never a neighbour item the parser hung on it.
        if let (Some(b), Object::Literal(l)) = (bracketed, &mut patient.object) {
            let open = v - 1;
            let lo = (0..b).rev().find(|&k| matches!(p.tok(k).text.as_str(), "(" | ")"));
            let kept: Vec<usize> = patient
                .phrase
                .iter()
                .copied()
                .filter(|&k| k < open && lo.is_none_or(|lo| k > lo))
                .collect();
            if kept.is_empty() {
                continue;
            }
            l.text = ctx.render(p, &kept);
            patient.phrase = kept;
        }
        let lemmas = vec![tok.lemma.to_lowercase()];
        let property = predicate(ctx, &lemmas, None).unwrap_or_else(|| "relatedTo".to_string());
        for a in agents {
            // "le patinage en couple (remporté par A et B) et la danse (…)":
            // a noun the parser coordinated with the agent across a closing
            // bracket is the next item of the outer list, not an agent.
            let beyond_bracket = (v..a.token).any(|t| p.tok(t).text == ")");
            if beyond_bracket && !matches!(a.object, Object::Entity(_)) {
                continue;
            }
            let Some(subject) = ctx.subject_node(p, &a) else {
                continue;
            };
            let mut d = Draft::new(
                "participle",
                p.index,
                subject,
                property.clone(),
                lemmas[0].clone(),
                patient.object.clone(),
            );
            d.tokens = vec![noun, v, a.token];
            d.span = patient.phrase.clone();
            d.verb = Some(v);
            d.confidence *= a.factor * patient.factor * super::confidence::node_factor(subject);
            out.push(d);
        }
    }
}

/// The item a participle right after an opening bracket is about: the
/// phrase that ends just before the bracket, climbed from its last word
/// to the head it modifies ("le patinage en couple (remporté par …)" is
/// about "patinage"; "féminin (remportée par …)", an adjective standing
/// for a noun left unsaid, about itself).
fn bracketed_item(p: &Para, v: usize) -> Option<usize> {
    let open = v.checked_sub(1).filter(|&o| p.tok(o).text == "(")?;
    let mut x = open.checked_sub(1)?;
    if p.sentence_of[x] != p.sentence_of[v] || !matches!(p.tok(x).pos.as_str(), "NOUN" | "PROPN" | "ADJ") {
        return None;
    }
    for _ in 0..4 {
        let dep = p.tok(x).dep.as_str();
        if !matches!(dep, "amod" | "nmod" | "flat:name" | "fixed") {
            break;
        }
        // Not across a comma or bracket: "féminin (…), masculin" is an
        // item of its own, whatever the parser hung it on.
        match p.head(x) {
            Some(h)
                if h < x
                    && matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN")
                    && !(h..x).any(|k| matches!(p.tok(k).text.as_str(), "," | "(" | ")")) =>
            {
                x = h
            }
            _ => break,
        }
    }
    Some(x)
}
