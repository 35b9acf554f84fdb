package org.neurohpo.model;

import java.time.Instant;
import java.util.Map;

/**
 * A study evaluated its whole budget (or met a stopping rule); the best trial is final. The best
 * trial is the one of the highest mean validation accuracy ({@link TrialCompleted#best}: a set
 * measured in several trials competes by all their runs, under the earliest trial's number); its
 * mean test accuracy is reported beside it.
 *
 * @param bestTrialNumber -1 when no trial completed
 * @param bestMeanValidationAccuracy the best set's, over all its runs; 0 when no trial completed;
 *     null in a record of schema version 1
 * @param bestMeanTestAccuracy the best set's, over the same runs; 0 when no trial completed
 * @param trialsPruned in a study with a scheduler, how many trials it pruned (each one's {@link
 *     TrialPruned} is on the trials topic); null otherwise
 */
public record StudyCompleted(
    int schemaVersion,
    String studyId,
    int trialsCompleted,
    int bestTrialNumber,
    Map<String, Object> bestParams,
    Double bestMeanValidationAccuracy,
    double bestMeanTestAccuracy,
    String reason,
    Instant completedAt,
    Integer trialsPruned)
    implements Event {
  public StudyCompleted {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    bestParams = Checks.params(bestParams);
    Checks.sinceVersion2(schemaVersion, "bestMeanValidationAccuracy", bestMeanValidationAccuracy);
    reason = Checks.nonBlank("reason", reason);
    if (trialsPruned != null && trialsPruned < 0) {
      throw new IllegalArgumentException("trialsPruned must be >= 0, got " + trialsPruned);
    }
  }

  /** The completion of a study without a scheduler. */
  public StudyCompleted(
      int schemaVersion,
      String studyId,
      int trialsCompleted,
      int bestTrialNumber,
      Map<String, Object> bestParams,
      Double bestMeanValidationAccuracy,
      double bestMeanTestAccuracy,
      String reason,
      Instant completedAt) {
    this(
        schemaVersion,
        studyId,
        trialsCompleted,
        bestTrialNumber,
        bestParams,
        bestMeanValidationAccuracy,
        bestMeanTestAccuracy,
        reason,
        completedAt,
        null);
  }
}
