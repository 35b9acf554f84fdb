package org.neurohpo.bayes.fidelity;

import java.util.Map;
import java.util.Optional;

/**
 * What ASHA and Hyperband share: the trials on a {@link Ladder}, a proposer for new trials, reports
 * recorded at the job's rung, and the recommendation (best trial of the highest rung reached).
 */
abstract sealed class RungScheduler implements Scheduler permits Asha, Hyperband {
  final Rungs rungs;
  final Proposer proposer;

  RungScheduler(Ladder ladder, Proposer proposer) {
    this.rungs = new Rungs(ladder);
    this.proposer = proposer;
  }

  /** The trials and their values (read-only use). */
  public Rungs rungs() {
    return rungs;
  }

  @Override
  public void report(Job job, double value) {
    rungs.record(job.trial(), job.rung(), value);
  }

  @Override
  public Optional<Map<String, Object>> best() {
    return rungs.best().map(Rungs.Trial::params);
  }
}
