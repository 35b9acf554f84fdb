package org.neurohpo.bayes.strategy;

import java.util.Map;

/** A proposed configuration with the strategy's own id (echoed back in {@link Observation}). */
public record Candidate(String id, Map<String, Object> params) {

  public Candidate {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("candidate id must be non-blank, got " + id);
    }
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }
}
