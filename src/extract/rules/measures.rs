//! Ages and measures as attributes of what a noun phrase names, where no
//! name carries them: "un homme de 60 ans" (the age of a person named by a
//! common noun), "D'une masse de 8 tonnes, le navire …" and "un navire
//! d'une longueur de 300 mètres" (a measure noun's quantity is the thing's
//! measure: `has`, lemma "avoir" and the measure noun), and the `has` row
//! of "X a une masse de 400 tonnes", whose lemma gains the measure noun.
//!
//! Owns these patterns only; ages on names ("X, 45 ans") belong to
//! `appos`, and the measure nouns and person nouns are `measure` and
//! `person` in `lexicon.tsv`.

use crate::facts::{Literal, LiteralKind, Node, Object};

use super::lexicon::Class;
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, from: usize, out: &mut Vec<Draft>) {
    ages(ctx, p, out);
    for m in 0..p.len() {
        if let Some(q) = measured_quantity(ctx, p, m) {
            fronted_measure(ctx, p, m, q, out);
        }
    }
    // "X a une masse de 400 tonnes": the row says which measure X has.
    for d in out.iter_mut().skip(from).filter(|d| d.para == p.index) {
        if d.predicate != "has" || d.lemma != "avoir" {
            continue;
        }
        let object = d
            .tokens
            .iter()
            .skip(1)
            .copied()
            .find(|&o| o < p.len() && measured_quantity(ctx, p, o).is_some());
        if let Some(o) = object {
            d.lemma = format!("avoir {}", p.lemma(o));
        }
    }
}

/// "un homme de 60 ans", "une passagère âgée de 30 ans": a person noun
/// (`person` or `title` in `lexicon.tsv`) that no name covers, with an age
/// in years, gives its noun phrase (a concept) that age. A noun set beside
/// a name ("X, un homme de 45 ans") leaves the age to the name.
fn ages(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for n in 0..p.len() {
        let tok = p.tok(n);
        let lemma = tok.lemma.to_lowercase();
        if tok.pos != "NOUN" || !(ctx.is(Class::Person, &lemma) || ctx.is(Class::Title, &lemma)) {
            continue;
        }
        if ctx.table.entity_at(p.index, n).is_some() || ctx.role_at.contains_key(&(p.index, n)) {
            continue;
        }
        let beside_name = (tok.dep == "appos" || super::appos::bare_conjunct_apposition(p, n))
            && p.head(n)
                .is_some_and(|h| ctx.table.entity_at(p.index, h).is_some() || ctx.role_at.contains_key(&(p.index, h)));
        if beside_name || !ctx.may_be_concept(p, n) {
            continue;
        }
        let aged: Vec<usize> = p.children[n]
            .iter()
            .copied()
            .filter(|&c| {
                let dep = p.tok(c).dep.as_str();
                (dep.starts_with("nmod") && p.prep(c).as_deref() == Some("de"))
                    || (matches!(dep, "amod" | "acl") && p.lemma(c) == "âgé")
            })
            .collect();
        if aged.is_empty() {
            continue;
        }
        let Some((label, _)) = ctx.literal_phrase(p, n, None) else {
            continue;
        };
        let mut subject = None;
        for c in aged {
            let node =
                *subject.get_or_insert_with(|| Node::Concept(ctx.concepts.intern(&label, &lemma, ctx.named_in(p, n))));
            if let Some(d) = super::appos::age(ctx, p, node, n, c) {
                out.push(d);
            }
        }
    }
}

/// The quantity noun of a measure noun `m` ("masse de 8,5 tonnes" →
/// "tonnes"): a `de` complement counted by a number.
fn measured_quantity(ctx: &Ctx, p: &Para, m: usize) -> Option<usize> {
    let tok = p.tok(m);
    if tok.pos != "NOUN" || !ctx.is(Class::Measure, &tok.lemma.to_lowercase()) {
        return None;
    }
    p.kids(m, "nmod").find(|&q| {
        q > m
            && p.prep(q).as_deref() == Some("de")
            && p.tok(q).pos == "NOUN"
            && p.children[q].iter().any(|&k| {
                let t = p.tok(k);
                // "40 000 tonnes" may be tagged as determiners.
                matches!(t.dep.as_str(), "nummod" | "det")
                    && (t.pos == "NUM" || t.text.starts_with(|c: char| c.is_ascii_digit()))
            })
    })
}

/// "D'une masse de 8 tonnes, le navire …" (on the clause: its subject) and
/// "un navire d'une longueur de 300 mètres" (on a noun: that noun): a
/// measure noun with "d'un(e)" and a counted quantity is a measure of the
/// thing. Subjects and nouns are read as the rules read them elsewhere.
fn fronted_measure(ctx: &Ctx, p: &Para, m: usize, q: usize, out: &mut Vec<Draft>) {
    if !measure_phrase(p, m) {
        return;
    }
    let Some(h) = p.head(m) else { return };
    let dep = p.tok(m).dep.as_str();
    let values = match p.tok(h).pos.as_str() {
        // On the clause: only set off before its subject ("D'une masse de
        // N, X …"), never an argument of the verb ("souffrir d'une taille").
        "VERB" if dep.starts_with("obl") && m < h => {
            let subjects = super::svo::grammatical_subjects(ctx, p, h, 0);
            if subjects.iter().any(|s| s.token < m) {
                return;
            }
            subjects
        }
        "NOUN" | "PROPN" if dep.starts_with("nmod") && m > h => ctx.values(p, h, Some(m)),
        _ => return,
    };
    let lemma = p.lemma(m);
    let mut span: Vec<usize> = p.subtree(q).into_iter().filter(|&k| k <= q).collect();
    span.insert(0, m);
    let text = ctx.render(p, &span);
    for v in values {
        let Some(subject) = ctx.subject_node(p, &v) else {
            continue;
        };
        let mut d = Draft::new(
            "measure",
            p.index,
            subject,
            "has".to_string(),
            format!("avoir {lemma}"),
            Object::Literal(Literal {
                text: text.clone(),
                kind: LiteralKind::Number,
            }),
        );
        d.tokens = vec![v.token, m, q];
        d.span = span.clone();
        d.confidence *= v.factor;
        out.push(d);
    }
}

/// "d'une masse de …": a measure noun opened by "de" and an indefinite
/// article, the shape of a measure given as a property.
fn measure_phrase(p: &Para, m: usize) -> bool {
    p.prep(m).as_deref() == Some("de") && p.kids(m, "det").any(|d| matches!(p.lemma(d), "un" | "une"))
}

/// Whether the oblique `c` of the verb `v` is a measure set before it
/// ("D'une masse de 8 tonnes, le navire a coulé"): a property of the
/// subject, no argument of the verb.
pub(crate) fn is_measure_adjunct(ctx: &Ctx, p: &Para, c: usize, v: usize) -> bool {
    c < v && measure_phrase(p, c) && measured_quantity(ctx, p, c).is_some()
}
