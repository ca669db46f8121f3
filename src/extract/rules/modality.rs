//! Negation and modality flags for facts read from a verb.
//!
//! An infinitive under a speech verb ("affirme avoir frappé X") is reported
//! by the subject, and negated under a verb of denial ("nie avoir menti").
//! Owns: "ne … pas/jamais/plus/rien" (a lone expletive "ne", as in "avant
//! que … ne se réunissent", does not negate, but "ne" alone on the verbs of
//! the `ne-alone` class does: "ne peut rivaliser"), the conditional mood, modal
//! verbs above an infinitive (pourraient, devrait; but "ont pu comparer",
//! "a dû quitter" say it was done), "si" clauses, and acts
//! not yet done: the future tense ("signera", "aura signé") and the near
//! future "aller" + infinitive ("va proposer", "allait signer"). News often
//! announces scheduled acts in the future ("le sommet aura lieu lundi"):
//! they have not happened when written, so they are hypothetical too.
//! So are aims and requests: a purpose infinitive ("a vendu la maison pour
//! financer la campagne") and a clause on a noun of request or plan, or on
//! the object of a verb that rejects or cancels it ("a rejeté les demandes
//! de mesures interdisant à X de …": nothing was forbidden), and the clause
//! of an adjective of possibility ("il est possible que …").

use super::lexicon::Class;
use super::{Ctx, Draft, Para};

/// Sets `negated` and `hypothetical` on a draft from its verb.
pub(crate) fn flag(ctx: &Ctx, p: &Para, v: usize, d: &mut Draft) {
    let mut x = v;
    // Negations and denials along the chain of verbs, each turning the act
    // over: "ne dément pas avoir reçu" and "nie ne pas avoir payé" assert it.
    let mut turns = 0;
    for _ in 0..p.len() {
        if negated_here(ctx, p, x) {
            turns += 1;
        }
        if conditional_here(p, x) || future_here(p, x) {
            d.hypothetical = true;
        }
        if x != v && near_future(p, x) {
            d.hypothetical = true;
        }
        if x != v && ctx.is(Class::Modal, p.lemma(x)) && !realised(p, x) {
            d.hypothetical = true;
        }
        // "affirme avoir frappé", "nie avoir menti": the subject says it
        // did the act, or did not.
        // The source is the speech verb's subject ("Julie affirme avoir été
        // frappée par X": Julie says it, not X).
        if x != v && ctx.is(Class::Speech, p.lemma(x)) {
            d.reported = true;
            if d.reported_by.is_none() {
                d.reported_by = super::svo::grammatical_subjects(ctx, p, x, 0)
                    .iter()
                    .find_map(|s| ctx.subject_node(p, s));
            }
        }
        // A denied act is negated, however the clause words it ("nie avoir
        // jamais frappé": "jamais" without "ne" is "ever").
        if x != v && ctx.is(Class::Denial, p.lemma(x)) {
            turns += 1;
        }
        // "oblige X à publier", "empêche X de partir": what X is to do is
        // not asserted.
        if super::svo::controlled_object(ctx, p, x).is_some() {
            d.hypothetical = true;
        }
        // "veut fermer l'usine et vendre le terrain": a verb coordinated
        // with an infinitive complement hangs where that one does (not
        // under its negation or tense: it has its own).
        let shared = if x == v { super::svo::shared_complement(p, v) } else { x };
        if p.tok(shared).dep != "xcomp" {
            break;
        }
        match p.head(shared) {
            Some(h) if p.tok(h).pos == "VERB" => x = h,
            _ => break,
        }
    }
    if turns % 2 == 1 {
        d.negated = true;
    }
    // "aurait crié … et réclamé": a participle coordinated without an
    // auxiliary of its own shares the first verb's auxiliary, and so its
    // conditional or future.
    if let Some(h) = shared_auxiliary(p, v) {
        if conditional_here(p, h) || future_here(p, h) {
            d.hypothetical = true;
        }
    }
    if !d.hypothetical && unasserted(ctx, p, super::svo::chain_top(p, v)) {
        d.hypothetical = true;
    }
    if d.negated || d.hypothetical {
        d.confidence *= 0.95;
    }
}

/// The verb whose auxiliary a coordinated participle shares: "aurait crié
/// des insultes et réclamé …" (the participle is the `conj` of a verb that
/// has an auxiliary, and has none of its own). `None` otherwise.
fn shared_auxiliary(p: &Para, v: usize) -> Option<usize> {
    if p.tok(v).dep != "conj" || !p.morph_has(v, "VerbForm=Part") || p.kids(v, "aux:").next().is_some() {
        return None;
    }
    let h = p.head(v)?;
    (p.tok(h).pos == "VERB" && p.kids(h, "aux:").next().is_some()).then_some(h)
}

/// A purpose infinitive: "pour" or "afin de" before an infinitive clause
/// ("pour financer", "afin de réduire"): an aim, not an act. After a
/// comma, "pour" + infinitive often tells what followed ("a perdu
/// 5 %, pour revenir à son plus bas niveau"): not an aim.
pub(crate) fn is_purpose(p: &Para, v: usize) -> bool {
    p.morph_has(v, "VerbForm=Inf")
        && matches!(p.tok(v).dep.as_str(), "advcl" | "acl")
        && p.kids(v, "mark").any(|m| {
            matches!(p.tok(m).text.to_lowercase().as_str(), "pour" | "afin") && (m == 0 || p.tok(m - 1).text != ",")
        })
}

/// Whether the clause headed by `top` is not asserted by its context: a
/// purpose infinitive, or a clause on a noun of request or plan (class
/// `request`) or on the object of a verb that rejects or cancels (class
/// `cancel`), the noun found up the nominal chain of "de" complements
/// ("les demandes des groupes de mesures interdisant …").
fn unasserted(ctx: &Ctx, p: &Para, top: usize) -> bool {
    if is_purpose(p, top) {
        return true;
    }
    // "il est possible que X ait quitté …": the clause of an adjective of
    // possibility.
    if matches!(p.tok(top).dep.as_str(), "ccomp" | "csubj") {
        if let Some(h) = p.head(top) {
            if p.tok(h).pos == "ADJ" && ctx.is(Class::Possibility, p.lemma(h)) {
                return true;
            }
        }
    }
    // What was asked is an infinitive or a present participle on the noun
    // ("la demande d'interdire", "des mesures interdisant"); a past
    // participle or a relative says what became of the request itself
    // ("la demande présentée par X", "le budget proposé").
    // "empêche les rebelles d'être condamnés": a passive infinitive.
    let passive_infinitive =
        p.morph_has(top, "VerbForm=Part") && p.kids(top, "aux:pass").any(|a| p.morph_has(a, "VerbForm=Inf"));
    let content = p.morph_has(top, "VerbForm=Inf")
        || (p.morph_has(top, "VerbForm=Part") && p.morph_has(top, "Tense=Pres"))
        || passive_infinitive;
    if !matches!(p.tok(top).dep.as_str(), "acl" | "acl:relcl") || !content {
        return false;
    }
    let Some(mut n) = p.head(top) else { return false };
    // A few steps up, bounded, so a cyclic parse ends it.
    for _ in 0..6 {
        let tok = p.tok(n);
        if !matches!(tok.pos.as_str(), "NOUN" | "PROPN") {
            return false;
        }
        if ctx.is(Class::Request, &tok.lemma.to_lowercase()) {
            return true;
        }
        let Some(h) = p.head(n) else { return false };
        let dep = tok.dep.as_str();
        if p.tok(h).pos == "VERB" {
            // "empêche les rebelles de partir" with the infinitive read on
            // the object: what the object is to do (class `object-control`).
            let lemma = p.lemma(h);
            let marked = p.kids(top, "mark").any(|m| matches!(p.lemma(m), "de" | "à"));
            return (dep == "obj" && ctx.is(Class::Cancel, lemma))
                || (matches!(dep, "obj" | "iobj" | "obl:arg") && marked && ctx.is(Class::ObjectControl, lemma));
        }
        if dep != "nmod" {
            return false;
        }
        n = h;
    }
    false
}

fn negated_here(ctx: &Ctx, p: &Para, v: usize) -> bool {
    // "n'est pas le résultat de Y": the parser may hang the negation on
    // the copula rather than on the predicate it links.
    let mut kids: Vec<usize> = p.children[v].clone();
    for c in p.kids(v, "cop").collect::<Vec<_>>() {
        kids.extend(p.children[c].iter().copied());
    }
    let has_ne = kids
        .iter()
        .any(|&c| matches!(p.tok(c).text.to_lowercase().as_str(), "ne" | "n'"));
    let particle = kids.iter().any(|&c| {
        let t = p.tok(c);
        let w = t.text.to_lowercase();
        (ctx.is(Class::Negation, &w) && (has_ne || w != "plus"))
            && (t.pos == "ADV" || t.pos == "PRON" || t.pos == "DET")
    });
    // "aucun accord n'a été signé", "n'a signé aucun accord": the negation
    // is the determiner of the verb's subject or object.
    let on_argument = has_ne
        && kids.iter().any(|&c| {
            matches!(p.tok(c).dep.as_str(), "nsubj" | "nsubj:pass" | "obj")
                && p.children[c].iter().any(|&g| {
                    let t = p.tok(g);
                    t.pos == "DET" && t.dep == "det" && matches!(t.lemma.to_lowercase().as_str(), "aucun" | "nul")
                })
        });
    if on_argument {
        return true;
    }
    // "ne peut rivaliser": a few verbs take "ne" alone (an expletive "ne"
    // on other verbs, "avant qu'il ne parte", negates nothing).
    let alone = has_ne && ctx.is(Class::NeAlone, p.lemma(v));
    alone || (particle && (has_ne || kids.iter().any(|&c| p.tok(c).text.to_lowercase() == "jamais")))
}

/// The conditional mood, on the verb or its auxiliary, or a "si" clause.
/// The tagger marks some imperfects `Mood=Cnd` ("transportait"): the
/// written form must also carry a conditional ending (-rais, -rait,
/// -rions, -riez, -raient).
fn conditional_here(p: &Para, v: usize) -> bool {
    let conditional = |t: usize| {
        let form = p.tok(t).text.to_lowercase();
        let tagged = p.morph_has(t, "Mood=Cnd")
            && ["rais", "rait", "rions", "riez", "raient"]
                .iter()
                .any(|e| form.ends_with(e));
        tagged || (p.morph_has(t, "VerbForm=Fin") && regular_conditional(&form, p.lemma(t)))
    };
    if conditional(v) {
        return true;
    }
    p.children[v].iter().any(|&c| {
        let t = p.tok(c);
        (t.pos == "AUX" && conditional(c)) || (t.dep == "mark" && t.text.to_lowercase() == "si")
    })
}

/// A regular conditional written out, which the tagger sometimes reads as
/// a present ("achèteraient"): an -er verb with "-erait" (never an
/// imperfect: "tirait", "espérait"), an -ir verb with "-irait" ("partait"
/// is the imperfect), a -re verb with its infinitive less the "e" and the
/// ending ("prendrait"; "prenait" is the imperfect). The first two letters
/// must be the lemma's.
fn regular_conditional(form: &str, lemma: &str) -> bool {
    const ENDINGS: [&str; 5] = ["ais", "ait", "ions", "iez", "aient"];
    let same_start = form.chars().take(2).eq(lemma.chars().take(2));
    let stem = if let Some(s) = lemma.strip_suffix("er") {
        if s.is_empty() {
            return false;
        }
        "er"
    } else if lemma.ends_with("ir") {
        "ir"
    } else if let Some(s) = lemma.strip_suffix("re") {
        if s.is_empty() {
            return false;
        }
        return ENDINGS
            .iter()
            .any(|e| form.strip_suffix(e).is_some_and(|f| f == &lemma[..lemma.len() - 1]));
    } else {
        return false;
    };
    same_start
        && ENDINGS.iter().any(|e| {
            form.strip_suffix(e)
                .is_some_and(|f| f.ends_with(stem) && f.len() > stem.len() + 1)
        })
}

/// "ont pu comparer", "a dû quitter", "purent fuir": "pouvoir" and
/// "devoir" in a past tense of the indicative say the act was done.
fn realised(p: &Para, modal: usize) -> bool {
    let lemma = p.lemma(modal);
    if lemma != "pouvoir" && lemma != "devoir" {
        return false;
    }
    let compound_past = p
        .kids(modal, "aux:tense")
        .any(|a| p.lemma(a) == "avoir" && p.morph_has(a, "Tense=Pres") && !p.morph_has(a, "Mood=Cnd"));
    let simple_past = p.morph_has(modal, "Tense=Past") && p.morph_has(modal, "VerbForm=Fin");
    compound_past || simple_past
}

/// The verb or its auxiliary in the simple or perfect future ("signera",
/// "aura signé", "sera signé"). The tagger marks some present forms
/// `Tense=Fut` ("exclut"): the written form must also carry a future
/// ending (-rai, -ras, -ra, -rons, -rez, -ront).
fn future_here(p: &Para, v: usize) -> bool {
    let future = |t: usize| {
        let form = p.tok(t).text.to_lowercase();
        let tagged = p.morph_has(t, "Tense=Fut")
            && ["rai", "ras", "ra", "rons", "rez", "ront"]
                .iter()
                .any(|e| form.ends_with(e));
        tagged || regular_future(&form, p.lemma(t))
    };
    future(v) || p.children[v].iter().any(|&c| p.tok(c).pos == "AUX" && future(c))
}

/// A regular future written out: the infinitive (without the final "e"
/// of "-re") and a future ending ("signera", "signeront", "prendra"). The
/// tagger misreads some of these as participles or presents; no other
/// French form is spelt that way (the conditional ends in -ais, -ait).
fn regular_future(form: &str, lemma: &str) -> bool {
    let stem = if lemma.ends_with("er") || lemma.ends_with("ir") {
        lemma
    } else if let Some(s) = lemma.strip_suffix("re") {
        if s.is_empty() {
            return false;
        }
        &lemma[..lemma.len() - 1]
    } else {
        return false;
    };
    form.strip_prefix(stem)
        .is_some_and(|end| ["ai", "as", "a", "ons", "ez", "ont"].contains(&end))
}

/// "va proposer", "allaient signer": "aller" in the present or imperfect,
/// without an auxiliary of its own, above an infinitive is the near future
/// ("est allé voir", a compound past, is a motion that happened).
fn near_future(p: &Para, v: usize) -> bool {
    p.lemma(v) == "aller"
        && (p.morph_has(v, "Tense=Pres") || p.morph_has(v, "Tense=Imp"))
        && p.kids(v, "aux:").next().is_none()
}

#[cfg(test)]
mod tests {
    use super::{regular_conditional, regular_future};

    #[test]
    fn regular_conditionals_are_read_from_the_spelling() {
        assert!(regular_conditional("achèteraient", "acheter"));
        assert!(regular_conditional("signerait", "signer"));
        assert!(regular_conditional("partirait", "partir"));
        assert!(regular_conditional("prendrait", "prendre"));
        // Imperfects and presents.
        assert!(!regular_conditional("tirait", "tirer"));
        assert!(!regular_conditional("espérait", "espérer"));
        assert!(!regular_conditional("partait", "partir"));
        assert!(!regular_conditional("prenait", "prendre"));
        assert!(!regular_conditional("mourait", "mourir"));
        assert!(!regular_conditional("achète", "acheter"));
    }

    #[test]
    fn regular_futures_are_read_from_the_spelling() {
        assert!(regular_future("signera", "signer"));
        assert!(regular_future("signeront", "signer"));
        assert!(regular_future("prendra", "prendre"));
        assert!(regular_future("finirons", "finir"));
        // Passé simple, present, conditional, participle.
        assert!(!regular_future("entra", "entrer"));
        assert!(!regular_future("signe", "signer"));
        assert!(!regular_future("signerait", "signer"));
        assert!(!regular_future("signé", "signer"));
        assert!(!regular_future("a", "avoir"));
    }
}
