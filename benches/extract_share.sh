#!/usr/bin/env bash
# Extraction's share of build time, from the outside: CPU seconds (user +
# system) of `trame parse` (the language pipeline alone) and of `trame build`
# (pipeline, extraction and store writes) over the same files, one thread
# each, best of ROUNDS rounds. (build - parse) / parse is an upper bound of
# extraction's cost relative to the language pipeline, since it also counts
# the store writes. CPU time rather than wall time, so other work on the
# machine matters less.
#
#   bash benches/extract_share.sh [TRAME_BINARY] FILE...
#   ROUNDS=3 bash benches/extract_share.sh target/debug/trame ../shared/corpus/wikinews-fr-2018/*/2018_0[1-3]*.txt
set -euo pipefail
bin="${1:?usage: extract_share.sh TRAME_BINARY FILE...}"
shift
[ "$#" -gt 0 ] || { echo "extract_share: no input files" >&2; exit 2; }
rounds="${ROUNDS:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cpu() { # command... -> CPU seconds (user + sys)
  /usr/bin/time -f '%U %S' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  awk '{printf "%.2f\n", $1 + $2}' "$tmp/t"
}
best_parse=""; best_build=""
for _ in $(seq "$rounds"); do
  p=$(cpu "$bin" parse --threads 1 --format json "$@")
  rm -rf "$tmp/s.db"
  b=$(cpu "$bin" build --threads 1 --quiet --store "$tmp/s.db" "$@")
  best_parse=$(printf '%s\n%s\n' "${best_parse:-$p}" "$p" | sort -g | head -1)
  best_build=$(printf '%s\n%s\n' "${best_build:-$b}" "$b" | sort -g | head -1)
done
awk -v p="$best_parse" -v b="$best_build" -v n="$#" 'BEGIN {
  printf "%d files: parse %.2f s CPU, build %.2f s CPU; extraction + store = %.0f %% of the language pipeline\n", n, p, b, 100 * (b - p) / p }'
