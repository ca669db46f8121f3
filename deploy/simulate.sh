#!/usr/bin/env bash
# A local simulation of a sharded deployment: N = 1, 2, 4 workers (separate
# processes, each with one thread) build the corpus and push it to an
# Oxigraph server on 127.0.0.1, then one merge; prints documents per second
# per worker and in total. On a machine with fewer cores than workers the
# total cannot grow: what the figures show then is the protocol's overhead
# (compare N = 1 with a local `trame build --threads 1`).
#
#   bash deploy/simulate.sh [TRAME_BINARY] [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/trame}")"
corpus="$(realpath "${2:-tests/data/wikinews-fr-2018}")"
oxigraph="${TRAME_OXIGRAPH:-$HOME/.cache/trame/stores/venv/bin/oxigraph}"
[ -x "$oxigraph" ] || { echo "simulate: no Oxigraph server at $oxigraph (TRAME_SETUP_EXTRA=stores bash tests/setup.sh)" >&2; exit 1; }
# shellcheck source=tests/stores-lib.sh
source tests/stores-lib.sh
tmp="$(mktemp -d)"; ox_pid=""
trap '[ -n "$ox_pid" ] && trame_oxigraph_stop; rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
docs=$(find "$corpus" -name '*.txt' | wc -l)

# timed FILE COMMAND...: runs COMMAND (its output to FILE.log), writes
# "wall-seconds cpu-seconds" (user + system, the process and its threads) to FILE.
timed() {
  local file="$1"; shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" > "$file.log" 2>&1; } 2> "$file.raw"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$file.raw" > "$file"
}
timed "$tmp/local" "$bin" build "$corpus" --store "$tmp/local.db" --threads 1 --quiet
read -r local_s local_cpu < "$tmp/local"
echo "$(date -u +%Y-%m-%d): local build, 1 thread: $docs documents in $local_s s ($(calc "round($docs / $local_s, 2)") documents/s), $(calc "round($local_cpu / $docs, 3)") CPU-seconds per document"

for n in 1 2 4; do
  port=$(trame_free_port)
  trame_oxigraph_start "$oxigraph" "$tmp/store-$n" "$port"
  url="http://127.0.0.1:$port/store"
  start=$(now); pids=()
  for k in $(seq 0 $((n - 1))); do
    timed "$tmp/w$n-$k" "$bin" build "$corpus" --shard "$k/$n" --push "$url" --threads 1 --quiet &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  build_s=$(calc "round($(now) - $start, 1)")
  start=$(now); "$bin" merge --push "$url" --quiet; merge_s=$(calc "round($(now) - $start, 2)")
  per=""; cpu=0
  for k in $(seq 0 $((n - 1))); do
    read -r t c < "$tmp/w$n-$k"
    per="$per $(calc "round($docs / $n / $t, 2)")"
    cpu=$(calc "$cpu + $c")
  done
  echo "N=$n: $docs documents in $build_s s, $(calc "round($docs / $build_s, 2)") documents/s in total; per worker:$per documents/s; $(calc "round($cpu / $docs, 3)") CPU-seconds per document; merge $merge_s s"
  trame_oxigraph_stop; ox_pid=""
done
echo "($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg); with more workers than cores the total cannot grow: the difference from the local build is the protocol's overhead)"
