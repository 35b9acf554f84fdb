package org.neurohpo.optimizer.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neurohpo.bayes.fidelity.Asha;
import org.neurohpo.bayes.fidelity.Hyperband;
import org.neurohpo.bayes.fidelity.Job;
import org.neurohpo.bayes.fidelity.Ladder;
import org.neurohpo.bayes.fidelity.ModelProposer;
import org.neurohpo.bayes.fidelity.Proposer;
import org.neurohpo.bayes.fidelity.RandomProposer;
import org.neurohpo.bayes.fidelity.RungScheduler;
import org.neurohpo.bayes.fidelity.Rungs;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.model.Event;
import org.neurohpo.model.SchedulerSpec;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.model.TrialRequested;

/**
 * The trials of a study with a scheduler (issue 17, ADR 0007): bayes-core's {@link Asha} or {@link
 * Hyperband} over the runs of a trial, its new trials proposed by GP-BO fitted BOHB-style ({@code
 * bo}) or drawn at random ({@code random}), at most {@code budget} of them. A job becomes a {@link
 * TrialRequested} of its rung with the seeds it adds (a promoted trial keeps its runs: seeds {@code
 * r_(k-1)} to {@code r_k - 1} of the study's); its {@link TrialCompleted} of that rung, the mean
 * over every run so far, is reported to the scheduler. Over generations ({@code "fidelity":
 * "generations"}) a rung is a number of EONS generations instead: each job requests every seed with
 * {@code generations} set to its rung's, and a promotion runs them again from generation 0 (ADR
 * 0007); its result is the mean of that rung's runs. A trial the scheduler can no longer promote is
 * published as {@link TrialPruned} at once ({@link RungScheduler#ruledOut}); when nothing is in
 * flight and nothing can start, the trials still waiting below the top rung are pruned and the
 * study is done. Plain Java; not thread-safe.
 */
final class ScheduledTrials {
  private final String studyId;
  private final StudySpec spec;
  private final SearchSpace space;
  private final RungScheduler scheduler;
  private final Map<Integer, Job> flight = new TreeMap<>();
  private final Map<Integer, TrialCompleted> latest = new TreeMap<>();

  /**
   * Over generations: each trial's results at rungs below its latest, whose runs it does not hold.
   */
  private final List<TrialCompleted> earlier = new ArrayList<>();

  /** Whether a rung counts EONS generations (each rung runs every seed again) instead of runs. */
  private final boolean generations;

  private final Set<Integer> pruned = new TreeSet<>();

  /** Proposals for new trials (without the budget's limit). */
  private final Proposer proposer;

  /**
   * Trials in flight whose request is not on the topics: a restore found their numbers missing (an
   * optimizer died between sending the requests of one decision, and a later one got through).
   */
  private final List<Integer> unpublished = new ArrayList<>();

  private boolean finished;

  ScheduledTrials(String studyId, StudySpec spec, SearchSpace space) {
    this.studyId = studyId;
    this.spec = spec;
    this.space = space;
    SchedulerSpec s = spec.scheduler();
    this.generations = s.fidelity().equals("generations");
    Proposer inner =
        spec.strategy().equals("bo")
            ? new ModelProposer(space, spec.optimizerSeed())
            : new RandomProposer(space, spec.optimizerSeed(), false);
    this.proposer = inner;
    int budget = spec.budget();
    Ladder ladder = Ladder.geometric(s.min(), s.max(), s.eta());
    Proposer limited = rungs -> rungs.trials().size() >= budget ? null : inner.propose(rungs);
    this.scheduler =
        s.type().equals("hyperband") ? new Hyperband(ladder, limited) : new Asha(ladder, limited);
  }

  /**
   * Rebuilds the scheduler from what the topics hold: a trial per number (its parameters from its
   * first request, or from a result whose request is gone), promoted out of every rung from the one
   * it started at to the highest it was requested at, its value at every rung it completed, pruned
   * where a {@link TrialPruned} says so; a trial requested at a rung without its result is in
   * flight; then the scheduler rebuilds its own state ({@link RungScheduler#rebuild}: Hyperband's
   * brackets). A trial number missing below the highest one is a request lost when an optimizer
   * died between the sends of one decision (a decision's requests go to different partitions, and a
   * later one may have got through): it becomes a new trial, proposed now among every configuration
   * the topics hold, in flight at its first rung (ASHA: 0; Hyperband: its neighbour's) and
   * published by the next {@link #fill}. Throws when the history is one this scheduler cannot have
   * written.
   */
  static ScheduledTrials restore(
      String studyId,
      StudySpec spec,
      SearchSpace space,
      Collection<TrialRequested> requested,
      Collection<TrialCompleted> results,
      Collection<Integer> prunedTrials) {
    ScheduledTrials s = new ScheduledTrials(studyId, spec, space);
    Rungs rungs = s.scheduler.rungs();
    TreeMap<Integer, Map<String, Object>> params = new TreeMap<>();
    Map<Integer, Integer> highest = new TreeMap<>();
    Map<Integer, Integer> lowest = new TreeMap<>();
    for (TrialRequested r : requested) {
      params.putIfAbsent(r.trialNumber(), space.canonical(r.params()));
      highest.merge(r.trialNumber(), rungOf(r.rung()), Math::max);
      lowest.merge(r.trialNumber(), rungOf(r.rung()), Math::min);
    }
    for (TrialCompleted t : results) {
      params.putIfAbsent(t.trialNumber(), space.canonical(t.params()));
      highest.merge(t.trialNumber(), rungOf(t.rung()), Math::max);
      lowest.merge(t.trialNumber(), rungOf(t.rung()), Math::min);
    }
    List<Integer> lost = s.proposeLost(params);
    int[] firstRung = new int[params.size()];
    for (Map.Entry<Integer, Map<String, Object>> e : params.entrySet()) {
      if (rungs.add(e.getValue()).id() != e.getKey()) {
        throw new IllegalArgumentException("trial numbers of " + studyId + " are not 0, 1, ...");
      }
      if (lost.contains(e.getKey())) {
        continue;
      }
      firstRung[e.getKey()] = lowest.get(e.getKey());
      for (int k = lowest.get(e.getKey()); k < highest.get(e.getKey()); k++) {
        rungs.promoted(e.getKey(), k);
      }
    }
    for (TrialCompleted t : results) {
      rungs.record(t.trialNumber(), rungOf(t.rung()), -t.objectiveAccuracy());
      s.keep(t);
    }
    s.rebuildWithLost(firstRung, lost);
    for (int n : lost) {
      highest.put(n, firstRung[n]);
    }
    s.unpublished.addAll(lost);
    Ladder ladder = rungs.ladder();
    for (Map.Entry<Integer, Integer> e : highest.entrySet()) {
      int n = e.getKey();
      int k = e.getValue();
      if (Double.isNaN(rungs.trial(n).value(k))) {
        int from = k == firstRung[n] ? 0 : ladder.runs(k - 1);
        s.flight.put(n, new Job(n, params.get(n), k, from, ladder.runs(k)));
      }
    }
    for (int n : prunedTrials) {
      if (n >= 0 && n < rungs.trials().size()) {
        rungs.prune(n);
        s.pruned.add(n);
      }
    }
    return s;
  }

  /**
   * Fills the trial numbers missing below the highest in {@code params} with new proposals (every
   * configuration of {@code params} taken) and returns those numbers, ascending.
   */
  private List<Integer> proposeLost(TreeMap<Integer, Map<String, Object>> params) {
    List<Integer> lost = new ArrayList<>();
    if (params.isEmpty() || params.lastKey() == params.size() - 1) {
      return lost;
    }
    if (params.lastKey() >= spec.budget()) {
      throw new IllegalArgumentException(
          "trial "
              + params.lastKey()
              + " of "
              + studyId
              + " is beyond its budget of "
              + spec.budget());
    }
    Rungs taken = new Rungs(scheduler.rungs().ladder());
    params.values().forEach(taken::add);
    for (int n = 0; n < params.lastKey(); n++) {
      if (!params.containsKey(n)) {
        Map<String, Object> c = proposer.propose(taken);
        if (c == null) {
          throw new IllegalArgumentException(
              "trial "
                  + n
                  + " of "
                  + studyId
                  + " was never published and no configuration is left");
        }
        taken.add(c);
        params.put(n, space.canonical(c));
        lost.add(n);
      }
    }
    return lost;
  }

  /**
   * Rebuilds the scheduler with each lost trial starting at the first rung of the trial before it,
   * else (Hyperband: it opened a bracket) of the trial after it.
   */
  private void rebuildWithLost(int[] firstRung, List<Integer> lost) {
    for (int n : lost) {
      firstRung[n] = neighbourRung(firstRung, lost, n, -1);
    }
    try {
      scheduler.rebuild(firstRung);
    } catch (IllegalArgumentException e) {
      if (lost.isEmpty()) {
        throw e;
      }
      for (int n : lost) {
        firstRung[n] = neighbourRung(firstRung, lost, n, +1);
      }
      scheduler.rebuild(firstRung);
    }
  }

  /** The first rung of the nearest trial in direction {@code step} that was not lost, else 0. */
  private static int neighbourRung(int[] firstRung, List<Integer> lost, int n, int step) {
    for (int i = n + step; i >= 0 && i < firstRung.length; i += step) {
      if (!lost.contains(i)) {
        return firstRung[i];
      }
    }
    return 0;
  }

  private static int rungOf(Integer rung) {
    return rung == null ? 0 : rung;
  }

  /**
   * Requests up to {@code slots} jobs in flight, then the trials ruled out; when nothing is in
   * flight and nothing can start, prunes the trials still waiting and finishes.
   */
  List<Event> fill(int slots) {
    List<Event> out = new ArrayList<>();
    if (finished) {
      return out;
    }
    for (int n : unpublished) {
      out.add(request(flight.get(n)));
    }
    unpublished.clear();
    while (flight.size() < slots) {
      Optional<Job> j = scheduler.next();
      if (j.isEmpty()) {
        break;
      }
      flight.put(j.get().trial(), j.get());
      out.add(request(j.get()));
    }
    for (Rungs.Trial t : scheduler.ruledOut(spec.budget())) {
      out.add(prune(t, scheduler.ruledOutReason(t.rung())));
    }
    if (flight.isEmpty()) {
      finished = true;
      for (Rungs.Trial t : scheduler.waiting()) {
        out.add(prune(t, "not promoted out of rung " + t.rung() + " when the study ended"));
      }
    }
    return out;
  }

  /**
   * A job's request: over runs, the seeds it adds; over generations, every seed again with the
   * rung's generations (a restart from generation 0).
   */
  private TrialRequested request(Job j) {
    Map<String, Object> params = new LinkedHashMap<>(spec.fixedParams());
    params.putAll(j.params());
    List<Long> seeds = spec.seeds();
    if (generations) {
      params.put(SchedulerProblems.GENERATIONS, scheduler.rungs().ladder().runs(j.rung()));
    } else {
      seeds = seeds.subList(j.fromRuns(), j.toRuns());
    }
    return new TrialRequested(
        Event.SCHEMA_VERSION, studyId, j.trial(), spec.dataset(), params, seeds, j.rung());
  }

  private TrialPruned prune(Rungs.Trial t, String reason) {
    scheduler.rungs().prune(t.id());
    pruned.add(t.id());
    return new TrialPruned(
        Event.SCHEMA_VERSION,
        studyId,
        t.id(),
        t.rung(),
        generations ? spec.seeds().size() : scheduler.rungs().ladder().runs(t.rung()),
        reason);
  }

  /** Reports a trial's result at the rung it is in flight for; false for a repeat or a stray. */
  boolean onCompleted(TrialCompleted t) {
    Job j = flight.get(t.trialNumber());
    if (j == null || rungOf(t.rung()) != j.rung()) {
      return false;
    }
    flight.remove(t.trialNumber());
    keep(t);
    scheduler.report(j, -t.objectiveAccuracy());
    return true;
  }

  /** Keeps a trial's result at its highest rung (over generations, the lower ones beside). */
  private void keep(TrialCompleted t) {
    TrialCompleted before = latest.get(t.trialNumber());
    if (before != null && rungOf(before.rung()) >= rungOf(t.rung())) {
      if (generations && rungOf(before.rung()) > rungOf(t.rung())) {
        earlier.add(t);
      }
      return;
    }
    latest.put(t.trialNumber(), t);
    if (before != null && generations) {
      earlier.add(before);
    }
  }

  /** Whether nothing can start any more and nothing is in flight. */
  boolean finished() {
    return finished;
  }

  /** Jobs published and not yet completed. */
  int inFlight() {
    return flight.size();
  }

  /** Trials started (each counted once, whatever its rung). */
  int trialsStarted() {
    return scheduler.rungs().trials().size();
  }

  /** Each trial's latest completion (every run so far), by trial number. */
  List<TrialCompleted> completed() {
    return List.copyOf(latest.values());
  }

  /**
   * Over generations, each trial's completions below its latest rung (their runs were run again
   * with more generations, so the latest does not hold them); null over runs.
   */
  List<TrialCompleted> earlierRungs() {
    return generations ? List.copyOf(earlier) : null;
  }

  /** Trials pruned so far, ascending. */
  List<Integer> pruned() {
    return List.copyOf(pruned);
  }

  /** The recommendation: the best trial of the highest rung reached ({@link Rungs#best}). */
  Optional<TrialCompleted> best() {
    int top = latest.values().stream().mapToInt(t -> rungOf(t.rung())).max().orElse(-1);
    return TrialCompleted.best(
        latest.values().stream().filter(t -> rungOf(t.rung()) == top).toList());
  }
}
