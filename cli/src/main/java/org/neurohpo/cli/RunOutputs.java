package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * summary.json and trials.csv of a finished study (the contract of issue 4), and runs.csv: one row
 * per run with everything it measured, for analyses that need the per-run values.
 *
 * <p>Validation and test (issue 15): the best trial is the study's, by mean validation accuracy;
 * summary.json gives both its {@code best.meanValidationAccuracy} and {@code
 * best.meanTestAccuracy}. trials.csv keeps issue 4's columns ({@code mean} and {@code std} are the
 * test accuracy's) and appends {@code validationMean} and {@code validationStd}; runs.csv has a
 * {@code validationAccuracy} column. A trial of schema version 1 has no validation figures: they
 * are null in summary.json and empty in the CSV files.
 *
 * <p>Schedulers (issue 17): summary.json has {@code runsUsed} (every run evaluated, pruned trials'
 * included, failed ones too: the rows of runs.csv plus failed runs) and {@code generationsUsed}
 * (each run's EONS generations, summed), and for a study with a scheduler {@code trialsPruned};
 * trials.csv appends {@code pruned} (true for a trial the scheduler pruned), and a trial's row has
 * every run it was given at its highest rung.
 */
final class RunOutputs {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunOutputs() {}

  /**
   * Writes summary.json, trials.csv, runs.csv and study.json (the spec as submitted); {@code
   * wallSeconds} is the study's time from submission to its end.
   */
  static void write(Path dir, JsonNode view, JsonNode study, double wallSeconds)
      throws IOException {
    Files.createDirectories(dir);
    ObjectNode summary = JSON.createObjectNode();
    summary.put("studyId", view.path("studyId").asText());
    summary.put("strategy", view.path("strategy").asText());
    summary.put("trialsCompleted", view.path("trialsCompleted").asInt());
    summary.put("runsPerTrial", study.path("seeds").size());
    summary.put("wallSeconds", Math.round(wallSeconds * 10) / 10.0);
    double evaluation = 0;
    for (JsonNode t : view.path("trials")) {
      for (JsonNode r : t.path("runs")) {
        evaluation += r.path("seconds").asDouble();
      }
    }
    summary.put("evaluationSeconds", Math.round(evaluation * 10) / 10.0);
    summary.put("runsUsed", runsUsed(view.path("trials")));
    summary.put("generationsUsed", generationsUsed(view.path("trials")));
    if (study.hasNonNull("scheduler")) {
      summary.put("trialsPruned", view.path("pruned").size());
    }
    JsonNode best = view.path("best");
    if (!best.isMissingNode() && !best.isNull()) {
      ObjectNode b = summary.putObject("best");
      b.set("params", best.get("params"));
      b.set("meanValidationAccuracy", numberOrNull(best.path("meanValidationAccuracy")));
      b.put("meanTestAccuracy", best.path("meanTestAccuracy").asDouble());
      b.put("trialNumber", best.path("trialNumber").asInt());
    }
    Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n");
    Files.writeString(dir.resolve("trials.csv"), csv(view.path("trials"), pruned(view)));
    Files.writeString(dir.resolve("runs.csv"), runsCsv(view.path("trials")));
    Files.writeString(dir.resolve("study.json"), JSON.writeValueAsString(study) + "\n");
  }

  static final List<String> RUN_FIELDS =
      List.of(
          "seed",
          "trainAccuracy",
          "validationAccuracy",
          "testAccuracy",
          "neurons",
          "synapses",
          "spikesPerSample",
          "synapseEventsPerSample",
          "seconds");

  /** One row per run: the trial number, then {@link #RUN_FIELDS}. */
  static String runsCsv(JsonNode trials) {
    StringBuilder sb = new StringBuilder("trialNumber,").append(String.join(",", RUN_FIELDS));
    sb.append('\n');
    for (JsonNode t : trials) {
      for (JsonNode r : t.path("runs")) {
        sb.append(t.path("trialNumber").asText());
        for (String f : RUN_FIELDS) {
          sb.append(',').append(cell(r.path(f)));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** Runs evaluated over every trial: successful and failed. */
  static int runsUsed(JsonNode trials) {
    int n = 0;
    for (JsonNode t : trials) {
      n += t.path("runs").size() + t.path("failures").size();
    }
    return n;
  }

  /** EONS generations over every run evaluated (a trial's {@code generations}, or its default). */
  static long generationsUsed(JsonNode trials) {
    int fallback =
        (Integer) org.neurohpo.neuro.hp.HyperParameterCatalog.get("generations").defaultValue();
    long n = 0;
    for (JsonNode t : trials) {
      int runs = t.path("runs").size() + t.path("failures").size();
      n += (long) runs * t.path("params").path("generations").asInt(fallback);
    }
    return n;
  }

  private static Set<Integer> pruned(JsonNode view) {
    Set<Integer> out = new java.util.HashSet<>();
    view.path("pruned").forEach(n -> out.add(n.asInt()));
    return out;
  }

  static String csv(JsonNode trials) {
    return csv(trials, null);
  }

  /** trials.csv; with {@code pruned} not null, a last column says whether each trial was pruned. */
  static String csv(JsonNode trials, Set<Integer> pruned) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode t : trials) {
      t.path("params").fieldNames().forEachRemaining(names::add);
    }
    List<String> header = new ArrayList<>(List.of("number"));
    header.addAll(names);
    header.addAll(List.of("mean", "std", "runs", "validationMean", "validationStd"));
    if (pruned != null) {
      header.add("pruned");
    }
    StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
    for (JsonNode t : trials) {
      List<String> row = new ArrayList<>(List.of(t.path("trialNumber").asText()));
      for (String n : names) {
        JsonNode v = t.path("params").get(n);
        row.add(v == null ? "" : v.asText());
      }
      row.add(Double.toString(t.path("meanTestAccuracy").asDouble()));
      row.add(Double.toString(t.path("stdTestAccuracy").asDouble()));
      row.add(Integer.toString(t.path("runs").size()));
      row.add(cell(t.path("meanValidationAccuracy")));
      row.add(cell(t.path("stdValidationAccuracy")));
      if (pruned != null) {
        row.add(Boolean.toString(pruned.contains(t.path("trialNumber").asInt())));
      }
      sb.append(String.join(",", row)).append('\n');
    }
    return sb.toString();
  }

  /** A CSV cell: the value's text, empty where a record of schema version 1 has none. */
  private static String cell(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  private static JsonNode numberOrNull(JsonNode value) {
    return value.isNumber() ? value : JSON.getNodeFactory().nullNode();
  }

  static String describe(JsonNode view, Path dir) {
    JsonNode best = view.path("best");
    String b =
        best.isMissingNode() || best.isNull()
            ? "no trial completed"
            : String.format(
                "best mean validation accuracy %s, test %.4f (trial %d) with %s",
                EventLines.figure(best.path("meanValidationAccuracy")),
                best.path("meanTestAccuracy").asDouble(),
                best.path("trialNumber").asInt(),
                best.path("params"));
    return String.format(
        "study %s %s: %d trials; %s%nwrote %s, %s and %s",
        view.path("studyId").asText(),
        Style.state(view.path("state").asText()),
        view.path("trialsCompleted").asInt(),
        b,
        dir.resolve("summary.json"),
        dir.resolve("trials.csv"),
        dir.resolve("runs.csv"));
  }
}
