package org.neurohpo.bayes.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ASHA and Hyperband share: the trials on a {@link Ladder}, a proposer for new trials, reports
 * recorded at the job's rung, the recommendation (best trial of the highest rung reached), the
 * trials they rule out, and their rebuilding from what a service published (an optimizer restart).
 */
public abstract sealed class RungScheduler implements Scheduler permits Asha, Hyperband {
  final Rungs rungs;
  final Proposer proposer;

  RungScheduler(Ladder ladder, Proposer proposer) {
    this.rungs = new Rungs(ladder);
    this.proposer = proposer;
  }

  /** The trials and their values (read-only use, and filling before {@link #rebuild}). */
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

  /**
   * Trials that {@link #next} will never promote, not marked pruned yet, when at most {@code
   * maxTrials} trials are started in all: a service prunes them at once instead of at the end.
   */
  public abstract List<Rungs.Trial> ruledOut(int maxTrials);

  /** Why a trial at rung {@code rung} is {@link #ruledOut}, in a line a user reads. */
  public abstract String ruledOutReason(int rung);

  /**
   * Rebuilds the scheduler's own state after {@link #rungs()} was filled with what it had decided
   * before (every trial in order, its values, its promotions; see {@code ScheduledTrials} in the
   * optimizer): {@code firstRung[i]} is the rung trial {@code i} started at. Throws {@link
   * IllegalArgumentException} for a history this scheduler cannot have written.
   */
  public abstract void rebuild(int[] firstRung);

  /**
   * Trials waiting below the top rung and not marked pruned: once the scheduler has nothing left to
   * start and nothing in flight, these are the trials it pruned.
   */
  public List<Rungs.Trial> waiting() {
    List<Rungs.Trial> out = new ArrayList<>();
    for (Rungs.Trial t : rungs.trials()) {
      int k = t.rung();
      if (k >= 0 && waiting(t, k)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether trial {@code t}, whose highest value is at rung {@code k}, waits there. */
  boolean waiting(Rungs.Trial t, int k) {
    return k < rungs.ladder().top() && t.rung() == k && !t.promoted(k) && !t.pruned();
  }

  /** Throws unless {@code firstRung} names one rung per trial. */
  void requireOnePerTrial(int[] firstRung) {
    if (firstRung.length != rungs.trials().size()) {
      throw new IllegalArgumentException(
          firstRung.length + " first rungs for " + rungs.trials().size() + " trials");
    }
  }
}
