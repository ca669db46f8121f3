//! Reported speech: quotations, speech verbs and attributions.
//!
//! Owns: finding quoted spans (« », " ", the « that some texts use to close,
//! quotes within quotes, and a quote never closed, which ends with its
//! sentence), the speaker of each quote (the subject of the speech verb next
//! to it, or the person named right after that verb whatever the parser's
//! label), speech verbs with a `que` clause, inverted speech verbs after a
//! comma with no quote marks ("…, indique la police", "…, a-t-il ajouté"),
//! attributions ("selon X", "d'après X"), the `states`-style facts they
//! yield, and marking every other fact read inside a quote, a reported
//! clause or an attributed clause as reported by its source (an entity, or
//! a concept such as "la préfecture"), and negated under a verb of denial
//! ("nie que …"). It does not extract the content
//! facts themselves.

use std::collections::HashSet;
use std::ops::Range;

use crate::facts::{EntityKind, Literal, LiteralKind, Node, Object};

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
    pub spans: Vec<(Range<usize>, Option<Node>)>,
    /// The "que" clauses of denial verbs ("nie que …"): what somebody said
    /// is not so.
    pub denied: Vec<Range<usize>>,
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
        // "X nie que Y a menti": X says Y did not lie ("nie que Y ait
        // jamais menti" too: "jamais" without "ne" is "ever").
        if self.denied.iter().any(|r| r.contains(&anchor)) {
            d.negated = true;
        }
        if let Some((_, speaker)) = span {
            if *speaker == Some(d.subject) {
                // "X said X would ..." stays X's own statement, still reported.
                d.reported = true;
                d.reported_by = *speaker;
                return;
            }
            d.reported = true;
            d.reported_by = *speaker;
            d.confidence *= 0.95;
        }
    }
}

/// Quote spans (inside the marks) of a paragraph.
///
/// A quote opened with « closes at » (or at a « that some texts use to
/// close); one opened with " or “ closes at " or ”. Marks of the other kind
/// inside a quote are a quote within the quote and leave it open
/// (« Le "deal" est mort »). A quote never closed ends with its sentence.
pub(crate) fn quotes(p: &Para) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The opening token and whether it was a guillemet.
    let mut open: Option<(usize, bool)> = None;
    for i in 0..p.len() {
        let text = p.tok(i).text.as_str();
        match (open, text) {
            (None, "«") => open = Some((i, true)),
            (None, "“" | "\"") => open = Some((i, false)),
            (Some((o, true)), "»") => {
                out.push(o + 1..i);
                open = None;
            }
            (Some((o, false)), "”" | "\"") => {
                out.push(o + 1..i);
                open = None;
            }
            (Some((o, true)), "«") => {
                // A « that closes: followed by punctuation or a speech verb.
                let next = (i + 1 < p.len()).then(|| p.tok(i + 1));
                let closes = next.is_none_or(|n| n.pos == "PUNCT" || n.pos == "AUX");
                if closes {
                    out.push(o + 1..i);
                    open = None;
                } else {
                    open = Some((i, true));
                }
            }
            _ => {}
        }
        // A quote never closed ends with its sentence.
        if let Some((o, _)) = open {
            let ends_sentence = i + 1 == p.len() || p.sentence_of[i + 1] != p.sentence_of[i];
            if ends_sentence && p.sentence_of[i] == p.sentence_of[o] && unclosed_in_paragraph(p, o) {
                out.push(o + 1..i + 1);
                open = None;
            }
        }
    }
    if let Some((o, _)) = open {
        out.push(o + 1..p.len());
    }
    out
}

/// Whether the quote opened at `open` has no closing mark anywhere after it
/// in the paragraph (so it ends with its sentence rather than run on).
fn unclosed_in_paragraph(p: &Para, open: usize) -> bool {
    let guillemet = p.tok(open).text == "«";
    !(open + 1..p.len()).any(|k| {
        let t = p.tok(k).text.as_str();
        if guillemet {
            t == "»" || t == "«"
        } else {
            matches!(t, "”" | "\"")
        }
    })
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
                // A verb of another kind before a colon says nothing of how it was said.
                let speaking = ctx.is(Class::Speech, p.lemma(verb));
                let property = predicate(ctx, &lemmas, None)
                    .filter(|_| speaking)
                    .unwrap_or_else(|| "states".to_string());
                let mut d = Draft::new("quote", p.index, e, property, lemmas.join(" "), text);
                d.tokens = vec![q.start, verb, token];
                d.span = vec![q.start, q.end.saturating_sub(1)];
                d.verb = Some(verb);
                d.confidence *= super::confidence::node_factor(e);
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
    let quoted = quotes(p);
    for v in 0..p.len() {
        if !is_speech_verb(ctx, p, v) {
            continue;
        }
        let said = p
            .kids(v, "ccomp")
            .find(|&c| !misattached_relative(p, v, c))
            .or_else(|| quoted_clause(p, v));
        let (range, speaker) = if let Some(clause) = said {
            let speaker = grammatical_subjects(ctx, p, v, 0)
                .iter()
                .find_map(|s| ctx.subject_node(p, s).map(|n| (n, s.factor, s.token)));
            let range = subject_before_quote(p, clause, said_range(p, clause));
            if ctx.is(Class::Denial, p.lemma(v)) {
                speech.denied.push(range.clone());
            }
            (with_quote_after(&quoted, range), speaker)
        } else if let Some((range, speaker)) = inverted(ctx, p, v) {
            // "Les discussions ont été constructives, a-t-il ajouté."
            if speech
                .spans
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            (range, Some(speaker))
        } else {
            continue;
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
        d.confidence *= factor * super::confidence::node_factor(e);
        add_listener(ctx, p, v, &mut d);
        super::modality::flag(ctx, p, v, &mut d);
        out.push(d);
        speech.handled.insert(v);
    }
    attributions(ctx, p, &mut speech, out);
    speech
}

/// "a expliqué que X a « pendant des années déclaré … »": a said clause
/// the parser ends where a quote opens goes on to the quote's end.
fn with_quote_after(quoted: &[Range<usize>], range: Range<usize>) -> Range<usize> {
    // The opening mark is the clause's last token, or the one after it.
    let opens = |q: &&Range<usize>| (q.start == range.end || q.start == range.end + 1) && q.end > q.start;
    match quoted.iter().find(opens) {
        Some(q) => range.start..q.end,
        None => range,
    }
}

/// "justifie son choix du fait que les chaînes « occupent des fréquences
/// … »": a quote that opens inside a clause, after its subject, which the
/// parser left outside the quoted verb's subtree. When the said clause
/// starts right after an opening mark and its verb has no subject of its
/// own, the noun phrase between the nearest "que" before the mark and the
/// mark (no verb, no punctuation, a few words) is its subject: the said
/// range starts after that "que".
fn subject_before_quote(p: &Para, clause: usize, range: Range<usize>) -> Range<usize> {
    let opens = range.start > 1 && matches!(p.tok(range.start - 1).text.as_str(), "«" | "\"" | "“");
    let own_subject = p
        .kids(clause, "nsubj")
        .chain(p.kids(clause, "nsubj:pass"))
        .next()
        .is_some();
    if !opens || own_subject {
        return range;
    }
    let sentence = p.sentence_range(clause);
    let mark = range.start - 1;
    for k in (sentence.start..mark).rev().take(MAX_WORDS.min(10)) {
        let t = p.tok(k);
        let w = t.text.to_lowercase().replace('\u{2019}', "'");
        if w == "que" || w == "qu'" {
            return if k + 1 < mark { k + 1..range.end } else { range };
        }
        if matches!(t.pos.as_str(), "VERB" | "AUX" | "PUNCT" | "SCONJ") {
            break;
        }
    }
    range
}

/// A clause the parser hung on the speech verb with another label, right
/// after an opening quote mark ("a déclaré « nous ne céderons pas …").
fn quoted_clause(p: &Para, v: usize) -> Option<usize> {
    p.children[v].iter().copied().find(|&c| {
        let first = p.subtree(c)[0];
        matches!(p.tok(c).dep.as_str(), "advcl" | "parataxis" | "xcomp")
            && p.tok(c).pos == "VERB"
            && first > 0
            && matches!(p.tok(first - 1).text.as_str(), "«" | "\"" | "“" | ":")
            && first > v
    })
}

/// "X a déploré le manque de sérieux des Y, qui ne se sont pas rendus à
/// la réunion": a relative clause on the verb's object noun that the
/// parser hung on the verb as its `ccomp`. Its subject is a relative
/// pronoun and the verb has a noun object before it: nothing said, the
/// verb's act is on its object.
fn misattached_relative(p: &Para, v: usize, clause: usize) -> bool {
    let relative = p
        .kids(clause, "nsubj")
        .chain(p.kids(clause, "nsubj:pass"))
        .any(|s| p.morph_has(s, "PronType=Rel"));
    let object = p
        .kids(v, "obj")
        .any(|o| o < clause && matches!(p.tok(o).pos.as_str(), "NOUN" | "PROPN"));
    relative && object
}

/// A speech verb: its lemma in the `speech` class, or its written form
/// when the lemmatiser left it unchanged ("indique").
pub(crate) fn is_speech_verb(ctx: &Ctx, p: &Para, v: usize) -> bool {
    let tok = p.tok(v);
    tok.pos == "VERB" && (ctx.is(Class::Speech, &tok.lemma.to_lowercase()) || speech_form(ctx, &tok.text))
}

/// A present-tense third-person form of a speech verb ("indique" → indiquer).
fn speech_form(ctx: &Ctx, text: &str) -> bool {
    let w = text.to_lowercase();
    w.strip_suffix('e')
        .is_some_and(|stem| ctx.is(Class::Speech, &format!("{stem}er")))
}

/// What a `ccomp` clause says, without the conjunction "que" that introduces it.
fn said_range(p: &Para, clause: usize) -> Range<usize> {
    let sub = p.subtree(clause);
    let first = if matches!(p.tok(sub[0]).text.to_lowercase().as_str(), "que" | "qu'") {
        sub[0] + 1
    } else {
        sub[0]
    };
    first..sub[sub.len() - 1] + 1
}

/// An inverted speech verb after a comma, with no quote marks: "…, indique
/// la police", "…, a-t-il ajouté". Returns what was said (the sentence up to
/// the comma) and the speaker (written after the verb, or the clitic pronoun
/// resolved to its person).
fn inverted(ctx: &Ctx, p: &Para, v: usize) -> Option<(Range<usize>, (Node, f32, usize))> {
    // A present participle ("…, dénonçant la fermeture") is a clause of the
    // subject's, never an inverted verb with its speaker after it.
    if p.morph_has(v, "VerbForm=Part") && p.morph_has(v, "Tense=Pres") {
        return None;
    }
    let sentence = p.sentence_range(v);
    // Back over auxiliaries and clitics to the comma.
    let mut k = v;
    while k > sentence.start {
        k -= 1;
        let t = p.tok(k);
        if t.pos == "AUX" || (t.pos == "PRON" && t.text.starts_with('-')) {
            continue;
        }
        break;
    }
    if k <= sentence.start + 2 || p.tok(k).text != "," {
        return None;
    }
    // The said part: from the sentence start, or from just after an earlier
    // comma that closes an opening attribution ("Selon X, …" stays outside).
    let range = sentence.start..k;
    if range
        .clone()
        .any(|t| matches!(p.tok(t).text.as_str(), "«" | "»" | "\"" | "“" | "”"))
    {
        return None;
    }
    if !range.clone().any(|t| matches!(p.tok(t).pos.as_str(), "VERB" | "AUX")) {
        return None;
    }
    let speaker = inverted_speaker(ctx, p, v, k)?;
    Some((range, speaker))
}

/// Who speaks after an inverted speech verb: a clitic "-t-il"/"-elle"
/// resolved to its person, or the subject written after the verb.
fn inverted_speaker(ctx: &Ctx, p: &Para, v: usize, comma: usize) -> Option<(Node, f32, usize)> {
    for c in comma + 1..v {
        if p.tok(c).pos == "PRON" && p.tok(c).text.starts_with('-') {
            let (e, f) = ctx.resolve(p, c).or_else(|| ctx.resolve_pronoun(p, c))?;
            return Some((Node::Entity(e), f, c));
        }
    }
    let after = |s: &&super::np::Value| s.token > v;
    let subjects = grammatical_subjects(ctx, p, v, 0);
    if let Some(s) = subjects.iter().find(after) {
        return ctx.subject_node(p, s).map(|n| (n, s.factor, s.token));
    }
    // The inverted subject is often labelled as an object ("indique la préfecture").
    for o in p.kids(v, "obj").filter(|&o| o > v).collect::<Vec<_>>() {
        if let Some(s) = ctx.value(p, o, None) {
            if let Some(n) = ctx.subject_node(p, &s) {
                return Some((n, s.factor * 0.9, o));
            }
        }
    }
    // Whoever is named right after the verb, whatever the parser's label.
    let sentence_end = p.sentence_range(v).end;
    for j in v + 1..(v + 4).min(sentence_end) {
        if let Some((e, f)) = ctx.resolve(p, j) {
            if matches!(ctx.kind(e), EntityKind::Person | EntityKind::Organization) {
                return Some((Node::Entity(e), f, j));
            }
        }
        if p.tok(j).pos == "PUNCT" {
            break;
        }
    }
    None
}

/// "Selon Europol, …", "d'après la préfecture, …", "…, selon X": every fact
/// of the clause that carries the attribution is reported by its source.
fn attributions(ctx: &Ctx, p: &Para, speech: &mut Speech, out: &mut Vec<Draft>) {
    for c in 0..p.len() {
        if !is_attribution(ctx, p, c) {
            continue;
        }
        let Some(head) = p.head(c) else { continue };
        let Some(source) = ctx.value(p, c, None) else { continue };
        let Some(node) = ctx.subject_node(p, &source) else {
            continue;
        };
        // The clause the adjunct hangs on; a noun head stands for its clause.
        let mut clause = super::time::clause_of(p, head);
        // The attribution covers every coordinated clause ("selon X, A a … et
        // reprendra …"): start from the first conjunct.
        for _ in 0..p.len() {
            match p.head(clause) {
                Some(h) if p.tok(clause).dep == "conj" => clause = h,
                _ => break,
            }
        }
        let mut sub = p.subtree(clause);
        let own = p.subtree(c);
        sub.retain(|t| !own.contains(t));
        // "Vers 6h10, selon un sondage, la cote est à 27 %": an adjunct
        // written before the attribution frames the clause and is no part
        // of what the source says, nor the commas that set it off.
        // Only an attribution that opens the clause ("…, selon X" after it
        // keeps everything it follows, negation and all).
        let fronted = c < clause;
        for k in p.children[clause].iter().copied() {
            let adjunct = p.tok(k).dep.starts_with("obl") || p.tok(k).dep == "advmod";
            let before = p.subtree(k);
            if fronted && adjunct && k != c && before.last().is_some_and(|&l| l < c) {
                sub.retain(|t| !before.contains(t));
            }
        }
        while sub.first().is_some_and(|&t| t < c && p.tok(t).pos == "PUNCT") {
            sub.remove(0);
        }
        let (Some(&first), Some(&last)) = (sub.first(), sub.last()) else {
            continue;
        };
        speech.spans.push((first..last + 1, Some(node)));
        // The source states what the clause says ("selon Europol, …").
        let Some(text) = said_text(ctx, p, &sub) else { continue };
        let case = p.kids(c, "case").next().unwrap_or(c);
        let lemma = ctx.render(p, &p.subtree(case)).to_lowercase().replace('\u{2019}', "'");
        let mut d = Draft::new("attribution", p.index, node, "states".to_string(), lemma, text);
        d.tokens = vec![c, clause];
        d.span = vec![first.min(c), last.max(c)];
        d.verb = (p.tok(clause).pos == "VERB").then_some(clause);
        d.confidence *= source.factor * super::confidence::node_factor(node);
        out.push(d);
    }
}

/// Whether token `c` is introduced by an attribution preposition ("selon",
/// "d'après": the `attribution` class of lexicon.tsv) among its `case` children.
pub(crate) fn is_attribution(ctx: &Ctx, p: &Para, c: usize) -> bool {
    if !matches!(p.tok(c).pos.as_str(), "NOUN" | "PROPN") {
        return false;
    }
    // "selon leur mode de réception", "selon la procédure": a manner.
    !ctx.is(Class::Manner, p.lemma(c)) && attribution_case(ctx, p, c)
}

/// Whether one of `c`'s `case` children is an attribution preposition
/// ("selon", "d'après", read as "d'" + fixed "après" or as two case
/// words), whatever `c` is.
pub(crate) fn attribution_case(ctx: &Ctx, p: &Para, c: usize) -> bool {
    for k in p.kids(c, "case").collect::<Vec<_>>() {
        let w = p.tok(k).text.to_lowercase().replace('\u{2019}', "'");
        if ctx.is(Class::Attribution, &w) {
            return true;
        }
        // "d'après" comes as "d'" + fixed "après", or as two case words.
        let joined = |f: usize| format!("{w}{}", p.tok(f).text.to_lowercase());
        if p.kids(k, "fixed").any(|f| ctx.is(Class::Attribution, &joined(f))) {
            return true;
        }
        if k > 0
            && ctx.is(
                Class::Attribution,
                &format!("{}{w}", p.tok(k - 1).text.to_lowercase().replace('\u{2019}', "'")),
            )
        {
            return true;
        }
    }
    false
}

/// "« … », a déclaré Rubio": the speech verb right after a closing quote and
/// the person or organisation named as its speaker.
fn speaker_after(ctx: &Ctx, p: &Para, close: usize) -> Option<(Node, usize, usize)> {
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
    if k >= p.len() || !is_speech_verb(ctx, p, k) {
        return None;
    }
    let verb = k;
    if let Some(c) = clitic {
        if let Some((e, _)) = ctx.resolve(p, c).or_else(|| ctx.resolve_pronoun(p, c)) {
            return Some((Node::Entity(e), verb, c));
        }
    }
    // Whoever is named right after the verb speaks, whatever its label.
    for j in verb + 1..(verb + 4).min(p.len()) {
        if let Some((e, _)) = ctx.resolve(p, j) {
            if matches!(ctx.kind(e), EntityKind::Person | EntityKind::Organization) {
                return Some((Node::Entity(e), verb, j));
            }
        }
        if p.tok(j).pos == "PUNCT" {
            break;
        }
    }
    // The speaker is written after the quote, never inside it; the parser
    // often labels an inverted subject as an object ("», a ajouté la direction").
    let subject = grammatical_subjects(ctx, p, verb, 0)
        .iter()
        .filter(|s| s.token > close)
        .find_map(|s| ctx.subject_node(p, s).map(|n| (n, verb, s.token)));
    subject.or_else(|| {
        let objects: Vec<usize> = p.kids(verb, "obj").filter(|&o| o > verb).collect();
        objects.into_iter().find_map(|o| {
            let value = ctx.value(p, o, None)?;
            ctx.subject_node(p, &value).map(|n| (n, verb, o))
        })
    })
}

/// "Rubio a déclaré : « … »": a speech verb before a colon and the opening mark.
fn speaker_before(ctx: &Ctx, p: &Para, open: usize) -> Option<(Node, usize, usize)> {
    // `open` is the first token inside the quote; before its mark comes a
    // colon, or the speech verb itself ("a déclaré « nous …").
    let before = open.checked_sub(2)?;
    if p.tok(before).text != ":" && p.tok(before).pos != "VERB" {
        return None;
    }
    let sentence = p.sentence_range(before);
    let start = sentence.start;
    let mut k = before;
    while k > start && p.tok(k).pos == "PUNCT" {
        k -= 1;
    }
    let speech = (start..=k)
        .rev()
        .take(6)
        .find(|&v| p.tok(v).pos == "VERB" && ctx.is(Class::Speech, p.lemma(v)));
    let Some(verb) = speech else {
        return colon_clause_speaker(ctx, p, before);
    };
    if p.kids(verb, "ccomp").next().is_some() {
        return None;
    }
    grammatical_subjects(ctx, p, verb, 0)
        .iter()
        .find_map(|s| ctx.subject_node(p, s).map(|n| (n, verb, s.token)))
}

/// "X refuse de céder : « … »", "X a publié un message : « … »": a quote
/// after a colon that ends a clause whose verb says nothing of speech is
/// still what the clause's subject said, when that subject is a named
/// person or organisation. The clause is the sentence's main verb, written
/// before the colon.
fn colon_clause_speaker(ctx: &Ctx, p: &Para, colon: usize) -> Option<(Node, usize, usize)> {
    if p.tok(colon).text != ":" {
        return None;
    }
    let sentence = p.sentence_range(colon);
    let root = sentence
        .clone()
        .find(|&t| p.head(t).is_none_or(|h| !sentence.contains(&h)))?;
    if root >= colon || p.tok(root).pos != "VERB" || p.kids(root, "ccomp").next().is_some() {
        return None;
    }
    grammatical_subjects(ctx, p, root, 0)
        .iter()
        .find_map(|s| match s.object {
            Object::Entity(e) if matches!(ctx.kind(e), EntityKind::Person | EntityKind::Organization) => {
                Some((Node::Entity(e), root, s.token))
            }
            _ => None,
        })
}

/// What was said, as a quote literal of at most [`MAX_WORDS`] words.
fn quote_text(ctx: &Ctx, p: &Para, range: Range<usize>) -> Option<Object> {
    let tokens: Vec<usize> = range.collect();
    said_text(ctx, p, &tokens)
}

/// What was said, from its tokens (quote marks and edge punctuation left
/// out), as a quote literal of at most [`MAX_WORDS`] words.
fn said_text(ctx: &Ctx, p: &Para, tokens: &[usize]) -> Option<Object> {
    let mut tokens: Vec<usize> = tokens
        .iter()
        .copied()
        .filter(|&t| !matches!(p.tok(t).text.as_str(), "«" | "»" | "\"" | "“" | "”"))
        .collect();
    while tokens.first().is_some_and(|&t| p.tok(t).pos == "PUNCT") {
        tokens.remove(0);
    }
    while tokens.last().is_some_and(|&t| p.tok(t).pos == "PUNCT") {
        tokens.pop();
    }
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
