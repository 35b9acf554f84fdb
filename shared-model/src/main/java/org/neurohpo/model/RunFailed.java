package org.neurohpo.model;

/**
 * An evaluator could not evaluate one run of a trial; {@code reason} says why.
 *
 * @param rung as {@link RunEvaluated#rung}
 */
public record RunFailed(
    int schemaVersion,
    String studyId,
    int trialNumber,
    long seed,
    String reason,
    String evaluator,
    Integer rung)
    implements Event {
  public RunFailed {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    reason = Checks.nonBlank("reason", reason);
    evaluator = Checks.nonBlank("evaluator", evaluator);
    Checks.rung(rung);
  }

  /** A failed run of a study without a scheduler. */
  public RunFailed(
      int schemaVersion,
      String studyId,
      int trialNumber,
      long seed,
      String reason,
      String evaluator) {
    this(schemaVersion, studyId, trialNumber, seed, reason, evaluator, null);
  }
}
