//! Concept nodes: subjects (and the objects that recur as subjects) that no
//! named entity covers — "les manifestants", "la collision", "le marché du
//! lait" — become nodes of their document, labelled with their noun phrase
//! and typed by their head noun's lemma.
//!
//! Owns the document's concept registry: one concept per distinct noun
//! phrase (case-folded), so a phrase that recurs is one node. It decides
//! which nominals may be concepts (a common-noun head that is not a
//! function word, a number, a time word or a bare pronoun) and nothing
//! else; rules decide where concepts are used. Never touches the store.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::facts::{Concept, LiteralKind, Node, Object};

use super::lexicon::Class;
use super::np::Value;
use super::{Ctx, Para};

/// The concepts found so far in one document, in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Concepts {
    inner: RefCell<Registry>,
}

#[derive(Debug, Default)]
struct Registry {
    list: Vec<Concept>,
    by_key: HashMap<String, usize>,
}

impl Concepts {
    /// The index of the concept labelled `label`, created on first use;
    /// `named` is the entity its noun phrase names, kept from the first
    /// use that found one.
    pub fn intern(&self, label: &str, head: &str, named: Option<usize>) -> usize {
        let key = fold(label);
        let mut r = self.inner.borrow_mut();
        if let Some(&i) = r.by_key.get(&key) {
            if r.list[i].named_entity.is_none() {
                r.list[i].named_entity = named;
            }
            return i;
        }
        let i = r.list.len();
        r.list.push(Concept {
            label: label.to_string(),
            head: head.to_string(),
            named_entity: named,
        });
        r.by_key.insert(key, i);
        i
    }

    /// The concept already registered under this label, if any.
    pub fn find(&self, label: &str) -> Option<usize> {
        self.inner.borrow().by_key.get(&fold(label)).copied()
    }

    /// How many words the concept's label has (0 for an unknown index).
    pub fn label_words(&self, c: usize) -> usize {
        self.inner
            .borrow()
            .list
            .get(c)
            .map_or(0, |x| x.label.split_whitespace().count())
    }

    /// The registry's concepts, in index order.
    pub fn into_list(self) -> Vec<Concept> {
        self.inner.into_inner().list
    }
}

/// Lower case, typographic apostrophes unified, spaces squeezed.
fn fold(label: &str) -> String {
    label
        .replace('\u{2019}', "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Ctx<'_> {
    /// The node a subject value stands for: its entity, or a concept when
    /// it is a common-noun phrase that may be one.
    pub fn subject_node(&self, p: &Para, v: &Value) -> Option<Node> {
        match &v.object {
            Object::Entity(e) => Some(Node::Entity(*e)),
            Object::Concept(c) => Some(Node::Concept(*c)),
            Object::Literal(l) => {
                // "54 %" alone (lemma "pourcent") is no thing; "54 % des
                // Français" is.
                if !self.may_be_concept(p, v.token) || !l.text.chars().any(char::is_alphabetic) {
                    return None;
                }
                let head = p.lemma(v.token);
                let named = self.named_in(p, v.token);
                Some(Node::Concept(self.concepts.intern(&l.text, head, named)))
            }
        }
    }

    /// A literal object that names a concept already used as a subject in
    /// this document becomes that concept ("la collision … la collision a fait").
    pub fn object_node(&self, o: Object) -> Object {
        match &o {
            Object::Literal(l) if l.kind == LiteralKind::Text => match self.concepts.find(&l.text) {
                Some(c) => Object::Concept(c),
                None => o,
            },
            _ => o,
        }
    }

    /// The entity a concept's noun phrase names: the country of a demonym
    /// adjective on the head ("la police allemande" → Allemagne), else the
    /// entity of a "de" complement of the head ("les habitants de Lyon").
    pub fn named_in(&self, p: &Para, t: usize) -> Option<usize> {
        let demonym = p
            .kids(t, "amod")
            .find_map(|a| self.demonym(p, a).filter(|_| p.tok(a).pos == "ADJ"));
        demonym.or_else(|| {
            p.kids(t, "nmod")
                .filter(|&c| p.prep(c).as_deref() == Some("de"))
                .find_map(|c| self.table.entity_at(p.index, c))
        })
    }

    /// Whether the nominal headed by `t` can be a concept node: a common
    /// noun (not a time word, a title standing alone or a function word).
    pub fn may_be_concept(&self, p: &Para, t: usize) -> bool {
        let tok = p.tok(t);
        if tok.pos != "NOUN" {
            return false;
        }
        let lemma = tok.lemma.to_lowercase();
        if self.is(Class::Function, &lemma) || super::svo::is_time_noun(p, t) {
            return false;
        }
        // Needs letters: "2018" or "%" is no thing.
        lemma.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_phrase_is_one_concept() {
        let c = Concepts::default();
        let a = c.intern("Les manifestants", "manifestant", None);
        let b = c.intern("les  manifestants", "manifestant", Some(3));
        let d = c.intern("la collision", "collision", None);
        assert_eq!(a, b);
        assert_ne!(a, d);
        assert_eq!(c.find("LES MANIFESTANTS"), Some(a));
        let list = c.into_list();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].label, "Les manifestants");
        assert_eq!(list[1].head, "collision");
        // The link found on a later use is kept.
        assert_eq!(list[0].named_entity, Some(3));
    }
}
