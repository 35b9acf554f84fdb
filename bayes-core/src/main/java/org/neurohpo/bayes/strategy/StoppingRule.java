package org.neurohpo.bayes.strategy;

import java.util.List;

/** Decides from the told values (in arrival order, minimised) whether a study should stop. */
@FunctionalInterface
public interface StoppingRule {

  boolean shouldStop(List<Double> values);

  /** Stop after {@code n} evaluations. */
  static StoppingRule budget(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("budget must be >= 1, got " + n);
    }
    return values -> values.size() >= n;
  }

  /** Stop once a value at or below {@code target} was observed. */
  static StoppingRule target(double target) {
    return values -> values.stream().anyMatch(v -> v <= target);
  }

  /** Stop when the best value did not improve by more than {@code minDelta} in the last k. */
  static StoppingRule noImprovement(int k, double minDelta) {
    if (k < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException(
          "need k >= 1 and minDelta >= 0, got k=" + k + ", minDelta=" + minDelta);
    }
    return values -> {
      if (values.size() <= k) {
        return false;
      }
      double before = Double.POSITIVE_INFINITY;
      for (int i = 0; i < values.size() - k; i++) {
        before = Math.min(before, values.get(i));
      }
      double after = before;
      for (int i = values.size() - k; i < values.size(); i++) {
        after = Math.min(after, values.get(i));
      }
      return before - after <= minDelta;
    };
  }

  /** Stop when any of the rules says so. */
  static StoppingRule anyOf(StoppingRule... rules) {
    return values -> {
      for (StoppingRule r : rules) {
        if (r.shouldStop(values)) {
          return true;
        }
      }
      return false;
    };
  }
}
