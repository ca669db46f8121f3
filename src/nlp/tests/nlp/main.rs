//! The language pipeline's tests, one binary: agreement with spaCy on its
//! own outputs (`front`: tokens, features and lemmas; `neural_golden`:
//! tensors, transition sequences and every neural column; `parity`: the
//! whole pipeline as CoNLL-U on the parity corpus) and the tokenizer's
//! properties. They need only this crate and the models (installed with
//! pip on first use), not trame's store:
//!
//! ```sh
//! cargo test -p trame-nlp                          # unit tests and these
//! cargo test -p trame-nlp --test nlp parity::      # one subject
//! ```
//!
//! The fixtures are spaCy's outputs, in the repository's `tests/fixtures/`
//! (`neural/`, `golden/`, `parity/`, each with the command that made it).

mod support;

mod front;
mod neural_golden;
mod parity;
mod tokenizer_props;
