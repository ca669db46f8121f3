//! Candidate name spans in one paragraph: the NER spans cleaned by part of
//! speech, titles split off as roles, and proper-noun runs the NER missed.
//!
//! Works on token indices of a single [`Doc`]; knows nothing of merging,
//! typing by tables beyond titles, or offsets in the original text.

use super::coref::is_article;
use super::tables::tables;
use crate::extract::repair::inside_word::{cuts_name, name_breaks_before};
use crate::facts::EntityKind;
use crate::names::fold;
use crate::nlp::{Doc, EntIob, EntitySpan};
use std::ops::Range;

/// A place in a paragraph that may name an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Token range of the name, cleaned.
    pub tokens: Range<usize>,
    /// The NER label, when the span came from the NER.
    pub label: Option<EntityKind>,
    /// A title or honorific stands before the name: it is a person.
    pub person: bool,
    /// Token range of the title phrase ("ministre de la Défense").
    pub role: Option<Range<usize>>,
    /// Gender read from the title or honorific, when it says one.
    pub feminine: Option<bool>,
}

/// Candidates of one paragraph, in text order, non-overlapping.
pub fn candidates(doc: &Doc) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut covered = vec![false; doc.tokens.len()];
    for (span, end) in ner_spans(doc) {
        if span.start >= end {
            continue;
        }
        for c in covered.iter_mut().take(end).skip(span.start) {
            *c = true;
        }
        if let Some(mut c) = clean_ner_span(doc, span.start..end, EntityKind::from_code(&span.label)) {
            institution_of_field(doc, &mut c, &covered);
            out.push(c);
        }
    }
    let places = known_places(doc, &mut covered);
    for run in places
        .into_iter()
        .chain(propn_runs(doc, &covered))
        .chain(noun_groups(doc, &covered))
    {
        let mut c = Candidate {
            tokens: run,
            label: None,
            person: false,
            role: None,
            feminine: None,
        };
        attach_role(doc, &mut c);
        out.push(c);
    }
    out.sort_by_key(|c| c.tokens.start);
    share_plural_title(doc, &mut out);
    out
}

/// The NER spans with their ends (within the paragraph), two spans of one
/// label that touch at a sentence start cutting a name ([`cuts_name`]:
/// `Paul` | `Zorblax, le maire, …`) read as one.
fn ner_spans(doc: &Doc) -> Vec<(&EntitySpan, usize)> {
    let mut out: Vec<(&EntitySpan, usize)> = Vec::new();
    for span in &doc.entities {
        let end = span.end.min(doc.tokens.len());
        if let Some(last) = out.last_mut() {
            if last.1 == span.start && last.0.label == span.label && span.start < end && cuts_name(doc, span.start) {
                last.1 = end;
                continue;
            }
        }
        out.push((span, end));
    }
    out
}

/// "X, ancien footballeur et entraîneur du club, …": a lower-case noun
/// the tables do not list, with a title coordinated to it under the same
/// article (no determiner of its own: "le syndicat et les représentants"
/// are two things), opens a title phrase.
fn with_coordinated_title(doc: &Doc, t: usize) -> bool {
    let x = &doc.tokens[t];
    if x.pos != "NOUN" || starts_upper(&x.text) {
        return false;
    }
    let has_det = |k: usize| doc.tokens.iter().any(|y| y.head == k && y.dep == "det");
    (t + 1..doc.tokens.len().min(t + 12))
        .take_while(|&k| !doc.tokens[k].sent_start)
        .any(|k| doc.tokens[k].head == t && doc.tokens[k].dep == "conj" && is_title_token(doc, k) && !has_det(k))
}

/// Whether the title token `t` may be the role of `c`: a plural title
/// only of a name the NER calls a person.
fn plural_title_fits(doc: &Doc, c: &Candidate, t: usize) -> bool {
    let plural_name = c.tokens.clone().any(|k| doc.tokens[k].morph.contains("Number=Plur"));
    tables().is_title(&doc.tokens[t].text) || (c.label == Some(EntityKind::Person) && !plural_name)
}

/// "les journalistes A, B et C": a plural title right before a list of
/// names is held by each of them. The first name got the role; the others,
/// people joined to the previous one by a bare comma or "et", share it, up
/// to the name after "et" ("…, B et C, D" ends the list at C).
fn share_plural_title(doc: &Doc, out: &mut [Candidate]) {
    let mut ended = false;
    let mut shared = vec![false; out.len()];
    for i in 1..out.len() {
        let (prev, this) = (&out[i - 1], &out[i]);
        let Some(role) = prev.role.clone() else { continue };
        if !shared[i - 1] {
            ended = false;
        }
        let plural = role.clone().any(|k| is_plural_title(doc, k));
        let between = prev.tokens.end..this.tokens.start;
        let joint = doc
            .tokens
            .get(between.start)
            .filter(|x| between.len() == 1 && !x.sent_start);
        let joined = joint.is_some_and(|x| matches!(x.text.as_str(), "," | "et"));
        let is_person = |c: &Candidate| c.label == Some(EntityKind::Person);
        if plural && joined && !ended && is_person(prev) && is_person(this) && this.role.is_none() {
            ended = joint.is_some_and(|x| x.text == "et");
            let c = &mut out[i];
            c.role = Some(role);
            c.person = true;
            shared[i] = true;
        }
    }
}

/// "le ministère du Transport" with only "Transport" tagged: the field of
/// an office named after a noun that is both an organisation head and a
/// portfolio noun (`org` in name_words.tsv, `portfolio` in lexicon.tsv:
/// "ministère", "secrétariat") names, with that noun, the institution.
/// The candidate grows to start at the noun and is an organisation.
fn institution_of_field(doc: &Doc, c: &mut Candidate, covered: &[bool]) {
    use crate::extract::rules::lexicon::{lexicon, Class};
    if c.person || c.role.is_some() {
        return;
    }
    let head = name_head(doc, &c.tokens);
    let noun = doc.tokens[head].head;
    let Some(n) = doc.tokens.get(noun) else { return };
    if noun >= c.tokens.start
        || noun + 1 == c.tokens.start
        || doc.tokens[head].dep != "nmod"
        || n.pos != "NOUN"
        || n.morph.contains("Number=Plur")
        || covered.get(noun).copied().unwrap_or(true)
        || !tables().org_heads.contains(&fold(&n.lemma))
        || !lexicon().is(Class::Portfolio, &n.lemma.to_lowercase())
    {
        return;
    }
    // Only "de", "du", "des", "d'" and articles between the noun and the name.
    let linking = (noun + 1..c.tokens.start).all(|k| {
        let t = &doc.tokens[k];
        let word = t.text.to_lowercase().replace('\u{2019}', "'");
        t.pos == "DET" || (t.pos == "ADP" && matches!(word.as_str(), "de" | "du" | "des" | "d'"))
    });
    if linking {
        c.tokens = noun..c.tokens.end;
        c.label = Some(EntityKind::Organization);
    }
}

/// A capitalised article inside a sentence belongs to the name ("à La
/// Ciotat", "Le Caire"); at a sentence start the capital says nothing.
fn is_name_article(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.pos == "DET"
        && starts_upper(&t.text)
        && !t.sent_start
        && i > 0
        && !matches!(doc.tokens[i - 1].pos.as_str(), "PUNCT")
}

/// Whether the token is a function word that cannot start or end a name.
fn is_edge_junk(doc: &Doc, i: usize, leading: bool) -> bool {
    let t = &doc.tokens[i];
    let pos = t.pos.as_str();
    let funct = matches!(
        pos,
        "DET" | "ADP" | "PUNCT" | "CCONJ" | "SCONJ" | "PRON" | "SYM" | "SPACE"
    );
    // "c'" comes out as PRON, "qu'" as SCONJ; dashes and quotes as PUNCT.
    if funct {
        return !is_mistagged_word(doc, i);
    }
    let lower = t.text.to_lowercase();
    if matches!(lower.as_str(), "c'" | "qu'" | "–" | "—" | "-" | "«" | "»" | "\"") {
        return true;
    }
    if leading && tables().is_honorific(&t.text) {
        return true;
    }
    // A leading lower-case verb or auxiliary is never part of a name.
    !leading && matches!(pos, "AUX") && !starts_upper(&t.text)
}

/// A capitalised word of three letters or more that the tagger gave a
/// function-word or punctuation tag ("à Yokohama" read as a pronoun,
/// "Le Jeune Karl Marx" with "Jeune" as punctuation): inside a sentence,
/// and not after punctuation, where a capital may open a clause or quote;
/// a tag of punctuation on letters is wrong wherever it stands. Function
/// words are short and written in lower case inside a sentence, so such a
/// word belongs to the name the NER tagged around it.
fn is_mistagged_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || !starts_upper(&t.text) || !t.text.chars().all(|c| c.is_alphabetic() || c == '-') {
        return false;
    }
    if t.pos == "PUNCT" {
        return true;
    }
    !t.sent_start
        && i > 0
        && doc.tokens[i - 1].pos != "PUNCT"
        && !is_article(&t.text)
        && !tables().is_honorific(&t.text)
}

pub(crate) fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a token is a title word in this position (a lower-case noun or
/// adjective, or a capitalised one at the start of a span: "Premier ministre").
fn is_title_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    matches!(t.pos.as_str(), "NOUN" | "ADJ" | "PROPN")
        && (tables().is_title(&t.text) || is_plural_title(doc, i))
        && (!starts_upper(&t.text) || t.pos != "PROPN")
        && !glued_to_hyphen(doc, i)
}

/// "auteur-compositeur" split by the tokenizer: the word is a compound's
/// first part, not the title alone.
fn glued_to_hyphen(doc: &Doc, i: usize) -> bool {
    !doc.tokens[i].space_after && doc.tokens.get(i + 1).is_some_and(|x| x.text.starts_with('-'))
}

/// "les journalistes", "des maires": the plural of a title noun (the
/// tables list singular forms; "les premiers" is no title).
fn is_plural_title(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.pos == "NOUN"
        && t.morph.contains("Number=Plur")
        && t.text
            .strip_suffix('s')
            .or_else(|| t.text.strip_suffix('x'))
            .is_some_and(|w| !w.is_empty() && tables().is_title(w))
}

fn feminine_of(doc: &Doc, i: usize) -> Option<bool> {
    let m = &doc.tokens[i].morph;
    if m.contains("Gender=Fem") {
        Some(true)
    } else if m.contains("Gender=Masc") {
        Some(false)
    } else {
        None
    }
}

/// Cleans one NER span: strips function words at the edges and an
/// honorific, splits a title phrase off as a role. `None` when nothing
/// name-like is left (a bare title such as "Premier ministre").
fn clean_ner_span(doc: &Doc, range: Range<usize>, label: Option<EntityKind>) -> Option<Candidate> {
    let (mut s, mut e) = (range.start, range.end);
    let mut person = false;
    let mut feminine = None;
    while s < e && is_edge_junk(doc, s, true) && !is_name_article(doc, s) {
        if tables().is_honorific(&doc.tokens[s].text) {
            person = true;
            feminine = honorific_gender(&doc.tokens[s].text);
        }
        s += 1;
    }
    while e > s && is_edge_junk(doc, e - 1, false) {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    // "4 Gilets jaunes": a count before a name is not part of it.
    if e > s + 1 && doc.tokens[s].pos == "NUM" && starts_upper(&doc.tokens[s + 1].text) {
        s += 1;
    }
    // "attentat de Strasbourg", "victimes de Strasbourg": a lower-case
    // common noun heading the span is a description; the name is after it.
    if let Some(tail) = described_name(doc, s, e) {
        let label = label.filter(|&k| k != EntityKind::Person && k != EntityKind::Misc);
        return Some(Candidate {
            tokens: tail..e,
            label,
            person: false,
            role: None,
            feminine: None,
        });
    }
    let mut role = None;
    if let Some(t) = (s..e).find(|&i| is_title_token(doc, i)) {
        // The name is the proper-noun run that ends the span, after the title.
        let mut j = e;
        while j > t + 1 && is_name_token(doc, j - 1) {
            j -= 1;
        }
        if j == e {
            // Only a title ("ministre des Affaires", "Premier ministre").
            if t == s || (t == s + 1 && is_title_token(doc, s)) {
                return None;
            }
        } else if t <= s + 1 && matches!(doc.tokens[j - 1].pos.as_str(), "DET" | "ADP") {
            // "Président de la Colombie": the name is the title's
            // complement, not the title holder; its type is unknown.
            let label = label.filter(|&k| k != EntityKind::Person && k != EntityKind::Misc);
            return Some(Candidate {
                tokens: j..e,
                label,
                person: false,
                role: None,
                feminine: None,
            });
        } else if t <= s + 1 {
            let role_end = trim_back(doc, s, j);
            role = Some(s..role_end);
            feminine = feminine_of(doc, t);
            person = true;
            s = j;
        }
    }
    // "Gilets jaunes", "Rassemblement national": a capitalised common noun
    // the NER kept without its adjective.
    if e < doc.tokens.len() && is_capitalised_noun(doc, e - 1) && is_group_adjective(doc, e, e - 1) {
        e += 1;
    }
    let mut c = Candidate {
        tokens: s..e,
        label,
        person,
        role,
        feminine,
    };
    if c.role.is_none() {
        attach_role(doc, &mut c);
    }
    Some(c)
}

/// Start of the name in "NOUN de NAME" when NOUN is a lower-case common
/// noun that heads no place or organisation name ("rue", "ministère" do).
fn described_name(doc: &Doc, s: usize, e: usize) -> Option<usize> {
    let first = &doc.tokens[s];
    let t = tables();
    let folded = fold(&first.text);
    if first.pos != "NOUN"
        || starts_upper(&first.text)
        || t.is_title(&first.text)
        || t.org_heads.contains(&folded)
        || t.loc_heads.contains(&folded)
    {
        return None;
    }
    let adp = (s + 1..e).find(|&k| doc.tokens[k].pos == "ADP")?;
    if adp != s + 1 {
        return None;
    }
    let name = (adp + 1..e).find(|&k| !matches!(doc.tokens[k].pos.as_str(), "DET" | "ADP"))?;
    (starts_upper(&doc.tokens[name].text)
        && (name..e).all(|k| is_name_token(doc, k) || doc.tokens[k].pos == "ADP" || doc.tokens[k].pos == "DET"))
    .then_some(name)
}

fn honorific_gender(text: &str) -> Option<bool> {
    match text {
        "Mme" | "Mmes" | "Mlle" | "Madame" | "Mademoiselle" | "Mrs" | "Ms" | "Lady" => Some(true),
        "M." | "MM." | "Monsieur" | "Mr" | "Mr." | "Sir" | "Lord" => Some(false),
        _ => None,
    }
}

/// Part of a proper-noun run: a capitalised PROPN, or any token the parser
/// attached as `flat:name` / `flat:foreign`.
fn is_name_token(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    (t.pos == "PROPN" && starts_upper(&t.text))
        || (t.dep.starts_with("flat") && (starts_upper(&t.text) || t.pos == "PROPN"))
}

/// End of `s..e` with trailing punctuation and determiners removed.
fn trim_back(doc: &Doc, s: usize, mut e: usize) -> usize {
    while e > s && matches!(doc.tokens[e - 1].pos.as_str(), "PUNCT" | "DET" | "ADP" | "CCONJ") {
        e -= 1;
    }
    e
}

/// Token sequences outside the NER spans that spell a known place
/// ("Royaume", "-Uni"), longest first; marks them covered.
fn known_places(doc: &Doc, covered: &mut [bool]) -> Vec<Range<usize>> {
    const LONGEST: usize = 5;
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let hit = (1..=LONGEST.min(doc.tokens.len() - i)).rev().find(|&n| {
            let r = i..i + n;
            starts_upper(&doc.tokens[i].text)
                && !covered[r.clone()].iter().any(|&c| c)
                && !(i + 1..i + n).any(|k| name_breaks_before(doc, k))
                && !matches!(doc.tokens[i].pos.as_str(), "VERB" | "AUX" | "DET" | "ADP")
                && tables().places.contains_key(&key_of(doc, &r))
        });
        match hit {
            Some(n) => {
                for c in &mut covered[i..i + n] {
                    *c = true;
                }
                found.push(i..i + n);
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// Runs of capitalised proper nouns outside every NER span.
fn propn_runs(doc: &Doc, covered: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = &doc.tokens[i];
        if !covered[i] && t.pos == "PROPN" && starts_upper(&t.text) && t.text.chars().any(char::is_alphabetic) {
            let start = i;
            while i + 1 < doc.tokens.len()
                && !covered[i + 1]
                && !name_breaks_before(doc, i + 1)
                && is_name_token(doc, i + 1)
            {
                i += 1;
            }
            runs.push(start..i + 1);
        }
        i += 1;
    }
    runs
}

/// A capitalised common noun inside a sentence: French capitalises only
/// names there, so it is part of one.
fn is_capitalised_noun(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.pos == "NOUN"
        && starts_upper(&t.text)
        && t.text.chars().skip(1).all(|c| !c.is_uppercase())
        && !t.sent_start
        && i > 0
        && !matches!(
            doc.tokens[i - 1].text.as_str(),
            "«" | "\"" | ":" | "–" | "—" | "-" | "(" | "." | "!" | "?"
        )
        && !tables().is_title(&t.text)
}

/// A lower-case adjective qualifying token `head`, right after it.
fn is_group_adjective(doc: &Doc, i: usize, head: usize) -> bool {
    let t = &doc.tokens[i];
    t.pos == "ADJ" && t.head == head && !t.sent_start && !tables().is_title(&t.text)
}

/// Capitalised noun + adjective outside the NER ("les Gilets jaunes").
fn noun_groups(doc: &Doc, covered: &[bool]) -> Vec<Range<usize>> {
    (0..doc.tokens.len().saturating_sub(1))
        .filter(|&i| !covered[i] && !covered[i + 1] && is_capitalised_noun(doc, i) && is_group_adjective(doc, i + 1, i))
        .map(|i| i..i + 2)
        .collect()
}

/// Looks left of a name for a title phrase that governs it or that it
/// governs ("le président Volodymyr Zelenskyy", "le ministre de la Défense
/// Rustem Umerov", "le chef de cabinet de Zelenskyy, Andriy Yermak").
fn attach_role(doc: &Doc, c: &mut Candidate) {
    attach_role_before(doc, c);
    if c.role.is_none() {
        attach_role_after(doc, c);
    }
}

/// "Andriy Kovalenko, chef du Centre de désinformation", "Paul Roux, un
/// astronome amateur de Lille,": a title in apposition right after the
/// name (an article may open it), up to the end of its phrase. The parser
/// hangs such a phrase on the name (appos, conj) or makes it a second
/// subject of the name's verb; the phrase must then be closed by a comma
/// or a bracket, and the name be no complement ("Selon Paul Martin, le
/// ministre a menti" gives the minister no name).
fn attach_role_after(doc: &Doc, c: &mut Candidate) {
    let e = c.tokens.end;
    let head = name_head(doc, &c.tokens);
    let Some(comma) = doc.tokens.get(e) else {
        return;
    };
    let mut t = e + 1;
    if t < doc.tokens.len() && is_article(&doc.tokens[t].text) && !doc.tokens[t].sent_start {
        t += 1;
    }
    if comma.text != "," || t >= doc.tokens.len() || doc.tokens[t].sent_start {
        return;
    }
    if !is_title_token(doc, t) && !with_coordinated_title(doc, t) {
        return;
    }
    if !plural_title_fits(doc, c, t) {
        return;
    }
    let mut end = t + 1;
    while end < doc.tokens.len() && !doc.tokens[end].sent_start && descends_from(doc, end, t) {
        end += 1;
    }
    let (title, name) = (&doc.tokens[t], &doc.tokens[head]);
    // "Samedi, Paul Roux, président du club, a dit": a fronted adjunct may
    // make the parser hang the apposition as a bare `nmod` (no preposition).
    let title_has_case = doc
        .tokens
        .iter()
        .enumerate()
        .any(|(k, x)| x.head == t && k != t && x.dep == "case");
    let on_name = title.head == head
        && (title.dep.starts_with("appos") || title.dep == "conj" || (title.dep == "nmod" && !title_has_case));
    let closed = doc
        .tokens
        .get(end)
        .is_some_and(|x| matches!(x.text.as_str(), "," | ")" | ";"));
    let name_is_complement = doc
        .tokens
        .iter()
        .enumerate()
        .any(|(k, x)| x.head == head && k != head && x.dep == "case");
    let second_subject = title.dep.starts_with("nsubj") && closed && !name_is_complement && name.head != t;
    if !(on_name || second_subject) {
        return;
    }
    c.role = Some(t..trim_back(doc, t, end));
    c.person = true;
    c.feminine = feminine_of(doc, t);
}

/// Whether token `k` lies in the subtree of token `root` (bounded: a cyclic
/// parse ends the walk). Also used by the parse repairs.
pub(crate) fn descends_from(doc: &Doc, mut k: usize, root: usize) -> bool {
    for _ in 0..doc.tokens.len() {
        if k == root {
            return true;
        }
        let h = doc.tokens[k].head;
        if h == k || h >= doc.tokens.len() {
            return false;
        }
        k = h;
    }
    false
}

fn attach_role_before(doc: &Doc, c: &mut Candidate) {
    let s = c.tokens.start;
    // "chef du Centre …", "ministre de la Défense": a name introduced by
    // a preposition or article is the title's complement, not its holder.
    if s == 0 || matches!(doc.tokens[s - 1].pos.as_str(), "ADP" | "DET") {
        return;
    }
    let head = name_head(doc, &c.tokens);
    // "le représentant de l'AAVSO (Association …), X": a bracketed gloss
    // between the title phrase and the comma before the name is skipped.
    let bracket = gloss_before_comma(doc, s);
    let end = bracket.clone().map_or(s, |b| b.start);
    let mut i = s;
    let limit = end.saturating_sub(9);
    while i > limit {
        i -= 1;
        if let Some(b) = bracket.as_ref().filter(|b| b.contains(&i)) {
            i = b.start;
            continue;
        }
        let t = &doc.tokens[i];
        if doc.tokens[i + 1].sent_start || matches!(t.pos.as_str(), "VERB" | "AUX" | "CCONJ" | "PRON") {
            return;
        }
        if t.pos == "PUNCT" && !(t.text == "," && i + 1 == s) {
            return;
        }
        // "le procureur général X", "le secrétaire général X": a title
        // adjective after its noun is part of the title the noun heads.
        if t.pos == "ADJ" && t.head < i && is_title_token(doc, t.head) {
            continue;
        }
        if is_title_token(doc, i) {
            // "les députés LaREM", "les premiers Gilets jaunes": a plural
            // title goes to people's names only.
            if !plural_title_fits(doc, c, i) {
                return;
            }
            // "le ministre et porte-parole du gouvernement, X": the first of
            // coordinated titles heads the phrase.
            let i = coordinated_title(doc, i, limit);
            // "les ex-PDG A, B et C": a person named right after the title
            // (its adjectives between) holds it; this name is the next of a list.
            let after = (i + 1..s).find(|&k| doc.tokens[k].pos != "ADJ");
            if after.is_some_and(|k| {
                let t = &doc.tokens[k];
                t.pos == "PROPN" && t.ent_iob == EntIob::B && t.ent_type == "PER"
            }) {
                return;
            }
            // "un porte-parole de l'entreprise RTE", "maire de la capitale
            // colombienne, Bogota": a name the NER calls a place or an
            // organisation, after a common noun of the title's complement,
            // names that noun, not the title's holder.
            if matches!(c.label, Some(EntityKind::Place | EntityKind::Organization))
                && (i + 1..s).any(|k| is_complement_noun(doc, k))
            {
                return;
            }
            let linked = (i..s).contains(&doc.tokens[head].head) || (i..s).any(|k| doc.tokens[k].head == head);
            if !linked && !apposed_after_comma(doc, c, i, head, end) {
                return;
            }
            let mut start = i;
            // "Premier ministre", "haut représentant": modifiers of the title.
            while start > 0 && {
                let p = &doc.tokens[start - 1];
                (p.pos == "ADJ" || is_title_token(doc, start - 1)) && p.head == start && !p.sent_start
            } {
                start -= 1;
            }
            if doc.tokens[start].sent_start && start > 0 && doc.tokens[start].pos == "ADJ" {
                start += 1;
            }
            c.role = Some(start..trim_back(doc, start, end));
            c.person = true;
            c.feminine = feminine_of(doc, i);
            return;
        }
    }
}

/// The first title of "ministre et porte-parole" when `t` is a later
/// conjunct of a title noun, joined by a bare conjunction (one article for
/// both: "le syndicat et les représentants" are two things); else `t`.
fn coordinated_title(doc: &Doc, t: usize, limit: usize) -> usize {
    let h = doc.tokens[t].head;
    if doc.tokens[t].dep != "conj" || h >= t || h < limit || !is_title_token(doc, h) {
        return t;
    }
    let bare = (h + 1..t).all(|k| {
        let x = &doc.tokens[k];
        !x.sent_start && (x.pos == "CCONJ" || (x.pos == "ADJ" && x.head == h))
    });
    if bare {
        h
    } else {
        t
    }
}

/// "… de l'AAVSO (Association américaine …), X": the tokens of a bracketed
/// group (brackets included) that closes right before the comma before
/// the name starting at `s`, at most 20 tokens long, in one sentence.
fn gloss_before_comma(doc: &Doc, s: usize) -> Option<Range<usize>> {
    if s < 3 || doc.tokens[s - 1].text != "," || doc.tokens[s - 2].text != ")" {
        return None;
    }
    let close = s - 2;
    let open = (close.saturating_sub(20)..close)
        .rev()
        .find(|&k| matches!(doc.tokens[k].text.as_str(), "(" | ")"))?;
    let inside = (open + 1..=close).all(|k| !doc.tokens[k].sent_start);
    (doc.tokens[open].text == "(" && open > 0 && inside).then_some(open..close + 1)
}

/// A lower-case common noun that is no title ("entreprise", "capitale").
fn is_complement_noun(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.pos == "NOUN" && !starts_upper(&t.text) && !tables().is_title(&t.text)
}

/// "le président de la Commission, Jean-Claude Juncker, a dit", "du
/// nouveau PDG de TF1, Gilles Pélisson, …": a person's name (NER) right
/// after a comma that closes a title phrase (every token between the title
/// `t` and the comma hangs under the title), which the parser did not link
/// to the title. Accepted when the name and the title are both the same
/// argument of the same word (a doubled subject, the title with no
/// preposition), or when the name is no argument (a conjunct or apposition
/// closed by punctuation); "Selon le ministre, Paul Martin a dit" is neither.
fn apposed_after_comma(doc: &Doc, c: &Candidate, t: usize, head: usize, end: usize) -> bool {
    let s = c.tokens.start;
    if c.label != Some(EntityKind::Person) || s < 2 || doc.tokens[s - 1].text != "," {
        return false;
    }
    // `end`: where the title phrase stops (a bracketed gloss may follow it).
    let end = if end < s { end + 1 } else { s };
    if !(t + 1..end - 1).all(|k| descends_from(doc, k, t)) {
        return false;
    }
    let (title, name) = (&doc.tokens[t], &doc.tokens[head]);
    let has_case = doc
        .tokens
        .iter()
        .enumerate()
        .any(|(k, x)| x.head == t && k != t && x.dep == "case");
    // "nsubj" and "nsubj:pass" are both the subject.
    let base = |dep: &str| dep.split(':').next().unwrap_or("").to_string();
    let doubled = title.head == name.head && base(&title.dep) == base(&name.dep) && !has_case;
    let closed = doc
        .tokens
        .get(c.tokens.end)
        .is_some_and(|x| x.pos == "PUNCT" && matches!(x.text.as_str(), "," | "." | ";" | ")"));
    let no_argument = matches!(name.dep.as_str(), "conj" | "appos" | "dep") && closed;
    doubled || no_argument
}

/// The token of a range whose head lies outside it (the first such).
pub(crate) fn name_head(doc: &Doc, range: &Range<usize>) -> usize {
    range
        .clone()
        .find(|&k| !range.contains(&doc.tokens[k].head) || doc.tokens[k].head == k)
        .unwrap_or(range.start)
}

/// The folded words of a token range, joined by spaces.
pub fn key_of(doc: &Doc, range: &Range<usize>) -> String {
    fold(&text_of(doc, range))
}

/// The model text of a token range, with the spacing of the text.
pub fn text_of(doc: &Doc, range: &Range<usize>) -> String {
    let mut s = String::new();
    for k in range.clone() {
        let t = &doc.tokens[k];
        s.push_str(&t.text);
        if t.space_after && k + 1 < range.end {
            s.push(' ');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{EntIob, EntitySpan, Token};

    /// A parsed sentence from (text, pos, head, dep, morph) rows.
    fn doc(rows: &[(&str, &str, usize, &str, &str)], ents: &[(usize, usize, &str)]) -> Doc {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for (i, (t, pos, head, dep, morph)) in rows.iter().enumerate() {
            let start = text.chars().count();
            text.push_str(t);
            text.push(' ');
            tokens.push(Token {
                text: t.to_string(),
                start,
                space_after: true,
                is_space: false,
                lemma: t.to_lowercase(),
                pos: pos.to_string(),
                tag: pos.to_string(),
                morph: morph.to_string(),
                head: *head,
                dep: dep.to_string(),
                sent_start: i == 0,
                ent_iob: EntIob::O,
                ent_type: String::new(),
            });
        }
        let entities = ents
            .iter()
            .map(|&(start, end, label)| EntitySpan {
                start,
                end,
                label: label.into(),
                start_char: tokens[start].start,
                end_char: tokens[end - 1].end(),
            })
            .collect();
        Doc { text, tokens, entities }
    }

    /// "Le patineur artistique X": a sport's practitioner written before
    /// a name is a title (titles.tsv), so the name is a person whatever
    /// the NER says, with the noun phrase as its role.
    #[test]
    fn a_sport_practitioner_before_a_name_is_a_title() {
        let d = &crate::extract::rules::tests::constructions_row(
            "Le patineur artistique Zorblax Quillac a remporté le tournoi.",
        );
        let c = candidates(d);
        assert_eq!(c.len(), 1);
        assert_eq!(key_of(d, &c[0].tokens), "zorblax quillac");
        assert!(c[0].person);
        assert_eq!(c[0].role, Some(1..3));
    }

    #[test]
    fn a_title_complement_is_no_person() {
        // "Il a vu le Président de la Colombie": Colombie is a place, not a person.
        let d = doc(
            &[
                ("Il", "PRON", 2, "nsubj", ""),
                ("a", "AUX", 2, "aux:tense", ""),
                ("vu", "VERB", 2, "ROOT", ""),
                ("le", "DET", 4, "det", ""),
                ("Président", "NOUN", 2, "obj", "Gender=Masc|Number=Sing"),
                ("de", "ADP", 7, "case", ""),
                ("la", "DET", 7, "det", ""),
                ("Colombie", "PROPN", 4, "nmod", ""),
            ],
            &[(4, 8, "PER")],
        );
        let c = candidates(&d);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].tokens, 7..8);
        assert_eq!(c[0].label, None);
        assert!(!c[0].person);
    }

    #[test]
    fn capitalised_article_inside_a_sentence_stays_in_the_name() {
        // "Il vit à La Ciotat" keeps "La"; "la France" loses "la".
        let d = doc(
            &[
                ("Il", "PRON", 1, "nsubj", ""),
                ("vit", "VERB", 1, "ROOT", ""),
                ("à", "ADP", 4, "case", ""),
                ("La", "DET", 4, "det", ""),
                ("Ciotat", "PROPN", 1, "obl:mod", ""),
                ("et", "CCONJ", 7, "cc", ""),
                ("la", "DET", 7, "det", ""),
                ("France", "PROPN", 4, "conj", ""),
            ],
            &[(3, 5, "LOC"), (6, 8, "LOC")],
        );
        let spans: Vec<Range<usize>> = candidates(&d).into_iter().map(|c| c.tokens).collect();
        assert_eq!(spans, vec![3..5, 7..8]);
    }

    #[test]
    fn capitalised_noun_and_adjective_make_a_group_name() {
        // "Les manifestants des Gilets jaunes": the NER missed it.
        let d = doc(
            &[
                ("Les", "DET", 1, "det", ""),
                ("manifestants", "NOUN", 1, "ROOT", "Number=Plur"),
                ("des", "ADP", 3, "case", ""),
                ("Gilets", "NOUN", 1, "nmod", "Gender=Masc|Number=Plur"),
                ("jaunes", "ADJ", 3, "amod", "Number=Plur"),
            ],
            &[],
        );
        let c = candidates(&d);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].tokens, 3..5);
        assert_eq!(key_of(&d, &c[0].tokens), "gilets jaunes");
    }

    #[test]
    fn honorifics_and_trailing_pronouns_are_stripped() {
        // "M. Castaner qu'" → Castaner, a person.
        let d = doc(
            &[
                ("Selon", "ADP", 1, "case", ""),
                ("M.", "NOUN", 1, "nmod", ""),
                ("Castaner", "PROPN", 1, "flat:name", ""),
                ("qu'", "SCONJ", 1, "mark", ""),
            ],
            &[(1, 4, "PER")],
        );
        let c = candidates(&d);
        assert_eq!(c[0].tokens, 2..3);
        assert!(c[0].person);
        assert_eq!(c[0].feminine, Some(false));
    }
}
