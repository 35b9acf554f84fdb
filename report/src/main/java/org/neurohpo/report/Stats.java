package org.neurohpo.report;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/** The few statistics the reports need, on plain arrays. */
public final class Stats {
  private Stats() {}

  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Sample variance (n - 1); 0 for fewer than two values. */
  public static double variance(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }

  /**
   * Two-sided p-value of Welch's unequal-variance t-test that {@code a} and {@code b} have the same
   * mean. Two samples without spread are different exactly when their means differ (p 0 or 1).
   */
  public static double welchP(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      throw new IllegalArgumentException(
          "Welch's test needs at least 2 values per sample, got " + a.length + " and " + b.length);
    }
    double va = variance(a) / a.length;
    double vb = variance(b) / b.length;
    double diff = mean(a) - mean(b);
    if (va + vb == 0) {
      return diff == 0 ? 1 : 0;
    }
    double t = diff / Math.sqrt(va + vb);
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
  }

  /** The q-quantile by linear interpolation between order statistics. */
  public static double quantile(double[] v, double q) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  /**
   * Quartiles across series at each index, up to the shortest series: {@code [0]} the 25 %, {@code
   * [1]} the median, {@code [2]} the 75 % quantile (bands over seeds).
   */
  public static double[][] quartileBands(List<double[]> series) {
    int n = series.stream().mapToInt(a -> a.length).min().orElse(0);
    double[][] out = new double[3][n];
    for (int k = 0; k < n; k++) {
      double[] v = new double[series.size()];
      for (int s = 0; s < v.length; s++) {
        v[s] = series.get(s)[k];
      }
      out[0][k] = quantile(v, 0.25);
      out[1][k] = quantile(v, 0.5);
      out[2][k] = quantile(v, 0.75);
    }
    return out;
  }
}
