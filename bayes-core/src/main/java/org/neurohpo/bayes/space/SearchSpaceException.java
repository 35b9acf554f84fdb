package org.neurohpo.bayes.space;

/** A search space or a point that is not valid; the message names the parameter and problem. */
public class SearchSpaceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SearchSpaceException(String message) {
    super(message);
  }
}
