#!/usr/bin/env bash
# Dates and time expressions, measured with ../shared/eval/score_time.py on
# its visible gold (../shared/eval/time/): the seed built with
# --date 2025-03-11 (its gold's convention) and the wikinews-fr-2018
# articles that have gold, each built alone, dumped with `trame export csv`
# and scored. Prints each article's line and the totals (document dates
# right, share of gold expressions found, share with the right value), and
# fails when a total falls below its floor (the figures last measured; see
# README.md, "Dates and time").
#
#   bash tests/time_score.sh [TRAME_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/debug/trame}"
shared="${TRAME_SHARED:-../shared}"
gold_dir="$shared/eval/time"
if [ ! -d "$gold_dir" ]; then
  echo "time_score: $gold_dir not found; set TRAME_SHARED to the shared folder" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

results="$tmp/results.jsonl"
: > "$results"
for gold in "$gold_dir"/*.time.json; do
  name="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["doc"])' "$gold")"
  stem="${name%.txt}"
  if [ -f "seeds/$name" ]; then
    article="seeds/$name"
    date_args=(--date 2025-03-11)
  else
    article="$(find "$shared/corpus" -name "$name" -print -quit)"
    date_args=()
  fi
  if [ -z "$article" ]; then
    echo "time_score: no article $name for $gold" >&2
    exit 1
  fi
  "$bin" build "$article" "${date_args[@]}" --store "$tmp/$stem.db" --quiet
  "$bin" export csv --store "$tmp/$stem.db" -o "$tmp/$stem-csv" --quiet
  python3 "$shared/eval/score_time.py" --gold "$gold" --csv-dir "$tmp/$stem-csv"
  python3 "$shared/eval/score_time.py" --gold "$gold" --csv-dir "$tmp/$stem-csv" --json >> "$results"
done

RESULTS="$results" python3 - <<'PY'
import json, os, sys
rows = [json.loads(line) for line in open(os.environ["RESULTS"], encoding="utf-8")]
gold = sum(r["gold_timex"] for r in rows)
found = sum(round(r["found"] * r["gold_timex"]) for r in rows) / gold
right = sum(round(r["value_accuracy"] * r["gold_timex"]) for r in rows) / gold
dates = sum(1 for r in rows if r["doc_date_ok"]) / len(rows)
spurious = sum(r["spurious"] for r in rows)
print(f"time: {len(rows)} articles, {gold} gold expressions: doc dates {dates:.3f}, "
      f"found {found:.3f}, value accuracy {right:.3f}, spurious rows {spurious}")
floors = {"doc dates": (dates, 1.0), "found": (found, 0.984), "value accuracy": (right, 0.984)}
failed = [f"{k}={v:.3f} (floor {f})" for k, (v, f) in floors.items() if v + 1e-9 < f]
if failed:
    print("time: below floor: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
print("time: all figures at or above their floors")
PY
