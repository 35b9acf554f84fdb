package org.neurohpo.neuro.encoding;

import java.util.Arrays;

/** A growable list of spikes in three parallel primitive arrays. */
public final class SpikeBuffer {
  private int[] input = new int[64];
  private int[] time = new int[64];
  private double[] value = new double[64];
  private int size;

  public void add(int inputIndex, int t, double v) {
    if (size == input.length) {
      input = Arrays.copyOf(input, size * 2);
      time = Arrays.copyOf(time, size * 2);
      value = Arrays.copyOf(value, size * 2);
    }
    input[size] = inputIndex;
    time[size] = t;
    value[size] = v;
    size++;
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  public int input(int i) {
    return input[i];
  }

  public int time(int i) {
    return time[i];
  }

  public double value(int i) {
    return value[i];
  }

  int[] inputs() {
    return Arrays.copyOf(input, size);
  }

  int[] times() {
    return Arrays.copyOf(time, size);
  }

  double[] values() {
    return Arrays.copyOf(value, size);
  }
}
