//! The whole French pipeline: text in, annotated [`Doc`] out (spec §0).
//!
//! Owns the order of the stages and the assembly of the `Doc`: tokenizer →
//! lexical features → neural models (tok2vec, morphologizer, parser, NER,
//! in `nlp::neural`) → attribute ruler → lemmatizer → entity spans. The
//! neural half is called in exactly one place ([`neural_link`]). Knows
//! nothing about RDF or facts.

use std::path::Path;

use super::attribute_ruler::AttributeRuler;
use super::doc::{Doc, EntIob, EntitySpan, Token};
use super::error::ModelError;
use super::features::TokenFeatures;
use super::lemmatizer::Lemmatizer;
use super::lexeme::{str_is_space, token_features};
use super::tokenizer::{RawToken, Tokenizer};

use neural_link::{NeuralAnnotation, NeuralModels};

/// A loaded model folder, ready to annotate text from many threads.
#[derive(Debug)]
pub struct Pipeline {
    front: FrontEnd,
    neural: NeuralModels,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
}

/// The non-neural front of the pipeline: tokenizer and lexical features.
#[derive(Debug)]
pub struct FrontEnd {
    tokenizer: Tokenizer,
}

/// Tokens of a text with their model features, before any model runs.
#[derive(Debug, Clone)]
pub struct Tokenized {
    pub tokens: Vec<RawToken>,
    pub features: Vec<TokenFeatures>,
}

impl FrontEnd {
    /// Loads the tokenizer of a spaCy model folder.
    pub fn load(model_dir: &Path) -> Result<FrontEnd, ModelError> {
        Ok(FrontEnd {
            tokenizer: Tokenizer::load(model_dir)?,
        })
    }

    /// Tokenizes `text` and computes each token's features.
    pub fn tokenize(&self, text: &str) -> Tokenized {
        let tokens = self.tokenizer.tokenize(text);
        let features = tokens
            .iter()
            .map(|t| token_features(&text[t.start..t.end], t.norm.as_deref(), t.spacy))
            .collect();
        Tokenized { tokens, features }
    }

    /// The tokenizer itself.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }
}

impl Pipeline {
    /// Loads every component of a spaCy model folder (see `install::resolve_model`).
    pub fn load(model_dir: &Path) -> Result<Pipeline, ModelError> {
        super::install::check_supported(model_dir)?;
        Ok(Pipeline {
            front: FrontEnd::load(model_dir)?,
            neural: NeuralModels::load(model_dir)?,
            ruler: AttributeRuler::load(model_dir)?,
            lemmatizer: Lemmatizer::load(model_dir)?,
        })
    }

    /// The tokenizer and feature stage alone.
    pub fn front(&self) -> &FrontEnd {
        &self.front
    }

    /// Annotates one document. Never fails: every input string has an
    /// annotation (an empty text gives an empty `Doc`).
    pub fn annotate(&self, text: &str) -> Doc {
        self.annotate_batch(&[text]).pop().unwrap_or_default()
    }

    /// Annotates several documents at once, one `Doc` per text, in order.
    /// The result is identical to calling [`Pipeline::annotate`] on each;
    /// batching only lets the neural models share their matrix products,
    /// which roughly doubles throughput on paragraph-sized documents.
    pub fn annotate_batch(&self, texts: &[&str]) -> Vec<Doc> {
        let tokenized: Vec<Tokenized> = texts.iter().map(|t| self.front.tokenize(t)).collect();
        let features: Vec<&[TokenFeatures]> = tokenized
            .iter()
            .filter(|t| !t.tokens.is_empty())
            .map(|t| t.features.as_slice())
            .collect();
        let mut annotations = self.neural.annotate_batch(&features).into_iter();
        texts
            .iter()
            .zip(&tokenized)
            .map(|(text, tok)| {
                let ann = if tok.tokens.is_empty() {
                    Vec::new()
                } else {
                    annotations.next().unwrap_or_default()
                };
                self.finish(text, &tok.tokens, &ann)
            })
            .collect()
    }

    /// Turns tokens and neural annotations into a `Doc`: TAG, lemmas, spans.
    fn finish(&self, text: &str, raw: &[RawToken], annotations: &[NeuralAnnotation]) -> Doc {
        let mut tokens = assemble_tokens(text, raw, annotations);
        self.ruler.apply(&mut tokens);
        for token in &mut tokens {
            token.lemma = self.lemmatizer.lemmatize(&token.text, &token.pos);
        }
        let entities = entity_spans(&tokens);
        Doc {
            text: text.to_string(),
            tokens,
            entities,
        }
    }
}

/// Builds `Doc` tokens from the tokenizer output and the neural annotations
/// (char offsets from byte offsets, in one left-to-right walk).
fn assemble_tokens(text: &str, raw: &[RawToken], annotations: &[NeuralAnnotation]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(raw.len());
    let (mut byte_pos, mut char_pos) = (0usize, 0usize);
    for (i, r) in raw.iter().enumerate() {
        char_pos += text[byte_pos..r.start].chars().count();
        byte_pos = r.start;
        let surface = &text[r.start..r.end];
        let ann = annotations.get(i);
        tokens.push(Token {
            text: surface.to_string(),
            start: char_pos,
            space_after: r.spacy,
            is_space: str_is_space(surface),
            lemma: String::new(),
            pos: ann.map(|a| a.pos.clone()).unwrap_or_default(),
            tag: String::new(),
            morph: ann.map(|a| a.morph.clone()).unwrap_or_default(),
            // A token without an annotation is its own root.
            head: ann.map_or(i, |a| if a.head < raw.len() { a.head } else { i }),
            dep: ann.map_or_else(|| "ROOT".to_string(), |a| a.dep.clone()),
            sent_start: ann.map_or(i == 0, |a| a.sent_start),
            ent_iob: ann.map_or(EntIob::O, |a| a.ent_iob),
            ent_type: ann.map(|a| a.ent_type.clone()).unwrap_or_default(),
        });
    }
    tokens
}

/// Entity spans from IOB tags: a `B` opens a span that `I` tokens extend.
fn entity_spans(tokens: &[Token]) -> Vec<EntitySpan> {
    let mut spans: Vec<EntitySpan> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let continues = t.ent_iob == EntIob::I && spans.last().is_some_and(|s| s.end == i && s.label == t.ent_type);
        match t.ent_iob {
            EntIob::I if continues => {
                if let Some(last) = spans.last_mut() {
                    last.end = i + 1;
                    last.end_char = t.end();
                }
            }
            EntIob::B | EntIob::I => spans.push(EntitySpan {
                start: i,
                end: i + 1,
                label: t.ent_type.clone(),
                start_char: t.start,
                end_char: t.end(),
            }),
            EntIob::O => {}
        }
    }
    spans
}

/// The single call site of the neural half (`crate::neural`): its
/// output is pre-attribute-ruler; `finish` applies the ruler (POS, MORPH,
/// DEP and TAG fixes).
mod neural_link {
    pub use crate::neural::{NeuralAnnotation, NeuralModels};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, start: usize, iob: EntIob, label: &str) -> Token {
        Token {
            text: text.into(),
            start,
            space_after: true,
            is_space: false,
            lemma: String::new(),
            pos: String::new(),
            tag: String::new(),
            morph: String::new(),
            head: 0,
            dep: String::new(),
            sent_start: false,
            ent_iob: iob,
            ent_type: label.into(),
        }
    }

    #[test]
    fn entity_spans_from_iob() {
        let tokens = vec![
            token("Emmanuel", 0, EntIob::B, "PER"),
            token("Macron", 9, EntIob::I, "PER"),
            token("à", 16, EntIob::O, ""),
            token("Paris", 18, EntIob::B, "LOC"),
            token("Lyon", 24, EntIob::B, "LOC"),
        ];
        let spans = entity_spans(&tokens);
        assert_eq!(spans.len(), 3);
        assert_eq!(
            (spans[0].start, spans[0].end, spans[0].start_char, spans[0].end_char),
            (0, 2, 0, 15)
        );
        assert_eq!((spans[2].start, spans[2].label.as_str()), (4, "LOC"));
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }
}
