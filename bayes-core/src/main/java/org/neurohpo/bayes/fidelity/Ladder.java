package org.neurohpo.bayes.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rungs of a successive-halving scheduler: runs per trial at each rung, ascending, and the
 * reduction factor {@code eta} (the top {@code 1/eta} of a rung is promoted).
 */
public record Ladder(int[] levels, int eta) {

  public Ladder {
    if (levels == null || levels.length == 0) {
      throw new IllegalArgumentException("a ladder needs at least one rung");
    }
    if (eta < 2) {
      throw new IllegalArgumentException("eta must be >= 2, got " + eta);
    }
    levels = levels.clone();
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] < 1 || (i > 0 && levels[i] <= levels[i - 1])) {
        throw new IllegalArgumentException(
            "rungs must be ascending runs >= 1, got " + Arrays.toString(levels));
      }
    }
  }

  /**
   * Rungs {@code min * eta^k} below {@code max}, then {@code max} (e.g. 2, 6, 10 for min 2, max 10,
   * eta 3).
   */
  public static Ladder geometric(int min, int max, int eta) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException(
          "need 1 <= min <= max runs, got min " + min + ", max " + max);
    }
    if (eta < 2) {
      throw new IllegalArgumentException("eta must be >= 2, got " + eta);
    }
    List<Integer> out = new ArrayList<>();
    for (long r = min; r < max; r *= eta) {
      out.add((int) r);
    }
    out.add(max);
    return new Ladder(out.stream().mapToInt(Integer::intValue).toArray(), eta);
  }

  /** Runs at rung {@code k}. */
  public int runs(int k) {
    return levels[k];
  }

  /** Index of the top rung. */
  public int top() {
    return levels.length - 1;
  }

  @Override
  public int[] levels() {
    return levels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ladder l && l.eta == eta && Arrays.equals(l.levels, levels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(levels) + eta;
  }

  @Override
  public String toString() {
    return "Ladder" + Arrays.toString(levels) + " eta " + eta;
  }
}
