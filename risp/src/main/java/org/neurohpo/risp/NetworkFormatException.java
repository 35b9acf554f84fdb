package org.neurohpo.risp;

/** A network file (or its {@code proc_params}) that cannot be read; the message names the key. */
public class NetworkFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NetworkFormatException(String message) {
    super(message);
  }
}
