#!/usr/bin/env bash
# Extraction and NER quality, measured with the shared scorers:
#   - the seed article against ../shared/eval/seed.gold.json (score.py);
#   - named entities on ../shared/corpus/wikinews-fr-2018 (ner_eval.py);
#   - article dates and time expressions on ../shared/eval/time/ (score_time.py,
#     through tests/time_score.sh).
#   - the seed and the 18 development articles of ../shared/eval/dev/, each
#     built alone, with per-article figures and means (tests/dev_score.sh).
# Fails when a figure falls below its floor (the issue's targets, or the
# last measured value where the target is not met yet: see README.md).
#
#   bash tests/quality.sh [TRAME_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/debug/trame}"
shared="${TRAME_SHARED:-../shared}"
if [ ! -d "$shared/eval" ]; then
  echo "quality: $shared/eval not found; set TRAME_SHARED to the shared folder" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$bin" build seeds/ --store "$tmp/seed.db" --quiet
"$bin" export csv --store "$tmp/seed.db" -o "$tmp/seed-csv" --quiet
seed_json="$(python3 "$shared/eval/score.py" --gold "$shared/eval/seed.gold.json" --csv-dir "$tmp/seed-csv" --json)"
python3 "$shared/eval/score.py" --gold "$shared/eval/seed.gold.json" --csv-dir "$tmp/seed-csv"

"$bin" build "$shared/corpus/wikinews-fr-2018" --store "$tmp/wiki.db" --quiet
"$bin" export csv --store "$tmp/wiki.db" -o "$tmp/wiki-csv" --quiet
ner_out="$(python3 "$shared/tools/ner_eval.py" "$shared/corpus/wikinews-fr-2018" --mentions "$tmp/wiki-csv/mentions.csv")"
echo "$ner_out" | tail -n 4

SEED_JSON="$seed_json" NER_LAST="$(echo "$ner_out" | tail -n 1)" python3 - <<'PY'
import json, os, re, sys
floors = {  # figure: (floor, direction)
    "entity_recall": (0.95, 1), "entity_precision": (0.90, 1),
    "core_fact_recall": (0.90, 1), "fact_recall": (0.75, 1), "junk_rate": (0.05, -1),
}
seed = json.loads(os.environ["SEED_JSON"])
failed = []
for key, (floor, sign) in floors.items():
    value = seed[key]
    if (value - floor) * sign < 0:
        failed.append(f"{key}={value} (floor {floor})")
if seed["entity_splits"]:
    failed.append(f"entity_splits={seed['entity_splits']}")
m = re.search(r"F1=([0-9.]+)", os.environ["NER_LAST"])
ner_f1 = float(m.group(1)) if m else 0.0
# 0.795 while a document's extraction could see the entities of documents
# built before it (order-dependent); 0.775 when each document was read
# alone; 0.795 (2026-11-30) with names left open by their document resolved
# over the whole set in the merge step (order-free); 0.806 (2026-12-01)
# with places in verbless lead-ins and regions in brackets kept; 0.807
# (2026-12-01 evening) with names in the other grammatical number merged.
if ner_f1 < 0.813:
    failed.append(f"wikinews exact PER/ORG/LOC F1={ner_f1} (floor 0.813)")
if failed:
    print("quality: below floor: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
print("quality: all figures at or above their floors")
PY

TRAME_SHARED="$shared" bash tests/time_score.sh "$bin"
TRAME_SHARED="$shared" bash tests/dev_score.sh "$bin"
