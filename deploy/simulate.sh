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
tmp="$(mktemp -d)"; server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
docs=$(find "$corpus" -name '*.txt' | wc -l)

start=$(now)
"$bin" build "$corpus" --store "$tmp/local.db" --threads 1 --quiet
local_s=$(calc "round($(now) - $start, 1)")
echo "local build, 1 thread: $docs documents in $local_s s ($(calc "round($docs / $local_s, 2)") documents/s)"

for n in 1 2 4; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$oxigraph" serve --location "$tmp/store-$n" --bind "127.0.0.1:$port" > "$tmp/server-$n.log" 2>&1 &
  server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/query"; do sleep 0.2; done
  url="http://127.0.0.1:$port/store"
  start=$(now); pids=()
  for k in $(seq 0 $((n - 1))); do
    (s=$(now); "$bin" build "$corpus" --shard "$k/$n" --push "$url" --threads 1 --quiet > "$tmp/w$n-$k.log" 2>&1
     echo "$(calc "round($(now) - $s, 2)")" > "$tmp/w$n-$k.time") &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  build_s=$(calc "round($(now) - $start, 1)")
  start=$(now); "$bin" merge --push "$url" --quiet; merge_s=$(calc "round($(now) - $start, 2)")
  per=""
  for k in $(seq 0 $((n - 1))); do
    t=$(cat "$tmp/w$n-$k.time")
    per="$per $(calc "round($docs / $n / $t, 2)")"
  done
  echo "N=$n: $docs documents in $build_s s, $(calc "round($docs / $build_s, 2)") documents/s in total; per worker:$per documents/s; merge $merge_s s"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
