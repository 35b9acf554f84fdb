package org.neurohpo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.Design;
import org.neurohpo.experiments.GridVsSearchDesign;
import org.neurohpo.experiments.SensitivityDesign;
import org.neurohpo.local.LocalSystem;
import org.neurohpo.local.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The experiments of the reference study, each one command on the running system. The designs are
 * the {@code experiments} module's; this layer parses their options and runs the system for them.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Runs an experiment of the reference study on the whole system.",
    subcommands = {
      ExperimentCommand.GridVsSearch.class,
      ExperimentCommand.Sensitivity.class,
      HardwareExperiment.class,
      ParetoExperiment.class,
      MultiFidelityExperiment.class,
      JointSpaceExperiment.class
    })
final class ExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** Options every experiment has. */
  static final class Common {
    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "data set")
    String dataset;

    @Mixin Options.Evaluators evaluators;
    @Mixin Options.Cluster cluster;
    @Mixin Options.Out out;
    @Mixin Options.Quiet quiet;

    int evaluators() {
      return evaluators.evaluators;
    }

    Path out() {
      return out.out;
    }
  }

  /** {@code --shared-run-seeds}: the searches' {@link org.neurohpo.experiments.RunSeeds}. */
  static final class RunSeeds {
    @Option(
        names = "--shared-run-seeds",
        description =
            "every study measures on the same seeds 1001.. (default: the study with optimizer"
                + " seed S on its own seeds 1000*S+1..)")
    boolean shared;

    org.neurohpo.experiments.RunSeeds seeds() {
      return new org.neurohpo.experiments.RunSeeds(shared);
    }
  }

  /** {@code --runs K}: runs per set in the searches, default 10. */
  static final class SearchRuns {
    @Option(
        names = "--runs",
        paramLabel = "K",
        description = "runs per set in the searches (default ${DEFAULT-VALUE})")
    int runs = 10;
  }

  /** {@code --strategies} (GP-BO and random), {@code --budget} (40) and {@code --runs} (10). */
  static final class Searches {
    @Option(
        names = "--strategies",
        split = ",",
        paramLabel = "S1,S2",
        description =
            "search strategies: bo, random; grid-vs-search also asha-bo, asha-random,"
                + " hyperband-bo, hyperband-random (from 2 runs, eta 3; default ${DEFAULT-VALUE})")
    List<String> strategies = new ArrayList<>(List.of("bo", "random"));

    @Option(
        names = "--budget",
        paramLabel = "B",
        description = "HP sets per search (default ${DEFAULT-VALUE})")
    int budget = 40;

    @Mixin SearchRuns runs;

    int runs() {
      return runs.runs;
    }
  }

  /** Experiment 1: an exhaustive grid vs searches with few sets and few runs. */
  @Command(
      name = "grid-vs-search",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the encoding grid (every set, --grid-runs runs each) and then GP-BO and random",
        "search (--budget sets, --runs runs each) once per optimizer seed, all through the",
        "services, and writes OUT/grid, OUT/search/STRATEGY/seed-S and the report OUT/report.",
        "The search with optimizer seed S measures its runs on seeds 1000*S+1.. (its own seeds,",
        "never the grid's 1..R); --shared-run-seeds gives every search seeds 1001.. instead.",
        "An interrupted experiment resumes: finished studies in OUT are kept."
      })
  static final class GridVsSearch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(
        names = "--grid-spec",
        paramLabel = "FILE",
        description =
            "study spec whose searchSpace and fixedParams define the grid (default"
                + " ${DEFAULT-VALUE})")
    Path gridSpec = Path.of("experiments/encoding-grid-iris.json");

    @Option(
        names = "--grid-runs",
        paramLabel = "R",
        description = "runs per grid set, seeds 1..R (default ${DEFAULT-VALUE})")
    int gridRuns = 30;

    @Option(
        names = "--grid",
        paramLabel = "DIR",
        description = "reuse this finished grid run (a `run --out` folder) instead of running one")
    Path grid;

    @Option(
        names = "--optimizer-seeds",
        paramLabel = "N",
        description = "studies per strategy, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
    int optimizerSeeds = 10;

    @Mixin Searches searches;
    @Mixin RunSeeds runSeeds;

    @Override
    public Integer call() throws Exception {
      return run(
          spec,
          common,
          new GridVsSearchDesign(
              common.dataset,
              common.out(),
              gridSpec,
              gridRuns,
              grid,
              searches.strategies,
              optimizerSeeds,
              searches.budget,
              searches.runs(),
              runSeeds.seeds(),
              common.evaluators(),
              command(spec)));
    }
  }

  /** Experiment 3: how much each HP and each HP category explains. */
  @Command(
      name = "sensitivity",
      mixinStandardHelpOptions = true,
      description = {
        "Runs a random-search study over a joint space of encoding, EONS and hardware",
        "HPs (--trials sets, --runs runs each) and one-at-a-time sweeps of every HP of",
        "that space (--sweep-values values, --runs runs each, the other HPs at their",
        "defaults clamped into the space's ranges), all through the services; writes",
        "OUT/sample, OUT/sweeps/HP and the report OUT/report (Sobol indices of a GP",
        "fitted to the sample, by HP and by category). Resumable."
      })
  static final class Sensitivity implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(
        names = "--space",
        paramLabel = "FILE",
        description =
            "study spec whose searchSpace (no constraints) and fixedParams define the joint"
                + " space (default ${DEFAULT-VALUE})")
    Path space = Path.of("experiments/joint-space.json");

    @Option(
        names = "--trials",
        paramLabel = "N",
        description = "HP sets of the sample (default ${DEFAULT-VALUE})")
    int trials = 150;

    @Option(
        names = "--runs",
        paramLabel = "K",
        description = "runs per HP set, seeds 1..K (default ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(
        names = "--sweep-values",
        paramLabel = "V",
        description = "values per numeric HP in a sweep (default ${DEFAULT-VALUE})")
    int sweepValues = 5;

    @Override
    public Integer call() throws Exception {
      return run(
          spec,
          common,
          new SensitivityDesign(
              common.dataset,
              common.out(),
              space,
              trials,
              runs,
              sweepValues,
              common.evaluators(),
              command(spec)));
    }
  }

  /**
   * Runs a design: its checks and experiment.json, then its studies on the whole system started for
   * it (telling where its dashboard is), then its report.
   */
  static int run(CommandSpec spec, Common common, Design design) throws Exception {
    design.prepare();
    PrintWriter err = spec.commandLine().getErr();
    boolean quiet = common.quiet.quiet;
    try (LocalSystem system =
            LocalSystem.start(
                common.cluster.against,
                common.cluster.settings(),
                common.evaluators(),
                "neurohpo-experiment-");
        ProgressBar bar = ProgressBar.onStderr(quiet, "experiment")) {
      if (!quiet) {
        err.printf("dashboard: http://localhost:%d/%n", system.resultsPort());
        err.flush();
      }
      design.run(system, bar.progress(err, quiet));
    }
    spec.commandLine()
        .getOut()
        .println("wrote " + ReportCommand.write(design.kind(), design.out()));
    return ExitCodes.OK;
  }

  /** The command line as given, from the top command on (subcommand names included). */
  static String command(CommandSpec spec) {
    List<String> args = spec.root().commandLine().getParseResult().originalArgs();
    return "./neurohpo " + String.join(" ", args);
  }
}
