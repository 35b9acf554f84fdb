#!/usr/bin/env python3
"""Writes a noisy 240-cell grid problem for ../shared/bench (CSV: params, mean, sd).

Shaped like an encoding study: encoder (4 categories) x bins (6 levels) x simTime (10 levels),
value = 1 - accuracy (minimised) from a smooth made-up landscape with one best cell, per-run
noise sd 0.02. Usage: python3 scripts/bench/make_grid.py > target/bench/grid240.csv
"""
import math

encoders = {"bins": 0.0, "rate": 0.03, "temporal": 0.06, "triangle": 0.015}
bins = [2, 3, 4, 5, 6, 8]
sim = [10, 15, 20, 25, 30, 40, 50, 60, 80, 100]
print("encoder,bins,simTime,mean,sd")
for e, offset in encoders.items():
    for b in bins:
        for s in sim:
            acc = 0.95 - offset - 0.012 * (b - 5) ** 2 - 0.04 * (math.log(s / 35.0)) ** 2
            if e == "triangle":
                acc += 0.02 * math.exp(-((b - 6) ** 2) / 2.0) * math.exp(-((s - 40) ** 2) / 200.0)
            print("%s,%d,%d,%.5f,0.02" % (e, b, s, 1 - acc))
