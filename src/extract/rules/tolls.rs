//! Tolls that name no event in their own clause: counts of the dead or
//! injured hung on the event they count.
//!
//! "Il y a au moins trois personnes tuées et dix blessés", "Les secours
//! font état de deux décès", "Le bilan s'élève à cinq morts", "Douze
//! personnes ont été blessées", or a verbless headline "Incendie dans une
//! usine : au moins 22 blessés". The counted event is the "de" complement
//! of a toll noun ("le bilan de l'incendie"), else an event of harm in the
//! clause ("… tuées dans l'attaque"), else the nearest event of harm named
//! before in the paragraph (the article's event: "Un accident s'est
//! produit … Il y a 86 blessés"). The fact is `causesDeaths` or
//! `causesInjuries`, as for "l'accident a fait trois morts" (`svo`).
//!
//! Owns only these clauses: "faire N morts" with an event for subject, and
//! a passive with its agent ("tuées par X"), stay `svo`'s. The words are
//! data in `lexicon.tsv`: `harm` events, `casualty` and `injured` nouns,
//! `toll-verb`, `tally` and `toll` words.

use super::lexicon::Class;
use super::np::Value;
use super::{Ctx, Draft, Para};

/// The rule name of the facts this module makes.
pub(crate) const RULE: &str = "toll";

/// How many sentences back the event of a toll may be named.
const CONTEXT_SENTENCES: usize = 3;

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for c in 0..p.len() {
        let Some(toll) = toll_at(ctx, p, c) else { continue };
        let Some(found) = counted_event(ctx, p, c, &toll) else {
            continue;
        };
        // "45 morts après un attentat": the count without its event.
        let Some(object) = ctx.value(p, c, found.phrase.or(toll.skip)) else {
            continue;
        };
        let Some(subject) = ctx.subject_node(p, &found.event) else {
            continue;
        };
        let mut d = Draft::new(
            RULE,
            p.index,
            subject,
            toll.predicate.to_string(),
            toll.lemma.clone(),
            object.object.clone(),
        );
        // An event named in another sentence stays out of the span: the
        // fact's sentence is the toll's.
        d.tokens = if p.sentence_of[found.event.token] == p.sentence_of[c] {
            vec![found.event.token, toll.clause, c]
        } else {
            vec![toll.clause, c]
        };
        d.span = object.phrase.clone();
        d.verb = toll.verb;
        d.confidence *= found.factor * object.factor * found.event.factor;
        out.push(d);
    }
}

/// The event a toll counts, how sure that is, and the phrase under the
/// counted noun that names it (left out of the count's text).
struct Found {
    event: Value,
    factor: f32,
    phrase: Option<usize>,
}

/// A counted toll found at a noun: its property, the lemma of what says
/// it, the clause's head (a verb, or the noun of a verbless or copular
/// clause) and the verb, if any.
struct Toll {
    predicate: &'static str,
    lemma: String,
    clause: usize,
    /// The verb whose date, negation and modality the fact takes; none
    /// for a tally ("Hier, la préfecture a fait état de 14 morts": the
    /// date is the report's, not the event's).
    verb: Option<usize>,
    /// A phrase under the count that is no part of it ("Il y a 86
    /// blessés" with "Il y a" parsed as the count's preposition).
    skip: Option<usize>,
    /// The verb's subject caused the toll ("le séisme a causé la mort de
    /// onze personnes"): it is the event.
    caused: bool,
}

fn lemma(p: &Para, t: usize) -> String {
    p.lemma(t).to_string()
}

/// The noun a count counts, if `t` is one: `t` itself with a number of
/// its own ("trois morts", "86 blessés"), or the "de" complement of an
/// approximate count ("une vingtaine de blessés": "blessés").
fn counted(ctx: &Ctx, p: &Para, t: usize) -> Option<usize> {
    if p.kids(t, "nummod").any(|k| p.tok(k).pos == "NUM") {
        return Some(t);
    }
    if !ctx.is(Class::Approx, &lemma(p, t)) {
        return None;
    }
    p.kids(t, "nmod").find(|&g| {
        g > t && p.prep(g).as_deref() == Some("de") && p.kids(g, "det").next().is_none() && p.tok(g).pos == "NOUN"
    })
}

fn property(ctx: &Ctx, word: &str) -> &'static str {
    if ctx.is(Class::Injured, word) {
        "causesInjuries"
    } else {
        "causesDeaths"
    }
}

/// Whether `t` is an event of harm: a `harm` noun, or a noun with its "de"
/// complement listed as one ("prise d'otages": "prise otage").
pub(crate) fn is_harm(ctx: &Ctx, p: &Para, t: usize) -> bool {
    if p.tok(t).pos != "NOUN" {
        return false;
    }
    let head = lemma(p, t);
    ctx.is(Class::Harm, &head)
        || p.kids(t, "nmod")
            .any(|g| p.prep(g).as_deref() == Some("de") && ctx.is(Class::Harm, &format!("{head} {}", lemma(p, g))))
}

/// "il y a", "il y a eu": an existential "avoir".
fn existential(p: &Para, v: usize) -> bool {
    lemma(p, v) == "avoir"
        && p.kids(v, "expl:subj").next().is_some()
        && p.children[v]
            .iter()
            .any(|&k| p.tok(k).text.to_lowercase() == "y" && k < v)
}

/// The lemmas a tally verb is listed under: the verb, and the verb with
/// its bare noun ("font état de": "faire état").
fn tally(ctx: &Ctx, p: &Para, v: usize) -> Option<String> {
    if p.tok(v).pos != "VERB" {
        return None;
    }
    let verb = lemma(p, v);
    for n in p.children[v].iter().copied() {
        if matches!(p.tok(n).dep.as_str(), "obj" | "xcomp")
            && p.tok(n).pos == "NOUN"
            && p.kids(n, "det").next().is_none()
        {
            let idiom = format!("{verb} {}", lemma(p, n));
            if ctx.is(Class::Tally, &idiom) {
                return Some(idiom);
            }
        }
    }
    // "faire" alone counts as an event's own toll (`svo`).
    ctx.is(Class::Tally, &verb).then_some(verb)
}

/// The toll a counted noun `c` stands for, if its clause says one and
/// names no event of its own as the subject of "faire".
fn toll_at(ctx: &Ctx, p: &Para, c: usize) -> Option<Toll> {
    if p.tok(c).pos != "NOUN" {
        return None;
    }
    let counts = counted(ctx, p, c)?;
    let noun = lemma(p, counts);
    // The first conjunct says where the list stands ("de deux décès et de dix blessés").
    let top = top_of(p, c);
    let dep = p.tok(top).dep.as_str();
    if let Some(v) = p.head(top) {
        if let Some(toll) = caused(ctx, p, top, v, dep, property(ctx, &noun)) {
            return Some(toll);
        }
    }
    // "trois personnes tuées": a toll participle on the counted noun.
    let participle = p.kids(counts, "acl").find(|&a| {
        // The tagger may read the participle as an adjective.
        ctx.is(Class::TollVerb, &lemma(p, a))
            && (p.morph_has(a, "VerbForm=Part") || p.tok(a).pos == "ADJ")
            && p.kids(a, "obl:agent").next().is_none()
    });
    // "cinq personnes ont trouvé la mort dans la collision", "45 personnes
    // qui ont perdu la vie": the counted subject of a verb of dying.
    let dying = if p.tok(c).dep == "nsubj" {
        p.head(c)
    } else {
        p.kids(c, "acl:relcl")
            .find(|&v| p.kids(v, "nsubj").any(|s| lemma(p, s) == "qui"))
    };
    if let Some((v, said)) = dying.and_then(|v| dies(ctx, p, v).map(|said| (v, said))) {
        return Some(Toll {
            predicate: "causesDeaths",
            lemma: said,
            clause: v,
            verb: Some(v),
            caused: false,
            skip: None,
        });
    }
    let predicate = if ctx.is(Class::Casualty, &noun) {
        property(ctx, &noun)
    } else if let Some(a) = participle {
        property(ctx, &lemma(p, a))
    } else {
        // "Douze personnes ont été blessées": a passive toll verb without agent.
        let v = p.head(c)?;
        if p.tok(c).dep != "nsubj:pass"
            || !ctx.is(Class::TollVerb, &lemma(p, v))
            || p.kids(v, "obl:agent").next().is_some()
            || p.kids(v, "nsubj:pass").count() > 1
        {
            return None;
        }
        return Some(Toll {
            predicate: property(ctx, &lemma(p, v)),
            lemma: lemma(p, v),
            clause: v,
            verb: Some(v),
            caused: false,
            skip: None,
        });
    };
    match p.head(top) {
        // "Incendie dans une usine : au moins 22 blessés": a verbless count.
        None => {
            if p.kids(top, "cop").next().is_some() {
                // "Le bilan est de 25 morts": a toll noun for subject.
                let subject = p.kids(top, "nsubj").next()?;
                ctx.is(Class::Toll, &lemma(p, subject)).then(|| Toll {
                    predicate,
                    lemma: "être".to_string(),
                    clause: top,
                    verb: None,
                    caused: false,
                    skip: None,
                })
            } else {
                // "Il y a 86 blessés" read as a preposition "Il" (with "y
                // a" fixed to it) of the count.
                let there_is = p.kids(top, "case").find(|&k| {
                    p.tok(k).text.to_lowercase() == "il"
                        && p.kids(k, "fixed").any(|f| p.tok(f).text.to_lowercase() == "y")
                });
                p.kids(top, "nsubj").next().is_none().then(|| Toll {
                    predicate,
                    lemma: if there_is.is_some() {
                        "y avoir".to_string()
                    } else {
                        noun.clone()
                    },
                    clause: top,
                    verb: None,
                    caused: false,
                    skip: there_is,
                })
            }
        }
        Some(v) => {
            // "a fait mention de 14 morts": the count under a tally verb's
            // bare noun.
            if dep == "nmod" && p.prep(top).as_deref() == Some("de") && matches!(p.tok(v).dep.as_str(), "obj" | "xcomp")
            {
                let verb = p.head(v)?;
                let idiom = format!("{} {}", lemma(p, verb), lemma(p, v));
                return (tally(ctx, p, verb).as_deref() == Some(idiom.as_str())).then_some(Toll {
                    predicate,
                    lemma: idiom,
                    clause: verb,
                    verb: None,
                    caused: false,
                    skip: None,
                });
            }
            if dep == "obj" && existential(p, v) {
                return Some(Toll {
                    predicate,
                    lemma: "y avoir".to_string(),
                    clause: v,
                    verb: Some(v),
                    caused: false,
                    skip: None,
                });
            }
            // "Allemagne : accident d'un car, douze blessés": a count set
            // beside a noun in a verbless headline.
            if matches!(dep, "nmod" | "appos") && p.kids(top, "case").next().is_none() && verbless(p, top) {
                return Some(Toll {
                    predicate,
                    lemma: noun.clone(),
                    clause: top,
                    verb: None,
                    caused: false,
                    skip: None,
                });
            }
            if matches!(dep, "obj" | "obl:arg" | "nsubj:pass") {
                let said = tally(ctx, p, v)?;
                return Some(Toll {
                    predicate,
                    lemma: said,
                    clause: v,
                    verb: None,
                    caused: false,
                    skip: None,
                });
            }
            None
        }
    }
}

/// The lemmas a verb of dying is listed under (`dying` in `lexicon.tsv`):
/// the verb, or the verb with its object noun ("trouver mort").
fn dies(ctx: &Ctx, p: &Para, v: usize) -> Option<String> {
    if p.tok(v).pos != "VERB" {
        return None;
    }
    let verb = lemma(p, v);
    if let Some(n) = p.kids(v, "obj").next() {
        let idiom = format!("{verb} {}", lemma(p, n));
        return ctx.is(Class::Dying, &idiom).then_some(idiom);
    }
    ctx.is(Class::Dying, &verb).then_some(verb)
}

/// "a provoqué trois morts", "a causé la mort de onze personnes", "a
/// coûté la vie à trois ouvriers": a `toll-cause` verb, alone with the
/// count for object or with its object noun ("causer mort", "coûter vie")
/// and the count as that noun's "de" or the verb's "à" complement.
fn caused(ctx: &Ctx, p: &Para, top: usize, v: usize, dep: &str, predicate: &'static str) -> Option<Toll> {
    if p.tok(v).pos == "VERB"
        && dep == "obj"
        && ctx.is(Class::Casualty, &lemma(p, top))
        && ctx.is(Class::TollCause, &lemma(p, v))
    {
        return Some(Toll {
            predicate,
            lemma: lemma(p, v),
            clause: v,
            verb: Some(v),
            caused: true,
            skip: None,
        });
    }
    let (verb, noun) = match dep {
        // "la mort de onze personnes" under "causer".
        "nmod" if p.prep(top).as_deref() == Some("de") && p.tok(v).dep == "obj" => (p.head(v)?, v),
        // "la vie à trois ouvriers" beside "coûter".
        "obl:arg" if p.prep(top).as_deref() == Some("à") => (v, p.kids(v, "obj").next()?),
        _ => return None,
    };
    let idiom = format!("{} {}", lemma(p, verb), lemma(p, noun));
    (p.tok(verb).pos == "VERB" && ctx.is(Class::TollCause, &idiom)).then(|| Toll {
        predicate: property(ctx, &lemma(p, noun)),
        lemma: idiom,
        clause: verb,
        verb: Some(verb),
        caused: true,
        skip: None,
    })
}

/// Whether the noun phrases above `t` up to the root hold no verb: a
/// headline's fragment.
fn verbless(p: &Para, t: usize) -> bool {
    let mut x = t;
    for _ in 0..p.len() {
        let Some(h) = p.head(x) else {
            return matches!(p.tok(x).pos.as_str(), "NOUN" | "PROPN") && p.kids(x, "cop").next().is_none();
        };
        if !matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN") {
            return false;
        }
        x = h;
    }
    false
}

/// The event a toll counts: the "de" complement of a toll noun subject,
/// an event of harm in the clause or under the count, else the nearest
/// one named before (a verbless headline's may follow: "France : cinq
/// morts | dans un accident", split by the parser).
fn counted_event(ctx: &Ctx, p: &Para, c: usize, toll: &Toll) -> Option<Found> {
    let clause = toll.clause;
    if toll.caused {
        let subjects = super::svo::grammatical_subjects(ctx, p, clause, 0);
        if let Some(subject) = subjects.into_iter().find(|s| !ctx.is_place(p, s)) {
            return Some(Found {
                event: subject,
                factor: 1.0,
                phrase: None,
            });
        }
        // "un attentat près du siège à Kaboul, la capitale, a coûté la vie
        // à …", "le volcan est entré en éruption, causant la mort de …": a
        // place for subject (the parser's, or the event's site) leaves the
        // nearest event of harm before the verb in its sentence.
        let start = p.sentence_range(clause).start;
        let event = (start..clause).rev().find(|&t| is_harm(ctx, p, t))?;
        return ctx.value(p, event, None).map(|event| Found {
            event,
            factor: 0.85,
            phrase: None,
        });
    }
    let found = |t: usize, factor: f32, phrase: Option<usize>, skip: Option<usize>| {
        ctx.value(p, t, skip).map(|event| Found { event, factor, phrase })
    };
    // "Le bilan de l'incendie s'élève à …".
    for s in p.kids(clause, "nsubj") {
        if ctx.is(Class::Toll, &lemma(p, s)) {
            if let Some(e) = p
                .kids(s, "nmod")
                .find(|&g| p.prep(g).as_deref() == Some("de") && is_harm(ctx, p, g))
            {
                return found(e, 1.0, None, None);
            }
        } else if !matches!(p.tok(s).pos.as_str(), "PRON" | "DET") && is_harm(ctx, p, s) {
            // An event itself as subject is `svo`'s.
            return None;
        }
    }
    // "… tuées dans l'attaque", "45 morts après un attentat", "trois morts
    // à la suite d'une fusillade" (a framing locution's complement).
    let framed = |k: usize| {
        if is_harm(ctx, p, k) {
            Some(k)
        } else if ctx.is_locution(p, k) {
            // "à la suite des orages" may be read with "des" as the article.
            p.kids(k, "nmod")
                .find(|&g| matches!(p.prep(g).as_deref(), Some("de") | None) && is_harm(ctx, p, g))
        } else {
            None
        }
    };
    // "lors de l'émeute": the complement of an adverb of the clause.
    let adverbial: Vec<usize> = p
        .kids(clause, "advmod")
        .flat_map(|a| p.children[a].iter().copied())
        .collect();
    let inner = p.children[clause]
        .iter()
        .chain(if clause == c { &[][..] } else { &p.children[c][..] })
        .chain(&adverbial)
        .copied()
        .filter(|&k| matches!(p.tok(k).dep.as_str(), "obl" | "obl:mod" | "obl:arg" | "nmod") && p.prep(k).is_some())
        .find_map(|k| framed(k).map(|e| (k, e)));
    if let Some((k, e)) = inner {
        let under_count = p.dominated_by(k, c);
        return found(e, 0.95, under_count.then_some(k), None);
    }
    let sentence = p.sentence_of[c];
    let inside = p.subtree(c);
    let before = (0..c)
        .rev()
        .take_while(|&t| sentence.saturating_sub(p.sentence_of[t]) <= CONTEXT_SENTENCES)
        .filter(|t| !inside.contains(t))
        .find(|&t| is_harm(ctx, p, t));
    // A verbless headline: the rest of its phrase, split off by the parser.
    let after = || {
        if matches!(p.tok(toll.clause).pos.as_str(), "VERB" | "AUX") {
            return None;
        }
        let next = p.sentence_range(c).end;
        if next >= p.len() || p.tok(next).pos != "ADP" {
            return None;
        }
        let range = p.sentence_range(next);
        if range.clone().any(|t| matches!(p.tok(t).pos.as_str(), "VERB" | "AUX")) {
            return None;
        }
        range.clone().find(|&t| is_harm(ctx, p, t))
    };
    match before {
        Some(e) if p.sentence_of[e] == sentence => found(e, 0.9, None, Some(top_of(p, c))),
        _ => match after() {
            Some(e) => found(e, 0.9, None, None),
            None => before.and_then(|e| found(e, 0.85, None, None)),
        },
    }
}

/// The first conjunct of the list holding `c` ("de deux décès et de dix
/// blessés": "décès").
fn top_of(p: &Para, c: usize) -> usize {
    let mut top = c;
    for _ in 0..p.len() {
        match p.head(top) {
            Some(h) if p.tok(top).dep == "conj" => top = h,
            // "quatre personnes tuées et neuf blessés" with the second count
            // hung on the participle: the list is the noun's.
            Some(h) if p.tok(top).dep == "acl" && top != c && p.tok(h).pos == "NOUN" => top = h,
            _ => break,
        }
    }
    top
}
