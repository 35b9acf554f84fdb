package org.neurohpo.bayes.space;

import java.util.Map;

/**
 * A restriction to valid combinations: {@code test} receives a configuration holding only active
 * parameters (typed values) and says whether it is allowed.
 */
@FunctionalInterface
public interface Constraint {

  /** Whether {@code config} (active parameters only) is an allowed combination. */
  boolean test(Map<String, Object> config);
}
