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
import org.neurohpo.model.SampleStats;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * Collects the runs of each trial and completes the trial once every requested seed has reported
 * (evaluated or failed). The first report of a seed counts; repeats (redeliveries) are ignored, and
 * a trial completes once. Requests and runs may arrive in any order. The means and the sample
 * standard deviations (n - 1; 0 for one run) of the validation and the test accuracies are over the
 * successful runs; a trial whose runs all failed has means 0 and no runs. A trial with a run from a
 * schema version 1 evaluator (no validation accuracy) completes as a version 1 record, without
 * validation figures.
 *
 * <p>A scheduled study's trial (issue 17, ADR 0007) is requested once per rung, each request with
 * the seeds it adds: it completes at a rung once every seed requested up to that rung reported, as
 * a record with that {@code rung} and every run so far; a trial completes at most once per rung.
 * Plain Java; not thread-safe.
 */
public final class TrialAggregator {
  private final Map<String, Map<Integer, Trial>> byStudy = new HashMap<>();

  private static final class Trial {
    /** Requests by rung (-1: a trial of a study without a scheduler); the first of each counts. */
    final java.util.TreeMap<Integer, TrialRequested> requests = new java.util.TreeMap<>();

    final Map<Long, RunFigures> runs = new LinkedHashMap<>();
    final Map<Long, String> failures = new LinkedHashMap<>();
    int completedRung = Integer.MIN_VALUE;
  }

  private Trial trial(String studyId, int trialNumber) {
    return byStudy
        .computeIfAbsent(studyId, k -> new HashMap<>())
        .computeIfAbsent(trialNumber, k -> new Trial());
  }

  /** Forgets a study whose every trial is done (archived whole): its runs are not needed again. */
  public void forget(String studyId) {
    byStudy.remove(studyId);
  }

  /** A trial was requested; completes it if every run already reported. */
  public Optional<TrialCompleted> onRequested(TrialRequested request) {
    Trial t = trial(request.studyId(), request.trialNumber());
    t.requests.putIfAbsent(request.rung() == null ? -1 : request.rung(), request);
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

  /**
   * The trial's completion at the highest rung whose seeds (with those of every rung below) have
   * all reported, when it did not complete there or higher yet.
   */
  private Optional<TrialCompleted> complete(Trial t) {
    List<Long> seeds = new ArrayList<>();
    int rung = Integer.MIN_VALUE;
    TrialRequested first = t.requests.isEmpty() ? null : t.requests.firstEntry().getValue();
    for (Map.Entry<Integer, TrialRequested> e : t.requests.entrySet()) {
      List<Long> more = new ArrayList<>(seeds);
      more.addAll(e.getValue().seeds());
      if (!more.stream().allMatch(s -> t.runs.containsKey(s) || t.failures.containsKey(s))) {
        break;
      }
      seeds = more;
      rung = e.getKey();
    }
    if (rung == Integer.MIN_VALUE || rung <= t.completedRung) {
      return Optional.empty();
    }
    t.completedRung = rung;
    List<RunFigures> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (long seed : seeds) {
      if (t.runs.containsKey(seed)) {
        runs.add(t.runs.get(seed));
      } else {
        failures.add(t.failures.get(seed));
      }
    }
    double[] test = runs.stream().mapToDouble(RunFigures::testAccuracy).toArray();
    boolean validated = runs.stream().allMatch(f -> f.validationAccuracy() != null);
    double[] validation =
        validated ? runs.stream().mapToDouble(RunFigures::validationAccuracy).toArray() : null;
    TrialRequested r = first;
    return Optional.of(
        new TrialCompleted(
            validated ? Event.SCHEMA_VERSION : 1,
            r.studyId(),
            r.trialNumber(),
            r.params(),
            validated ? mean(validation) : null,
            validated ? std(validation) : null,
            mean(test),
            std(test),
            runs,
            failures,
            rung < 0 ? null : rung));
  }

  /** The mean, 0 for no value. */
  static double mean(double[] values) {
    return values.length == 0 ? 0 : SampleStats.mean(values);
  }

  /** The sample standard deviation (n - 1), 0 for fewer than two values. */
  static double std(double[] values) {
    return SampleStats.std(values);
  }
}
