#!/usr/bin/env bash
# What compiling RocksDB at -O1 in the dev profile costs at run time: two
# trame binaries that differ only in RocksDB's optimisation level, timed
# in turn (A B A B …) on the same work, so a drift of the shared machine's
# speed hits both alike. Prints, per task, each binary's median wall and CPU
# seconds and the medians of the pairwise ratios A/B (wall, and CPU:
# user + system, which a busy machine disturbs less).
#
# Tasks (the store's share of the work differs in each):
#   load-fresh   `trame load` of the corpus's N-Quads dump into an empty
#                store (Oxigraph's bulk loader writes table files directly);
#   load-again   the same dump into a store already holding it (one
#                transaction replacing every document: RocksDB's write path);
#   build        `trame build` of BUILD_FILES articles of the corpus into an
#                empty store (model, annotation, extraction, one transaction
#                per document, the end-of-build graphs);
#   query        `trame stats` and a SPARQL count over the loaded store.
#
# Build binary A as usual and binary B with RocksDB at -O3, in a target
# folder of its own (about 30 minutes on 2 cores):
#   cargo build --bin trame
#   CARGO_TARGET_DIR=/tmp/target-o3 cargo build --bin trame \
#     --config 'profile.dev.package.oxrocksdb-sys.opt-level=3'
#   bash benches/rocksdb_opt.sh target/debug/trame /tmp/target-o3/debug/trame
#
#   ROUNDS=5 (pairs per task), BUILD_FILES=30, CORPUS=tests/data/wikinews-fr-2018
set -euo pipefail
cd "$(dirname "$0")/.."
a="$(realpath "${1:?binary A (RocksDB -O1)}")"
b="$(realpath "${2:?binary B (RocksDB -O3)}")"
rounds="${ROUNDS:-5}"
corpus="$(realpath "${CORPUS:-tests/data/wikinews-fr-2018}")"
build_files="${BUILD_FILES:-30}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The data, written with binary A (the stored quads do not depend on how
# RocksDB was compiled).
"$a" build "$corpus" --store "$tmp/source.db" --quiet 2>/dev/null
"$a" export nq --store "$tmp/source.db" -o "$tmp/all.nq" --quiet
mkdir -p "$tmp/articles"
find "$corpus" -name '*.txt' | LC_ALL=C sort | head -n "$build_files" | while read -r f; do cp "$f" "$tmp/articles/"; done
echo "data: $(date -u +%Y-%m-%d), dump of $(wc -l <"$tmp/all.nq") quads; build of $build_files articles; $rounds pairs per task; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "A: $a"
echo "B: $b"

# timed BIN TASK: runs one task with BIN, prints "wall cpu" seconds.
timed() {
  local bin="$1" task="$2"
  rm -rf "$tmp/target"
  case "$task" in
    load-again) "$bin" load "$tmp/all.nq" --store "$tmp/target" --quiet ;;
  esac
  case "$task" in
    load-fresh | load-again) set -- "$bin" load "$tmp/all.nq" --store "$tmp/target" --quiet ;;
    build) set -- "$bin" build "$tmp/articles" --store "$tmp/target" --quiet ;;
    query) set -- sh -c '"$0" stats --store "$1" --quiet >/dev/null && "$0" query --store "$1" --quiet --format csv "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }" >/dev/null' "$bin" "$tmp/source.db" ;;
  esac
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" \
    || { echo "failed: $task with $bin: $(tail -n 2 "$tmp/err")" >&2; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/time"
}

printf '%-11s %20s %20s %9s %9s\n' task "A wall / cpu s" "B wall / cpu s" "A/B wall" "A/B cpu"
for task in load-fresh load-again build query; do
  a_wall=(); a_cpu=(); b_wall=(); b_cpu=(); ratios=(); cpu_ratios=()
  for _ in $(seq 1 "$rounds"); do
    read -r aw ac < <(timed "$a" "$task")
    read -r bw bc < <(timed "$b" "$task")
    [ -n "${aw:-}" ] && [ -n "${bw:-}" ] || exit 1
    a_wall+=("$aw"); a_cpu+=("$ac"); b_wall+=("$bw"); b_cpu+=("$bc")
    ratios+=("$(awk -v x="$aw" -v y="$bw" 'BEGIN { printf "%.3f", x / y }')")
    cpu_ratios+=("$(awk -v x="$ac" -v y="$bc" 'BEGIN { printf "%.3f", x / y }')")
  done
  python3 - "$task" "${a_wall[*]}" "${a_cpu[*]}" "${b_wall[*]}" "${b_cpu[*]}" "${ratios[*]}" "${cpu_ratios[*]}" <<'EOF'
import statistics, sys
task, *cols = sys.argv[1:]
m = [statistics.median(float(x) for x in c.split()) for c in cols]
print(f"{task:<11} {m[0]:>9.2f} / {m[1]:>8.2f} {m[2]:>9.2f} / {m[3]:>8.2f} {m[4]:>9.3f} {m[5]:>9.3f}")
EOF
done
