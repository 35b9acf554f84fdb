package org.neurohpo.risp;

/**
 * An input spike: at {@code time} (timesteps from the start of a run), input {@code input} (an
 * index into the network's inputs) receives a spike of normalised {@code value} in [0, 1].
 */
public record InputSpike(int input, int time, double value) {
  public InputSpike {
    if (input < 0) {
      throw new IllegalArgumentException("input index must be >= 0, got " + input);
    }
    if (time < 0) {
      throw new IllegalArgumentException("spike time must be >= 0, got " + time);
    }
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("spike value must be in [0, 1], got " + value);
    }
  }
}
