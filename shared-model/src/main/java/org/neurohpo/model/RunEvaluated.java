package org.neurohpo.model;

/** An evaluator finished one run (one seed) of a trial. */
public record RunEvaluated(
    int schemaVersion, String studyId, int trialNumber, RunFigures run, String evaluator)
    implements Event {
  public RunEvaluated {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    if (run == null) {
      throw new IllegalArgumentException("run must not be null");
    }
    Checks.sinceVersion2(schemaVersion, "run.validationAccuracy", run.validationAccuracy());
    evaluator = Checks.nonBlank("evaluator", evaluator);
  }
}
