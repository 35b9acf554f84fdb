"""Reference values for report's StatsTest and SensitivityTest.

Each figure comes from two computations that share no code and must agree before it is written:
- Welch's t-test: scipy.stats.ttest_ind(equal_var=False), and plain Python (Welch-Satterthwaite
  degrees of freedom, then the t distribution's tail integrated by tanh-sinh quadrature of its
  density, math.lgamma for the constant).
- Mann-Whitney U, exact (no ties, small samples): scipy.stats.mannwhitneyu(method="exact"), and
  for up to 20 values in all a brute-force enumeration of every split of the ranks, in fractions.
- Mann-Whitney U with ties or large samples: scipy's method="asymptotic" (tie-corrected variance,
  continuity correction 1/2), and the same formula written out here with math.erfc.
- Sobol indices of the Ishigami function f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3
  (a = 7, b = 0.1): the analytic partial variances (Ishigami and Homma 1990; Sobol' and Levitan
  1999), checked against a Monte Carlo pick-freeze estimate with numpy.

Needs numpy and scipy. Run from the repository root:
  python3 scripts/stats-reference/make_stats_reference.py > experiments/src/test/resources/stats-reference.json
"""
import csv
import itertools
import json
import math
from fractions import Fraction

import numpy as np
from scipy import stats


# ---------------------------------------------------------------- Welch's t-test, plain Python
def t_density(x, nu):
    c = math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu * math.pi)
    return math.exp(c - (nu + 1) / 2 * math.log1p(x * x / nu))


def tanh_sinh(f, a, b, levels=9):
    """Integral of f over [a, b] by the double-exponential rule (robust to endpoint behaviour)."""
    half, mid = (b - a) / 2, (a + b) / 2
    total = 0.0
    h = 2.0 ** -levels * 4
    k = 0
    while True:
        t = k * h
        u = math.pi / 2 * math.sinh(t)
        w = math.pi / 2 * math.cosh(t) / math.cosh(u) ** 2
        x = math.tanh(u)
        if w < 1e-300 or 1 - x == 0:
            break
        term = w * f(mid + half * x)
        if k > 0:
            term += w * f(mid - half * x)
        total += term
        k += 1
    return total * h * half


def welch_p_plain(a, b):
    na, nb = len(a), len(b)
    ma, mb = sum(a) / na, sum(b) / nb
    va = sum((x - ma) ** 2 for x in a) / (na - 1) / na
    vb = sum((x - mb) ** 2 for x in b) / (nb - 1) / nb
    t = abs(ma - mb) / math.sqrt(va + vb)
    nu = (va + vb) ** 2 / (va * va / (na - 1) + vb * vb / (nb - 1))
    # tail beyond |t|: x = |t| + s / (1 - s), s in [0, 1)
    tail = tanh_sinh(lambda s: t_density(t + s / (1 - s), nu) / (1 - s) ** 2 if s < 1 else 0.0, 0, 1)
    return 2 * tail


# ------------------------------------------------------------ Mann-Whitney U, plain Python
def u_stat(a, b):
    return sum((x > y) + 0.5 * (x == y) for x in a for y in b)


def mw_exact_enumerated(a, b):
    """Two-sided exact p: every split of the pooled values into sizes n1, n2 equally likely."""
    n1, n2 = len(a), len(b)
    u_obs = u_stat(a, b)
    u = max(u_obs, n1 * n2 - u_obs)
    pooled = sorted(a + b)
    hits = total = 0
    for chosen in itertools.combinations(range(n1 + n2), n1):
        s = set(chosen)
        x = [pooled[i] for i in chosen]
        y = [pooled[i] for i in range(n1 + n2) if i not in s]
        total += 1
        hits += u_stat(x, y) >= u
    return float(min(Fraction(1), 2 * Fraction(hits, total)))


def mw_asymptotic_plain(a, b):
    n1, n2 = len(a), len(b)
    n = n1 + n2
    u_obs = u_stat(a, b)
    u = max(u_obs, n1 * n2 - u_obs)
    pooled = sorted(a + b)
    tie = sum(c ** 3 - c for c in (pooled.count(v) for v in set(pooled)))
    var = n1 * n2 / 12 * ((n + 1) - tie / (n * (n - 1)))
    z = (u - n1 * n2 / 2 - 0.5) / math.sqrt(var)
    return min(1.0, math.erfc(z / math.sqrt(2)))


def close(x, y, rel=1e-9, abs_=1e-15):
    assert abs(x - y) <= max(abs_, rel * abs(y)), (x, y)


def main():
    rng = np.random.default_rng(20261202)
    out = {"welch": [], "mannWhitneyExact": [], "mannWhitneyAsymptotic": []}

    # Welch: typical seeds x accuracies, unequal sizes and spreads, small df, tiny and ~1 p
    welch_cases = [
        ("accuracies 5 vs 5", [0.889, 0.956, 0.933, 0.978, 0.933], [0.911, 0.933, 0.867, 0.956, 0.889]),
        ("unequal sizes and spreads", list(rng.normal(0.80, 0.01, 3)), list(rng.normal(0.78, 0.06, 12))),
        ("df near 1", [1.0, 1.2], [0.0, 5.0, -4.0, 9.0, -7.0, 3.0]),
        ("tiny p", list(rng.normal(0.0, 1.0, 30)), list(rng.normal(3.0, 1.0, 30))),
        ("p near 1", [1.0, 2.0, 3.0, 4.0], [1.5, 2.5, 3.49, 2.0]),
        ("2 vs 2", [0.5, 0.7], [0.1, 0.2]),
        ("10 vs 7", list(rng.normal(0.5, 0.2, 10)), list(rng.normal(0.6, 0.1, 7))),
    ]
    for name, a, b in welch_cases:
        a = [float(x) for x in a]
        b = [float(x) for x in b]
        p = float(stats.ttest_ind(a, b, equal_var=False).pvalue)
        close(welch_p_plain(a, b), p, rel=1e-8)
        out["welch"].append({"name": name, "a": a, "b": b, "p": p})

    # Mann-Whitney exact: no ties
    def distinct(n, scale=1.0, shift=0.0):
        return [float(x) for x in rng.normal(shift, scale, n)]

    exact_cases = [
        ("3 vs 4", distinct(3), distinct(4, shift=1.0)),
        ("5 vs 5 separated", [1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0]),
        ("6 vs 9", distinct(6), distinct(9, shift=0.5)),
        ("10 vs 10", distinct(10), distinct(10, shift=0.3)),
        ("8 vs 12", distinct(8), distinct(12, shift=-0.4)),
        ("20 vs 20", distinct(20), distinct(20, shift=0.5)),
        ("1 vs 30", distinct(1), distinct(30)),
        ("50 vs 50", distinct(50), distinct(50, shift=0.3)),
    ]
    # experiment 5 (docs/results/2026-11-29-pareto-iris-own-seeds): final hypervolumes per seed
    rows = list(csv.DictReader(open("docs/results/2026-11-29-pareto-iris-own-seeds/report/data/hypervolume.csv")))
    final = {}
    for r in rows:
        key = (r["strategy"], int(r["seed"]))
        if key not in final or int(r["evaluations"]) > int(final[key]["evaluations"]):
            final[key] = r
    hv = {s: [float(final[k]["hypervolume"]) for k in sorted(final) if k[0] == s] for s in ("parego", "random")}
    exact_cases.append(("experiment 5 final hypervolumes, parego vs random", hv["parego"], hv["random"]))
    for name, a, b in exact_cases:
        assert len(set(a + b)) == len(a) + len(b), name
        p = float(stats.mannwhitneyu(a, b, method="exact").pvalue)
        if len(a) + len(b) <= 20:
            close(mw_exact_enumerated(a, b), p, rel=1e-12)
        out["mannWhitneyExact"].append({"name": name, "a": a, "b": b, "p": p})

    # Mann-Whitney with ties or more than 100 values: normal approximation
    asym_cases = [
        ("ties, 5 vs 5", [1.0, 2.0, 2.0, 3.0, 4.0], [2.0, 3.0, 3.0, 5.0, 6.0]),
        ("many ties (accuracies)", [0.9, 0.9, 0.933, 0.933, 0.967, 0.9], [0.867, 0.9, 0.9, 0.867, 0.833, 0.9, 0.933]),
        ("all equal", [1.0, 1.0, 1.0], [1.0, 1.0]),
        ("60 vs 60 no ties", distinct(60), distinct(60, shift=0.4)),
    ]
    for name, a, b in asym_cases:
        p = float(stats.mannwhitneyu(a, b, method="asymptotic", use_continuity=True).pvalue)
        if name == "all equal":
            p = 1.0  # scipy gives nan (0/0); the test's value is 1
        else:
            close(mw_asymptotic_plain(a, b), p, rel=1e-9)
        out["mannWhitneyAsymptotic"].append({"name": name, "a": a, "b": b, "p": p})

    # Ishigami: analytic partial variances
    a, b, pi = 7.0, 0.1, math.pi
    v1 = 0.5 * (1 + b * pi**4 / 5) ** 2
    v2 = a * a / 8
    v13 = b * b * pi**8 * (1 / 18 - 1 / 50)
    var = v1 + v2 + v13
    ishigami = {
        "a": a, "b": b, "variance": var,
        "firstOrder": [v1 / var, v2 / var, 0.0],
        "total": [(v1 + v13) / var, v2 / var, v13 / var],
        "group13": {"firstOrder": (v1 + v13) / var, "total": (v1 + v13) / var},
    }
    # check the algebra with a large pick-freeze Monte Carlo estimate (Jansen / Saltelli 2010)
    n = 2_000_000
    A = rng.uniform(-pi, pi, (n, 3))
    B = rng.uniform(-pi, pi, (n, 3))
    f = lambda x: np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])
    fa, fb = f(A), f(B)
    vmc = np.var(np.concatenate([fa, fb]))
    assert abs(vmc - var) / var < 0.01, (vmc, var)
    for i in range(3):
        ab = A.copy()
        ab[:, i] = B[:, i]
        fab = f(ab)
        s1 = np.mean(fb * (fab - fa)) / vmc
        st = np.mean((fa - fab) ** 2) / 2 / vmc
        assert abs(s1 - ishigami["firstOrder"][i]) < 0.01, (i, s1)
        assert abs(st - ishigami["total"][i]) < 0.01, (i, st)
    out["ishigami"] = ishigami
    out["generatedBy"] = "scripts/stats-reference/make_stats_reference.py (scipy " + __import__("scipy").__version__ + ")"
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
