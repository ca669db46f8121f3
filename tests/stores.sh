#!/usr/bin/env bash
# Sharded builds pushed into real SPARQL stores equal a one-machine build.
#
# Starts each store on a free 127.0.0.1 port in a temporary folder, runs 4
# `trame build --shard K/4 --push URL` workers as separate processes, then
# `trame merge --push URL`, and compares with `trame build` of the same
# corpus on one machine: every quad of the document and merge graphs by a
# SPARQL SELECT on both sides (dateAdded and the ontology's blank nodes
# left out), then `stats` and the CSV dump of the store read back. Faults:
# the same shard pushed twice, a worker killed with SIGKILL and run again,
# the store stopped in the middle of a run (the worker names what was not
# pushed; a re-run converges). A store that is not installed is skipped
# with a message saying so (tests/setup.sh installs both); with
# TRAME_STORES_REQUIRED=1 a skip is a failure (CI).
#
#   bash tests/stores.sh [TRAME_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/trame}")"
# Absolute, as a shared input would be: the source path is part of each graph.
corpus="$(realpath "${TRAME_CORPUS:-tests/data/wikinews-fr-2018}")"
stores_dir="${TRAME_STORES_DIR:-$HOME/.cache/trame/stores}"
oxigraph="${TRAME_OXIGRAPH:-$stores_dir/venv/bin/oxigraph}"
tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
failed=0
skipped=()
# shellcheck source=tests/stores-lib.sh
source tests/stores-lib.sh

# The quads to compare, one per line, sorted: documents and merge graph.
QUADS='SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER((STRSTARTS(STR(?g), "https://w3id.org/trame/doc/") || ?g = <https://w3id.org/trame/merge>)
         && ?p != <https://w3id.org/trame/ontology#dateAdded>) }'
# SPARQL JSON results → one canonical line per quad, sorted: the same RDF
# term gives the same text whichever store wrote it (numbers by value,
# booleans stored as 0/1 read as false/true, xsd:string as a plain literal).
canonical() {
  python3 -c '
import json, sys
XSD = "http://www.w3.org/2001/XMLSchema#"
def term(t):
    if t is None: return "-"
    if t["type"] == "uri": return "<" + t["value"] + ">"
    if t["type"] == "bnode": return "_:"
    value, kind = t["value"], t.get("datatype", "").replace(XSD, "")
    if t.get("xml:lang"): return json.dumps(value) + "@" + t["xml:lang"].lower()
    if kind == "boolean":
        return str(value in ("true", "1")).lower()
    if kind in ("integer", "int", "long", "short", "nonNegativeInteger"): return str(int(value))
    if kind in ("decimal", "double", "float"): return repr(round(float(value), 6))
    if kind in ("", "string"): return json.dumps(value)
    return json.dumps(value) + "^^" + kind
results = json.load(sys.stdin)
names = results["head"]["vars"]
for row in results["results"]["bindings"]:
    print("\t".join(term(row.get(n)) for n in names))
' | sort
}
local_quads() { "$bin" query "$QUADS" --format json --store "$1" --quiet | canonical; }
remote_quads() { # URL [curl auth options]
  local url="$1"; shift
  curl -sf "$@" --data-urlencode "query=$QUADS" -H 'Accept: application/sparql-results+json' "$url" | canonical
}

echo "== one machine: trame build $corpus"
start=$(date +%s.%N)
"$bin" build "$corpus" --store "$tmp/one.db" --quiet
echo "one machine: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
local_quads "$tmp/one.db" > "$tmp/one.tsv"
"$bin" stats --store "$tmp/one.db" --format json --quiet > "$tmp/one-stats.json"
"$bin" export csv --store "$tmp/one.db" -o "$tmp/one-csv" --quiet
echo "one machine: $(wc -l < "$tmp/one.tsv") quads to compare"

# compare NAME QUERY_URL DUMP_URL [curl auth]: SPARQL diff, then stats and CSV of the dump read back.
compare() {
  local name="$1" query="$2" dump="$3"; shift 3
  remote_quads "$query" "$@" > "$tmp/$name.tsv"
  if ! diff -q "$tmp/one.tsv" "$tmp/$name.tsv" > /dev/null; then
    echo "FAIL $name: the store differs from the one-machine build:" >&2
    { diff "$tmp/one.tsv" "$tmp/$name.tsv" | head -20 >&2; } || true
    failed=1
    return
  fi
  if [ -n "$dump" ]; then
    rm -rf "$tmp/$name.db"
    curl -sf "$@" -H 'Accept: application/n-quads' "$dump" > "$tmp/$name.nq"
    "$bin" load "$tmp/$name.nq" --store "$tmp/$name.db" --quiet
    "$bin" stats --store "$tmp/$name.db" --format json --quiet > "$tmp/$name-stats.json"
    "$bin" export csv --store "$tmp/$name.db" -o "$tmp/$name-csv" --quiet
    python3 - "$tmp/one-stats.json" "$tmp/$name-stats.json" <<'PY' || failed=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for s in (a, b):
    s.pop("quads", None)  # the ontology's blank nodes are counted differently after a round trip
if a != b:
    print("FAIL: stats differ", a, b, file=sys.stderr); sys.exit(1)
PY
    for f in entities relations mentions; do
      if ! diff -q "$tmp/one-csv/$f.csv" "$tmp/$name-csv/$f.csv" > /dev/null; then
        echo "FAIL $name: $f.csv differs" >&2; failed=1
      fi
    done
  fi
  echo "ok $name: $(wc -l < "$tmp/$name.tsv") quads equal to the one-machine build${dump:+; stats and CSV equal}"
}

# workers NAME URL [trame options]: 4 shard workers as separate processes, each in its own folder.
workers() {
  local name="$1" url="$2"; shift 2
  local start; start=$(date +%s.%N)
  local worker_pids=()
  for k in 0 1 2 3; do
    mkdir -p "$tmp/$name-worker$k"
    (cd "$tmp/$name-worker$k" && "$bin" build "$corpus" --shard "$k/4" --push "$url" "$@" > log 2>&1) &
    worker_pids+=($!)
  done
  local status=0
  for pid in "${worker_pids[@]}"; do wait "$pid" || status=1; done
  for k in 0 1 2 3; do echo "  worker $k: $(grep '^pushed' "$tmp/$name-worker$k/log")"; done
  echo "$name: 4 workers in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
  if [ $status -ne 0 ]; then cat "$tmp/$name"-worker*/log >&2; echo "FAIL $name: a worker failed" >&2; failed=1; fi
}

# faults NAME URL QUERY DUMP STOP START [trame options]: same shard twice, SIGKILL, store stopped mid-run.
faults() {
  local name="$1" url="$2" query="$3" dump="$4" stop="$5" start="$6"; shift 6
  (cd "$tmp" && "$bin" build "$corpus" --shard 0/4 --push "$url" "$@" --quiet)
  compare "$name-same-shard-twice" "$query" "" "${curl_auth[@]}"
  (cd "$tmp" && exec "$bin" build "$corpus" --shard 1/4 --push "$url" "$@" --quiet) &
  local victim=$!
  sleep 4; kill -9 "$victim" 2>/dev/null || true; wait "$victim" 2>/dev/null || true
  (cd "$tmp" && "$bin" build "$corpus" --shard 1/4 --push "$url" "$@" --quiet)
  compare "$name-after-sigkill" "$query" "" "${curl_auth[@]}"
  # The whole corpus on one thread (not one shard on every core): on a quiet
  # machine a shard is pushed in under 4 s, the whole corpus on one thread
  # takes over 8 s. The ontology is pushed before any parsing, so 3 s in the
  # store goes down in the middle of the run on a fast or a loaded machine.
  (cd "$tmp" && exec "$bin" build "$corpus" --threads 1 --push "$url" --retries 2 "$@" > "$tmp/down.log" 2>&1) &
  local worker=$!
  sleep 3; $stop
  if wait "$worker"; then
    echo "FAIL $name: a worker whose store went down exited 0" >&2; failed=1
  # On a loaded machine the store may go down while the ontology graph,
  # the first request, is being pushed: then no document was pushed, and
  # the worker says so.
  elif ! grep -q "were not pushed\|no document was pushed" "$tmp/down.log"; then
    echo "FAIL $name: the worker did not say what was not pushed:" >&2; cat "$tmp/down.log" >&2; failed=1
  else
    echo "ok $name: store stopped mid-run: $(grep -c '^warning: not pushed' "$tmp/down.log") documents named as not pushed, exit non-zero"
  fi
  $start
  (cd "$tmp" && "$bin" build "$corpus" --push "$url" "$@" --quiet)
  compare "$name-after-restart" "$query" "$dump" "${curl_auth[@]}"
}

# --- Oxigraph server (PyPI package `oxigraph`) ---------------------------------
if [ -x "$oxigraph" ]; then
  port=$(trame_free_port)
  start_oxigraph() { trame_oxigraph_start "$oxigraph" "$tmp/oxigraph" "$port"; pids+=("$ox_pid"); }
  stop_oxigraph() { trame_oxigraph_stop; }
  start_oxigraph
  echo "== Oxigraph $("$oxigraph" --version | awk '{print $2}') on 127.0.0.1:$port"
  url="http://127.0.0.1:$port/store"
  workers oxigraph "$url"
  "$bin" merge --push "$url"
  curl_auth=()
  compare oxigraph "http://127.0.0.1:$port/query" "$url"
  faults oxigraph "$url" "http://127.0.0.1:$port/query" "$url" stop_oxigraph start_oxigraph
  "$bin" merge --push "$url" --quiet
  compare oxigraph-merged-again "http://127.0.0.1:$port/query" ""
  stop_oxigraph
else
  skipped+=("Oxigraph server: $oxigraph not found (bash tests/setup.sh installs it)")
fi

# --- Virtuoso open source (Debian package virtuoso-opensource) -----------------
virtuoso="$(command -v virtuoso-t || true)"
if [ -n "$virtuoso" ]; then
  trame_virtuoso_configure "$tmp/virtuoso"
  http_port=$vt_http_port
  start_virtuoso() { trame_virtuoso_start "$tmp/virtuoso"; pids+=("$vt_pid"); }
  stop_virtuoso() { trame_virtuoso_stop; }
  start_virtuoso
  trame_virtuoso_password "$tmp/virtuoso"
  password="$vt_password"
  echo "== Virtuoso on 127.0.0.1:$http_port"
  url="http://127.0.0.1:$http_port/sparql-graph-crud-auth"
  query="http://127.0.0.1:$http_port/sparql"
  export TRAME_PUSH_PASSWORD="$password"
  workers virtuoso "$url" --user dba
  "$bin" merge --push "$url" --user dba
  curl_auth=()
  compare virtuoso "$query" ""
  faults virtuoso "$url" "$query" "" stop_virtuoso "start_virtuoso" --user dba
  stop_virtuoso
else
  skipped+=("Virtuoso: virtuoso-t not found (bash tests/setup.sh installs virtuoso-opensource)")
fi

for message in "${skipped[@]}"; do echo "SKIPPED $message" >&2; done
if [ ${#skipped[@]} -gt 0 ] && [ "${TRAME_STORES_REQUIRED:-0}" = 1 ]; then
  echo "stores: a store was skipped and TRAME_STORES_REQUIRED=1" >&2
  exit 1
fi
if [ $failed -ne 0 ]; then echo "stores: FAILED" >&2; exit 1; fi
echo "stores: sharded pushes equal the one-machine build"
