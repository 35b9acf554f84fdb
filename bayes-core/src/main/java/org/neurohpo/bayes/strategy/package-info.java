/**
 * Ask/tell strategies with explicit seeds: {@link org.neurohpo.bayes.strategy.GridStrategy}, {@link
 * org.neurohpo.bayes.strategy.RandomStrategy} (uniform or shifted Halton) and {@link
 * org.neurohpo.bayes.strategy.BayesianStrategy} (GP-BO). Observations are aggregated per distinct
 * configuration (mean and count); observations with null ids (warm start, recovered results) are
 * accepted. {@code ask(n)} never returns a pending or observed configuration, except GP-BO's
 * intended re-evaluations of noisy near-tied incumbents in the last tenth of a known budget.
 * Pending points enter the GP as kriging-believer fantasies. Above 400 distinct points the GP is a
 * subset-of-data approximation (best half plus an even stride of the rest); hyperparameters are
 * refitted every tell below 60 points, then after 10% growth, on at most 250 points; from 200
 * points on, a refit runs in the background and is adopted 5% of the data later
 * (deterministically).
 */
package org.neurohpo.bayes.strategy;
