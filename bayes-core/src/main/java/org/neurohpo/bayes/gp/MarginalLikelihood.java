package org.neurohpo.bayes.gp;

/**
 * Negative log marginal likelihood plus negative log prior of the log-hyperparameters {@code theta
 * = [log l_1..d, log s2, log noise]}, with its analytic gradient.
 *
 * <p>{@code NLL = 0.5 y^T K^-1 y + 0.5 log|K| + n/2 log 2pi}, {@code K = s2 M(X,X) + diag(noise
 * w)}; {@code dNLL/dtheta_j = 0.5 tr((K^-1 - a a^T) dK/dtheta_j)} with {@code a = K^-1 y}. Priors
 * (Gaussian on the logs): {@code log l_i ~ N(m_i, 3)} (means given per input), {@code log s2 ~ N(0,
 * 4)}, {@code log noise ~ N(log 1e-3, 6.25)}.
 */
final class MarginalLikelihood implements Lbfgs.Objective {

  private static final double LS_PRIOR_SD = Math.sqrt(3);
  static final double LOG_NOISE_MIN = Math.log(1e-8);
  static final double LOG_NOISE_MAX = Math.log(2);
  private final double[][] x;
  private final double[] y;
  private final double[] w;
  private final int n;
  private final int d;
  private final double[] lsPriorMean;
  private final int[] groups;

  MarginalLikelihood(double[][] x, double[] y, double[] w, double[] lsPriorMean) {
    this(x, y, w, lsPriorMean, null);
  }

  /**
   * With {@code groups} (a group index per input, or null) the log lengthscales of one group move
   * together: the gradient is projected onto the tied subspace (each coordinate gets its group's
   * mean), so L-BFGS started from tied values keeps them tied.
   */
  MarginalLikelihood(double[][] x, double[] y, double[] w, double[] lsPriorMean, int[] groups) {
    this.groups = groups;
    this.x = x;
    this.y = y;
    this.w = w;
    this.n = x.length;
    this.d = x[0].length;
    this.lsPriorMean = lsPriorMean.clone();
  }

  double[] lsPriorMean() {
    return lsPriorMean;
  }

  double[] lower() {
    double[] lo = new double[d + 2];
    java.util.Arrays.fill(lo, 0, d, Math.log(0.005));
    lo[d] = Math.log(0.01);
    lo[d + 1] = LOG_NOISE_MIN;
    return lo;
  }

  double[] upper() {
    double[] hi = new double[d + 2];
    java.util.Arrays.fill(hi, 0, d, Math.log(100));
    hi[d] = Math.log(100);
    hi[d + 1] = LOG_NOISE_MAX;
    return hi;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] grad) {
    double[] invLs = new double[d];
    for (int i = 0; i < d; i++) {
      invLs[i] = Math.exp(-theta[i]);
    }
    double s2 = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[] k = new double[n * n];
    double[] r = new double[n * n];
    for (int a = 0; a < n; a++) {
      k[a * n + a] = s2 + noise * w[a];
      for (int b = 0; b < a; b++) {
        double rab = Math.sqrt(Matern52.r2(x[a], x[b], invLs));
        double v = s2 * Matern52.fromR(rab);
        k[a * n + b] = v;
        k[b * n + a] = v;
        r[a * n + b] = rab;
      }
    }
    Cholesky chol;
    try {
      chol = Cholesky.factor(k, n);
    } catch (IllegalStateException e) {
      return Double.POSITIVE_INFINITY;
    }
    double[] alpha = chol.backward(chol.forward(y));
    double nll = 0.5 * Lbfgs.dot(y, alpha) + 0.5 * chol.logDet() + 0.5 * n * Math.log(2 * Math.PI);
    double[][] kinv = inverse(chol);
    java.util.Arrays.fill(grad, 0);
    for (int a = 0; a < n; a++) {
      double waa = kinv[a][a] - alpha[a] * alpha[a];
      grad[d] += 0.5 * waa * s2;
      grad[d + 1] += 0.5 * waa * noise * w[a];
      for (int b = 0; b < a; b++) {
        double wab = kinv[a][b] - alpha[a] * alpha[b];
        double rab = r[a * n + b];
        grad[d] += wab * k[a * n + b];
        double g = wab * s2 * Matern52.gradFactor(rab);
        for (int i = 0; i < d; i++) {
          double t = (x[a][i] - x[b][i]) * invLs[i];
          grad[i] += g * t * t;
        }
      }
    }
    double value = nll + prior(theta, grad);
    if (groups != null) {
      tie(grad, groups);
    }
    return value;
  }

  /** Replaces the first {@code groups.length} entries of {@code v} by their group means. */
  static void tie(double[] v, int[] groups) {
    int k = 0;
    for (int g : groups) {
      k = Math.max(k, g + 1);
    }
    double[] sum = new double[k];
    int[] count = new int[k];
    for (int i = 0; i < groups.length; i++) {
      sum[groups[i]] += v[i];
      count[groups[i]]++;
    }
    for (int i = 0; i < groups.length; i++) {
      v[i] = sum[groups[i]] / count[groups[i]];
    }
  }

  private double prior(double[] theta, double[] grad) {
    double p = 0;
    for (int i = 0; i < d; i++) {
      double z = (theta[i] - lsPriorMean[i]) / LS_PRIOR_SD;
      p += 0.5 * z * z;
      grad[i] += z / LS_PRIOR_SD;
    }
    double zs = theta[d] / 2;
    p += 0.5 * zs * zs;
    grad[d] += zs / 2;
    double zn = (theta[d + 1] - Math.log(1e-3)) / 2.5;
    p += 0.5 * zn * zn;
    grad[d + 1] += zn / 2.5;
    return p;
  }

  private static double[][] inverse(Cholesky chol) {
    int n = chol.n;
    double[][] inv = new double[n][];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      e[j] = 1;
      inv[j] = chol.backward(chol.forward(e));
      e[j] = 0;
    }
    return inv;
  }
}
