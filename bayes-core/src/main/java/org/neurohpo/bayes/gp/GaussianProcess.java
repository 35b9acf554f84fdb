package org.neurohpo.bayes.gp;

import java.util.Arrays;

/**
 * A GP posterior for fixed hyperparameters over standardised targets (see the package doc).
 * Observations can be appended in O(n²) (fantasies for batch suggestions, new results between
 * hyperparameter refits). Not thread-safe.
 */
public final class GaussianProcess {
  private static final double SQRT5 = Math.sqrt(5);
  private static final double[] JITTERS = {0, 1e-8, 1e-6, 1e-4, 1e-2};

  private final Hyper hyper;
  private final int d;
  private final double[] invLength2; // 1 / l_i²
  private final double signal;
  private final double noise;
  private int n;
  private int capacity;
  private double[][] x;
  private double[] y;
  private double[] l; // capacity x capacity, row stride = capacity
  private double[] alpha;
  private double jitter;
  private double[] work;

  private GaussianProcess(Hyper hyper, int capacity) {
    this.hyper = hyper;
    this.d = hyper.dims();
    this.invLength2 = new double[d];
    for (int i = 0; i < d; i++) {
      invLength2[i] = 1.0 / (hyper.lengthscale(i) * hyper.lengthscale(i));
    }
    this.signal = hyper.signal();
    this.noise = hyper.noise();
    this.capacity = Math.max(8, capacity);
    this.x = new double[this.capacity][];
    this.y = new double[this.capacity];
    this.l = new double[this.capacity * this.capacity];
    this.work = new double[this.capacity];
  }

  /** Conditions the GP on {@code n} points (rows of x) with standardised targets y. */
  public static GaussianProcess fit(Hyper hyper, double[][] x, double[] y, int extraCapacity) {
    GaussianProcess gp = new GaussianProcess(hyper, x.length + extraCapacity);
    gp.n = x.length;
    for (int i = 0; i < x.length; i++) {
      gp.x[i] = x[i];
      gp.y[i] = y[i];
    }
    gp.factor();
    return gp;
  }

  private void factor() {
    double[] k = new double[n * n];
    for (double j : JITTERS) {
      for (int a = 0; a < n; a++) {
        for (int b = 0; b <= a; b++) {
          double v = kernel(x[a], x[b]);
          k[a * n + b] = v;
          k[b * n + a] = v;
        }
        k[a * n + a] = signal + noise + j * signal;
      }
      if (Cholesky.factor(k, n)) {
        jitter = j * signal;
        for (int a = 0; a < n; a++) {
          System.arraycopy(k, a * n, l, a * capacity, a + 1);
        }
        solveAlpha();
        return;
      }
    }
    throw new IllegalStateException("kernel matrix not positive definite even with jitter");
  }

  private void solveAlpha() {
    alpha = Arrays.copyOf(y, n);
    Cholesky.forward(l, n, capacity, alpha);
    Cholesky.backward(l, n, capacity, alpha);
  }

  /** Adds one observation (standardised target) without refitting hyperparameters: O(n²). */
  public void append(double[] xNew, double yNew) {
    if (n == capacity) {
      grow();
    }
    double[] row = new double[n + 1];
    for (int i = 0; i < n; i++) {
      row[i] = kernel(x[i], xNew);
    }
    Cholesky.forward(l, n, capacity, row);
    double s = signal + noise + jitter;
    for (int i = 0; i < n; i++) {
      s -= row[i] * row[i];
    }
    row[n] = Math.sqrt(Math.max(s, 1e-12 * signal));
    System.arraycopy(row, 0, l, n * capacity, n + 1);
    x[n] = xNew;
    y[n] = yNew;
    n++;
    solveAlpha();
  }

  private void grow() {
    int c = capacity * 2;
    double[] nl = new double[c * c];
    for (int a = 0; a < n; a++) {
      System.arraycopy(l, a * capacity, nl, a * c, a + 1);
    }
    l = nl;
    x = Arrays.copyOf(x, c);
    y = Arrays.copyOf(y, c);
    capacity = c;
    work = new double[c];
  }

  /** Forgets the observations appended after the first {@code size} (fantasies). */
  public void truncate(int size) {
    if (size < 0 || size > n) {
      throw new IllegalArgumentException("cannot truncate " + n + " observations to " + size);
    }
    n = size;
    solveAlpha();
  }

  public int size() {
    return n;
  }

  public Hyper hyper() {
    return hyper;
  }

  /**
   * Posterior mean and variance at {@code xs} (standardised scale) into {@code out[0]}, {@code
   * out[1]} (Modified). Allocation-free.
   */
  public void predict(double[] xs, double[] out) {
    double[] k = work.length >= n ? work : new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      k[i] = kernel(x[i], xs);
      mean += k[i] * alpha[i];
    }
    // forward solve L v = k in place; variance = k(x,x) - |v|²
    double v2 = 0;
    for (int i = 0; i < n; i++) {
      int ri = i * capacity;
      double s = k[i];
      for (int j = 0; j < i; j++) {
        s -= l[ri + j] * k[j];
      }
      double vi = s / l[ri + i];
      k[i] = vi;
      v2 += vi * vi;
    }
    out[0] = mean;
    out[1] = Math.max(signal - v2, 1e-12 * signal);
  }

  /**
   * Posterior mean and variance with their gradients with respect to {@code xs}: O(n² + n·d).
   *
   * @param out Modified: {@code out[0]} mean, {@code out[1]} variance
   * @param dMean Modified: the mean's gradient (length d)
   * @param dVar Modified: the variance's gradient (length d)
   */
  public void predictWithGradient(double[] xs, double[] out, double[] dMean, double[] dVar) {
    double[] k = new double[n];
    double[] dkCommon = new double[n]; // dk_i/dxs_j = -dkCommon_i (xs_j - x_ij) / l_j²
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double r2 = 0;
      for (int j = 0; j < d; j++) {
        double t = xs[j] - x[i][j];
        r2 += t * t * invLength2[j];
      }
      double r = Math.sqrt(r2);
      double e = Math.exp(-SQRT5 * r);
      k[i] = signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * e;
      dkCommon[i] = signal * (5.0 / 3.0) * (1 + SQRT5 * r) * e;
      mean += k[i] * alpha[i];
    }
    double[] beta = k.clone(); // K⁻¹ k
    Cholesky.forward(l, n, capacity, beta);
    double v2 = 0;
    for (int i = 0; i < n; i++) {
      v2 += beta[i] * beta[i];
    }
    Cholesky.backward(l, n, capacity, beta);
    java.util.Arrays.fill(dMean, 0);
    java.util.Arrays.fill(dVar, 0);
    for (int i = 0; i < n; i++) {
      double[] xi = x[i];
      for (int j = 0; j < d; j++) {
        double dk = -dkCommon[i] * (xs[j] - xi[j]) * invLength2[j];
        dMean[j] += alpha[i] * dk;
        dVar[j] -= 2 * beta[i] * dk;
      }
    }
    out[0] = mean;
    out[1] = Math.max(signal - v2, 1e-12 * signal);
  }

  /** The posterior mean only: O(n). */
  public double mean(double[] xs) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += kernel(x[i], xs) * alpha[i];
    }
    return mean;
  }

  double kernel(double[] a, double[] b) {
    double r2 = 0;
    for (int i = 0; i < d; i++) {
      double t = a[i] - b[i];
      r2 += t * t * invLength2[i];
    }
    double r = Math.sqrt(r2);
    return signal * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
  }
}
