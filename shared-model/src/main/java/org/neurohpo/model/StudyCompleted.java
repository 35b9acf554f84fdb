package org.neurohpo.model;

import java.time.Instant;
import java.util.Map;

/** A study evaluated its whole budget (or met a stopping rule); the best trial is final. */
public record StudyCompleted(
    int schemaVersion,
    String studyId,
    int trialsCompleted,
    int bestTrialNumber,
    Map<String, Object> bestParams,
    double bestMeanTestAccuracy,
    String reason,
    Instant completedAt)
    implements Event {
  public StudyCompleted {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    bestParams = Checks.params(bestParams);
    reason = Checks.nonBlank("reason", reason);
  }
}
