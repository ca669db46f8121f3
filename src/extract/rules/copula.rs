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

use super::causes;
use super::lexicon::Class;
use super::np::Value;
use super::svo::{grammatical_subjects, is_amount, is_clock_or_time, is_time_noun};
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
        // "X est à l'origine de Y" says no more than the cause.
        if cause_predicate(ctx, p, h, cop, &subjects, out) && preposition.is_some() {
            continue;
        }
        if preposition.is_some() && place_predicate(ctx, p, h, cop, &subjects, out) {
            continue;
        }
        if let Some(prep) = preposition {
            // Adjectives, adverbs, dates and a coordinated clause are no
            // complements of the state.
            let complements = p.children[h].iter().any(|&c| {
                c > h
                    && !matches!(p.tok(c).dep.as_str(), "amod" | "punct" | "advmod" | "conj" | "cc")
                    && !super::svo::is_time_noun(p, c)
            });
            if tok.pos == "NOUN" && complements {
                state_complements(ctx, p, h, prep, cop, &subjects, out);
            }
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
        let participle = tok.pos == "ADJ" && is_participle(p, h);
        let (predicate, rule) = if tok.pos == "NOUN" && ctx.is(Class::Title, &lemma) {
            ("role", "copula")
        } else if participle {
            ("undergoes", "passive-patient")
        } else if tok.pos == "ADJ" {
            ("hasQuality", "copula")
        } else {
            ("isA", "copula")
        };
        let Some(value) = ctx.value(p, h, None) else { continue };
        if tok.pos == "ADJ" {
            adjective_complements(ctx, p, h, cop, &subjects, out);
        }
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
                if participle {
                    lemma.clone()
                } else {
                    format!("être {lemma}")
                },
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

/// "les pluies sont attendues", "la route est coupée": a past participle
/// the tagger took for an adjective, lemmatised as its verb ("attendre",
/// "couper"), with a participle's ending ("-é", "-u", "-ert" and their
/// agreements) that the lemma does not begin: the copula is a passive
/// with no agent, and the row is what the act did to the subject
/// (`undergoes`, lemma the verb, as for a passive the tagger read right),
/// with the act's date and place. An ordinal ("première") is no participle.
fn is_participle(p: &Para, h: usize) -> bool {
    let tok = p.tok(h);
    let form = tok.text.to_lowercase();
    let lemma = tok.lemma.to_lowercase();
    if p.morph_has(h, "NumType=Ord") || form.starts_with(&lemma) || lemma.chars().count() < 4 {
        return false;
    }
    let ends = |stem: &str| {
        ["", "e", "s", "es"]
            .iter()
            .any(|e| form.ends_with(&format!("{stem}{e}")))
    };
    (lemma.ends_with("er") && ends("é"))
        || ((lemma.ends_with("re") || lemma.ends_with("ir")) && ends("u"))
        || (lemma.ends_with("rir") && ends("ert"))
}

/// The preposition of `c` when it is a complement a predicate's quality
/// or state is about: one of the prepositions of such complements (not
/// one of concession, comparison or cause: "malgré", "comme", "sans",
/// "suite à", which frame the clause); not a bare noun ("sur place", "en
/// voiture"; after "de" only when `bare_de`: "en rupture de carburant"),
/// a locution ("en face de", "en haut de", "par rapport à"), a time ("au
/// bout de 5 heures", "au cours de la nuit") or a count ("sur une
/// quinzaine de mètres").
fn complement_prep(ctx: &Ctx, p: &Para, c: usize, bare_de: bool) -> Option<String> {
    let prep = p.prep(c)?;
    let of_quality = matches!(
        prep.as_str(),
        "à" | "de" | "dans" | "en" | "sur" | "pour" | "avec" | "entre" | "contre" | "chez" | "pendant" | "par"
    );
    let named = ctx.table.entity_at(p.index, c).is_some() || p.tok(c).pos == "PROPN";
    let article = |k: usize| matches!(p.tok(k).text.to_lowercase().as_str(), "au" | "aux" | "du" | "des");
    // A bare "de" complement is the state's content when `bare_de`.
    let bare_de = bare_de && prep == "de";
    let bare = !(named || bare_de || p.kids(c, "det").next().is_some() || p.kids(c, "case").any(article));
    let timed = p.kids(c, "nmod").any(|g| is_time_noun(p, g) || is_clock_or_time(p, g));
    let locution = p
        .kids(c, "case")
        .any(|k| !matches!(p.tok(k).pos.as_str(), "ADP" | "DET"))
        || p.children[c]
            .iter()
            .any(|&k| k < c && p.tok(k).pos == "ADP" && p.tok(k).dep != "case");
    let lemma = p.lemma(c);
    let framing = !of_quality
        || bare
        || timed
        || locution
        || ctx.is(Class::Group, lemma)
        || is_time_noun(p, c)
        || is_clock_or_time(p, c)
        || ctx.is_locution(p, c);
    (!framing).then_some(prep)
}

/// "la ligue est en tête de la coalition", "nous sommes en contact avec
/// X", "la société est sous le coup d'une enquête", "les stations sont en
/// rupture de carburant": a state noun with its own preposition as the
/// predicate of être, and a complement of its own after it, says how the
/// subject stands to that complement: `relatedTo` with the state as
/// written and the complement's preposition for lemma ("être en tête
/// de"), `locatedIn` for a place after "à", "dans" or "en" ("est en poste
/// à Quillac"). A framing locution ("en cas de", "dans le cadre de") is
/// no state; complements are read as [`complement_prep`] says.
fn state_complements(ctx: &Ctx, p: &Para, h: usize, prep: usize, cop: usize, subjects: &[Value], out: &mut Vec<Draft>) {
    if ctx.is_locution(p, h) {
        return;
    }
    let state = ctx.render(p, &(prep..=h).collect::<Vec<_>>()).to_lowercase();
    // The state's complement is the first noun after it ("en état de
    // marche avec un manque à gagner": "marche"), with no verb or comma
    // between ("dans le cortège parti de X": X is where the cortège left).
    let Some(c) = p.children[h].iter().copied().find(|&c| {
        let dep = p.tok(c).dep.as_str();
        c > h && (dep == "nmod" || dep.starts_with("obl")) && matches!(p.tok(c).pos.as_str(), "NOUN" | "PROPN")
    }) else {
        return;
    };
    let start = p.subtree(c).into_iter().min().unwrap_or(c);
    if (h + 1..start).any(|k| matches!(p.tok(k).pos.as_str(), "VERB" | "AUX" | "PUNCT")) {
        return;
    }
    if let Some(by) = complement_prep(ctx, p, c, true) {
        for value in ctx.values(p, c, None) {
            if is_amount(p, &value) {
                continue;
            }
            let place = matches!(value.object, Object::Entity(e) if ctx.kind(e) == EntityKind::Place);
            let lies = place && matches!(by.as_str(), "à" | "dans" | "en");
            let property = if lies { "locatedIn" } else { "relatedTo" };
            let lemma_text = format!("être {state} {by}");
            complement_rows(ctx, p, (cop, h), subjects, &value, property, &lemma_text, out);
        }
    }
}

/// One `copula` row per subject for a predicate's complement `value`
/// (the copula `cop` and the predicate `h` given as a pair), with
/// `property` and the lemma as written ("être victime de"); a subject
/// that is the complement itself gives none.
#[allow(clippy::too_many_arguments)]
fn complement_rows(
    ctx: &Ctx,
    p: &Para,
    (cop, h): (usize, usize),
    subjects: &[Value],
    value: &Value,
    property: &str,
    lemma_text: &str,
    out: &mut Vec<Draft>,
) {
    for s in subjects {
        let Some(subject) = ctx.subject_node(p, s) else {
            continue;
        };
        if Some(subject) == node_of(&value.object) {
            continue;
        }
        let mut d = Draft::new(
            "copula",
            p.index,
            subject,
            property.to_string(),
            lemma_text.to_string(),
            value.object.clone(),
        );
        d.tokens = vec![s.token, cop, h, value.token];
        d.span = value.phrase.clone();
        d.verb = Some(h);
        d.confidence *= s.factor * value.factor;
        out.push(d);
    }
}

/// "les manifestants étaient présents à Quillac", "la banque a été
/// victime d'un cambriolage", "il est responsable de la mort de X": an
/// adjective's complement after it (an oblique with its preposition) is
/// what the quality is about, so it gives a row of its own besides the
/// `hasQuality` one: `relatedTo` with the adjective and preposition for
/// lemma ("être victime de"), or `locatedIn` when the adjective says where
/// one is (the `lies` class: "présent") and the complement is a place
/// named after "à", "dans", "en" or "sur". Dates, amounts ("âgé de 36
/// ans"), counts, framing locutions ("en face de", "en haut de", "sur place") and
/// prepositions of concession or comparison ("malgré", "comme") are no
/// such complement.
fn adjective_complements(ctx: &Ctx, p: &Para, h: usize, cop: usize, subjects: &[Value], out: &mut Vec<Draft>) {
    let lemma = p.lemma(h);
    for &c in p.children[h].iter().filter(|&&c| c > h) {
        if !p.tok(c).dep.starts_with("obl") || !matches!(p.tok(c).pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let Some(prep) = complement_prep(ctx, p, c, false) else {
            continue;
        };
        for value in ctx.values(p, c, None) {
            if is_amount(p, &value) {
                continue;
            }
            let place = matches!(value.object, Object::Entity(e) if ctx.kind(e) == EntityKind::Place);
            let lies = place && ctx.is(Class::Lies, lemma) && matches!(prep.as_str(), "à" | "dans" | "en" | "sur");
            let property = if lies { "locatedIn" } else { "relatedTo" };
            let lemma_text = format!("être {lemma} {prep}");
            complement_rows(ctx, p, (cop, h), subjects, &value, property, &lemma_text, out);
        }
    }
}

/// "l'épicentre était à Quillac", "les blessés sont à Zorbla": a place name
/// under "à", "dans" or "en" as the copula's predicate says where the
/// subject is (`locatedIn`, lemma "être à"). Returns whether `h` was such
/// a place.
fn place_predicate(ctx: &Ctx, p: &Para, h: usize, cop: usize, subjects: &[Value], out: &mut Vec<Draft>) -> bool {
    let Some(prep) = p.prep(h).filter(|x| matches!(x.as_str(), "à" | "dans" | "en")) else {
        return false;
    };
    let Some(place) = ctx
        .table
        .entity_at(p.index, h)
        .filter(|&e| ctx.kind(e) == EntityKind::Place && p.tok(h).pos == "PROPN")
    else {
        return false;
    };
    for s in subjects {
        let Some(subject) = ctx.subject_node(p, s) else {
            continue;
        };
        if subject == Node::Entity(place) {
            continue;
        }
        let mut d = Draft::new(
            "copula",
            p.index,
            subject,
            "locatedIn".to_string(),
            format!("être {prep}"),
            Object::Entity(place),
        );
        d.tokens = vec![s.token, cop, h];
        d.verb = Some(h);
        d.confidence *= s.factor;
        out.push(d);
    }
    true
}

/// "les crues sont le résultat des pluies" (an `outcome` noun: the "de"
/// complement brought the subject about), "la collision serait la cause
/// des dégâts", "X est à l'origine de Y" (an `origin` noun: the subject
/// brought the complement about): a `causes` row from the cause to the
/// effect, lemma the predicate as written ("être le résultat de"), besides
/// the copula's own row. Returns whether `h` gave one.
fn cause_predicate(ctx: &Ctx, p: &Para, h: usize, cop: usize, subjects: &[Value], out: &mut Vec<Draft>) -> bool {
    let lemma = p.lemma(h);
    let origin = ctx.is(Class::Origin, lemma);
    if p.tok(h).pos != "NOUN" || !(origin || ctx.is(Class::Outcome, lemma)) {
        return false;
    }
    // Only "à l'origine de" has a preposition of its own.
    match p.prep(h).as_deref() {
        None => {}
        Some("à") if origin => {}
        _ => return false,
    }
    let complements: Vec<usize> = p
        .kids(h, "nmod")
        .filter(|&k| k > h && matches!(p.tok(k).pos.as_str(), "NOUN" | "PROPN") && causes::of(p, k))
        .collect();
    let mut words: Vec<usize> = p.children[h]
        .iter()
        .copied()
        .filter(|&k| k < h && matches!(p.tok(k).dep.as_str(), "det" | "case"))
        .collect();
    words.push(h);
    let said = format!(
        "être {} de",
        ctx.render(p, &words).to_lowercase().replace('\u{2019}', "'")
    );
    // "Cette baisse qui touche l'Europe est le résultat de X" parsed with
    // two subjects: the first is the predicate's, the other the relative's.
    let first = p.kids(h, "nsubj").min();
    let subjects: Vec<&Value> = subjects
        .iter()
        .filter(|s| p.tok(s.token).dep != "nsubj" || p.head(s.token) != Some(h) || Some(s.token) == first)
        .collect();
    let mut made = false;
    for &k in &complements {
        for value in ctx.values(p, k, None) {
            let Some(other) = ctx.subject_node(p, &value) else {
                continue;
            };
            for &s in &subjects {
                let Some(subject) = ctx.subject_node(p, s) else {
                    continue;
                };
                if subject == other {
                    continue;
                }
                let (cause, effect, at, of) = if origin {
                    (subject, other, s.token, value.token)
                } else {
                    (other, subject, value.token, s.token)
                };
                let object = match effect {
                    Node::Entity(e) => Object::Entity(e),
                    Node::Concept(c) => Object::Concept(c),
                };
                let mut d = Draft::new(
                    causes::RULE,
                    p.index,
                    cause,
                    causes::CAUSES.to_string(),
                    said.clone(),
                    object,
                );
                d.tokens = vec![at, cop, h, of];
                d.verb = Some(h);
                d.confidence *= s.factor * value.factor;
                out.push(d);
                made = true;
            }
        }
    }
    made
}

/// The node an object stands for, when it is one.
fn node_of(o: &Object) -> Option<Node> {
    match o {
        Object::Entity(e) => Some(Node::Entity(*e)),
        Object::Concept(c) => Some(Node::Concept(*c)),
        Object::Literal(_) => None,
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
            .filter(|&v| p.tok(v).pos == "VERB" && !ctx.is(Class::Modal, p.lemma(v)))
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
        let verb = p.lemma(v);
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
    if !ctx.is(Class::Leader, p.lemma(h)) {
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
