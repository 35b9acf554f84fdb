package org.neurohpo.model;

import java.util.List;
import java.util.Map;

/**
 * Every run of a trial reported: the aggregated score and its noise.
 *
 * @param meanTestAccuracy mean over the successful runs
 * @param stdTestAccuracy sample standard deviation (n - 1) over them, 0 for one run
 * @param failures reasons of failed runs, by seed order
 */
public record TrialCompleted(
    int schemaVersion,
    String studyId,
    int trialNumber,
    Map<String, Object> params,
    double meanTestAccuracy,
    double stdTestAccuracy,
    List<RunFigures> runs,
    List<String> failures)
    implements Event {
  public TrialCompleted {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    params = Checks.params(params);
    runs = Checks.list("runs", runs);
    failures = Checks.list("failures", failures == null ? List.of() : failures);
  }
}
