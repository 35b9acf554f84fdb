package org.neurohpo.model;

/**
 * What one run (one seed) of a trial measured.
 *
 * @param trainAccuracy accuracy on the training part (the EONS fitness)
 * @param validationAccuracy accuracy on the validation part, what a study selects on; null in a
 *     record of schema version 1, written before validation existed
 * @param testAccuracy accuracy on the test part, never seen by a study's optimizer
 */
public record RunFigures(
    long seed,
    double trainAccuracy,
    Double validationAccuracy,
    double testAccuracy,
    int neurons,
    int synapses,
    double spikesPerSample,
    double synapseEventsPerSample,
    double seconds) {
  public RunFigures {
    Checks.fraction("trainAccuracy", trainAccuracy);
    if (validationAccuracy != null) {
      Checks.fraction("validationAccuracy", validationAccuracy);
    }
    Checks.fraction("testAccuracy", testAccuracy);
    Checks.nonNegative("neurons", neurons);
    Checks.nonNegative("synapses", synapses);
    Checks.nonNegative("spikesPerSample", spikesPerSample);
    Checks.nonNegative("synapseEventsPerSample", synapseEventsPerSample);
    Checks.nonNegative("seconds", seconds);
  }
}
