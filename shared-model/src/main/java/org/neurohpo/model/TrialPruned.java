package org.neurohpo.model;

/**
 * The optimizer's scheduler ruled a trial out (issue 17): it will not be promoted to more runs.
 * Published on {@link Topics#TRIALS} under the trial's key, after the trial's requests; evaluators
 * start no run of it that is still waiting. Its completed runs stay valid results.
 *
 * @param rung the highest rung the trial reached (0 is the lowest)
 * @param runs the runs (seeds) it was given in all
 * @param reason why, e.g. {@code not in the top 1/3 of rung 0}
 */
public record TrialPruned(
    int schemaVersion, String studyId, int trialNumber, int rung, int runs, String reason)
    implements Event {
  public TrialPruned {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    if (rung < 0) {
      throw new IllegalArgumentException("rung must be >= 0, got " + rung);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, got " + runs);
    }
    reason = Checks.nonBlank("reason", reason);
  }
}
