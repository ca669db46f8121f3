#!/bin/bash
# trame as a Slurm job array: task K of N builds shard K and pushes its
# document graphs to a SPARQL store. Submit, then merge once all are done:
#
#   export TRAME_PUSH_PASSWORD=…            # sbatch passes the environment on
#   jobid=$(sbatch --parsable deploy/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap "trame merge --push $TRAME_STORE_URL --user trame"
#
# trame reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and
# SLURM_ARRAY_TASK_COUNT itself: no --shard needed. A failed task can be
# resubmitted alone (sbatch --array=17 …): pushing replaces graphs.
#SBATCH --job-name=trame-build
#SBATCH --array=0-99%50          # 100 shards, at most 50 at once
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=trame-%A_%a.log
set -euo pipefail
# Module set-up: the site's module for trame, or a binary on the shared file system.
# module load trame/0.1.0
TRAME="${TRAME:-$HOME/bin/trame}"
CORPUS="${CORPUS:-/shared/news/2025}"                       # the same path on every node
TRAME_STORE_URL="${TRAME_STORE_URL:-http://sparql.example.org:7878/store}"
# The model, fetched once into the shared home: `trame model install md`.
exec "$TRAME" build "$CORPUS" --push "$TRAME_STORE_URL" --user trame \
  --threads "${SLURM_CPUS_PER_TASK:-2}" --quiet
