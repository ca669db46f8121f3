#!/usr/bin/env bash
# The scoring jobs of the fact gold: one home for what tests/dev_score.sh and
# tests/peer_compare.sh both need (sourced, not run).
#
# trame_gold_jobs SHARED OUT GOLD_DIR[:PREFIX] ...
#   Writes OUT, one tab-separated job per line: name, gold file, input. The
#   first job is the seed (seed.gold.json on the folder seeds/), then one
#   `PREFIX-NAME` (PREFIX defaults to `dev`) per GOLD_DIR/NAME.gold.json on
#   its article, found by the gold's "doc" under SHARED/corpus/wikinews-fr-2018,
#   for each gold folder in turn. Returns 1 and says which gold names an
#   article that is not there.
trame_gold_jobs() {
  local shared="$1" out="$2" spec gold_dir prefix gold doc input
  shift 2
  printf 'seed\t%s\t%s\n' "$shared/eval/seed.gold.json" seeds/ >"$out"
  for spec in "$@"; do
    gold_dir="${spec%%:*}"
    prefix=dev
    if [ "$spec" != "$gold_dir" ]; then prefix="${spec#*:}"; fi
    for gold in "$gold_dir"/*.gold.json; do
      doc="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["doc"])' "$gold")"
      input="$(find "$shared/corpus/wikinews-fr-2018" -name "$doc" -print -quit)"
      if [ -z "$input" ]; then
        echo "article $doc (named by $gold) not found under $shared/corpus/wikinews-fr-2018; check TRAME_SHARED or the gold's \"doc\"" >&2
        return 1
      fi
      printf '%s-%s\t%s\t%s\n' "$prefix" "$(basename "$gold" .gold.json)" "$gold" "$input" >>"$out"
    done
  done
}
