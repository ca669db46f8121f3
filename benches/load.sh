#!/usr/bin/env bash
# Loading speed, quads per second, on one N-Quads dump of a built store:
#   - `trame load` into a fresh local store;
#   - Oxigraph's own bulk loader (`oxigraph load`) on the same file;
#   - `trame push` of the same store to an Oxigraph server and to Virtuoso
#     (both on 127.0.0.1, started here as tests/stores.sh does);
#   - the dump + bulk-loader path: `build --out`'s gzip N-Quads into `oxigraph load`.
# Each figure is the median of ROUNDS runs (default 3).
#
#   bash benches/load.sh [TRAME_BINARY] [STORE_TO_DUMP]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/trame}")"
source_store="${2:-}"
rounds="${ROUNDS:-3}"
oxigraph="${TRAME_OXIGRAPH:-$HOME/.cache/trame/stores/venv/bin/oxigraph}"
tmp="$(mktemp -d)"; server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
median() { python3 -c "import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
rate() { python3 -c "print(f'{$1 / $2:,.0f}')"; }

if [ -z "$source_store" ]; then
  source_store="$tmp/source.db"
  "$bin" build "$(realpath tests/data/wikinews-fr-2018)" --store "$source_store" --quiet 2>/dev/null
fi
"$bin" export nq --store "$source_store" -o "$tmp/all.nq" --quiet
quads=$(wc -l < "$tmp/all.nq")
gzip -k "$tmp/all.nq"
echo "dump: $quads quads ($(du -h "$tmp/all.nq" | cut -f1), gzip $(du -h "$tmp/all.nq.gz" | cut -f1))"

run() { # NAME COMMAND...: median seconds over the rounds; a fresh target each round (set by the command)
  local name="$1"; shift
  local times=()
  for r in $(seq 1 "$rounds"); do
    rm -rf "$tmp/target"
    local s; s=$(now)
    if ! "$@" > "$tmp/run.log" 2>&1; then
      printf '%-44s failed: %s\n' "$name" "$(tail -n 1 "$tmp/run.log")"
      return
    fi
    times+=("$(python3 -c "print($(now) - $s)")")
  done
  local m; m=$(median "${times[@]}")
  printf '%-44s %6.2f s  %10s quads/s\n' "$name" "$m" "$(rate "$quads" "$m")"
}

run "trame load (local store)" "$bin" load "$tmp/all.nq" --store "$tmp/target" --quiet
if [ -x "$oxigraph" ]; then
  run "oxigraph load (Oxigraph's bulk loader)" "$oxigraph" load --location "$tmp/target" --file "$tmp/all.nq"
  run "oxigraph load of the .nq.gz" "$oxigraph" load --location "$tmp/target" --file "$tmp/all.nq.gz"
  push_oxigraph() {
    local port; port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$oxigraph" serve --location "$tmp/target" --bind "127.0.0.1:$port" > /dev/null 2>&1 &
    server=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/query"; do sleep 0.1; done
    "$bin" push "http://127.0.0.1:$port/store" --store "$source_store" --quiet
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
  }
  run "trame push to an Oxigraph server" push_oxigraph
else
  echo "bench: no Oxigraph server at $oxigraph: its rows are skipped" >&2
fi
