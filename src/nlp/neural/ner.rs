//! The named-entity recogniser (spec §10): its own tok2vec, the shared
//! transition network maths, and the BILUO transition system with spaCy's
//! validity rules (no entity across a parser sentence boundary, none
//! starting on whitespace).
//!
//! Owns NER decoding only; sentence starts come from the parser.

use std::path::Path;

use crate::{EntIob, ModelError, TokenFeatures};

use super::embed::VectorTable;
use super::tok2vec::Tok2Vec;
use super::transition::{ordered_classes, Precomputed, Scratch, TransitionNet};
use super::weights::{format_err, load_moves_json, ThincModel};

/// BILUO move types (action ids 1..5 of the `moves` file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NerMove {
    Begin,
    In,
    Last,
    Unit,
    Out,
}

/// Loaded NER: own tok2vec, network and classes.
#[derive(Debug, Clone)]
pub struct Ner {
    tok2vec: Tok2Vec,
    net: TransitionNet,
    moves: Vec<NerMove>,
    labels: Vec<String>,
}

/// NER output for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct NerResult {
    pub iob: Vec<EntIob>,
    /// Entity label per token ("" outside entities).
    pub types: Vec<String>,
    pub actions: Vec<usize>,
}

impl Ner {
    pub fn load(dir: &Path, vectors: Option<&VectorTable>) -> Result<Ner, ModelError> {
        let model = ThincModel::load(&dir.join("model"))?;
        let tok2vec = Tok2Vec::from_model(&model, vectors)?;
        let net = TransitionNet::from_model(&model)?;
        let moves_path = dir.join("moves");
        let classes = ordered_classes(&load_moves_json(&moves_path)?, true).map_err(|r| format_err(&moves_path, r))?;
        let mut moves = Vec::with_capacity(classes.len());
        let mut labels = Vec::with_capacity(classes.len());
        for (action, label) in classes {
            moves.push(match action {
                1 => NerMove::Begin,
                2 => NerMove::In,
                3 => NerMove::Last,
                4 => NerMove::Unit,
                5 => NerMove::Out,
                a => {
                    return Err(ModelError::Unsupported {
                        path: moves_path,
                        name: format!("BILUO action {a}"),
                    })
                }
            });
            labels.push(label);
        }
        if moves.len() != net.n_classes || net.n_feats() != 3 {
            return Err(format_err(
                &moves_path,
                format!(
                    "{} moves for {} classes / {} features (expected 3)",
                    moves.len(),
                    net.n_classes,
                    net.n_feats()
                ),
            ));
        }
        Ok(Ner {
            tok2vec,
            net,
            moves,
            labels,
        })
    }

    /// Class name as spaCy prints it ("B-PER", "U-LOC", "O", …).
    pub fn class_name(&self, class: usize) -> String {
        let prefix = match self.moves[class] {
            NerMove::Begin => "B",
            NerMove::In => "I",
            NerMove::Last => "L",
            NerMove::Unit => "U",
            NerMove::Out => return "O".to_string(),
        };
        format!("{prefix}-{}", self.labels[class])
    }

    /// Recognises entities in several documents; `sent_starts[d]` are the
    /// parser's boundaries for document `d`.
    pub fn run_batch(&self, docs: &[&[TokenFeatures]], sent_starts: &[Vec<bool>]) -> Vec<NerResult> {
        let tokvecs = self.tok2vec.forward_batch(docs);
        let total = docs.iter().map(|d| d.len()).sum();
        let pre = self.net.precompute(&tokvecs, total);
        let mut scratch = self.net.scratch();
        let mut offset = 0;
        docs.iter()
            .zip(sent_starts)
            .map(|(feats, starts)| {
                let r = self.run_one(&pre, offset, feats, starts, &mut scratch);
                offset += feats.len();
                r
            })
            .collect()
    }

    /// Greedy BILUO decoding of one document at rows `offset..` of `pre`.
    fn run_one(
        &self,
        pre: &Precomputed,
        offset: usize,
        feats: &[TokenFeatures],
        sent_starts: &[bool],
        scratch: &mut Scratch,
    ) -> NerResult {
        let n = feats.len();
        let mut iob = vec![EntIob::O; n];
        let mut types = vec![String::new(); n];
        if n == 0 {
            return NerResult {
                iob,
                types,
                actions: vec![],
            };
        }
        let mut valid = vec![false; self.moves.len()];
        let mut actions = Vec::with_capacity(n);
        // Entities as (start, end, class of the label); end = None while open.
        let mut ents: Vec<(usize, Option<usize>, usize)> = Vec::new();
        let starts_sentence = |i: usize| sent_starts.get(i).copied().unwrap_or(false);
        for (b0, token) in feats.iter().enumerate() {
            let open = ents
                .last()
                .filter(|e| e.1.is_none())
                .map(|e| (e.0, self.labels[e.2].as_str()));
            let left = n - b0;
            let b1_starts = b0 + 1 < n && starts_sentence(b0 + 1);
            let space = token.is_space;
            for (c, v) in valid.iter_mut().enumerate() {
                let label = self.labels[c].as_str();
                *v = match self.moves[c] {
                    NerMove::Begin => open.is_none() && left >= 2 && !b1_starts && !space && !label.is_empty(),
                    NerMove::In => open.is_some_and(|o| o.1 == label) && left >= 2 && !b1_starts && !label.is_empty(),
                    NerMove::Last => open.is_some_and(|o| o.1 == label) && !label.is_empty(),
                    NerMove::Unit => open.is_none() && !space && !label.is_empty(),
                    NerMove::Out => open.is_none(),
                };
            }
            let ids = [
                b0 as i32,
                open.map_or(-1, |o| o.0 as i32),
                if open.is_some() { b0 as i32 - 1 } else { -1 },
            ];
            let Some(class) = self.net.best_valid(pre, offset, &ids, &valid, scratch) else {
                break;
            };
            actions.push(class);
            match self.moves[class] {
                NerMove::Begin => ents.push((b0, None, class)),
                NerMove::Last => {
                    if let Some(e) = ents.last_mut() {
                        e.1 = Some(b0 + 1);
                    }
                }
                NerMove::Unit => ents.push((b0, Some(b0 + 1), class)),
                NerMove::In | NerMove::Out => {}
            }
        }
        for (start, end, class) in ents {
            let Some(end) = end else { continue };
            for (k, t) in (start..end.min(n)).enumerate() {
                iob[t] = if k == 0 { EntIob::B } else { EntIob::I };
                types[t] = self.labels[class].clone();
            }
        }
        NerResult { iob, types, actions }
    }
}
