package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.ParetoDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Experiment 5, accuracy against energy: the options of {@link ParetoDesign}. */
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
    return ExperimentCommand.run(
        spec,
        common,
        new ParetoDesign(
            common.dataset,
            common.out(),
            space,
            strategies,
            optimizerSeeds,
            budget,
            runs,
            runSeeds.seeds(),
            common.evaluators(),
            ExperimentCommand.command(spec)));
  }
}
