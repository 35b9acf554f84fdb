package org.neurohpo.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Every run of a trial reported: the aggregated scores and their noise. A study optimises the
 * validation figures; the test figures are measured beside them for reporting and never steer a
 * search.
 *
 * @param meanValidationAccuracy mean validation accuracy over the successful runs; null in a record
 *     of schema version 1
 * @param stdValidationAccuracy sample standard deviation (n - 1) of the validation accuracies, 0
 *     for one run; null in a record of schema version 1
 * @param meanTestAccuracy mean test accuracy over the successful runs
 * @param stdTestAccuracy sample standard deviation (n - 1) over them, 0 for one run
 * @param failures reasons of failed runs, by seed order
 * @param rung in a study with a scheduler, the rung whose runs are all in (a promoted trial
 *     completes again at each rung, with every run so far: consumers keep the highest rung of a
 *     trial); null otherwise
 */
public record TrialCompleted(
    int schemaVersion,
    String studyId,
    int trialNumber,
    Map<String, Object> params,
    Double meanValidationAccuracy,
    Double stdValidationAccuracy,
    double meanTestAccuracy,
    double stdTestAccuracy,
    List<RunFigures> runs,
    List<String> failures,
    Integer rung)
    implements Event {

  /**
   * The best-trial rule: a higher {@link #objectiveAccuracy}, and of equal ones the earlier trial.
   * The greatest trial by this order is the best.
   */
  public static final Comparator<TrialCompleted> BY_OBJECTIVE =
      byObjective(TrialCompleted::objectiveAccuracy, TrialCompleted::trialNumber);

  /**
   * The best-trial rule for any record of a trial (a run folder's row, say): a higher {@code
   * objective}, and of equal ones the lower {@code trialNumber}. {@link #BY_OBJECTIVE} is this rule
   * on the wire's records; use it wherever a best trial is picked, so there is one rule.
   */
  public static <T> Comparator<T> byObjective(
      ToDoubleFunction<T> objective, ToIntFunction<T> trialNumber) {
    return Comparator.comparingDouble(objective)
        .thenComparing(Comparator.comparingInt(trialNumber).reversed());
  }

  public TrialCompleted {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    params = Checks.params(params);
    Checks.sinceVersion2(schemaVersion, "meanValidationAccuracy", meanValidationAccuracy);
    Checks.sinceVersion2(schemaVersion, "stdValidationAccuracy", stdValidationAccuracy);
    runs = Checks.list("runs", runs);
    failures = Checks.list("failures", failures == null ? List.of() : failures);
    Checks.rung(rung);
  }

  /** A trial of a study without a scheduler. */
  public TrialCompleted(
      int schemaVersion,
      String studyId,
      int trialNumber,
      Map<String, Object> params,
      Double meanValidationAccuracy,
      Double stdValidationAccuracy,
      double meanTestAccuracy,
      double stdTestAccuracy,
      List<RunFigures> runs,
      List<String> failures) {
    this(
        schemaVersion,
        studyId,
        trialNumber,
        params,
        meanValidationAccuracy,
        stdValidationAccuracy,
        meanTestAccuracy,
        stdTestAccuracy,
        runs,
        failures,
        null);
  }

  /** Runs evaluated for this trial: successful and failed. */
  public int runsEvaluated() {
    return runs.size() + failures.size();
  }

  /**
   * What a study maximises: the mean validation accuracy, or for a record of schema version 1
   * (written before validation existed, so selected on test) its mean test accuracy.
   */
  public double objectiveAccuracy() {
    return meanValidationAccuracy != null ? meanValidationAccuracy : meanTestAccuracy;
  }

  /**
   * The recommendation rule: a higher {@link #rung} first (a trial of a scheduled study measured on
   * more runs; no rung counts as below rung 0), then {@link #BY_OBJECTIVE}. Without a scheduler it
   * is {@link #BY_OBJECTIVE}; with one, the best trial is the best of the highest rung reached.
   */
  public static final Comparator<TrialCompleted> BY_RECOMMENDATION =
      Comparator.comparingInt((TrialCompleted t) -> t.rung() == null ? -1 : t.rung())
          .thenComparing(BY_OBJECTIVE);

  /**
   * The best of {@code trials} by {@link #BY_RECOMMENDATION} (by {@link #BY_OBJECTIVE} outside a
   * scheduled study); empty when there are none. Outside a scheduled study a set measured in
   * several trials (GP-BO runs a near-tied incumbent again on fresh seeds to check it) competes by
   * all its runs, as its {@link #pooled} record: a set whose re-run fell is not recommended on its
   * first, flattering trial.
   */
  public static Optional<TrialCompleted> best(Collection<TrialCompleted> trials) {
    Map<Map<String, Object>, List<TrialCompleted>> sets = new LinkedHashMap<>();
    List<TrialCompleted> candidates = new ArrayList<>();
    for (TrialCompleted t : trials) {
      if (t.rung() != null) {
        candidates.add(t); // a scheduled study never measures a set twice
      } else {
        sets.computeIfAbsent(t.params(), k -> new ArrayList<>()).add(t);
      }
    }
    sets.values().forEach(same -> candidates.add(pooled(same)));
    return candidates.stream().max(BY_RECOMMENDATION);
  }

  /**
   * One record for trials of the same set: numbered as the earliest of them, its means over all
   * their successful runs (each trial's mean weighted by its runs), its standard deviations over
   * those runs, every run and failure. The record itself when there is one; the validation figures
   * are null unless every trial has them (schema version 1 records).
   */
  public static TrialCompleted pooled(List<TrialCompleted> same) {
    if (same.isEmpty()) {
      throw new IllegalArgumentException("no trials to pool");
    }
    TrialCompleted first =
        same.stream().min(Comparator.comparingInt(TrialCompleted::trialNumber)).get();
    if (same.size() == 1) {
      return first;
    }
    List<RunFigures> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    double test = 0;
    double validation = 0;
    int n = 0;
    boolean validated = true;
    for (TrialCompleted t : same) {
      if (!t.params().equals(first.params())) {
        throw new IllegalArgumentException(
            "trials " + first.trialNumber() + " and " + t.trialNumber() + " differ in params");
      }
      runs.addAll(t.runs());
      failures.addAll(t.failures());
      int k = t.runs().size();
      test += t.meanTestAccuracy() * k;
      validated &= t.meanValidationAccuracy() != null;
      validation += validated ? t.meanValidationAccuracy() * k : 0;
      n += k;
    }
    if (n == 0) {
      return first;
    }
    validated &= runs.stream().allMatch(r -> r.validationAccuracy() != null);
    return new TrialCompleted(
        validated ? same.stream().mapToInt(TrialCompleted::schemaVersion).min().getAsInt() : 1,
        first.studyId(),
        first.trialNumber(),
        first.params(),
        validated ? validation / n : null,
        validated
            ? SampleStats.std(runs.stream().mapToDouble(RunFigures::validationAccuracy).toArray())
            : null,
        test / n,
        SampleStats.std(runs.stream().mapToDouble(RunFigures::testAccuracy).toArray()),
        runs,
        failures,
        null);
  }
}
