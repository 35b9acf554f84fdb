package org.neurohpo.model;

import java.util.List;
import java.util.Map;

/**
 * The optimizer asks for one HP set to be evaluated once per seed.
 *
 * @param params every HP of the set, typed (the evaluator fills no defaults of its own)
 * @param seeds the study's seeds; for the k-th repeat of an HP set within a study, those seeds plus
 *     k x 1,000,000 (a repeat measures the set again instead of copying its first result); in a
 *     study with a scheduler, only the seeds this request adds (a promotion keeps the runs the
 *     trial has and adds seeds up to its new rung)
 * @param rung in a study with a scheduler, the rung this request brings the trial to (0 for a new
 *     trial; a later request of the same trial number is a promotion); null otherwise
 */
public record TrialRequested(
    int schemaVersion,
    String studyId,
    int trialNumber,
    String dataset,
    Map<String, Object> params,
    List<Long> seeds,
    Integer rung)
    implements Event {
  public TrialRequested {
    Checks.schemaVersion(schemaVersion);
    Checks.studyId(studyId);
    Checks.trialNumber(trialNumber);
    dataset = Checks.nonBlank("dataset", dataset);
    params = Checks.params(params);
    seeds = Checks.list("seeds", seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds must name at least one seed");
    }
    Checks.rung(rung);
  }

  /** A request of a study without a scheduler: every seed at once. */
  public TrialRequested(
      int schemaVersion,
      String studyId,
      int trialNumber,
      String dataset,
      Map<String, Object> params,
      List<Long> seeds) {
    this(schemaVersion, studyId, trialNumber, dataset, params, seeds, null);
  }
}
