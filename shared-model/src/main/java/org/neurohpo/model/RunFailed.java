package org.neurohpo.model;

/** An evaluator could not evaluate one run of a trial; {@code reason} says why. */
public record RunFailed(
    int schemaVersion, String studyId, int trialNumber, long seed, String reason, String evaluator)
    implements Event {
  public RunFailed {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    reason = Checks.nonBlank("reason", reason);
    evaluator = Checks.nonBlank("evaluator", evaluator);
  }
}
