package org.neurohpo.experiments;

import org.neurohpo.model.SampleStats;

/** Mean, sample standard deviation (n - 1; 0 for one value) and median of a few run scores. */
public record Summary(double mean, double std, double median) {
  public static Summary of(double[] values) {
    if (values.length == 0) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN);
    }
    return new Summary(SampleStats.mean(values), SampleStats.std(values), Stats.median(values));
  }
}
