package org.neurohpo.neuro.hp;

/** What an HP controls. */
public enum Category {
  /** How feature values become input spikes, and output spikes a class. */
  ENCODING,
  /** How EONS evolves the network. */
  TRAINING,
  /** The RISP processor the network runs on. */
  HARDWARE
}
