//! What the tests of the language pipeline share: paths into the
//! repository (the fixtures live in its `tests/fixtures/`) and the parity
//! corpus.

use std::path::{Path, PathBuf};

/// A path in the repository (this crate is `src/nlp/` in it).
pub fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative)
}

/// The parity corpus, `(name, path)` in name order: the texts listed in
/// `tests/fixtures/parity/texts.tsv` (name, then the path in the repository
/// of a text that is kept once, in `seeds/` or `tests/data/`), whose spaCy
/// parses are `tests/fixtures/parity/{md,sm}/NAME.conllu`.
pub fn parity_texts() -> Vec<(String, PathBuf)> {
    let list = repo("tests/fixtures/parity/texts.tsv");
    let text = std::fs::read_to_string(&list).unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (name, path) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: no tab in {l:?}", list.display()));
            (name.to_string(), repo(path))
        })
        .collect()
}
