package org.neurohpo.model;

import java.util.List;
import java.util.Map;

/**
 * The optimizer asks for one HP set to be evaluated once per seed.
 *
 * @param params every HP of the set, typed (the evaluator fills no defaults of its own)
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
