/**
 * Gaussian-process regression for Bayesian optimisation, in plain Java over primitive arrays.
 *
 * <h2>Glossary (names and shapes)</h2>
 *
 * <ul>
 *   <li>n observations, d unit-cube coordinates; {@code x} is n x d (row-major {@code
 *       double[n][d]}), {@code y} the n standardised targets (zero mean, unit variance).
 *   <li>Kernel: Matérn-5/2 with automatic relevance determination, k(x, x') = s² (1 + √5 r + 5r²/3)
 *       exp(-√5 r), r² = Σ_i ((x_i - x'_i) / l_i)²; hyperparameters θ = (log l_1..d, log s², log
 *       σ²) with σ² the observation noise.
 *   <li>K = k(x, x) + σ² I = L Lᵀ (Cholesky, lower L, n x n packed row-major); α = K⁻¹ y.
 *   <li>Posterior at x*: mean μ = k*ᵀ α, variance v = k(x*, x*) - ‖L⁻¹ k*‖².
 *   <li>Log marginal likelihood: -½ yᵀα - Σ log L_ii - n/2 log 2π; hyperparameters maximise it plus
 *       log-normal priors on l, s², σ², by L-BFGS from several starts.
 * </ul>
 *
 * A matrix that is not positive definite gets growing jitter on its diagonal (a value, not an
 * exception). New observations with fixed hyperparameters extend L by one row in O(n²).
 */
package org.neurohpo.bayes.gp;
