//! Entities of one source text: names found by the NER and in proper-noun
//! runs, cleaned, typed, merged within the document; titles as roles;
//! demonyms linked to countries; light coreference for pronouns and definite
//! descriptions ("le président", "l'entreprise", "la filiale"). Merging across documents is [`corpus`]'s, over the entities of a
//! whole document set, so that a document's entities depend on its text
//! alone (never on what was built before it).
//!
//! Input is the prepared text and one [`Doc`] per paragraph; output is an
//! [`EntityTable`] whose offsets point into the original text. This module
//! extracts no facts and never touches the store.

pub(crate) mod coref;
pub mod corpus;
pub mod merge;
pub mod prune;
pub mod spans;
pub mod tables;
pub mod types;

use crate::extract::rules::lexicon::{lexicon, Class};
use crate::facts::{Entity, EntityKind, Mention, NameCandidate};
use crate::input::{Paragraph, PreparedText};
use crate::nlp::Doc;
use merge::Keyed;
use spans::Candidate;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use tables::tables;

/// A title or description given to an entity in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleMention {
    /// Index into [`EntityTable::entities`].
    pub entity: usize,
    /// The role as written ("ministre de la Défense").
    pub role: String,
    pub paragraph: usize,
    /// Document-wide sentence index.
    pub sentence: usize,
    /// Character span of the role in the original text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Token range of the role in the paragraph's [`Doc`].
    pub tokens: Range<usize>,
}

/// Everything known about the entities of one document.
#[derive(Debug, Clone, Default)]
pub struct EntityTable {
    pub entities: Vec<Entity>,
    /// Offsets into the original text; `sentence` indexes the document's
    /// sentences in order across paragraphs.
    pub mentions: Vec<Mention>,
    /// Parallel to `mentions`: the paragraph and token range of each.
    pub mention_tokens: Vec<(usize, Range<usize>)>,
    pub roles: Vec<RoleMention>,
    /// Names this document alone does not make entities, for the corpus
    /// step to resolve (in text order).
    pub name_candidates: Vec<NameCandidate>,
    at: HashMap<(usize, usize), usize>,
    demonyms: HashMap<(usize, usize), usize>,
    apposed: HashMap<(usize, usize), usize>,
    /// Tokens `at` maps by coreference (a pronoun, a definite description).
    referring: HashSet<(usize, usize)>,
    /// Tokens `at` maps as a class noun written before the name ("groupe"
    /// in "le groupe Nissan").
    naming: HashSet<(usize, usize)>,
    /// Nouns written right before a name that describe it ("station" in
    /// "la station spatiale chinoise Tiangong-1"): (paragraph, noun) to
    /// the name's first token and entity.
    described_before: HashMap<(usize, usize), (usize, usize)>,
}

impl EntityTable {
    /// The entity a token names: inside a mention, a pronoun or a definite
    /// description ("le président", "l'entreprise") resolved to one entity,
    /// or a class noun written before the name ("le groupe" in "le groupe
    /// Nissan").
    pub fn entity_at(&self, paragraph: usize, token: usize) -> Option<usize> {
        self.at.get(&(paragraph, token)).copied()
    }

    /// Whether [`Self::entity_at`] maps this token as a class noun written
    /// before the entity's name ("groupe" in "le groupe Nissan"), which
    /// still says what the entity is (an `isA` fact).
    pub fn is_class_noun_before_name(&self, paragraph: usize, token: usize) -> bool {
        self.naming.contains(&(paragraph, token))
    }

    /// The name a noun written right before it describes ("station" in "la
    /// station spatiale chinoise Tiangong-1"): the name's first token and
    /// its entity.
    pub fn described_name(&self, paragraph: usize, token: usize) -> Option<(usize, usize)> {
        self.described_before.get(&(paragraph, token)).copied()
    }

    /// Whether [`Self::entity_at`] maps this token by coreference (a
    /// pronoun or a definite description referring back), not by a name.
    pub fn refers_back(&self, paragraph: usize, token: usize) -> bool {
        self.referring.contains(&(paragraph, token))
    }

    /// The entity a noun in apposition to its name describes ("filiale" in
    /// "Linden Cars, la filiale exploitant le car"): the name, where the
    /// noun heads a clause or phrase of its own. Not in [`Self::entity_at`]:
    /// the apposition itself is a fact about the name ("isA filiale").
    pub fn apposed_to(&self, paragraph: usize, token: usize) -> Option<usize> {
        self.apposed.get(&(paragraph, token)).copied()
    }

    /// The country entity a demonym token stands for ("ukrainienne" in
    /// "la direction ukrainienne", "russe" in "le président russe").
    pub fn demonym_country(&self, paragraph: usize, token: usize) -> Option<usize> {
        self.demonyms.get(&(paragraph, token)).copied()
    }
}

/// Finds, merges and types the entities of a document.
pub fn find_entities(prepared: &PreparedText, docs: &[Doc]) -> EntityTable {
    let ctx = Context::new(prepared, docs);
    let mut raws = ctx.raw_mentions();
    let aliases = ctx.aliases(&raws);
    for &(alias, _) in &aliases {
        raws[alias].alias = true;
    }
    let keyed: Vec<Keyed> = raws
        .iter()
        .map(|r| Keyed {
            key: r.key.clone(),
            person: r.cand.person || r.cand.label == Some(EntityKind::Person),
            place: r.place,
            org_head: r.key.split(' ').next().is_some_and(|w| tables().org_heads.contains(w)),
            acronym: merge::is_acronym(&r.text),
            glosses: None,
            after_class_noun: r.after_class_noun,
            core: tables().name_core(&r.key),
            text: r.text.clone(),
            sentence: Some((r.paragraph, r.sentence)),
            contrasted: docs.get(r.paragraph).is_some_and(|doc| contrasted(doc, &r.cand.tokens)),
        })
        .collect();
    let mut keyed = keyed;
    for (short, long) in ctx.glosses(&raws).into_iter().chain(aliases) {
        keyed[short].glosses = Some(long);
    }
    let clusters = merge::cluster(&keyed);
    let mut table = EntityTable::default();
    let mut infos: Vec<coref::EntityInfo> = Vec::new();
    for members in clusters {
        let entity = match accept(&raws, &members) {
            Ok(entity) => entity,
            Err(Rejected::Name(kind)) => {
                table
                    .name_candidates
                    .extend(members.iter().map(|&m| raws[m].candidate(kind)));
                continue;
            }
            Err(Rejected::NoName) => continue,
        };
        table.entities.push(entity);
        infos.push(coref::EntityInfo::default());
        let entity = table.entities.len() - 1;
        for &m in &members {
            ctx.record(&mut table, &mut infos[entity], &raws[m], entity);
        }
    }
    ctx.link_demonyms(&mut table);
    table.name_candidates.sort_by_key(|c| (c.start, c.end));
    infos.resize(table.entities.len(), coref::EntityInfo::default());
    for (info, e) in infos.iter_mut().zip(&table.entities) {
        info.country = e.kind == EntityKind::Place && tables().is_country(&e.label);
    }
    ctx.resolve_coreference(&mut table, &mut infos);
    table
}

/// Folded name with a leading article removed and place variants mapped to
/// their preferred spelling ("Kiev" and "Kyiv" share a key).
pub fn normalise_name(name: &str) -> String {
    let folded = crate::names::key(name);
    match tables().place(&folded) {
        Some(preferred) => crate::names::fold(preferred),
        None => folded,
    }
}

/// Whether the name on `tokens` is an item of a coordination (a `conj`,
/// or the head of one outside the name) or a clause's subject or object: what the
/// merge step's [`merge::Keyed::contrasted`] says.
fn contrasted(doc: &Doc, tokens: &Range<usize>) -> bool {
    let Some(head) = tokens
        .clone()
        .find(|&t| !tokens.contains(&doc.tokens[t].head) || doc.tokens[t].head == t)
    else {
        return false;
    };
    let dep = doc.tokens[head].dep.as_str();
    matches!(dep, "conj" | "nsubj" | "nsubj:pass" | "obj" | "iobj")
        || doc
            .tokens
            .iter()
            .enumerate()
            .any(|(k, t)| t.head == head && t.dep == "conj" && !tokens.contains(&k))
}

/// One mention before merging.
struct Raw {
    paragraph: usize,
    sentence: usize,
    cand: Candidate,
    key: String,
    /// Original-text character span and text.
    start: usize,
    end: usize,
    text: String,
    place: bool,
    /// Part of speech of the name's head token.
    head_pos: String,
    /// The head is a plural common noun.
    plural_noun: bool,
    /// The name starts with a capital and does not start its sentence.
    capitalised_inside: bool,
    /// The word before the name is a lower-case landmark or structure class
    /// noun left out of it ("la gare Zorbe" with "Zorbe" tagged).
    after_class_noun: bool,
    /// The name stands in a verbless fragment ("(Tags) Défense").
    lone: bool,
    /// The name is the field of an office ("ministre du Travail"), not a
    /// name of its own.
    portfolio: bool,
    /// A word of a line written in capitals that the document never writes
    /// in ordinary case: a name only if the corpus knows it.
    shouted: bool,
    /// The name opens with a capitalised article inside its sentence ("Le
    /// Monde", "La Croix"): the article is part of the name, so the name
    /// is more than the common word after it.
    article: bool,
    /// The name is one capitalised word standing alone between brackets or
    /// quotes ("(ABC)", "« Zorglub »"): set apart as a name.
    set_apart: bool,
    /// The name stands between brackets in apposition to a place name
    /// ("Haveluy (Nord)", "Oloron (Pyrénées-Atlantiques)"): the region the
    /// place lies in, a name even when the word is a common one.
    region: bool,
    /// The name is given as another name of the name before it ("X, aussi
    /// appelé Y"): that one labels and types their entity.
    alias: bool,
}

impl Raw {
    /// This mention as a name left for the corpus step, with the type its
    /// cluster's evidence pointed to.
    fn candidate(&self, kind: Option<EntityKind>) -> NameCandidate {
        NameCandidate {
            sentence: self.sentence,
            start: self.start,
            end: self.end,
            text: self.text.clone(),
            kind,
        }
    }
}

/// Why a cluster is no entity of its document.
enum Rejected {
    /// Too little evidence here (untyped, or a lone capitalised word): a
    /// name the corpus may know, with the type the evidence points to.
    Name(Option<EntityKind>),
    /// Not a name at all (no letter, a demonym, the field of an office).
    NoName,
}

/// Types a cluster, filters junk and picks its label.
fn accept(raws: &[Raw], members: &[usize]) -> Result<Entity, Rejected> {
    let ms: Vec<&Raw> = members.iter().map(|&i| &raws[i]).collect();
    // Another name given in passing ("X, aussi appelé Y") neither labels
    // nor types the entity while the name it is given to is there.
    let alias_keys: HashSet<&str> = ms.iter().filter(|r| r.alias).map(|r| r.key.as_str()).collect();
    let (label, aliases) = label_and_aliases(&ms, &alias_keys);
    let key = normalise_name(&label);
    let named = |r: &&&Raw| !alias_keys.contains(r.key.as_str());
    let longest = ms
        .iter()
        .filter(named)
        .max_by_key(|r| r.cand.tokens.len())
        .or_else(|| ms.iter().max_by_key(|r| r.cand.tokens.len()));
    let Some(longest) = longest else {
        return Err(Rejected::NoName);
    };
    // The fullest name's mentions type the entity ("Nordahl Lelandais" PER
    // outvotes "Lelandais" tagged LOC six times); others only break silence.
    let full: Vec<EntityKind> = ms
        .iter()
        .filter(|r| r.key == longest.key)
        .filter_map(|r| r.cand.label)
        .collect();
    let votes = if full.is_empty() {
        ms.iter().filter_map(|r| r.cand.label).collect()
    } else {
        full
    };
    let ev = types::TypeEvidence {
        votes,
        longest_label: longest.cand.label,
        titled: ms.iter().any(|r| r.cand.person),
        key: key.clone(),
        plural_common: ms.iter().any(|r| r.plural_noun),
    };
    let t = tables();
    if !key.chars().any(char::is_alphabetic) || is_demonym(&ms, &key) {
        return Err(Rejected::NoName);
    }
    // "le ministre du Travail": the field of an office is no place, unless
    // a known place ("le ministre de la Défense de l'Ukraine" names Ukraine).
    if ms.iter().all(|r| r.portfolio) && !t.places.contains_key(&key) {
        return Err(Rejected::NoName);
    }
    if ms.iter().all(|r| r.shouted) {
        return Err(Rejected::Name(None));
    }
    // A common word alone in a verbless line ("Monde : …", a rubric) names
    // nothing, here or through another document's name.
    if !key.contains(' ') && t.common.contains(&key) && ms.iter().all(|r| r.lone && !r.article && !r.region) {
        return Err(Rejected::NoName);
    }
    let Some(kind) = types::decide(&ev) else {
        return Err(Rejected::Name(None));
    };
    let single = !key.contains(' ');
    if !supported(&ms, &key, single) {
        return Err(Rejected::Name(Some(kind)));
    }
    Ok(Entity { label, kind, aliases })
}

/// Whether a cluster is a demonym ("les Ukrainiens", "russe") rather than a
/// name. A country whose name is also its demonym ("Suisse", "Argentine")
/// is the country when written with a capital: "en Suisse", "la Suisse".
fn is_demonym(ms: &[&Raw], key: &str) -> bool {
    match tables().demonym(key) {
        None => false,
        Some(country) => {
            normalise_name(country) != key || !ms.iter().any(|r| spans::starts_upper(&r.text) && !r.plural_noun)
        }
    }
}

/// "les 28 États membres de l'Union": a one-word span that the tagger
/// reads as a plural common noun, counted by a number and qualified by a
/// lower-case noun or adjective right after it, heads a common noun
/// phrase (a number of states), not a name ("les deux Corées" has no
/// such word after it).
fn counted_common_noun(doc: &Doc, tokens: &Range<usize>) -> bool {
    if tokens.len() != 1 {
        return false;
    }
    let n = tokens.start;
    let t = &doc.tokens[n];
    let counted = doc.tokens.iter().any(|c| c.head == n && c.dep == "nummod");
    let qualified = doc.tokens.get(n + 1).is_some_and(|q| {
        q.head == n
            && matches!(q.pos.as_str(), "NOUN" | "ADJ")
            && !q.sent_start
            && q.text.chars().next().is_some_and(char::is_lowercase)
    });
    t.pos == "NOUN" && t.morph.contains("Number=Plur") && counted && qualified
}

/// Whether a folded name is a time zone written as an offset ("UTC+3",
/// "GMT-5", "UTC"): a time, never a place.
fn is_time_zone(key: &str) -> bool {
    let rest = key.strip_prefix("utc").or_else(|| key.strip_prefix("gmt"));
    rest.is_some_and(|r| {
        let r = r.trim_start();
        let Some(offset) = r.strip_prefix(['+', '-', '\u{2212}']) else {
            return r.is_empty();
        };
        let offset = offset.trim_start();
        offset.chars().all(|c| c.is_ascii_digit() || c == ':') && offset.chars().any(|c| c.is_ascii_digit())
    })
}

/// Whether a cluster is a real entity rather than a capitalised word.
fn supported(ms: &[&Raw], key: &str, single: bool) -> bool {
    let t = tables();
    if is_time_zone(key) {
        return false;
    }
    if !single {
        return true;
    }
    // "Le Monde": a common word is a name when the text always writes it
    // with its capitalised article ("tuer la République" beside "La
    // République" says the word is the common one).
    if t.common.contains(key)
        && !ms.iter().all(|r| r.article && r.cand.label.is_some())
        && !ms.iter().all(|r| r.region && r.cand.label.is_some())
    {
        return false;
    }
    if t.places.contains_key(key) || ms.iter().any(|r| r.cand.person) {
        return true;
    }
    let from_ner = ms.iter().filter(|r| r.cand.label.is_some()).count();
    if from_ner == 0 || (ms.len() == 1 && ms[0].lone) {
        return false;
    }
    // A name is capitalised or holds a digit ("A51"); French capitalises
    // common nouns only at a sentence start, so a capitalised noun there
    // needs a second mention or a proper-noun tag.
    // An acronym ("ABC", tagged a common noun) and a word set apart in
    // brackets or quotes are names as much as a capitalised word is.
    let name_like = |r: &&&Raw| {
        r.head_pos == "PROPN"
            || r.capitalised_inside
            || r.set_apart
            || r.article
            || crate::names::all_caps(&r.text)
            || r.text.chars().any(|c| c.is_ascii_digit())
    };
    ms.len() >= 2 || ms.iter().any(|r| name_like(&r))
}

/// The best-cased fullest name as written (a form with lower-case letters
/// before one in capitals throughout, then most words, then most frequent,
/// then first seen; never a name given in passing, `alias_keys`) and the
/// other distinct spellings.
fn label_and_aliases(ms: &[&Raw], alias_keys: &HashSet<&str>) -> (String, Vec<String>) {
    let mut texts: Vec<(String, usize, usize)> = Vec::new(); // text, count, first position
    for (i, r) in ms.iter().enumerate() {
        match texts.iter_mut().find(|(t, _, _)| *t == r.text) {
            Some(entry) => entry.1 += 1,
            None => texts.push((r.text.clone(), 1, i)),
        }
    }
    // Another name given in passing (`alias_keys`) is an alias, never the label.
    let is_alias = |t: &str| alias_keys.contains(normalise_name(t).as_str());
    let words = |t: &str| t.split(|c: char| c.is_whitespace() || c == '-').count();
    texts.sort_by(|a, b| {
        is_alias(&a.0)
            .cmp(&is_alias(&b.0))
            .then(crate::names::casing_rank(&a.0).cmp(&crate::names::casing_rank(&b.0)))
            .then(words(&b.0).cmp(&words(&a.0)))
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
    });
    let mut names = texts.into_iter().map(|(t, _, _)| t);
    let mut label = names.next().unwrap_or_default();
    // Written only in capitals: a known place takes its table's spelling
    // ("VARSOVIE" is Varsovie), when it differs in case alone.
    if crate::names::all_caps(&label) {
        if let Some(place) = tables()
            .place(&label)
            .filter(|p| crate::names::fold(p) == crate::names::fold(&label) && !crate::names::all_caps(p))
        {
            label = place.to_string();
        }
    }
    // "BERLIN" beside "Berlin" is the same name shouted, not an alias.
    let cased: HashSet<String> = std::iter::once(&label)
        .chain(ms.iter().map(|r| &r.text))
        .filter(|t| !crate::names::all_caps(t))
        .map(|t| crate::names::fold(t))
        .collect();
    let aliases = names
        .filter(|t| !(crate::names::all_caps(t) && cased.contains(&crate::names::fold(t))))
        .collect();
    (label, aliases)
}

/// Whether a paragraph is written in capitals throughout (a shouted
/// headline): no lower-case letter, and two words of two letters or more.
fn shouted_line(text: &str) -> bool {
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count();
    words >= 2 && !text.chars().any(char::is_lowercase)
}

/// Whether a name's head token is the "de" complement of a title noun whose
/// complement is a field of office (`portfolio` in lexicon.tsv): "ministre
/// du Travail", "secrétaire d'État".
fn is_portfolio(doc: &Doc, head: usize) -> bool {
    let t = &doc.tokens[head];
    let Some(title) = doc.tokens.get(t.head).filter(|_| t.head != head && t.dep == "nmod") else {
        return false;
    };
    let de = doc.tokens.iter().enumerate().any(|(k, c)| {
        c.head == head
            && c.dep == "case"
            && matches!(c.text.to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "d\u{2019}")
            && k < head
    });
    de && lexicon().is(Class::Portfolio, &title.lemma.to_lowercase())
}

/// The document as a whole: paragraphs, docs, sentence numbering, and the
/// original text indexed by character.
struct Context<'a> {
    original: String,
    paragraphs: &'a [Paragraph],
    docs: &'a [Doc],
    /// Byte offset of every character of the original, plus its length.
    char_bytes: Vec<usize>,
    /// Document-wide index of each paragraph's first sentence.
    sentence_base: Vec<usize>,
    /// Per paragraph, per token: the sentence index within the paragraph.
    token_sentence: Vec<Vec<usize>>,
    /// Paragraph 0 is the article's title.
    titled: bool,
}

impl<'a> Context<'a> {
    fn new(prepared: &'a PreparedText, docs: &'a [Doc]) -> Self {
        let n = docs.len().min(prepared.paragraphs.len());
        // Names are read from the reading view (entities decoded), at the original's offsets.
        let original = prepared.reading_view();
        let mut char_bytes: Vec<usize> = original.char_indices().map(|(b, _)| b).collect();
        char_bytes.push(original.len());
        let mut sentence_base = Vec::with_capacity(n);
        let mut token_sentence = Vec::with_capacity(n);
        let mut base = 0;
        for doc in &docs[..n] {
            sentence_base.push(base);
            let mut per_token = vec![0; doc.tokens.len()];
            let sentences = doc.sentences();
            for (si, range) in sentences.iter().enumerate() {
                for t in range.clone() {
                    per_token[t] = si;
                }
            }
            base += sentences.len();
            token_sentence.push(per_token);
        }
        Context {
            original,
            paragraphs: &prepared.paragraphs[..n],
            docs: &docs[..n],
            char_bytes,
            sentence_base,
            token_sentence,
            titled: prepared.title.is_some(),
        }
    }

    /// Original-text character span of a token range, if the offsets map it.
    fn span(&self, p: usize, tokens: &Range<usize>) -> Option<(usize, usize)> {
        let doc = &self.docs[p];
        let first = doc.tokens.get(tokens.start)?;
        let last = doc.tokens.get(tokens.end.checked_sub(1)?)?;
        let offsets = &self.paragraphs[p].offsets;
        let start = *offsets.get(first.start)?;
        let end = offsets.get(last.end().checked_sub(1)?)? + 1;
        (start < end && end < self.char_bytes.len()).then_some((start, end))
    }

    fn original_text(&self, start: usize, end: usize) -> String {
        crate::input::markup::visible(&self.original[self.char_bytes[start]..self.char_bytes[end]])
    }

    /// Short names given in parentheses right beside a longer one: "la
    /// Cour pénale internationale (CPI)", "l'Ufip (Union française des
    /// industries pétrolières)". Returns (short, long) pairs of indices into
    /// `raws` (sorted by position, as [`Self::raw_mentions`] returns them).
    /// The short name is one word opening with a capital, no known place
    /// ("Trèbes (Aude)" says where, not who), whose letters are initials
    /// of the long one's words ([`merge::spells_loosely`]); the long one
    /// has two words or more and is neither a person nor a known place.
    fn glosses(&self, raws: &[Raw]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 1..raws.len() {
            let (a, b) = (&raws[i - 1], &raws[i]);
            if a.paragraph != b.paragraph {
                continue;
            }
            let tokens = &self.docs[a.paragraph].tokens;
            let text = |k: usize| tokens.get(k).map(|t| t.text.as_str());
            // "A (B": B opens the parenthesis right after A. The long name
            // may be followed by more words inside it ("Pipa (Parc … situé
            // sur …)"), the short one must close it ("Cour … (CPI)").
            if a.cand.tokens.end + 1 != b.cand.tokens.start || text(a.cand.tokens.end) != Some("(") {
                continue;
            }
            let closed = text(b.cand.tokens.end) == Some(")");
            let one_word = |r: &Raw| r.cand.tokens.len() == 1 && r.text.chars().next().is_some_and(char::is_uppercase);
            let long_name = |r: &Raw| {
                crate::names::words(&r.key).len() >= 2
                    && !r.place
                    && !r.cand.person
                    && r.cand.label != Some(EntityKind::Person)
            };
            let (short, long) = if one_word(b) && long_name(a) && closed {
                (i, i - 1)
            } else if one_word(a) && long_name(b) {
                (i - 1, i)
            } else {
                continue;
            };
            if raws[short].place || !merge::spells_loosely(&raws[short].key, &raws[long].key) {
                continue;
            }
            out.push((short, long));
        }
        out
    }

    /// Other names a text gives a name in passing: "la Coupe de Russie,
    /// compétition de patinage parfois appelée Coupe Rostelecom", "Maxime
    /// Dupont alias « Fly »", "X, surnommé Y", "X, connu sous le nom de Y".
    /// Returns (alias, name) pairs of indices into `raws`: the alias is the
    /// name right after a naming participle (appeler, surnommer, baptiser,
    /// dénommer; not after an auxiliary, so "a appelé Y" is a call) or
    /// "alias", an opening quote allowed; the name is the nearest name
    /// before it in its paragraph (the parser's sentence splitter may cut
    /// between the two), with no verb or full stop in between and at most
    /// eight words. Neither may be a known place.
    fn aliases(&self, raws: &[Raw]) -> Vec<(usize, usize)> {
        const NAMING: [&str; 4] = ["appeler", "surnommer", "baptiser", "dénommer"];
        let mut out = Vec::new();
        for i in 1..raws.len() {
            let (a, b) = (&raws[i - 1], &raws[i]);
            if a.paragraph != b.paragraph || a.place || b.place {
                continue;
            }
            let tokens = &self.docs[a.paragraph].tokens;
            let mut k = b.cand.tokens.start;
            if k > 0 && matches!(tokens[k - 1].text.as_str(), "«" | "\"" | "“") {
                k -= 1;
            }
            let Some(word) = k.checked_sub(1).and_then(|w| tokens.get(w)) else {
                continue;
            };
            let naming = word.text.eq_ignore_ascii_case("alias")
                || (NAMING.contains(&word.lemma.as_str()) && word.morph.contains("VerbForm=Part"));
            let gap = a.cand.tokens.end..k - 1;
            if !naming || a.cand.tokens.end > k - 1 || gap.len() > 8 {
                continue;
            }
            let verb_between = gap.clone().any(|t| {
                matches!(tokens[t].pos.as_str(), "VERB" | "AUX")
                    || matches!(tokens[t].text.as_str(), "." | "!" | "?" | ";")
            });
            if verb_between {
                continue;
            }
            out.push((i, i - 1));
        }
        out
    }

    fn raw_mentions(&self) -> Vec<Raw> {
        let mut out = Vec::new();
        let mut shouted = Vec::new();
        for (p, doc) in self.docs.iter().enumerate() {
            let shouting = shouted_line(&self.paragraphs[p].text);
            for cand in spans::candidates(doc) {
                if shouting && crate::names::all_caps(&spans::text_of(doc, &cand.tokens)) {
                    shouted.push((p, cand));
                    continue;
                }
                out.extend(self.raw(p, cand, false));
            }
        }
        // In a line written in capitals ("BERLIN ACCUEILLE LE SOMMET") the
        // capitals say nothing: only the names the document writes in
        // ordinary case, or known places, are names there.
        let written: HashSet<String> = out.iter().map(|r| r.key.clone()).collect();
        for (p, cand) in shouted {
            out.extend(self.names_in_capitals(p, &cand.tokens, &written));
        }
        out.sort_by_key(|r| (r.start, r.end));
        out
    }

    /// The names inside a span of a line written in capitals: the longest
    /// runs of its words that the document names in ordinary case
    /// (`written`: keys) or that are known places; every other
    /// capitalised content word is a [`Raw::shouted`] mention, a name only
    /// if the corpus knows it.
    fn names_in_capitals(&self, p: usize, tokens: &Range<usize>, written: &HashSet<String>) -> Vec<Raw> {
        let doc = &self.docs[p];
        let candidate = |range: Range<usize>| Candidate {
            tokens: range,
            label: None,
            person: false,
            role: None,
            feminine: None,
        };
        let mut out = Vec::new();
        let mut i = tokens.start;
        while i < tokens.end {
            let hit = (i + 1..=tokens.end).rev().find(|&e| {
                let text = spans::text_of(doc, &(i..e));
                let key = normalise_name(&text);
                !key.is_empty() && (written.contains(&key) || tables().places.contains_key(&key))
            });
            if let Some(e) = hit {
                out.extend(self.raw(p, candidate(i..e), false));
                i = e;
                continue;
            }
            let t = &doc.tokens[i];
            let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
            let content = matches!(t.pos.as_str(), "PROPN" | "NOUN" | "X");
            if letters >= 3 && content && !tables().common.contains(&crate::names::fold(&t.text)) {
                out.extend(self.raw(p, candidate(i..i + 1), true));
            }
            i += 1;
        }
        out
    }

    /// A name candidate of paragraph `p` with what the document says
    /// around it; `None` when its span does not map or holds no name.
    fn raw(&self, p: usize, cand: Candidate, shouted: bool) -> Option<Raw> {
        let doc = &self.docs[p];
        let (start, end) = self.span(p, &cand.tokens)?;
        let text = self.original_text(start, end);
        let key = normalise_name(&text);
        if key.is_empty() {
            return None;
        }
        let local = self.token_sentence[p][cand.tokens.start];
        let head = spans::name_head(doc, &cand.tokens);
        // A verbless line that opens with a preposition ("À Lunel (Hérault)",
        // a place cut off from its clause by the sentence splitter) locates
        // what follows: the places it names are no rubric.
        let place_lead_in = |r: &std::ops::Range<usize>| {
            doc.tokens[head].ent_type == "LOC"
                && r.clone()
                    .find(|&k| doc.tokens[k].pos != "PUNCT")
                    .is_some_and(|k| doc.tokens[k].pos == "ADP")
        };
        let lone = doc.sentences().get(local).is_some_and(|r| {
            !r.clone().any(|k| matches!(doc.tokens[k].pos.as_str(), "VERB" | "AUX")) && !place_lead_in(r)
        });
        if counted_common_noun(doc, &cand.tokens) {
            return None;
        }
        let portfolio = is_portfolio(doc, head);
        let first = &doc.tokens[cand.tokens.start];
        // "La République En Marche" cut short by the NER is no name "La République".
        let cut_short = doc.tokens.get(cand.tokens.end).is_some_and(|t| {
            spans::starts_upper(&t.text) && t.text.chars().all(char::is_alphabetic) && t.pos != "PUNCT"
        });
        let article = cand.tokens.len() >= 2
            && first.pos == "DET"
            && spans::starts_upper(&first.text)
            && !first.sent_start
            && !cut_short;
        let text_at = |k: Option<usize>| k.and_then(|k| doc.tokens.get(k)).map(|t| t.text.as_str());
        let set_apart = cand.tokens.len() == 1
            && spans::starts_upper(&first.text)
            && matches!(
                (
                    text_at(cand.tokens.start.checked_sub(1)),
                    text_at(Some(cand.tokens.end))
                ),
                (Some("("), Some(")")) | (Some("«"), Some("»")) | (Some("\""), Some("\""))
            );
        let region = set_apart
            && text_at(cand.tokens.start.checked_sub(1)) == Some("(")
            && doc.tokens[head].dep == "appos"
            && doc
                .tokens
                .get(doc.tokens[head].head)
                .is_some_and(|h| h.pos == "PROPN" && h.ent_type == "LOC");
        Some(Raw {
            paragraph: p,
            sentence: self.sentence_base[p] + local,
            place: tables().places.contains_key(&key),
            head_pos: doc.tokens[head].pos.clone(),
            after_class_noun: cand
                .tokens
                .start
                .checked_sub(1)
                .and_then(|i| doc.tokens.get(i))
                .is_some_and(|t| {
                    let w = crate::names::fold(&t.text);
                    t.text.chars().next().is_some_and(char::is_lowercase)
                        && (tables().landmark_words.contains(&w) || tables().structure_words.contains(&w))
                }),
            capitalised_inside: spans::starts_upper(&doc.tokens[cand.tokens.start].text)
                && !doc.tokens[cand.tokens.start].sent_start
                && cand.tokens.start > 0
                && doc.tokens[cand.tokens.start - 1].pos != "PUNCT",
            plural_noun: doc.tokens[head].pos == "NOUN" && doc.tokens[head].morph.contains("Number=Plur"),
            cand,
            key,
            start,
            end,
            text,
            lone,
            portfolio,
            shouted,
            article,
            set_apart,
            region,
            alias: false,
        })
    }

    /// Adds a raw mention (and its role) to the table under `entity`.
    fn record(&self, table: &mut EntityTable, info: &mut coref::EntityInfo, r: &Raw, entity: usize) {
        table.mentions.push(Mention {
            entity,
            sentence: r.sentence,
            start: r.start,
            end: r.end,
            text: r.text.clone(),
        });
        table.mention_tokens.push((r.paragraph, r.cand.tokens.clone()));
        for t in r.cand.tokens.clone() {
            table.at.insert((r.paragraph, t), entity);
        }
        if info.feminine.is_none() {
            info.feminine = r.cand.feminine;
        }
        let Some(role) = &r.cand.role else { return };
        let doc = &self.docs[r.paragraph];
        for t in role.clone() {
            let tok = &doc.tokens[t];
            if tables().is_title(&tok.text) {
                info.describe(&tok.text, &tok.lemma);
            }
        }
        if let Some((start, end)) = self.span(r.paragraph, role) {
            table.roles.push(RoleMention {
                entity,
                role: self.original_text(start, end),
                paragraph: r.paragraph,
                sentence: r.sentence,
                start,
                end,
                tokens: role.clone(),
            });
        }
    }

    /// Maps every demonym token outside a name to its country's entity,
    /// adding the country as an entity when the text never names it.
    fn link_demonyms(&self, table: &mut EntityTable) {
        for (p, doc) in self.docs.iter().enumerate() {
            for (i, t) in doc.tokens.iter().enumerate() {
                if table.at.contains_key(&(p, i)) || !matches!(t.pos.as_str(), "ADJ" | "NOUN" | "PROPN") {
                    continue;
                }
                let Some(country) = tables().demonym(&t.text) else {
                    continue;
                };
                let entity = self.country_entity(table, country);
                table.demonyms.insert((p, i), entity);
            }
        }
    }

    fn country_entity(&self, table: &mut EntityTable, country: &str) -> usize {
        let key = normalise_name(country);
        let found = table.entities.iter().position(|e| {
            e.kind == EntityKind::Place
                && std::iter::once(&e.label)
                    .chain(&e.aliases)
                    .any(|n| normalise_name(n) == key)
        });
        if let Some(e) = found {
            return e;
        }
        table.entities.push(Entity {
            label: country.to_string(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
        });
        table.entities.len() - 1
    }

    /// Pronouns and definite descriptions resolved to entities ([`coref`]):
    /// each resolved token maps to its entity in `at`; appositions go to
    /// `apposed`.
    fn resolve_coreference(&self, table: &mut EntityTable, infos: &mut [coref::EntityInfo]) {
        let named: Vec<coref::NamedMention> = table
            .mentions
            .iter()
            .zip(&table.mention_tokens)
            .map(|(m, (p, range))| coref::NamedMention {
                entity: m.entity,
                kind: table.entities[m.entity].kind,
                paragraph: *p,
                tokens: range.clone(),
                sentence: m.sentence,
            })
            .collect();
        let mut role_at: HashMap<(usize, usize), usize> = HashMap::new();
        for r in &table.roles {
            for t in r.tokens.clone() {
                role_at.entry((r.paragraph, t)).or_insert(r.entity);
            }
        }
        let at = &table.at;
        let learned = coref::learn(self.docs, &named, infos, &|p, i| at.contains_key(&(p, i)), &|p, i| {
            role_at.get(&(p, i)).copied()
        });
        for &(p, i, e) in &learned.named_by {
            if let std::collections::hash_map::Entry::Vacant(slot) = table.at.entry((p, i)) {
                slot.insert(e);
                table.naming.insert((p, i));
            }
        }
        for &(p, n, start, e) in &learned.before {
            table.described_before.entry((p, n)).or_insert((start, e));
        }
        for &(p, i, e) in &learned.apposed {
            table.apposed.entry((p, i)).or_insert(e);
        }
        let at = &table.at;
        let resolved = coref::pronouns(
            self.docs,
            &self.sentence_base,
            &named,
            infos,
            &|p, i| at.contains_key(&(p, i)),
            self.titled,
        );
        for (p, i, e) in resolved {
            table.at.insert((p, i), e);
            table.referring.insert((p, i));
        }
        let at = &table.at;
        let resolved = coref::descriptions(
            self.docs,
            &self.sentence_base,
            &named,
            infos,
            &learned.sources,
            &|p, i| at.contains_key(&(p, i)),
        );
        for (p, i, e) in resolved {
            table.at.insert((p, i), e);
            table.referring.insert((p, i));
        }
    }
}

#[cfg(test)]
mod tests;
