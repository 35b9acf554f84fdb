"""Reference GP posterior values for bayes-core's tests, computed with scikit-learn.

Matern-5/2 ARD kernel s2 * M(r) with fixed hyperparameters, noise variance `noise` on the
diagonal (alpha), outputs standardised with the sample mean and sd (ddof=1) exactly as
org.neurohpo.bayes.gp.GaussianProcess does; predictions are mapped back to the original units.
Run with Debian's interpreter: /usr/bin/python3 make_gp_reference.py > gp-reference.json
"""
import json

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern


def case(name, n, d, ls, s2, noise, seed):
    rng = np.random.default_rng(seed)
    x = rng.random((n, d))
    y = np.sin(5 * x[:, 0]) + np.cos(3 * x[:, -1]) * 2 + 0.1 * rng.standard_normal(n)
    mu, sd = y.mean(), y.std(ddof=1)
    z = (y - mu) / sd
    kernel = ConstantKernel(s2, "fixed") * Matern(length_scale=ls, length_scale_bounds="fixed", nu=2.5)
    gp = GaussianProcessRegressor(kernel, alpha=noise, optimizer=None, normalize_y=False)
    gp.fit(x, z)
    t = rng.random((8, d))
    m, s = gp.predict(t, return_std=True)
    return {
        "name": name, "x": x.tolist(), "y": y.tolist(), "lengthscales": list(ls),
        "signalVariance": s2, "noiseVariance": noise, "test": t.tolist(),
        "mean": (mu + sd * m).tolist(), "variance": (sd * sd * s * s).tolist(),
    }


cases = [
    case("two-d", 12, 2, [0.3, 0.6], 1.5, 1e-4, 1),
    case("five-d-noisy", 40, 5, [0.5, 0.8, 1.2, 0.4, 2.0], 0.8, 0.05, 2),
]
print(json.dumps(cases, indent=1))
