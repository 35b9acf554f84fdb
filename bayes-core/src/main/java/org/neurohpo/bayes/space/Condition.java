package org.neurohpo.bayes.space;

import java.util.List;

/** A parameter is active only when its {@code parent} is active and takes one of {@code values}. */
public record Condition(String parent, List<Object> values) {
  public Condition {
    values = List.copyOf(values);
  }
}
