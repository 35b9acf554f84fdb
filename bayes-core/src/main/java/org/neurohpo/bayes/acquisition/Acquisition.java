package org.neurohpo.bayes.acquisition;

import org.neurohpo.bayes.gp.GaussianProcess;

/**
 * Acquisition functions for minimisation, all to be maximised: log expected improvement (default),
 * lower confidence bound {@code -(mu - beta sigma)} with {@code beta = 2}, and log probability of
 * improvement {@code log Phi((best - mu)/sigma)}. {@code PORTFOLIO} is resolved by the strategy to
 * one of the others per suggestion.
 */
public enum Acquisition {
  LOG_EI,
  UCB,
  PI,
  PORTFOLIO;

  static final double BETA = 2;

  /**
   * The acquisition value at {@code x}; when {@code grad} is non-null it receives the gradient with
   * respect to {@code x}.
   */
  public double value(GaussianProcess gp, double best, double[] x, double[] grad) {
    int d = x.length;
    double[] dMu = grad != null ? new double[d] : null;
    double[] dVar = grad != null ? new double[d] : null;
    double[] mv = gp.predict(x, dMu, dVar);
    double sigma = Math.sqrt(mv[1]);
    double z = (best - mv[0]) / sigma;
    double value;
    double dz = 0;
    double dSigma = 0;
    switch (this) {
      case UCB -> value = -(mv[0] - BETA * sigma);
      case PI -> {
        value = LogExpectedImprovement.logCdf(z);
        dz = LogExpectedImprovement.dLogCdf(z);
      }
      default -> {
        value = Math.log(sigma) + LogExpectedImprovement.logH(z);
        dz = LogExpectedImprovement.dLogH(z);
        dSigma = 1 / sigma;
      }
    }
    if (grad != null) {
      for (int j = 0; j < d; j++) {
        double ds = dVar[j] / (2 * sigma);
        if (this == UCB) {
          grad[j] = -(dMu[j] - BETA * ds);
        } else {
          double dzj = (-dMu[j] - z * ds) / sigma;
          grad[j] = dSigma * ds + dz * dzj;
        }
      }
    }
    return value;
  }
}
