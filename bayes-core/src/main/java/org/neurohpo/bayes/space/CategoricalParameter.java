package org.neurohpo.bayes.space;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An unordered choice among strings, one-hot encoded ({@code width() == choices().size()}). A
 * single choice is allowed: a constant, which lets a grid or a rerun of one HP set pin a value.
 */
public record CategoricalParameter(String name, List<String> choices) implements Parameter {

  public CategoricalParameter {
    Parameter.checkName(name);
    if (choices == null || choices.isEmpty()) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': need at least 1 choice, got " + choices);
    }
    choices = List.copyOf(choices);
    if (new HashSet<>(choices).size() != choices.size()) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': choices must be distinct, got " + choices);
    }
  }

  @Override
  public int width() {
    return choices.size();
  }

  @Override
  public void encode(Object value, double[] out, int offset) {
    int k = choices.indexOf(value);
    for (int i = 0; i < choices.size(); i++) {
      out[offset + i] = i == k ? 1 : 0;
    }
  }

  @Override
  public Object decode(double[] u, int offset) {
    int best = 0;
    for (int i = 1; i < choices.size(); i++) {
      if (u[offset + i] > u[offset + best]) {
        best = i;
      }
    }
    return choices.get(best);
  }

  @Override
  public Object sample(SplittableRandom rng) {
    return choices.get(rng.nextInt(choices.size()));
  }

  @Override
  public long cardinality() {
    return choices.size();
  }

  @Override
  public Object valueAt(int index) {
    return choices.get(index);
  }

  @Override
  public boolean accepts(Object value) {
    return value instanceof String && choices.contains(value);
  }

  @Override
  public Object canonical(Object value) {
    String s = String.valueOf(value);
    if (!choices.contains(s)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': " + value + " is not one of " + choices);
    }
    return s;
  }
}
