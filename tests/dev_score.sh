#!/usr/bin/env bash
# Extraction quality on the development gold: the seed article, every
# ../shared/eval/dev/*.gold.json article, every tests/data/spent-gold
# article (the held-out set whose misses were read on 2026-12-01) and every
# tests/data/dev2-gold article (8 more written on 2026-12-01 evening as
# development gold; the gold's "doc" names the corpus file), each built alone into a temporary store with the given trame binary,
# dumped with `trame export csv` and scored with ../shared/eval/score.py.
# Prints one line per article, then the means of each group (dev, spent,
# dev2) and of all of them, and fails when a group's mean falls below its floor (the floors rise with each landed improvement; they are
# never set above a measured figure).
#
#   bash tests/dev_score.sh [TRAME_BINARY]
#   TRAME_SHARED=/path/to/shared bash tests/dev_score.sh target/debug/trame
#   DEV_SCORE_KEEP=/tmp/dev bash tests/dev_score.sh   # keep each CSV dump there
#   DEV_GOLD_DIR=tests/data/spent-gold bash tests/dev_score.sh
#       # score only that gold folder (figures only, no floors); the
#       # blind held-out sets are tests/data/unseen-gold and
#       # tests/data/unseen2-gold and tests/data/unseen3-gold
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/gold-lib.sh
source tests/gold-lib.sh
bin="${1:-target/debug/trame}"
shared="${TRAME_SHARED:-../shared}"
gold_dir="${DEV_GOLD_DIR:-$shared/eval/dev}"
gold_specs=("$gold_dir")
if [ -z "${DEV_GOLD_DIR:-}" ]; then gold_specs+=("tests/data/spent-gold:spent" "tests/data/dev2-gold:dev2"); fi
if [ ! -d "$gold_dir" ]; then
  echo "dev_score: $gold_dir not found; set TRAME_SHARED to the shared folder (or DEV_GOLD_DIR to a gold folder)" >&2
  exit 1
fi
if [ ! -x "$bin" ]; then
  echo "dev_score: trame binary not found at $bin (build it with 'cargo build --bin trame')" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
started=$(date +%s)

score_one() { # name, gold, input
  local name="$1" gold="$2" input="$3"
  "$bin" build "$input" --store "$tmp/$name.db" --quiet
  "$bin" export csv --store "$tmp/$name.db" -o "$tmp/$name.csv" --quiet
  python3 "$shared/eval/score.py" --gold "$gold" --csv-dir "$tmp/$name.csv" --json >"$tmp/$name.json"
  if [ -n "${DEV_SCORE_KEEP:-}" ]; then
    mkdir -p "$DEV_SCORE_KEEP"
    rm -rf "${DEV_SCORE_KEEP:?}/$name.csv"
    cp -r "$tmp/$name.csv" "$DEV_SCORE_KEEP/$name.csv"
  fi
}

# One job per article; two at a time (each build loads the model once).
jobs="$tmp/jobs.tsv"
if ! trame_gold_jobs "$shared" "$jobs" "${gold_specs[@]}"; then
  echo "dev_score: a gold article is missing (see above)" >&2
  exit 1
fi
export bin shared tmp DEV_SCORE_KEEP
export -f score_one
tr '\n' '\0' <"$jobs" | xargs -0 -P "${DEV_SCORE_JOBS:-2}" -I{} bash -c 'IFS=$'"'"'\t'"'"' read -r n g i <<<"$1"; score_one "$n" "$g" "$i"' _ {}

HELD_OUT="${DEV_GOLD_DIR:-}" DEV_SCORES="$tmp" SECONDS_TAKEN=$(( $(date +%s) - started )) python3 - <<'PY'
import glob, json, os, sys

folder = os.environ["DEV_SCORES"]
def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def line(r):
    return (f"{r['doc']:<28} ent R={r['entity_recall']:.2f} P={r['entity_precision']:.2f} "
            f"splits={len(r['entity_splits'])} | core={r['core_fact_recall']:.2f} all={r['fact_recall']:.2f} "
            f"junk={r['junk_rate']:.2f} rows={r['relation_rows']}/{r['gold_facts']}")

seed = load(os.path.join(folder, "seed.json"))
groups = {g: [load(p) for p in sorted(glob.glob(os.path.join(folder, f"{g}-*.json")))] for g in ("dev", "spent", "dev2")}
print("seed:")
print("  " + line(seed))

def means_of(rs):
    n = len(rs)
    mean = lambda key: sum(r[key] for r in rs) / n
    return {
        "core": mean("core_fact_recall"), "all": mean("fact_recall"), "junk": mean("junk_rate"),
        "rows_per_gold": sum(r["relation_rows"] for r in rs) / max(1, sum(r["gold_facts"] for r in rs)),
        "entity_R": mean("entity_recall"), "entity_P": mean("entity_precision"),
        "splits": sum(len(r["entity_splits"]) for r in rs) / n,
    }

def show(title, m, n):
    print(f"{title} means over {n} articles: core={m['core']:.3f} all={m['all']:.3f} junk={m['junk']:.3f} "
          f"rows/gold={m['rows_per_gold']:.2f} entity R={m['entity_R']:.3f} P={m['entity_P']:.3f} "
          f"splits/article={m['splits']:.2f}")

titles = {"dev": os.environ.get("HELD_OUT") or "dev", "spent": "spent", "dev2": "dev2"}
for g, rs in groups.items():
    if not rs:
        continue
    print(f"{titles[g]}:")
    for r in rs:
        print("  " + line(r))
allrs = [r for rs in groups.values() for r in rs]
group_means = {g: means_of(rs) for g, rs in groups.items() if rs}
for g, m in group_means.items():
    show(titles[g], m, len(groups[g]))
if len(group_means) > 1:
    show("all groups", means_of(allrs), len(allrs))
print(f"({os.environ['SECONDS_TAKEN']} s)")
means = group_means["dev"]

if os.environ.get("HELD_OUT"):
    print(f"dev_score: {os.environ['HELD_OUT']}: a single gold folder, figures only, no floors")
    sys.exit(0)

# Floors: the figures measured when the last improvement landed (README,
# "How good it is"); direction +1 means "at least", -1 "at most". "all"
# went from 0.422 to 0.420 when memberOf was kept to organisations (the
# ontology's range; "l'armée de <country>" rows were judged wrong by hand).
# core 0.557 -> 0.564, all 0.420 -> 0.453 with place, title and leads facts
# from appositions and modifiers (issue 8's "Appositions and modifiers") and
# definite descriptions resolved to entities; entity P and splits rose with
# the acronym, gloss and dated-name merges.
# core 0.564 -> 0.594, all 0.456 -> 0.468 with verb + bare-noun idioms
# ("entrer en collision avec"), "il"/"elle" taken up from the previous
# sentence's non-person subject, and fronted participle clauses with an agent.
# entity P 0.952 -> 0.972 with countries added for a demonym dropped when no
# fact uses them; splits 0.389 -> 0.278 with a name shortened by its "de"
# complement, a class noun varying before one name, a channel suffix and
# acronyms in another order.
# all 0.468 -> 0.470 with the three night streams merged (2026-11-30, 21:55);
# entity R 0.904 -> 0.907 with pieces started at a hyphen inside a word rejoined.
# core 0.594 -> 0.637, all 0.470 -> 0.499 with the first merge of the
# 2026-12-01 streams (titles as predicative complements and after names,
# infinitives on nouns, partitive objects, impersonal "on", no bare acts
# from misread verbs, perception verbs' infinitives); 0.642 / 0.505 with a
# name apposed after a description; 0.647 / 0.507 with detached present
# participles read as the clause subject's.
# all 0.499 -> 0.501 with place nouns apposed to a place (X, chef-lieu de Y,).
# all 0.507 -> 0.509 with participle agents that name no entity as concepts;
# 0.658 / 0.513 with "celui-ci", "ce dernier" read as the last-named noun.
# all 0.507 -> 0.510 with lists of names the parser split (items hung inside
# a name, on the class noun or on the verb; a list read as two subjects).
# all 0.513 -> 0.517 with the merge of both, place adjuncts of agentless
# acts as their place, clock times no patient's phrase; entity P 0.976 with
# "car" read as a noun after a determiner.
# all 0.518 with a plural "ils"/"elles" taking up the plural subject before it.
# 0.665 / 0.523 with copulas saying what a noun phrase is or is like.
# 0.672 / 0.525 with an incise between auxiliary and participle no clause head.
# 0.696 / 0.562, entity R 0.907 -> 0.946 (2026-12-01) with amounts on verbs,
# clock times, casualty counts, parser-tagged names kept and place nearness.
# 0.702 / 0.566 with a description after a name inside a phrase (isA).
# 0.733 / 0.581, splits 0.278 -> 0.222 (2026-12-01 afternoon) with the
# merged streams read off the spent set: names with a class and definite
# descriptions through it, ages and measures, objectless clauses, event
# nominals, aliases ("aussi appelé"), verbs the lemmatiser left as written.
# splits 0.222 -> 0.167 (dev), 0.167 -> 0 (spent) with a name in the other
# grammatical number joining the one before it, and "autoroute" a class noun.
# 0.763 / 0.594 (dev), 0.817 / 0.615 (spent), 0.681 / 0.500 (dev2) with the
# evening's streams: tolls with their event (rules/tolls.rs), contest results
# (rules/contests.rs), fronted adjuncts the parser cut off, pronouns across
# a paragraph break, places in "où" clauses, actLocation for an
# intransitive act's place, "mettre au point / en place / en garde".
# 0.769 / 0.596 (dev) with a passive's agent hung on a locution ("à son
# encontre par X") rehung on its verb.
# splits 0.167 -> 0.056 (dev), 0.25 -> 0.125 (dev2) with names merged across
# their marks (year, organiser acronym, edition, function words) and wider
# acronyms (every word, number words as digits, hyphenated compounds); entity
# P 0.976 -> 0.975 (dev), 0.957 -> 0.955 (dev2) by the scorer's arithmetic
# alone: a fixed split turns two matched rows into one (P = matched / rows).
# 0.776 / 0.607 (dev), 0.817 / 0.626 (spent), 0.699 / 0.534 (dev2) with the
# late evening's streams: dates and places reaching the clauses after a
# fronted date or a colon, participles' dates, places after "où" and
# "dans une zone dénommée X"; titles the parser hangs as nmod, coordinated
# and plural titles, "le skieur alpin X"; a passive's "par" phrase taken as
# its agent (not a means noun: "par balle", "par la force").
# 0.787 / 0.611 (dev) with a subject cut off, with its time and title,
# before a comma and its verb ("Vers 8h00, X, professeur" | ", affirme").
# 0.776 / 0.609 (dev), 0.832 / 0.632 (spent), 0.715 / 0.538 (dev2) with the
# verb "tweeter" the models read as a name, and a relative clause hung on a
# speech verb no longer read as what was said.
# 0.787 / 0.612 (dev), 0.832 / 0.632 (spent), 0.741 / 0.553 (dev2) with
# the three night streams merged (2026-12-01, 23:00).
# all 0.612 -> 0.615 with a bare noun the parser made a name's only
# conjunct read as its apposition ("X , homme politique âgé de 41 ans ,").
# 0.792 / 0.616 (dev), 0.812 / 0.628 (dev2) with the subject pronoun of a
# reflexive verb read as impersonal made its subject again ("il s'était
# blessé", repair::reflexive_subject); 0.792 / 0.618 both merged.
# 0.620: `near` locutions place the act ("près de X", "au large de X",
# "à proximité de X", wherever the parser hangs them).
# 0.625: an adjective's complement after "être" ("présents à X", "victime de X").
floors = {
    "core": (0.792, 1), "all": (0.625, 1), "junk": (0.10, -1), "rows_per_gold": (4.0, -1),
    "entity_R": (0.946, 1), "entity_P": (0.975, 1), "splits": (0.056, -1),
}
# The spent set (tests/data/spent-gold) was held out until 2026-12-01 13:00
# (0.610 / 0.405, entity R 0.932 P 0.951, splits 0.33 then); its floors are
# the figures once the afternoon's streams landed.
# all 0.632 -> 0.638 with a pronoun of a said clause taking up the speaker
# of its own sentence ("l'ESA indique qu'elle ne peut pas …").
# 0.856 / 0.653 with a topic "elle" passed on through a sentence parsed
# with a noun as its root ("Elle a lieu une semaine après X. Elle est
# organisée par Y").
# all 0.653 -> 0.660 with "Elle a lieu une semaine après X" read as a
# clause (the idiom the parser took for a preposition): takesPlaceAfter.
spent_floors = {
    "core": (0.856, 1), "all": (0.660, 1), "junk": (0.10, -1), "rows_per_gold": (4.0, -1),
    "entity_R": (0.944, 1), "entity_P": (0.963, 1), "splits": (0.0, -1),
}
# dev2 (tests/data/dev2-gold) was written on 2026-12-01 at 16:30 by two
# annotators who never saw trame's output, and scored before any rule was
# tuned on it: core 0.602, all 0.453, entity R 0.974 P 0.957, splits 0.50
# (0.25 once names in the other grammatical number and "autoroute X" / "X"
# were merged).
# 0.713 / 0.544 with cause locutions ("à la suite de X", "suite à X", "en
# raison de X": X causes the clause, rules/causes.rs).
# 0.725 / 0.548 with a range of counts as its noun phrase ("deux à trois
# cabines", np::one_of).
# all 0.553 -> 0.578, entity P 0.955 -> 0.971 with vowels with a macron
# given plain to the model ("Hanyū" was cut into two sentences).
# all 0.578 -> 0.587 with a relative "qui" after "être" agreeing in gender
# ("l'annulation du sommet entre X et la Corée du Nord, qui était prévu").
# 0.759 / 0.585 with "est né à X" read as bornIn though the parser makes
# "être" a passive auxiliary (lexicon class unaccusative); 0.759 / 0.593
# with the relative agreement above merged.
# 0.794 / 0.608 with sport practitioners as titles ("le patineur X" is a
# person) and a paragraph-opening il/elle taking the topic person;
# 0.812 / 0.628 with a reflexive verb's pronoun its subject again; 0.830 /
# 0.643 with the afternoon's three streams merged (2026-12-02, 02:20).
dev2_floors = {
    "core": (0.830, 1), "all": (0.643, 1), "junk": (0.10, -1), "rows_per_gold": (4.0, -1),
    "entity_R": (0.974, 1), "entity_P": (0.971, 1), "splits": (0.125, -1),
}
seed_floors = {"core_fact_recall": 0.90, "fact_recall": 0.75}
failed = [f"dev {k}={means[k]:.3f} (floor {v})" for k, (v, sign) in floors.items() if (round(means[k], 3) - v) * sign < 0]
if "spent" in group_means:
    sm = group_means["spent"]
    failed += [f"spent {k}={sm[k]:.3f} (floor {v})" for k, (v, sign) in spent_floors.items() if (round(sm[k], 3) - v) * sign < 0]
if "dev2" in group_means:
    d2 = group_means["dev2"]
    failed += [f"dev2 {k}={d2[k]:.3f} (floor {v})" for k, (v, sign) in dev2_floors.items() if (round(d2[k], 3) - v) * sign < 0]
failed += [f"seed {k}={seed[k]} (floor {v})" for k, v in seed_floors.items() if seed[k] < v]
if failed:
    print("dev_score: below floor: " + "; ".join(failed), file=sys.stderr)
    sys.exit(1)
print("dev_score: all means at or above their floors")
PY
