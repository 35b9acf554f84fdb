package org.neurohpo.optimizer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Candidate;
import org.neurohpo.bayes.strategy.GridStrategy;
import org.neurohpo.bayes.strategy.Observation;
import org.neurohpo.bayes.strategy.ParEgoStrategy;
import org.neurohpo.bayes.strategy.RandomStrategy;
import org.neurohpo.bayes.strategy.Strategy;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * One running study: asks its strategy for trials, keeps {@code inFlight} of them out, tells it
 * each trial's result (minimising minus the mean validation accuracy, {@link
 * TrialCompleted#objectiveAccuracy}) and completes after {@code budget} trials. The test accuracy
 * travels with each trial for reporting but never reaches the strategy nor picks the best trial. A
 * study with a {@code scheduler} hands its trials to {@link ScheduledTrials} instead (promotions,
 * pruned trials; ADR 0007). Plain Java; not thread-safe (the registry serialises calls).
 */
public final class StudyRun {
  /** Where a study stands. */
  public enum State {
    RUNNING,
    COMPLETED,
    STOPPED
  }

  private final String studyId;
  private final StudySpec spec;

  /** Null once the study stopped: its model is let go (late results are only recorded). */
  private Strategy strategy;

  /** The scheduler of a study with one (then {@link #strategy} is unused), else null. */
  private ScheduledTrials scheduled;

  private final int inFlight;
  private final Map<Integer, Candidate> pending = new LinkedHashMap<>();
  private final SearchSpace space;
  private final Map<String, Integer> requestsBySet = new java.util.HashMap<>();
  private final List<TrialCompleted> completed = new ArrayList<>();
  private int requested;

  /**
   * Trial numbers below {@link #requested} that the topics do not hold, found by {@link #restore}:
   * an optimizer died between the sends of one decision (its requests go to different partitions,
   * and a later one got through). The next new trials take these numbers first.
   */
  private final java.util.ArrayDeque<Integer> lost = new java.util.ArrayDeque<>();

  private State state = State.RUNNING;

  StudyRun(String studyId, StudySpec spec, int inFlight, int gridLevels) {
    this.studyId = studyId;
    this.spec = spec;
    this.inFlight = Math.max(1, inFlight);
    SearchSpace space = SpaceJson.fromNode(spec.searchSpace());
    this.space = space;
    if (spec.scheduler() != null) {
      this.scheduled = new ScheduledTrials(studyId, spec, space);
      return;
    }
    this.strategy =
        switch (spec.strategy()) {
          case "grid" -> new GridStrategy(space, spec.optimizerSeed(), gridLevels);
          // random search as users know it: independent uniform draws (GP-BO's initial design
          // is the scrambled Halton sequence instead)
          case "random" -> new RandomStrategy(space, spec.optimizerSeed(), false);
          case "parego" ->
              new ParEgoStrategy(
                  space,
                  spec.optimizerSeed(),
                  BayesOptions.forStudy(space.parameters().size(), spec.budget()),
                  2);
          default ->
              new BayesianStrategy(
                  space,
                  spec.optimizerSeed(),
                  BayesOptions.forStudy(space.parameters().size(), spec.budget()));
        };
  }

  /**
   * Rebuilds a study from its history on the topics (after an optimizer restart): every trial
   * requested is pending in the strategy until its result is told, so it is never proposed again;
   * trial numbers go on after the highest one published, a number missing below it (a request lost
   * in a crash) taken first; the strategy is told every result.
   */
  static StudyRun restore(
      String studyId,
      StudySpec spec,
      int inFlight,
      int gridLevels,
      List<TrialRequested> requested,
      List<TrialCompleted> results,
      List<Integer> pruned,
      boolean stopped) {
    StudyRun run = new StudyRun(studyId, spec, inFlight, gridLevels);
    if (run.scheduled != null) {
      run.scheduled = ScheduledTrials.restore(studyId, spec, run.space, requested, results, pruned);
      if (stopped) {
        run.stop();
      }
      return run;
    }
    for (TrialRequested r : requested) {
      if (!run.pending.containsKey(r.trialNumber()) && r.trialNumber() >= 0) {
        run.countRequest(r.params());
        run.pending.put(r.trialNumber(), run.strategy.resume(r.params()));
        run.requested = Math.max(run.requested, r.trialNumber() + 1);
      }
    }
    for (TrialCompleted t : results) {
      if (!run.pending.containsKey(t.trialNumber()) && t.trialNumber() >= 0) {
        // a result whose request is gone (read from the archive after the trials topic's
        // retention): it was requested, with its parameters
        run.countRequest(t.params());
        run.pending.put(t.trialNumber(), run.strategy.resume(t.params()));
        run.requested = Math.max(run.requested, t.trialNumber() + 1);
      }
      run.onCompleted(t);
    }
    Set<Integer> seen = new HashSet<>(run.pending.keySet());
    run.completed.forEach(t -> seen.add(t.trialNumber()));
    for (int n = 0; n < Math.min(run.requested, spec.budget()); n++) { // bounded by the budget
      if (!seen.contains(n)) {
        run.lost.add(n);
      }
    }
    if (stopped) {
      run.stop();
    }
    return run;
  }

  public String studyId() {
    return studyId;
  }

  public StudySpec spec() {
    return spec;
  }

  public State state() {
    return state;
  }

  public int trialsRequested() {
    return scheduled != null ? scheduled.trialsStarted() : requested;
  }

  /** Trials published and not yet completed (0 once the study stopped or completed). */
  public int inFlight() {
    return state == State.RUNNING ? pendingTrials() : 0;
  }

  /** Trials published and not yet completed, also after the study stopped (they may report). */
  int pendingTrials() {
    return scheduled != null ? scheduled.inFlight() : pending.size();
  }

  /** Each trial's result (in a scheduled study its latest: every run so far). */
  public List<TrialCompleted> completedTrials() {
    return scheduled != null ? scheduled.completed() : List.copyOf(completed);
  }

  /**
   * In a study whose scheduler counts generations, each trial's results below its latest rung
   * (their runs are not in the latest); null otherwise.
   */
  public List<TrialCompleted> earlierRungs() {
    return scheduled != null ? scheduled.earlierRungs() : null;
  }

  /** Trials the scheduler pruned, ascending; empty without a scheduler. */
  public List<Integer> prunedTrials() {
    return scheduled != null ? scheduled.pruned() : List.of();
  }

  /**
   * New trials that bring the number in flight up to the target, within the budget (with a
   * scheduler: new trials and promotions, and {@link org.neurohpo.model.TrialPruned} events).
   */
  List<Event> fill() {
    List<Event> out = new ArrayList<>();
    if (state != State.RUNNING) {
      return out;
    }
    if (scheduled != null) {
      out.addAll(scheduled.fill(inFlight));
      if (scheduled.finished()) {
        state = State.COMPLETED;
      }
      return out;
    }
    int want = Math.min(inFlight - pending.size(), spec.budget() - requested + lost.size());
    if (want <= 0) {
      return out;
    }
    for (Candidate c : strategy.ask(want)) {
      Integer again = lost.poll();
      int number = again != null ? again : requested++;
      pending.put(number, c);
      Map<String, Object> params = new LinkedHashMap<>(spec.fixedParams());
      params.putAll(c.params());
      int repeat = countRequest(c.params());
      out.add(
          new TrialRequested(
              Event.SCHEMA_VERSION,
              studyId,
              number,
              spec.dataset(),
              params,
              seedsOfRepeat(spec.seeds(), repeat)));
    }
    if (out.isEmpty() && pending.isEmpty()) {
      state = State.COMPLETED; // the space is exhausted (a finished grid)
    }
    return out;
  }

  /** Seeds of a repeated HP set lie this far apart per repeat: never those of another repeat. */
  static final long REPEAT_SEED_STRIDE = 1_000_000L;

  /**
   * The seeds of the {@code repeat}-th repeat of an HP set in a study (0: its first trial): the
   * study's seeds shifted by {@code repeat * REPEAT_SEED_STRIDE}. A strategy repeats a set to
   * measure it again (GP-BO re-runs noisy near-ties at the end of a budget); on the same seeds an
   * evaluation is deterministic, so a repeat on them would only copy the first result.
   */
  static List<Long> seedsOfRepeat(List<Long> seeds, int repeat) {
    if (repeat == 0) {
      return seeds;
    }
    return seeds.stream().map(s -> s + repeat * REPEAT_SEED_STRIDE).toList();
  }

  /** Counts a request of an HP set; returns how many requests of it came before. */
  private int countRequest(Map<String, ?> params) {
    String key = space.key(space.canonical(params));
    return requestsBySet.merge(key, 1, Integer::sum) - 1;
  }

  /**
   * The objectives of a multi-objective study (parego), both minimised: minus the mean validation
   * accuracy, and the energy proxy log(1 + mean synapse events per inference) (the log keeps
   * energies that span orders of magnitude comparable). A trial with no run has no energy: NaN,
   * counted as the worst.
   */
  static double[] objectives(TrialCompleted result) {
    double energy =
        result.runs().stream()
            .mapToDouble(org.neurohpo.model.RunFigures::synapseEventsPerSample)
            .average()
            .orElse(Double.NaN);
    return new double[] {-result.objectiveAccuracy(), Math.log1p(energy)};
  }

  /** Tells the strategy a trial's result; duplicates and unknown trials are ignored. */
  boolean onCompleted(TrialCompleted result) {
    if (scheduled != null) {
      return scheduled.onCompleted(result); // stopped: recorded all the same
    }
    Candidate c = pending.remove(result.trialNumber());
    if (c == null) {
      return false;
    }
    completed.add(result);
    if (strategy == null) {
      return true; // stopped: recorded, nothing to learn from it
    }
    strategy.tell(
        List.of(
            new Observation(c.id(), c.params(), -result.objectiveAccuracy(), objectives(result))));
    if (completed.size() >= spec.budget()) {
      state = State.COMPLETED;
    }
    return true;
  }

  void stop() {
    if (state == State.RUNNING) {
      state = State.STOPPED;
      strategy = null;
    }
  }

  /**
   * The best trial so far by observed mean validation accuracy, ties to the earlier trial, a set
   * measured in several trials (GP-BO's re-runs) by all their runs ({@link TrialCompleted#best});
   * its test accuracy plays no part.
   */
  public Optional<TrialCompleted> best() {
    return scheduled != null ? scheduled.best() : TrialCompleted.best(completed);
  }

  /** The completion event, once the study has completed. */
  Optional<StudyCompleted> completion() {
    if (state != State.COMPLETED) {
      return Optional.empty();
    }
    TrialCompleted b = best().orElse(null);
    int done = completedTrials().size();
    // a best trial of schema 1 (measured before validation existed) has no validation figure
    boolean validated = b == null || b.meanValidationAccuracy() != null;
    return Optional.of(
        new StudyCompleted(
            validated ? Event.SCHEMA_VERSION : 1,
            studyId,
            done,
            b == null ? -1 : b.trialNumber(),
            b == null ? Map.of() : b.params(),
            b == null ? Double.valueOf(0) : b.meanValidationAccuracy(),
            b == null ? 0 : b.meanTestAccuracy(),
            (scheduled != null ? trialsRequested() : done) >= spec.budget()
                ? "budget"
                : "space exhausted",
            Instant.now(),
            scheduled != null ? scheduled.pruned().size() : null));
  }
}
