//! Pure-Rust inference for spaCy's French CNN pipelines (fr_core_news_md /
//! sm 3.8.0, spec docs/spacy-cnn-inference.md §1, §5–§8, §10–§13): tok2vec,
//! morphologizer, arc-eager parser and the NER. The attribute ruler is not
//! neural: it runs after these models, in `crate::attribute_ruler`.
//!
//! Input is per-token lexical features from the tokenizer side
//! ([`TokenFeatures`]); output is one [`NeuralAnnotation`] per token. Owns
//! everything under `src/nlp/neural/`; must not touch tokenization, string
//! hashing of text, or lemmatization (the tokenizer side owns those).

mod config;
mod embed;
mod hash;
mod layers;
mod morphologizer;
mod ner;
mod parser;
mod tok2vec;
mod transition;
mod weights;

use std::path::Path;
use std::sync::Arc;

use crate::{EntIob, ModelError, TokenFeatures};

use embed::VectorTable;
use morphologizer::Morphologizer;
use ner::Ner;
use parser::Parser;
use tok2vec::Tok2Vec;

/// The neural components of one model folder. Loaded once; immutable and
/// `Send + Sync`, so one instance serves many threads.
#[derive(Debug, Clone)]
pub struct NeuralModels {
    tok2vec: Tok2Vec,
    morphologizer: Morphologizer,
    parser: Parser,
    ner: Ner,
}

/// What the neural models say about one token, before the attribute ruler
/// (`crate::attribute_ruler`, applied by the pipeline) fixes it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeuralAnnotation {
    pub pos: String,
    /// spaCy MORPH string without POS, "" for no features.
    pub morph: String,
    /// Absolute token index of the head; a root is its own head.
    pub head: usize,
    /// Dependency label; "ROOT" for roots.
    pub dep: String,
    pub sent_start: bool,
    pub ent_iob: EntIob,
    pub ent_type: String,
}

/// Intermediate results of one [`NeuralModels::annotate_traced`] call, for
/// parity tests and debugging.
#[derive(Debug, Clone, PartialEq)]
pub struct NeuralTrace {
    /// The shared tok2vec tensor, `n × width`, row-major.
    pub tensor: Vec<f32>,
    pub width: usize,
    /// Parser and NER class names in the order chosen ("S", "L-nsubj", "U-PER", "O", …).
    pub parser_actions: Vec<String>,
    pub ner_actions: Vec<String>,
}

impl NeuralModels {
    /// Loads the tok2vec, morphologizer, parser and NER of
    /// an unpacked spaCy model folder (`…/fr_core_news_md-3.8.0`).
    pub fn load(model_dir: &Path) -> Result<NeuralModels, ModelError> {
        config::check_folder(model_dir)?;
        let vectors = load_vectors(model_dir)?;
        let tok2vec = Tok2Vec::from_model(
            &weights::ThincModel::load(&model_dir.join("tok2vec/model"))?,
            vectors.as_ref(),
        )?;
        let morphologizer = Morphologizer::load(&model_dir.join("morphologizer"))?;
        let parser = Parser::load(&model_dir.join("parser"))?;
        let ner = Ner::load(&model_dir.join("ner"), vectors.as_ref())?;
        drop(vectors);
        if morphologizer.n_in() != tok2vec.width() {
            return Err(weights::format_err(
                &model_dir.join("morphologizer/model"),
                format!(
                    "reads {} values but tok2vec gives {}",
                    morphologizer.n_in(),
                    tok2vec.width()
                ),
            ));
        }
        Ok(NeuralModels {
            tok2vec,
            morphologizer,
            parser,
            ner,
        })
    }

    /// One entry per token, same order as `features`. Empty input -> empty output.
    pub fn annotate(&self, features: &[TokenFeatures]) -> Vec<NeuralAnnotation> {
        self.annotate_batch(&[features]).pop().unwrap_or_default()
    }

    /// [`NeuralModels::annotate`] for several documents at once (e.g. the
    /// paragraphs of one article). Results are identical to one call per
    /// document; the network products run over all documents together,
    /// which is markedly faster for short documents.
    pub fn annotate_batch(&self, docs: &[&[TokenFeatures]]) -> Vec<Vec<NeuralAnnotation>> {
        self.run(docs, false).0
    }

    /// As [`NeuralModels::annotate`], also returning the tensor and the
    /// transition sequences.
    pub fn annotate_traced(&self, features: &[TokenFeatures]) -> (Vec<NeuralAnnotation>, NeuralTrace) {
        let (mut ann, mut traces) = self.run(&[features], true);
        let trace = traces.pop().unwrap_or(NeuralTrace {
            tensor: vec![],
            width: self.tok2vec.width(),
            parser_actions: vec![],
            ner_actions: vec![],
        });
        (ann.pop().unwrap_or_default(), trace)
    }

    fn run(&self, docs: &[&[TokenFeatures]], traced: bool) -> (Vec<Vec<NeuralAnnotation>>, Vec<NeuralTrace>) {
        let lens: Vec<usize> = docs.iter().map(|d| d.len()).collect();
        let tensor = self.tok2vec.forward_batch(docs);
        let classes = self.morphologizer.predict(&tensor, lens.iter().sum());
        let parses = self.parser.parse_batch(&tensor, &lens);
        let starts: Vec<Vec<bool>> = parses.iter().map(|p| p.sent_starts.clone()).collect();
        let ents = self.ner.run_batch(docs, &starts);
        let width = self.tok2vec.width();
        let mut out = Vec::with_capacity(docs.len());
        let mut traces = Vec::new();
        let mut offset = 0;
        for (d, feats) in docs.iter().enumerate() {
            let (parse, ent) = (&parses[d], &ents[d]);
            let mut anns = Vec::with_capacity(feats.len());
            for i in 0..feats.len() {
                let class = classes[offset + i];
                anns.push(NeuralAnnotation {
                    pos: self.morphologizer.pos(class).to_string(),
                    morph: self.morphologizer.morph(class).to_string(),
                    head: parse.heads[i],
                    dep: parse.deps[i].to_string(),
                    sent_start: parse.sent_starts[i],
                    ent_iob: ent.iob[i],
                    ent_type: ent.types[i].clone(),
                });
            }
            if traced {
                traces.push(NeuralTrace {
                    tensor: tensor[offset * width..(offset + feats.len()) * width].to_vec(),
                    width,
                    parser_actions: parse.actions.iter().map(|&c| self.parser.class_name(c)).collect(),
                    ner_actions: ent.actions.iter().map(|&c| self.ner.class_name(c)).collect(),
                });
            }
            out.push(anns);
            offset += feats.len();
        }
        (out, traces)
    }
}

/// The md vocabulary vectors (none for sm, whose `key2row` is empty).
fn load_vectors(model_dir: &Path) -> Result<Option<VectorTable>, ModelError> {
    let k2r_path = model_dir.join("vocab/key2row");
    if !k2r_path.exists() {
        return Ok(None);
    }
    let key2row = weights::load_key2row(&k2r_path)?;
    if key2row.is_empty() {
        return Ok(None);
    }
    let data = weights::load_npy(&model_dir.join("vocab/vectors"))?;
    Ok(Some(VectorTable {
        key2row: Arc::new(key2row),
        data,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn models_are_shareable_across_threads() {
        assert_send_sync::<NeuralModels>();
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() {
        let err = NeuralModels::load(Path::new("/nonexistent/fr_core_news_md-3.8.0")).expect_err("missing");
        assert!(err.to_string().contains("/nonexistent/fr_core_news_md-3.8.0"), "{err}");
    }
}
