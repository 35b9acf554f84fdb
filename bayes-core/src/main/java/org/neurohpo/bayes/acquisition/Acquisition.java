package org.neurohpo.bayes.acquisition;

import org.apache.commons.math3.special.Erf;

/** Scores a candidate from its posterior mean and variance; larger is better. */
public enum Acquisition {
  LOG_EI {
    @Override
    public double score(double mean, double variance, double best) {
      double sd = Math.sqrt(variance);
      return Math.log(sd) + logH((best - mean) / sd);
    }
  },
  PI {
    @Override
    public double score(double mean, double variance, double best) {
      return logCdf((best - mean) / Math.sqrt(variance));
    }
  },
  UCB {
    @Override
    public double score(double mean, double variance, double best) {
      return -(mean - 2.0 * Math.sqrt(variance));
    }
  };

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  public abstract double score(double mean, double variance, double best);

  /**
   * The derivatives of {@link #score} with respect to the mean and the variance, into {@code
   * out[0]} and {@code out[1]} (Modified).
   */
  public void derivatives(double mean, double variance, double best, double[] out) {
    double sd = Math.sqrt(variance);
    double z = (best - mean) / sd;
    switch (this) {
      case LOG_EI -> {
        double ratio = Math.exp(logCdf(z) - logH(z)); // Φ(z) / h(z)
        out[0] = -ratio / sd;
        double dSd = 1 / sd - ratio * z / sd;
        out[1] = dSd / (2 * sd);
      }
      case PI -> {
        double ratio = Math.exp(-0.5 * z * z - LOG_SQRT_2PI - logCdf(z)); // φ/Φ
        out[0] = -ratio / sd;
        out[1] = -ratio * z / sd / (2 * sd);
      }
      default -> {
        out[0] = -1;
        out[1] = 2.0 / (2 * sd);
      }
    }
  }

  /** log(φ(z) + z Φ(z)), stable for all z. */
  static double logH(double z) {
    if (z > -5) {
      return Math.log(Math.max(pdf(z) + z * cdf(z), Double.MIN_NORMAL));
    }
    // φ(z) + zΦ(z) = φ(z) (1 - x R(x)) with x = -z and R the Mills ratio Φ(-x)/φ(x)
    double x = -z;
    double oneMinusXr;
    if (x < 25) {
      oneMinusXr = 1 - x * millsRatio(x);
    } else {
      double x2 = x * x;
      oneMinusXr = (1 / x2) * (1 - 3 / x2 + 15 / (x2 * x2));
    }
    return -0.5 * z * z - LOG_SQRT_2PI + Math.log(oneMinusXr);
  }

  /** Mills ratio R(x) = Φ(-x) / φ(x) for x > 0, by continued fraction (Lentz). */
  static double millsRatio(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      d = x + k * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + k / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return 1 / f;
  }

  static double pdf(double z) {
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
  }

  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  static double logCdf(double z) {
    if (z > -5) {
      return Math.log(cdf(z));
    }
    double x = -z;
    return -0.5 * z * z - LOG_SQRT_2PI + Math.log(millsRatio(x));
  }
}
