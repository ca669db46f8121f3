//! Negation and modality flags for facts read from a verb.
//!
//! Owns: "ne … pas/jamais/plus/rien" (a lone expletive "ne", as in "avant
//! que … ne se réunissent", does not negate, but "ne" alone on the verbs of
//! the `ne-alone` class does: "ne peut rivaliser"), the conditional mood, modal
//! verbs above an infinitive (pourraient, devrait), and "si" clauses.

use super::lexicon::Class;
use super::{Ctx, Draft, Para};

/// Sets `negated` and `hypothetical` on a draft from its verb.
pub(crate) fn flag(ctx: &Ctx, p: &Para, v: usize, d: &mut Draft) {
    let mut x = v;
    for _ in 0..p.len() {
        if negated_here(ctx, p, x) {
            d.negated = true;
        }
        if conditional_here(p, x) {
            d.hypothetical = true;
        }
        if x != v && ctx.is(Class::Modal, &p.tok(x).lemma.to_lowercase()) {
            d.hypothetical = true;
        }
        if p.tok(x).dep != "xcomp" {
            break;
        }
        match p.head(x) {
            Some(h) if p.tok(h).pos == "VERB" => x = h,
            _ => break,
        }
    }
    if d.negated || d.hypothetical {
        d.confidence *= 0.95;
    }
}

fn negated_here(ctx: &Ctx, p: &Para, v: usize) -> bool {
    let kids: Vec<usize> = p.children[v].clone();
    let has_ne = kids
        .iter()
        .any(|&c| matches!(p.tok(c).text.to_lowercase().as_str(), "ne" | "n'"));
    let particle = kids.iter().any(|&c| {
        let t = p.tok(c);
        let w = t.text.to_lowercase();
        (ctx.is(Class::Negation, &w) && (has_ne || w != "plus"))
            && (t.pos == "ADV" || t.pos == "PRON" || t.pos == "DET")
    });
    // "ne peut rivaliser": a few verbs take "ne" alone (an expletive "ne"
    // on other verbs, "avant qu'il ne parte", negates nothing).
    let alone = has_ne && ctx.is(Class::NeAlone, &p.tok(v).lemma.to_lowercase());
    alone || (particle && (has_ne || kids.iter().any(|&c| p.tok(c).text.to_lowercase() == "jamais")))
}

fn conditional_here(p: &Para, v: usize) -> bool {
    if p.morph_has(v, "Mood=Cnd") {
        return true;
    }
    p.children[v].iter().any(|&c| {
        let t = p.tok(c);
        (t.pos == "AUX" && p.morph_has(c, "Mood=Cnd")) || (t.dep == "mark" && t.text.to_lowercase() == "si")
    })
}
