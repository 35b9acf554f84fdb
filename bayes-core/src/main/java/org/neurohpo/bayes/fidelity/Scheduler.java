package org.neurohpo.bayes.fidelity;

import java.util.Map;
import java.util.Optional;

/**
 * Decides what the next free worker does: start a new trial or promote one. Asynchronous: any
 * number of jobs may be in flight, and results may come back in any order.
 */
public interface Scheduler {

  /**
   * The next job, or empty when there is nothing to start now (a synchronous rung waits for its
   * results, or the proposer has no new configuration left).
   */
  Optional<Job> next();

  /**
   * Reports a finished job: {@code value} is the trial's mean objective (minimised) over all its
   * runs, {@code job.toRuns()} of them.
   */
  void report(Job job, double value);

  /** The recommended configuration so far, empty before any report. */
  Optional<Map<String, Object>> best();
}
