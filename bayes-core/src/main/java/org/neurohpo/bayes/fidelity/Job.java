package org.neurohpo.bayes.fidelity;

import java.util.Map;

/**
 * Work for one worker: bring trial {@code trial} from {@code fromRuns} to {@code toRuns} runs (rung
 * {@code rung}). A new trial has {@code fromRuns = 0}; a promoted trial keeps its runs and gets
 * {@code toRuns - fromRuns} new ones on new seeds.
 */
public record Job(int trial, Map<String, Object> params, int rung, int fromRuns, int toRuns) {

  public Job {
    if (trial < 0 || rung < 0 || fromRuns < 0 || toRuns <= fromRuns) {
      throw new IllegalArgumentException(
          "bad job: trial " + trial + ", rung " + rung + ", runs " + fromRuns + " -> " + toRuns);
    }
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
  }

  /** Runs this job adds. */
  public int newRuns() {
    return toRuns - fromRuns;
  }
}
