package org.neurohpo.bayes.strategy;

import java.util.Map;

/**
 * A measured objective value (minimised) at {@code params}; {@code id} is null for points the
 * strategy did not propose (warm start, recovered results).
 */
public record Observation(String id, Map<String, ?> params, double value) {

  public Observation {
    if (params == null) {
      throw new IllegalArgumentException("observation params must not be null");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("observation value must be finite, got " + value);
    }
  }
}
