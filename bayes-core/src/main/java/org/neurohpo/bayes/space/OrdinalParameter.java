package org.neurohpo.bayes.space;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An ordered choice among strictly increasing numbers (spacing may be uneven), encoded by rank:
 * {@code index / (size - 1)}. A single value is allowed: a constant (encoded 0), which lets a grid
 * or a rerun of one HP set pin a value.
 */
public record OrdinalParameter(String name, List<Double> values) implements Parameter {

  public OrdinalParameter {
    Parameter.checkName(name);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': need at least 1 value, got " + values);
    }
    values = List.copyOf(values);
    for (int i = 1; i < values.size(); i++) {
      if (!(values.get(i) > values.get(i - 1))) {
        throw new IllegalArgumentException(
            "parameter '" + name + "': values must be strictly increasing, got " + values);
      }
    }
  }

  @Override
  public int width() {
    return 1;
  }

  private int indexOf(double v) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == v) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void encode(Object value, double[] out, int offset) {
    out[offset] =
        values.size() == 1
            ? 0
            : indexOf(((Number) value).doubleValue()) / (double) (values.size() - 1);
  }

  @Override
  public Object decode(double[] u, int offset) {
    double c = Math.min(1, Math.max(0, u[offset]));
    return values.get((int) Math.round(c * (values.size() - 1)));
  }

  @Override
  public Object sample(SplittableRandom rng) {
    return values.get(rng.nextInt(values.size()));
  }

  @Override
  public long cardinality() {
    return values.size();
  }

  @Override
  public Object valueAt(int index) {
    return values.get(index);
  }

  @Override
  public boolean accepts(Object value) {
    return value instanceof Double d && indexOf(d) >= 0;
  }

  @Override
  public Object canonical(Object value) {
    if (!(value instanceof Number n) || indexOf(n.doubleValue()) < 0) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': " + value + " is not one of " + values);
    }
    return n.doubleValue();
  }
}
