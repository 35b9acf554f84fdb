package org.neurohpo.neuro.data;

/** Min-max scaling to [0, 1], fitted on one data set (the training split) and applied to any. */
public final class MinMaxScaler {
  private final double[] min;
  private final double[] range;

  private MinMaxScaler(double[] min, double[] range) {
    this.min = min;
    this.range = range;
  }

  public static MinMaxScaler fit(Dataset train) {
    int m = train.numFeatures();
    double[] lo = new double[m];
    double[] hi = new double[m];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] x : train.features()) {
      for (int j = 0; j < m; j++) {
        lo[j] = Math.min(lo[j], x[j]);
        hi[j] = Math.max(hi[j], x[j]);
      }
    }
    double[] range = new double[m];
    for (int j = 0; j < m; j++) {
      range[j] = hi[j] - lo[j];
    }
    return new MinMaxScaler(lo, range);
  }

  /** Scaled copies of the data set's features, each in [0, 1] (clamped; constant columns 0). */
  public double[][] transform(Dataset data) {
    double[][] out = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      out[i] = transform(data.features()[i]);
    }
    return out;
  }

  public double[] transform(double[] x) {
    double[] y = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      double v = range[j] > 0 ? (x[j] - min[j]) / range[j] : 0.0;
      y[j] = Math.max(0.0, Math.min(1.0, v));
    }
    return y;
  }
}
