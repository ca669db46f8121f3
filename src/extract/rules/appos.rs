//! Appositions and modifiers of a named entity as facts: "Iván Duque, homme
//! politique conservateur" (isA), "Petro, 58 ans" and "âgé de 41 ans" (age),
//! "Renault, filiale de X" (the noun's predicate row with "de": subsidiaryOf),
//! "l'allemand Siemens", "le Belge X" (a demonym on the name: basedIn for an
//! organisation, nationality for a person).
//!
//! Owns these noun-phrase patterns only. Titles given to people ("le
//! ministre X") are roles, found by the entity table and written by `roles`;
//! an apposition already covered by a role is left to it.

use crate::facts::{EntityKind, Literal, LiteralKind, Node, Object};

use super::lexicon::Class;
use super::{Ctx, Draft, Para};

/// Most adjectives between a describing noun and the person's name after
/// it ("le patineur artistique japonais X").
const MOST_ADJECTIVES_BEFORE_NAME: usize = 2;

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    let lower = |k: usize| p.tok(k).text.chars().next().is_some_and(char::is_lowercase);
    for a in 0..p.len() {
        let Some(h) = p.head(a) else { continue };
        // "la Coupe X, compétition de …": a name's capitalised first word
        // may be tagged a noun; such a name takes its apposition too.
        if bare_nmod_apposition(p, a) {
            let capitalised = p.tok(h).text.chars().next().is_some_and(char::is_uppercase);
            let name = ctx.table.entity_at(p.index, h).filter(|_| capitalised);
            // "dans les Yvelines, les agents …": after a place the parser
            // hangs the clause's subject; a place's apposition says little.
            if let Some(e) = name.filter(|&e| ctx.kind(e) != EntityKind::Place) {
                apposition(ctx, p, e, h, a, out);
            }
            continue;
        }
        let Some(e) = named_entity(ctx, p, h) else { continue };
        let dep = p.tok(a).dep.as_str();
        match dep {
            "appos" => apposition(ctx, p, e, h, a, out),
            "conj" if bare_conjunct_apposition(p, a) => apposition(ctx, p, e, h, a, out),
            "amod" | "acl" | "nmod" if p.kids(a, "case").next().is_none() => {
                if let Some(d) = age(ctx, p, e, h, a) {
                    out.push(d);
                }
            }
            _ => {}
        }
        if dep == "amod" || dep == "nmod" || dep == "appos" {
            if let Some(d) = demonym(ctx, p, e, h, a) {
                out.push(d);
            }
        }
    }
    misread_conjunct(ctx, p, out);
    detached_participle(ctx, p, out);
    affiliation(ctx, p, out);
    // "l'humoriste Beppe Grillo": a common noun right before a person's
    // name describes the person (titles are roles, written by `roles`);
    // "l'opérateur Orange", "le quotidien X": a noun for an organisation
    // (`refers-org` in lexicon.tsv) before an organisation's name types it.
    for n in 0..p.len() {
        let tok = p.tok(n);
        if tok.pos != "NOUN"
            || honorific(p, n)
            || reflexive_verb_as_noun(p, n)
            || ctx.is(Class::Title, &tok.lemma.to_lowercase())
            || (ctx.table.entity_at(p.index, n).is_some() && !ctx.table.is_class_noun_before_name(p.index, n))
        {
            continue;
        }
        let org_noun = ctx.is(Class::RefersOrg, &tok.lemma.to_lowercase());
        // An organisation's name is read from the words (taggers misplace
        // names after such nouns); a person's hangs on the noun.
        // "le patineur artistique X": lower-case adjectives may come between.
        let first_name = (n + 1..p.len())
            .find(|&k| !(p.tok(k).pos == "ADJ" && lower(k) && ctx.table.entity_at(p.index, k).is_none()))
            .filter(|&k| k <= n + MOST_ADJECTIVES_BEFORE_NAME + 1);
        let named = org_noun.then(|| org_named_after(ctx, p, n)).flatten().or_else(|| {
            p.children[n]
                .iter()
                .copied()
                .find(|&c| Some(c) == first_name && p.tok(c).pos == "PROPN")
                .filter(|&c| matches!(p.tok(c).dep.as_str(), "appos" | "nmod" | "flat:name"))
                .and_then(|c| named_entity(ctx, p, c).map(|e| (e, c)))
                .filter(|&(e, _)| ctx.kind(e) == EntityKind::Person)
        });
        let Some((e, c)) = named else { continue };
        let Some((_, mut phrase)) = ctx.literal_phrase(p, n, Some(c)) else {
            continue;
        };
        // Adjectives between the noun and the name that the parser hung on
        // the name still describe the noun.
        phrase.extend(n + 1..c);
        phrase.sort_unstable();
        phrase.dedup();
        // "les producteurs A, B et C": the other names are no part of what A is.
        let phrase: Vec<usize> = phrase
            .into_iter()
            .filter(|&k| {
                (ctx.table.entity_at(p.index, k).is_none() || ctx.table.is_class_noun_before_name(p.index, k))
                    && p.tok(k).pos != "PUNCT"
            })
            .collect();
        let text = ctx.render(p, &phrase);
        if text.is_empty() {
            continue;
        }
        let mut d = Draft::new(
            "apposition",
            p.index,
            e,
            "isA".to_string(),
            tok.lemma.to_lowercase(),
            Object::text(text),
        );
        d.tokens = vec![n, c];
        d.span = phrase;
        out.push(d);
        // "le nageur australien X": a demonym among those adjectives is the
        // person's nationality.
        for k in n + 1..c {
            if p.head(k) != Some(c) && ctx.kind(e) == EntityKind::Person {
                if let Some(d) = demonym(ctx, p, e, c, k) {
                    out.push(d);
                }
            }
        }
    }
    named_with_class(ctx, p, out);
    name_after_description(ctx, p, out);
    noun_before_name(ctx, p, out);
    // The other way round: "l'allemand Siemens" with the demonym as head.
    for a in 0..p.len() {
        let Some(h) = p.head(a) else { continue };
        if !matches!(p.tok(a).dep.as_str(), "appos" | "nmod" | "flat:name") || p.kids(a, "case").next().is_some() {
            continue;
        }
        let Some(e) = named_entity(ctx, p, a) else { continue };
        if let Some(d) = demonym(ctx, p, e, a, h) {
            out.push(d);
        }
    }
}

/// "l'opérateur Bouygues Telecom", "le quotidien nippon Asahi", "la chaîne
/// de télévision publique X": the organisation (or titled work, `MISC`)
/// whose capitalised name starts right after the noun `n` (itself after a
/// determiner) and the lower-case adjectives and "de" + noun complements
/// that describe it. Returns the entity and the name's first token.
fn org_named_after(ctx: &Ctx, p: &Para, n: usize) -> Option<(usize, usize)> {
    const MOST_WORDS_BETWEEN: usize = 5;
    if n == 0 || !matches!(p.tok(n - 1).pos.as_str(), "DET" | "ADP") {
        return None;
    }
    let lower = |k: usize| p.tok(k).text.chars().next().is_some_and(char::is_lowercase);
    let mut c = n + 1;
    while c < p.len() && c <= n + MOST_WORDS_BETWEEN {
        let t = p.tok(c);
        if t.pos == "ADJ" && lower(c) && ctx.table.entity_at(p.index, c).is_none() {
            c += 1;
        } else if matches!(t.text.as_str(), "de" | "d'" | "d\u{2019}")
            && c + 1 < p.len()
            && p.tok(c + 1).pos == "NOUN"
            && lower(c + 1)
            && ctx.table.entity_at(p.index, c + 1).is_none()
        {
            c += 2;
        } else {
            break;
        }
    }
    if c >= p.len() {
        return None;
    }
    let e = ctx.table.entity_at(p.index, c)?;
    // The noun itself maps to the entity when coreference learned it as
    // the entity's class noun; the name still starts after it.
    let starts = ctx.table.entity_at(p.index, n) != Some(e) || ctx.table.is_class_noun_before_name(p.index, n);
    let starts = starts && (c == n + 1 || ctx.table.entity_at(p.index, c - 1) != Some(e));
    let capital = p.tok(c).text.chars().next().is_some_and(char::is_uppercase);
    let kind = ctx.kind(e);
    let body = kind == EntityKind::Organization || (kind == EntityKind::Misc && c == n + 1);
    (starts && capital && body).then_some((e, c))
}

/// "la tempête Carmen", "l'opération Sentinelle" tagged as one name: a
/// name that opens with a lower-case common noun (not a title, not the
/// sentence's first word) is of that class: `isA` the noun and the
/// lower-case adjectives after it inside the name.
/// Only an entity's first such mention in the text gives the row.
fn named_with_class(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for (m, (para, range)) in ctx.table.mention_tokens.iter().enumerate() {
        if *para != p.index || range.len() < 2 || range.end > p.len() {
            continue;
        }
        let Some(this) = ctx.table.mentions.get(m) else {
            continue;
        };
        let said_before = ctx.table.mentions[..m]
            .iter()
            .any(|x| x.entity == this.entity && x.text.to_lowercase() == this.text.to_lowercase());
        if said_before {
            continue;
        }
        let n = range.start;
        let tok = p.tok(n);
        let lemma = tok.lemma.to_lowercase();
        let lower = |k: usize| p.tok(k).text.chars().next().is_some_and(char::is_lowercase);
        if tok.pos != "NOUN"
            || !lower(n)
            || tok.sent_start
            || reflexive_verb_as_noun(p, n)
            || p.morph_has(n, "Number=Plur")
            || ctx.is(Class::Title, &lemma)
            || ctx.is(Class::Function, &lemma)
        {
            continue;
        }
        let Some(e) = ctx.table.entity_at(p.index, n) else {
            continue;
        };
        let mut phrase = vec![n];
        phrase.extend((n + 1..range.end).take_while(|&k| p.tok(k).pos == "ADJ" && lower(k)));
        // The name proper follows, capitalised.
        if phrase.len() >= range.len()
            || !p
                .tok(n + phrase.len())
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let text = ctx.render(p, &phrase);
        let mut d = Draft::new("apposition", p.index, e, "isA".to_string(), lemma, Object::text(text));
        d.tokens = vec![n, n + phrase.len()];
        d.span = phrase;
        out.push(d);
    }
}

/// "la station spatiale chinoise Tiangong-1", "le fleuve côtier X": a
/// common noun written right before the name of a place or a thing (the
/// entity table's description before a name), with an adjective and
/// maybe "de" + noun complements between, says what the name is: `isA`. A
/// person's noun and an organisation's class noun (`refers-org`) are
/// read by the loop in [`run`]; before any other organisation's name the
/// noun is often something of it ("l'action X", "la boutique X"); titles
/// are roles.
fn noun_before_name(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for n in 0..p.len() {
        let Some((c, e)) = ctx.table.described_name(p.index, n) else {
            continue;
        };
        let tok = p.tok(n);
        let lemma = tok.lemma.to_lowercase();
        if c <= n
            || c > p.len()
            || !matches!(ctx.kind(e), EntityKind::Misc | EntityKind::Place)
            || ctx.is(Class::RefersOrg, &lemma)
            || ctx.is(Class::Title, &lemma)
            || ctx.is(Class::Function, &lemma)
        {
            continue;
        }
        // "une centaine de X", "l'entrée de X": a noun whose "de" opens the
        // name is its complement's head, not its description; the name
        // hangs on the noun without a preposition.
        if c == 0 || p.tok(c - 1).pos == "ADP" || ctx.is(Class::Group, &lemma) {
            continue;
        }
        // A bare noun before a name is often what the name is the source or
        // part of ("le sondage X", "la page X", "l'appellation X"); an
        // adjective makes it a description ("le réseau social X").
        if !(n + 1..c).any(|k| p.tok(k).pos == "ADJ") {
            continue;
        }
        let hung = (c..p.len())
            .take_while(|&k| ctx.table.entity_at(p.index, k) == Some(e))
            .any(|k| p.head(k) == Some(n) && p.kids(k, "case").next().is_none());
        let phrase: Vec<usize> = (n..c).filter(|&k| p.tok(k).pos != "PUNCT").collect();
        let text = ctx.render(p, &phrase);
        if text.is_empty() || !hung {
            continue;
        }
        let mut d = Draft::new("apposition", p.index, e, "isA".to_string(), lemma, Object::text(text));
        d.tokens = vec![n, c];
        d.span = phrase;
        out.push(d);
    }
}

/// "Une nouvelle dépression, Eleanor, est attendue": a name set off by
/// commas right after a description (an article, a singular lower-case
/// common noun, its adjectives) says what the described thing is called;
/// the parser hangs the name on the noun (`appos`) or gives both the same
/// head and relation. The name is `isA` the description. Titles are
/// roles, found by the entity table ("le ministre, X, a dit").
fn name_after_description(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    let lower = |k: usize| p.tok(k).text.chars().next().is_some_and(char::is_lowercase);
    for n in 1..p.len() {
        let tok = p.tok(n);
        let lemma = tok.lemma.to_lowercase();
        if tok.pos != "NOUN"
            || !lower(n)
            || p.morph_has(n, "Number=Plur")
            || ctx.is(Class::Title, &lemma)
            || ctx.is(Class::Function, &lemma)
            || super::svo::is_time_noun(p, n)
            || ctx.table.entity_at(p.index, n).is_some()
            || ctx.role_at.contains_key(&(p.index, n))
        {
            continue;
        }
        // The article, then only adjectives before the noun.
        let mut first = n;
        while first > 0 && p.tok(first - 1).pos == "ADJ" && p.head(first - 1) == Some(n) {
            first -= 1;
        }
        let Some(det) = first.checked_sub(1) else { continue };
        if p.tok(det).pos != "DET" || p.head(det) != Some(n) || !is_article_word(&p.tok(det).text) {
            continue;
        }
        let mut last = n;
        while last + 1 < p.len() && p.tok(last + 1).pos == "ADJ" && lower(last + 1) && p.head(last + 1) == Some(n) {
            last += 1;
        }
        let c = last + 2;
        if c >= p.len() || p.tok(last + 1).text != "," || p.tok(c).pos != "PROPN" {
            continue;
        }
        let Some(e) = ctx.table.entity_at(p.index, c) else {
            continue;
        };
        let Some((_, range)) = ctx
            .table
            .mention_tokens
            .iter()
            .find(|(para, r)| *para == p.index && r.start == c)
        else {
            continue;
        };
        if range.end >= p.len() || p.tok(range.end).text != "," {
            continue;
        }
        let name_head = (c..range.end).find(|&k| p.head(k).is_none_or(|h| !(c..range.end).contains(&h)));
        let Some(name_head) = name_head else { continue };
        let nt = p.tok(name_head);
        let on_noun = nt.dep == "appos" && p.head(name_head) == Some(n);
        let beside = p.head(name_head).is_some() && p.head(name_head) == p.head(n) && nt.dep == tok.dep;
        if !(on_noun || beside) {
            continue;
        }
        let phrase: Vec<usize> = (first..=last).collect();
        let text = ctx.render(p, &phrase);
        let mut d = Draft::new("apposition", p.index, e, "isA".to_string(), lemma, Object::text(text));
        d.tokens = vec![n, name_head];
        d.span = phrase;
        out.push(d);
    }
}

/// Whether the noun `n` is a verb after its reflexive clitic that the
/// tagger took for a noun ("…, s'enthousiasme Paul Martin"): no
/// description of the name after it.
fn reflexive_verb_as_noun(p: &Para, n: usize) -> bool {
    n > 0 && p.morph_has(n - 1, "Reflex=Yes")
}

/// An article that may open a description ("le", "la", "l'", "un", "une").
fn is_article_word(text: &str) -> bool {
    let det = text.to_lowercase().replace('\u{2019}', "'");
    matches!(det.as_str(), "le" | "la" | "l'" | "un" | "une")
}

/// The entity a name token stands for (not a pronoun or a resolved title).
/// A name with a complement naming another entity: "Paul Martin du Parti
/// socialiste" (memberOf), "l'usine Renault de Flins", "la banque X à
/// Londres" (locatedIn), "Saint-Genis en Savoie" (locatedIn). The holder
/// is the name itself or the common noun the name is written after; a
/// title ("le ministre de X") is a role, left to `roles`.
fn affiliation(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for c in 0..p.len() {
        if p.tok(c).dep != "nmod" {
            continue;
        }
        let (Some(h), Some(prep)) = (p.head(c), p.prep(c)) else {
            continue;
        };
        let Some(other) = ctx.table.entity_at(p.index, c) else {
            continue;
        };
        if p.tok(h).pos == "NOUN" && ctx.is(Class::Title, p.lemma(h)) {
            continue;
        }
        let holder = named_entity(ctx, p, h).map(|e| (e, 1.0)).or_else(|| {
            // Only "la banque X", never a noun standing for its owner.
            (p.tok(h).pos == "NOUN" && !ctx.role_at.contains_key(&(p.index, h)))
                .then(|| ctx.resolve(p, h))
                .flatten()
        });
        let Some((e, factor)) = holder else {
            people_of(ctx, p, h, c, other, &prep, out);
            continue;
        };
        if e == other {
            continue;
        }
        let property = match (ctx.kind(e), ctx.kind(other), prep.as_str()) {
            (EntityKind::Person, EntityKind::Organization, "de") if p.tok(h).pos == "PROPN" => "memberOf",
            (EntityKind::Organization, EntityKind::Place, "de" | "à") => "locatedIn",
            (EntityKind::Place, EntityKind::Place, "en" | "dans") => "locatedIn",
            _ => continue,
        };
        let rule = if property == "memberOf" { "member" } else { "place" };
        let mut d = Draft::new(rule, p.index, e, property.to_string(), prep, Object::Entity(other));
        d.tokens = vec![h, c];
        d.confidence *= factor;
        out.push(d);
    }
}

/// "les employés de la SNCF", "un militant du parti
/// X": a concept some fact has for subject, headed by a noun for people
/// acting for a body (the `collective` class), with a "de" complement
/// naming an organisation, is a member of it (`memberOf`, lemma "employé
/// de"). A place is no body one is a member of (the ontology's range of
/// `memberOf` is `Organization`): "l'armée du Pérou" gives no row.
fn people_of(ctx: &Ctx, p: &Para, h: usize, c: usize, other: usize, prep: &str, out: &mut Vec<Draft>) {
    let lemma = p.lemma(h);
    let body = ctx.kind(other) == EntityKind::Organization;
    if prep != "de" || p.tok(h).pos != "NOUN" || !body || !ctx.is(Class::Collective, lemma) {
        return;
    }
    if ctx.is(Class::Title, lemma) || ctx.role_at.contains_key(&(p.index, h)) {
        return;
    }
    // "Zorblax est membre du parti X": the noun is the copula's predicate,
    // and the copula's subject is the member, not the phrase "membre du
    // parti X"; the row reads its negation off the copula (`verb`).
    if let Some(cop) = p.kids(h, "cop").next() {
        for s in super::svo::grammatical_subjects(ctx, p, h, 0) {
            let Some(subject) = ctx.subject_node(p, &s) else {
                continue;
            };
            if subject == crate::facts::Node::Entity(other) {
                continue;
            }
            let mut d = Draft::new(
                "member",
                p.index,
                subject,
                "memberOf".to_string(),
                format!("{lemma} de"),
                Object::Entity(other),
            );
            d.tokens = vec![s.token, cop, h, c];
            d.verb = Some(h);
            d.confidence *= 0.9 * s.factor;
            out.push(d);
        }
        return;
    }
    let Some((text, _)) = ctx.literal_phrase(p, h, None) else {
        return;
    };
    let Some(concept) = ctx.concepts.find(&text) else {
        return;
    };
    let mut d = Draft::new(
        "member",
        p.index,
        crate::facts::Node::Concept(concept),
        "memberOf".to_string(),
        format!("{lemma} de"),
        Object::Entity(other),
    );
    d.tokens = vec![h, c];
    d.confidence *= 0.9;
    out.push(d);
}

/// "Iván Duque, homme politique conservateur âgé de 41 ans, a remporté":
/// the parser may read a bare noun (no article) set off by a comma after
/// a name as a conjunct of it. With no "et" or "ou" on it and no other
/// conjunct beside it, nothing is coordinated: it is an apposition that
/// describes the name. Used by `run` and by `measures` (the age is the
/// name's, not a concept's).
pub(crate) fn bare_conjunct_apposition(p: &Para, a: usize) -> bool {
    let tok = p.tok(a);
    let Some(h) = p.head(a) else { return false };
    tok.dep == "conj"
        && tok.pos == "NOUN"
        && h < a
        && p.kids(a, "cc").next().is_none()
        && p.kids(a, "det").next().is_none()
        // "six personnes": a count is no description; a capitalised word is
        // a name of a list the parser misread.
        && p.kids(a, "nummod").next().is_none()
        && tok.text.chars().next().is_some_and(char::is_lowercase)
        && p.kids(h, "conj").count() == 1
        && p
            .subtree(a)
            .into_iter()
            .find(|&k| p.tok(k).pos != "PUNCT")
            .is_some_and(|f| f >= 2 && p.tok(f - 1).text == "," && (f - 2 == h || p.dominated_by(f - 2, h)))
}

/// Whether `a` is an apposition the parser labelled a complement with no
/// preposition (`nmod`): "Renault, constructeur automobile, a annoncé",
/// "la Coupe X, compétition de patinage artistique, se déroule". A common
/// noun set off by commas on both sides (or ending the sentence) right
/// after its head's phrase; not a count, a present participle
/// ("X, représentant la Russie", read by `detached_participle`), nor a
/// street or landmark noun ("à Paris, rue de l'Opéra": where, not what).
pub(crate) fn bare_nmod_apposition(p: &Para, a: usize) -> bool {
    let tok = p.tok(a);
    let Some(h) = p.head(a) else { return false };
    let landmark = crate::extract::entities::tables::tables()
        .landmark_words
        .contains(&crate::names::fold(&tok.lemma));
    if tok.dep != "nmod"
        || tok.pos != "NOUN"
        || h >= a
        || landmark
        || p.kids(a, "case").next().is_some()
        || p.kids(a, "nummod").next().is_some()
        || !tok.text.chars().next().is_some_and(char::is_lowercase)
        || super::np::is_participle(p, a)
    {
        return false;
    }
    // A described noun: with its article, adjective or complement ("un
    // ancien militaire", "constructeur automobile"), no verb inside (a
    // clause the parser hung there); a bare noun is as often a misread verb.
    let described = ["det", "amod", "nmod"].iter().any(|d| p.kids(a, d).next().is_some());
    let phrase = p.subtree(a);
    if !described || phrase.iter().any(|&k| matches!(p.tok(k).pos.as_str(), "VERB" | "AUX")) {
        return false;
    }
    let (Some(&first), Some(&last)) = (phrase.iter().find(|&&k| p.tok(k).pos != "PUNCT"), phrase.last()) else {
        return false;
    };
    let opened = first >= 2 && p.tok(first - 1).text == "," && (first - 2 == h || p.dominated_by(first - 2, h));
    let after = if p.tok(last).pos == "PUNCT" { last } else { last + 1 };
    let closed = after >= p.len()
        || p.sentence_of[after] != p.sentence_of[a]
        || matches!(p.tok(after).text.as_str(), "," | "." | ")" | ";");
    opened && closed
}

/// Whether `k` is an honorific ("Mme Quillec", "M. Zorbe"): how the text
/// addresses a person (read as gender by the entity step), never what
/// they are.
fn honorific(p: &Para, k: usize) -> bool {
    crate::extract::entities::tables::tables().is_honorific(&p.tok(k).text)
}

fn named_entity(ctx: &Ctx, p: &Para, t: usize) -> Option<usize> {
    if p.tok(t).pos != "PROPN" {
        return None;
    }
    ctx.table.entity_at(p.index, t)
}

fn apposition(ctx: &Ctx, p: &Para, e: usize, h: usize, a: usize, out: &mut Vec<Draft>) {
    let tok = p.tok(a);
    // Another name in apposition is the same thing named twice, or a list.
    if ctx.table.entity_at(p.index, a).is_some() || ctx.role_at.contains_key(&(p.index, a)) {
        return;
    }
    if let Some(d) = age(ctx, p, e, h, a) {
        out.push(d);
        return;
    }
    if is_list(p, h, a) {
        return;
    }
    if tok.pos != "NOUN" || honorific(p, a) {
        return;
    }
    let lemma = tok.lemma.to_lowercase();
    if ctx.is(Class::Function, &lemma) || super::svo::is_time_noun(p, a) {
        return;
    }
    let Some((text, phrase)) = ctx.literal_phrase(p, a, None) else {
        return;
    };
    // "X, 21 %": an amount beside a name (a poll score) is not what it is.
    if !text.chars().any(char::is_alphabetic) {
        return;
    }
    let mut d = Draft::new(
        "apposition",
        p.index,
        e,
        if ctx.is(Class::Title, &lemma) { "role" } else { "isA" }.to_string(),
        lemma.clone(),
        Object::text(text),
    );
    d.tokens = vec![h, a];
    d.span = phrase;
    out.push(d);
    // "homme politique âgé de 41 ans": the age on the apposed noun.
    for c in p.children[a].clone() {
        if let Some(d) = age(ctx, p, e, h, c) {
            out.push(d);
        }
    }
    // "filiale de X": the noun's row in predicates.tsv with "de".
    for c in p.kids(a, "nmod").collect::<Vec<_>>() {
        if p.prep(c).as_deref() != Some("de") {
            continue;
        }
        let Some(property) = ctx.lex.property(&lemma, Some("de")) else {
            continue;
        };
        let Some((o, f)) = ctx.resolve(p, c) else { continue };
        if o == e {
            continue;
        }
        let mut d = Draft::new(
            "apposition",
            p.index,
            e,
            property.to_string(),
            format!("{lemma} de"),
            Object::Entity(o),
        );
        d.tokens = vec![h, a, c];
        d.confidence *= f;
        out.push(d);
    }
}

/// "un porte-parole de X, la filiale exploitant le véhicule": the parser
/// may read a description of the name written before the comma as a
/// conjunct, or an apposition, of the phrase's head. A lone one (no "et",
/// no other conjunct) with a definite article, whose noun types an organisation
/// (`refers-org`) or has a "de" row in the predicate table ("filiale de"),
/// right after a comma that follows a name inside the head's phrase, is
/// an apposition to that name.
fn misread_conjunct(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for a in 0..p.len() {
        let tok = p.tok(a);
        if !matches!(tok.dep.as_str(), "conj" | "appos") || tok.pos != "NOUN" || p.kids(a, "cc").next().is_some() {
            continue;
        }
        let lemma = tok.lemma.to_lowercase();
        if !(ctx.is(Class::RefersOrg, &lemma) || ctx.lex.property(&lemma, Some("de")).is_some()) {
            continue;
        }
        if !p.kids(a, "det").any(|d| p.lemma(d) == "le") {
            continue;
        }
        let Some(h) = p.head(a) else { continue };
        if p.kids(h, "conj").count() > 1 || named_entity(ctx, p, h).is_some() {
            continue;
        }
        // The comma may hang on the conjunct itself.
        let Some(first) = p.subtree(a).into_iter().find(|&k| p.tok(k).pos != "PUNCT") else {
            continue;
        };
        if first < 2 || p.tok(first - 1).text != "," {
            continue;
        }
        let name = first - 2;
        if name <= h || !p.dominated_by(name, h) {
            continue;
        }
        let Some(e) = named_entity(ctx, p, name) else { continue };
        apposition(ctx, p, e, name, a, out);
    }
}

/// An apposition that is no description of its head: one of several nouns
/// set beside the same name ("l'A7, A8, A9": a list the parser read as
/// appositions), a noun with coordinated nouns of its own ("X, A et B"),
/// a noun whose number differs from its head's ("les Valois (nom des …)"),
/// which describes something else, or a bracket on an item of a list.
fn is_list(p: &Para, h: usize, a: usize) -> bool {
    let number = |t: usize| super::np::number(p, t);
    let several = p.kids(h, "appos").count() > 1;
    let coordinated = p.kids(a, "conj").next().is_some();
    // A bare noun the parser made the name's only conjunct: the name's own
    // number, not the coordination's plural.
    let head_number = if bare_conjunct_apposition(p, a) {
        super::np::feature(p, h, "Number")
    } else {
        number(h)
    };
    let disagree = matches!((head_number, number(a)), (Some(x), Some(y)) if x != y);
    // "A6 (Lyon et Mâcon), A7, A50 (péages de …)": a bracket on one item of
    // a list says where or what about it, not what it is.
    let first = p.subtree(a)[0];
    let bracketed = first > 0 && p.tok(first - 1).text == "(";
    let listed = matches!(p.tok(h).dep.as_str(), "conj" | "dep")
        || p.kids(h, "conj").next().is_some()
        || (h > 0 && p.tok(h - 1).text == ",");
    several || coordinated || disagree || (bracketed && listed)
}

/// "Petro, 58 ans" (apposition) or "âgé de 41 ans" (modifier): the age of
/// the subject `e` (an entity or a concept) whose noun `h` bears `a`.
pub(crate) fn age(_ctx: &Ctx, p: &Para, e: impl Into<Node>, h: usize, a: usize) -> Option<Draft> {
    let years = |n: usize| {
        let t = p.tok(n);
        t.pos == "NOUN" && t.lemma.to_lowercase() == "an" && p.kids(n, "nummod").next().is_some()
    };
    let noun = if years(a) {
        a
    } else if p.lemma(a) == "âgé" {
        p.children[a].iter().copied().find(|&c| years(c))?
    } else {
        return None;
    };
    let number = p.kids(noun, "nummod").next()?;
    // "âgés de 20 à 50 ans", "de 20 ou 30 ans": a range is no one's age.
    let range = p
        .subtree(noun)
        .into_iter()
        .chain(p.subtree(number))
        .any(|k| matches!(p.lemma(k), "à" | "et" | "ou" | "entre"))
        || p.kids(noun, "nummod").count() > 1;
    if range {
        return None;
    }
    let text = format!("{} ans", p.tok(number).text);
    let mut d = Draft::new(
        "age",
        p.index,
        e,
        "age".to_string(),
        "âge".to_string(),
        Object::Literal(Literal {
            text,
            kind: LiteralKind::Number,
        }),
    );
    d.tokens = vec![h, a, noun];
    d.span = vec![number, noun];
    Some(d)
}

/// "l'allemand Siemens", "le Belge X": a demonym on a name gives the
/// country an organisation is based in or a person's nationality.
fn demonym(ctx: &Ctx, p: &Para, e: usize, h: usize, a: usize) -> Option<Draft> {
    let country = ctx.table.demonym_country(p.index, a)?;
    if country == e {
        return None;
    }
    let property = match ctx.kind(e) {
        EntityKind::Organization => "basedIn",
        EntityKind::Person => "nationality",
        _ => return None,
    };
    let mut d = Draft::new(
        "demonym",
        p.index,
        e,
        property.to_string(),
        p.lemma(a).to_string(),
        Object::Entity(country),
    );
    d.tokens = vec![h, a];
    Some(d)
}

/// "X, représentant le Japon, …", "A et B, représentant la Russie.": a
/// present participle set off by a comma right after a name, with an
/// article and a name as its object, says what the named one does. The
/// tagger often reads such a participle as a noun and the parser hangs it
/// anywhere, so the words decide: the participle's infinitive ("-ant" →
/// "-er") must have a row in the predicate table. The names before the
/// comma, with those coordinated with them ("A et B"), are people or
/// organisations.
fn detached_participle(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for t in 2..p.len().saturating_sub(2) {
        if p.tok(t - 1).text != "," || !super::np::is_participle(p, t) {
            continue;
        }
        let Some(verb) = infinitive_of_participle(&p.tok(t).text) else {
            continue;
        };
        let Some(property) = ctx.lex.property(&verb, None) else {
            continue;
        };
        let det = t + 1;
        if p.tok(det).pos != "DET" || p.lemma(det) == "de" {
            continue;
        }
        let Some(o) = ctx.table.entity_at(p.index, det + 1) else {
            continue;
        };
        for (e, h) in names_before(ctx, p, t - 1) {
            if e == o {
                continue;
            }
            let mut d = Draft::new(
                "participle",
                p.index,
                e,
                property.to_string(),
                verb.clone(),
                Object::Entity(o),
            );
            d.tokens = vec![h, t, det + 1];
            out.push(d);
        }
    }
}

/// The infinitive of a first-group present participle: "représentant" →
/// "représenter", "dirigeant" → "diriger", "commençant" → "commencer".
fn infinitive_of_participle(word: &str) -> Option<String> {
    let stem = word.to_lowercase();
    let stem = stem.strip_suffix("ant")?;
    if stem.chars().count() < 3 {
        return None;
    }
    let stem = stem
        .strip_suffix("ge")
        .map(|s| format!("{s}g"))
        .unwrap_or_else(|| stem.to_string());
    let stem = stem.strip_suffix('ç').map(|s| format!("{s}c")).unwrap_or(stem);
    Some(format!("{stem}er"))
}

/// The people and organisations named right before the comma `comma`:
/// the last name, and the names coordinated with it ("A, B et C"), each
/// with a token of its mention.
fn names_before(ctx: &Ctx, p: &Para, comma: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = comma;
    while let Some(last) = k.checked_sub(1) {
        let Some(e) = ctx.table.entity_at(p.index, last) else {
            break;
        };
        if !matches!(ctx.kind(e), EntityKind::Person | EntityKind::Organization) || p.tok(last).pos == "PUNCT" {
            break;
        }
        out.push((e, last));
        let mut start = last;
        while start > 0 && ctx.table.entity_at(p.index, start - 1) == Some(e) {
            start -= 1;
        }
        match start.checked_sub(1) {
            Some(j) if matches!(p.tok(j).text.as_str(), "et" | ",") && out.len() < 4 => k = j,
            _ => break,
        }
    }
    out
}
