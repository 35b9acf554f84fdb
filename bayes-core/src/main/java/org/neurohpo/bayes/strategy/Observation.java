package org.neurohpo.bayes.strategy;

import java.util.Map;

/**
 * An evaluated point. {@code id} is the suggestion's id, or null for a point the optimizer did not
 * propose (warm start, recovered results). {@code value} is minimised.
 */
public record Observation(String id, Map<String, Object> params, double value) {
  public Observation {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("observed value must be finite, got " + value);
    }
  }
}
