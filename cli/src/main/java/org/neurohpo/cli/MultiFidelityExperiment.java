package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.MultiFidelityDesign;
import org.neurohpo.experiments.MultiFidelityReplay;
import org.neurohpo.report.GridVsSearchReport;
import org.neurohpo.report.MultiFidelityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Issue 17's replay benchmark on a measured grid: the options of {@link MultiFidelityDesign}. */
@Command(
    name = "multifidelity",
    mixinStandardHelpOptions = true,
    description = {
      "Replays full-fidelity GP-BO and random search, ASHA (random or GP-BO proposals) and",
      "Hyperband on a measured grid: k runs of a set are k of its measured runs, drawn without",
      "replacement in an order fixed by the optimizer seed. Per strategy and budget (runs), the",
      "share of optimizer seeds 1..N whose recommendation is as good as the grid's best (Welch,",
      "alpha 0.05). Writes OUT/replay.csv, OUT/success.csv, OUT/report.md, OUT/figures."
    })
final class MultiFidelityExperiment implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--grid",
      required = true,
      paramLabel = "DIR",
      description =
          "a finished grid run (`run --out` folder), or an experiment folder holding grid/")
  Path grid;

  @Mixin Options.Out out;

  @Option(
      names = "--strategies",
      split = ",",
      paramLabel = "S1,S2",
      description = "strategies (default ${DEFAULT-VALUE})")
  List<String> strategies = new ArrayList<>(MultiFidelityReplay.STRATEGIES);

  @Option(
      names = "--optimizer-seeds",
      paramLabel = "N",
      description =
          "replays per strategy and budget, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
  int optimizerSeeds = 50;

  @Option(
      names = "--budgets",
      split = ",",
      paramLabel = "B1,B2",
      description = "budgets in runs (default ${DEFAULT-VALUE})")
  List<Integer> budgets = new ArrayList<>(List.of(40, 70, 100, 130, 200, 270, 400));

  @Option(
      names = "--min-runs",
      paramLabel = "R",
      description = "runs at the first rung (default ${DEFAULT-VALUE})")
  int minRuns = 2;

  @Option(
      names = "--max-runs",
      paramLabel = "R",
      description = "runs at the top rung and of a full-fidelity trial (default ${DEFAULT-VALUE})")
  int maxRuns = 10;

  @Option(
      names = "--eta",
      paramLabel = "ETA",
      description = "reduction factor (default ${DEFAULT-VALUE})")
  int eta = 3;

  @Option(
      names = "--workers",
      paramLabel = "W",
      description =
          "simulated evaluators: a free one asks for a job, a run takes one time unit, results"
              + " come back as they finish (default ${DEFAULT-VALUE})")
  int workers = 1;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "replays run side by side; the results do not depend on it (default ${DEFAULT-VALUE})")
  int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

  @Override
  public Integer call() throws Exception {
    MultiFidelityDesign.check(
        strategies, optimizerSeeds, budgets, minRuns, maxRuns, eta, workers, threads);
    MultiFidelityDesign.Replayed r =
        new MultiFidelityDesign(
                grid,
                out.out,
                strategies,
                optimizerSeeds,
                budgets,
                new MultiFidelityReplay.Settings(minRuns, maxRuns, eta, workers),
                threads,
                GridVsSearchReport.ALPHA,
                ExperimentCommand.command(spec))
            .run();
    new MultiFidelityReport(r.replay(), r.outcomes())
        .write(out.out, "Multi-fidelity replay on the " + r.dataset() + " grid");
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT, "wrote %s (replay %.1f s)%n", out.out.resolve("report.md"), r.seconds());
    return ExitCodes.OK;
  }
}
