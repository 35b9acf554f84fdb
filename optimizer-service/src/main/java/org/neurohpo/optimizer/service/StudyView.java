package org.neurohpo.optimizer.service;

import java.util.List;
import java.util.Map;
import org.neurohpo.model.TrialCompleted;

/** What the REST API shows of a study ({@code trials} left out in lists). */
public record StudyView(
    String studyId,
    String name,
    String dataset,
    String strategy,
    String state,
    int budget,
    int trialsRequested,
    int trialsCompleted,
    String owner,
    Best best,
    List<TrialCompleted> trials) {

  /**
   * The best trial so far by mean validation accuracy ({@link StudyRun#best}), with its mean test
   * accuracy; {@code meanValidationAccuracy} is null for a trial of schema version 1.
   */
  public record Best(
      int trialNumber,
      Double meanValidationAccuracy,
      double meanTestAccuracy,
      Map<String, Object> params) {}

  static StudyView of(StudyRun run, String owner) {
    return of(run, owner, true);
  }

  /** The view, with its completed trials or (for lists) without them. */
  static StudyView of(StudyRun run, String owner, boolean withTrials) {
    List<TrialCompleted> trials = run.completedTrials();
    Best best =
        run.best()
            .map(
                t ->
                    new Best(
                        t.trialNumber(),
                        t.meanValidationAccuracy(),
                        t.meanTestAccuracy(),
                        t.params()))
            .orElse(null);
    return new StudyView(
        run.studyId(),
        run.spec().name(),
        run.spec().dataset(),
        run.spec().strategy(),
        run.state().name().toLowerCase(java.util.Locale.ROOT),
        run.spec().budget(),
        run.trialsRequested(),
        trials.size(),
        owner,
        best,
        withTrials ? trials : null);
  }
}
