package org.neurohpo.results.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * <p>A scheduled study's trial (issue 17, ADR 0007) is requested once per rung: it completes at a
 * rung once each seed requested up to that rung reported at the highest of those rungs that
 * requested it, as a record with that {@code rung}, the parameters of that rung's request and those
 * runs; a trial completes at most once per rung. Over runs a promotion requests new seeds, so a
 * rung's record has every run so far; over generations it requests the same seeds again (with more
 * generations), so a rung's record has that rung's runs only. A run is matched to its rung by its
 * {@code rung} (one without, from an evaluator before the field, to any rung that requested its
 * seed). Plain Java; not thread-safe.
 */
public final class TrialAggregator {
  private final Map<String, Map<Integer, Trial>> byStudy = new HashMap<>();

  /** The rung of a request or run of a study without a scheduler (and of a run without one). */
  private static final int NONE = -1;

  private static final class Trial {
    /** Requests by rung ({@link #NONE}: a study without a scheduler); the first of each counts. */
    final TreeMap<Integer, TrialRequested> requests = new TreeMap<>();

    /** Each report, a run's figures or a failure's reason, by rung then seed; the first counts. */
    final Map<Integer, Map<Long, Object>> reports = new HashMap<>();

    int completedRung = Integer.MIN_VALUE;

    void report(Integer rung, long seed, Object figuresOrReason) {
      reports
          .computeIfAbsent(rung == null ? NONE : rung, k -> new HashMap<>())
          .putIfAbsent(seed, figuresOrReason);
    }

    /** The report of {@code seed} at {@code rung}, or of a run that named no rung; null if none. */
    Object reported(int rung, long seed) {
      Object r = reports.getOrDefault(rung, Map.of()).get(seed);
      return r != null || rung == NONE ? r : reports.getOrDefault(NONE, Map.of()).get(seed);
    }
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
    t.requests.putIfAbsent(request.rung() == null ? NONE : request.rung(), request);
    return complete(t);
  }

  public Optional<TrialCompleted> onRun(RunEvaluated run) {
    Trial t = trial(run.studyId(), run.trialNumber());
    t.report(run.rung(), run.run().seed(), run.run());
    return complete(t);
  }

  public Optional<TrialCompleted> onFailed(RunFailed failed) {
    Trial t = trial(failed.studyId(), failed.trialNumber());
    t.report(failed.rung(), failed.seed(), "seed " + failed.seed() + ": " + failed.reason());
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
    // each seed requested so far, with the highest rung that requested it
    Map<Long, Integer> seeds = new LinkedHashMap<>();
    Map<Long, Object> reports = null;
    TrialRequested at = null;
    for (Map.Entry<Integer, TrialRequested> e : t.requests.entrySet()) {
      for (long seed : e.getValue().seeds()) {
        seeds.put(seed, e.getKey());
      }
      Map<Long, Object> all = new LinkedHashMap<>();
      for (Map.Entry<Long, Integer> s : seeds.entrySet()) {
        Object r = t.reported(s.getValue(), s.getKey());
        if (r == null) {
          break;
        }
        all.put(s.getKey(), r);
      }
      if (all.size() < seeds.size()) {
        break;
      }
      reports = all;
      at = e.getValue();
    }
    int rung = at == null ? Integer.MIN_VALUE : at.rung() == null ? NONE : at.rung();
    if (at == null || rung <= t.completedRung) {
      return Optional.empty();
    }
    t.completedRung = rung;
    List<RunFigures> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Object r : reports.values()) {
      if (r instanceof RunFigures f) {
        runs.add(f);
      } else {
        failures.add((String) r);
      }
    }
    double[] test = runs.stream().mapToDouble(RunFigures::testAccuracy).toArray();
    boolean validated = runs.stream().allMatch(f -> f.validationAccuracy() != null);
    double[] validation =
        validated ? runs.stream().mapToDouble(RunFigures::validationAccuracy).toArray() : null;
    return Optional.of(
        new TrialCompleted(
            validated ? Event.SCHEMA_VERSION : 1,
            at.studyId(),
            at.trialNumber(),
            at.params(),
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
