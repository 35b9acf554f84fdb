package org.neurohpo.bayes.space;

import java.util.List;

/**
 * Makes a parameter active only when its {@code parent} is active and takes one of {@code values}
 * (e.g. {@code bins} only when {@code encoder = "bins"}).
 */
public record Condition(String parent, List<Object> values) {

  public Condition {
    Parameter.checkName(parent);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(
          "condition on '" + parent + "': need at least one parent value, got " + values);
    }
    values = List.copyOf(values);
  }
}
