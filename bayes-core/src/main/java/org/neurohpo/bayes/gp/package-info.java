/**
 * Gaussian-process regression on unit-cube inputs.
 *
 * <p>Model: {@code y_i = f(x_i) + e_i}, {@code f ~ GP(0, k)}, {@code e_i ~ N(0, noise w_i)} with
 * {@code w_i = 1/c_i} for the mean of {@code c_i} repeated runs. Outputs are standardised by their
 * sample mean and sd before fitting. Kernel: Matern-5/2 ARD {@code k(a,b) = s2 (1 + sqrt5 r +
 * 5r^2/3) exp(-sqrt5 r)}, {@code r^2 = sum_j ((a_j - b_j)/l_j)^2}. Posterior: {@code mu(x) = k_x^T
 * a}, {@code a = K^-1 y}, {@code var(x) = s2 - v^T v}, {@code L v = k_x}, {@code K = L L^T} (EJML
 * Cholesky with jitter retries), with analytic input gradients for acquisition refinement.
 *
 * <p>Hyperparameters {@code theta = (log l, log s2, log noise)} maximise the log marginal
 * likelihood plus Gaussian log-priors ({@code log l ~ N(log 0.67, 3)} for numeric inputs, {@code
 * N(1.5, 3)} for one-hot inputs, {@code log s2 ~ N(0, 4)}, {@code log noise ~ N(log 1e-3, 6.25)}),
 * by projected L-BFGS with analytic gradients from the warm start, the prior mode and random
 * restarts drawn from the prior. Bounds: {@code l in [0.005, 100]}, {@code s2 in [0.01, 100]},
 * {@code noise in [1e-8, 2]}. Appending an observation updates the Cholesky factor in O(n^2).
 */
package org.neurohpo.bayes.gp;
