package org.neurohpo.bayes.strategy;

import java.util.SplittableRandom;

/**
 * Randomly shifted Halton sequence in {@code [0,1)^d}: coordinate {@code j} of point {@code i} is
 * the radical inverse of {@code i + 1} in the {@code j}-th prime base plus a seeded shift, mod 1
 * (Cranley-Patterson rotation).
 */
public final class Halton {

  private final int[] bases;
  private final double[] shift;
  private long index;

  public Halton(int dim, long seed) {
    bases = primes(dim);
    shift = new double[dim];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int j = 0; j < dim; j++) {
      shift[j] = rng.nextDouble();
    }
  }

  /** The next point. */
  public double[] next() {
    index++;
    double[] u = new double[bases.length];
    for (int j = 0; j < bases.length; j++) {
      double v = radicalInverse(index, bases[j]) + shift[j];
      u[j] = v - Math.floor(v);
    }
    return u;
  }

  static double radicalInverse(long i, int base) {
    double f = 1.0 / base;
    double r = 0;
    double scale = f;
    while (i > 0) {
      r += (i % base) * scale;
      i /= base;
      scale *= f;
    }
    return r;
  }

  private static int[] primes(int n) {
    int[] p = new int[n];
    int count = 0;
    for (int c = 2; count < n; c++) {
      boolean prime = true;
      for (int k = 0; k < count && p[k] * p[k] <= c; k++) {
        if (c % p[k] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        p[count++] = c;
      }
    }
    return p;
  }
}
