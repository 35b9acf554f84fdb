package org.neurohpo.bayes.gp;

/**
 * Matern-5/2 ARD kernel {@code k(a,b) = s2 (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)} with {@code r^2
 * = sum_i ((a_i - b_i) / l_i)^2}; lengthscales are passed as inverse lengthscales.
 */
final class Matern52 {

  static final double SQRT5 = Math.sqrt(5);

  private Matern52() {}

  /** Scaled squared distance {@code r^2}. */
  static double r2(double[] a, double[] b, double[] invLs) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double t = (a[i] - b[i]) * invLs[i];
      s += t * t;
    }
    return s;
  }

  /** Kernel value from {@code r}, unit signal variance. */
  static double fromR(double r) {
    double sr = SQRT5 * r;
    return (1 + sr + sr * sr / 3) * Math.exp(-sr);
  }

  /**
   * The factor {@code g(r) = (5/3)(1 + sqrt5 r) exp(-sqrt5 r)}, so that {@code dk/da_i = -s2 g(r)
   * (a_i - b_i) / l_i^2} and {@code dk/dlog l_i = s2 g(r) ((a_i - b_i)/l_i)^2}.
   */
  static double gradFactor(double r) {
    double sr = SQRT5 * r;
    return (5.0 / 3.0) * (1 + sr) * Math.exp(-sr);
  }
}
