package org.neurohpo.model;

/**
 * An evaluator finished one run (one seed) of a trial.
 *
 * @param rung in a study with a scheduler, the rung of the request the run belongs to (a study
 *     whose scheduler counts EONS generations runs a seed again at each rung); null otherwise, and
 *     in records from before the field (the results service then takes the seed's only rung)
 */
public record RunEvaluated(
    int schemaVersion,
    String studyId,
    int trialNumber,
    RunFigures run,
    String evaluator,
    Integer rung)
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
    Checks.rung(rung);
  }

  /** A run of a study without a scheduler. */
  public RunEvaluated(
      int schemaVersion, String studyId, int trialNumber, RunFigures run, String evaluator) {
    this(schemaVersion, studyId, trialNumber, run, evaluator, null);
  }
}
