//! Reported speech: quotations and speech verbs.
//!
//! Owns: finding quoted spans (« », " ", and the « that some texts use to
//! close), the speaker of each quote (the subject of the speech verb next to
//! it, or the person named right after that verb whatever the parser's label),
//! speech verbs with a `que` clause, the `states`-style facts they yield, and
//! marking every other fact read inside a quote or a reported clause as
//! reported by its speaker. It does not extract the content facts themselves.

use std::collections::HashSet;
use std::ops::Range;

use crate::facts::{EntityKind, Literal, LiteralKind, Object};

use super::lexicon::Class;
use super::np::MAX_WORDS;
use super::svo::{chain, grammatical_subjects, predicate};
use super::{Ctx, Draft, Para};

/// What the speech rules found in a paragraph.
#[derive(Debug, Default)]
pub(crate) struct Speech {
    /// Speech verbs already turned into facts (other rules skip them).
    pub handled: HashSet<usize>,
    /// Token ranges that somebody said, with the speaker when known.
    pub spans: Vec<(Range<usize>, Option<usize>)>,
    pub para: usize,
}

impl Speech {
    /// Flags a draft read inside a quote or reported clause.
    pub fn mark(&self, d: &mut Draft) {
        if d.para != self.para {
            return;
        }
        let anchor = d.verb.or_else(|| d.tokens.first().copied());
        let Some(anchor) = anchor else { return };
        // The innermost span with a known speaker wins, else the innermost.
        let inside = || self.spans.iter().filter(|(r, _)| r.contains(&anchor));
        let span = inside()
            .filter(|(_, s)| s.is_some())
            .min_by_key(|(r, _)| r.end - r.start)
            .or_else(|| inside().min_by_key(|(r, _)| r.end - r.start));
        if let Some((_, speaker)) = span {
            if *speaker == Some(d.subject) {
                // "X said X would ..." stays X's own statement, still reported.
                d.reported = true;
                d.source_entity = *speaker;
                return;
            }
            d.reported = true;
            d.source_entity = *speaker;
            d.confidence *= 0.95;
        }
    }
}

/// Quote spans (inside the marks) of a paragraph.
pub(crate) fn quotes(p: &Para) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..p.len() {
        let text = p.tok(i).text.as_str();
        match (open, text) {
            (None, "«" | "“" | "\"") => open = Some(i),
            (Some(o), "»" | "”" | "\"") => {
                out.push(o + 1..i);
                open = None;
            }
            (Some(o), "«") => {
                // A « that closes: followed by punctuation or a speech verb.
                let next = (i + 1 < p.len()).then(|| p.tok(i + 1));
                let closes = next.is_none_or(|n| n.pos == "PUNCT" || n.pos == "AUX");
                if closes {
                    out.push(o + 1..i);
                    open = None;
                } else {
                    open = Some(i);
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o + 1..p.len());
    }
    out
}

/// Finds quotes, speakers and speech-verb clauses; emits their facts.
pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) -> Speech {
    let mut speech = Speech {
        para: p.index,
        ..Speech::default()
    };
    for q in quotes(p) {
        if q.is_empty() {
            continue;
        }
        let found = speaker_after(ctx, p, q.end).or_else(|| speaker_before(ctx, p, q.start));
        // A quote that follows an attributed one in the same paragraph continues it.
        let previous = speech
            .spans
            .iter()
            .rev()
            .find_map(|(r, s)| (r.end <= q.start).then_some(*s))
            .flatten();
        let speaker = found.map(|(e, _, _)| e).or(previous);
        if let Some((e, verb, token)) = found {
            if let Some(text) = quote_text(ctx, p, q.clone()) {
                let (lemmas, _) = chain(ctx, p, verb);
                let property = predicate(ctx, &lemmas, None).unwrap_or_else(|| "states".to_string());
                let mut d = Draft::new("quote", p.index, e, property, lemmas.join(" "), text);
                d.tokens = vec![q.start, verb, token];
                d.span = vec![q.start, q.end.saturating_sub(1)];
                d.verb = Some(verb);
                add_listener(ctx, p, verb, &mut d);
                out.push(d);
                speech.handled.insert(verb);
            }
        }
        // Scare quotes around a name or phrase are not speech.
        if speaker.is_some() || q.clone().any(|t| p.tok(t).pos == "VERB") {
            speech.spans.push((q, speaker));
        }
    }
    for v in 0..p.len() {
        let tok = p.tok(v);
        if tok.pos != "VERB" || !ctx.is(Class::Speech, &tok.lemma.to_lowercase()) {
            continue;
        }
        let Some(clause) = p.kids(v, "ccomp").next() else {
            continue;
        };
        let subjects = grammatical_subjects(ctx, p, v, 0);
        let speaker = subjects.iter().find_map(|s| match s.object {
            Object::Entity(e) => Some((e, s.factor, s.token)),
            _ => None,
        });
        let range = {
            let sub = p.subtree(clause);
            // What was said, without the conjunction "que" that introduces it.
            let first = if matches!(p.tok(sub[0]).text.to_lowercase().as_str(), "que" | "qu'") {
                sub[0] + 1
            } else {
                sub[0]
            };
            first..sub[sub.len() - 1] + 1
        };
        speech.spans.push((range.clone(), speaker.map(|s| s.0)));
        let Some((e, factor, token)) = speaker else { continue };
        if speech.handled.contains(&v) {
            continue;
        }
        let Some(text) = quote_text(ctx, p, range.clone()) else {
            continue;
        };
        let (lemmas, _) = chain(ctx, p, v);
        let property = predicate(ctx, &lemmas, None).unwrap_or_else(|| "states".to_string());
        let mut d = Draft::new("speech", p.index, e, property, lemmas.join(" "), text);
        d.tokens = vec![token, v, range.start];
        d.span = vec![range.start, range.end.saturating_sub(1)];
        d.verb = Some(v);
        d.confidence *= factor;
        add_listener(ctx, p, v, &mut d);
        super::modality::flag(ctx, p, v, &mut d);
        out.push(d);
        speech.handled.insert(v);
    }
    speech
}

/// "« … », a déclaré Rubio": the speech verb right after a closing quote and
/// the person or organisation named as its speaker.
fn speaker_after(ctx: &Ctx, p: &Para, close: usize) -> Option<(usize, usize, usize)> {
    let mut k = close + 1;
    // A short tail may finish the sentence the quote began ("» du pays, a-t-il ajouté").
    if let Some(comma) = (k..(k + 6).min(p.len())).find(|&i| p.tok(i).text == ",") {
        if (k..comma).all(|i| !matches!(p.tok(i).pos.as_str(), "VERB" | "AUX") && p.tok(i).text != "«") {
            k = comma;
        }
    }
    let mut clitic = None;
    while k < p.len() && k <= close + 10 {
        let t = p.tok(k);
        if t.pos == "PRON" && t.text.starts_with('-') {
            clitic = Some(k);
            k += 1;
            continue;
        }
        if t.pos == "PUNCT" || t.pos == "AUX" || t.lemma == "ne" {
            k += 1;
            continue;
        }
        break;
    }
    if k >= p.len() || p.tok(k).pos != "VERB" || !ctx.is(Class::Speech, &p.tok(k).lemma.to_lowercase()) {
        return None;
    }
    let verb = k;
    if let Some(c) = clitic {
        if let Some((e, _)) = ctx.resolve(p, c).or_else(|| ctx.resolve_pronoun(p, c)) {
            return Some((e, verb, c));
        }
    }
    // Whoever is named right after the verb speaks, whatever its label.
    for j in verb + 1..(verb + 4).min(p.len()) {
        if let Some((e, _)) = ctx.resolve(p, j) {
            if matches!(ctx.kind(e), EntityKind::Person | EntityKind::Organization) {
                return Some((e, verb, j));
            }
        }
        if p.tok(j).pos == "PUNCT" {
            break;
        }
    }
    grammatical_subjects(ctx, p, verb, 0)
        .into_iter()
        .find_map(|s| match s.object {
            Object::Entity(e) => Some((e, verb, s.token)),
            _ => None,
        })
}

/// "Rubio a déclaré : « … »": a speech verb before a colon and the opening mark.
fn speaker_before(ctx: &Ctx, p: &Para, open: usize) -> Option<(usize, usize, usize)> {
    if open < 2 || p.tok(open - 1).text != ":" {
        return None;
    }
    let sentence = p.sentence_range(open.saturating_sub(1));
    let start = sentence.start;
    let mut k = open.saturating_sub(1);
    while k > start && p.tok(k).pos == "PUNCT" {
        k -= 1;
    }
    let verb = (start..=k)
        .rev()
        .take(6)
        .find(|&v| p.tok(v).pos == "VERB" && ctx.is(Class::Speech, &p.tok(v).lemma.to_lowercase()))?;
    if p.kids(verb, "ccomp").next().is_some() {
        return None;
    }
    grammatical_subjects(ctx, p, verb, 0)
        .into_iter()
        .find_map(|s| match s.object {
            Object::Entity(e) => Some((e, verb, s.token)),
            _ => None,
        })
}

/// What was said, as a quote literal of at most [`MAX_WORDS`] words.
fn quote_text(ctx: &Ctx, p: &Para, range: Range<usize>) -> Option<Object> {
    let tokens: Vec<usize> = range
        .filter(|&t| !matches!(p.tok(t).text.as_str(), "«" | "»" | "\"" | "“" | "”"))
        .collect();
    let mut text = ctx.render(p, &tokens);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    if words.len() > MAX_WORDS {
        text = format!("{}…", words[..MAX_WORDS].join(" "));
    }
    Some(Object::Literal(Literal {
        text,
        kind: LiteralKind::Quote,
    }))
}

/// "… a déclaré Rubio aux journalistes": the addressee as a `recipient`.
fn add_listener(ctx: &Ctx, p: &Para, verb: usize, d: &mut Draft) {
    for c in p.children[verb].iter().copied() {
        if !p.tok(c).dep.starts_with("obl") || !matches!(p.prep(c).as_deref(), Some("à")) {
            continue;
        }
        if let Some(v) = ctx.value(p, c, None) {
            d.arguments.push(("recipient".to_string(), v.object));
        }
    }
}
