package org.neurohpo.optimizer.service;

import java.util.List;
import java.util.Map;
import org.neurohpo.model.TrialCompleted;

/**
 * What the REST API shows of a study ({@code trials} left out in lists, and with {@code
 * trialsRequested} for a study another optimizer drives: see {@link Directory}).
 *
 * @param trials each trial's result; in a study with a scheduler its latest (every run so far, and
 *     its {@code rung})
 * @param pruned trials the study's scheduler pruned, ascending (empty without a scheduler; null
 *     where {@code trials} is)
 * @param runsUsed runs evaluated over every trial, pruned ones included, and over generations every
 *     rung's (null where {@code trials} is)
 * @param earlierRungs in a study whose scheduler counts EONS generations, each trial's results at
 *     the rungs below its latest: a promotion runs the seeds again with more generations, so their
 *     runs are not in {@code trials} (null otherwise)
 */
public record StudyView(
    String studyId,
    String name,
    String dataset,
    String strategy,
    String state,
    int budget,
    Integer trialsRequested,
    int trialsCompleted,
    String owner,
    Best best,
    List<TrialCompleted> trials,
    List<Integer> pruned,
    Integer runsUsed,
    List<TrialCompleted> earlierRungs) {

  /**
   * The best trial so far by mean validation accuracy ({@link StudyRun#best}), with its mean test
   * accuracy; {@code meanValidationAccuracy} is null for a trial of schema version 1.
   */
  public record Best(
      int trialNumber,
      Double meanValidationAccuracy,
      double meanTestAccuracy,
      Map<String, Object> params) {}

  /** The view of a study driven here, with its completed trials. */
  static StudyView of(StudyRun run, String owner) {
    List<TrialCompleted> trials = run.completedTrials();
    List<TrialCompleted> earlier = run.earlierRungs();
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
        trials,
        run.prunedTrials(),
        trials.stream().mapToInt(TrialCompleted::runsEvaluated).sum()
            + (earlier == null
                ? 0
                : earlier.stream().mapToInt(TrialCompleted::runsEvaluated).sum()),
        earlier);
  }

  /** The same view without its trials (for lists). */
  StudyView withoutTrials() {
    return new StudyView(
        studyId,
        name,
        dataset,
        strategy,
        state,
        budget,
        trialsRequested,
        trialsCompleted,
        owner,
        best,
        null,
        null,
        null,
        null);
  }
}
