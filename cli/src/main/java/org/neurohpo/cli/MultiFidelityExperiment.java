package org.neurohpo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurohpo.report.Grid;
import org.neurohpo.report.GridVsSearchReport;
import org.neurohpo.report.MultiFidelityReplay;
import org.neurohpo.report.MultiFidelityReport;
import org.neurohpo.report.StudyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issue 17's replay benchmark: search strategies with and without early stopping replayed on a
 * committed measured grid (no EONS run, no broker), judged by Welch's rule against the grid's best.
 */
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

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

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
    ExperimentCommand.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    ExperimentCommand.atLeast("--threads", threads, 1);
    ExperimentCommand.atLeast("--workers", workers, 1);
    for (String s : strategies) {
      if (!MultiFidelityReplay.STRATEGIES.contains(s)) {
        throw new IllegalArgumentException(
            "--strategies: unknown strategy '"
                + s
                + "' ("
                + String.join(", ", MultiFidelityReplay.STRATEGIES)
                + ")");
      }
    }
    for (int b : budgets) {
      ExperimentCommand.atLeast("--budgets", b, 1);
    }
    MultiFidelityReplay.Settings settings =
        new MultiFidelityReplay.Settings(minRuns, maxRuns, eta, workers);
    Path dir = Files.exists(grid.resolve("trials.csv")) ? grid : grid.resolve("grid");
    if (!Files.exists(dir.resolve("trials.csv"))) {
      throw new IllegalArgumentException(
          "--grid " + grid + ": no trials.csv there nor in grid/ (not a grid run folder)");
    }
    Grid g = new Grid(StudyResult.read(dir));
    if (g.runsPerSet() < maxRuns) {
      throw new IllegalArgumentException(
          "--max-runs "
              + maxRuns
              + ": the grid has only "
              + g.runsPerSet()
              + " runs per set, a replay cannot draw more");
    }
    List<Integer> sorted = budgets.stream().distinct().sorted().toList();
    MultiFidelityReplay replay = new MultiFidelityReplay(g, settings, GridVsSearchReport.ALPHA);
    long start = System.nanoTime();
    List<MultiFidelityReplay.Outcome> rows =
        replay.run(strategies, optimizerSeeds, sorted, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    String dataset = g.study().spec().path("dataset").asText("?");
    Files.createDirectories(out);
    ObjectNode meta = ExperimentCommand.experiment(spec, "multifidelity", dataset);
    boolean testOnly = g.study().trials().stream().allMatch(t -> Double.isNaN(t.validationMean()));
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Replay on %s (%d sets x %d runs): %s, optimizer seeds 1..%d, budgets %s runs, rungs"
                + " %s (eta %d), full fidelity %d runs, %d simulated worker(s). Objective and judgement: the grid's"
                + " per-run test accuracy%s. Replay time %.1f s on %d thread(s).",
            dir,
            g.ranked().size(),
            g.runsPerSet(),
            String.join(", ", strategies),
            optimizerSeeds,
            sorted,
            java.util.Arrays.toString(settings.ladder().levels()),
            eta,
            maxRuns,
            workers,
            testOnly ? " (the grid was measured before the validation split)" : "",
            seconds,
            threads));
    Files.writeString(out.resolve("experiment.json"), meta.toPrettyString() + "\n");
    new MultiFidelityReport(replay, rows)
        .write(out, "Multi-fidelity replay on the " + dataset + " grid");
    spec.commandLine()
        .getOut()
        .printf(Locale.ROOT, "wrote %s (replay %.1f s)%n", out.resolve("report.md"), seconds);
    return ExitCodes.OK;
  }
}
