package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.report.GridVsSearchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The experiments of the reference study, each one command on the running system. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Runs an experiment of the reference study on the whole system.",
    subcommands = {ExperimentCommand.GridVsSearch.class})
final class ExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** Experiment 1: an exhaustive grid vs searches with few sets and few runs. */
  @Command(
      name = "grid-vs-search",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the encoding grid (every set, --grid-runs runs each) and then GP-BO and random",
        "search (--budget sets, --runs runs each) once per optimizer seed, all through the",
        "services, and writes OUT/grid, OUT/search/STRATEGY/seed-S and the report OUT/report.",
        "The searches use seeds 1001.. for their runs, so they never see the grid's runs.",
        "An interrupted experiment resumes: finished studies in OUT are kept."
      })
  static final class GridVsSearch implements Callable<Integer> {
    private static final ObjectMapper JSON =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** First seed of the searches' runs: apart from the grid's seeds 1..R. */
    static final int SEARCH_SEED_BASE = 1001;

    @Spec CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "data set")
    String dataset;

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
        names = "--strategies",
        split = ",",
        paramLabel = "S1,S2",
        description = "search strategies (default ${DEFAULT-VALUE})")
    List<String> strategies = new ArrayList<>(List.of("bo", "random"));

    @Option(
        names = "--optimizer-seeds",
        paramLabel = "N",
        description = "studies per strategy, optimizer seeds 1..N (default ${DEFAULT-VALUE})")
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

    @Option(names = "--evaluators", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
    int evaluators = 2;

    @Option(
        names = "--against",
        paramLabel = "HOST:PORT",
        description = "use this Kafka cluster instead of starting a broker")
    String against;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(
        names = {"-q", "--quiet"},
        description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      for (int[] v :
          new int[][] {
            {gridRuns, 2}, {optimizerSeeds, 1}, {budget, 1}, {runs, 1}, {evaluators, 1}
          }) {
        if (v[0] < v[1]) {
          throw new IllegalArgumentException(
              "--grid-runs must be >= 2 (Welch's test); --optimizer-seeds, --budget, --runs,"
                  + " --evaluators >= 1");
        }
      }
      for (String s : strategies) {
        if (!List.of("bo", "random").contains(s)) {
          throw new IllegalArgumentException(
              "--strategies: unknown search strategy '" + s + "' (bo, random)");
        }
      }
      JsonNode template = SpecFiles.readObject(gridSpec);
      if (!template.has("searchSpace")) {
        throw new IllegalArgumentException(gridSpec + ": no searchSpace");
      }
      if (grid != null && !Files.exists(grid.resolve("trials.csv"))) {
        throw new IllegalArgumentException("--grid " + grid + ": no trials.csv (not a run folder)");
      }
      Files.createDirectories(out);
      writeExperiment();
      PrintWriter err = spec.commandLine().getErr();
      try (LocalSystem system = LocalSystem.start(against, evaluators, "neurohpo-experiment-")) {
        Path gridDir = out.resolve("grid");
        if (grid != null) {
          copyRun(grid, gridDir);
        } else if (!Files.exists(gridDir.resolve("summary.json"))) {
          ObjectNode spec = study(template, "grid", 1, 1, seeds(1, gridRuns));
          spec.put("budget", gridSize(spec));
          runStudy(system, spec, gridDir, err);
        }
        for (String strategy : strategies) {
          for (int s = 1; s <= optimizerSeeds; s++) {
            Path dir = out.resolve("search").resolve(strategy).resolve("seed-" + s);
            if (Files.exists(dir.resolve("summary.json"))) {
              continue;
            }
            ObjectNode spec =
                study(
                    template,
                    strategy,
                    budget,
                    s,
                    seeds(SEARCH_SEED_BASE, SEARCH_SEED_BASE + runs - 1));
            runStudy(system, spec, dir, err);
          }
        }
      }
      Path report = GridVsSearchReport.write(out);
      spec.commandLine().getOut().println("wrote " + report);
      return ExitCodes.OK;
    }

    private void runStudy(LocalSystem system, ObjectNode spec, Path dir, PrintWriter err)
        throws Exception {
      long started = System.nanoTime();
      String id = system.submit(spec);
      JsonNode view = system.client().awaitEnd(id);
      system.ended();
      if (!"completed".equals(view.path("state").asText())) {
        throw new IllegalStateException(
            "study "
                + id
                + " ("
                + spec.path("name").asText()
                + ") ended "
                + view.path("state").asText());
      }
      double wall = (System.nanoTime() - started) / 1e9;
      RunOutputs.write(dir, view, spec, wall);
      if (!quiet) {
        err.printf(
            "%s: %d trials in %.0f s, best %.4f%n",
            spec.path("name").asText(),
            view.path("trialsCompleted").asInt(),
            wall,
            view.path("best").path("meanTestAccuracy").asDouble());
        err.flush();
      }
    }

    /** The number of valid sets of the grid spec's space. */
    private static int gridSize(JsonNode spec) {
      return org.neurohpo.bayes.space.SpaceJson.fromNode(spec.path("searchSpace"))
          .enumerate()
          .size();
    }

    private ObjectNode study(
        JsonNode template, String strategy, int budget, int seed, ArrayNode seeds) {
      ObjectNode s = JSON.createObjectNode();
      s.put(
          "name",
          "grid-vs-search-"
              + dataset
              + "-"
              + strategy
              + (strategy.equals("grid") ? "" : "-" + seed));
      s.put("dataset", dataset);
      s.put("strategy", strategy);
      s.put("budget", budget);
      s.set("seeds", seeds);
      s.put("optimizerSeed", seed);
      s.set("searchSpace", template.get("searchSpace"));
      if (template.has("fixedParams")) {
        s.set("fixedParams", template.get("fixedParams"));
      }
      return s;
    }

    private static ArrayNode seeds(int from, int to) {
      ArrayNode a = JSON.createArrayNode();
      for (int i = from; i <= to; i++) {
        a.add(i);
      }
      return a;
    }

    private void writeExperiment() throws IOException {
      ObjectNode e = JSON.createObjectNode();
      e.put("experiment", "grid-vs-search");
      e.put("dataset", dataset);
      e.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      e.put("machine", Machine.describe());
      ArrayNode cmds = e.putArray("commands");
      cmds.add(
          "./neurohpo " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
      e.put(
          "notes",
          String.format(
              "Grid: every valid set of %s's searchSpace, %d runs each (seeds 1..%d). Searches:"
                  + " %s, %d sets x %d runs (seeds %d..%d), optimizer seeds 1..%d, one study at a"
                  + " time on %d evaluators.",
              gridSpec,
              gridRuns,
              gridRuns,
              String.join(", ", strategies),
              budget,
              runs,
              SEARCH_SEED_BASE,
              SEARCH_SEED_BASE + runs - 1,
              optimizerSeeds,
              evaluators));
      Path f = out.resolve("experiment.json");
      if (!Files.exists(f)) {
        Files.writeString(f, JSON.writeValueAsString(e) + "\n");
      }
    }

    private static void copyRun(Path from, Path to) throws IOException {
      if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
        return;
      }
      Files.createDirectories(to);
      for (String f : List.of("study.json", "summary.json", "trials.csv", "runs.csv")) {
        if (Files.exists(from.resolve(f))) {
          Files.copy(
              from.resolve(f), to.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
