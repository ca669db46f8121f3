//! Copulas: "X est Y" with the predicate noun or adjective as the head and
//! être as its `cop` child.
//!
//! A title noun gives a `role` fact ("Poutine est le président russe"), an
//! entity gives `sameAs`-like identity only through `isA` with the entity, a
//! common noun `isA`, an adjective `hasQuality`. Subjects must be entities.

use crate::facts::Object;

use super::lexicon::Class;
use super::svo::grammatical_subjects;
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
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
        let (predicate, rule) = if tok.pos == "NOUN" && ctx.is(Class::Title, &lemma) {
            ("role", "copula")
        } else if tok.pos == "ADJ" {
            ("hasQuality", "copula")
        } else {
            ("isA", "copula")
        };
        let Some(value) = ctx.value(p, h, None) else { continue };
        for s in subjects {
            let Object::Entity(subject) = s.object else { continue };
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
            out.push(d);
        }
    }
}
