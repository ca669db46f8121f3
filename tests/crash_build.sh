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
# Kills come in chains, as crashes do in real use: a chain starts from an
# empty store; after a kill and its checks, the re-run of step 3 is itself
# killed at a random moment (up to CRASH_CHAIN kills in all, default a
# random length of 1 to 6), so kills also land in builds that resume a
# partial store and in the end-of-build recomputation of the claims and
# merge graphs; the chain's last re-run is let finish and compared (3).
# Every kill is therefore followed by re-runs that must end at the
# uninterrupted build's quads. A run whose build ends before its kill
# moment is reported and not counted as a kill.
# `dateAdded` (the wall-clock time a document was stored) is the one
# predicate left out of the comparisons. Not part of `tests/run.sh`.
#
#   bash tests/crash_build.sh [N] [TRAME_BINARY] [CORPUS]
#   (defaults: 100, target/debug/trame, tests/data/wikinews-fr-2018)
#   CRASH_UNTIL=EPOCH_SECONDS   start no chain after this time (e.g.
#                               `date -d 11:00 +%s`); the summary says how
#                               many of the N kills were reached (CI gives
#                               it 12 minutes).
#   CRASH_CHAIN=K               every chain has K kills (1: each kill on a
#                               fresh build, the slowest and simplest form)
#
# Prints one line per kill and per chain (with the time spent and an
# estimate of the time left) and a summary, also when stopped early
# (deadline, Ctrl-C, SIGTERM); exits 1 at the first failed check, leaving
# the failing store and the expected quads in the work folder.
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
# Any other failing command is a finding too: say where, keep the evidence.
trap 'status=$?; keep=1; echo "crash_build: FAIL: a command failed at line $LINENO (exit $status) after ${kills:-0} kills; work folder kept: $work" >&2' ERR

# Quads of a store as sorted N-Quads, dateAdded left out and blank node
# labels (random in every store: the ontology's lists) made alike.
# A store killed between RocksDB's creation of it and the first commit
# (the ontology) is empty and exports nothing, which grep must not take
# for a failure.
quads() {
  "$trame" --quiet --store "$1" export nq | { grep -v 'ontology#dateAdded>' || true; } | sed -E 's/_:[0-9a-f]+/_:b/g' | LC_ALL=C sort
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
  echo "crash_build: FAIL after kill $1: $2 (kept in $work)" >&2
  exit 1
}

echo "crash_build: reference build of $corpus"
start=$(date +%s.%N)
"$trame" --quiet --store "$work/reference.db" build "$corpus" >/dev/null 2>&1
end=$(date +%s.%N)
build_ms=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%d", (b - a) * 1000 }')
quads "$work/reference.db" >"$work/reference.nq"
document_quads <"$work/reference.nq" >"$work/reference-docs.nq"
reference_docs=$("$trame" --quiet --store "$work/reference.db" stats --format csv | awk -F, '$2 == "documents" { print $4 }')
echo "crash_build: reference: $reference_docs documents, $(wc -l <"$work/reference.nq") quads, built in $((build_ms / 1000)) s"

killed_with=()
kills=0
chains=0
finished_runs=0
resumed_kills=0
unfinished=0
empty=0
until_s="${CRASH_UNTIL:-}"
loop_start=$(date +%s)
summary() {
  [ "$kills" -gt 0 ] || { echo "crash_build: no kill completed"; return; }
  local min max
  min=$(printf '%s\n' "${killed_with[@]}" | sort -n | head -n 1)
  max=$(printf '%s\n' "${killed_with[@]}" | sort -n | tail -n 1)
  echo "crash_build: $kills of $rounds kills done in $(( $(date +%s) - loop_start )) s, in $chains chains ($resumed_kills of them in a build resuming a partial store; $unfinished left a store RocksDB had not finished creating, which readers reported as unfinished; $empty left a created but still empty store; $finished_runs runs ended before their kill moment and were not counted); after every kill the store opened, answered and held whole documents only ($min to $max of $reference_docs), and every chain's final re-run matched the uninterrupted build"
}
stopped() { echo "crash_build: stopped by a signal"; summary; exit 130; }
trap stopped INT TERM
store="$work/crash.db"
while [ "$kills" -lt "$rounds" ]; do
  if [ "$kills" -gt 0 ] && [ -n "$until_s" ] && [ "$(date +%s)" -ge "$until_s" ]; then
    echo "crash_build: deadline reached after $kills kills"
    break
  fi
  chains=$((chains + 1))
  chain_length="${CRASH_CHAIN:-$((1 + RANDOM % 6))}"
  rm -rf "$store"
  docs=0
  in_chain=0
  while [ "$in_chain" -lt "$chain_length" ] && [ "$kills" -lt "$rounds" ]; do
    if [ "$in_chain" -gt 0 ] && [ -n "$until_s" ] && [ "$(date +%s)" -ge "$until_s" ]; then
      break
    fi
    # A moment anywhere in this build: model loading, annotating, writing,
    # the end-of-build graphs. A resumed build annotates every document
    # again (a build replaces the graphs it finds), so it lasts as long as
    # a whole one: the span is the last whole build's time, measured again
    # at each chain's end as the shared machine's speed drifts.
    span_ms=$build_ms
    [ "$span_ms" -gt 0 ] || span_ms=1
    delay_ms=$(( (RANDOM * 32768 + RANDOM) % span_ms ))
    before=$docs
    "$trame" --quiet --store "$store" build "$corpus" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    if kill -KILL "$pid" 2>/dev/null; then state=killed; else state=finished; fi
    wait "$pid" 2>/dev/null || true
    if [ "$state" = finished ]; then
      finished_runs=$((finished_runs + 1))
      echo "crash_build: chain $chains: the build ended before its kill moment (${delay_ms} ms)"
      break
    fi
    kills=$((kills + 1))
    in_chain=$((in_chain + 1))
    [ "$before" -eq 0 ] || resumed_kills=$((resumed_kills + 1))

    # 1. The store opens and answers. A build killed before it created the
    # store leaves nothing to open, which is fine; one killed while RocksDB
    # created it leaves a folder without CURRENT, which holds nothing and
    # which readers must call unfinished (the next build finishes it).
    docs=0
    if [ -e "$store" ] && [ ! -e "$store/CURRENT" ]; then
      if "$trame" --quiet --store "$store" stats >/dev/null 2>"$work/stats.err" \
        || ! grep -q 'was never finished' "$work/stats.err"; then
        fail "$kills" "a store killed during its creation is not reported as unfinished: $(cat "$work/stats.err")"
      fi
      unfinished=$((unfinished + 1))
    elif [ -e "$store" ]; then
      stats=$("$trame" --quiet --store "$store" stats --format csv) || fail "$kills" "the store does not open after a kill at ${delay_ms} ms"
      docs=$(awk -F, '$2 == "documents" { print $4 }' <<<"$stats")
      graphs_answered=$("$trame" --quiet --store "$store" query --format csv \
        'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g trame:contentHash ?h } }' | tail -n 1 | tr -d '\r')
      [ "$graphs_answered" = "$docs" ] || fail "$kills" "stats counts $docs documents, SPARQL $graphs_answered"
      [ "$docs" -ge "$before" ] || fail "$kills" "the kill lost documents: $before before the build, $docs after"

      # 2. Only whole documents: the document graphs present are, quad for
      # quad, the reference's graphs of the same names; no other graph than
      # the store's own.
      quads "$store" >"$work/crash.nq"
      [ -s "$work/crash.nq" ] || empty=$((empty + 1))
      graphs <"$work/crash.nq" >"$work/crash.graphs"
      foreign=$(grep -v -x -E 'https://w3id\.org/trame/(doc/.*|ontology|claims|merge)' "$work/crash.graphs" || true)
      [ -z "$foreign" ] || fail "$kills" "the store holds a graph no build writes: $(head -n 1 <<<"$foreign")"
      document_quads <"$work/crash.nq" >"$work/crash-docs.nq"
      awk 'NR == FNR { keep["<" $0 "> ."] = 1; next }
           { n = split($0, f, " "); if ((f[n - 1] " " f[n]) in keep) print }' \
        "$work/crash.graphs" "$work/reference-docs.nq" >"$work/expected.nq"
      if ! cmp -s "$work/crash-docs.nq" "$work/expected.nq"; then
        diff "$work/expected.nq" "$work/crash-docs.nq" | head -n 5 >&2 || true
        fail "$kills" "the store holds a partial or foreign document after a kill at ${delay_ms} ms"
      fi
    fi
    killed_with+=("$docs")
    elapsed=$(( $(date +%s) - loop_start ))
    echo "crash_build: kill $kills/$rounds (chain $chains, kill $in_chain of $chain_length): at ${delay_ms} ms of a build starting from $before documents, left $docs whole documents ($elapsed s so far, about $(( elapsed * (rounds - kills) / kills / 60 )) min left)"
  done

  # 3. The same build again completes to the uninterrupted build's quads.
  start=$(date +%s.%N)
  "$trame" --quiet --store "$store" build "$corpus" >/dev/null 2>&1 || fail "$kills" "the re-run failed"
  end=$(date +%s.%N)
  build_ms=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%d", (b - a) * 1000 }')
  quads "$store" >"$work/rerun.nq"
  if ! cmp -s "$work/rerun.nq" "$work/reference.nq"; then
    diff "$work/reference.nq" "$work/rerun.nq" | head -n 5 >&2 || true
    fail "$kills" "after the re-run the quads differ from the uninterrupted build's (chain $chains, $docs documents had survived its last kill)"
  fi
  echo "crash_build: chain $chains: the re-run after its $in_chain kill(s) matched the uninterrupted build"
done
summary
