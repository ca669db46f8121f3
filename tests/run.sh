#!/usr/bin/env bash
# The README's test command: installs what a fresh machine lacks, runs every
# test, then measures extraction and NER quality against the shared gold.
#
#   bash tests/run.sh                 # everything
#   bash tests/run.sh --no-quality    # cargo tests only
set -euo pipefail
cd "$(dirname "$0")/.."
# The real SPARQL stores of tests/stores.sh are part of every run.
TRAME_SETUP_EXTRA="${TRAME_SETUP_EXTRA:-} stores"
# shellcheck source=tests/setup.sh
source tests/setup.sh

cargo test --locked --all-targets

# Sharded workers pushing into real Oxigraph and Virtuoso servers (a few minutes).
TRAME_STORES_REQUIRED=1 bash tests/stores.sh target/debug/trame

if [ "${1:-}" != "--no-quality" ]; then
  bash tests/quality.sh target/debug/trame
fi
