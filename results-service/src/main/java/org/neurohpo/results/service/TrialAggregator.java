package org.neurohpo.results.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFailed;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * Collects the runs of each trial and completes the trial once every requested seed has reported
 * (evaluated or failed). The first report of a seed counts; repeats (redeliveries) are ignored, and
 * a trial completes once. Requests and runs may arrive in any order. The mean and the sample
 * standard deviation (n - 1; 0 for one run) are over the successful runs; a trial whose runs all
 * failed has mean 0 and no runs. Plain Java; not thread-safe.
 */
public final class TrialAggregator {
  private final Map<String, Trial> trials = new HashMap<>();

  private static final class Trial {
    TrialRequested request;
    final Map<Long, RunFigures> runs = new LinkedHashMap<>();
    final Map<Long, String> failures = new LinkedHashMap<>();
    boolean completed;
  }

  private static String key(String studyId, int trialNumber) {
    return studyId + "#" + trialNumber;
  }

  private Trial trial(String studyId, int trialNumber) {
    return trials.computeIfAbsent(key(studyId, trialNumber), k -> new Trial());
  }

  /** A trial was requested; completes it if every run already reported. */
  public Optional<TrialCompleted> onRequested(TrialRequested request) {
    Trial t = trial(request.studyId(), request.trialNumber());
    if (t.request == null) {
      t.request = request;
    }
    return complete(t);
  }

  public Optional<TrialCompleted> onRun(RunEvaluated run) {
    Trial t = trial(run.studyId(), run.trialNumber());
    long seed = run.run().seed();
    if (!t.runs.containsKey(seed) && !t.failures.containsKey(seed)) {
      t.runs.put(seed, run.run());
    }
    return complete(t);
  }

  public Optional<TrialCompleted> onFailed(RunFailed failed) {
    Trial t = trial(failed.studyId(), failed.trialNumber());
    if (!t.runs.containsKey(failed.seed()) && !t.failures.containsKey(failed.seed())) {
      t.failures.put(failed.seed(), "seed " + failed.seed() + ": " + failed.reason());
    }
    return complete(t);
  }

  /** Routes any event; events of other kinds change nothing. */
  public Optional<TrialCompleted> on(Event event) {
    if (event instanceof TrialRequested r) {
      return onRequested(r);
    }
    if (event instanceof RunEvaluated r) {
      return onRun(r);
    }
    if (event instanceof RunFailed f) {
      return onFailed(f);
    }
    return Optional.empty();
  }

  private Optional<TrialCompleted> complete(Trial t) {
    if (t.completed || t.request == null) {
      return Optional.empty();
    }
    for (long seed : t.request.seeds()) {
      if (!t.runs.containsKey(seed) && !t.failures.containsKey(seed)) {
        return Optional.empty();
      }
    }
    t.completed = true;
    List<RunFigures> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (long seed : t.request.seeds()) {
      if (t.runs.containsKey(seed)) {
        runs.add(t.runs.get(seed));
      } else {
        failures.add(t.failures.get(seed));
      }
    }
    double mean = runs.stream().mapToDouble(RunFigures::testAccuracy).average().orElse(0);
    double ss =
        runs.stream().mapToDouble(r -> (r.testAccuracy() - mean) * (r.testAccuracy() - mean)).sum();
    double std = runs.size() > 1 ? Math.sqrt(ss / (runs.size() - 1)) : 0;
    TrialRequested r = t.request;
    return Optional.of(
        new TrialCompleted(
            Event.SCHEMA_VERSION,
            r.studyId(),
            r.trialNumber(),
            r.params(),
            mean,
            std,
            runs,
            failures));
  }
}
