//! Dates and times written in a clause ("lundi soir", "le 28 février",
//! "en 2014", "aujourd'hui", "il y a trois semaines", "peu après 4 heures")
//! and their attachment as `time` arguments.
//!
//! Owns the surface patterns for time expressions and the rule that an
//! expression belongs to the facts of the clause it sits in, and gives each
//! fact's time words their normalised value ([`add_values`]). Calendar
//! values come from [`crate::extract::timex`]; this file does no date
//! arithmetic.

use std::collections::HashSet;
use std::ops::Range;

use crate::extract::timex;
use crate::facts::{Concept, Fact, Literal, LiteralKind, Object, TimeExpression};

use super::{Ctx, Draft, Para};

const WEEKDAYS: &[&str] = &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const PARTS: &[&str] = &[
    "matin",
    "soir",
    "après-midi",
    "midi",
    "nuit",
    "dernier",
    "prochain",
    "soirée",
    "matinée",
];
const DEICTIC: &[&str] = &["aujourd'hui", "hier", "demain"];
/// Nouns of duration: a bare noun phrase made of them is a time adjunct, never an object.
const SPANS: &[&str] = &[
    "semaine",
    "mois",
    "année",
    "an",
    "jour",
    "heure",
    "week-end",
    "fois",
    "temps",
    "période",
    "minute",
    "siècle",
    "décennie",
];

/// Nouns of a span of time that name an event as subjects ("cette
/// journée a fait plus de dégâts", "la journée de la femme") but say when
/// after a preposition ("dans la journée", "pour la journée"): kept out of
/// [`is_time_word`], read by [`is_time_after_preposition`].
const EVENT_SPANS: &[&str] = &["journée"];

/// Whether a noun, after a preposition, says when: a time word
/// ([`is_time_word`]) or a span that elsewhere names an event ("dans la
/// journée").
pub(crate) fn is_time_after_preposition(lemma: &str) -> bool {
    is_time_word(lemma) || EVENT_SPANS.contains(&lemma)
}

/// A time expression: its tokens and the token it hangs from in the parse.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimeExpr {
    pub tokens: Range<usize>,
    pub anchor: usize,
}

/// A month or weekday name ("novembre", "lundi").
pub(crate) fn is_calendar_word(lemma: &str) -> bool {
    WEEKDAYS.contains(&lemma) || MONTHS.contains(&lemma)
}

/// Whether a lemma is a day of the week ("lundi").
pub(crate) fn is_weekday(lemma: &str) -> bool {
    WEEKDAYS.contains(&lemma)
}

/// Whether a lemma is a unit of a span of time ("semaine", "mois", "jour").
pub(crate) fn is_span_word(lemma: &str) -> bool {
    SPANS.contains(&lemma)
}

/// Whether a lemma is a time word (weekday, month, part of day).
pub(crate) fn is_time_word(lemma: &str) -> bool {
    WEEKDAYS.contains(&lemma)
        || MONTHS.contains(&lemma)
        || PARTS.contains(&lemma)
        || DEICTIC.contains(&lemma)
        || SPANS.contains(&lemma)
}

fn lower(p: &Para, i: usize) -> String {
    p.tok(i).text.to_lowercase().replace('\u{2019}', "'")
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) && (s.starts_with("19") || s.starts_with("20"))
}

fn is_day(s: &str) -> bool {
    s == "1er"
        || (s.len() <= 2
            && s.chars().all(|c| c.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
}

/// An hour of the day written in digits ("0" to "24").
fn is_hour(s: &str) -> bool {
    s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|h| h <= 24)
}

/// Minutes written in two digits ("00" to "59").
fn is_minute(s: &str) -> bool {
    s.len() == 2 && s.chars().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|m| m < 60)
}

/// A clock time in one word: "17h30", "20h00", "9h".
fn is_clock(s: &str) -> bool {
    s.split_once('h')
        .is_some_and(|(h, m)| !h.is_empty() && is_hour(h) && (m.is_empty() || is_minute(m)))
}

/// Whether the "à" at `i` closes a span ("jusqu'à 3h00", "de 22h30 à
/// 3h00"): the end of a span is no time of the act.
fn ends_a_range(p: &Para, i: usize) -> bool {
    if lower(p, i) != "à" || i == 0 {
        return false;
    }
    let before = lower(p, i - 1);
    before.starts_with("jusqu")
        || (i.saturating_sub(4)..i).any(|k| is_clock(&lower(p, k)) || matches!(lower(p, k).as_str(), "heures" | "h"))
}

/// Finds the time expressions of a paragraph.
pub(crate) fn find(p: &Para) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let n = p.len();
    let mut i = 0;
    while i < n {
        let w = lower(p, i);
        let mut span: Option<Range<usize>> = None;
        let mut anchor: Option<usize> = None;
        if WEEKDAYS.contains(&w.as_str()) {
            let mut e = i + 1;
            if e < n && PARTS.contains(&lower(p, e).as_str()) {
                e += 1;
            }
            // "lundi 3 mars"
            if e + 1 < n && is_day(&lower(p, e)) && MONTHS.contains(&lower(p, e + 1).as_str()) {
                e += 2;
            }
            span = Some(i..e);
        } else if is_day(&w) && i + 1 < n && MONTHS.contains(&lower(p, i + 1).as_str()) {
            let s = if i > 0 && lower(p, i - 1) == "le" { i - 1 } else { i };
            let mut e = i + 2;
            if e < n && is_year(&lower(p, e)) {
                e += 1;
            }
            span = Some(s..e);
        } else if (w == "en" || w == "depuis" || w == "début" || w == "fin") && i + 1 < n {
            let next = lower(p, i + 1);
            if is_year(&next) {
                span = Some(i..i + 2);
            } else if MONTHS.contains(&next.as_str()) {
                let e = if i + 2 < n && is_year(&lower(p, i + 2)) {
                    i + 3
                } else {
                    i + 2
                };
                span = Some(i..e);
            }
        } else if matches!(w.as_str(), "la" | "le" | "l'" | "cette" | "ce")
            && i + 2 < n
            && matches!(
                lower(p, i + 1).as_str(),
                "semaine" | "mois" | "année" | "an" | "week-end"
            )
            && matches!(
                lower(p, i + 2).as_str(),
                "dernier" | "dernière" | "prochain" | "prochaine" | "passé" | "passée"
            )
        {
            span = Some(i..i + 3);
        } else if matches!(w.as_str(), "vers" | "à" | "dès") && i + 1 < n && !ends_a_range(p, i) {
            // "vers 15 heures", "à 20h00", "dès 9 h 30": a clock time after
            // a preposition of a point in time ("pendant 3 heures" is a span).
            if is_clock(&lower(p, i + 1)) {
                span = Some(i..i + 2);
            } else if is_hour(&lower(p, i + 1))
                && i + 2 < n
                && matches!(lower(p, i + 2).as_str(), "heures" | "heure" | "h")
            {
                let minutes = i + 3 < n && is_minute(&lower(p, i + 3));
                span = Some(i..if minutes { i + 4 } else { i + 3 });
            }
        } else if w == "aux"
            && i + 4 < n
            && lower(p, i + 1) == "environs"
            && lower(p, i + 2) == "de"
            && is_hour(&lower(p, i + 3))
            && matches!(lower(p, i + 4).as_str(), "heures" | "heure" | "h")
        {
            // "aux environs de 22 heures": a point in time, roughly.
            let minutes = i + 5 < n && is_minute(&lower(p, i + 5));
            span = Some(i..if minutes { i + 6 } else { i + 5 });
        } else if w == "il" && i + 3 < n && lower(p, i + 1) == "y" && lower(p, i + 2) == "a" {
            // "il y a trois semaines", "il y a plus de dix ans": a time
            // ago, its amount in numbers and quantity words only ("il y a
            // eu trois morts" says something exists).
            let unit = (i + 3..n.min(i + 8)).find(|&k| {
                let lemma = p.lemma(k).to_string();
                p.tok(k).pos == "NOUN"
                    && SPANS.contains(&lemma.as_str())
                    && !matches!(lemma.as_str(), "fois" | "période")
            });
            let amount = |k: usize| {
                matches!(p.tok(k).pos.as_str(), "NUM" | "DET" | "ADV")
                    || matches!(lower(p, k).as_str(), "de" | "d'" | "quelques" | "plusieurs")
            };
            // The verb the expression dates: the one its own clause ("a"
            // the verb, the time its object) or its time noun hangs on; not
            // across a colon or a quotation mark ("… : « il y a cinq ans,
            // nous n'avions rien »"), nor from a noun's phrase ("la
            // suppression de la taxe il y a un mois").
            let clause = p.tok(i + 2).pos == "VERB" && p.tok(i + 2).dep != "fixed";
            let dated = |u: usize| {
                let h = p.head(if clause { i + 2 } else { u })?;
                let (a, b) = (h.min(i), h.max(i));
                let crossed = (a..b).any(|k| matches!(p.tok(k).text.as_str(), ":" | "«" | "»" | "\"" | "“" | "”"));
                (p.tok(h).pos == "VERB" && !crossed).then_some(h)
            };
            if let Some(u) = unit.filter(|&u| u > i + 3 && (i + 3..u).all(amount)) {
                if let Some(h) = dated(u) {
                    span = Some(i..u + 1);
                    if clause {
                        anchor = Some(h);
                    }
                }
            }
        } else if w == "peu"
            && i + 3 < n
            && matches!(lower(p, i + 1).as_str(), "après" | "avant")
            && (is_clock(&lower(p, i + 2))
                || (is_hour(&lower(p, i + 2)) && matches!(lower(p, i + 3).as_str(), "heures" | "heure" | "h")))
        {
            // "peu après 4 heures", "peu avant 17h00": a point in time, near
            // a clock time ("avant lundi" alone is a deadline).
            let e = if is_clock(&lower(p, i + 2)) { i + 3 } else { i + 4 };
            let minutes = e < n && !is_clock(&lower(p, i + 2)) && is_minute(&lower(p, e));
            span = Some(i..if minutes { e + 1 } else { e });
        } else if DEICTIC.contains(&w.as_str()) {
            span = Some(i..i + 1);
        } else if (w == "ce" || w == "cette")
            && i + 1 < n
            && matches!(
                lower(p, i + 1).as_str(),
                "soir" | "matin" | "semaine" | "nuit" | "mois" | "année"
            )
        {
            span = Some(i..i + 2);
        }
        match span {
            Some(r) => {
                let anchor = anchor.unwrap_or_else(|| {
                    r.clone()
                        .find(|&t| p.tok(t).pos != "ADP" && p.tok(t).pos != "DET")
                        .unwrap_or(r.start)
                });
                i = r.end;
                out.push(TimeExpr { tokens: r, anchor });
            }
            None => i += 1,
        }
    }
    out
}

/// The clause a token belongs to: the nearest verb above it, followed up
/// through infinitive complements.
pub(crate) fn clause_of(p: &Para, mut t: usize) -> usize {
    for _ in 0..p.len() {
        let tok = p.tok(t);
        let is_clause = tok.pos == "VERB" || p.kids(t, "cop").next().is_some();
        if is_clause {
            return super::svo::chain_top(p, t);
        }
        match p.head(t) {
            Some(h) => t = h,
            None => return t,
        }
    }
    t
}

/// Adds the clause's time expressions to a draft whose verb is `v`, and
/// those of an infinitive clause on that verb that gave no draft of its
/// own (`with_rows` holds the verbs that did): "sont parvenus à un accord
/// pour s'unir lundi" dates the agreement.
pub(crate) fn attach(ctx: &Ctx, p: &Para, times: &[TimeExpr], with_rows: &HashSet<usize>, v: usize, d: &mut Draft) {
    let clause = super::svo::chain_top(p, v);
    let rowless_infinitive = |c: usize| {
        c != clause
            && !with_rows.contains(&c)
            && p.tok(c).dep == "advcl"
            && p.head(c) == Some(clause)
            && p.morph_has(c, "VerbForm=Inf")
            && p.kids(c, "mark").next().is_some()
    };
    // "a appelé lundi les manifestants à venir": the call's date is not
    // the coming's; an infinitive whose object controls it keeps its own.
    let mut inner = None;
    let mut x = v;
    for _ in 0..p.len() {
        if super::svo::controlled_object(ctx, p, x).is_some() {
            inner = Some(p.subtree(x));
            break;
        }
        match p.head(x) {
            Some(h) if p.tok(x).dep == "xcomp" => x = h,
            _ => break,
        }
    }
    let has_own_time = times.iter().any(|t| clause_of(p, t.anchor) == clause);
    for t in times {
        let own = clause_of(p, t.anchor);
        let shared = !has_own_time && opens_coordination(ctx, p, t, own, clause);
        if (own != clause && !rowless_infinitive(own) && !shared) || is_bound(ctx, p, t) {
            continue;
        }
        if inner.as_ref().is_some_and(|own| !own.contains(&t.anchor)) {
            continue;
        }
        let tokens: Vec<usize> = t.tokens.clone().collect();
        let text = ctx.render(p, &tokens);
        let value = Object::Literal(Literal {
            text,
            kind: LiteralKind::Time,
        });
        if !d.arguments.iter().any(|(k, o)| k == "time" && *o == value) {
            d.arguments.push(("time".to_string(), value));
        }
    }
}

/// Whether the time `t` opens the sentence of clause `own` (written before
/// its verb and its subject, "Le 3 mai, la mission a échoué et l'équipe
/// est rentrée" or "…, l'essai s'est révélé concluant : le robot a
/// creusé …") and `clause` is a main clause coordinated or juxtaposed with
/// `own` (`conj` or `parataxis`): such a fronted date frames every clause
/// of the sentence. Not when `own` says or reports something (the date of
/// a report is not the date of what it reports), nor across a quotation.
fn opens_coordination(ctx: &Ctx, p: &Para, t: &TimeExpr, own: usize, clause: usize) -> bool {
    // The clause coordinated with the fronted date's one, or the parse
    // hung the date's clause on the clause after a colon ("Le 3 mai,
    // l'essai s'est révélé concluant : le robot a creusé …").
    let coordinated = p.head(clause) == Some(own) && matches!(p.tok(clause).dep.as_str(), "conj" | "parataxis");
    let before_colon = p.head(own) == Some(clause)
        && matches!(p.tok(own).dep.as_str(), "advcl" | "parataxis")
        && own < clause
        && (own..clause).any(|k| p.tok(k).text == ":");
    if own == clause
        || !(coordinated || before_colon)
        || p.tok(own).pos != "VERB"
        || (super::reported::is_speech_verb(ctx, p, own) && !has_attribute(p, own))
    {
        return false;
    }
    let first_word = p.sentence_range(own).start;
    let before_subject = p.children[own]
        .iter()
        .filter(|&&c| p.tok(c).dep.starts_with("nsubj"))
        .all(|&c| p.subtree(c).iter().all(|&k| k > t.tokens.end));
    // Only commas, determiners or prepositions before the date.
    let fronted = (first_word..t.tokens.start).all(|k| matches!(p.tok(k).pos.as_str(), "PUNCT" | "DET" | "ADP"))
        && t.tokens.end <= own
        && before_subject;
    let quoted =
        (own.min(clause)..own.max(clause)).any(|k| matches!(p.tok(k).text.as_str(), "«" | "»" | "\"" | "“" | "”"));
    fronted && !quoted && p.tok(clause).pos == "VERB"
}

/// "s'est révélée concluante": a verb with an adjective attribute (xcomp)
/// says what a thing turned out to be, not what someone said.
fn has_attribute(p: &Para, v: usize) -> bool {
    p.kids(v, "xcomp").any(|c| p.tok(c).pos == "ADJ")
}

/// Whether a time expression is a bound or deadline of its clause's act,
/// not the act's date: written after a bounding preposition of the `bound`
/// class ("jusqu'au 5 mars", "d'ici le 5 mars", "avant lundi"), or the
/// complement of a deadline noun ("la date limite au 5 mars", "un délai
/// au 5 mars"): the noun heading it, or the object of the verb it hangs on
/// when "à" or "pour" introduces it ("jeudi, il a fixé un délai" keeps
/// jeudi).
pub(crate) fn is_bound(ctx: &Ctx, p: &Para, t: &TimeExpr) -> bool {
    use super::lexicon::Class;
    let start = t.tokens.start;
    let words_before = |k: usize| -> Vec<String> {
        let one = lower(p, k);
        let mut out = vec![one.clone()];
        if k > 0 {
            out.push(format!("{}{one}", lower(p, k - 1)));
        }
        out
    };
    // The word (or two joined words) before the expression, and before
    // an article the expression left out ("avant le lundi").
    let mut candidates = Vec::new();
    if start > 0 {
        candidates.extend(words_before(start - 1));
    }
    if start > 1 && matches!(lower(p, start - 1).as_str(), "le" | "la" | "l'") {
        candidates.extend(words_before(start - 2));
    }
    if candidates.iter().any(|w| ctx.is(Class::Bound, w)) {
        return true;
    }
    // A deadline noun: the noun the expression completes, or the object
    // of the verb it hangs on, or one of their modifiers ("date limite").
    let deadline = |n: usize| {
        ctx.is(Class::Bound, p.lemma(n))
            || p.children[n].iter().any(|&c| {
                matches!(p.tok(c).dep.as_str(), "amod" | "compound" | "nmod") && ctx.is(Class::Bound, p.lemma(c))
            })
    };
    let Some(h) = p.head(t.anchor) else { return false };
    match p.tok(h).pos.as_str() {
        "NOUN" => deadline(h),
        // "fixer le délai au 5 mars", not "jeudi, il a fixé un délai".
        "VERB" => {
            let introduced = start > 0 && matches!(lower(p, start - 1).as_str(), "au" | "à" | "pour");
            introduced && p.kids(h, "obj").any(deadline)
        }
        _ => false,
    }
}

/// Gives every fact that has time words of its own (a `time` argument) the
/// normalised value of the time expression those words are, as
/// `timeValue` (a TIMEX3 value the store types as `xsd:date`,
/// `xsd:gYearMonth`, `xsd:gYear` or `xsd:dateTime` where it can), with
/// `timeBegin` and `timeEnd` (the first and last day it covers, when that
/// is known), and `timeMod` when the words say which part of it or how
/// exact («fin 2017»: END; the bounds stay the whole period's). The expression must sit in the fact's sentence and share its
/// words; a fact without time words gets nothing.
pub fn add_values(facts: &mut [Fact], timexes: &[TimeExpression]) {
    for fact in facts.iter_mut() {
        let words: Vec<String> = fact
            .arguments
            .iter()
            .filter_map(|(name, value)| match value {
                Object::Literal(Literal {
                    text,
                    kind: LiteralKind::Time,
                }) if name == "time" => Some(fold(text)),
                _ => None,
            })
            .collect();
        for text in words {
            let best = timexes
                .iter()
                .filter(|t| t.sentence == fact.sentence)
                .filter(|t| {
                    let expression = fold(&t.text);
                    !expression.is_empty() && (text.contains(&expression) || expression.contains(&text))
                })
                .max_by_key(|t| t.text.chars().count());
            let Some(t) = best else { continue };
            let mut add = |name: &str, value: String| {
                let value = Object::Literal(Literal {
                    text: value,
                    kind: LiteralKind::Timex,
                });
                if !fact.arguments.iter().any(|(k, v)| k == name && *v == value) {
                    fact.arguments.push((name.to_string(), value));
                }
            };
            add("timeValue", t.value.clone());
            if let Some(modifier) = &t.modifier {
                add("timeMod", modifier.clone());
            }
            if let Some((begin, end)) = timex::bounds(&t.value) {
                add("timeBegin", begin.to_string());
                add("timeEnd", end.to_string());
            }
        }
    }
}

/// Drops facts whose object is a piece of a date or time expression of
/// their sentence («Le chantier a commencé début mars» gave *chantier
/// relatedTo début* and *chantier relatedTo mars*; «s'est arrêté fin 2017»
/// gave *chantier stops fin 2017*): the words are the act's time, found as
/// a time expression, not what the act is about. Durations and sets stay
/// possible objects («il a purgé trois ans»).
pub fn drop_time_objects(facts: &mut Vec<Fact>, concepts: &[Concept], timexes: &[TimeExpression]) {
    facts.retain(|fact| {
        // An act's date is meant to be a time expression.
        if fact.predicate == super::circumstances::DATE {
            return true;
        }
        let text = match &fact.object {
            Object::Literal(Literal { text, kind }) if !matches!(kind, LiteralKind::Quote) => fold(text),
            Object::Concept(c) => match concepts.get(*c) {
                Some(concept) => fold(&concept.label),
                None => return true,
            },
            _ => return true,
        };
        let words: Vec<&str> = text.split(' ').collect();
        !timexes.iter().any(|t| {
            let expression = fold(&t.text);
            let expression_words: Vec<&str> = expression.split(' ').collect();
            t.sentence == fact.sentence
                && matches!(t.kind.as_str(), "DATE" | "TIME")
                && !text.is_empty()
                && (expression == text || expression_words.windows(words.len()).any(|w| w == words.as_slice()))
        })
    });
}

fn fold(text: &str) -> String {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
