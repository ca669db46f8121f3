#!/usr/bin/env bash
# Loading speed, quads per second, on the same data in the same run:
#   - `trame load` of one N-Quads dump into a fresh local store (Oxigraph's
#     bulk loader underneath) and into a store already holding those
#     documents (one transaction replacing them);
#   - Oxigraph's own bulk loader (`oxigraph load`, PyPI package) on the same
#     file, plain and gzip;
#   - the dump + bulk-loader path: the gzip shard files `build --out` writes,
#     loaded by `oxigraph load`, then `trame merge --push` into the server;
#     and `trame load` of the same shard files;
#   - `trame push` of the store to an Oxigraph server and to Virtuoso (digest
#     authentication), each started fresh on 127.0.0.1 (tests/stores-lib.sh).
# Each figure is the median of ROUNDS runs (default 3); starting a server is
# not timed. Prints the ratio of `trame load` to `oxigraph load`.
#
#   bash benches/load.sh [TRAME_BINARY] [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/trame}")"
corpus="$(realpath "${2:-tests/data/wikinews-fr-2018}")"
rounds="${ROUNDS:-3}"
oxigraph="${TRAME_OXIGRAPH:-$HOME/.cache/trame/stores/venv/bin/oxigraph}"
# shellcheck source=tests/stores-lib.sh
source tests/stores-lib.sh
tmp="$(mktemp -d)"; ox_pid=""; vt_pid=""
trap '[ -n "$ox_pid" ] && trame_oxigraph_stop; [ -n "$vt_pid" ] && trame_virtuoso_stop; rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
median() { python3 -c "import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
declare -A seconds

# The data: two shard dumps as workers write them, and one store loaded from them.
for k in 0 1; do "$bin" build "$corpus" --shard "$k/2" --out "$tmp/dump" --quiet 2>/dev/null; done
"$bin" load "$tmp"/dump/*.nq.gz --store "$tmp/source.db" --quiet
"$bin" export nq --store "$tmp/source.db" -o "$tmp/all.nq" --quiet
quads=$(wc -l < "$tmp/all.nq")
gzip -k "$tmp/all.nq"
echo "data: $(date -u +%Y-%m-%d), $corpus; dump of $quads quads ($(du -h "$tmp/all.nq" | cut -f1), gzip $(du -h "$tmp/all.nq.gz" | cut -f1)); $rounds rounds; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"

# run NAME PREPARE AFTER COMMAND...: median wall seconds of COMMAND over the
# rounds, into a fresh $tmp/target each round; PREPARE and AFTER (function
# names, or :) run around it, untimed.
run() {
  local name="$1" prepare="$2" after="$3"; shift 3
  local times=()
  for _ in $(seq 1 "$rounds"); do
    rm -rf "$tmp/target"
    $prepare
    local s; s=$(now)
    if ! "$@" > "$tmp/run.log" 2>&1; then
      $after
      printf '%-58s failed: %s\n' "$name" "$(tail -n 1 "$tmp/run.log")"
      return
    fi
    times+=("$(python3 -c "print($(now) - $s)")")
    $after
  done
  local m; m=$(median "${times[@]}")
  seconds[$name]=$m
  printf '%-58s %6.2f s  %9s quads/s\n' "$name" "$m" "$(python3 -c "print(f'{$quads / $m:,.0f}')")"
}

trame_row="trame load (fresh store)"
ox_row="oxigraph load (Oxigraph bulk loader)"
preload() { "$bin" load "$tmp/all.nq" --store "$tmp/target" --quiet; }
run "$trame_row" : : "$bin" load "$tmp/all.nq" --store "$tmp/target" --quiet
run "trame load (store holding the same documents)" preload : "$bin" load "$tmp/all.nq" --store "$tmp/target" --quiet
run "trame load of the build --out shards (.nq.gz)" : : "$bin" load "$tmp"/dump/*.nq.gz --store "$tmp/target" --quiet

if [ -x "$oxigraph" ]; then
  run "$ox_row" : : "$oxigraph" load --location "$tmp/target" --file "$tmp/all.nq"
  run "oxigraph load of the .nq.gz" : : "$oxigraph" load --location "$tmp/target" --file "$tmp/all.nq.gz"
  port=$(trame_free_port)
  bulk_then_merge() {
    "$oxigraph" load --location "$tmp/target" --file "$tmp"/dump/*.nq.gz
    trame_oxigraph_start "$oxigraph" "$tmp/target" "$port"
    "$bin" merge --push "http://127.0.0.1:$port/store" --quiet
    trame_oxigraph_stop; ox_pid=""
  }
  run "build --out shards: oxigraph load + trame merge --push" : : bulk_then_merge
  start_ox() { trame_oxigraph_start "$oxigraph" "$tmp/target" "$port"; }
  stop_ox() { trame_oxigraph_stop; ox_pid=""; }
  run "trame push to an Oxigraph server" start_ox stop_ox \
    "$bin" push "http://127.0.0.1:$port/store" --store "$tmp/source.db" --quiet
else
  echo "bench: no Oxigraph at $oxigraph: its rows are skipped (TRAME_SETUP_EXTRA=stores bash tests/setup.sh)" >&2
fi

if command -v virtuoso-t > /dev/null; then
  start_vt() {
    trame_virtuoso_configure "$tmp/target"
    trame_virtuoso_start "$tmp/target"
    trame_virtuoso_password "$tmp/target"
    export TRAME_PUSH_PASSWORD="$vt_password"
  }
  stop_vt() { trame_virtuoso_stop; vt_pid=""; }
  push_vt() { "$bin" push "http://127.0.0.1:$vt_http_port/sparql-graph-crud-auth" --user dba --store "$tmp/source.db" --quiet; }
  run "trame push to Virtuoso (digest authentication)" start_vt stop_vt push_vt
else
  echo "bench: no Virtuoso (virtuoso-t): its row is skipped" >&2
fi

if [ -n "${seconds[$ox_row]:-}" ] && [ -n "${seconds[$trame_row]:-}" ]; then
  echo "ratio: trame load takes $(python3 -c "print(round(${seconds[$trame_row]} / ${seconds[$ox_row]}, 2))") times as long as oxigraph load on the same file"
fi
