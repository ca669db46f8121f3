//! Per-token lexical features: the hand-off from the tokenizer side of the
//! pipeline to the neural models.
//!
//! Values are spaCy string ids (64-bit hashes, symbol-aware) or flags,
//! exactly as spaCy's `doc.to_array` gives them to the models.

/// The lexical attributes the CNN models read for one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TokenFeatures {
    /// Id of the token text; the static-vector key (md).
    pub orth: u64,
    pub norm: u64,
    pub prefix: u64,
    pub suffix: u64,
    pub shape: u64,
    /// Followed by one absorbed space (spaCy's SPACY attribute).
    pub spacy: bool,
    pub is_space: bool,
}
