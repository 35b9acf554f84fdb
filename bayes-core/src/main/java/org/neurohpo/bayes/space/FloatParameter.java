package org.neurohpo.bayes.space;

import java.util.SplittableRandom;

/**
 * A real-valued parameter in {@code [low, high]}, encoded linearly (or in log space when {@code
 * log}) to {@code [0, 1]}.
 */
public record FloatParameter(String name, double low, double high, boolean log)
    implements Parameter {

  public FloatParameter {
    Parameter.checkName(name);
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': need finite low < high, got [" + low + ", " + high + "]");
    }
    if (log && !(low > 0)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': log scale needs low > 0, got low=" + low);
    }
  }

  @Override
  public int width() {
    return 1;
  }

  private double lo() {
    return log ? Math.log(low) : low;
  }

  private double hi() {
    return log ? Math.log(high) : high;
  }

  @Override
  public void encode(Object value, double[] out, int offset) {
    double v = ((Number) value).doubleValue();
    double t = log ? Math.log(v) : v;
    out[offset] = Math.min(1, Math.max(0, (t - lo()) / (hi() - lo())));
  }

  @Override
  public Object decode(double[] u, int offset) {
    double c = Math.min(1, Math.max(0, u[offset]));
    double t = lo() + c * (hi() - lo());
    double v = log ? Math.exp(t) : t;
    return Math.min(high, Math.max(low, v));
  }

  @Override
  public Object sample(SplittableRandom rng) {
    return decode(new double[] {rng.nextDouble()}, 0);
  }

  @Override
  public long cardinality() {
    return -1;
  }

  @Override
  public Object valueAt(int index) {
    throw new UnsupportedOperationException("parameter '" + name + "' is continuous");
  }

  @Override
  public boolean accepts(Object value) {
    return value instanceof Double d && d >= low && d <= high;
  }

  @Override
  public Object canonical(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': expected a number, got " + value);
    }
    double d = n.doubleValue();
    if (!(d >= low && d <= high)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': " + d + " outside [" + low + ", " + high + "]");
    }
    return d;
  }
}
