#!/usr/bin/env bash
# `trame serve` under load while a build writes to the same store.
#
# Usage: benches/serve_load.sh [CORPUS] [REQUESTS]
#   CORPUS    folder of articles (default tests/data/wikinews-fr-2018)
#   REQUESTS  requests per table row (default 10000)
# Environment: TRAME_BIN (default target/debug/trame, built if missing);
#   TRAME_TIMEOUT, the server's --timeout in seconds (default 30).
#
# Builds a store of the whole corpus, starts `trame serve` on it (loopback,
# a free port), then builds the whole corpus again into the same store, over
# and over (each build replaces every document's graph, so the store's files
# keep changing and the server keeps reopening its view), while
# examples/serve_load.rs measures queries per second and p50/p99 latency for
# /api/entity and a SPARQL SELECT with 1, 8 and 64 concurrent clients. Then
# prints the server's peak memory (VmHWM), its status, how many builds ran
# beside the load, and stops the server with SIGTERM. Everything is bounded
# and stays on 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$(cd "${1:-$here/tests/data/wikinews-fr-2018}" && pwd)"
requests="${2:-10000}"
timeout_s="${TRAME_TIMEOUT:-30}"
cd "$here"
if [ -z "${TRAME_BIN:-}" ]; then
  cargo build --quiet --bin trame
fi
cargo build --quiet --example serve_load
trame="${TRAME_BIN:-$here/target/debug/trame}"
load="$here/target/debug/examples/serve_load"

work="$(mktemp -d)"
server=""
builder=""
# Stops the rebuild loop and the build it is running (a killed build leaves
# whole documents only).
stop_builder() {
  local children
  children="$(pgrep -P "$builder" || true)"
  kill "$builder" 2>/dev/null || true
  # shellcheck disable=SC2086
  [ -z "$children" ] || kill $children 2>/dev/null || true
  wait "$builder" 2>/dev/null || true
  builder=""
}
cleanup() {
  if [ -n "$builder" ]; then stop_builder; fi
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

articles="$(find "$corpus" \( -name '*.txt' -o -name '*.md' \) | wc -l)"
echo "bench: $articles articles in $corpus; building them all" >&2
started=$(date +%s)
"$trame" build "$corpus" --store "$work/db" --quiet
echo "bench: first build took $(( $(date +%s) - started )) s" >&2

"$trame" serve --store "$work/db" --bind 127.0.0.1:0 --refresh 2 --timeout "$timeout_s" 2> "$work/serve.log" &
server=$!
addr=""
for _ in $(seq 1 600); do
  addr="$(grep -o 'http://[^/ ]*' "$work/serve.log" 2>/dev/null | head -1 | sed 's#http://##' || true)"
  [ -n "$addr" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
[ -n "$addr" ] || { echo "bench: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

# Rebuild the corpus into the same store until the load is over; count the
# builds that finished.
(
  n=0
  while true; do
    "$trame" build "$corpus" --store "$work/db" --quiet 2>> "$work/build.log" || echo "build failed" >> "$work/build.log"
    n=$(( n + 1 ))
    echo "$n" > "$work/builds"
  done
) &
builder=$!
echo "bench: serving $addr on a store of $articles articles; rebuilding them all beside it (pid $builder)" >&2
# The load starts once the build has written and the server has reopened
# its view at least once (the model takes a while to load).
reloads() { curl -s --max-time 10 "http://$addr/api/status" | grep -o '"reloads":[0-9]*' | cut -d: -f2; }
for _ in $(seq 1 1200); do
  [ "$(reloads || echo 0)" -ge 1 ] 2>/dev/null && break
  sleep 0.5
done
echo "bench: the server has reopened the store $(reloads) time(s); loading it" >&2

"$load" "$addr" "$requests" "$timeout_s"

stop_builder
peak="$(awk '/VmHWM/ {print $2}' "/proc/$server/status")"
status="$(curl -s --max-time 10 "http://$addr/api/status" 2>/dev/null || true)"
echo
echo "server peak memory (VmHWM): $(( peak / 1024 )) MiB"
echo "builds finished beside the load: $(cat "$work/builds" 2>/dev/null || echo 0); failed: $(grep -c 'build failed' "$work/build.log" 2>/dev/null || true)"
echo "view reopened during the run: $(reloads) times"
echo "server status: $status"
kill -TERM "$server"
if wait "$server"; then echo "server stopped cleanly on SIGTERM"; else echo "server exit status $? on SIGTERM"; fi
server=""
