package org.neurohpo.optimizer.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.neurohpo.bayes.space.SpaceJson;

/** Every problem of a study spec, each naming the field, so a user can fix them all at once. */
public final class SpecProblems {
  private static final Set<String> STRATEGIES = Set.of("grid", "random", "bo", "parego");

  private SpecProblems() {}

  public static List<String> of(JsonNode spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null || !spec.isObject()) {
      problems.add("the study spec must be a JSON object");
      return problems;
    }
    text(spec, "name", problems);
    text(spec, "dataset", problems);
    JsonNode strategy = spec.get("strategy");
    if (strategy == null || !STRATEGIES.contains(strategy.asText())) {
      problems.add("strategy must be one of grid, random, bo, parego; got " + strategy);
    }
    JsonNode budget = spec.get("budget");
    if (budget == null || !budget.isIntegralNumber() || budget.asInt() < 1) {
      problems.add("budget must be an integer >= 1 (trials); got " + budget);
    }
    JsonNode seeds = spec.get("seeds");
    if (seeds == null || !seeds.isArray() || seeds.isEmpty()) {
      problems.add("seeds must be a non-empty list of integers (one run per seed)");
    } else {
      for (JsonNode s : seeds) {
        if (!s.isIntegralNumber()) {
          problems.add("seeds must hold integers; got " + s);
        }
      }
    }
    JsonNode space = spec.get("searchSpace");
    if (space == null || space.isNull()) {
      problems.add("searchSpace is missing");
    } else {
      try {
        SpaceJson.fromNode(space);
      } catch (IllegalArgumentException e) {
        problems.add("searchSpace: " + e.getMessage());
      }
    }
    JsonNode fixed = spec.get("fixedParams");
    if (fixed != null && !fixed.isNull()) {
      if (!fixed.isObject()) {
        problems.add("fixedParams must be an object of HP values");
      } else {
        fixed
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    problems.add(
                        "fixedParams." + e.getKey() + " must be a number, true/false or a name");
                  }
                });
      }
    }
    JsonNode seed = spec.get("optimizerSeed");
    if (seed != null && !seed.isIntegralNumber()) {
      problems.add("optimizerSeed must be an integer; got " + seed);
    }
    return problems;
  }

  private static void text(JsonNode spec, String field, List<String> problems) {
    JsonNode v = spec.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add(field + " must be a non-empty string");
    }
  }
}
