/**
 * Multi-fidelity schedulers over the fidelity "runs (seeds) of a trial": a trial starts with a few
 * runs and, if it ranks well among its peers, is promoted and gets more runs on new seeds, keeping
 * the runs it has.
 *
 * <p>Notation. A {@link org.neurohpo.bayes.fidelity.Ladder} holds the rungs {@code r_0 < r_1 < ...
 * < r_K}: {@code r_k = min * eta^k} runs while below {@code max}, and {@code r_K = max}. A trial's
 * value at rung {@code k} is the mean objective (minimised, e.g. {@code 1 - accuracy}) over its
 * first {@code r_k} runs.
 *
 * <ul>
 *   <li>{@link org.neurohpo.bayes.fidelity.Asha} (asynchronous successive halving, Li et al. 2020):
 *       whenever a worker is free, promote a trial that is in the top {@code floor(n_k / eta)} of
 *       the {@code n_k} results of rung {@code k} and was not promoted yet (highest rung first);
 *       otherwise start a new trial at rung 0. No rung ever waits for another.
 *   <li>{@link org.neurohpo.bayes.fidelity.Hyperband} (Li et al. 2018): brackets {@code s = K ..
 *       0}; bracket {@code s} starts {@code n_s = ceil((K + 1) / (s + 1) * eta^s)} trials at rung
 *       {@code K - s} and keeps the best {@code floor(n_i / eta)} (at least 1) of each of its rungs
 *       once all of that rung's results are in (successive halving). While a bracket waits, the
 *       next bracket opens, so no worker idles.
 *   <li>{@link org.neurohpo.bayes.fidelity.FullFidelity}: any {@link
 *       org.neurohpo.bayes.strategy.Strategy} at one rung of {@code max} runs (the baseline).
 * </ul>
 *
 * <p>New trials come from a {@link org.neurohpo.bayes.fidelity.Proposer}: uniform random search
 * ({@link org.neurohpo.bayes.fidelity.RandomProposer}) or GP-BO fitted BOHB-style on the highest
 * rung that has enough results ({@link org.neurohpo.bayes.fidelity.ModelProposer}). Everything is
 * seeded; the same seed and the same reported values give the same jobs.
 */
package org.neurohpo.bayes.fidelity;
