package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 17's replay benchmark: search strategies with and without early stopping replayed on a
 * committed measured grid (no EONS run, no broker), judged by Welch's rule (at {@code alpha})
 * against the grid's best. Writes OUT/experiment.json; the report is the caller's to write.
 *
 * @param grid a finished grid run, or an experiment folder holding grid/
 */
public record MultiFidelityDesign(
    Path grid,
    Path out,
    List<String> strategies,
    int optimizerSeeds,
    List<Integer> budgets,
    MultiFidelityReplay.Settings settings,
    int threads,
    double alpha,
    String command) {

  /** The replay done: what it ran on and every outcome. */
  public record Replayed(
      MultiFidelityReplay replay,
      List<MultiFidelityReplay.Outcome> outcomes,
      String dataset,
      double seconds) {}

  /** Checks the settings (before {@code settings} is built from them), naming the option. */
  public static void check(
      List<String> strategies,
      int optimizerSeeds,
      List<Integer> budgets,
      int minRuns,
      int maxRuns,
      int eta,
      int workers,
      int threads) {
    Specs.atLeast("--optimizer-seeds", optimizerSeeds, 1);
    Specs.atLeast("--min-runs", minRuns, 1);
    Specs.atLeast("--max-runs", maxRuns, minRuns);
    Specs.atLeast("--eta", eta, 2);
    Specs.atLeast("--threads", threads, 1);
    Specs.atLeast("--workers", workers, 1);
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
      Specs.atLeast("--budgets", b, 1);
    }
  }

  /** Replays every strategy at every budget and writes experiment.json. */
  public Replayed run() throws IOException, InterruptedException {
    Path dir = RunFolder.isRunFolder(grid) ? grid : grid.resolve("grid");
    if (!RunFolder.isRunFolder(dir)) {
      throw new IllegalArgumentException(
          "--grid " + grid + ": no trials.csv there nor in grid/ (not a grid run folder)");
    }
    Grid g = new Grid(StudyResult.read(dir));
    int maxRuns = settings.maxRuns();
    if (g.runsPerSet() < maxRuns) {
      throw new IllegalArgumentException(
          "--max-runs "
              + maxRuns
              + ": the grid has only "
              + g.runsPerSet()
              + " runs per set, a replay cannot draw more");
    }
    List<Integer> sorted = budgets.stream().distinct().sorted().toList();
    MultiFidelityReplay replay = new MultiFidelityReplay(g, settings, alpha);
    long start = System.nanoTime();
    List<MultiFidelityReplay.Outcome> rows =
        replay.run(strategies, optimizerSeeds, sorted, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    String dataset = g.study().spec().path("dataset").asText("?");
    Files.createDirectories(out);
    ObjectNode meta = Specs.experiment("multifidelity", dataset, command);
    boolean testOnly = g.study().trials().stream().allMatch(t -> Double.isNaN(t.validationMean()));
    meta.put(
        "notes",
        String.format(
            Locale.ROOT,
            "Replay on %s (%d sets x %d runs): %s, optimizer seeds 1..%d, budgets %s runs, rungs"
                + " %s (eta %d), full fidelity %d runs, %d simulated worker(s). %s. Replay time"
                + " %.1f s on %d thread(s).",
            dir,
            g.ranked().size(),
            g.runsPerSet(),
            String.join(", ", strategies),
            optimizerSeeds,
            sorted,
            Arrays.toString(settings.ladder().levels()),
            settings.eta(),
            maxRuns,
            settings.workers(),
            testOnly
                ? "Objective and judgement: the grid's per-run test accuracy (the grid was"
                    + " measured before the validation split)"
                : "Objective: the runs' validation accuracy; judgement: the recommended set's grid"
                    + " mean test accuracy",
            seconds,
            threads));
    Files.writeString(out.resolve("experiment.json"), meta.toPrettyString() + "\n");
    return new Replayed(replay, rows, dataset, seconds);
  }
}
