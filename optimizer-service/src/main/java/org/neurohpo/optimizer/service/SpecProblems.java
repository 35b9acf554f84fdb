package org.neurohpo.optimizer.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.HpContract;

/**
 * Every problem of a study spec, each naming the field, so a user can fix them all at once. A spec
 * is checked whole before anything is registered or published: known fields only, a built-in data
 * set by name (never a path), known HPs with values and ranges inside the catalogue's, finite
 * numbers, and sizes within {@link Limits}.
 */
public final class SpecProblems {
  private static final Set<String> STRATEGIES = Set.of("grid", "random", "bo", "parego");
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "dataset",
          "strategy",
          "budget",
          "seeds",
          "searchSpace",
          "fixedParams",
          "optimizerSeed",
          "scheduler");

  /**
   * Sizes a spec may not exceed.
   *
   * @param maxNameLength characters of a study's name
   * @param maxBudget trials of one study
   * @param maxSeeds seeds (runs per trial) of one study
   * @param maxParameters HPs of the search space, and fixed HPs
   */
  public record Limits(int maxNameLength, int maxBudget, int maxSeeds, int maxParameters) {
    public static final Limits DEFAULT = new Limits(200, 10_000, 100, 64);
  }

  private SpecProblems() {}

  public static List<String> of(JsonNode spec) {
    return of(spec, Limits.DEFAULT, id -> false);
  }

  /**
   * @param registered whether a data set id ({@code sha256:...}) is registered
   */
  public static List<String> of(JsonNode spec, Limits limits, Predicate<String> registered) {
    List<String> problems = new ArrayList<>();
    if (spec == null || !spec.isObject()) {
      problems.add("the study spec must be a JSON object");
      return problems;
    }
    spec.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                problems.add(
                    "unknown field '"
                        + clip(f)
                        + "' (a study spec has "
                        + String.join(", ", FIELDS.stream().sorted().toList())
                        + ")");
              }
            });
    nonFinite(spec, "", problems);
    text(spec, "name", problems);
    JsonNode name = spec.get("name");
    if (name != null && name.isTextual() && name.asText().length() > limits.maxNameLength()) {
      problems.add(
          "name must be at most "
              + limits.maxNameLength()
              + " characters; got "
              + name.asText().length());
    }
    dataset(spec.get("dataset"), registered, problems);
    JsonNode strategy = spec.get("strategy");
    if (strategy == null || !STRATEGIES.contains(strategy.asText())) {
      problems.add("strategy must be one of grid, random, bo, parego; got " + clip(strategy));
    }
    JsonNode budget = spec.get("budget");
    if (budget == null
        || !budget.isIntegralNumber()
        || budget.asLong() < 1
        || budget.asLong() > limits.maxBudget()) {
      problems.add(
          "budget must be an integer in [1, "
              + limits.maxBudget()
              + "] (trials); got "
              + clip(budget));
    }
    JsonNode seeds = spec.get("seeds");
    if (seeds == null || !seeds.isArray() || seeds.isEmpty()) {
      problems.add("seeds must be a non-empty list of integers (one run per seed)");
    } else if (seeds.size() > limits.maxSeeds()) {
      problems.add("seeds must hold at most " + limits.maxSeeds() + " seeds; got " + seeds.size());
    } else {
      for (JsonNode s : seeds) {
        if (!s.isIntegralNumber() || !s.canConvertToLong() || s.asLong() < 0) {
          problems.add("seeds must hold integers >= 0; got " + clip(s));
        }
      }
    }
    JsonNode space = spec.get("searchSpace");
    if (space == null || space.isNull()) {
      problems.add("searchSpace is missing");
    } else {
      try {
        SpaceJson.fromNode(space);
        spaceAgainstCatalogue(space, limits, problems);
      } catch (IllegalArgumentException e) {
        problems.add("searchSpace: " + e.getMessage());
      }
    }
    JsonNode fixed = spec.get("fixedParams");
    if (fixed != null && !fixed.isNull()) {
      if (!fixed.isObject()) {
        problems.add("fixedParams must be an object of HP values");
      } else if (fixed.size() > limits.maxParameters()) {
        problems.add(
            "fixedParams must hold at most "
                + limits.maxParameters()
                + " HPs; got "
                + fixed.size());
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = fixed.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          HpContract.valueProblem(e.getKey(), e.getValue())
              .ifPresent(p -> problems.add("fixedParams: " + clip(p)));
        }
      }
    }
    JsonNode seed = spec.get("optimizerSeed");
    if (seed != null && !seed.isNull() && (!seed.isIntegralNumber() || !seed.canConvertToLong())) {
      problems.add("optimizerSeed must be an integer; got " + clip(seed));
    }
    SchedulerProblems.check(spec, problems);
    return problems;
  }

  private static void dataset(JsonNode v, Predicate<String> registered, List<String> problems) {
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add("dataset must be a non-empty string");
      return;
    }
    String d = v.asText();
    if (HpContract.dataset(d).isPresent()) {
      return;
    }
    if (DatasetRegistered.isId(d)) {
      if (!registered.test(d)) {
        problems.add("unknown dataset '" + d + "' (register a CSV with POST /datasets)");
      }
      return;
    }
    String known = String.join(", ", HpContract.datasets());
    if (d.contains("/")
        || d.contains("\\")
        || d.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      problems.add(
          "dataset '"
              + clip(d)
              + "' is a path; a study names a data set, never a file (built-in: "
              + known
              + "; a CSV of your own: register it with POST /datasets and name its id)");
    } else {
      problems.add(
          "unknown dataset '"
              + clip(d)
              + "' (built-in: "
              + known
              + "; or the id of a data set registered with POST /datasets)");
    }
  }

  /** Each HP of the space must be known, and every value it can take inside the HP's range. */
  private static void spaceAgainstCatalogue(JsonNode space, Limits limits, List<String> problems) {
    JsonNode params = space.isArray() ? space : space.path("parameters");
    if (params.size() > limits.maxParameters()) {
      problems.add(
          "searchSpace must hold at most "
              + limits.maxParameters()
              + " parameters; got "
              + params.size());
      return;
    }
    for (JsonNode p : params) {
      String name = p.path("name").asText();
      Optional<HpContract.Param> hp = HpContract.param(name);
      if (hp.isEmpty()) {
        problems.add(
            "searchSpace: unknown HP '" + clip(name) + "' (`neurohpo hp-space` lists them)");
        continue;
      }
      String type = p.path("type").asText();
      String hpType = hp.get().type();
      if ((type.equals("float") && !hpType.equals("float"))
          || (type.equals("int") && !hpType.equals("int") && !hpType.equals("float"))) {
        problems.add(
            "searchSpace: HP "
                + name
                + " is "
                + HpContract.range(hp.get())
                + "; it cannot be a "
                + type
                + " range (use cat or ordinal values)");
        continue;
      }
      List<JsonNode> values = new ArrayList<>();
      switch (type) {
        case "int", "float" -> {
          values.add(p.get("low"));
          values.add(p.get("high"));
        }
        case "ordinal" -> p.path("values").forEach(values::add);
        case "cat" -> p.path("choices").forEach(values::add);
        default -> {}
      }
      for (JsonNode v : values) {
        // a cat's choices are names: numbers and booleans among them are written as text
        JsonNode typed = v;
        if (v.isTextual() && !hp.get().type().equals("cat") && !hp.get().type().equals("bool")) {
          try {
            typed =
                com.fasterxml.jackson.databind.node.DoubleNode.valueOf(
                    Double.parseDouble(v.asText()));
          } catch (NumberFormatException e) {
            typed = v;
          }
        }
        Optional<String> problem = HpContract.valueProblem(name, typed);
        if (problem.isPresent()) {
          problems.add("searchSpace: " + clip(problem.get()));
          break;
        }
      }
    }
  }

  /** Numbers that are not finite (1e400 reads as infinity), anywhere in the spec. */
  private static void nonFinite(JsonNode n, String path, List<String> problems) {
    if (n.isNumber()) {
      if (!Double.isFinite(n.asDouble())) {
        problems.add(
            (path.isEmpty() ? "a value" : path) + " must be a finite number; got " + clip(n));
      }
    } else if (n.isContainerNode()) {
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        nonFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), problems);
      }
      if (n.isArray()) {
        for (JsonNode c : n) {
          nonFinite(c, path + "[" + i++ + "]", problems);
        }
      }
    }
  }

  private static void text(JsonNode spec, String field, List<String> problems) {
    JsonNode v = spec.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add(field + " must be a non-empty string");
    }
  }

  /** A value for a message: at most 80 characters of it (a problem never echoes a whole body). */
  private static String clip(Object v) {
    String s = String.valueOf(v);
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
