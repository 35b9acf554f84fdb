#!/usr/bin/env bash
# The experiments of issue 15, item 3, with the validation design (ADR 0004): one design on every
# data set. Each command is resumable: a study whose folder has its summary.json is not run again,
# so this script can be stopped and started again (a stopped study starts over). The encoding grid
# runs as six studies, one per encoder (grid-parts/, merged into grid/), so a stopped grid loses
# at most the encoder in progress; copy a stopped experiment's folder (from docs/results, say)
# back in place and run the same command with the same RERUN_DATE to go on.
#
#   scripts/rerun-experiments.sh [iris] [wine] [pima] [breast-cancer] [joint-iris] [live-mf-iris]
#       (default: the first five, in that order)
#
# grid-vs-search: the 240-set encoding grid of experiments/encoding-grid-iris.json, 20 runs per
#   set (seeds 1..20), each set ranked by its test mean; GP-BO and random search, 40 sets x 10
#   runs, optimizer seeds 1..10, the search with seed S on its own run seeds 1000*S+1.., each
#   selecting by mean validation accuracy.
# joint-iris: GP-BO and random search over experiments/joint-space.json (19 HPs), 40 x 10, seeds
#   1..10, then every recommendation on 30 fresh seeds 900001.., judged by test accuracy there.
# live-mf-iris: issue 17's live confirmation of the multi-fidelity replay: ASHA and Hyperband with
#   GP-BO proposals run by the services (35 sets started from 2 runs up to 10, eta 3: 146-174 runs
#   for ASHA, 206 for Hyperband, measured 2026-12-03), 10 optimizer seeds, judged
#   against the committed iris grid of 2026-12-02 like the full-fidelity searches.
#
# Cost on 2 cores (2 evaluators of one thread): iris ~30 min, wine ~1 h, Pima ~2 h, breast cancer
# ~3 h (grid) + ~1.8 h (searches), joint-iris ~35 min, live-mf-iris ~10 min, on an otherwise idle
# machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
date=${RERUN_DATE:-2026-12-02}
todo=("$@")
[[ ${#todo[@]} -gt 0 ]] || todo=(iris wine pima breast-cancer joint-iris)
grid() { # DATASET FOLDER-NAME
  ./neurohpo experiment grid-vs-search --dataset "$1" --grid-spec experiments/encoding-grid-iris.json \
    --grid-runs 20 --out "docs/results/$date-grid-vs-search-$2"
}
for t in "${todo[@]}"; do
  case "$t" in
    iris) grid iris iris ;;
    wine) grid wine wine ;;
    pima) grid pima_indians_diabetes pima ;;
    breast-cancer) grid breast_cancer_wisconsin_diagnostic breast-cancer ;;
    joint-iris) ./neurohpo experiment joint-space --dataset iris --out "docs/results/$date-joint-space-iris" ;;
    live-mf-iris)
      ./neurohpo experiment grid-vs-search --dataset iris --grid docs/results/2026-12-02-grid-vs-search-iris/grid \
        --strategies asha-bo,hyperband-bo --budget 35 --runs 10 --out "docs/results/$date-multifidelity-live-iris" ;;
    *) echo "rerun-experiments: unknown experiment '$t' (iris, wine, pima, breast-cancer, joint-iris, live-mf-iris)" >&2; exit 2 ;;
  esac
done
