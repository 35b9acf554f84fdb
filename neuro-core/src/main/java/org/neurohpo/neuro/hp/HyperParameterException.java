package org.neurohpo.neuro.hp;

/** An unknown HP, or a value of the wrong type or outside its range; the message names it. */
public class HyperParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public HyperParameterException(String message) {
    super(message);
  }
}
