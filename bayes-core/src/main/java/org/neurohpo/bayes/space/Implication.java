package org.neurohpo.bayes.space;

import java.util.List;
import java.util.Map;

/**
 * The JSON constraint form: if every parameter in {@code when} is active with one of the listed
 * values, then every parameter in {@code then} that is active must take one of its listed values.
 * Values are canonical (see {@link Parameter#canonical}).
 */
public record Implication(Map<String, List<Object>> when, Map<String, List<Object>> then)
    implements Constraint {

  public Implication {
    if (when == null || when.isEmpty() || then == null || then.isEmpty()) {
      throw new IllegalArgumentException(
          "constraint needs non-empty 'if' and 'then' maps, got if=" + when + " then=" + then);
    }
    when = Map.copyOf(when);
    then = Map.copyOf(then);
  }

  @Override
  public boolean test(Map<String, Object> config) {
    for (var e : when.entrySet()) {
      Object v = config.get(e.getKey());
      if (v == null || !e.getValue().contains(v)) {
        return true;
      }
    }
    for (var e : then.entrySet()) {
      Object v = config.get(e.getKey());
      if (v != null && !e.getValue().contains(v)) {
        return false;
      }
    }
    return true;
  }
}
