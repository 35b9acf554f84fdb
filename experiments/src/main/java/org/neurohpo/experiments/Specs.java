package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.neurohpo.neuro.hp.Category;
import org.neurohpo.neuro.hp.HyperParameterCatalog;

/**
 * What the designs build their studies from: a template spec file (its searchSpace and
 * fixedParams), seed lists, and the experiment's own record, {@code experiment.json}.
 */
public final class Specs {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Specs() {}

  /** A template spec file: a study spec with a searchSpace. */
  public static JsonNode template(Path file) throws IOException {
    JsonNode t = SpecFiles.readObject(file);
    if (!t.has("searchSpace")) {
      throw new IllegalArgumentException(file + ": no searchSpace");
    }
    return t;
  }

  /** A study named {@code name} on {@code dataset} with the template's space and fixed HPs. */
  public static ObjectNode fromTemplate(JsonNode template, String name, String dataset) {
    ObjectNode s = JSON.createObjectNode();
    s.put("name", name);
    s.put("dataset", dataset);
    s.set("searchSpace", template.get("searchSpace"));
    if (template.has("fixedParams")) {
      s.set("fixedParams", template.get("fixedParams"));
    }
    return s;
  }

  /** The template's fixed HPs, a copy to add to. */
  static ObjectNode fixedParams(JsonNode template) {
    return template.has("fixedParams")
        ? ((ObjectNode) template.get("fixedParams")).deepCopy()
        : JSON.createObjectNode();
  }

  /** The parameters of a template's search space (a bare array or {"parameters": [...]}). */
  public static JsonNode parameters(JsonNode template) {
    JsonNode s = template.path("searchSpace");
    return s.isArray() ? s : s.path("parameters");
  }

  /** The seeds from..to. */
  public static ArrayNode seeds(int from, int to) {
    ArrayNode a = JSON.createArrayNode();
    for (int i = from; i <= to; i++) {
      a.add(i);
    }
    return a;
  }

  /** The category of a searched HP; an unknown name is one line naming it and where it was. */
  public static Category categoryOf(String hp, String where) {
    try {
      return HyperParameterCatalog.get(hp).category();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown HP '" + hp + "' in " + where + " ('neurohpo hp-space' lists them)");
    }
  }

  public static void atLeast(String option, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
    }
  }

  /**
   * The counts of a design that searches and then measures recommendations again on fresh seeds
   * (hardware, joint space): each search seed S runs on its own seeds, the fresh ones are 900001..
   * ({@code freshOption} names the count of them: --fresh-runs, --validation-runs).
   */
  static void searchesThenFresh(
      int optimizerSeeds,
      int budget,
      int runs,
      String freshOption,
      int freshRuns,
      int evaluators,
      RunSeeds runSeeds) {
    atLeast("--optimizer-seeds", optimizerSeeds, 1);
    atLeast("--budget", budget, 1);
    atLeast("--runs", runs, 1);
    atLeast(freshOption, freshRuns, 2);
    atLeast("--evaluators", evaluators, 1);
    runSeeds.check(runs);
    if (optimizerSeeds >= 900 || freshRuns > 999) {
      throw new IllegalArgumentException(
          "--optimizer-seeds below 900 and "
              + freshOption
              + " at most 999 (the seeds 900001.. of the fresh runs stay apart from the"
              + " searches')");
    }
  }

  /** "1 evaluator", "2 evaluators". */
  public static String evaluatorCount(int n) {
    return n == 1 ? "1 evaluator" : n + " evaluators";
  }

  /**
   * experiment.json's common fields: what, on which data set, when, where, and {@code command} (the
   * command line that ran it).
   */
  public static ObjectNode experiment(String name, String dataset, String command) {
    ObjectNode e = JSON.createObjectNode();
    e.put("experiment", name);
    e.put("dataset", dataset);
    e.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    e.put("machine", Machine.describe());
    e.putArray("commands").add(command);
    return e;
  }

  /** Writes experiment.json unless a resumed experiment has it already. */
  public static void writeOnce(Path f, ObjectNode meta) throws IOException {
    if (!Files.exists(f)) {
      Files.writeString(f, JSON.writeValueAsString(meta) + "\n");
    }
  }

  /** Which experiment wrote a folder: its experiment.json says, else the folders in it do. */
  public static String kindOf(Path d) throws IOException {
    Path meta = d.resolve("experiment.json");
    if (Files.exists(meta)) {
      String k = JSON.readTree(meta.toFile()).path("experiment").asText();
      if (List.of("grid-vs-search", "sensitivity", "hardware", "pareto", "joint-space")
          .contains(k)) {
        return k;
      }
    }
    if (Files.isDirectory(d.resolve("sample"))) {
      return "sensitivity";
    }
    if (Files.isDirectory(d.resolve("validation"))) {
      return "hardware";
    }
    if (Files.isDirectory(d.resolve("grid"))) {
      return "grid-vs-search";
    }
    throw new IllegalArgumentException(
        d
            + " is not an experiment folder (no experiment.json, grid/, sample/ or validation/"
            + " in it; see `neurohpo experiment`)");
  }
}
