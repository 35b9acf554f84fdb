package org.neurohpo.neuro.data;

/** A data set that cannot be found or read; the message names the file, line and problem. */
public class DatasetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }
}
