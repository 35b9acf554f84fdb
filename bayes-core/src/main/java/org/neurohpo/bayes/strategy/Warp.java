package org.neurohpo.bayes.strategy;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Monotone output transforms, fitted on the observed means. */
final class Warp {
  private Warp() {}

  static DoubleUnaryOperator fit(ObservationTable table, String kind) {
    double[] y = table.points().stream().mapToDouble(ObservationTable.Point::mean).toArray();
    if (y.length < 3 || kind.equals("none")) {
      return v -> v;
    }
    double[] s = y.clone();
    Arrays.sort(s);
    double min = s[0];
    double range = s[s.length - 1] - min;
    if (!(range > 0)) {
      return v -> v;
    }
    switch (kind) {
      case "log":
        {
          double eps = Double.parseDouble(System.getProperty("bo.warp.eps", "0.05")) * range;
          return v -> Math.log(Math.max(v - min, 0) + eps);
        }
      case "rank":
        {
          int n = s.length;
          return v -> {
            // interpolated normal score
            int lo = 0;
            while (lo < n && s[lo] < v) {
              lo++;
            }
            double r;
            if (lo == 0) {
              r = 0;
            } else if (lo == n) {
              r = n - 1;
            } else {
              r = lo - 1 + (v - s[lo - 1]) / (s[lo] - s[lo - 1]);
            }
            double q = (r + 0.5) / n;
            return new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(q);
          };
        }
      case "sqrt":
        {
          double eps = Double.parseDouble(System.getProperty("bo.warp.eps", "0.05")) * range;
          return v -> Math.sqrt(Math.max(v - min, 0) + eps);
        }
      default:
        throw new IllegalArgumentException(kind);
    }
  }
}
