#!/usr/bin/python3
"""Reference GP posterior values for bayes-core's GaussianProcessTest.

Run with Debian's scikit-learn (apt-get install python3-sklearn; /usr/bin/python3):
    /usr/bin/python3 scripts/gp-reference/generate.py > bayes-core/src/test/resources/gp-reference.json

Fixed hyperparameters (no fitting): Matern nu=2.5 with per-dimension length scales, a constant
signal variance and a white-noise variance, on fixed training points in the unit cube. The
Java GP must reproduce the posterior mean and variance of the latent function.
"""
import json

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern

rng = np.random.RandomState(20261128)
cases = []
for d, n, lengths, signal, noise in [
    (1, 6, [0.3], 1.0, 1e-4),
    (2, 15, [0.2, 0.7], 1.7, 1e-3),
    (4, 30, [0.5, 0.1, 1.2, 0.4], 0.6, 0.05),
]:
    x = rng.rand(n, d)
    y = np.sin(3 * x).sum(axis=1) + 0.1 * rng.randn(n)
    y = (y - y.mean()) / y.std()
    kernel = ConstantKernel(signal, "fixed") * Matern(lengths, "fixed", nu=2.5)
    gp = GaussianProcessRegressor(kernel=kernel, alpha=noise, optimizer=None, normalize_y=False)
    gp.fit(x, y)
    xs = rng.rand(8, d)
    mean, sd = gp.predict(xs, return_std=True)
    cases.append({
        "lengthscales": lengths, "signal": signal, "noise": noise,
        "x": x.tolist(), "y": y.tolist(), "xs": xs.tolist(),
        "mean": mean.tolist(), "variance": (sd ** 2).tolist(),
        "logMarginalLikelihood": float(gp.log_marginal_likelihood_value_),
    })
print(json.dumps({"generator": "scikit-learn " + __import__("sklearn").__version__,
                  "cases": cases}, indent=1))
