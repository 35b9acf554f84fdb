package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurohpo.report.ParetoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Experiment 5: accuracy against energy. A multi-objective GP-BO (ParEGO) and random search, at the
 * same budget, once per optimizer seed; the report compares their Pareto fronts by hypervolume.
 */
@Command(
    name = "pareto",
    mixinStandardHelpOptions = true,
    description = {
      "Searches for high validation accuracy and low energy (synapse events per inference) with",
      "ParEGO (multi-objective GP-BO) and with random search, --budget sets x --runs runs each,",
      "once per optimizer seed S (runs on seeds 1000*S+1.., or all on 1001.. with",
      "--shared-run-seeds), all through the services; writes OUT/search/STRATEGY/seed-S and",
      "the report OUT/report (fronts, hypervolume, network sizes). Resumable."
    })
final class ParetoExperiment implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ExperimentCommand.Common common;
  @Mixin ExperimentCommand.RunSeeds runSeeds;

  @Option(
      names = "--space",
      paramLabel = "FILE",
      description =
          "study spec whose searchSpace and fixedParams define the search (default"
              + " ${DEFAULT-VALUE})")
  Path space = Path.of("experiments/joint-space.json");

  @Option(
      names = "--strategies",
      split = ",",
      paramLabel = "S1,S2",
      description = "strategies to compare (default ${DEFAULT-VALUE})")
  List<String> strategies = new ArrayList<>(List.of("parego", "random"));

  @Option(
      names = "--optimizer-seeds",
      paramLabel = "N",
      description = "studies per strategy, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
  int optimizerSeeds = 5;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description = "HP sets per study (default ${DEFAULT-VALUE})")
  int budget = 40;

  @Option(
      names = "--runs",
      paramLabel = "K",
      description = "runs per set (default ${DEFAULT-VALUE})")
  int runs = 5;

  @Override
  public Integer call() throws Exception {
    ExperimentCommand.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    ExperimentCommand.atLeast("--budget", budget, 2);
    ExperimentCommand.atLeast("--runs", runs, 1);
    runSeeds.check(runs);
    ExperimentCommand.atLeast("--evaluators", common.evaluators, 1);
    for (String s : strategies) {
      if (!List.of("parego", "random", "bo").contains(s)) {
        throw new IllegalArgumentException(
            "--strategies: unknown strategy '" + s + "' (parego, random, bo)");
      }
    }
    JsonNode template = ExperimentCommand.template(space);
    Path out = common.out;
    Files.createDirectories(out);
    ObjectNode meta = ExperimentCommand.experiment(spec, "pareto", common.dataset);
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "%s over %s's searchSpace, %d sets x %d runs (%s), optimizer seeds 1..%d,"
                + " one study at a time on %s. ParEGO's objectives: minus the mean"
                + " validation accuracy and log(1 + mean synapse events per inference).",
            String.join(", ", strategies),
            space,
            budget,
            runs,
            runSeeds.describe(runs),
            optimizerSeeds,
            ExperimentCommand.evaluatorCount(common.evaluators)));
    ExperimentCommand.writeOnce(out.resolve("experiment.json"), meta);
    PrintWriter err = spec.commandLine().getErr();
    try (LocalSystem system = ExperimentCommand.startSystem(common, err)) {
      List<ExperimentCommand.Step> steps = new ArrayList<>();
      for (String strategy : strategies) {
        for (int s = 1; s <= optimizerSeeds; s++) {
          ObjectNode study =
              ExperimentCommand.fromTemplate(
                  template, "pareto-" + common.dataset + "-" + strategy + "-" + s, common.dataset);
          study.put("strategy", strategy);
          study.put("budget", budget);
          study.put("optimizerSeed", s);
          study.set("seeds", runSeeds.of(s, runs));
          steps.add(
              new ExperimentCommand.Step(
                  study, out.resolve("search").resolve(strategy).resolve("seed-" + s)));
        }
      }
      ExperimentCommand.runAll(system, steps, err, common.quiet);
    }
    spec.commandLine().getOut().println("wrote " + ParetoReport.write(out));
    return ExitCodes.OK;
  }
}
