package org.neurohpo.bayes.space;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One dimension of a search space. Values are typed: {@code Double} (float), {@code Integer} (int),
 * {@code String} (categorical), {@code Double} (ordinal). Each parameter maps its values to {@link
 * #dims()} coordinates of the unit cube the GP works in, and back.
 */
public sealed interface Parameter
    permits Parameter.FloatParameter,
        Parameter.IntParameter,
        Parameter.CategoricalParameter,
        Parameter.OrdinalParameter {

  String name();

  /** Unit-cube coordinates this parameter uses (1, or the number of categories). */
  int dims();

  /** Writes the unit-cube coordinates of {@code value} at {@code out[offset..]}. */
  void encode(Object value, double[] out, int offset);

  /** The valid value nearest to the coordinates at {@code u[offset..]}. */
  Object decode(double[] u, int offset);

  /** A value drawn uniformly (log-uniformly for log floats). */
  Object sample(SplittableRandom rng);

  /** The value in this parameter's Java type, or a {@link SearchSpaceException} naming it. */
  Object check(Object value);

  /** Every value, for finite parameters (int, categorical, ordinal); empty for floats. */
  List<Object> values();

  default boolean finite() {
    return !(this instanceof FloatParameter);
  }

  private static SearchSpaceException bad(Parameter p, Object v, String allowed) {
    return new SearchSpaceException(
        "parameter '" + p.name() + "' must be " + allowed + ", got " + v);
  }

  /** A real number in [low, high], optionally log-scaled. */
  record FloatParameter(String name, double low, double high, boolean log) implements Parameter {
    public FloatParameter {
      Checks.name(name);
      if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
        throw new SearchSpaceException(
            "parameter '" + name + "': low (" + low + ") must be below high (" + high + ")");
      }
      if (log && low <= 0) {
        throw new SearchSpaceException(
            "parameter '" + name + "': a log scale needs low > 0, got " + low);
      }
    }

    @Override
    public int dims() {
      return 1;
    }

    @Override
    public void encode(Object value, double[] out, int offset) {
      double v = (Double) check(value);
      out[offset] =
          log
              ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))
              : (v - low) / (high - low);
    }

    @Override
    public Object decode(double[] u, int offset) {
      double x = Math.max(0, Math.min(1, u[offset]));
      double v =
          log
              ? Math.exp(Math.log(low) + x * (Math.log(high) - Math.log(low)))
              : low + x * (high - low);
      return Math.max(low, Math.min(high, v));
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return decode(new double[] {rng.nextDouble()}, 0);
    }

    @Override
    public Object check(Object value) {
      if (value instanceof Number n && n.doubleValue() >= low && n.doubleValue() <= high) {
        return n.doubleValue();
      }
      throw bad(this, value, "a number in [" + low + ", " + high + "]");
    }

    @Override
    public List<Object> values() {
      return List.of();
    }
  }

  /** An integer in [low, high]. */
  record IntParameter(String name, int low, int high) implements Parameter {
    public IntParameter {
      Checks.name(name);
      if (low > high) {
        throw new SearchSpaceException(
            "parameter '" + name + "': low (" + low + ") must not exceed high (" + high + ")");
      }
    }

    @Override
    public int dims() {
      return 1;
    }

    @Override
    public void encode(Object value, double[] out, int offset) {
      int v = (Integer) check(value);
      out[offset] = high == low ? 0.5 : (v - low + 0.5) / (high - low + 1.0);
    }

    @Override
    public Object decode(double[] u, int offset) {
      double x = Math.max(0, Math.min(1, u[offset]));
      int v = low + (int) Math.floor(x * (high - low + 1.0));
      return Math.min(high, v);
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return low + rng.nextInt(high - low + 1);
    }

    @Override
    public Object check(Object value) {
      if (value instanceof Number n) {
        double d = n.doubleValue();
        if (d == Math.rint(d) && d >= low && d <= high) {
          return (int) d;
        }
      }
      throw bad(this, value, "an integer in [" + low + ", " + high + "]");
    }

    @Override
    public List<Object> values() {
      List<Object> all = new ArrayList<>();
      for (int v = low; v <= high; v++) {
        all.add(v);
      }
      return all;
    }
  }

  /** One of a list of names; one-hot in the unit cube. */
  record CategoricalParameter(String name, List<String> choices) implements Parameter {
    public CategoricalParameter {
      Checks.name(name);
      choices = List.copyOf(choices);
      if (choices.isEmpty() || choices.stream().distinct().count() != choices.size()) {
        throw new SearchSpaceException(
            "parameter '" + name + "': choices must be a non-empty list of distinct names");
      }
    }

    @Override
    public int dims() {
      return choices.size();
    }

    @Override
    public void encode(Object value, double[] out, int offset) {
      int k = choices.indexOf(check(value));
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
    public Object check(Object value) {
      if (value instanceof String s && choices.contains(s)) {
        return s;
      }
      throw bad(this, value, "one of " + choices);
    }

    @Override
    public List<Object> values() {
      return List.copyOf(choices);
    }
  }

  /** One of a sorted list of numbers (uneven spacing allowed); ordered in the unit cube. */
  record OrdinalParameter(String name, List<Double> levels) implements Parameter {
    public OrdinalParameter {
      Checks.name(name);
      levels = List.copyOf(levels);
      if (levels.isEmpty()) {
        throw new SearchSpaceException("parameter '" + name + "': values must not be empty");
      }
      for (int i = 1; i < levels.size(); i++) {
        if (!(levels.get(i) > levels.get(i - 1))) {
          throw new SearchSpaceException(
              "parameter '" + name + "': values must be sorted ascending and distinct");
        }
      }
    }

    @Override
    public int dims() {
      return 1;
    }

    private int index(Object value) {
      if (value instanceof Number n) {
        int i = levels.indexOf(n.doubleValue());
        if (i >= 0) {
          return i;
        }
      }
      throw bad(this, value, "one of " + levels);
    }

    @Override
    public void encode(Object value, double[] out, int offset) {
      int n = levels.size();
      out[offset] = n == 1 ? 0.5 : (index(value) + 0.5) / n;
    }

    @Override
    public Object decode(double[] u, int offset) {
      double x = Math.max(0, Math.min(1, u[offset]));
      return levels.get(Math.min(levels.size() - 1, (int) Math.floor(x * levels.size())));
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return levels.get(rng.nextInt(levels.size()));
    }

    @Override
    public Object check(Object value) {
      return levels.get(index(value));
    }

    @Override
    public List<Object> values() {
      return List.copyOf(levels);
    }
  }
}
