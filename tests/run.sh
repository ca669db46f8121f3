#!/usr/bin/env bash
# The README's test command: installs what a fresh machine lacks, checks
# formatting and lints (cargo fmt, clippy with warnings as errors), runs every
# test, then measures extraction and NER quality against the shared gold.
# The crash-safety run at scale (tests/crash_build.sh) is not part of it.
#
#   bash tests/run.sh                 # everything
#   bash tests/run.sh --no-quality    # cargo tests only
set -euo pipefail
cd "$(dirname "$0")/.."
# A one-shot run gains nothing from cargo's incremental cache, which would
# more than double target/ (about 8 GiB more). Set CARGO_INCREMENTAL=1 to keep it.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# The real SPARQL stores of tests/stores.sh are part of every run.
TRAME_SETUP_EXTRA="${TRAME_SETUP_EXTRA:-} stores"
# shellcheck source=tests/setup.sh
source tests/setup.sh

# Habits as gates: formatting and lints fail the run like a failing test.
# --workspace: trame and its language pipeline, the trame-nlp crate (src/nlp).
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
# The browser tests of `trame serve` (tests/integration/serve_browser.rs) fail instead of
# skipping when chromium is missing (tests/setup.sh installs it).
TRAME_BROWSER_REQUIRED=1 cargo test --locked --workspace --all-targets

# Sharded workers pushing into real Oxigraph and Virtuoso servers (a few minutes).
TRAME_STORES_REQUIRED=1 bash tests/stores.sh target/debug/trame

if [ "${1:-}" != "--no-quality" ]; then
  bash tests/quality.sh target/debug/trame
fi
