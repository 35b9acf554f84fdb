package org.neurohpo.bayes.strategy;

import java.util.SplittableRandom;

/** A Halton sequence in the unit cube with a seeded random shift (Cranley-Patterson). */
final class Halton {
  private static final int[] PRIMES = {
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193
  };

  private final double[] shift;
  private long index = 1;

  Halton(int dims, SplittableRandom rng) {
    shift = new double[dims];
    for (int i = 0; i < dims; i++) {
      shift[i] = rng.nextDouble();
    }
  }

  double[] next(SplittableRandom rng) {
    double[] u = new double[shift.length];
    for (int i = 0; i < u.length; i++) {
      double v = i < PRIMES.length ? radicalInverse(index, PRIMES[i]) : rng.nextDouble();
      u[i] = (v + shift[i]) % 1.0;
    }
    index++;
    return u;
  }

  static double radicalInverse(long i, int base) {
    double f = 1.0 / base;
    double r = 0;
    while (i > 0) {
      r += f * (i % base);
      i /= base;
      f /= base;
    }
    return r;
  }
}
