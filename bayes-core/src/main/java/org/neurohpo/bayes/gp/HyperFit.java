package org.neurohpo.bayes.gp;

import java.util.SplittableRandom;

/**
 * Fits GP hyperparameters by maximising log marginal likelihood + log priors (log-normal on
 * lengthscales around 0.3, signal variance around 1, noise around 1e-3), with analytic gradients
 * and projected L-BFGS from several starts.
 */
public final class HyperFit {
  private static final double SQRT5 = Math.sqrt(5);
  private static final double PRIOR_LOG_LENGTH = Math.log(0.3);
  private static final double PRIOR_SD_LENGTH = 1.2;
  private static final double PRIOR_SD_SIGNAL = 1.0;
  private static final double PRIOR_LOG_NOISE = Math.log(1e-3);
  private static final double PRIOR_SD_NOISE = 2.5;

  private final double[][] x;
  private final double[] y;
  private final int n;
  private final int d;
  private final double[] diff2; // (x_a,i - x_b,i)² for a > b, by pair then dim

  public HyperFit(double[][] x, double[] y) {
    this.x = x;
    this.y = y;
    this.n = x.length;
    this.d = n == 0 ? 0 : x[0].length;
    this.diff2 = new double[n * (n - 1) / 2 * d];
    int p = 0;
    for (int a = 1; a < n; a++) {
      for (int b = 0; b < a; b++) {
        for (int i = 0; i < d; i++) {
          double t = x[a][i] - x[b][i];
          diff2[p++] = t * t;
        }
      }
    }
  }

  /**
   * The best hyperparameters from {@code start} and {@code extraStarts} random starts.
   *
   * @param maxIterations L-BFGS iterations per start
   */
  public Hyper fit(Hyper start, int extraStarts, int maxIterations, SplittableRandom rng) {
    double[] best = start.theta().clone();
    Hyper.clamp(best);
    double bestValue = minimise(best, maxIterations);
    for (int s = 0; s < extraStarts; s++) {
      double[] t = Hyper.initial(d).theta();
      for (int i = 0; i < d; i++) {
        t[i] = PRIOR_LOG_LENGTH + (rng.nextDouble() * 2 - 1) * 1.5;
      }
      t[d + 1] = Math.log(1e-4) + rng.nextDouble() * Math.log(1e3);
      double v = minimise(t, maxIterations);
      if (v < bestValue) {
        bestValue = v;
        best = t;
      }
    }
    return new Hyper(best);
  }

  /** Minimises the negative log posterior from {@code t} (Modified: the optimum); its value. */
  private double minimise(double[] t, int maxIterations) {
    return Lbfgs.minimise(this::objective, t, maxIterations);
  }

  /**
   * Negative log marginal likelihood minus log prior at theta; gradient into {@code grad}. Returns
   * +infinity when K cannot be factored.
   */
  double objective(double[] theta, double[] grad) {
    double signal = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[] inv = new double[d];
    for (int i = 0; i < d; i++) {
      inv[i] = Math.exp(-2 * theta[i]);
    }
    double[] k = new double[n * n];
    double[] e = new double[n * (n - 1) / 2]; // exp(-√5 r) per pair
    double[] rr = new double[n * (n - 1) / 2];
    int p = 0;
    for (int a = 1; a < n; a++) {
      for (int b = 0; b < a; b++, p++) {
        double r2 = 0;
        int o = p * d;
        for (int i = 0; i < d; i++) {
          r2 += diff2[o + i] * inv[i];
        }
        double r = Math.sqrt(r2);
        double ex = Math.exp(-SQRT5 * r);
        e[p] = ex;
        rr[p] = r;
        double v = signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * ex;
        k[a * n + b] = v;
        k[b * n + a] = v;
      }
    }
    for (int a = 0; a < n; a++) {
      k[a * n + a] = signal + noise + 1e-10;
    }
    double[] kSignal = k.clone();
    if (!Cholesky.factor(k, n)) {
      java.util.Arrays.fill(grad, 0);
      return Double.POSITIVE_INFINITY;
    }
    double[] alpha = y.clone();
    Cholesky.forward(k, n, n, alpha);
    double fit = 0;
    for (double v : alpha) {
      fit += v * v;
    }
    Cholesky.backward(k, n, n, alpha);
    double logDet = 0;
    for (int a = 0; a < n; a++) {
      logDet += Math.log(k[a * n + a]);
    }
    double nll = 0.5 * fit + logDet + 0.5 * n * Math.log(2 * Math.PI);
    // W = alpha alphaᵀ - K⁻¹ (symmetric); K⁻¹ from L
    double[] kinv = inverse(k);
    java.util.Arrays.fill(grad, 0);
    double traceDiag = 0;
    for (int a = 0; a < n; a++) {
      traceDiag += alpha[a] * alpha[a] - kinv[a * n + a];
    }
    // diagonal: d/dlog s² of K_aa = s², d/dlog noise = noise
    grad[d] -= 0.5 * traceDiag * signal;
    grad[d + 1] -= 0.5 * traceDiag * noise;
    p = 0;
    for (int a = 1; a < n; a++) {
      for (int b = 0; b < a; b++, p++) {
        double w = 2 * (alpha[a] * alpha[b] - kinv[a * n + b]); // both triangles
        double kab = kSignal[a * n + b];
        grad[d] -= 0.5 * w * kab;
        double common = signal * e[p] * (5.0 / 3.0) * (1 + SQRT5 * rr[p]);
        int o = p * d;
        for (int i = 0; i < d; i++) {
          grad[i] -= 0.5 * w * common * diff2[o + i] * inv[i];
        }
      }
    }
    return nll + prior(theta, grad);
  }

  /** The log marginal likelihood at these hyperparameters (no prior). */
  public double logMarginalLikelihood(Hyper hyper) {
    double[] theta = hyper.theta();
    double[] grad = new double[theta.length];
    double[] priorGrad = new double[theta.length];
    return -(objective(theta, grad) - prior(theta, priorGrad));
  }

  private double prior(double[] theta, double[] grad) {
    double v = 0;
    for (int i = 0; i < d; i++) {
      double z = (theta[i] - PRIOR_LOG_LENGTH) / PRIOR_SD_LENGTH;
      v += 0.5 * z * z;
      grad[i] += z / PRIOR_SD_LENGTH;
    }
    double zs = theta[d] / PRIOR_SD_SIGNAL;
    v += 0.5 * zs * zs;
    grad[d] += zs / PRIOR_SD_SIGNAL;
    double zn = (theta[d + 1] - PRIOR_LOG_NOISE) / PRIOR_SD_NOISE;
    v += 0.5 * zn * zn;
    grad[d + 1] += zn / PRIOR_SD_NOISE;
    return v;
  }

  /** K⁻¹ from its Cholesky factor L (n x n, stride n). */
  private double[] inverse(double[] lower) {
    double[] inv = new double[n * n];
    double[] col = new double[n];
    for (int j = 0; j < n; j++) {
      java.util.Arrays.fill(col, 0);
      col[j] = 1;
      Cholesky.forward(lower, n, n, col);
      Cholesky.backward(lower, n, n, col);
      for (int i = 0; i < n; i++) {
        inv[i * n + j] = col[i];
      }
    }
    return inv;
  }
}
