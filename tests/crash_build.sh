#!/usr/bin/env bash
# Crash safety at scale: kills `trame build` with SIGKILL at N random
# moments while it builds the wikinews corpus, and after each kill checks
# that
#   1. the store opens and answers (`trame stats`, a SPARQL count);
#   2. it holds only whole documents: every document graph present is,
#      quad for quad, the graph an uninterrupted build writes for that
#      document, and the only other graphs are the store's own (ontology,
#      claims, merge: derived from the documents, so checked by 3);
#   3. running the same build again completes, and the store then holds
#      the same quads as the uninterrupted build.
# `dateAdded` (the wall-clock time a document was stored) is the one
# predicate left out of the comparisons. Not part of `tests/run.sh`: with
# the debug binary one round costs about one and a half builds.
#
#   bash tests/crash_build.sh [N] [TRAME_BINARY] [CORPUS]
#   (defaults: 100, target/debug/trame, tests/data/wikinews-fr-2018)
#   CRASH_UNTIL=EPOCH_SECONDS   start no round after the first one after
#                               this time (e.g. `date -d 11:00 +%s`); the
#                               summary says how many of the N kills were
#                               reached (CI gives it 12 minutes).
#
# Prints one line per kill (with the time spent and an estimate of the time
# left) and a summary, also when stopped early (deadline, Ctrl-C, SIGTERM);
# exits 1 at the first failed check, leaving the failing store and the
# expected quads in the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-100}"
trame="${2:-target/debug/trame}"
corpus="${3:-tests/data/wikinews-fr-2018}"
[ -x "$trame" ] || { echo "crash_build: no binary at $trame (run cargo build first)" >&2; exit 1; }
trame="$(cd "$(dirname "$trame")" && pwd)/$(basename "$trame")"
work="$(mktemp -d "${TMPDIR:-/tmp}/trame-crash.XXXXXX")"
keep=0
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$work"; fi; }
trap cleanup EXIT

# Quads of a store as sorted N-Quads, dateAdded left out and blank node
# labels (random in every store: the ontology's lists) made alike.
quads() {
  "$trame" --quiet --store "$1" export nq | grep -v 'ontology#dateAdded>' | sed -E 's/_:[0-9a-f]+/_:b/g' | LC_ALL=C sort
}
# The named graph of each N-Quads line (its last IRI before the final dot).
graphs() {
  sed -n 's/.*<\([^>]*\)> \.$/\1/p' | LC_ALL=C sort -u
}
# The lines of document graphs only.
document_quads() {
  grep -E '<https://w3id\.org/trame/doc/[^>]*> \.$' || true
}
fail() {
  keep=1
  echo "crash_build: FAIL round $1: $2 (kept in $work)" >&2
  exit 1
}

echo "crash_build: reference build of $corpus"
start=$(date +%s.%N)
"$trame" --quiet --store "$work/reference.db" build "$corpus" >/dev/null
end=$(date +%s.%N)
build_ms=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%d", (b - a) * 1000 }')
quads "$work/reference.db" >"$work/reference.nq"
document_quads <"$work/reference.nq" >"$work/reference-docs.nq"
reference_docs=$("$trame" --quiet --store "$work/reference.db" stats --format csv | awk -F, '$2 == "documents" { print $4 }')
echo "crash_build: reference: $reference_docs documents, $(wc -l <"$work/reference.nq") quads, built in $((build_ms / 1000)) s"

killed_with=()
rerun_ms_total=0
done_rounds=0
until_s="${CRASH_UNTIL:-}"
loop_start=$(date +%s)
summary() {
  [ "$done_rounds" -gt 0 ] || { echo "crash_build: no kill completed"; return; }
  local min max
  min=$(printf '%s\n' "${killed_with[@]}" | sort -n | head -n 1)
  max=$(printf '%s\n' "${killed_with[@]}" | sort -n | tail -n 1)
  echo "crash_build: $done_rounds of $rounds kills done in $(( $(date +%s) - loop_start )) s; every store opened and held whole documents only ($min to $max of $reference_docs), every re-run matched the uninterrupted build (mean re-run $((rerun_ms_total / done_rounds / 1000)) s)"
}
stopped() { echo "crash_build: stopped by a signal"; summary; exit 130; }
trap stopped INT TERM
for round in $(seq 1 "$rounds"); do
  if [ "$round" -gt 1 ] && [ -n "$until_s" ] && [ "$(date +%s)" -ge "$until_s" ]; then
    echo "crash_build: deadline reached before round $round"
    break
  fi
  store="$work/crash.db"
  rm -rf "$store"
  # A moment anywhere in a whole build: model loading, annotating, writing.
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % build_ms ))
  "$trame" --quiet --store "$store" build "$corpus" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  if kill -KILL "$pid" 2>/dev/null; then state=killed; else state=finished; fi
  wait "$pid" 2>/dev/null || true

  # 1. The store opens and answers. A build killed before it created the
  # store leaves nothing to open, which is fine.
  docs=0
  if [ -e "$store" ]; then
    stats=$("$trame" --quiet --store "$store" stats --format csv) || fail "$round" "the store does not open after a kill at ${delay_ms} ms"
    docs=$(awk -F, '$2 == "documents" { print $4 }' <<<"$stats")
    graphs_answered=$("$trame" --quiet --store "$store" query --format csv \
      'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g trame:contentHash ?h } }' | tail -n 1 | tr -d '\r')
    [ "$graphs_answered" = "$docs" ] || fail "$round" "stats counts $docs documents, SPARQL $graphs_answered"

    # 2. Only whole documents: the document graphs present are, quad for
    # quad, the reference's graphs of the same names; no other graph than
    # the store's own.
    quads "$store" >"$work/crash.nq"
    graphs <"$work/crash.nq" >"$work/crash.graphs"
    foreign=$(grep -v -x -E 'https://w3id\.org/trame/(doc/.*|ontology|claims|merge)' "$work/crash.graphs" || true)
    [ -z "$foreign" ] || fail "$round" "the store holds a graph no build writes: $(head -n 1 <<<"$foreign")"
    document_quads <"$work/crash.nq" >"$work/crash-docs.nq"
    awk 'NR == FNR { keep["<" $0 "> ."] = 1; next }
         { n = split($0, f, " "); if ((f[n - 1] " " f[n]) in keep) print }' \
      "$work/crash.graphs" "$work/reference-docs.nq" >"$work/expected.nq"
    if ! cmp -s "$work/crash-docs.nq" "$work/expected.nq"; then
      diff "$work/expected.nq" "$work/crash-docs.nq" | head -n 5 >&2 || true
      fail "$round" "the store holds a partial or foreign document after a kill at ${delay_ms} ms"
    fi
  fi

  # 3. The same build again completes to the uninterrupted build's quads.
  rerun_start=$(date +%s.%N)
  "$trame" --quiet --store "$store" build "$corpus" >/dev/null || fail "$round" "the re-run failed"
  rerun_end=$(date +%s.%N)
  rerun_ms_total=$((rerun_ms_total + $(awk -v a="$rerun_start" -v b="$rerun_end" 'BEGIN { printf "%d", (b - a) * 1000 }')))
  quads "$store" >"$work/rerun.nq"
  if ! cmp -s "$work/rerun.nq" "$work/reference.nq"; then
    diff "$work/reference.nq" "$work/rerun.nq" | head -n 5 >&2 || true
    fail "$round" "after the re-run the quads differ from the uninterrupted build's ($docs documents had survived the kill)"
  fi
  killed_with+=("$docs")
  done_rounds=$round
  elapsed=$(( $(date +%s) - loop_start ))
  echo "crash_build: round $round/$rounds: $state at ${delay_ms} ms with $docs whole documents; re-run ok ($elapsed s so far, about $(( elapsed * (rounds - round) / round / 60 )) min left)"
done
summary

