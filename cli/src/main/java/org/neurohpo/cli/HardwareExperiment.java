package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.HardwareDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Experiment 4, the hardware HPs for a fixed encoding: the options of {@link HardwareDesign}. */
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
  @Spec CommandSpec spec;
  @Mixin ExperimentCommand.Common common;
  @Mixin ExperimentCommand.RunSeeds runSeeds;
  @Mixin ExperimentCommand.SearchRuns runs;

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
      names = "--validation-runs",
      paramLabel = "V",
      description =
          "runs of the defaults and of each recommendation, seeds 900001.. (default"
              + " ${DEFAULT-VALUE})")
  int validationRuns = 30;

  @Override
  public Integer call() throws Exception {
    return ExperimentCommand.run(
        spec,
        common,
        new HardwareDesign(
            common.dataset,
            common.out(),
            space,
            grid,
            encodingParams,
            optimizerSeeds,
            budget,
            runs.runs,
            validationRuns,
            runSeeds.seeds(),
            common.evaluators(),
            ExperimentCommand.command(spec)));
  }
}
