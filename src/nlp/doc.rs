//! The annotated document that the language pipeline returns.
//!
//! This is the contract between `nlp` and everything downstream (`extract`,
//! `trame parse`): plain data, no model handles. Offsets are in characters
//! (Unicode scalar values) of the text that was annotated, as spaCy's
//! `Token.idx` is, so they survive a round trip through Python tools.

use serde::{Deserialize, Serialize};

/// One token with every annotation spaCy's French pipeline produces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token's text (`ORTH`).
    pub text: String,
    /// Character offset of the token's first character in [`Doc::text`].
    pub start: usize,
    /// Whether one space follows the token in the text (spaCy's `whitespace_`).
    pub space_after: bool,
    /// Whether the token is whitespace only (spaCy's `is_space`).
    pub is_space: bool,
    pub lemma: String,
    /// Universal POS tag (`pos_`).
    pub pos: String,
    /// Fine tag (`tag_`); equal to `pos` in the French models.
    pub tag: String,
    /// Morphological features in UD order, `Gender=Masc|Number=Sing`, or empty.
    pub morph: String,
    /// Index of the head token in [`Doc::tokens`]; a root is its own head.
    pub head: usize,
    /// Dependency label (`ROOT` for roots, as spaCy writes it).
    pub dep: String,
    /// Whether this token starts a sentence.
    pub sent_start: bool,
    /// Named-entity IOB tag: `B`, `I` or `O`.
    pub ent_iob: EntIob,
    /// Named-entity label (`PER`, `ORG`, `LOC`, `MISC`) or empty outside entities.
    pub ent_type: String,
}

/// IOB position of a token relative to named entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum EntIob {
    B,
    I,
    #[default]
    O,
}

/// A named entity: tokens `start..end` (exclusive) with a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// Character offsets of the span in [`Doc::text`], end exclusive.
    pub start_char: usize,
    pub end_char: usize,
}

/// A document as the pipeline returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Doc {
    pub text: String,
    pub tokens: Vec<Token>,
    pub entities: Vec<EntitySpan>,
}

impl Token {
    /// Character offset just past the token's last character.
    pub fn end(&self) -> usize {
        self.start + self.text.chars().count()
    }
}

impl Doc {
    /// Token index ranges of the sentences, in order.
    pub fn sentences(&self) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        let mut begin = 0;
        for (i, token) in self.tokens.iter().enumerate() {
            if i > begin && token.sent_start {
                ranges.push(begin..i);
                begin = i;
            }
        }
        if begin < self.tokens.len() {
            ranges.push(begin..self.tokens.len());
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, start: usize, sent_start: bool) -> Token {
        Token {
            text: text.into(),
            start,
            space_after: true,
            is_space: false,
            lemma: text.into(),
            pos: "X".into(),
            tag: "X".into(),
            morph: String::new(),
            head: 0,
            dep: "ROOT".into(),
            sent_start,
            ent_iob: EntIob::O,
            ent_type: String::new(),
        }
    }

    #[test]
    fn sentences_split_on_sent_start() {
        let doc = Doc {
            text: "A b. C".into(),
            tokens: vec![token("A", 0, true), token("b.", 2, false), token("C", 5, true)],
            entities: vec![],
        };
        assert_eq!(doc.sentences(), vec![0..2, 2..3]);
        assert_eq!(doc.tokens[1].end(), 4);
    }
}
