package org.neurohpo.risp;

/** A spikes file that cannot be applied; the message names the entry and the problem. */
public class SpikeFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SpikeFormatException(String message) {
    super(message);
  }
}
