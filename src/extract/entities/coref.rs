//! Light coreference: subject pronouns (il, elle) and definite descriptions
//! ("le président", "l'association", "la filiale", "le pays") resolved to
//! the one named entity they can mean.
//!
//! Three steps, each reading the parse and the document's name mentions:
//!
//! - [`learn`]: the nouns the text gives an entity, its *descriptors*: an
//!   apposition ("Linden Cars, la filiale …", "Victor Buso, astronome
//!   amateur"), a copula predicate ("X est une association"), a noun
//!   written before the name ("le groupe automobile Nissan", "le quotidien
//!   Asahi"). Titles of people come from their roles (the entity table).
//! - [`pronouns`]: a pronoun takes the single person of the right gender
//!   mentioned earlier in its sentence or in the previous one (a pronoun
//!   opening its sentence's main clause, with no person there: in the two
//!   sentences before those). A pronoun opening a paragraph whose usual
//!   antecedent is a person named once in passing takes the article's
//!   topic person instead (named in the title and first in the lead).
//! - [`descriptions`]: a definite noun phrase ("le N", "la N", "l'N", "ce N",
//!   "cette N", adjectives after the noun allowed) takes the one entity
//!   given that noun as a descriptor, else the one entity of the kind its
//!   class noun names (`refers-org`, `refers-place`, `refers-country` of
//!   lexicon.tsv), within a window of sentences before it.
//!
//! Anything ambiguous stays unresolved: precision first. Plural phrases ("les
//! entreprises") are never resolved (a named entity is one thing). Reads
//! mentions and roles; writes nothing but what it returns.

use std::collections::HashSet;
use std::ops::Range;

use super::spans::name_head;
use super::tables::tables;
use crate::extract::rules::lexicon::{lexicon, Class};
use crate::facts::EntityKind;
use crate::nlp::{Doc, EntIob};

/// A mention of a named entity as coreference sees it.
#[derive(Debug, Clone)]
pub struct NamedMention {
    pub entity: usize,
    pub kind: EntityKind,
    pub paragraph: usize,
    /// Token range of the mention in its paragraph's [`Doc`].
    pub tokens: Range<usize>,
    /// Document-wide sentence index.
    pub sentence: usize,
}

/// What coreference knows of an entity.
#[derive(Debug, Clone, Default)]
pub struct EntityInfo {
    pub feminine: Option<bool>,
    /// Lower-case nouns the text gave the entity (as written and as
    /// lemma): title words of its roles, appositions, copula predicates,
    /// nouns written before its name.
    pub descriptors: Vec<String>,
    /// The first word of each of its names, lower case ("station" for
    /// "Station spatiale internationale"): never enough to resolve a
    /// description, but it makes one ambiguous.
    pub name_words: Vec<String>,
    /// The entity is a country (a country name of demonyms.tsv).
    pub country: bool,
    /// Lower-case words (as written and as lemma) of its names and of the
    /// phrases that describe it ("spatiale", "chinoise" of "la station
    /// spatiale chinoise X"): a description's adjectives pick among the
    /// entities its noun may mean ("la station chinoise").
    pub words: Vec<String>,
}

impl EntityInfo {
    /// Adds a word of a name or description (its written form and lemma,
    /// lower case) to [`Self::words`].
    fn add_word(&mut self, word: &str, lemma: &str) {
        for w in [word.to_lowercase(), lemma.to_lowercase()] {
            if !w.is_empty() && !self.words.contains(&w) {
                self.words.push(w);
            }
        }
    }

    /// Adds a descriptor noun (its written form and lemma, lower case).
    pub fn describe(&mut self, word: &str, lemma: &str) {
        for w in [word.to_lowercase(), lemma.to_lowercase()] {
            if !w.is_empty() && !self.descriptors.contains(&w) {
                self.descriptors.push(w);
            }
        }
    }
}

/// How many sentences back a class noun ("l'entreprise") looks for its entity.
const CLASS_WINDOW: usize = 3;

/// How many sentences back a learned descriptor ("la filiale") looks for
/// its entity. A title of a person's ("le président") looks back through the
/// whole document.
const DESCRIPTOR_WINDOW: usize = 8;

/// Most words between a determiner and the name a noun describes ("le
/// groupe automobile japonais Nissan").
const MAX_PRE_NAME: usize = 6;

/// What [`learn`] found besides descriptors, as (paragraph, token, entity).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Learned {
    /// Class nouns written right before the name they describe, of the
    /// name's kind ("le groupe" in "le groupe automobile Nissan"): the
    /// noun stands for the entity wherever the noun phrase is an argument.
    pub named_by: Vec<(usize, usize, usize)>,
    /// Nouns in apposition to a name ("la filiale" in "Linden Cars, la
    /// filiale exploitant …"): the name, when the noun heads a clause.
    pub apposed: Vec<(usize, usize, usize)>,
    /// Every token that gave a descriptor: it describes, it does not refer back.
    pub sources: HashSet<(usize, usize)>,
    /// Nouns written right before the name they describe, with the name's
    /// first token ("station" and "Tiangong-1" in "la station spatiale
    /// chinoise Tiangong-1"), as (paragraph, noun, name start, entity).
    pub before: Vec<(usize, usize, usize, usize)>,
}

/// Reads the descriptors the text gives each entity into `infos` (indexed
/// by entity) and returns the nouns that stand for their name.
/// `covered(p, i)`: whether a token belongs to a name mention;
/// `role_of(p, i)`: the person whose title (role mention) holds the token.
pub fn learn(
    docs: &[Doc],
    mentions: &[NamedMention],
    infos: &mut [EntityInfo],
    covered: &dyn Fn(usize, usize) -> bool,
    role_of: &dyn Fn(usize, usize) -> Option<usize>,
) -> Learned {
    let mut out = Learned::default();
    for m in mentions {
        let Some(doc) = docs.get(m.paragraph) else { continue };
        if m.tokens.is_empty() || m.tokens.end > doc.tokens.len() || m.entity >= infos.len() {
            continue;
        }
        let p = m.paragraph;
        // "la Station spatiale internationale" may be "la station".
        let first = &doc.tokens[m.tokens.start];
        for w in [first.text.to_lowercase(), first.lemma.to_lowercase()] {
            if !infos[m.entity].name_words.contains(&w) {
                infos[m.entity].name_words.push(w);
            }
        }
        for t in &doc.tokens[m.tokens.clone()] {
            infos[m.entity].add_word(&t.text, &t.lemma);
        }
        let mut found = Vec::new();
        // "la tempête Carmen" tagged whole: the name opens with its class
        // noun (lower case, not the sentence's first word), which describes it.
        if m.tokens.len() >= 2
            && first.pos == "NOUN"
            && !first.sent_start
            && !first.morph.contains("Number=Plur")
            && first.text.chars().next().is_some_and(char::is_lowercase)
        {
            found.push(m.tokens.start);
        }
        // "A, le ministre B": the title of another name is no apposition of A.
        let apposed = apposition(doc, &m.tokens, &|i| covered(p, i))
            .filter(|&n| role_of(p, n).is_none_or(|other| other == m.entity));
        if let Some(n) = apposed {
            out.apposed.push((p, n, m.entity));
            found.push(n);
        }
        if let Some(n) = copula(doc, &m.tokens) {
            found.push(n);
        }
        if let Some(n) = noun_before(doc, &m.tokens, &|i| covered(p, i)) {
            // "le groupe Nissan", "le président élu X": the class noun of the
            // name's kind, or a person's title, is the name's phrase head.
            let t = &doc.tokens[n];
            let class = class_fits(&t.lemma.to_lowercase(), m.kind, infos[m.entity].country).unwrap_or(false);
            // (A title inside a role mention already stands for its holder.)
            let title = m.kind == EntityKind::Person && tables().is_title(&t.text) && role_of(p, n).is_none();
            if class || title {
                out.named_by.push((p, n, m.entity));
            }
            for t in &doc.tokens[n..m.tokens.start] {
                infos[m.entity].add_word(&t.text, &t.lemma);
            }
            out.before.push((p, n, m.tokens.start, m.entity));
            found.push(n);
        }
        for n in found {
            let t = &doc.tokens[n];
            infos[m.entity].describe(&t.text, &t.lemma);
            for a in own_adjectives(doc, n) {
                let t = &doc.tokens[a];
                infos[m.entity].add_word(&t.text, &t.lemma);
            }
            out.sources.insert((p, n));
        }
    }
    out
}

/// "X, la filiale …", "X, un astronome amateur …", "X, association …": a
/// singular common noun right after the name and a comma (a determiner
/// between allowed), or the name's `appos` noun. A noun that is the
/// subject or object of a verb written after it is no apposition ("Après
/// avoir battu Lyon, le club a gagné").
fn apposition(doc: &Doc, name: &Range<usize>, covered: &dyn Fn(usize) -> bool) -> Option<usize> {
    let toks = &doc.tokens;
    let head = name_head(doc, name);
    let fits = |n: usize| {
        let t = &toks[n];
        t.pos == "NOUN"
            && !t.sent_start
            && !covered(n)
            && !t.morph.contains("Number=Plur")
            && t.text.chars().next().is_some_and(char::is_lowercase)
    };
    let by_arc = toks
        .iter()
        .enumerate()
        .filter(|(n, t)| t.dep == "appos" && t.head == head && *n > name.end)
        .map(|(n, _)| n)
        .collect::<Vec<_>>();
    if let [n] = by_arc[..] {
        // "l'A7, A8, A9" read as appositions: one noun only.
        if fits(n) {
            return Some(n);
        }
    }
    if toks.get(name.end).is_none_or(|c| c.text != "," || c.sent_start) {
        return None;
    }
    let mut n = name.end + 1;
    if toks.get(n).is_some_and(|d| d.pos == "DET" && is_article(&d.text)) {
        n += 1;
    }
    // A subject or object of a verb written after it starts a clause; one of
    // a verb before the name is an apposition the parser misread.
    let arg = toks
        .get(n)
        .is_none_or(|t| matches!(t.dep.as_str(), "nsubj" | "nsubj:pass" | "obj" | "iobj" | "expl") && t.head >= n);
    (!arg && fits(n)).then_some(n)
}

/// The lower-case adjectives written right after the noun `n` ("station
/// spatiale chinoise").
fn own_adjectives(doc: &Doc, n: usize) -> Vec<usize> {
    let toks = &doc.tokens;
    (n + 1..toks.len())
        .take_while(|&k| {
            let t = &toks[k];
            t.pos == "ADJ" && !t.sent_start && t.text.chars().next().is_some_and(char::is_lowercase)
        })
        .collect()
}

/// "X est une association": the predicate noun of a copula whose subject is the name.
fn copula(doc: &Doc, name: &Range<usize>) -> Option<usize> {
    let toks = &doc.tokens;
    let head = name_head(doc, name);
    if toks[head].dep != "nsubj" {
        return None;
    }
    let n = toks[head].head;
    let t = toks.get(n)?;
    let cop = toks
        .iter()
        .any(|c| c.head == n && c.dep == "cop" && c.lemma.to_lowercase() == "être");
    (t.pos == "NOUN" && cop && !t.morph.contains("Number=Plur")).then_some(n)
}

/// "le groupe automobile Nissan", "le quotidien nippon Asahi", "la chaîne de
/// télévision publique NHK", "le président élu X": the noun after the
/// determiner that opens the name's phrase, with only adjectives,
/// participles, lower-case nouns and bare "de N" complements between. A
/// determiner after a preposition opens a complement ("le président de la
/// république X"): no noun describes the name then.
fn noun_before(doc: &Doc, name: &Range<usize>, covered: &dyn Fn(usize) -> bool) -> Option<usize> {
    let toks = &doc.tokens;
    if toks[name.start].sent_start {
        return None;
    }
    let mut i = name.start;
    for _ in 0..MAX_PRE_NAME {
        let k = i.checked_sub(1)?;
        let t = &toks[k];
        if t.pos == "DET" && is_article(&t.text) {
            break;
        }
        let lower = t.text.chars().next().is_some_and(char::is_lowercase);
        let participle = t.pos == "VERB" && t.morph.contains("VerbForm=Part");
        // "de" before a bare noun: "chaîne de télévision".
        let de = t.pos == "ADP"
            && matches!(t.text.to_lowercase().as_str(), "de" | "d'" | "d\u{2019}")
            && toks[i].pos == "NOUN";
        let modifier = matches!(t.pos.as_str(), "NOUN" | "ADJ") || participle || de;
        if !modifier || !lower || covered(k) || toks[i].sent_start || t.sent_start {
            return None;
        }
        i = k;
    }
    let det = i.checked_sub(1)?;
    let n = i;
    let after_preposition = det.checked_sub(2).is_some_and(|b| {
        toks[b].pos == "NOUN" && matches!(toks[b + 1].text.to_lowercase().as_str(), "de" | "d'" | "d\u{2019}")
    });
    (n < name.start
        && toks[det].pos == "DET"
        && is_article(&toks[det].text)
        && !after_preposition
        && toks[n].pos == "NOUN"
        && !toks[n].morph.contains("Number=Plur"))
    .then_some(n)
}

/// A definite or indefinite singular article ("le", "la", "l'", "un",
/// "une"), any case, either apostrophe: one that may open a description or
/// an apposition ("X, un astronome").
pub(super) fn is_article(text: &str) -> bool {
    let det = text.to_lowercase().replace('\u{2019}', "'");
    matches!(det.as_str(), "le" | "la" | "l'" | "un" | "une")
}

/// Whether a class noun fits an entity: `None` when the noun is no class
/// noun, else whether the kind (and for places, country or not) matches.
fn class_fits(lemma: &str, kind: EntityKind, country: bool) -> Option<bool> {
    let lex = lexicon();
    if lex.is(Class::RefersOrg, lemma) {
        Some(kind == EntityKind::Organization)
    } else if lex.is(Class::RefersCountry, lemma) {
        Some(kind == EntityKind::Place && country)
    } else if lex.is(Class::RefersPlace, lemma) {
        Some(kind == EntityKind::Place && !country)
    } else {
        None
    }
}

/// Definite descriptions that refer back: a definite noun phrase
/// ([`is_definite_description`]) takes the one entity mentioned before it
/// that the text gave its noun as a descriptor, if that entity was named
/// within [`DESCRIPTOR_WINDOW`] sentences (a person with that title:
/// anywhere before); a second entity before with that descriptor or with
/// a name that starts with the noun ("la Station spatiale internationale"
/// beside "la station spatiale chinoise X") leaves it unresolved. When no entity has that descriptor, a class noun takes the one entity of its
/// kind named in its sentence before it or in the [`CLASS_WINDOW`]
/// sentences before. Two candidates leave it unresolved, and so does a
/// token in `sources` (it gave the descriptor). Returns (paragraph, token,
/// entity).
pub fn descriptions(
    docs: &[Doc],
    sentence_base: &[usize],
    mentions: &[NamedMention],
    infos: &[EntityInfo],
    sources: &HashSet<(usize, usize)>,
    covered: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let cited: Vec<bool> = mentions
        .iter()
        .map(|m| docs.get(m.paragraph).is_some_and(|d| is_cited(d, m.tokens.start)))
        .collect();
    for (p, doc) in docs.iter().enumerate() {
        for (si, range) in doc.sentences().into_iter().enumerate() {
            let sentence = sentence_base.get(p).copied().unwrap_or(0) + si;
            for i in range {
                if covered(p, i) || sources.contains(&(p, i)) || !is_definite_description(doc, i) {
                    continue;
                }
                if let Some(e) = refer_back(doc, mentions, infos, &cited, p, i, sentence) {
                    out.push((p, i, e));
                }
            }
        }
    }
    out
}

/// Whether the name starting at token `start` is cited as a source:
/// written after an attribution preposition (`attribution` in
/// lexicon.tsv), a class noun and articles allowed between ("selon Le
/// Monde", "d'après le quotidien X").
fn is_cited(doc: &Doc, start: usize) -> bool {
    let toks = &doc.tokens;
    let mut k = start.min(toks.len());
    let mut skipped = 0;
    while k > 0 && skipped < 3 && matches!(toks[k - 1].pos.as_str(), "DET" | "NOUN") {
        k -= 1;
        skipped += 1;
    }
    let word = |i: usize| toks[i].text.to_lowercase().replace('\u{2019}', "'");
    let lex = lexicon();
    (k >= 1 && lex.is(Class::Attribution, &word(k - 1)))
        || (k >= 2 && lex.is(Class::Attribution, &format!("{}{}", word(k - 2), word(k - 1))))
}

fn refer_back(
    doc: &Doc,
    mentions: &[NamedMention],
    infos: &[EntityInfo],
    cited: &[bool],
    p: usize,
    i: usize,
    sentence: usize,
) -> Option<usize> {
    let t = &doc.tokens[i];
    let word = t.text.to_lowercase();
    let lemma = t.lemma.to_lowercase();
    let title = is_title_noun(t);
    let before = |m: &&NamedMention| m.paragraph < p || (m.paragraph == p && m.tokens.start < i);
    let has = |words: &[String]| words.iter().any(|d| *d == word || *d == lemma);
    let described = |e: usize| infos.get(e).is_some_and(|info| has(&info.descriptors));
    let named = |e: usize| {
        infos
            .get(e)
            .is_some_and(|info| has(&info.descriptors) || has(&info.name_words))
    };
    // Every entity the noun describes anywhere before counts against
    // uniqueness; the one found must have been named within the window.
    let mut learned: Vec<usize> = mentions
        .iter()
        .filter(before)
        .filter(|m| named(m.entity))
        .map(|m| m.entity)
        .collect();
    learned.sort_unstable();
    learned.dedup();
    // "la station chinoise" beside "la station spatiale chinoise X" and "la
    // Station spatiale internationale": the adjectives pick the one
    // entity whose names or descriptions have them all.
    let adjectives = own_adjectives(doc, i);
    if learned.len() > 1 && !adjectives.is_empty() {
        learned.retain(|&e| {
            infos.get(e).is_some_and(|info| {
                adjectives.iter().all(|&a| {
                    let t = &doc.tokens[a];
                    info.words.contains(&t.text.to_lowercase()) || info.words.contains(&t.lemma.to_lowercase())
                })
            })
        });
        if learned.is_empty() {
            return None;
        }
    }
    match learned[..] {
        // Only a name starts with the noun: the class noun decides.
        [e] if !described(e) => {}
        [e] => {
            let near = mentions.iter().filter(before).any(|m| {
                m.entity == e && ((title && m.kind == EntityKind::Person) || m.sentence + DESCRIPTOR_WINDOW >= sentence)
            });
            return near.then_some(e);
        }
        [] => {}
        _ => return None,
    }
    // A name cited as a source ("selon le journal X") is not what a
    // class noun after it ("la banque") is about.
    let cands: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(k, _)| !cited.get(*k).copied().unwrap_or(false))
        .map(|(_, m)| m)
        .filter(before)
        .filter(|m| m.sentence + CLASS_WINDOW >= sentence)
        .filter(|m| {
            let country = infos.get(m.entity).is_some_and(|info| info.country);
            class_fits(&lemma, m.kind, country).unwrap_or(false)
        })
        .map(|m| m.entity)
        .collect();
    single(cands)
}

/// Whether a noun is a title word ("président", "ministre"), by its
/// written form or its lemma.
fn is_title_noun(t: &crate::nlp::Token) -> bool {
    tables().is_title(&t.text.to_lowercase()) || tables().is_title(&t.lemma.to_lowercase())
}

/// "le club", "l'association européenne", "cette entreprise", "le
/// président": a singular common noun right after a definite or
/// demonstrative determiner, followed only by adjectives of its own (none
/// of the `contrast` class: "la ville voisine" is another town), and then
/// by nothing that names or restricts it otherwise (a name, a complement
/// with a preposition, a capitalised word, a name apposed after a comma).
pub fn is_definite_description(doc: &Doc, i: usize) -> bool {
    let toks = &doc.tokens;
    let t = &toks[i];
    if t.pos != "NOUN" || i == 0 || t.morph.contains("Number=Plur") || t.sent_start {
        return false;
    }
    if !t.text.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let det = toks[i - 1].text.to_lowercase().replace('\u{2019}', "'");
    if !matches!(det.as_str(), "le" | "la" | "l'" | "ce" | "cet" | "cette") {
        return false;
    }
    let lex = lexicon();
    let mut k = i + 1;
    // "l'association européenne", "le groupe automobile": modifiers of its own.
    while let Some(a) = toks.get(k).filter(|a| {
        a.head == i
            && !a.sent_start
            && (a.pos == "ADJ"
                || (a.pos == "NOUN" && a.dep != "appos" && !toks.iter().any(|c| c.head == k && c.dep == "case")))
            && a.text.chars().next().is_some_and(char::is_lowercase)
    }) {
        if lex.is(Class::Contrast, &a.lemma.to_lowercase()) {
            return false;
        }
        k += 1;
    }
    // "la capitale colombienne, Bogota": a name apposed after a comma says
    // whom the noun means; it refers to that name, not back.
    // The parser hangs that name on the noun (appos) or on the noun's head
    // (conj); either way the name closes its phrase (punctuation or the
    // text's end follows it), and its kind fits the noun: a class noun's
    // kind, a person for a title ("le chef animateur de la firme, X": X is
    // the animator, not the firm).
    let lemma = t.lemma.to_lowercase();
    let fits = |n: &crate::nlp::Token| {
        EntityKind::from_code(&n.ent_type).is_some_and(|kind| {
            // A place noun fits a country as well as a town.
            let class = class_fits(&lemma, kind, true).zip(class_fits(&lemma, kind, false));
            match class {
                Some((country, other)) => country || other,
                None => kind == EntityKind::Person && is_title_noun(t),
            }
        })
    };
    let apposed_name = toks.get(k).is_some_and(|n| n.text == ",")
        && toks
            .get(k + 1)
            .is_some_and(|n| n.pos == "PROPN" && n.ent_iob == EntIob::B && fits(n))
        && {
            let mut end = k + 2;
            while toks.get(end).is_some_and(|t| t.ent_iob == EntIob::I) {
                end += 1;
            }
            toks.get(end).is_none_or(|t| t.pos == "PUNCT" && t.text != "-")
        };
    if apposed_name {
        return false;
    }
    toks.get(k).is_none_or(|n| {
        if n.sent_start {
            return true;
        }
        // "le président de la Commission": a complement of the noun's own.
        let complement = n.pos == "ADP" && toks.get(n.head).is_some_and(|c| c.head == i);
        let named =
            matches!(n.pos.as_str(), "PROPN" | "NUM" | "ADJ") || n.text.chars().next().is_some_and(char::is_uppercase);
        !(complement || named)
    })
}

/// Resolved subject pronouns as (paragraph, token, entity) triples: "il"
/// or "elle" takes the single person of its gender mentioned before it in
/// its sentence or the previous one. `titled`: paragraph 0 is the
/// article's title (see [`topic_person`]).
pub fn pronouns(
    docs: &[Doc],
    sentence_base: &[usize],
    mentions: &[NamedMention],
    infos: &[EntityInfo],
    covered: &dyn Fn(usize, usize) -> bool,
    titled: bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let topic = if titled { topic_person(mentions) } else { None };
    for (p, doc) in docs.iter().enumerate() {
        for (si, range) in doc.sentences().into_iter().enumerate() {
            let sentence = sentence_base.get(p).copied().unwrap_or(0) + si;
            for i in range.clone() {
                if covered(p, i) {
                    continue;
                }
                let t = &doc.tokens[i];
                let lower = clitic_base(&t.text);
                if t.pos != "PRON" || !(lower == "il" || lower == "elle") {
                    continue;
                }
                let fem = lower == "elle";
                let found = match candidates(mentions, infos, p, i, sentence, fem, 1) {
                    // "X est décédé samedi. Son enterrement sera célébré
                    // dans l'intimité. ¶ En 1952, il fonde sa maison": a
                    // pronoun that is its sentence's topic, with no person
                    // in its sentence or the one before, takes the one
                    // person of its gender named in the two sentences
                    // before those (a paragraph break does not stop it).
                    cands if cands.is_empty() && opens_main_clause(doc, range.clone(), i) => {
                        single(candidates(mentions, infos, p, i, sentence, fem, 3))
                    }
                    cands => single(cands),
                };
                let found = match (found, topic) {
                    (Some(e), Some((t, lead)))
                        if e != t
                            && p > lead
                            && infos.get(t).is_some_and(|info| info.feminine.is_none_or(|f| f == fem))
                            && opens_main_clause(doc, range.clone(), i)
                            && passing_mention(mentions, e, p, i) =>
                    {
                        Some(t)
                    }
                    (found, _) => found,
                };
                if let Some(e) = found {
                    out.push((p, i, e));
                }
            }
        }
    }
    out
}

/// The article's topic person and the paragraph of its lead: the first
/// person named after the title, when the title (paragraph 0) names them
/// too ("Zorblax Quillac remporte le tournoi ¶ Le joueur Zorblax Quillac a
/// remporté …").
fn topic_person(mentions: &[NamedMention]) -> Option<(usize, usize)> {
    let first = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.paragraph > 0)
        .min_by_key(|m| (m.paragraph, m.tokens.start))?;
    mentions
        .iter()
        .any(|m| m.paragraph == 0 && m.entity == first.entity)
        .then_some((first.entity, first.paragraph))
}

/// Whether the person `e` a pronoun at token `i` of paragraph `p` would
/// take is a passing mention: named once before it, in an earlier
/// paragraph, and no person is named in `p` before the pronoun. "Le
/// joueur Zorblax Quillac a gagné. Paul Vernier termine troisième. ¶ Il
/// avait remporté la coupe en 2016.": a pronoun opening its paragraph's
/// main clause after a person named in passing at the end of the lead
/// goes on about the article's topic person (Quillac), not Vernier.
fn passing_mention(mentions: &[NamedMention], e: usize, p: usize, i: usize) -> bool {
    let before = |m: &&NamedMention| m.paragraph < p || (m.paragraph == p && m.tokens.start < i);
    let earlier: Vec<&NamedMention> = mentions.iter().filter(before).collect();
    let named_here = earlier.iter().any(|m| m.kind == EntityKind::Person && m.paragraph == p);
    let of_e: Vec<&&NamedMention> = earlier.iter().filter(|m| m.entity == e).collect();
    !named_here && matches!(of_e[..], [m] if m.paragraph < p)
}

/// A subject pronoun as a plain word: "-t-il" and "-elle" (inverted after
/// the verb: "a-t-il ajouté", "estime-t-elle") read as "il" and "elle".
pub(crate) fn clitic_base(text: &str) -> String {
    let lower = text.to_lowercase();
    let stripped = lower
        .strip_prefix("-t-")
        .or_else(|| lower.strip_prefix('-'))
        .unwrap_or(&lower);
    stripped.to_string()
}

/// The persons of gender `fem` (or of no known gender) named before token
/// `i` of paragraph `p`, in its sentence or the `back` sentences before it.
fn candidates(
    mentions: &[NamedMention],
    infos: &[EntityInfo],
    p: usize,
    i: usize,
    sentence: usize,
    fem: bool,
    back: usize,
) -> Vec<usize> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .filter(|m| m.paragraph < p || (m.paragraph == p && m.tokens.start < i))
        .filter(|m| m.sentence + back >= sentence && m.sentence <= sentence)
        .map(|m| m.entity)
        .filter(|&e| infos.get(e).is_some_and(|info| info.feminine.is_none_or(|f| f == fem)))
        .collect()
}

/// Whether the pronoun `i` is the subject of its sentence's main clause
/// (the root verb or a verb coordinated with it), with no noun subject
/// written before it in the sentence, and its verb is no passive or
/// copula carrying a clause ("il est demandé de …", "il n'est pas connu
/// où …": impersonal): the sentence's topic, taken up from before.
fn opens_main_clause(doc: &Doc, sentence: Range<usize>, i: usize) -> bool {
    let tokens = &doc.tokens;
    let t = &tokens[i];
    if !matches!(t.dep.as_str(), "nsubj" | "nsubj:pass") {
        return false;
    }
    let Some(verb) = tokens.get(t.head) else { return false };
    let main = verb.head == t.head
        || verb.dep == "ROOT"
        || (verb.dep == "conj" && tokens.get(verb.head).is_some_and(|h| h.dep == "ROOT"));
    let earlier_subject = (sentence.start..i).any(|k| {
        matches!(tokens[k].dep.as_str(), "nsubj" | "nsubj:pass") && matches!(tokens[k].pos.as_str(), "NOUN" | "PROPN")
    });
    // "Il est demandé aux cheminots de …", "il n'est pas connu où …": an
    // impersonal passive or copula carries a clause (or an infinitive)
    // of its own.
    let predicate = t.dep == "nsubj:pass"
        || (sentence.start..sentence.end).any(|k| tokens[k].head == t.head && tokens[k].dep == "cop");
    let clause = (sentence.start..sentence.end).any(|k| {
        let d = &tokens[k];
        d.head != k
            && (d.head == t.head || tokens.get(d.head).is_some_and(|h| h.head == t.head))
            && matches!(
                d.dep.as_str(),
                "ccomp" | "csubj" | "xcomp" | "acl" | "acl:relcl" | "advcl"
            )
    });
    main && !earlier_subject && !(predicate && clause)
}

/// The one entity of a candidate list (repeats allowed), if there is one.
fn single(mut cands: Vec<usize>) -> Option<usize> {
    cands.sort_unstable();
    cands.dedup();
    match cands[..] {
        [e] => Some(e),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::clitic_base;

    #[test]
    fn inverted_clitics_read_as_pronouns() {
        assert_eq!(clitic_base("-t-il"), "il");
        assert_eq!(clitic_base("-elle"), "elle");
        assert_eq!(clitic_base("Il"), "il");
    }
}
