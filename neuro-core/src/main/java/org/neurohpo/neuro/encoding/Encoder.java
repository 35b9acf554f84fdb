package org.neurohpo.neuro.encoding;

/** Turns one sample's features, scaled to [0, 1], into input spikes (see the package doc). */
public sealed interface Encoder
    permits Encoder.Bins,
        Encoder.Rate,
        Encoder.Temporal,
        Encoder.Triangle,
        Encoder.FlipFlop,
        Encoder.Charge {

  /** The encoder's name as the {@code encoder} HP spells it. */
  String name();

  /** Input neurons per feature. */
  int inputsPerFeature();

  /** The latest time at which this encoder may place a spike. */
  int lastSpikeTime();

  /** Appends the spikes of sample {@code x} (features in [0, 1]) to {@code out}. */
  void encode(double[] x, SpikeBuffer out);

  default int numInputs(int numFeatures) {
    return numFeatures * inputsPerFeature();
  }

  /** Each feature's range cut into {@code bins} bins, one input per bin. */
  record Bins(int bins) implements Encoder {
    public Bins {
      check("bins", bins, 2, 64);
    }

    @Override
    public String name() {
      return "bins";
    }

    @Override
    public int inputsPerFeature() {
      return bins;
    }

    @Override
    public int lastSpikeTime() {
      return 0;
    }

    @Override
    public void encode(double[] x, SpikeBuffer out) {
      for (int j = 0; j < x.length; j++) {
        int b = Math.min(bins - 1, (int) Math.floor(x[j] * bins));
        out.add(j * bins + b, 0, 1.0);
      }
    }
  }

  /** Spike count proportional to the value, one spike every {@code interval} timesteps. */
  record Rate(int maxSpikes, int interval) implements Encoder {
    public Rate {
      check("maxSpikes", maxSpikes, 1, 64);
      check("interval", interval, 1, 32);
    }

    @Override
    public String name() {
      return "rate";
    }

    @Override
    public int inputsPerFeature() {
      return 1;
    }

    @Override
    public int lastSpikeTime() {
      return (maxSpikes - 1) * interval;
    }

    @Override
    public void encode(double[] x, SpikeBuffer out) {
      for (int j = 0; j < x.length; j++) {
        train(j, x[j], maxSpikes, interval, out);
      }
    }
  }

  /** One spike whose time encodes the value: larger values spike earlier. */
  record Temporal(int window) implements Encoder {
    public Temporal {
      check("timeWindow", window, 2, 256);
    }

    @Override
    public String name() {
      return "temporal";
    }

    @Override
    public int inputsPerFeature() {
      return 1;
    }

    @Override
    public int lastSpikeTime() {
      return window - 1;
    }

    @Override
    public void encode(double[] x, SpikeBuffer out) {
      for (int j = 0; j < x.length; j++) {
        out.add(j, (int) Math.round((1 - x[j]) * (window - 1)), 1.0);
      }
    }
  }

  /** Overlapping triangular receptive fields: population coding with graded spike values. */
  record Triangle(int fields) implements Encoder {
    public Triangle {
      check("bins", fields, 2, 64);
    }

    @Override
    public String name() {
      return "triangle";
    }

    @Override
    public int inputsPerFeature() {
      return fields;
    }

    @Override
    public int lastSpikeTime() {
      return 0;
    }

    @Override
    public void encode(double[] x, SpikeBuffer out) {
      for (int j = 0; j < x.length; j++) {
        for (int k = 0; k < fields; k++) {
          double m = 1 - Math.abs(x[j] - (double) k / (fields - 1)) * (fields - 1);
          if (m > 0) {
            out.add(j * fields + k, 0, Math.min(1.0, m));
          }
        }
      }
    }
  }

  /** Two inputs per feature: "low" rate-coded with 1-x, "high" with x, as {@link Rate} does. */
  record FlipFlop(int maxSpikes, int interval) implements Encoder {
    public FlipFlop {
      new Rate(maxSpikes, interval); // same HPs, same checks
    }

    @Override
    public String name() {
      return "flipflop";
    }

    @Override
    public int inputsPerFeature() {
      return 2;
    }

    @Override
    public int lastSpikeTime() {
      return new Rate(maxSpikes, interval).lastSpikeTime();
    }

    @Override
    public void encode(double[] x, SpikeBuffer out) {
      for (int j = 0; j < x.length; j++) {
        train(2 * j, 1 - x[j], maxSpikes, interval, out);
        train(2 * j + 1, x[j], maxSpikes, interval, out);
      }
    }
  }

  /** One spike at time 0 whose value is the feature value. */
  record Charge() implements Encoder {
    @Override
    public String name() {
      return "charge";
    }

    @Override
    public int inputsPerFeature() {
      return 1;
    }

    @Override
    public int lastSpikeTime() {
      return 0;
    }

    @Override
    public void encode(double[] x, SpikeBuffer out) {
      for (int j = 0; j < x.length; j++) {
        out.add(j, 0, x[j]);
      }
    }
  }

  private static void train(int input, double x, int maxSpikes, int interval, SpikeBuffer out) {
    int n = (int) Math.round(x * maxSpikes);
    for (int s = 0; s < n; s++) {
      out.add(input, s * interval, 1.0);
    }
  }

  private static void check(String name, int v, int lo, int hi) {
    if (v < lo || v > hi) {
      throw new IllegalArgumentException(
          name + " must be an integer in [" + lo + ", " + hi + "], got " + v);
    }
  }
}
