#!/usr/bin/env bash
# trame vs spaCy parse speed on the same corpus, one thread each, in one run.
#
# Usage: benches/vs_spacy.sh VENV [MODEL] [CORPUS]
#   VENV    a Python venv with spaCy 3.8 and fr_core_news_MODEL (or $SPACY_VENV)
#   MODEL   md (default) or sm
#   CORPUS  folder of *.txt (default $TRAME_BENCH_CORPUS, else the Wikinews
#           corpus in ../shared/corpus/wikinews-fr-2018)
# Needs tools/bench_spacy.py: $BENCH_SPACY, else ../shared/tools/bench_spacy.py.
# Set TRAME_BIN to time an existing binary instead of building a release one.
# Prints both lines and the ratio of tokens per second (trame / spaCy).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-${SPACY_VENV:-}}"
model="${2:-md}"
corpus="${3:-${TRAME_BENCH_CORPUS:-$here/../shared/corpus/wikinews-fr-2018}}"
bench_py="${BENCH_SPACY:-$here/../shared/tools/bench_spacy.py}"
[ -n "$venv" ] || { echo "usage: $0 VENV [md|sm] [CORPUS]  (a venv with spaCy 3.8)" >&2; exit 2; }
[ -x "$venv/bin/python" ] || { echo "$venv/bin/python not found" >&2; exit 2; }
[ -f "$bench_py" ] || { echo "bench_spacy.py not found; set BENCH_SPACY" >&2; exit 2; }
[ -d "$corpus" ] || { echo "corpus folder $corpus not found" >&2; exit 2; }

# TRAME_BIN: an already built binary (e.g. target/debug/trame); default: a release build.
if [ -n "${TRAME_BIN:-}" ]; then
  trame="$TRAME_BIN"
else
  cargo build --release --quiet --manifest-path "$here/Cargo.toml"
  trame="$here/target/release/trame"
fi
mapfile -t files < <(find "$corpus" -name '*.txt' ! -name '*-urls.txt' | sort)

spacy_line="$(OMP_NUM_THREADS=1 "$venv/bin/python" "$bench_py" "fr_core_news_$model" "${files[@]}" | tail -1)"
trame_line="$("$trame" parse --model "$model" --threads 1 "${files[@]}" 2>&1 >/dev/null | grep 'tokens_per_s=' | tail -1)"
echo "$spacy_line"
echo "trame: $trame_line"
spacy_tps="$(sed -n 's/.*tokens_per_s=\([0-9.]*\).*/\1/p' <<<"$spacy_line")"
trame_tps="$(sed -n 's/.*tokens_per_s=\([0-9.]*\).*/\1/p' <<<"$trame_line")"
awk -v t="$trame_tps" -v s="$spacy_tps" 'BEGIN { printf "ratio trame/spacy = %.2f\n", t / s }'
