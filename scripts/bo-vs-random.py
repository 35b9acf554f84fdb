#!/usr/bin/env python3
"""BO vs random search in a grid-vs-search experiment: the column of docs/results/README.md.

Reads REPORT/data/outcomes.csv (written by `./neurohpo report DIR` or at the end of `experiment
grid-vs-search`), takes each search's recommendation's grid mean test accuracy (finalGridMean) by
optimizer seed, and prints the two-sided Mann-Whitney test of GP-BO's against random search's
values: U of GP-BO (ties count 1/2) and its exact permutation p-value, the share of all
C(n+m, n) ways to split the pooled values into the two groups whose U lies at least as far from
n*m/2 as the observed one (conditional on the ties, so exact with ties too; every split is
enumerated: 184,756 for 10 and 10, seconds). Also the paired counts by optimizer seed (GP-BO and
random search with the same seed share their initial design and run seeds) and the medians.
Standard library only.

  python3 scripts/bo-vs-random.py docs/results/2026-12-03-grid-vs-search-pima/report/data/outcomes.csv
"""
import csv
import itertools
import statistics
import sys


def u_of(a, b):
    return sum(1.0 if p > q else 0.5 if p == q else 0.0 for p in a for q in b)


def main(path):
    rows = list(csv.DictReader(open(path, newline="")))
    bo = {r["study"]: float(r["finalGridMean"]) for r in rows if r["strategy"] == "bo"}
    rnd = {r["study"]: float(r["finalGridMean"]) for r in rows if r["strategy"] == "random"}
    if not bo or not rnd:
        sys.exit(f"{path}: needs rows of strategy bo and random")
    x = [bo[k] for k in sorted(bo)]
    y = [rnd[k] for k in sorted(rnd)]
    pooled = x + y
    n, m = len(x), len(y)
    u = u_of(x, y)
    far = abs(u - n * m / 2) - 1e-9
    hits = total = 0
    for chosen in itertools.combinations(range(n + m), n):
        s = set(chosen)
        a = [pooled[i] for i in chosen]
        b = [pooled[i] for i in range(n + m) if i not in s]
        hits += abs(u_of(a, b) - n * m / 2) >= far
        total += 1
    paired = [k for k in bo if k in rnd]
    higher = sum(bo[k] > rnd[k] for k in paired)
    lower = sum(bo[k] < rnd[k] for k in paired)
    print(
        f"GP-BO {n} seeds, random {m}: U = {u:g}, exact two-sided p = {hits / total:.3f}; "
        f"by seed GP-BO higher {higher}, random higher {lower}, ties {len(paired) - higher - lower}; "
        f"median grid mean GP-BO {statistics.median(x):.3f}, random {statistics.median(y):.3f}"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: bo-vs-random.py REPORT/data/outcomes.csv")
    main(sys.argv[1])
