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
//! Everything runs in this binary; nothing needs a process of its own:
//! `store_crash` re-runs this same binary as its writer process
//! (`store_crash::writer_child`, ignored unless it is called so), and the
//! heavy checks that are not part of every run (`neural_golden`'s whole
//! corpus parity, timing runs) are `#[ignore]`d with the command that runs
//! them.

mod support;

mod build_e2e;
mod claims_e2e;
mod cli_chores;
mod cli_parse;
mod explain_e2e;
mod export_cli;
mod export_store;
mod extract_seed;
mod front;
mod neural_golden;
mod ontology_coverage;
mod parity;
mod push_e2e;
mod real_input;
mod serve_browser;
mod serve_http;
mod setup_detect;
mod store_cli;
mod store_crash;
mod store_function;
mod time_e2e;
mod tokenizer_props;
