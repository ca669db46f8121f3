//! When and where an act happened, as facts of their own: "Le parti a été
//! fondé en 2009" gives *parti —actDate→ "en 2009"* beside *X founds parti*,
//! and "Le suspect s'est enfui dans le quartier du Port" gives *suspect
//! —actLocation→ quartier du Port* when a place entity is named there.
//!
//! Owns only these two derived kinds of fact. They are read off facts the
//! other rules already found in the paragraph (a draft with a clause verb):
//! the date is the clause's own time expression (attached by
//! [`super::time::attach`]), the place a locative prepositional argument of
//! the verb whose phrase names a place entity. The derived fact keeps its
//! source fact's subject, lemma, flags (negation, modality, reported) and a
//! little less of its confidence. It never changes the source fact.

use std::collections::HashSet;

use crate::facts::{EntityKind, Literal, LiteralKind, Node, Object};

use super::{Ctx, Draft, Para};

/// The property of an act's date.
pub(crate) const DATE: &str = "actDate";
/// The property of an act's place.
pub(crate) const PLACE: &str = "actLocation";

/// Rules whose facts say something happened; facts about what a thing is
/// (roles, copulas, appositions) have no date or place of their own.
fn is_act(rule: &str) -> bool {
    !matches!(
        rule,
        "role"
            | "copula"
            | "apposition"
            | "age"
            | "measure"
            | "demonym"
            | "member"
            | "place"
            | "attribution"
            | "act-date"
            | "act-place"
            | "nominal"
            | "nominal-circumstance"
            | "cause"
    )
}

/// The act's prepositional adjuncts that may place it: its `obl`
/// children, except that a clock time or time word ("vers 18h00, à Tulle"
/// parsed with the town under the hour) is no place: its own locative
/// complements stand in for it.
fn place_candidates(p: &Para, v: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // "a réussi à creuser un trou, dans une zone …": an adjunct the parse
    // hung on the verb the act's infinitive completes, written after the
    // act's verb, places the act too.
    let mut verbs = vec![v];
    let mut x = v;
    while p.tok(x).dep == "xcomp" && verbs.len() < 4 {
        match p.head(x) {
            Some(h) if p.tok(h).pos == "VERB" => {
                verbs.push(h);
                x = h;
            }
            _ => break,
        }
    }
    for (i, &w) in verbs.iter().enumerate() {
        for c in p.children[w].iter().copied() {
            if !matches!(p.tok(c).dep.as_str(), "obl" | "obl:mod" | "obl:arg") || (i > 0 && c < v) {
                continue;
            }
            if super::svo::is_clock_or_time(p, c) {
                out.extend(p.kids(c, "nmod").filter(|&k| p.prep(k).is_some_and(|x| locative(&x))));
            } else {
                out.push(c);
                out.extend(further_place(p, c));
            }
        }
    }
    out
}

/// "dans le quartier de X, sur l'avenue de Y": a second locative phrase
/// set off by a comma and parsed under the first one places the act too.
fn further_place(p: &Para, c: usize) -> Vec<usize> {
    p.kids(c, "nmod")
        .filter(|&k| {
            let first = p.subtree(k).into_iter().min().unwrap_or(k);
            p.prep(k).is_some_and(|x| locative(&x) && x != "en")
                && first > c
                && first > 0
                && p.tok(first - 1).text == ","
        })
        .collect()
}

/// The place a relative "où" clause on `v` stands for: "dans le quartier
/// de X, où le suspect s'est réfugié" places the refuge in X. The relative
/// clause's noun, or, when the parse hung the clause on the main verb, the
/// noun phrase written right before "où" (and its comma).
fn where_antecedent(p: &Para, v: usize) -> Option<usize> {
    let ou = p.children[v].iter().copied().find(|&c| c < v && p.lemma(c) == "où")?;
    let nominal = |t: usize| matches!(p.tok(t).pos.as_str(), "NOUN" | "PROPN");
    if p.tok(v).dep.starts_with("acl") {
        return p.head(v).filter(|&h| nominal(h));
    }
    let mut k = ou.checked_sub(1)?;
    if p.tok(k).text == "," {
        k = k.checked_sub(1)?;
    }
    for _ in 0..p.len() {
        match p.head(k) {
            Some(h)
                if h < k
                    && nominal(h)
                    && (matches!(p.tok(k).dep.as_str(), "nmod" | "appos") || p.tok(k).dep.starts_with("flat")) =>
            {
                k = h
            }
            _ => break,
        }
    }
    (nominal(k) && p.prep(k).is_some()).then_some(k)
}

/// Whether the time written at `tokens` opens the clause of `v` before an
/// attribution of that clause ("Vers 22h25, selon le ministre, les mesures
/// représentent …"): in a live report that is when the source spoke, not
/// when the reported act happened, so the act takes no date from it.
fn dates_the_source(ctx: &Ctx, p: &Para, v: usize, tokens: &[usize]) -> bool {
    let Some(&last) = tokens.iter().max() else { return false };
    p.children[v]
        .iter()
        .any(|&c| c > last && c < v && super::reported::is_attribution(ctx, p, c))
}

/// Whether the `near` phrase `n` ("près de Lyon") is an adjunct of verb
/// `v`'s clause: its locution's first word or its complement hangs on `v`
/// itself or on one of `v`'s nominal arguments ("ont arrêté le suspect
/// près de Toulouse", where the parser hangs the adverb on the object,
/// places the arrest). Deeper down it describes a noun ("la mort d'un
/// automobiliste à proximité d'Arles", "en orbite autour du Soleil").
pub(crate) fn near_of(p: &Para, n: &super::places::NearPhrase, v: usize) -> bool {
    let on = |x: usize| match p.head(x) {
        Some(h) if h == v => true,
        Some(h) => {
            let dep = p.tok(h).dep.as_str();
            p.head(h) == Some(v)
                && matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN" | "PRON")
                && (dep == "obj" || dep.starts_with("obl"))
        }
        None => false,
    };
    // "tout près de X": the locution's last word may be the one hung on the verb.
    on(n.first) || on(n.de - 1) || on(n.complement)
}

/// Prepositions that place an act ("à Lyon", "en Bavière", "dans la ville
/// de X", "près de X", "depuis Bruxelles").
fn locative(prep: &str) -> bool {
    matches!(
        prep,
        "à" | "en" | "dans" | "sur" | "près" | "depuis" | "chez" | "devant" | "vers" | "outre"
    )
}

/// Adds the date and place facts of the paragraph's act facts (drafts of
/// paragraph `p.index` from `from` on) to `out`.
pub(crate) fn run(ctx: &Ctx, p: &Para, from: usize, out: &mut Vec<Draft>) {
    let mut seen: HashSet<(Node, usize, String)> = HashSet::new();
    let mut derived = Vec::new();
    // The words of each time expression, for the date fact's span.
    let times: Vec<(String, Vec<usize>)> = super::time::find(p)
        .into_iter()
        .map(|t| {
            let tokens: Vec<usize> = t.tokens.collect();
            (ctx.render(p, &tokens), tokens)
        })
        .collect();
    for d in out[from..].iter().filter(|d| d.para == p.index && is_act(d.rule)) {
        let Some(v) = d.verb.filter(|&v| v < p.len()) else {
            continue;
        };
        let subject_token = d.tokens.first().copied().unwrap_or(v);
        for (name, value) in &d.arguments {
            let Object::Literal(Literal {
                text,
                kind: LiteralKind::Time,
            }) = value
            else {
                continue;
            };
            if name != "time" || !seen.insert((d.subject, v, format!("T:{}", text.to_lowercase()))) {
                continue;
            }
            let written = times
                .iter()
                .find(|(w, _)| w == text)
                .map(|(_, tokens)| tokens.as_slice());
            if written.is_some_and(|tokens| dates_the_source(ctx, p, v, tokens)) {
                continue;
            }
            let mut fact = derive(d, "act-date", DATE, value.clone());
            fact.lemma = verb_lemma(ctx, &d.lemma).to_string();
            fact.arguments.push(("time".to_string(), value.clone()));
            fact.tokens = vec![subject_token, v];
            fact.span = times
                .iter()
                .find(|(written, _)| written == text)
                .map(|(_, tokens)| tokens.clone())
                .unwrap_or_default();
            derived.push(fact);
        }
        let near: Vec<&super::places::NearPhrase> = p.near_phrases(ctx).iter().filter(|n| near_of(p, n, v)).collect();
        // "à proximité de la gare": the place is the locution's complement,
        // not its noun.
        let in_locution = |c: usize| near.iter().any(|n| (n.first..n.de).contains(&c));
        let mut candidates: Vec<(usize, String)> = place_candidates(p, v)
            .into_iter()
            .filter(|&c| !in_locution(c))
            .filter_map(|c| p.prep(c).filter(|x| locative(x)).map(|x| (c, x)))
            .collect();
        candidates.extend(near.iter().map(|n| (n.complement, n.locution.clone())));
        if let Some(a) = where_antecedent(p, v) {
            let prep = p.prep(a).filter(|x| locative(x)).unwrap_or_else(|| "à".to_string());
            candidates.push((a, prep));
        }
        for (c, prep) in candidates {
            // "en présence du maire de Lyon": a framing locution, no place.
            if ctx.is_locution(p, c) || !names_place(ctx, p, c) {
                continue;
            }
            for value in ctx.values(p, c, None) {
                // The source fact's own object says it already; a place the
                // verb takes as recipient or target ("livrer à la Syrie") is
                // no place of the act.
                let other_role = d
                    .arguments
                    .iter()
                    .any(|(role, o)| *o == value.object && role != "location");
                if value.object == d.object || other_role {
                    continue;
                }
                if !seen.insert((d.subject, v, format!("P:{c}:{}", value.token))) {
                    continue;
                }
                let mut fact = derive(d, "act-place", PLACE, value.object.clone());
                fact.lemma = format!("{} {prep}", verb_lemma(ctx, &d.lemma));
                fact.tokens = vec![subject_token, v, value.token];
                fact.span = value.phrase.clone();
                fact.confidence *= value.factor;
                derived.push(fact);
            }
        }
    }
    participle_dates(ctx, p, &mut derived, out);
    out.extend(derived);
}

/// "la station lancée le 30 septembre 2011", "Créé en 2008 par …, le
/// festival …": a past participle on a noun (`acl`), or opening the
/// sentence before the clause whose subject it describes (`advcl`), dates
/// the act done to that noun: *station —actDate→ le 30 septembre 2011*,
/// lemma "lancer". Only a participle with no auxiliary or subject of its
/// own, with a time expression in its own clause, outside quotations.
fn participle_dates(ctx: &Ctx, p: &Para, derived: &mut Vec<Draft>, out: &[Draft]) {
    let quotes = super::reported::quotes(p);
    for v in 0..p.len() {
        let t = p.tok(v);
        if t.pos != "VERB"
            || !p.morph_has(v, "VerbForm=Part")
            || !p.morph_has(v, "Tense=Past")
            || quotes.iter().any(|q| q.contains(&v))
            || p.children[v].iter().any(|&c| {
                let dep = p.tok(c).dep.as_str();
                dep.starts_with("aux") || dep.starts_with("nsubj") || dep.starts_with("expl")
            })
        {
            continue;
        }
        let Some(h) = p.head(v) else { continue };
        let entity = |k: usize| ctx.table.entity_at(p.index, k);
        let noun = match t.dep.as_str() {
            // "la station lancée …", a noun with its determiner or a name;
            // not "le successeur de Hubble, lancé …", where the participle
            // may describe the name in between.
            "acl" if matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN") => {
                let determined = p.kids(h, "det").next().is_some() || entity(h).is_some();
                let name_between = p
                    .kids(h, "nmod")
                    .any(|k| k < v && entity(k).is_some() && entity(k) != entity(h));
                if !determined || name_between {
                    continue;
                }
                h
            }
            // "Créé en 2008 …, le festival": a participle agrees with the
            // subject it describes ("Lancée en 2011, les autorités …" does not).
            "advcl" if v < h && p.tok(h).pos == "VERB" => {
                let subject = p.children[h]
                    .iter()
                    .copied()
                    .find(|&c| p.tok(c).dep.starts_with("nsubj"));
                match subject {
                    Some(s) if s > v && agrees(p, v, s) => s,
                    _ => continue,
                }
            }
            _ => continue,
        };
        // The participle's own adjunct, written outside any quotation.
        let times: Vec<super::time::TimeExpr> = super::time::find(p)
            .into_iter()
            .filter(|x| {
                p.head(x.anchor) == Some(v)
                    && !super::time::is_bound(ctx, p, x)
                    && !quotes.iter().any(|q| q.contains(&x.anchor))
            })
            .collect();
        if times.is_empty() {
            continue;
        }
        // Who or what the participle's act was done to: the noun's values,
        // and for a participle with an agent ("Créé en 2008 par X, il …")
        // the object the passive rule already resolved.
        let mut subjects: Vec<(Node, usize, f32)> = ctx
            .values(p, noun, None)
            .into_iter()
            .filter_map(|value| ctx.subject_node(p, &value).map(|s| (s, value.token, value.factor)))
            .collect();
        if p.kids(v, "obl:agent").next().is_some() {
            for d in out
                .iter()
                .filter(|d| d.para == p.index && d.verb == Some(v) && is_act(d.rule))
            {
                let node = match d.object {
                    Object::Entity(e) => Node::Entity(e),
                    Object::Concept(c) => Node::Concept(c),
                    _ => continue,
                };
                if !subjects.iter().any(|(s, _, _)| *s == node) {
                    subjects.push((node, d.tokens.last().copied().unwrap_or(noun), 1.0));
                }
            }
        }
        for (subject, token, factor) in subjects {
            for x in &times {
                let tokens: Vec<usize> = x.tokens.clone().collect();
                let text = ctx.render(p, &tokens);
                let already = out.iter().chain(derived.iter()).any(|d| {
                    d.para == p.index
                        && d.predicate == DATE
                        && d.subject == subject
                        && d.verb == Some(v)
                        && matches!(&d.object, Object::Literal(l) if l.text == text)
                });
                if already {
                    continue;
                }
                let object = Object::Literal(Literal {
                    text,
                    kind: LiteralKind::Time,
                });
                let mut fact = Draft::new(
                    "act-date",
                    p.index,
                    subject,
                    DATE.to_string(),
                    t.lemma.to_lowercase(),
                    object.clone(),
                );
                fact.verb = Some(v);
                fact.arguments.push(("time".to_string(), object));
                fact.tokens = vec![token, v];
                fact.span = tokens;
                fact.confidence *= factor * 0.9;
                derived.push(fact);
            }
        }
    }
}

/// The source's verb words, without the preposition a prepositional object
/// added ("dérouler en" → "dérouler", "chavirer au large de" → "chavirer").
fn verb_lemma<'a>(ctx: &Ctx, lemma: &'a str) -> &'a str {
    let near = lemma
        .match_indices(' ')
        .map(|(i, _)| (&lemma[..i], &lemma[i + 1..]))
        .find(|(_, tail)| super::places::near_locution(ctx, tail).is_some());
    if let Some((verb, _)) = near {
        return verb;
    }
    match lemma.rsplit_once(' ') {
        Some((verb, last)) if locative(last) || matches!(last, "de" | "avec" | "contre" | "pour" | "par" | "entre") => {
            verb
        }
        _ => lemma,
    }
}

fn derive(d: &Draft, rule: &'static str, property: &str, object: Object) -> Draft {
    let mut fact = Draft::new(rule, d.para, d.subject, property.to_string(), d.lemma.clone(), object);
    fact.verb = d.verb;
    fact.negated = d.negated;
    fact.hypothetical = d.hypothetical;
    fact.reported = d.reported;
    fact.reported_by = d.reported_by;
    fact.confidence = d.confidence * 0.9;
    fact
}

/// Whether the nominal `c` names a place: it is a place entity, or a place
/// entity sits in its noun phrase ("l'établissement de Trèbes", "la gare
/// d'Ankara"), not in a clause on it.
pub(crate) fn names_place(ctx: &Ctx, p: &Para, c: usize) -> bool {
    let place = |t: usize| {
        p.tok(t).pos != "ADJ"
            && ctx
                .table
                .entity_at(p.index, t)
                .is_some_and(|e| ctx.kind(e) == EntityKind::Place)
    };
    // Down the phrase only, a few levels, never into a verb's clause.
    let mut frontier = vec![(c, 0usize)];
    while let Some((x, depth)) = frontier.pop() {
        if place(x) {
            return true;
        }
        if depth < 4 {
            for k in p.children[x].iter().copied() {
                let dep = p.tok(k).dep.as_str();
                // "à vitesse réduite en direction de Lyon": where it went, not where it was.
                let goal = p
                    .prep(k)
                    .is_some_and(|g| super::svo::goal_complement(ctx, p, k, &g).is_some());
                if p.tok(k).pos != "VERB"
                    && !goal
                    && (matches!(dep, "nmod" | "appos" | "advmod" | "dep") || dep.starts_with("flat"))
                {
                    frontier.push((k, depth + 1));
                }
            }
        }
    }
    false
}

/// Whether the participle `v` and the noun `n` agree in gender and number
/// where both say it.
fn agrees(p: &Para, v: usize, n: usize) -> bool {
    ["Gender", "Number"].iter().all(|feature| {
        let value = |t: usize| {
            p.tok(t)
                .morph
                .split('|')
                .find_map(|kv| kv.strip_prefix(feature).and_then(|r| r.strip_prefix('=')))
                .map(str::to_string)
        };
        match (value(v), value(n)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    })
}
