#!/usr/bin/env bash
# `trame serve` under load while a build writes to the same store.
#
# Usage: benches/serve_load.sh [CORPUS] [REQUESTS]
#   CORPUS    folder of *.txt (default ../shared/corpus/wikinews-fr-2018,
#             else tests/data/wikinews-fr-2018)
#   REQUESTS  requests per table row (default 2000)
# Environment: TRAME_BIN (default target/debug/trame, built if missing).
#
# Builds a store from the first half of the corpus, starts `trame serve` on
# it (loopback, a free port), starts `trame build` of the second half into
# the same store, and meanwhile runs examples/serve_load.rs: queries per
# second and p50/p99 latency for /api/entity and a SPARQL SELECT with 1, 8
# and 64 concurrent clients. Then prints the server's peak memory, how many
# documents it sees, and stops it with SIGTERM. Everything is bounded and
# stays on 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/wikinews-fr-2018}"
[ -d "$corpus" ] || corpus="$here/tests/data/wikinews-fr-2018"
requests="${2:-2000}"
cd "$here"
cargo build --quiet --bin trame --example serve_load
trame="${TRAME_BIN:-$here/target/debug/trame}"
load="$here/target/debug/examples/serve_load"

work="$(mktemp -d)"
server=""
builder=""
cleanup() {
  [ -n "$builder" ] && kill "$builder" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mapfile -t files < <(find "$corpus" -name '*.txt' | sort)
half=$(( ${#files[@]} / 2 ))
echo "bench: ${#files[@]} articles in $corpus; building the first $half" >&2
"$trame" build "${files[@]:0:$half}" --store "$work/db" --quiet

"$trame" serve --store "$work/db" --bind 127.0.0.1:0 --refresh 2 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 600); do
  grep -q 'http://' "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
addr="$(grep -o 'http://[^/]*' "$work/serve.log" | head -1 | sed 's#http://##')"
[ -n "$addr" ] || { echo "bench: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

"$trame" build "${files[@]:$half}" --store "$work/db" --quiet &
builder=$!
echo "bench: serving $addr; building the other $(( ${#files[@]} - half )) articles meanwhile (pid $builder)" >&2

"$load" "$addr" "$requests"

build_state="still running"
if ! kill -0 "$builder" 2>/dev/null; then
  wait "$builder" && build_state="finished" || build_state="failed"
fi
peak="$(grep VmHWM "/proc/$server/status" | awk '{print $2}')"
status="$(curl -s "http://$addr/api/status" 2>/dev/null || true)"
echo
echo "server peak memory: $(( peak / 1024 )) MiB; the build was $build_state when the load ended"
echo "server status: $status"
kill -TERM "$server"
wait "$server" && echo "server stopped cleanly on SIGTERM"
server=""
if [ "$build_state" = "still running" ]; then
  wait "$builder" || true
fi
builder=""
