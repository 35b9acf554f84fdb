package org.neurohpo.bayes.space;

import java.util.SplittableRandom;

/**
 * One hyperparameter of a {@link SearchSpace}. Values are typed: {@link Double} for floats and
 * ordinals, {@link Long} for integers, {@link String} for categories.
 */
public sealed interface Parameter
    permits FloatParameter, IntParameter, CategoricalParameter, OrdinalParameter {

  /** Name, unique in its space. */
  String name();

  /** Number of unit-cube coordinates this parameter occupies in the encoding. */
  int width();

  /** Writes the unit-cube encoding of {@code value} at {@code out[offset..offset+width)}. */
  void encode(Object value, double[] out, int offset);

  /** Nearest valid value to the unit-cube coordinates at {@code u[offset..offset+width)}. */
  Object decode(double[] u, int offset);

  /** A uniformly drawn value (log-uniform for log floats). */
  Object sample(SplittableRandom rng);

  /** Number of distinct values, or -1 when continuous. */
  long cardinality();

  /** The {@code index}-th value of a finite parameter. */
  Object valueAt(int index);

  /** Whether {@code value} is a valid, correctly typed value of this parameter. */
  boolean accepts(Object value);

  /** Canonical form of a value given loosely (numbers of any type, strings), or an exception. */
  Object canonical(Object value);

  /** Validates a parameter name. */
  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("parameter name must be a non-blank string, got " + name);
    }
    return name;
  }
}
