//! Parse repairs: corrections of what the French models get wrong for a
//! known reason, made on a copy of a paragraph's parse before extraction
//! reads it.
//!
//! Owns the one way a repair is applied ([`repaired`]) and the repairs
//! themselves, one file each: [`noun_homograph`] (a noun after a
//! determiner tagged as the function word it is spelled like: "un car de
//! voyage" read as the conjunction "car"), [`leading_name`] (a place name cut off as if
//! it were a dateline: `Paris` | `, Berlin et Varsovie ont signé…`),
//! [`fronted_adverbial`] (a place or time adjunct cut off before its
//! clause: `À Lille` | `, des ouvriers ont bloqué l'usine`),
//! [`compounds`] (hyphenated compounds the parser split: `start`, `-`,
//! `up`), [`coordination`] (a second clause's subject read as a
//! coordinated object, a list's last item hung on the head noun, the
//! object of a participle sharing the auxiliary read as its subject),
//! [`stray_object`] (a verb's object hung as `amod` inside the adjuncts
//! before it), [`second_subject`] (a verb's object after it labelled as a
//! second subject: "des manifestants ont interrompu le conseil"),
//! [`finite_clause`] (a finite verb hung as a clause on the noun before it:
//! "près du pont, des ouvriers réparent la route"), [`incise`] (an adjunct
//! between auxiliary and participle read as the clause's head: "X a, à
//! son tour, menacé"), [`inside_word`] (a sentence the parser starts inside a word:
//! `Royaume`, `-`, `Uni`), [`cut_subject`] (a subject cut off into a
//! sentence of its own: `William Luckey` | `est décédé …`), [`comma_clause`]
//! (a subject with its adjuncts and appositions cut off before a verb
//! after a comma: `Vers 8h00, Paul Roux, juriste` | `, affirme que …`), [`trailing_name`]
//! (a name cut off after the phrase it is apposed to: `le candidat du
//! centre` | `Paul Roux` | `, du Parti radical`), [`fronted_subject`] (a
//! subject hung inside the adjunct opening its clause: "Dans les
//! Yvelines, un centre a été évacué", "Vers 8h35, X, leader du syndicat,
//! a appelé"; or given to a participle incise before its verb: "Le
//! couturier X, né en 1927, est décédé") and [`owned_name`] (a name after a title in
//! another subject's complement read as a second subject: "le frère de la
//! chanteuse X a …") and [`rubric`] (a headline's rubric read as the subject of
//! the clause after its colon: "Espace : la sonde X est tombée") and
//! [`verb_lemma`] (a verb the lemmatiser left as written: "fixe" for "fixer"),
//! [`tweet_verb`] (the unknown verb "tweeter" read as a name: "X a twitté
//! que …") and
//! [`stray_agent`] (a passive's "par" phrase hung on the locution before
//! it: "initiée à son encontre par X", or read as a plain adjunct:
//! "brisées par des casseurs") and [`reflexive_subject`] (the subject
//! pronoun of a reflexive verb read as an impersonal "il": "il s'était
//! blessé") and [`occurrence_idiom`] (the idiom "avoir lieu" read as a
//! preposition: "Elle a lieu une semaine après X" with no verb; an object
//! with a preposition of its own) and [`dead_participle`] ("mort" after
//! "être" read as a noun: "Deux pompiers sont morts") and [`denial_verb`]
//! (a verb of denial tagged as an adverb or a pronoun before what it
//! denies: "Le maire dément avoir reçu …") and [`time_span`] (a span of
//! time read as part of the event it measures from: "deux jours avant la
//! finale"). The language pipeline
//! stays identical to
//! spaCy's (its parity is tested in `trame-nlp`): only extraction sees the
//! repaired parse. A repair changes heads, relations, parts of speech, lemmas or
//! sentence starts, never a token's text, offset or spacing, nor the
//! entity spans, so every offset into the original text stays valid
//! ([`keeps_offsets`] checks it). It never touches the text, the store or
//! RDF.
//!
//! Repairs come in two stages, applied where extraction has always applied
//! them: [`PARSE`] before anything reads the parse (sentences, entities,
//! time expressions, rules), [`RULES`] before the fact rules only (entity
//! finding reads the pieces of a compound as the model tagged them).

use std::borrow::Cow;

use crate::nlp::Doc;

pub mod apposed_object;
pub mod comma_clause;
pub mod compounds;
pub mod coordination;
pub mod cut_subject;
pub mod dead_participle;
pub mod denial_verb;
pub mod finite_clause;
pub mod fronted_adverbial;
pub mod fronted_subject;
pub mod incise;
pub mod inside_word;
pub mod leading_name;
pub mod noun_homograph;
pub mod occurrence_idiom;
pub mod owned_name;
pub mod reflexive_subject;
pub mod rubric;
pub mod second_subject;
pub mod stray_agent;
pub mod stray_object;
pub mod time_span;
pub mod trailing_name;
pub mod tweet_verb;
pub mod verb_lemma;

/// The tokens hung on `t`, in order (a root is not its own child).
pub(crate) fn children(doc: &Doc, t: usize) -> impl Iterator<Item = usize> + '_ {
    (0..doc.tokens.len()).filter(move |&c| c != t && doc.tokens[c].head == t)
}

/// A repair: corrects one paragraph's parse in place and returns how many
/// places it changed (0 when the parse needed nothing).
pub type Repair = fn(&mut Doc) -> usize;

/// Repairs every reader of the parse sees.
pub const PARSE: &[Repair] = &[
    tweet_verb::repair_tweet_verbs,
    noun_homograph::repair_noun_homographs,
    inside_word::rejoin_inside_word,
    leading_name::rejoin_leading_name,
    fronted_adverbial::rejoin_fronted_adverbial,
    cut_subject::rejoin_cut_subject,
    comma_clause::rejoin_comma_clause,
    trailing_name::rejoin_trailing_name,
    fronted_subject::rehang_fronted_subjects,
    fronted_subject::rehang_participle_subjects,
    apposed_object::rehang_apposed_objects,
    reflexive_subject::relabel_reflexive_subjects,
];

/// Repairs only the fact rules see.
pub const RULES: &[Repair] = &[
    verb_lemma::restore_verb_lemmas,
    compounds::join_compounds,
    owned_name::attach_owned_names,
    coordination::repair_coordination,
    stray_object::reattach_stray_objects,
    stray_agent::rehang_stray_agents,
    stray_agent::relabel_par_adjuncts,
    second_subject::relabel_second_subjects,
    finite_clause::rehang_finite_clauses,
    incise::rehang_incises,
    rubric::rehang_rubric_subjects,
    occurrence_idiom::repair_occurrence_idiom,
    dead_participle::repair_dead_participles,
    denial_verb::repair_denial_verbs,
    time_span::rehang_time_spans,
];

/// Each paragraph's parse with `repairs` applied in order, on a copy; the
/// parse itself where no repair changed anything.
pub fn repaired<'a>(docs: &'a [Doc], repairs: &[Repair]) -> Vec<Cow<'a, Doc>> {
    docs.iter()
        .map(|doc| {
            let mut copy = doc.clone();
            let changed: usize = repairs.iter().map(|repair| repair(&mut copy)).sum();
            if changed == 0 {
                return Cow::Borrowed(doc);
            }
            debug_assert!(keeps_offsets(doc, &copy), "a parse repair moved a token");
            Cow::Owned(copy)
        })
        .collect()
}

/// Each paragraph's parse as the fact rules read it: [`PARSE`] then
/// [`RULES`] applied, in that order, each paragraph on its own. What
/// `trame parse --repaired` prints.
pub fn for_rules(docs: &[Doc]) -> Vec<Doc> {
    let parsed: Vec<Doc> = repaired(docs, PARSE).into_iter().map(Cow::into_owned).collect();
    repaired(&parsed, RULES).into_iter().map(Cow::into_owned).collect()
}

/// The roots of the token range `piece` of a parse: its tokens whose head
/// is themselves or lies outside the range, in order. A piece the model made
/// a sentence of its own has one; a healthy part of a sentence has one too.
pub(crate) fn roots(doc: &Doc, piece: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let within = piece.clone();
    piece.filter(move |&i| doc.tokens[i].head == i || !within.contains(&doc.tokens[i].head))
}

/// Whether the paragraph's text from token `first` on opens with a dateline
/// (what a dateline looks like is [`crate::extract::timex::docdate`]'s to say).
pub(crate) fn starts_dateline(doc: &Doc, first: usize) -> bool {
    let from: String = doc.text.chars().skip(doc.tokens[first].start).collect();
    crate::extract::timex::docdate::dateline_length(&from).is_some()
}

/// The first and last token of the contiguous phrase token `head` heads:
/// the run of tokens around it that all descend from it.
pub(crate) fn phrase_bounds(doc: &Doc, head: usize) -> (usize, usize) {
    let under = |k: usize| crate::extract::entities::spans::descends_from(doc, k, head);
    let mut first = head;
    while first > 0 && under(first - 1) {
        first -= 1;
    }
    let mut last = head;
    while last + 1 < doc.tokens.len() && under(last + 1) {
        last += 1;
    }
    (first, last)
}

/// Whether token `i` is a dash: "–", "—", or a "-" with a space on either
/// side or standing first in its piece (`first`). A hyphen inside a word
/// ("Royaume-Uni") is part of it; a dash ends a headline or sets off a
/// name of its own ("X - Y").
pub(crate) fn is_dash(doc: &Doc, i: usize, first: usize) -> bool {
    let t = &doc.tokens[i];
    matches!(t.text.as_str(), "–" | "—")
        || (t.text == "-" && (t.space_after || i == first || doc.tokens[i - 1].space_after))
}

/// Whether verb `v` has a passive auxiliary among its dependents
/// (`aux:pass`, UD's "été" of "a été vu"). The one home of the check the
/// repairs share; `stray_agent` also accepts a bare `Voice=Pass` participle.
pub(crate) fn has_passive_aux(doc: &Doc, v: usize) -> bool {
    doc.tokens.iter().any(|t| t.head == v && t.dep == "aux:pass")
}

/// Whether subject and verb agree in number, when both say it. A
/// coordinated subject ("X et Y ont …") counts as plural; the clause's
/// number is its finite auxiliary's (or copula's), else the verb's own.
pub(crate) fn agrees_in_number(doc: &Doc, subject: usize, verb: usize) -> bool {
    let tokens = &doc.tokens;
    let number = |i: usize| tokens[i].morph.split('|').find_map(|f| f.strip_prefix("Number="));
    let coordinated = tokens.iter().any(|t| t.head == subject && t.dep == "conj");
    let subject_number = if coordinated { Some("Plur") } else { number(subject) };
    let finite = tokens
        .iter()
        .enumerate()
        .find(|(_, t)| {
            t.head == verb && (t.dep == "cop" || t.dep.starts_with("aux")) && t.morph.contains("VerbForm=Fin")
        })
        .map_or(verb, |(i, _)| i);
    match (subject_number, number(finite)) {
        (Some(s), Some(v)) => s == v,
        _ => true,
    }
}

/// Whether `after` has the text, tokens (text, offset, spacing) and entity
/// spans of `before`: what a repair must never change.
pub fn keeps_offsets(before: &Doc, after: &Doc) -> bool {
    before.text == after.text
        && before.entities == after.entities
        && before.tokens.len() == after.tokens.len()
        && before.tokens.iter().zip(&after.tokens).all(|(a, b)| {
            a.text == b.text
                && a.start == b.start
                && a.space_after == b.space_after
                && a.is_space == b.is_space
                && a.ent_iob == b.ent_iob
                && a.ent_type == b.ent_type
        })
}

#[cfg(test)]
pub(crate) mod test_doc {
    //! Parses written by hand for the repairs' tests.

    use crate::nlp::{Doc, Token};

    /// A token of a hand-written parse (lemma: the lower-cased text).
    pub fn token(text: &str, start: usize, pos: &str, head: usize, dep: &str, sent_start: bool) -> Token {
        Token {
            text: text.into(),
            start,
            space_after: true,
            is_space: false,
            lemma: text.to_lowercase(),
            pos: pos.into(),
            tag: pos.into(),
            morph: String::new(),
            head,
            dep: dep.into(),
            sent_start,
            ent_iob: Default::default(),
            ent_type: String::new(),
        }
    }

    /// A parse of `text` from its tokens.
    pub fn doc(text: &str, tokens: Vec<Token>) -> Doc {
        Doc {
            text: text.into(),
            tokens,
            entities: vec![],
        }
    }

    /// «Paris» | «, Berlin et Varsovie ont signé un accord.» as the model splits it.
    pub fn split_list() -> Doc {
        doc(
            "Paris, Berlin et Varsovie ont signé un accord.",
            vec![
                token("Paris", 0, "PROPN", 0, "ROOT", true),
                token(",", 5, "PUNCT", 2, "punct", true),
                token("Berlin", 7, "PROPN", 6, "nsubj", false),
                token("et", 14, "CCONJ", 4, "cc", false),
                token("Varsovie", 17, "PROPN", 2, "conj", false),
                token("ont", 26, "AUX", 6, "aux:tense", false),
                token("signé", 30, "VERB", 6, "ROOT", false),
                token("un", 36, "DET", 8, "det", false),
                token("accord", 39, "NOUN", 6, "obj", false),
                token(".", 45, "PUNCT", 6, "punct", false),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::test_doc::split_list;
    use super::*;

    #[test]
    fn a_repaired_parse_is_a_copy_with_the_same_offsets() {
        let docs = vec![split_list()];
        let out = repaired(&docs, PARSE);
        assert!(matches!(out[0], Cow::Owned(_)));
        assert_ne!(*out[0], docs[0]);
        assert!(keeps_offsets(&docs[0], &out[0]));
        assert_eq!(out[0].sentences(), vec![0..10]);
        // The original is untouched.
        assert_eq!(docs[0], split_list());
    }

    #[test]
    fn the_rules_parse_joins_what_the_model_cut() {
        let docs = vec![split_list()];
        let out = for_rules(&docs);
        assert_eq!(out[0].sentences(), vec![0..10]);
        assert_eq!((out[0].tokens[0].head, out[0].tokens[0].dep.as_str()), (6, "nsubj"));
        assert_eq!(docs[0], split_list(), "the models' parse is untouched");
    }

    #[test]
    fn a_parse_no_repair_changes_is_borrowed() {
        let mut plain = split_list();
        plain.tokens[1].sent_start = false;
        plain.tokens[0].head = 6;
        let docs = vec![plain];
        let out = repaired(&docs, &[PARSE, RULES].concat());
        assert!(matches!(out[0], Cow::Borrowed(_)));
    }

    #[test]
    fn moving_a_token_breaks_the_offsets() {
        let before = split_list();
        let mut after = before.clone();
        after.tokens[2].start += 1;
        assert!(!keeps_offsets(&before, &after));
        let mut after = before.clone();
        after.tokens[2].head = 0;
        assert!(keeps_offsets(&before, &after));
    }
}
