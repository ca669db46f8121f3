#!/usr/bin/env bash
# trame vs spaCy parse speed and peak memory on the same corpus, in one run.
#
# Usage: benches/vs_spacy.sh VENV [MODEL] [CORPUS]
#   VENV    a Python venv with spaCy 3.8 and fr_core_news_MODEL (or $SPACY_VENV)
#   MODEL   md (default) or sm
#   CORPUS  folder of *.txt (default $TRAME_BENCH_CORPUS, else the Wikinews
#           corpus in ../shared/corpus/wikinews-fr-2018)
# Environment:
#   ROUNDS       rounds of (spaCy, trame), alternated so both see the same
#                machine load (default 3); the medians are compared
#   TRAME_BIN    an existing trame binary instead of a `cargo build --release`
#   BENCH_SPACY  bench_spacy.py (default ../shared/tools/bench_spacy.py)
#
# One thread each (OMP_NUM_THREADS=1 / --threads 1), plus trame on every core
# in each round. Prints every round, then the medians of tokens per second
# and of peak resident memory, the ratio trame/spaCy, and trame's speed on
# every core against one thread.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-${SPACY_VENV:-}}"
model="${2:-md}"
corpus="${3:-${TRAME_BENCH_CORPUS:-$here/../shared/corpus/wikinews-fr-2018}}"
rounds="${ROUNDS:-3}"
bench_py="${BENCH_SPACY:-$here/../shared/tools/bench_spacy.py}"
[ -n "$venv" ] || { echo "usage: $0 VENV [md|sm] [CORPUS]  (a venv with spaCy 3.8)" >&2; exit 2; }
[ -x "$venv/bin/python" ] || { echo "$venv/bin/python not found" >&2; exit 2; }
[ -f "$bench_py" ] || { echo "bench_spacy.py not found; set BENCH_SPACY" >&2; exit 2; }
[ -d "$corpus" ] || { echo "corpus folder $corpus not found" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive integer" >&2; exit 2; }

if [ -n "${TRAME_BIN:-}" ]; then
  trame="$TRAME_BIN"
else
  cargo build --release --quiet --manifest-path "$here/Cargo.toml"
  trame="$here/target/release/trame"
fi
mapfile -t files < <(find "$corpus" -name '*.txt' ! -name '*-urls.txt' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no *.txt files in $corpus" >&2; exit 2; }

# Runs a command, prints its last `tokens_per_s=` line followed by
# `peak_rss_mib=N` (the child's maximum resident set, from getrusage).
measure() {
  "$venv/bin/python" - "$@" <<'PY'
import resource, subprocess, sys
run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = [l for l in run.stdout.splitlines() if "tokens_per_s=" in l]
if run.returncode != 0 or not lines:
    sys.stderr.write(run.stdout[-2000:])
    sys.exit(f"benchmark command failed: {sys.argv[1]}")
peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{lines[-1].strip()} peak_rss_mib={peak_mib:.0f}")
PY
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

trame_parse() {
  measure bash -c 'exec "$0" parse --model "$1" --threads "$2" "${@:3}" >/dev/null' \
    "$trame" "$model" "$1" "${files[@]}"
}
cores="$(nproc)"
spacy_tps=() spacy_rss=() trame_tps=() trame_rss=() every_core_tps=()
for round in $(seq "$rounds"); do
  s="$(OMP_NUM_THREADS=1 measure "$venv/bin/python" "$bench_py" "fr_core_news_$model" "${files[@]}")"
  t="$(trame_parse 1)"
  a="$(trame_parse "$cores")"
  echo "round $round spacy: $s"
  echo "round $round trame: $t"
  echo "round $round trame, $cores threads: $a"
  spacy_tps+=("$(field tokens_per_s "$s")") spacy_rss+=("$(field peak_rss_mib "$s")")
  trame_tps+=("$(field tokens_per_s "$t")") trame_rss+=("$(field peak_rss_mib "$t")")
  every_core_tps+=("$(field tokens_per_s "$a")")
done
s_tps="$(printf '%s\n' "${spacy_tps[@]}" | median)"
t_tps="$(printf '%s\n' "${trame_tps[@]}" | median)"
s_rss="$(printf '%s\n' "${spacy_rss[@]}" | median)"
t_rss="$(printf '%s\n' "${trame_rss[@]}" | median)"
echo "spacy fr_core_news_$model median of $rounds: tokens_per_s=$s_tps peak_rss_mib=$s_rss"
a_tps="$(printf '%s\n' "${every_core_tps[@]}" | median)"
echo "trame $model median of $rounds: tokens_per_s=$t_tps peak_rss_mib=$t_rss"
echo "trame $model median of $rounds, $cores threads: tokens_per_s=$a_tps"
awk -v t="$t_tps" -v s="$s_tps" -v tm="$t_rss" -v sm="$s_rss" -v a="$a_tps" -v n="$cores" 'BEGIN {
  printf "ratio trame/spacy = %.2f (tokens per second, one thread each)\n", t / s
  printf "peak memory trame/spacy = %.2f\n", tm / sm
  printf "trame %d threads / 1 thread = %.2f\n", n, a / t
}'
