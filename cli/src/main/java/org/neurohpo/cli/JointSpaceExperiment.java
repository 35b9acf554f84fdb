package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.JointSpaceDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** GP-BO against random search on the joint space: the options of {@link JointSpaceDesign}. */
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
  @Mixin ExperimentCommand.Searches searches;

  @Option(
      names = "--space",
      paramLabel = "FILE",
      description =
          "study spec whose searchSpace and fixedParams define the space (default"
              + " ${DEFAULT-VALUE})")
  Path space = Path.of("experiments/joint-space.json");

  @Option(
      names = "--optimizer-seeds",
      paramLabel = "N",
      description = "searches per strategy, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
  int optimizerSeeds = 10;

  @Option(
      names = "--fresh-runs",
      paramLabel = "V",
      description =
          "runs of each recommendation on the fresh seeds 900001.. (default ${DEFAULT-VALUE})")
  int freshRuns = 30;

  @Override
  public Integer call() throws Exception {
    return ExperimentCommand.run(
        spec,
        common,
        new JointSpaceDesign(
            common.dataset,
            common.out(),
            space,
            searches.strategies,
            optimizerSeeds,
            searches.budget,
            searches.runs(),
            freshRuns,
            runSeeds.seeds(),
            common.evaluators(),
            ExperimentCommand.command(spec)));
  }
}
