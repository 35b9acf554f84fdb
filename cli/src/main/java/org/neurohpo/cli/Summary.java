package org.neurohpo.cli;

import java.util.Arrays;

/** Mean, sample standard deviation (n - 1; 0 for one value) and median of a few run scores. */
record Summary(double mean, double std, double median) {
  static Summary of(double[] values) {
    if (values.length == 0) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double std = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0.0;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Summary(mean, std, median);
  }
}
