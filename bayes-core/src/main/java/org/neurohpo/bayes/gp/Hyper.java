package org.neurohpo.bayes.gp;

import java.util.Arrays;

/**
 * GP hyperparameters in log space: {@code theta[0..d-1]} log lengthscales, {@code theta[d]} log
 * signal variance, {@code theta[d+1]} log noise variance. Bounds keep the numerics sane.
 */
public record Hyper(double[] theta) {
  static final double MIN_LOG_LENGTH = Math.log(1e-3);
  static final double MAX_LOG_LENGTH = Math.log(30);
  static final double MIN_LOG_SIGNAL = Math.log(1e-2);
  static final double MAX_LOG_SIGNAL = Math.log(1e2);
  static final double MIN_LOG_NOISE = Math.log(1e-6);
  static final double MAX_LOG_NOISE = Math.log(2);

  public Hyper {
    theta = theta.clone();
  }

  public static Hyper initial(int d) {
    double[] t = new double[d + 2];
    Arrays.fill(t, 0, d, Math.log(0.3));
    t[d] = 0;
    t[d + 1] = Math.log(1e-3);
    return new Hyper(t);
  }

  public int dims() {
    return theta.length - 2;
  }

  public double lengthscale(int i) {
    return Math.exp(theta[i]);
  }

  public double signal() {
    return Math.exp(theta[dims()]);
  }

  public double noise() {
    return Math.exp(theta[dims() + 1]);
  }

  /** Projects onto the bounds (modifies {@code t}). */
  static void clamp(double[] t) {
    int d = t.length - 2;
    for (int i = 0; i < d; i++) {
      t[i] = Math.max(MIN_LOG_LENGTH, Math.min(MAX_LOG_LENGTH, t[i]));
    }
    t[d] = Math.max(MIN_LOG_SIGNAL, Math.min(MAX_LOG_SIGNAL, t[d]));
    t[d + 1] = Math.max(MIN_LOG_NOISE, Math.min(MAX_LOG_NOISE, t[d + 1]));
  }
}
