package org.neurohpo.model;

/**
 * The sample statistics the contract's figures are defined by ({@code stdTestAccuracy}, {@code
 * stdValidationAccuracy} of {@link TrialCompleted}); every module that reports a spread uses these,
 * so a standard deviation means the same everywhere.
 */
public final class SampleStats {
  private SampleStats() {}

  /** The arithmetic mean; NaN for no value. */
  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The sample variance (n - 1); 0 for fewer than two values. */
  public static double variance(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double m = mean(values);
    double ss = 0;
    for (double v : values) {
      ss += (v - m) * (v - m);
    }
    return ss / (values.length - 1);
  }

  /** The sample standard deviation (n - 1); 0 for fewer than two values. */
  public static double std(double[] values) {
    return Math.sqrt(variance(values));
  }
}
