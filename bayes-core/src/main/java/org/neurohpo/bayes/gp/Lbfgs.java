package org.neurohpo.bayes.gp;

/**
 * Limited-memory BFGS with box projection (memory 8, Armijo backtracking on the projected path).
 * Minimises {@code f}; used for kernel hyperparameters and for acquisition refinement.
 */
public final class Lbfgs {

  /** An objective returning its value and writing its gradient into {@code grad}. */
  @FunctionalInterface
  public interface Objective {
    double valueAndGradient(double[] x, double[] grad);
  }

  private static final int MEMORY = 8;

  private Lbfgs() {}

  /** Minimises from {@code x} (modified in place, the result) within {@code [lo, hi]}. */
  public static double minimize(Objective f, double[] x, double[] lo, double[] hi, int maxIter) {
    int d = x.length;
    project(x, lo, hi);
    double[] g = new double[d];
    double fx = f.valueAndGradient(x, g);
    double[][] s = new double[MEMORY][];
    double[][] y = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    int m = 0;
    double[] xn = new double[d];
    double[] gn = new double[d];
    for (int it = 0; it < maxIter && Double.isFinite(fx); it++) {
      double[] dir = direction(g, s, y, rho, m, x, lo, hi);
      double slope = dot(dir, g);
      if (!(slope < 0)) {
        for (int i = 0; i < d; i++) {
          dir[i] = -g[i];
        }
        m = 0;
        slope = dot(dir, g);
        if (!(slope < 0)) {
          break;
        }
      }
      double step = 1;
      double fn = Double.NaN;
      boolean accepted = false;
      for (int ls = 0; ls < 30; ls++) {
        for (int i = 0; i < d; i++) {
          xn[i] = Math.min(hi[i], Math.max(lo[i], x[i] + step * dir[i]));
        }
        fn = f.valueAndGradient(xn, gn);
        double decrease = 0;
        for (int i = 0; i < d; i++) {
          decrease += g[i] * (xn[i] - x[i]);
        }
        if (Double.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        break;
      }
      double[] si = new double[d];
      double[] yi = new double[d];
      for (int i = 0; i < d; i++) {
        si[i] = xn[i] - x[i];
        yi[i] = gn[i] - g[i];
      }
      double sy = dot(si, yi);
      double change = fx - fn;
      System.arraycopy(xn, 0, x, 0, d);
      System.arraycopy(gn, 0, g, 0, d);
      fx = fn;
      if (sy > 1e-12) {
        if (m == MEMORY) {
          System.arraycopy(s, 1, s, 0, MEMORY - 1);
          System.arraycopy(y, 1, y, 0, MEMORY - 1);
          System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
          m--;
        }
        s[m] = si;
        y[m] = yi;
        rho[m] = 1 / sy;
        m++;
      }
      if (change <= 1e-10 * Math.max(1, Math.abs(fx)) && projectedGradNorm(x, g, lo, hi) < 1e-6) {
        break;
      }
      if (change <= 1e-12 * Math.max(1, Math.abs(fx))) {
        break;
      }
    }
    return fx;
  }

  private static double[] direction(
      double[] g,
      double[][] s,
      double[][] y,
      double[] rho,
      int m,
      double[] x,
      double[] lo,
      double[] hi) {
    int d = g.length;
    double[] q = g.clone();
    for (int i = 0; i < d; i++) {
      boolean atLo = x[i] <= lo[i] && g[i] > 0;
      boolean atHi = x[i] >= hi[i] && g[i] < 0;
      if (atLo || atHi) {
        q[i] = 0;
      }
    }
    double[] a = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      a[k] = rho[k] * dot(s[k], q);
      axpy(-a[k], y[k], q);
    }
    double gamma = m > 0 ? dot(s[m - 1], y[m - 1]) / dot(y[m - 1], y[m - 1]) : 1;
    for (int i = 0; i < d; i++) {
      q[i] *= gamma;
    }
    for (int k = 0; k < m; k++) {
      double b = rho[k] * dot(y[k], q);
      axpy(a[k] - b, s[k], q);
    }
    for (int i = 0; i < d; i++) {
      q[i] = -q[i];
    }
    return q;
  }

  private static double projectedGradNorm(double[] x, double[] g, double[] lo, double[] hi) {
    double n = 0;
    for (int i = 0; i < x.length; i++) {
      double p = Math.min(hi[i], Math.max(lo[i], x[i] - g[i])) - x[i];
      n = Math.max(n, Math.abs(p));
    }
    return n;
  }

  private static void project(double[] x, double[] lo, double[] hi) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(hi[i], Math.max(lo[i], x[i]));
    }
  }

  static double dot(double[] a, double[] b) {
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
}
