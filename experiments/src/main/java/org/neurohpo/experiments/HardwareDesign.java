package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurohpo.model.PinnedSpace;
import org.neurohpo.neuro.hp.Category;
import org.neurohpo.neuro.hp.HyperParameterCatalog;

/**
 * Experiment 4: the hardware HPs (RISP precision, leak, maximum delay, threshold inclusiveness)
 * optimised for a fixed encoding, against the default hardware. The search with optimizer seed S
 * measures on its {@link RunSeeds}; the defaults and each search's recommendation are then measured
 * again, side by side, on fresh seeds 900001.., apart from every search's, so the gain is not the
 * search's own optimistic estimate. Writes OUT/search/seed-S and OUT/validation/{defaults,seed-S}.
 *
 * @param grid a finished grid whose best set is the fixed encoding, or null
 * @param encodingParams the fixed encoding's HPs as text (instead of {@code grid}; none: defaults)
 */
public record HardwareDesign(
    String dataset,
    Path out,
    Path space,
    Path grid,
    Map<String, String> encodingParams,
    int optimizerSeeds,
    int budget,
    int runs,
    int validationRuns,
    RunSeeds runSeeds,
    int evaluators,
    String command)
    implements Design {
  /** First validation seed: apart from the searches' 1000*S+1.. for S < 900 (and from 1001..). */
  public static final int VALIDATION_SEED_BASE = 900_001;

  @Override
  public String kind() {
    return "hardware";
  }

  @Override
  public void prepare() throws IOException {
    Specs.searchesThenFresh(
        optimizerSeeds, budget, runs, "--validation-runs", validationRuns, evaluators, runSeeds);
    if (grid != null && !encodingParams.isEmpty()) {
      throw new IllegalArgumentException(
          "give the fixed encoding with --grid or with -p, not both");
    }
    hardware(Specs.template(space));
    Map<String, Object> encoding = encoding();
    Files.createDirectories(out);
    ObjectNode meta = Specs.experiment(kind(), dataset, command);
    meta.set("encoding", Specs.JSON.valueToTree(encoding));
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Fixed encoding %s (%s). Searches: GP-BO over %s's hardware HPs, %d sets x %d runs"
                + " (%s), optimizer seeds 1..%d. Validation: the default hardware and"
                + " each search's recommendation, %d runs each on seeds %d..%d.",
            encoding,
            grid != null
                ? "the best set of " + grid
                : encodingParams.isEmpty() ? "the defaults" : "given with -p",
            space,
            budget,
            runs,
            runSeeds.describe(runs),
            optimizerSeeds,
            validationRuns,
            VALIDATION_SEED_BASE,
            VALIDATION_SEED_BASE + validationRuns - 1));
    Specs.writeOnce(out.resolve("experiment.json"), meta);
  }

  @Override
  public void run(Studies studies, Progress progress) throws Exception {
    JsonNode template = Specs.template(space);
    List<String> hardware = hardware(template);
    ObjectNode fixed = Specs.fixedParams(template);
    encoding().forEach((k, v) -> fixed.set(k, Specs.JSON.valueToTree(v)));
    List<Step> searches = new ArrayList<>();
    for (int s = 1; s <= optimizerSeeds; s++) {
      ObjectNode study = Specs.fromTemplate(template, "hardware-" + dataset + "-bo-" + s, dataset);
      study.put("strategy", "bo");
      study.put("budget", budget);
      study.put("optimizerSeed", s);
      study.set("seeds", runSeeds.of(s, runs));
      study.set("fixedParams", fixed);
      searches.add(new Step(study, out.resolve("search").resolve("seed-" + s)));
    }
    Step.runAll(studies, searches, progress);

    List<Step> validation = new ArrayList<>();
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (String h : hardware) {
      defaults.put(h, HyperParameterCatalog.get(h).defaultValue());
    }
    validation.add(
        new Step(
            pinned("hardware-" + dataset + "-defaults", dataset, defaults, fixed, validationRuns),
            out.resolve("validation").resolve("defaults")));
    for (int s = 1; s <= optimizerSeeds; s++) {
      StudyResult.Trial best = StudyResult.read(out.resolve("search").resolve("seed-" + s)).best();
      validation.add(
          new Step(
              pinned(
                  "hardware-" + dataset + "-recommended-" + s,
                  dataset,
                  new LinkedHashMap<>(best.params()),
                  fixed,
                  validationRuns),
              out.resolve("validation").resolve("seed-" + s)));
    }
    Step.runAll(studies, validation, progress);
  }

  /** The searched HPs, every one a hardware HP. */
  private List<String> hardware(JsonNode template) {
    List<String> hardware = new ArrayList<>();
    for (JsonNode p : Specs.parameters(template)) {
      String name = p.path("name").asText();
      if (Specs.categoryOf(name, space.toString()) != Category.HARDWARE) {
        throw new IllegalArgumentException(
            space + ": '" + name + "' is not a hardware HP (the search is over hardware only)");
      }
      hardware.add(name);
    }
    return hardware;
  }

  /** The fixed encoding: the best set of the grid, or the -p HPs (encoding HPs only), or none. */
  private Map<String, Object> encoding() {
    Map<String, Object> enc = new LinkedHashMap<>();
    if (grid != null) {
      if (!RunFolder.isRunFolder(grid)) {
        throw new IllegalArgumentException("--grid " + grid + ": no trials.csv (not a run folder)");
      }
      StudyResult.read(grid).best().params().forEach((k, v) -> enc.put(k, typed(v)));
      return enc;
    }
    encodingParams.forEach(
        (k, v) -> {
          if (Specs.categoryOf(k, "-p") != Category.ENCODING) {
            throw new IllegalArgumentException(
                "-p " + k + ": not an encoding HP (the encoding is what stays fixed)");
          }
          enc.put(k, typed(v));
        });
    return enc;
  }

  /**
   * A one-set grid study: every HP of {@code params} pinned to its value, measured on {@code runs}
   * fresh seeds from {@link #VALIDATION_SEED_BASE}.
   */
  static ObjectNode pinned(
      String name, String dataset, Map<String, ?> params, ObjectNode fixed, int runs) {
    ObjectNode study = Specs.JSON.createObjectNode();
    study.put("name", name);
    study.put("dataset", dataset);
    study.put("strategy", "grid");
    study.put("budget", 1);
    study.put("optimizerSeed", 1);
    study.set("seeds", Specs.seeds(VALIDATION_SEED_BASE, VALIDATION_SEED_BASE + runs - 1));
    Map<String, Object> typedParams = new LinkedHashMap<>();
    params.forEach((k, v) -> typedParams.put(k, v instanceof String s ? typed(s) : v));
    study.set("searchSpace", PinnedSpace.of(typedParams));
    study.set("fixedParams", fixed);
    return study;
  }

  /** A number when the text is one ("6" and "6.0" alike), else the text. */
  private static Object typed(String v) {
    try {
      double d = Double.parseDouble(v);
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
