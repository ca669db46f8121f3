//! Past participles modifying a noun, with an agent: "des terres occupées
//! par la Russie" → Russie occupies terres; an agent that names no entity
//! is a concept node of its own, as a verb's subject would be ("un
//! passant renversé par un camion" → camion … passant).
//!
//! Finite passives ("a été rejoint par X") are turned active in `svo`; this
//! module owns only the reduced relative (`acl` participle + `obl:agent`).

use crate::facts::Object;

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
        // The parser may hang the participle on a nearer noun it does not agree with.
        let Some((noun, agreement)) = ctx.agreeing_noun(p, noun, v, v) else {
            continue;
        };
        let Some(mut patient) = ctx.value(p, noun, Some(v)) else {
            continue;
        };
        patient.factor *= agreement;
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
