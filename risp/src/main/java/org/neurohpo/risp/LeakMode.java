package org.neurohpo.risp;

import java.util.Locale;

/** How neurons lose their potential between timesteps ({@code proc_params.leak_mode}). */
public enum LeakMode {
  /** Neurons keep their potential. */
  NONE,
  /** Every neuron loses its potential before each timestep in which an event reaches it. */
  ALL,
  /** Each neuron leaks or not by its own {@code Leak} property (0 or 1). */
  CONFIGURABLE;

  /** The name in network JSON: {@code none}, {@code all} or {@code configurable}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a JSON name; the message of a bad one lists the allowed names. */
  public static LeakMode fromJson(String name) {
    for (LeakMode m : values()) {
      if (m.jsonName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "leak_mode must be one of none, all, configurable; got '" + name + "'");
  }
}
