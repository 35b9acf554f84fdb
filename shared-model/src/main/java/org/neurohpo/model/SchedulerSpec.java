package org.neurohpo.model;

/**
 * A study's multi-fidelity scheduler (issue 17): a trial starts with {@code min} runs (seeds) and,
 * if it ranks well among its peers, is promoted to {@code min * eta}, {@code min * eta^2}, ... runs
 * up to {@code max}, keeping the runs it has; a trial that is not promoted is pruned. Over {@code
 * generations} a rung is a number of EONS generations instead: a trial runs every seed of the study
 * with {@code min} generations, and a promoted trial runs them again from generation 0 with more (a
 * restart: EONS is deterministic given its seed, so a rung's runs do not depend on the rungs below;
 * ADR 0007). Absent from a spec, every trial gets all its seeds at once (as before).
 *
 * @param type {@code asha} (asynchronous successive halving) or {@code hyperband}
 * @param fidelity what a rung counts: {@code runs} (seeds of a trial) or {@code generations} (EONS
 *     generations of every run)
 * @param min runs (or generations) at the lowest rung, at least 1
 * @param max runs (or generations) at the top rung, at least {@code min}
 * @param eta the reduction factor, at least 2: the top {@code 1/eta} of a rung is promoted
 */
public record SchedulerSpec(String type, String fidelity, int min, int max, int eta) {

  public SchedulerSpec {
    if (!"asha".equals(type) && !"hyperband".equals(type)) {
      throw new IllegalArgumentException(
          "scheduler.type must be asha or hyperband, got '" + type + "'");
    }
    if (!"runs".equals(fidelity) && !"generations".equals(fidelity)) {
      throw new IllegalArgumentException(
          "scheduler.fidelity must be runs or generations, got '" + fidelity + "'");
    }
    if (min < 1) {
      throw new IllegalArgumentException("scheduler.min must be >= 1, got " + min);
    }
    if (max < min) {
      throw new IllegalArgumentException(
          "scheduler.max must be >= scheduler.min (" + min + "), got " + max);
    }
    if (eta < 2) {
      throw new IllegalArgumentException("scheduler.eta must be >= 2, got " + eta);
    }
  }

  /**
   * The runs (or generations) of every rung, ascending: {@code min * eta^k} while below {@code
   * max}, then {@code max} (2, 6, 10 for min 2, max 10, eta 3).
   */
  public int[] rungs() {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (long r = min; r < max; r *= eta) {
      out.add((int) r);
    }
    out.add(max);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
