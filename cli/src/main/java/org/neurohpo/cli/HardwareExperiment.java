package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurohpo.model.PinnedSpace;
import org.neurohpo.neuro.hp.Category;
import org.neurohpo.neuro.hp.HyperParameterCatalog;
import org.neurohpo.report.HardwareReport;
import org.neurohpo.report.StudyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Experiment 4: the hardware HPs (RISP precision, leak, maximum delay, threshold inclusiveness)
 * optimised for a fixed encoding, against the default hardware. The search with optimizer seed S
 * measures on its own seeds 1000*S+1.. (as every experiment's searches; --shared-run-seeds gives
 * all of them 1001..); the defaults and each search's recommendation are then measured again, side
 * by side, on fresh seeds 900001.., apart from every search's, so the gain is not the search's own
 * optimistic estimate.
 */
@Command(
    name = "hardware",
    mixinStandardHelpOptions = true,
    description = {
      "Optimises the hardware HPs for a fixed encoding with GP-BO (--budget sets, --runs runs",
      "each, once per optimizer seed), then measures the default hardware and every search's",
      "recommended hardware again on --validation-runs fresh seeds; writes OUT/search/seed-S,",
      "OUT/validation/{defaults,seed-S} and the report OUT/report. The fixed encoding is the",
      "best set of a finished grid (--grid), or the HPs given with -p, or the defaults.",
      "Resumable."
    })
final class HardwareExperiment implements Callable<Integer> {
  /** First validation seed: apart from the searches' 1000*S+1.. for S < 900 (and from 1001..). */
  static final int VALIDATION_SEED_BASE = 900_001;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin ExperimentCommand.Common common;
  @Mixin ExperimentCommand.RunSeeds runSeeds;

  @Option(
      names = "--space",
      paramLabel = "FILE",
      description =
          "study spec whose searchSpace (hardware HPs only) and fixedParams define the search"
              + " (default ${DEFAULT-VALUE})")
  Path space = Path.of("experiments/hardware-space.json");

  @Option(
      names = "--grid",
      paramLabel = "DIR",
      description =
          "take the fixed encoding from the best set of this finished grid run (e.g. the grid/"
              + " folder of `experiment grid-vs-search`)")
  Path grid;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description = "an encoding HP of the fixed encoding (repeatable; instead of --grid)")
  Map<String, String> encodingParams = new LinkedHashMap<>();

  @Option(
      names = "--optimizer-seeds",
      paramLabel = "N",
      description = "searches, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
  int optimizerSeeds = 5;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description = "hardware HP sets per search (default ${DEFAULT-VALUE})")
  int budget = 40;

  @Option(
      names = "--runs",
      paramLabel = "K",
      description = "runs per set in the searches (default ${DEFAULT-VALUE})")
  int runs = 10;

  @Option(
      names = "--validation-runs",
      paramLabel = "V",
      description =
          "runs of the defaults and of each recommendation, seeds 900001.. (default"
              + " ${DEFAULT-VALUE})")
  int validationRuns = 30;

  @Override
  public Integer call() throws Exception {
    ExperimentCommand.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    ExperimentCommand.atLeast("--budget", budget, 1);
    ExperimentCommand.atLeast("--runs", runs, 1);
    ExperimentCommand.atLeast("--validation-runs", validationRuns, 2);
    runSeeds.check(runs);
    if (optimizerSeeds >= 900 || validationRuns > 999) {
      throw new IllegalArgumentException(
          "--optimizer-seeds below 900 and --validation-runs at most 999 (the validation seeds"
              + " 900001.. stay apart from the searches')");
    }
    ExperimentCommand.atLeast("--evaluators", common.evaluators, 1);
    if (grid != null && !encodingParams.isEmpty()) {
      throw new IllegalArgumentException(
          "give the fixed encoding with --grid or with -p, not both");
    }
    JsonNode template = ExperimentCommand.template(space);
    List<String> hardware = new ArrayList<>();
    for (JsonNode p : ExperimentCommand.Sensitivity.parameters(template)) {
      String name = p.path("name").asText();
      if (ExperimentCommand.categoryOf(name, space.toString()) != Category.HARDWARE) {
        throw new IllegalArgumentException(
            space + ": '" + name + "' is not a hardware HP (the search is over hardware only)");
      }
      hardware.add(name);
    }
    Map<String, Object> encoding = encoding();
    Path out = common.out;
    Files.createDirectories(out);
    ObjectNode meta = ExperimentCommand.experiment(spec, "hardware", common.dataset);
    meta.set("encoding", JSON.valueToTree(encoding));
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
    ExperimentCommand.writeOnce(out.resolve("experiment.json"), meta);
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode fixed =
        template.has("fixedParams")
            ? ((ObjectNode) template.get("fixedParams")).deepCopy()
            : JSON.createObjectNode();
    encoding.forEach((k, v) -> fixed.set(k, JSON.valueToTree(v)));
    try (LocalSystem system = ExperimentCommand.startSystem(common, err)) {
      List<ExperimentCommand.Step> searches = new ArrayList<>();
      for (int s = 1; s <= optimizerSeeds; s++) {
        ObjectNode study =
            ExperimentCommand.fromTemplate(
                template, "hardware-" + common.dataset + "-bo-" + s, common.dataset);
        study.put("strategy", "bo");
        study.put("budget", budget);
        study.put("optimizerSeed", s);
        study.set("seeds", runSeeds.of(s, runs));
        study.set("fixedParams", fixed);
        searches.add(new ExperimentCommand.Step(study, out.resolve("search").resolve("seed-" + s)));
      }
      ExperimentCommand.runAll(system, searches, err, common.quiet);

      List<ExperimentCommand.Step> validation = new ArrayList<>();
      Map<String, Object> defaults = new LinkedHashMap<>();
      for (String h : hardware) {
        defaults.put(h, HyperParameterCatalog.get(h).defaultValue());
      }
      validation.add(
          new ExperimentCommand.Step(
              pinned(
                  "hardware-" + common.dataset + "-defaults",
                  common.dataset,
                  defaults,
                  fixed,
                  validationRuns),
              out.resolve("validation").resolve("defaults")));
      for (int s = 1; s <= optimizerSeeds; s++) {
        StudyResult.Trial best =
            StudyResult.read(out.resolve("search").resolve("seed-" + s)).best();
        validation.add(
            new ExperimentCommand.Step(
                pinned(
                    "hardware-" + common.dataset + "-recommended-" + s,
                    common.dataset,
                    new LinkedHashMap<>(best.params()),
                    fixed,
                    validationRuns),
                out.resolve("validation").resolve("seed-" + s)));
      }
      ExperimentCommand.runAll(system, validation, err, common.quiet);
    }
    spec.commandLine().getOut().println("wrote " + HardwareReport.write(out));
    return ExitCodes.OK;
  }

  /** The fixed encoding: the best set of --grid, or the -p HPs (encoding HPs only), or none. */
  private Map<String, Object> encoding() {
    Map<String, Object> enc = new LinkedHashMap<>();
    if (grid != null) {
      if (!Files.exists(grid.resolve("trials.csv"))) {
        throw new IllegalArgumentException("--grid " + grid + ": no trials.csv (not a run folder)");
      }
      StudyResult.read(grid).best().params().forEach((k, v) -> enc.put(k, typed(v)));
      return enc;
    }
    encodingParams.forEach(
        (k, v) -> {
          if (ExperimentCommand.categoryOf(k, "-p") != Category.ENCODING) {
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
    ObjectNode study = JSON.createObjectNode();
    study.put("name", name);
    study.put("dataset", dataset);
    study.put("strategy", "grid");
    study.put("budget", 1);
    study.put("optimizerSeed", 1);
    study.set(
        "seeds", ExperimentCommand.seeds(VALIDATION_SEED_BASE, VALIDATION_SEED_BASE + runs - 1));
    Map<String, Object> typedParams = new LinkedHashMap<>();
    params.forEach((k, v) -> typedParams.put(k, v instanceof String s ? typed(s) : v));
    study.set("searchSpace", PinnedSpace.of(typedParams));
    study.set("fixedParams", fixed);
    return study;
  }

  /** A number when the text is one ("6" and "6.0" alike), else the text. */
  static Object typed(String v) {
    try {
      double d = Double.parseDouble(v);
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
