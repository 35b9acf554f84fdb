package org.neurohpo.neuro.encoding;

/**
 * Every sample of a split encoded once, in flat arrays: the spikes of sample i are at indices
 * {@code offset(i) .. offset(i) + count(i) - 1} of {@link #inputs()}, {@link #times()} and {@link
 * #values()}, ready for {@code Processor.applySpikes(inputs, times, values, offset, count)} with no
 * allocation per sample.
 */
public final class EncodedData {
  private final int[] inputs;
  private final int[] times;
  private final double[] values;
  private final int[] offsets;
  private final int[] labels;
  private final int numInputs;

  private EncodedData(
      int[] inputs, int[] times, double[] values, int[] offsets, int[] labels, int numInputs) {
    this.inputs = inputs;
    this.times = times;
    this.values = values;
    this.offsets = offsets;
    this.labels = labels;
    this.numInputs = numInputs;
  }

  /** Encodes samples {@code x} (scaled to [0, 1]) with their labels. */
  public static EncodedData encode(Encoder encoder, double[][] x, int[] labels) {
    if (x.length != labels.length) {
      throw new IllegalArgumentException(x.length + " samples but " + labels.length + " labels");
    }
    SpikeBuffer buffer = new SpikeBuffer();
    int[] offsets = new int[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      offsets[i] = buffer.size();
      encoder.encode(x[i], buffer);
    }
    offsets[x.length] = buffer.size();
    int numFeatures = x.length == 0 ? 0 : x[0].length;
    return new EncodedData(
        buffer.inputs(),
        buffer.times(),
        buffer.values(),
        offsets,
        labels.clone(),
        encoder.numInputs(numFeatures));
  }

  public int size() {
    return labels.length;
  }

  public int numInputs() {
    return numInputs;
  }

  public int offset(int sample) {
    return offsets[sample];
  }

  public int count(int sample) {
    return offsets[sample + 1] - offsets[sample];
  }

  public int label(int sample) {
    return labels[sample];
  }

  /** Shared arrays for the processor's bulk apply; do not modify. */
  public int[] inputs() {
    return inputs;
  }

  /** Shared arrays for the processor's bulk apply; do not modify. */
  public int[] times() {
    return times;
  }

  /** Shared arrays for the processor's bulk apply; do not modify. */
  public double[] values() {
    return values;
  }

  /** Total spikes over all samples. */
  public int totalSpikes() {
    return offsets[offsets.length - 1];
  }
}
