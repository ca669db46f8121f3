//! Light coreference: a subject pronoun (il, elle) or a bare definite title
//! ("le président", "la ministre") resolved to the one person it can mean.
//!
//! A pronoun takes the single person of the right gender mentioned earlier
//! in its sentence or in the previous one; a bare title takes the single
//! person earlier in the document who was given that title. Anything
//! ambiguous stays unresolved. Reads mentions and roles; writes nothing
//! but the pairs it returns.

use super::tables::tables;
use crate::extract::rules::lexicon::{lexicon, Class};
use crate::facts::EntityKind;
use crate::nlp::Doc;

/// A person mention as coreference sees it.
#[derive(Debug, Clone)]
pub struct PersonMention {
    pub entity: usize,
    pub paragraph: usize,
    /// First token of the mention.
    pub token: usize,
    /// Document-wide sentence index.
    pub sentence: usize,
}

/// What coreference knows of a person entity.
#[derive(Debug, Clone, Default)]
pub struct PersonInfo {
    pub feminine: Option<bool>,
    /// Lower-case title head words given to the person ("président").
    pub titles: Vec<String>,
}

/// A mention of any named entity, as definite descriptions see it.
#[derive(Debug, Clone)]
pub struct NamedMention {
    pub entity: usize,
    pub kind: EntityKind,
    pub paragraph: usize,
    /// First token of the mention.
    pub token: usize,
    /// Document-wide sentence index.
    pub sentence: usize,
}

/// How many sentences back a definite description looks for its entity.
const DESCRIPTION_WINDOW: usize = 3;

/// Definite descriptions that refer back ("l'entreprise", "le club", "le
/// pays"): a bare definite noun of the `refers-org` or `refers-place` class
/// of lexicon.tsv takes the one entity of that kind named in its sentence
/// before it or in the [`DESCRIPTION_WINDOW`] sentences before; two
/// candidates leave it unresolved. Returns (paragraph, token, entity).
pub fn descriptions(
    docs: &[Doc],
    sentence_base: &[usize],
    mentions: &[NamedMention],
    covered: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (p, doc) in docs.iter().enumerate() {
        for (si, range) in doc.sentences().into_iter().enumerate() {
            let sentence = sentence_base[p] + si;
            for i in range {
                if covered(p, i) || !is_bare_definite(doc, i) {
                    continue;
                }
                let lemma = doc.tokens[i].lemma.to_lowercase();
                let kind = if lex.is(Class::RefersOrg, &lemma) {
                    EntityKind::Organization
                } else if lex.is(Class::RefersPlace, &lemma) {
                    EntityKind::Place
                } else {
                    continue;
                };
                let mut cands: Vec<usize> = mentions
                    .iter()
                    .filter(|m| m.kind == kind && before_named(m, p, i) && m.sentence + DESCRIPTION_WINDOW >= sentence)
                    .map(|m| m.entity)
                    .collect();
                cands.sort_unstable();
                cands.dedup();
                if let [e] = cands[..] {
                    out.push((p, i, e));
                }
            }
        }
    }
    out
}

fn before_named(m: &NamedMention, p: usize, i: usize) -> bool {
    m.paragraph < p || (m.paragraph == p && m.token < i)
}

/// "le club", "l'entreprise", "ce parti" with nothing after the noun that names or
/// describes something else (a name, a complement, an adjective).
fn is_bare_definite(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.pos != "NOUN" || i == 0 || !t.morph.contains("Number=Sing") {
        return false;
    }
    let det = doc.tokens[i - 1].text.to_lowercase().replace('\u{2019}', "'");
    if !matches!(det.as_str(), "le" | "la" | "l'" | "ce" | "cet" | "cette") {
        return false;
    }
    doc.tokens.get(i + 1).is_none_or(|n| {
        !(matches!(n.pos.as_str(), "PROPN" | "ADP" | "ADJ") || n.text.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Resolved (paragraph, token, entity) triples.
pub fn resolve(
    docs: &[Doc],
    sentence_base: &[usize],
    mentions: &[PersonMention],
    people: &[PersonInfo],
    covered: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (p, doc) in docs.iter().enumerate() {
        for (si, range) in doc.sentences().into_iter().enumerate() {
            let sentence = sentence_base[p] + si;
            for i in range {
                if covered(p, i) {
                    continue;
                }
                let t = &doc.tokens[i];
                let lower = clitic_base(&t.text);
                let found = if t.pos == "PRON" && (lower == "il" || lower == "elle") {
                    pronoun(mentions, people, p, i, sentence, lower == "elle")
                } else if is_bare_title(doc, i) {
                    title(mentions, people, p, i, &lower)
                } else {
                    None
                };
                if let Some(e) = found {
                    out.push((p, i, e));
                }
            }
        }
    }
    out
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

fn before(m: &PersonMention, p: usize, i: usize) -> bool {
    m.paragraph < p || (m.paragraph == p && m.token < i)
}

fn pronoun(
    mentions: &[PersonMention],
    people: &[PersonInfo],
    p: usize,
    i: usize,
    sentence: usize,
    fem: bool,
) -> Option<usize> {
    let mut cands: Vec<usize> = mentions
        .iter()
        .filter(|m| before(m, p, i) && m.sentence + 1 >= sentence && m.sentence <= sentence)
        .map(|m| m.entity)
        .filter(|&e| people.get(e).is_some_and(|info| info.feminine.is_none_or(|f| f == fem)))
        .collect();
    cands.sort_unstable();
    cands.dedup();
    match cands[..] {
        [e] => Some(e),
        _ => None,
    }
}

/// A definite title noun with no name after it: "le président a dit".
fn is_bare_title(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.pos != "NOUN" || !tables().is_title(&t.text) || i == 0 {
        return false;
    }
    let det = doc.tokens[i - 1].text.to_lowercase();
    if !matches!(det.as_str(), "le" | "la" | "l'") {
        return false;
    }
    // A name or a complement right after makes it a role, not a reference.
    doc.tokens
        .get(i + 1)
        .is_none_or(|n| !(n.pos == "PROPN" || n.pos == "ADP" || n.text.chars().next().is_some_and(char::is_uppercase)))
}

fn title(mentions: &[PersonMention], people: &[PersonInfo], p: usize, i: usize, word: &str) -> Option<usize> {
    let mut cands: Vec<usize> = mentions
        .iter()
        .filter(|m| before(m, p, i))
        .map(|m| m.entity)
        .filter(|&e| people.get(e).is_some_and(|info| info.titles.iter().any(|t| t == word)))
        .collect();
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
