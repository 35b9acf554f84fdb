package org.neurohpo.bayes.space;

import java.util.SplittableRandom;

/** An integer parameter in {@code [low, high]}, encoded as {@code (v - low) / (high - low)}. */
public record IntParameter(String name, long low, long high) implements Parameter {

  public IntParameter {
    Parameter.checkName(name);
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': need low < high, got [" + low + ", " + high + "]");
    }
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public void encode(Object value, double[] out, int offset) {
    out[offset] = (((Number) value).doubleValue() - low) / (double) (high - low);
  }

  @Override
  public Object decode(double[] u, int offset) {
    double c = Math.min(1, Math.max(0, u[offset]));
    long v = Math.round(low + c * (high - low));
    return Math.min(high, Math.max(low, v));
  }

  @Override
  public Object sample(SplittableRandom rng) {
    return low + rng.nextLong(high - low + 1);
  }

  @Override
  public long cardinality() {
    return high - low + 1;
  }

  @Override
  public Object valueAt(int index) {
    return low + index;
  }

  @Override
  public boolean accepts(Object value) {
    return value instanceof Long v && v >= low && v <= high;
  }

  @Override
  public Object canonical(Object value) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': expected an integer, got " + value);
    }
    long v = n.longValue();
    if (v < low || v > high) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': " + v + " outside [" + low + ", " + high + "]");
    }
    return v;
  }
}
