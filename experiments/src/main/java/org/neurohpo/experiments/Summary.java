package org.neurohpo.experiments;

import java.util.Arrays;
import org.neurohpo.model.SampleStats;

/** Mean, sample standard deviation (n - 1; 0 for one value) and median of a few run scores. */
public record Summary(double mean, double std, double median) {
  public static Summary of(double[] values) {
    if (values.length == 0) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN);
    }
    // the mean as `evaluate` has always printed it (compensated summation); the spread by the
    // contract's one sample standard deviation
    double mean = Arrays.stream(values).average().orElseThrow();
    return new Summary(mean, SampleStats.std(values), Stats.median(values));
  }
}
