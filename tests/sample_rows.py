#!/usr/bin/env python3
"""Draw random relation rows from dev builds for judging by hand.

Usage: python3 tests/sample_rows.py DIR [N] [SEED]

DIR is a DEV_SCORE_KEEP folder of tests/dev_score.sh (one dev-*.csv dump per
article); the seed article is left out. Rows are drawn with a fixed seed, so
the same builds give the same sample. Prints one block per row: number,
confidence, rule, the fact with its negated / hypothetical / reported flags
(the CSV dump has no reportedBy column: read the source in the sentence) and
its sentence. Standard library only.
"""
import csv
import glob
import os
import random
import sys


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "dev-*.csv", "relations.csv"))):
        article = os.path.basename(os.path.dirname(path))[4:-4]
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows.append((article, row))
    if not rows:
        print(f"sample_rows: no dev-*.csv/relations.csv under {folder}", file=sys.stderr)
        return 1
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    for i, (article, r) in enumerate(picked, 1):
        print(f"{i:2}. [{float(r['confidence']):.2f} {r['rule']}] {article}")
        flags = [name for name in ("negated", "hypothetical", "reported") if r.get(name, "").lower() == "true"]
        print(f"    {r['subject']} | {r['predicate']} ({r['lemma']}) | {r['object']}  flags: {', '.join(flags) or 'none'}")
        print(f"    « {r['sentence']} »")
    return 0


if __name__ == "__main__":
    sys.exit(main())
