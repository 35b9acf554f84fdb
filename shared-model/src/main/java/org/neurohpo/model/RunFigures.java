package org.neurohpo.model;

/** What one run (one seed) of a trial measured. */
public record RunFigures(
    long seed,
    double trainAccuracy,
    double testAccuracy,
    int neurons,
    int synapses,
    double spikesPerSample,
    double synapseEventsPerSample,
    double seconds) {
  public RunFigures {
    Checks.fraction("trainAccuracy", trainAccuracy);
    Checks.fraction("testAccuracy", testAccuracy);
    Checks.nonNegative("neurons", neurons);
    Checks.nonNegative("synapses", synapses);
    Checks.nonNegative("spikesPerSample", spikesPerSample);
    Checks.nonNegative("synapseEventsPerSample", synapseEventsPerSample);
    Checks.nonNegative("seconds", seconds);
  }
}
