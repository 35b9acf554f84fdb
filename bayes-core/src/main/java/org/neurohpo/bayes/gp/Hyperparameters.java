package org.neurohpo.bayes.gp;

/**
 * Kernel hyperparameters in standardised output units: ARD lengthscales (unit-cube input units),
 * signal variance {@code s2}, and observation-noise variance {@code noise} of one observation.
 */
public record Hyperparameters(double[] lengthscales, double signalVariance, double noiseVariance) {

  public Hyperparameters {
    if (lengthscales == null || lengthscales.length == 0) {
      throw new IllegalArgumentException("need at least one lengthscale");
    }
    lengthscales = lengthscales.clone();
    for (double l : lengthscales) {
      if (!(l > 0) || !Double.isFinite(l)) {
        throw new IllegalArgumentException("lengthscale must be in (0, inf), got " + l);
      }
    }
    if (!(signalVariance > 0) || !Double.isFinite(signalVariance)) {
      throw new IllegalArgumentException(
          "signal variance must be in (0, inf), got " + signalVariance);
    }
    if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) {
      throw new IllegalArgumentException(
          "noise variance must be in (0, inf), got " + noiseVariance);
    }
  }

  @Override
  public double[] lengthscales() {
    return lengthscales.clone();
  }

  /** Log-parameter vector {@code [log l_1..log l_d, log s2, log noise]}. */
  double[] toTheta() {
    int d = lengthscales.length;
    double[] t = new double[d + 2];
    for (int i = 0; i < d; i++) {
      t[i] = Math.log(lengthscales[i]);
    }
    t[d] = Math.log(signalVariance);
    t[d + 1] = Math.log(noiseVariance);
    return t;
  }

  static Hyperparameters fromTheta(double[] t) {
    int d = t.length - 2;
    double[] l = new double[d];
    for (int i = 0; i < d; i++) {
      l[i] = Math.exp(t[i]);
    }
    return new Hyperparameters(l, Math.exp(t[d]), Math.exp(t[d + 1]));
  }
}
