/**
 * Optimisation strategies behind one ask/tell interface ({@link
 * org.neurohpo.bayes.strategy.Optimizer}): grid, random (uniform or Halton low-discrepancy) and
 * Gaussian-process Bayesian optimisation. Every strategy takes an explicit seed; the same seed and
 * the same history give the same suggestions. Values are always minimised.
 */
package org.neurohpo.bayes.strategy;
