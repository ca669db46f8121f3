//! Places named together: "à Djeddah, en Arabie saoudite" says that the
//! first place lies in the second; "Trèbes (Aude)", "l'observatoire X en
//! Californie" and "le parquet de Lyon" say where a place, an organisation
//! or a thing a fact is about lies.
//!
//! Owns these patterns only: the comma form needs two place entities; the
//! phrase form ([`in_phrase`]) needs a place entity inside the noun phrase
//! of another entity, or of a concept some fact already has for subject.

use crate::facts::{EntityKind, Node, Object};

use super::lexicon::Class;
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    in_phrase(ctx, p, out);
    after_comma(ctx, p, out);
}

/// "Trèbes (Aude)", "Lick en Californie", "le parquet de Lyon", "le siège
/// de X à Yokohama": a place entity in the phrase of a noun, as a
/// parenthesis, or a complement with "en", "dans", "à" or "de". The holder
/// is a place or organisation entity, or a concept already used as a
/// subject in the document; never a person, a title ("le maire de Lyon"
/// is a role) or, with "de", an act ("la victoire de la France" names the
/// actor, not a place).
fn in_phrase(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for c in 0..p.len() {
        let Some(place) = ctx
            .table
            .entity_at(p.index, c)
            .filter(|&e| ctx.kind(e) == EntityKind::Place && p.tok(c).pos != "ADJ")
        else {
            continue;
        };
        let Some(h) = p.head(c) else { continue };
        // The mention's head token, hanging on a noun outside the mention.
        if ctx.table.entity_at(p.index, h) == Some(place) || !matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let first = p.subtree(c)[0];
        let parenthesis = first > 0 && p.tok(first - 1).text == "(" && first - 1 > h;
        let prep = p.prep(c);
        let dep = p.tok(c).dep.as_str();
        let linked = match (dep, prep.as_deref()) {
            ("nmod", Some(x @ ("en" | "dans" | "à" | "de"))) => Some(x.to_string()),
            ("appos" | "nmod" | "dep", None) if parenthesis => Some("(".to_string()),
            _ => None,
        };
        let Some(linked) = linked else { continue };
        let lemma = p.tok(h).lemma.to_lowercase();
        if ctx.is(Class::Title, &lemma) || ctx.role_at.contains_key(&(p.index, h)) {
            continue;
        }
        let holder = match ctx.table.entity_at(p.index, h) {
            Some(e) if e == place => continue,
            Some(e) if matches!(ctx.kind(e), EntityKind::Place | EntityKind::Organization) => Node::Entity(e),
            Some(_) => continue,
            // "la victoire de la Belgique": a country after "de" is an actor
            // as often as a place; "l'armée de X", "les employés de X" are
            // X's people (the concept's named entity), not things lying there.
            None if p.tok(h).pos == "NOUN"
                && !(linked == "de"
                    && (ctx.lex.has_lemma(&lemma) || ctx.is(Class::Collective, &lemma) || is_country(ctx, place))) =>
            {
                let Some((text, _)) = ctx.literal_phrase(p, h, None) else {
                    continue;
                };
                match ctx.concepts.find(&text) {
                    Some(concept) => Node::Concept(concept),
                    None => continue,
                }
            }
            None => continue,
        };
        let mut d = Draft::new(
            "place",
            p.index,
            holder,
            "locatedIn".to_string(),
            if linked == "(" { "dans".to_string() } else { linked },
            Object::Entity(place),
        );
        d.tokens = vec![h, c];
        out.push(d);
    }
}

/// Whether an entity is a country of the demonym table.
fn is_country(ctx: &Ctx, e: usize) -> bool {
    let Some(entity) = ctx.table.entities.get(e) else {
        return false;
    };
    let name = crate::names::fold(&entity.label);
    crate::extract::entities::tables::tables()
        .demonyms
        .values()
        .any(|country| crate::names::fold(country) == name)
}

/// "à Djeddah, en Arabie saoudite".
fn after_comma(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    let place = |t: usize| {
        ctx.table
            .entity_at(p.index, t)
            .filter(|&e| ctx.kind(e) == EntityKind::Place && p.tok(t).pos != "ADJ")
    };
    for a in 0..p.len() {
        let Some(inner) = place(a) else { continue };
        // Only the last token of a name starts the pattern.
        if a + 1 < p.len() && place(a + 1) == Some(inner) {
            continue;
        }
        let mut k = a + 1;
        // "Suisse (Switzerland)" is a translation as often as a containment:
        // only the comma form counts.
        let sep = k < p.len() && p.tok(k).text == ",";
        if !sep {
            continue;
        }
        k += 1;
        // Countries and regions take "en"/"au"/"aux"; "X, à Y" is rather a list.
        let prep = p.tok(k.min(p.len() - 1)).text.to_lowercase();
        if k >= p.len() || p.tok(k).pos != "ADP" || !matches!(prep.as_str(), "en" | "au" | "aux") {
            continue;
        }
        k += 1;
        while k < p.len() && p.tok(k).pos == "DET" {
            k += 1;
        }
        let Some(outer) = (k < p.len()).then(|| place(k)).flatten() else {
            continue;
        };
        if outer == inner {
            continue;
        }
        // The outer place must end the phrase (not start a list of places).
        let mut e = k;
        while e + 1 < p.len() && place(e + 1) == Some(outer) {
            e += 1;
        }
        if e + 1 < p.len()
            && (matches!(p.tok(e + 1).lemma.as_str(), "et" | "ou")
                || (p.tok(e + 1).text == "," && e + 2 < p.len() && p.tok(e + 2).pos == "ADP"))
        {
            continue;
        }
        let mut d = Draft::new(
            "place",
            p.index,
            inner,
            "locatedIn".to_string(),
            prep,
            Object::Entity(outer),
        );
        d.tokens = vec![a, k];
        out.push(d);
    }
}
