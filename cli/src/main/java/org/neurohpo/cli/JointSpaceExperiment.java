package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurohpo.report.SearchComparisonReport;
import org.neurohpo.report.StudyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issue 15, item 3: GP-BO against random search where BO should matter, the joint space of
 * encoding, EONS and hardware HPs, at the same budget. Each search (strategy T, optimizer seed S)
 * measures on the run seeds of S ({@code 1000*S+1..}, as every experiment's searches; GP-BO and
 * random search with the same S on the same seeds, so each seed is a matched pair) and selects by
 * mean validation accuracy; every search's recommendation is then measured again on the same fresh
 * seeds 900001.., apart from every search's, and the strategies are compared by those fresh test
 * means, which no search has seen.
 */
@Command(
    name = "joint-space",
    mixinStandardHelpOptions = true,
    description = {
      "Runs GP-BO and random search (--strategies) over the joint space of encoding, EONS and",
      "hardware HPs (--space), --budget sets x --runs runs each, once per optimizer seed, then",
      "measures every search's recommendation again on --fresh-runs fresh seeds (900001..) and",
      "compares the strategies by those test means; writes OUT/search/STRATEGY/seed-S,",
      "OUT/fresh/STRATEGY/seed-S and the report OUT/report. Resumable."
    })
final class JointSpaceExperiment implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ExperimentCommand.Common common;
  @Mixin ExperimentCommand.RunSeeds runSeeds;

  @Option(
      names = "--space",
      paramLabel = "FILE",
      description =
          "study spec whose searchSpace and fixedParams define the space (default"
              + " ${DEFAULT-VALUE})")
  Path space = Path.of("experiments/joint-space.json");

  @Option(
      names = "--strategies",
      split = ",",
      paramLabel = "S1,S2",
      description = "search strategies (default ${DEFAULT-VALUE})")
  List<String> strategies = new ArrayList<>(List.of("bo", "random"));

  @Option(
      names = "--optimizer-seeds",
      paramLabel = "N",
      description = "searches per strategy, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
  int optimizerSeeds = 10;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description = "HP sets per search (default ${DEFAULT-VALUE})")
  int budget = 40;

  @Option(
      names = "--runs",
      paramLabel = "K",
      description = "runs per set in the searches (default ${DEFAULT-VALUE})")
  int runs = 10;

  @Option(
      names = "--fresh-runs",
      paramLabel = "V",
      description =
          "runs of each recommendation on the fresh seeds 900001.. (default ${DEFAULT-VALUE})")
  int freshRuns = 30;

  @Override
  public Integer call() throws Exception {
    ExperimentCommand.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    ExperimentCommand.atLeast("--budget", budget, 1);
    ExperimentCommand.atLeast("--runs", runs, 1);
    ExperimentCommand.atLeast("--fresh-runs", freshRuns, 2);
    ExperimentCommand.atLeast("--evaluators", common.evaluators, 1);
    runSeeds.check(runs);
    if (optimizerSeeds >= 900 || freshRuns > 999) {
      throw new IllegalArgumentException(
          "--optimizer-seeds below 900 and --fresh-runs at most 999 (the fresh seeds 900001..."
              + " stay apart from the searches')");
    }
    if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("--strategies: give each strategy once, e.g. bo,random");
    }
    for (String s : strategies) {
      if (!List.of("bo", "random").contains(s)) {
        throw new IllegalArgumentException(
            "--strategies: '" + s + "' is not a single-objective search strategy (bo, random)");
      }
    }
    JsonNode template = ExperimentCommand.template(space);
    Path out = common.out;
    Files.createDirectories(out);
    ObjectNode meta = ExperimentCommand.experiment(spec, "joint-space", common.dataset);
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Searches: %s over %s's space, %d sets x %d runs (%s), optimizer seeds 1..%d, each"
                + " selecting by mean validation accuracy. Fresh: every search's recommendation,"
                + " %d runs on seeds %d..%d, judged by mean test accuracy.",
            String.join(", ", strategies),
            space,
            budget,
            runs,
            runSeeds.describe(runs),
            optimizerSeeds,
            freshRuns,
            HardwareExperiment.VALIDATION_SEED_BASE,
            HardwareExperiment.VALIDATION_SEED_BASE + freshRuns - 1));
    ExperimentCommand.writeOnce(out.resolve("experiment.json"), meta);
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode fixed =
        template.has("fixedParams")
            ? ((ObjectNode) template.get("fixedParams")).deepCopy()
            : new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    try (LocalSystem system = ExperimentCommand.startSystem(common, err)) {
      // seed by seed, both strategies, so a stopped experiment leaves matched pairs
      List<ExperimentCommand.Step> searches = new ArrayList<>();
      for (int s = 1; s <= optimizerSeeds; s++) {
        for (String strategy : strategies) {
          ObjectNode study =
              ExperimentCommand.fromTemplate(
                  template, "joint-" + common.dataset + "-" + strategy + "-" + s, common.dataset);
          study.put("strategy", strategy);
          study.put("budget", budget);
          study.put("optimizerSeed", s);
          study.set("seeds", runSeeds.of(s, runs));
          searches.add(new ExperimentCommand.Step(study, searchDir(out, strategy, s)));
        }
      }
      ExperimentCommand.runAll(system, searches, err, common.quiet);

      List<ExperimentCommand.Step> fresh = new ArrayList<>();
      for (int s = 1; s <= optimizerSeeds; s++) {
        for (String strategy : strategies) {
          StudyResult.Trial best = StudyResult.read(searchDir(out, strategy, s)).best();
          fresh.add(
              new ExperimentCommand.Step(
                  HardwareExperiment.pinned(
                      "joint-" + common.dataset + "-" + strategy + "-recommended-" + s,
                      common.dataset,
                      new LinkedHashMap<>(best.params()),
                      fixed,
                      freshRuns),
                  out.resolve("fresh").resolve(strategy).resolve("seed-" + s)));
        }
      }
      ExperimentCommand.runAll(system, fresh, err, common.quiet);
    }
    spec.commandLine().getOut().println("wrote " + SearchComparisonReport.write(out));
    return ExitCodes.OK;
  }

  private static Path searchDir(Path out, String strategy, int seed) {
    return out.resolve("search").resolve(strategy).resolve("seed-" + seed);
  }
}
