#!/usr/bin/env bash
# Same-run peer calibration (issue 8): trame against 100-odd lines of untuned
# Universal Dependencies rules (tests/peer_ud_rules.py: nsubj x obj/iobj/obl/
# ccomp, copulas, appositions, from the UD v2 relation names) run on the same
# parses, the CoNLL-U of `trame parse`. For the seed and every gold article of
# ../shared/eval/dev/ (or DEV_GOLD_DIR), each article is built alone with
# trame and dumped with `trame export csv`, parsed for the peer, and both
# dumps are scored with ../shared/eval/score.py. Prints one table: per article
# core/all fact recall, relation rows and entity R/P for trame and the peer,
# then the means (as in tests/dev_score.sh) and the ratio trame/peer.
# The peer is a calibration, not a target: it is never tuned.
#
#   bash tests/peer_compare.sh [TRAME_BINARY]
#   TRAME_SHARED=/path/to/shared bash tests/peer_compare.sh target/debug/trame
#   DEV_GOLD_DIR=tests/data/unseen-gold bash tests/peer_compare.sh  # the blind held-out set
#       # a held-out gold folder instead (print its figures, never its misses)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/gold-lib.sh
source tests/gold-lib.sh
bin="${1:-target/debug/trame}"
shared="${TRAME_SHARED:-../shared}"
gold_dir="${DEV_GOLD_DIR:-$shared/eval/dev}"
corpus="$shared/corpus/wikinews-fr-2018"
if [ ! -x "$bin" ]; then
  echo "peer_compare: trame binary not found at $bin; build it with 'cargo build --bin trame' or pass its path as the first argument" >&2
  exit 1
fi
if [ ! -f "$shared/eval/score.py" ] || [ ! -d "$corpus" ]; then
  echo "peer_compare: $shared/eval/score.py or $corpus not found; set TRAME_SHARED to the shared folder" >&2
  exit 1
fi
if ! compgen -G "$gold_dir/*.gold.json" >/dev/null; then
  echo "peer_compare: no *.gold.json in $gold_dir; set DEV_GOLD_DIR (or TRAME_SHARED) to a gold folder" >&2
  exit 1
fi
if [ ! -f "$shared/eval/seed.gold.json" ] || ! compgen -G "seeds/*.txt" >/dev/null; then
  echo "peer_compare: the seed gold ($shared/eval/seed.gold.json) or article (seeds/*.txt) is missing; check TRAME_SHARED and the checkout" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
started=$(date +%s)

compare_one() { # name, gold, input (a file, or a folder of .txt files)
  local name="$1" gold="$2" input="$3"
  local -a texts
  "$bin" build "$input" --store "$tmp/$name.db" --quiet
  "$bin" export csv --store "$tmp/$name.db" -o "$tmp/$name.trame" --quiet
  python3 "$shared/eval/score.py" --gold "$gold" --csv-dir "$tmp/$name.trame" --json >"$tmp/$name.trame.json"
  if [ -d "$input" ]; then texts=("$input"/*.txt); else texts=("$input"); fi
  "$bin" parse --format conllu --quiet "${texts[@]}" >"$tmp/$name.conllu"
  python3 tests/peer_ud_rules.py "$tmp/$name.conllu" "$tmp/$name.peer" --doc "$(basename "${texts[0]}")"
  python3 "$shared/eval/score.py" --gold "$gold" --csv-dir "$tmp/$name.peer" --json >"$tmp/$name.peer.json"
}

jobs="$tmp/jobs.tsv"
if ! trame_gold_jobs "$shared" "$jobs" "$gold_dir"; then
  echo "peer_compare: a gold article is missing (see above)" >&2
  exit 1
fi
export bin shared tmp
export -f compare_one
# One job per article, two at a time (each build and each parse loads the model).
tr '\n' '\0' <"$jobs" | xargs -0 -P "${DEV_SCORE_JOBS:-2}" -I{} bash -c \
  'set -euo pipefail; IFS=$'"'"'\t'"'"' read -r n g i <<<"$1"; compare_one "$n" "$g" "$i"' _ {}

SCORES="$tmp" GOLD_DIR="$gold_dir" SECONDS_TAKEN=$(( $(date +%s) - started )) python3 - <<'PY'
import glob, json, os

folder = os.environ["SCORES"]
def load(name, who):
    with open(os.path.join(folder, f"{name}.{who}.json"), encoding="utf-8") as f:
        return json.load(f)

def cells(r):
    return (f"{r['core_fact_recall']:5.2f} {r['fact_recall']:5.2f} {r['relation_rows']:5d} "
            f"{r['entity_recall']:5.2f} {r['entity_precision']:5.2f}")

names = sorted(os.path.basename(p)[:-len(".trame.json")] for p in glob.glob(os.path.join(folder, "dev-*.trame.json")))
cols = " core   all  rows  entR  entP"
print(f"{'':<26} {'':>4} | {'trame':<29} | peer")
print(f"{'article':<26} {'gold':>4} | {cols} | {cols}")
for name in ["seed"] + names:
    t, p = load(name, "trame"), load(name, "peer")
    print(f"{name.removeprefix('dev-'):<26} {t['gold_facts']:4d} | {cells(t)} | {cells(p)}")

def means(who):
    rs = [load(n, who) for n in names]
    m = {k: sum(r[k] for r in rs) / len(rs) for k in
         ("core_fact_recall", "fact_recall", "junk_rate", "entity_recall", "entity_precision")}
    m["rows_per_gold"] = sum(r["relation_rows"] for r in rs) / max(1, sum(r["gold_facts"] for r in rs))
    return m

print(f"means over the {len(names)} articles of {os.environ['GOLD_DIR']} (seed not counted):")
for who in ("trame", "peer"):
    m = means(who)
    print(f"  {who:<5} core={m['core_fact_recall']:.3f} all={m['fact_recall']:.3f} junk={m['junk_rate']:.3f} "
          f"rows/gold={m['rows_per_gold']:.2f} entity R={m['entity_recall']:.3f} P={m['entity_precision']:.3f}")
t, p = means("trame"), means("peer")
ratio = lambda k: f"{t[k] / p[k]:.2f}" if p[k] else "inf"
print(f"  ratio trame/peer: core={ratio('core_fact_recall')} all={ratio('fact_recall')}  "
      f"({os.environ['SECONDS_TAKEN']} s)")
PY
