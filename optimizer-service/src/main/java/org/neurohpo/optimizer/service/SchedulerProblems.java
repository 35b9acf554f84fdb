package org.neurohpo.optimizer.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.neurohpo.model.HpContract;

/**
 * Problems of a study spec's {@code scheduler} object (issue 17, ADR 0007), each one line naming
 * the field. Absent or null: no scheduler, nothing to check.
 */
final class SchedulerProblems {
  private static final Set<String> FIELDS = Set.of("type", "fidelity", "min", "max", "eta");

  private SchedulerProblems() {}

  static void check(JsonNode spec, List<String> problems) {
    JsonNode s = spec.get("scheduler");
    if (s == null || s.isNull()) {
      return;
    }
    if (!s.isObject()) {
      problems.add(
          "scheduler must be an object such as {\"type\": \"asha\", \"fidelity\": \"runs\","
              + " \"min\": 2, \"max\": 10, \"eta\": 3}");
      return;
    }
    s.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                problems.add(
                    "scheduler: unknown field '"
                        + (f.length() > 40 ? f.substring(0, 40) + "..." : f)
                        + "' (a scheduler has eta, fidelity, max, min, type)");
              }
            });
    String type = s.path("type").asText("");
    if (!type.equals("asha") && !type.equals("hyperband")) {
      problems.add("scheduler.type must be asha or hyperband; got " + clip(s.get("type")));
    }
    String fidelity = s.path("fidelity").asText("");
    if (!fidelity.equals("runs") && !fidelity.equals("generations")) {
      problems.add(
          "scheduler.fidelity must be runs or generations; got " + clip(s.get("fidelity")));
    }
    Integer min = integer(s, "min", 1, problems);
    Integer max = integer(s, "max", 1, problems);
    integer(s, "eta", 2, problems);
    if (min != null && max != null && max < min) {
      problems.add("scheduler.max must be >= scheduler.min (" + min + "); got " + max);
    }
    JsonNode seeds = spec.get("seeds");
    if (fidelity.equals("generations")) {
      generations(spec, max, problems);
    } else if (max != null && seeds != null && seeds.isArray() && seeds.size() < max) {
      problems.add(
          "scheduler.max is "
              + max
              + " runs but seeds name only "
              + seeds.size()
              + "; give at least "
              + max
              + " seeds");
    }
    String strategy = spec.path("strategy").asText("");
    if (!strategy.equals("random") && !strategy.equals("bo")) {
      problems.add(
          "a scheduler proposes with strategy random or bo; got strategy " + clip(strategy));
    }
  }

  /**
   * A scheduler over generations sets each rung's {@code generations} itself: the HP may be neither
   * searched nor fixed, and the top rung must be a value the HP may take.
   */
  private static void generations(JsonNode spec, Integer max, List<String> problems) {
    String why = "scheduler.fidelity generations sets each rung's generations";
    JsonNode space = spec.path("searchSpace");
    for (JsonNode p : space.isArray() ? space : space.path("parameters")) {
      if (p.path("name").asText("").equals(GENERATIONS)) {
        problems.add(why + "; remove generations from searchSpace");
      }
    }
    if (spec.path("fixedParams").has(GENERATIONS)) {
      problems.add(why + "; remove generations from fixedParams");
    }
    HpContract.Param hp = HpContract.param(GENERATIONS).orElseThrow();
    if (max != null && max > hp.high()) {
      problems.add(
          "scheduler.max is "
              + max
              + " generations; generations must be at most "
              + (int) hp.high());
    }
  }

  /** The EONS HP a scheduler over generations sets per rung. */
  static final String GENERATIONS = "generations";

  private static Integer integer(JsonNode s, String field, int least, List<String> problems) {
    JsonNode v = s.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < least) {
      problems.add("scheduler." + field + " must be an integer >= " + least + "; got " + clip(v));
      return null;
    }
    return v.asInt();
  }

  private static String clip(Object v) {
    String s = String.valueOf(v);
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
