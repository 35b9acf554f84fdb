package org.neurohpo.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a user asks for when creating a study.
 *
 * @param name a readable name
 * @param dataset a built-in data set name (or a path the evaluators can read)
 * @param strategy {@code grid}, {@code random} or {@code bo}
 * @param budget the number of trials (HP sets) to evaluate
 * @param seeds the seeds each trial is evaluated with (one run per seed)
 * @param searchSpace the search space in bayes-core's JSON format (validated by the optimizer)
 * @param fixedParams HP values fixed for every trial (typed)
 * @param optimizerSeed the seed of the optimizer's own randomness
 * @param scheduler a multi-fidelity scheduler, or null for none (every trial gets every seed); with
 *     one over runs, {@code seeds} must hold at least {@code scheduler.max} seeds and a trial at a
 *     rung of {@code r} runs uses the first {@code r}; with one over generations, a trial at a rung
 *     of {@code g} generations runs every seed with {@code generations = g}
 */
public record StudySpec(
    String name,
    String dataset,
    String strategy,
    int budget,
    List<Long> seeds,
    JsonNode searchSpace,
    Map<String, Object> fixedParams,
    long optimizerSeed,
    SchedulerSpec scheduler) {

  public StudySpec {
    name = Checks.nonBlank("name", name);
    dataset = Checks.nonBlank("dataset", dataset);
    if (!List.of("grid", "random", "bo", "parego").contains(strategy)) {
      throw new IllegalArgumentException(
          "strategy must be one of grid, random, bo, parego; got '" + strategy + "'");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, got " + budget);
    }
    seeds = Checks.list("seeds", seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds must name at least one seed");
    }
    if (searchSpace == null || !searchSpace.isContainerNode()) {
      throw new IllegalArgumentException("searchSpace must be a JSON object or array");
    }
    fixedParams = Checks.params(fixedParams == null ? Map.of() : fixedParams);
    if (scheduler != null
        && "runs".equals(scheduler.fidelity())
        && seeds.size() < scheduler.max()) {
      throw new IllegalArgumentException(
          "scheduler.max is "
              + scheduler.max()
              + " runs but seeds name only "
              + seeds.size()
              + "; give at least "
              + scheduler.max()
              + " seeds");
    }
  }

  /** A study without a scheduler. */
  public StudySpec(
      String name,
      String dataset,
      String strategy,
      int budget,
      List<Long> seeds,
      JsonNode searchSpace,
      Map<String, Object> fixedParams,
      long optimizerSeed) {
    this(name, dataset, strategy, budget, seeds, searchSpace, fixedParams, optimizerSeed, null);
  }
}
