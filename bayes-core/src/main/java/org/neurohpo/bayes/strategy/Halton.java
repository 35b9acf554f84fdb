package org.neurohpo.bayes.strategy;

import java.util.SplittableRandom;

/**
 * Scrambled, randomly shifted Halton sequence in {@code [0,1)^d}. Coordinate {@code j} of point
 * {@code i} is the radical inverse of {@code i + 1} in the {@code j}-th prime base with its digits
 * permuted by a seeded permutation of that base's digits (0 stays 0), plus a seeded shift, mod 1.
 * Without the permutation, the high dimensions (large prime bases) of consecutive points rise in
 * lockstep by 1/base: the first points of a 30-dimensional design lie nearly on a line.
 */
public final class Halton {

  private final int[] bases;
  private final int[][] permutations;
  private final double[] shift;
  private long index;

  public Halton(int dim, long seed) {
    bases = primes(dim);
    shift = new double[dim];
    permutations = new int[dim][];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int j = 0; j < dim; j++) {
      shift[j] = rng.nextDouble();
      int[] perm = new int[bases[j]];
      for (int d = 0; d < perm.length; d++) {
        perm[d] = d;
      }
      for (int d = perm.length - 1; d > 1; d--) { // Fisher-Yates over 1..base-1
        int k = 1 + rng.nextInt(d);
        int t = perm[d];
        perm[d] = perm[k];
        perm[k] = t;
      }
      permutations[j] = perm;
    }
  }

  /** The next point. */
  public double[] next() {
    index++;
    double[] u = new double[bases.length];
    for (int j = 0; j < bases.length; j++) {
      double v = radicalInverse(index, bases[j], permutations[j]) + shift[j];
      u[j] = v - Math.floor(v);
    }
    return u;
  }

  /** The radical inverse of {@code i} in {@code base}, each digit {@code d} read as perm[d]. */
  static double radicalInverse(long i, int base, int[] perm) {
    double f = 1.0 / base;
    double r = 0;
    double scale = f;
    while (i > 0) {
      r += perm[(int) (i % base)] * scale;
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
