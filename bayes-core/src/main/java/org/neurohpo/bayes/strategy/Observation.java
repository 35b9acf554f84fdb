package org.neurohpo.bayes.strategy;

import java.util.Map;

/**
 * A measured objective value (minimised) at {@code params}; {@code id} is null for points the
 * strategy did not propose (warm start, recovered results). A multi-objective strategy ({@link
 * ParEgoStrategy}) also needs {@code objectives}, every objective minimised (NaN: not measured,
 * counted as the worst); single-objective strategies ignore them, and they are null there.
 */
public record Observation(String id, Map<String, ?> params, double value, double[] objectives) {

  public Observation {
    if (params == null) {
      throw new IllegalArgumentException("observation params must not be null");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("observation value must be finite, got " + value);
    }
    objectives = objectives == null ? null : objectives.clone();
  }

  /** A single-objective observation. */
  public Observation(String id, Map<String, ?> params, double value) {
    this(id, params, value, null);
  }
}
