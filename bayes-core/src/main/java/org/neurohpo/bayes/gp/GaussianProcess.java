package org.neurohpo.bayes.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Exact GP regression on unit-cube inputs with a Matern-5/2 ARD kernel. Outputs are standardised
 * internally; predictions are in the caller's units. Observation {@code i} has noise variance
 * {@code noise * w_i} ({@code w_i = 1/count} for a mean of repeated runs). Immutable: {@link
 * #append} returns a new model sharing the Cholesky rows (O(n^2) incremental update).
 */
public final class GaussianProcess {

  private final double[][] x;
  private final double[] y;
  private final double[] w;
  private final Hyperparameters hyper;
  private final double yMean;
  private final double yStd;
  private final double[] invLs;
  private final double s2;
  private final double noise;
  private final Cholesky chol;
  private final double[] alpha;
  private final double m0;
  private final boolean krigingMean;

  private GaussianProcess(
      double[][] x,
      double[] y,
      double[] w,
      Hyperparameters h,
      double yMean,
      double yStd,
      Cholesky chol,
      boolean krigingMean) {
    this.krigingMean = krigingMean;
    this.x = x;
    this.y = y;
    this.w = w;
    this.hyper = h;
    this.yMean = yMean;
    this.yStd = yStd;
    double[] ls = h.lengthscales();
    invLs = new double[ls.length];
    for (int i = 0; i < ls.length; i++) {
      invLs[i] = 1 / ls[i];
    }
    s2 = h.signalVariance();
    noise = h.noiseVariance();
    this.chol = chol != null ? chol : Cholesky.factor(kernelMatrix(), x.length);
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = (y[i] - yMean) / yStd;
    }
    m0 = krigingMean ? glsMean(this.chol, z) : 0;
    for (int i = 0; i < y.length; i++) {
      z[i] -= m0;
    }
    alpha = this.chol.backward(this.chol.forward(z));
  }

  /**
   * A model with given hyperparameters (no fitting); {@code w} may be null (all ones). Its prior
   * mean is the mean of {@code y} (as scikit-learn's {@code normalize_y}).
   */
  public static GaussianProcess of(double[][] x, double[] y, double[] w, Hyperparameters h) {
    double[] ww = w != null ? w.clone() : ones(y.length);
    double[] ms = meanStd(y);
    return new GaussianProcess(copy(x), y.clone(), ww, h, ms[0], ms[1], null, false);
  }

  /**
   * As {@link #of}, with the constant prior mean estimated by generalised least squares (ordinary
   * kriging): {@code m = 1'K^-1 y / 1'K^-1 1}. A cluster of correlated points counts about once, so
   * the many good points a search piles up in one basin do not pull the mean of unexplored regions
   * down to their level, which made far corners look promising to log EI.
   */
  public static GaussianProcess ofKriging(double[][] x, double[] y, double[] w, Hyperparameters h) {
    double[] ww = w != null ? w.clone() : ones(y.length);
    double[] ms = meanStd(y);
    return new GaussianProcess(copy(x), y.clone(), ww, h, ms[0], ms[1], null, true);
  }

  /** {@code 1'K^-1 z / 1'K^-1 1} with {@code K = chol chol'}. */
  private static double glsMean(Cholesky chol, double[] z) {
    double[] kInvOne = chol.backward(chol.forward(ones(z.length)));
    double num = 0;
    double den = 0;
    for (int i = 0; i < z.length; i++) {
      num += kInvOne[i] * z[i];
      den += kInvOne[i];
    }
    return den > 0 ? num / den : 0;
  }

  /**
   * Fits hyperparameters by maximum a-posteriori marginal likelihood with L-BFGS from the warm
   * start (if any), the prior mode and {@code restarts} prior draws, then returns the model.
   */
  public static GaussianProcess fit(
      double[][] x,
      double[] y,
      double[] w,
      double[] lsPriorMean,
      Hyperparameters warm,
      int restarts,
      long seed) {
    return fit(x, y, w, lsPriorMean, warm, restarts, seed, false);
  }

  /**
   * As {@link #fit(double[][], double[], double[], double[], Hyperparameters, int, long)}; with
   * {@code tied} the inputs that share a lengthscale prior mean share one lengthscale (an isotropic
   * kernel per kind of input), which is what few points can identify.
   */
  public static GaussianProcess fit(
      double[][] x,
      double[] y,
      double[] w,
      double[] lsPriorMean,
      Hyperparameters warm,
      int restarts,
      long seed,
      boolean tied) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "need as many inputs as outputs (at least 1), got " + x.length + " and " + y.length);
    }
    double[] ww = w != null ? w.clone() : ones(y.length);
    double[] ms = meanStd(y);
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = (y[i] - ms[0]) / ms[1];
    }
    int d = x[0].length;
    double[] prior = lsPriorMean != null ? lsPriorMean : defaultPrior(d);
    if (prior.length != d) {
      throw new IllegalArgumentException(
          "need " + d + " lengthscale prior means, got " + prior.length);
    }
    int[] groups = tied ? groups(prior) : null;
    MarginalLikelihood ml = new MarginalLikelihood(x, z, ww, prior, groups);
    List<double[]> starts = new ArrayList<>();
    if (warm != null && warm.lengthscales().length == d) {
      starts.add(warm.toTheta());
    }
    double[] mode = new double[d + 2];
    System.arraycopy(prior, 0, mode, 0, d);
    mode[d + 1] = Math.log(1e-3);
    starts.add(mode);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int r = 0; r < restarts; r++) {
      double[] t = new double[d + 2];
      for (int i = 0; i < d; i++) {
        t[i] = prior[i] + Math.sqrt(3) * gauss(rng);
      }
      t[d] = gauss(rng);
      t[d + 1] = Math.log(1e-3) + 2.5 * gauss(rng);
      starts.add(t);
    }
    if (groups != null) {
      for (double[] t : starts) {
        MarginalLikelihood.tie(t, groups);
      }
    }
    double best = Double.POSITIVE_INFINITY;
    double[] bestTheta = mode;
    double[] lo = ml.lower();
    double[] hi = ml.upper();
    for (double[] t : starts) {
      double v = Lbfgs.minimize(ml, t, lo, hi, 60);
      if (v < best) {
        best = v;
        bestTheta = t;
      }
    }
    Hyperparameters h = Hyperparameters.fromTheta(bestTheta);
    return new GaussianProcess(copy(x), y.clone(), ww, h, ms[0], ms[1], null, false);
  }

  /** Group index per input: inputs with equal prior means form one group. */
  private static int[] groups(double[] prior) {
    int[] g = new int[prior.length];
    List<Double> means = new ArrayList<>();
    for (int i = 0; i < prior.length; i++) {
      int k = means.indexOf(prior[i]);
      if (k < 0) {
        k = means.size();
        means.add(prior[i]);
      }
      g[i] = k;
    }
    return g;
  }

  /** Prior mean of the log lengthscale of a continuous, integer or ordinal input (l ~ 0.67). */
  public static final double LOG_LENGTHSCALE_PRIOR = -0.4;

  /** Prior mean of the log lengthscale of a one-hot (categorical) input (l ~ 4.5). */
  public static final double LOG_LENGTHSCALE_PRIOR_CATEGORICAL = 1.5;

  /** Default prior means of log lengthscales ({@link #LOG_LENGTHSCALE_PRIOR} for every input). */
  public static double[] defaultPrior(int d) {
    double[] p = new double[d];
    java.util.Arrays.fill(p, LOG_LENGTHSCALE_PRIOR);
    return p;
  }

  private static double gauss(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * The model with one more observation and the same hyperparameters and standardisation
   * (incremental Cholesky, O(n^2)); falls back to a full factorisation when needed.
   */
  public GaussianProcess append(double[] xNew, double yNew, double wNew) {
    int n = x.length;
    double[][] x2 = java.util.Arrays.copyOf(x, n + 1);
    x2[n] = xNew.clone();
    double[] y2 = java.util.Arrays.copyOf(y, n + 1);
    y2[n] = yNew;
    double[] w2 = java.util.Arrays.copyOf(w, n + 1);
    w2[n] = wNew;
    double[] k = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = kernel(x[i], xNew);
    }
    Cholesky c = chol.append(k, s2 + noise * wNew);
    return new GaussianProcess(x2, y2, w2, hyper, yMean, yStd, c, krigingMean);
  }

  public Hyperparameters hyperparameters() {
    return hyper;
  }

  public int size() {
    return x.length;
  }

  /** Noise variance of a single observation in the caller's units. */
  public double noiseVariance() {
    return noise * yStd * yStd;
  }

  /** Signal variance in the caller's units. */
  public double signalVariance() {
    return s2 * yStd * yStd;
  }

  double kernel(double[] a, double[] b) {
    return s2 * Matern52.fromR(Math.sqrt(Matern52.r2(a, b, invLs)));
  }

  private double[] kernelMatrix() {
    int n = x.length;
    double[] k = new double[n * n];
    for (int a = 0; a < n; a++) {
      k[a * n + a] = s2 + noise * w[a];
      for (int b = 0; b < a; b++) {
        double v = kernel(x[a], x[b]);
        k[a * n + b] = v;
        k[b * n + a] = v;
      }
    }
    return k;
  }

  /** Posterior mean at {@code p} (O(n d), no variance). */
  public double mean(double[] p) {
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      m += alpha[i] * s2 * Matern52.fromR(Math.sqrt(Matern52.r2(x[i], p, invLs)));
    }
    return yMean + yStd * (m0 + m);
  }

  /** Posterior {@code {mean, variance}} of the latent function at {@code p}. */
  public double[] predict(double[] p) {
    return predict(p, null, null);
  }

  /**
   * Posterior {@code {mean, variance}} at {@code p}; when {@code dMean}/{@code dVar} are non-null
   * they receive the gradients with respect to {@code p}.
   */
  public double[] predict(double[] p, double[] dMean, double[] dVar) {
    int n = x.length;
    int d = p.length;
    double[] k = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = Math.sqrt(Matern52.r2(x[i], p, invLs));
      k[i] = s2 * Matern52.fromR(r[i]);
    }
    double mean = m0 + Lbfgs.dot(k, alpha);
    double[] v = chol.forward(k);
    double var = Math.max(s2 - Lbfgs.dot(v, v), 1e-12 * s2);
    if (dMean != null) {
      double[] kinvK = chol.backward(v);
      java.util.Arrays.fill(dMean, 0);
      java.util.Arrays.fill(dVar, 0);
      for (int i = 0; i < n; i++) {
        double g = -s2 * Matern52.gradFactor(r[i]);
        double[] xi = x[i];
        for (int j = 0; j < d; j++) {
          double dk = g * (p[j] - xi[j]) * invLs[j] * invLs[j];
          dMean[j] += alpha[i] * dk;
          dVar[j] -= 2 * kinvK[i] * dk;
        }
      }
      for (int j = 0; j < d; j++) {
        dMean[j] *= yStd;
        dVar[j] *= yStd * yStd;
      }
    }
    return new double[] {yMean + yStd * mean, var * yStd * yStd};
  }

  private static double[] meanStd(double[] y) {
    double m = 0;
    for (double v : y) {
      m += v / y.length;
    }
    double s = 0;
    for (double v : y) {
      s += (v - m) * (v - m);
    }
    s = y.length > 1 ? Math.sqrt(s / (y.length - 1)) : 1;
    return new double[] {m, s > 1e-12 ? s : 1};
  }

  private static double[] ones(int n) {
    double[] o = new double[n];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  private static double[][] copy(double[][] x) {
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
    }
    return c;
  }
}
