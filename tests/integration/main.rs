//! The integration tests: one test binary, one module per subject, all
//! sharing [`support`] (the `trame` command with a clean environment, the
//! golden-file check, hand-made documents, a running server).
//!
//! ```sh
//! cargo test --test integration                      # all of them
//! cargo test --test integration store_cli::          # one module
//! TRAME_UPDATE_GOLDEN=1 cargo test --test integration # rewrite every golden file
//! ```
//!
//! To add a test, add a function to the module of its subject, or a file
//! here and a `mod` line below; reach the binary through `support::trame()`
//! and compare whole outputs with `support::check_golden`. One binary links
//! once, so adding a module costs no extra link of the library.
//!
//! Nothing here needs a process of its own: `store_crash` re-runs this
//! same binary as its writer process (`store_crash::writer_child`, ignored
//! unless it is called so). The one other test binary is the language
//! pipeline's (`src/nlp/tests/nlp/`, `cargo test -p trame-nlp`): its spaCy
//! parity tests belong to the `trame-nlp` crate so that they build without
//! RocksDB.

mod support;

mod build_e2e;
mod claims_e2e;
mod cli_chores;
mod cli_parse;
mod explain_e2e;
mod export_cli;
mod export_store;
mod extract_seed;
mod ontology_coverage;
mod push_e2e;
mod real_input;
mod serve_browser;
mod serve_http;
mod setup_detect;
mod store_cli;
mod store_crash;
mod store_function;
mod time_e2e;
