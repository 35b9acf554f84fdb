package org.neurohpo.model;

import java.util.List;
import java.util.Map;

/**
 * The optimizer asks for one HP set to be evaluated once per seed.
 *
 * @param params every HP of the set, typed (the evaluator fills no defaults of its own)
 * @param seeds the study's seeds; for the k-th repeat of an HP set within a study, those seeds plus
 *     k x 1,000,000 (a repeat measures the set again instead of copying its first result)
 */
public record TrialRequested(
    int schemaVersion,
    String studyId,
    int trialNumber,
    String dataset,
    Map<String, Object> params,
    List<Long> seeds)
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
  }
}
