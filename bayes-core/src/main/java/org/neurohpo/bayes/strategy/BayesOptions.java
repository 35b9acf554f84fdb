package org.neurohpo.bayes.strategy;

import org.neurohpo.bayes.acquisition.Acquisition;

/**
 * Options of {@link BayesianStrategy}: acquisition, size of the initial design, points above which
 * the GP becomes a subset-of-data approximation, points used for hyperparameter fits, the study
 * budget (0 = unknown) and how many final evaluations may re-run noisy near-ties.
 */
public record BayesOptions(
    Acquisition acquisition,
    int initialPoints,
    int exactLimit,
    int fitLimit,
    int budget,
    int reevaluations,
    Fantasy fantasy) {

  /** Value given to pending points while choosing further batch members. */
  public enum Fantasy {
    /** The posterior mean at the pending point (kriging believer). */
    KRIGING_BELIEVER,
    /** The lowest observed mean (constant liar, optimistic). */
    CONSTANT_LIAR_MIN
  }

  public BayesOptions {
    if (acquisition == null || fantasy == null) {
      throw new IllegalArgumentException("acquisition and fantasy must not be null");
    }
    if (initialPoints < 1) {
      throw new IllegalArgumentException("initialPoints must be >= 1, got " + initialPoints);
    }
    if (exactLimit < 10 || fitLimit < 10) {
      throw new IllegalArgumentException(
          "exactLimit and fitLimit must be >= 10, got " + exactLimit + ", " + fitLimit);
    }
    if (budget < 0 || reevaluations < 0) {
      throw new IllegalArgumentException(
          "budget and reevaluations must be >= 0, got " + budget + ", " + reevaluations);
    }
  }

  public static BayesOptions defaults() {
    return new BayesOptions(Acquisition.LOG_EI, 6, 400, 250, 0, 0, Fantasy.KRIGING_BELIEVER);
  }

  /** Defaults for a space and budget: initial design of {@code clamp(params + 3, 5, 10)}. */
  public static BayesOptions forStudy(int parameters, int budget) {
    int init = Math.max(5, Math.min(10, parameters + 3));
    return new BayesOptions(
        Acquisition.LOG_EI,
        init,
        400,
        250,
        budget,
        Math.max(1, budget / 10),
        Fantasy.KRIGING_BELIEVER);
  }

  public BayesOptions withAcquisition(Acquisition a) {
    return new BayesOptions(a, initialPoints, exactLimit, fitLimit, budget, reevaluations, fantasy);
  }

  public BayesOptions withFantasy(Fantasy f) {
    return new BayesOptions(
        acquisition, initialPoints, exactLimit, fitLimit, budget, reevaluations, f);
  }
}
