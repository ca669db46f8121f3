//! What the integration tests share: the one way to run the real `trame`
//! binary ([`trame`], [`trame_on`], [`trame_process`]) with a clean
//! environment, the one golden-file check ([`check_golden`], rewritten with
//! `TRAME_UPDATE_GOLDEN=1`), paths into the repository, the seed store, and
//! the submodules: hand-made documents ([`documents`]), spaCy fixtures for
//! extraction ([`extract`]), a running `trame serve` ([`serve`]), a raw
//! HTTP client ([`http`]) and a DevTools client for chromium ([`cdp`]).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub mod cdp;
pub mod documents;
pub mod extract;
pub mod http;
pub mod serve;

/// The library's facts, under the name [`documents`] uses for them (it is
/// also compiled into the library's own unit tests).
use trame::facts as trame_facts;

/// The seed article, the one `exports/build-seed.sh` builds.
pub const SEED: &str = "seeds/000_9c81224ff3cb7629.txt";

/// Settings a developer's shell may hold that would change what `trame`
/// does: they are removed from every command the tests run, so a test sees
/// only what it sets itself.
const SETTINGS: &[&str] = &[
    "TRAME_STORE",
    "TRAME_MODEL",
    "TRAME_PUSH_PASSWORD",
    "SLURM_ARRAY_TASK_ID",
    "SLURM_ARRAY_TASK_COUNT",
    "SLURM_ARRAY_TASK_MIN",
    "JOB_COMPLETION_INDEX",
    "RUST_LOG",
];

/// `trame` as a plain process (for tests that spawn, signal or kill it):
/// the settings above removed and `NO_COLOR=1`. The model cache is the
/// user's (`~/.cache/trame`), so the model is installed once.
pub fn trame_process() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_trame"));
    for name in SETTINGS {
        command.env_remove(name);
    }
    command.env("NO_COLOR", "1");
    command
}

/// `trame` with a clean environment, for `assert_cmd`'s assertions.
pub fn trame() -> assert_cmd::Command {
    assert_cmd::Command::from_std(trame_process())
}

/// `trame --store STORE`.
pub fn trame_on(store: &Path) -> assert_cmd::Command {
    let mut command = trame();
    command.arg("--store").arg(store);
    command
}

/// A path in the repository.
pub fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The seed article's path.
pub fn seed() -> PathBuf {
    repo(SEED)
}

/// A store built by `trame build` from the seed article, in a fresh
/// temporary folder (kept as long as the returned guard lives).
pub fn seed_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("seed.db");
    trame_on(&store)
        .arg("--quiet")
        .arg("build")
        .arg(seed())
        .assert()
        .success();
    (dir, store)
}

/// A store at `dir/db` holding `docs`, written through the library.
pub fn store_with(dir: &Path, docs: &[trame::facts::Document]) -> PathBuf {
    let path = dir.join("db");
    let store = trame::store::Store::open(&path).unwrap();
    for doc in docs {
        store.put_document(doc).unwrap();
    }
    path
}

/// A store at `dir/db` holding the fixture documents A and B.
pub fn fixture_store(dir: &Path) -> PathBuf {
    store_with(dir, &[documents::document_a(), documents::document_b()])
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

/// A golden file's path: `tests/golden/NAME`.
pub fn golden_path(name: &str) -> PathBuf {
    repo("tests/golden").join(name)
}

/// Compares `actual` with the golden file `tests/golden/NAME`; with
/// `TRAME_UPDATE_GOLDEN=1` in the environment, writes it instead (review
/// the difference with `git diff tests/golden` before committing). This is
/// the only switch that rewrites golden files.
pub fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("TRAME_UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (write it with TRAME_UPDATE_GOLDEN=1 cargo test --test integration)",
            path.display()
        )
    });
    assert_eq!(
        actual,
        expected,
        "differs from {} (if the change is meant, rewrite it with TRAME_UPDATE_GOLDEN=1)",
        path.display()
    );
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Stdout of a command that must succeed (its stderr in the panic message).
pub fn stdout_of(command: &mut assert_cmd::Command) -> String {
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}
