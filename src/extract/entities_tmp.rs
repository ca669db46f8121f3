//! TEMPORARY adapter standing in for `crate::extract::entities` (owned by the
//! entities engineer) until that module lands on main; remove this file when
//! merging and point `extract::mod` at the real module.
//!
//! It offers the same surface (`EntityTable`, `RoleMention`, `find_entities`,
//! `entity_at`) built the simple way: NER spans trimmed by POS, mentions merged
//! by label (a one-word name joins the longer name it ends), title nouns before
//! or after a person as roles, demonym adjectives pointing at a country that
//! the text names. It must not grow into a second entity module.

use std::collections::HashMap;

use crate::facts::{self, EntityKind, KnownEntity};
use crate::nlp::Doc;

use super::input::PreparedText;
use super::rules::lexicon::{lexicon, Class};

/// A title or function written next to a person ("le ministre de la Défense").
#[derive(Debug, Clone, PartialEq)]
pub struct RoleMention {
    pub entity: usize,
    pub role: String,
    pub paragraph: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Token range of the role in the paragraph's `Doc`.
    pub tokens: std::ops::Range<usize>,
}

/// Entities, their mentions and roles for one document.
#[derive(Debug, Clone, Default)]
pub struct EntityTable {
    pub entities: Vec<facts::Entity>,
    pub mentions: Vec<facts::Mention>,
    pub roles: Vec<RoleMention>,
    at: HashMap<(usize, usize), usize>,
    demonyms: HashMap<(usize, usize), usize>,
}

impl EntityTable {
    /// The entity a mention token belongs to.
    pub fn entity_at(&self, paragraph: usize, token: usize) -> Option<usize> {
        self.at.get(&(paragraph, token)).copied()
    }

    /// The country a demonym adjective stands for, when the text names it.
    pub fn demonym_country(&self, paragraph: usize, token: usize) -> Option<usize> {
        self.demonyms.get(&(paragraph, token)).copied()
    }
}

const DEMONYMS: &[(&str, &str)] = &[
    ("ukrainien", "Ukraine"),
    ("américain", "États-Unis"),
    ("russe", "Russie"),
    ("français", "France"),
    ("britannique", "Royaume-Uni"),
    ("allemand", "Allemagne"),
    ("chinois", "Chine"),
    ("israélien", "Israël"),
    ("iranien", "Iran"),
    ("turc", "Turquie"),
    ("italien", "Italie"),
    ("espagnol", "Espagne"),
    ("saoudien", "Arabie saoudite"),
    ("syrien", "Syrie"),
    ("japonais", "Japon"),
    ("canadien", "Canada"),
    ("belge", "Belgique"),
    ("suisse", "Suisse"),
    ("polonais", "Pologne"),
    ("européen", "Union européenne"),
];

/// Builds the table from NER spans.
pub fn find_entities(prepared: &PreparedText, docs: &[Doc], _known: &[KnownEntity]) -> EntityTable {
    let original: Vec<char> = prepared.original.chars().collect();
    let sent_of = super::sentence_index(docs);
    let mut raw: Vec<(usize, usize, usize, EntityKind, String)> = Vec::new(); // para, start, end, kind, label
    for (p, doc) in docs.iter().enumerate() {
        for span in &doc.entities {
            let Some((s, e, kind)) = trim_span(doc, span.start, span.end, &span.label) else {
                continue;
            };
            let label = slice(&original, prepared, p, doc, s, e);
            if label.chars().count() < 2 {
                continue;
            }
            raw.push((p, s, e, kind, label));
        }
    }
    // Merge by label: a one-word label joins the longer label it ends.
    let mut table = EntityTable::default();
    let mut by_label: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(raw[i].4.split_whitespace().count()));
    let mut entity_of_raw = vec![0usize; raw.len()];
    for &i in &order {
        let (_, _, _, kind, label) = &raw[i];
        let key = label.to_lowercase();
        let found = by_label.get(&key).copied().or_else(|| {
            table.entities.iter().position(|e| {
                e.label.split_whitespace().count() > 1 && e.label.to_lowercase().ends_with(&format!(" {key}"))
            })
        });
        let id = match found {
            Some(id) => id,
            None => {
                table.entities.push(facts::Entity {
                    label: label.clone(),
                    kind: *kind,
                    aliases: vec![],
                });
                table.entities.len() - 1
            }
        };
        if table.entities[id].label != *label && !table.entities[id].aliases.contains(label) {
            table.entities[id].aliases.push(label.clone());
        }
        by_label.insert(key, id);
        entity_of_raw[i] = id;
    }
    for (i, (p, s, e, _, label)) in raw.iter().enumerate() {
        let (start, end) = char_span(prepared, *p, &docs[*p], *s, *e);
        table.mentions.push(facts::Mention {
            entity: entity_of_raw[i],
            sentence: sent_of[*p][*s],
            start,
            end,
            text: label.clone(),
        });
        for t in *s..*e {
            table.at.insert((*p, t), entity_of_raw[i]);
        }
    }
    for (p, doc) in docs.iter().enumerate() {
        for (t, tok) in doc.tokens.iter().enumerate() {
            if tok.pos != "ADJ" || table.at.contains_key(&(p, t)) {
                continue;
            }
            let lemma = tok.lemma.to_lowercase();
            if let Some((_, country)) = DEMONYMS.iter().find(|(d, _)| *d == lemma) {
                if let Some(id) = table
                    .entities
                    .iter()
                    .position(|e| e.label == *country || e.aliases.iter().any(|a| a == country))
                {
                    table.demonyms.insert((p, t), id);
                }
            }
        }
    }
    find_roles(&mut table, prepared, docs, &original, &sent_of);
    table
}

fn trim_span(doc: &Doc, mut s: usize, mut e: usize, label: &str) -> Option<(usize, usize, EntityKind)> {
    let toks = &doc.tokens;
    while s < e && matches!(toks[s].pos.as_str(), "DET" | "ADP" | "PUNCT") {
        s += 1;
    }
    while e > s && matches!(toks[e - 1].pos.as_str(), "PRON" | "SCONJ" | "PUNCT" | "ADP" | "DET") {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    let mut kind = EntityKind::from_code(label).unwrap_or(EntityKind::Misc);
    // A title noun before a run of proper nouns is a role, not part of the name.
    if lexicon().is(Class::Title, &toks[s].lemma) {
        let mut b = e;
        while b > s && toks[b - 1].pos == "PROPN" {
            b -= 1;
        }
        if b == e || b == s {
            return None;
        }
        s = b;
        kind = EntityKind::Person;
    }
    if !(s..e).any(|t| toks[t].pos == "PROPN") {
        if (s..e).any(|t| lexicon().is(Class::Title, &toks[t].lemma)) {
            return None;
        }
        // A lone common noun under a title ("secrétaire d'État") is part of the role.
        let head = toks.get(toks[s].head);
        if e - s == 1 && head.is_some_and(|h| lexicon().is(Class::Title, &h.lemma)) {
            return None;
        }
    }
    Some((s, e, kind))
}

fn slice(original: &[char], prepared: &PreparedText, p: usize, doc: &Doc, s: usize, e: usize) -> String {
    let (a, b) = char_span(prepared, p, doc, s, e);
    original.get(a..b).map(|c| c.iter().collect()).unwrap_or_default()
}

/// Original character offsets of tokens `s..e` of paragraph `p`.
fn char_span(prepared: &PreparedText, p: usize, doc: &Doc, s: usize, e: usize) -> (usize, usize) {
    let offsets = prepared.paragraphs.get(p).map(|x| x.offsets.as_slice()).unwrap_or(&[]);
    let a = doc
        .tokens
        .get(s)
        .and_then(|t| offsets.get(t.start))
        .copied()
        .unwrap_or(0);
    let b = doc
        .tokens
        .get(e.saturating_sub(1))
        .and_then(|t| offsets.get(t.end()))
        .copied()
        .unwrap_or(a);
    (a, b.max(a))
}

fn find_roles(
    table: &mut EntityTable,
    prepared: &PreparedText,
    docs: &[Doc],
    original: &[char],
    sent_of: &[Vec<usize>],
) {
    for (p, doc) in docs.iter().enumerate() {
        let toks = &doc.tokens;
        let is_person = |t: usize, table: &EntityTable| {
            table
                .at
                .get(&(p, t))
                .is_some_and(|&id| table.entities[id].kind == EntityKind::Person)
                && toks[t].pos == "PROPN"
        };
        for t in 0..toks.len() {
            if toks[t].pos != "NOUN" || !lexicon().is(Class::Title, &toks[t].lemma) {
                continue;
            }
            let mut start = t;
            while start > 0 && toks[start - 1].pos == "ADJ" && toks[start - 1].head == t {
                start -= 1;
            }
            // Forward: "le ministre de la Défense Rustem Umerov", "le chef de cabinet, Andriy Yermak".
            let mut found = None;
            let mut j = t + 1;
            while j < toks.len() && j <= t + 10 {
                let tok = &toks[j];
                if is_person(j, table) {
                    let prev = &toks[j - 1];
                    if !(prev.pos == "ADP" && prev.lemma == "de") {
                        found = Some(j);
                        break;
                    }
                }
                if tok.text == "," && j + 1 < toks.len() && is_person(j + 1, table) {
                    found = Some(j + 1);
                    break;
                }
                if matches!(tok.pos.as_str(), "VERB" | "AUX" | "CCONJ" | "PRON" | "PUNCT" | "SCONJ") {
                    break;
                }
                if tok.pos == "NOUN" && lexicon().is(Class::Title, &tok.lemma) {
                    break;
                }
                j += 1;
            }
            let (entity, end) = if let Some(j) = found {
                let Some(&id) = table.at.get(&(p, j)) else { continue };
                let mut end = j;
                while end > t + 1 && matches!(toks[end - 1].pos.as_str(), "PUNCT") {
                    end -= 1;
                }
                (id, end)
            } else if (t >= 2 && toks[t - 1].text == ",")
                || (t >= 3 && toks[t - 2].text == "," && toks[t - 1].pos == "DET")
            {
                // Backward: "Andriy Kovalenko, chef du Centre ...".
                let comma = if toks[t - 1].text == "," { t - 1 } else { t - 2 };
                if comma == 0 || !is_person(comma - 1, table) {
                    continue;
                }
                let Some(&id) = table.at.get(&(p, comma - 1)) else {
                    continue;
                };
                let mut end = t + 1;
                while end < toks.len() && !matches!(toks[end].pos.as_str(), "PUNCT" | "VERB" | "AUX" | "CCONJ" | "PRON")
                {
                    end += 1;
                }
                start = t;
                (id, end)
            } else {
                continue;
            };
            let role = slice(original, prepared, p, doc, start, end);
            let (cs, ce) = char_span(prepared, p, doc, start, end);
            table.roles.push(RoleMention {
                entity,
                role,
                paragraph: p,
                sentence: sent_of[p][t],
                start: cs,
                end: ce,
                tokens: start..end,
            });
        }
    }
}
