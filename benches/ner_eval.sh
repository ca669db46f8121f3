#!/usr/bin/env bash
# NER quality of trame's entity extraction on the wikinews-fr-2018 corpus.
#
# Builds a fresh store from the corpus with `trame build`, dumps it with
# `trame export csv`, and scores mentions.csv against the corpus's BRAT gold
# with ner_eval.py (exact PER/ORG/LOC F1 is the last line). Optionally fails
# when the headline F1 is below a threshold (for CI).
#
# Usage: benches/ner_eval.sh [CORPUS_DIR] [MIN_F1]
#   CORPUS_DIR  default ../shared/corpus/wikinews-fr-2018 (relative to the repo)
#   MIN_F1      e.g. 0.782; when given, exit 1 if exact F1 is lower
# Environment: TRAME (binary, default target/release/trame, built if missing),
#              NER_EVAL (scorer, default ../shared/tools/ner_eval.py), PYTHON (python3).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$repo/../shared/corpus/wikinews-fr-2018}"
min_f1="${2:-}"
scorer="${NER_EVAL:-$repo/../shared/tools/ner_eval.py}"
python="${PYTHON:-python3}"
trame="${TRAME:-$repo/target/release/trame}"

if [[ ! -d "$corpus" ]]; then
    echo "ner_eval: corpus folder not found: $corpus (pass it as the first argument)" >&2
    exit 2
fi
if [[ ! -f "$scorer" ]]; then
    echo "ner_eval: scorer not found: $scorer (set NER_EVAL)" >&2
    exit 2
fi
if [[ ! -x "$trame" ]]; then
    (cd "$repo" && cargo build --release --bin trame)
    trame="$repo/target/release/trame"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$trame" --store "$work/store" build "$corpus"
"$trame" --store "$work/store" export csv -o "$work/csv"
result="$("$python" "$scorer" "$corpus" --mentions "$work/csv/mentions.csv")"
echo "$result"

if [[ -n "$min_f1" ]]; then
    f1="$(echo "$result" | tail -n 1 | sed -n 's/.*F1=\([0-9.]*\).*/\1/p')"
    if ! "$python" -c "import sys; sys.exit(0 if float('$f1') >= float('$min_f1') else 1)"; then
        echo "ner_eval: exact PER/ORG/LOC F1 $f1 is below $min_f1" >&2
        exit 1
    fi
fi
