package org.neurohpo.bayes.gp;

/** Projected L-BFGS with a backtracking (Armijo) line search, for the GP hyperparameters. */
final class Lbfgs {
  private static final int MEMORY = 8;

  /** f(x, grad) returns the value and writes the gradient. */
  interface Objective {
    double value(double[] x, double[] grad);
  }

  private Lbfgs() {}

  /** Minimises from {@code x} (Modified: the best point found, within bounds); the value. */
  static double minimise(Objective f, double[] x, int maxIterations) {
    int m = x.length;
    double[] g = new double[m];
    double fx = f.value(x, g);
    if (!Double.isFinite(fx)) {
      return fx;
    }
    double[][] s = new double[MEMORY][m];
    double[][] yv = new double[MEMORY][m];
    double[] rho = new double[MEMORY];
    double[] alpha = new double[MEMORY];
    int stored = 0;
    int head = 0;
    double[] dir = new double[m];
    double[] xNew = new double[m];
    double[] gNew = new double[m];
    for (int it = 0; it < maxIterations; it++) {
      // two-loop recursion: dir = -H g
      System.arraycopy(g, 0, dir, 0, m);
      for (int k = 0; k < stored; k++) {
        int j = (head - 1 - k + MEMORY) % MEMORY;
        alpha[j] = rho[j] * dot(s[j], dir);
        axpy(-alpha[j], yv[j], dir);
      }
      if (stored > 0) {
        int j = (head - 1 + MEMORY) % MEMORY;
        double gamma = dot(s[j], yv[j]) / dot(yv[j], yv[j]);
        scale(dir, gamma);
      } else {
        scale(dir, 1.0 / Math.max(1.0, Math.sqrt(dot(g, g))));
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = (head - 1 - k + MEMORY) % MEMORY;
        double beta = rho[j] * dot(yv[j], dir);
        axpy(alpha[j] - beta, s[j], dir);
      }
      scale(dir, -1);
      double slope = dot(dir, g);
      if (slope >= 0) {
        System.arraycopy(g, 0, dir, 0, m);
        scale(dir, -1.0 / Math.max(1.0, Math.sqrt(dot(g, g))));
        slope = dot(dir, g);
        stored = 0;
      }
      double step = 1;
      double fNew = Double.POSITIVE_INFINITY;
      for (int ls = 0; ls < 20; ls++) {
        for (int i = 0; i < m; i++) {
          xNew[i] = x[i] + step * dir[i];
        }
        Hyper.clamp(xNew);
        fNew = f.value(xNew, gNew);
        if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
          break;
        }
        step *= 0.5;
      }
      if (!(fNew < fx)) {
        break;
      }
      double[] sk = s[head];
      double[] yk = yv[head];
      for (int i = 0; i < m; i++) {
        sk[i] = xNew[i] - x[i];
        yk[i] = gNew[i] - g[i];
      }
      double sy = dot(sk, yk);
      if (sy > 1e-12) {
        rho[head] = 1.0 / sy;
        head = (head + 1) % MEMORY;
        stored = Math.min(stored + 1, MEMORY);
      }
      boolean converged = fx - fNew < 1e-7 * Math.max(1, Math.abs(fx));
      System.arraycopy(xNew, 0, x, 0, m);
      System.arraycopy(gNew, 0, g, 0, m);
      fx = fNew;
      if (converged) {
        break;
      }
    }
    return fx;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double[] x, double a) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }
}
