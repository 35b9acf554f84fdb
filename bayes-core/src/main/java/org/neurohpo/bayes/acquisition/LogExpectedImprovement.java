package org.neurohpo.bayes.acquisition;

import org.apache.commons.math3.special.Erf;

/**
 * Numerically stable log expected improvement for minimisation. With {@code z = (best - mu) /
 * sigma}: {@code EI = sigma h(z)}, {@code h(z) = phi(z) + z Phi(z)}, so {@code log EI = log sigma +
 * log h(z)}. For {@code z >= -25} {@code h} is computed directly (relative error about {@code z^2
 * eps}); below, the asymptotic series {@code h(z) = phi(z) z^-2 (1 - 3 z^-2 + 15 z^-4 - 105 z^-6
 * ...)} is used in log form, so the value never underflows.
 */
public final class LogExpectedImprovement {

  static final double CUT = -25;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private LogExpectedImprovement() {}

  /** Standard normal density. */
  public static double phi(double z) {
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
  }

  /** Standard normal distribution function. */
  public static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  /** {@code log h(z)}. */
  public static double logH(double z) {
    if (z >= CUT) {
      return Math.log(phi(z) + z * cdf(z));
    }
    double t = 1 / (z * z);
    return -0.5 * z * z - LOG_SQRT_2PI + Math.log(t) + Math.log1p(t * (-3 + t * (15 - 105 * t)));
  }

  /** {@code d log h / dz = Phi(z) / h(z)}. */
  public static double dLogH(double z) {
    if (z >= CUT) {
      return cdf(z) / (phi(z) + z * cdf(z));
    }
    double t = 1 / (z * z);
    return -z * (1 - t + 3 * t * t) / (1 - 3 * t + 15 * t * t);
  }

  /** {@code log Phi(z)}, stable for very negative {@code z}. */
  public static double logCdf(double z) {
    if (z >= CUT) {
      return Math.log(cdf(z));
    }
    double t = 1 / (z * z);
    return -0.5 * z * z - LOG_SQRT_2PI - Math.log(-z) + Math.log1p(t * (-1 + 3 * t));
  }

  /** {@code d log Phi / dz = phi(z) / Phi(z)}. */
  public static double dLogCdf(double z) {
    if (z >= CUT) {
      return phi(z) / cdf(z);
    }
    double t = 1 / (z * z);
    return -z / (1 - t + 3 * t * t);
  }

  /** Log expected improvement below {@code best} of a normal with mean {@code mu}, sd {@code s}. */
  public static double value(double mu, double sigma, double best) {
    return Math.log(sigma) + logH((best - mu) / sigma);
  }
}
