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
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.neuro.hp.HyperParameterCatalog;
import org.neurohpo.report.GridVsSearchReport;
import org.neurohpo.report.SensitivityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The experiments of the reference study, each one command on the running system. */
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
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    @Option(names = "--evaluators", paramLabel = "N", description = "default ${DEFAULT-VALUE}")
    int evaluators = 2;

    @Option(
        names = "--against",
        paramLabel = "HOST:PORT",
        description = "use this Kafka cluster instead of starting a broker")
    String against;

    @Mixin KafkaConfigOption kafka;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(
        names = {"-q", "--quiet"},
        description = "no progress lines")
    boolean quiet;
  }

  /**
   * The run seeds of the searches: by default the study with optimizer seed S measures on its own
   * seeds 1000*S+1.., so no two studies share a lucky set's luck; all are apart from a grid's 1..R.
   */
  static final class RunSeeds {
    /** First run seed of every search with --shared-run-seeds. */
    static final int SHARED_BASE = 1001;

    /** Distance between the run seeds of two studies. */
    static final int STRIDE = 1000;

    @Option(
        names = "--shared-run-seeds",
        description =
            "every study measures on the same seeds 1001.. (default: the study with optimizer"
                + " seed S on its own seeds 1000*S+1..)")
    boolean shared;

    void check(int runs) {
      if (runs > STRIDE - 1) {
        throw new IllegalArgumentException(
            "--runs: at most " + (STRIDE - 1) + " runs per set, got " + runs);
      }
    }

    int first(int optimizerSeed) {
      return shared ? SHARED_BASE : STRIDE * optimizerSeed + 1;
    }

    ArrayNode of(int optimizerSeed, int runs) {
      return seeds(first(optimizerSeed), first(optimizerSeed) + runs - 1);
    }

    String describe(int runs) {
      return shared
          ? String.format(
              Locale.ROOT, "every study on seeds %d..%d", SHARED_BASE, SHARED_BASE + runs - 1)
          : String.format(
              Locale.ROOT, "the study with optimizer seed S on seeds 1000*S+1..1000*S+%d", runs);
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

    @Mixin RunSeeds runSeeds;

    @Override
    public Integer call() throws Exception {
      atLeast("--grid-runs", gridRuns, 2);
      runSeeds.check(runs);
      atLeast("--optimizer-seeds", optimizerSeeds, 1);
      atLeast("--budget", budget, 1);
      atLeast("--runs", runs, 1);
      atLeast("--evaluators", common.evaluators, 1);
      for (String s : strategies) {
        if (!List.of("bo", "random").contains(s)) {
          throw new IllegalArgumentException(
              "--strategies: unknown search strategy '" + s + "' (bo, random)");
        }
      }
      JsonNode template = template(gridSpec);
      if (grid != null && !Files.exists(grid.resolve("trials.csv"))) {
        throw new IllegalArgumentException("--grid " + grid + ": no trials.csv (not a run folder)");
      }
      Path out = common.out;
      Files.createDirectories(out);
      ObjectNode meta = experiment(spec, "grid-vs-search", common.dataset);
      meta.put(
          "notes",
          String.format(
              Locale.ROOT,
              "Grid: every valid set of %s's searchSpace, %d runs each (seeds 1..%d). Searches:"
                  + " %s, %d sets x %d runs (%s), optimizer seeds 1..%d, one study at a"
                  + " time on %s.",
              gridSpec,
              gridRuns,
              gridRuns,
              String.join(", ", strategies),
              budget,
              runs,
              runSeeds.describe(runs),
              optimizerSeeds,
              evaluatorCount(common.evaluators)));
      writeOnce(out.resolve("experiment.json"), meta);
      PrintWriter err = spec.commandLine().getErr();
      try (LocalSystem system = startSystem(common, err)) {
        List<Step> steps = new ArrayList<>();
        Path gridDir = out.resolve("grid");
        if (grid != null) {
          copyRun(grid, gridDir);
        } else {
          ObjectNode study = study(template, "grid-vs-search-" + common.dataset + "-grid", "grid");
          study.put("optimizerSeed", 1);
          study.set("seeds", seeds(1, gridRuns));
          study.put("budget", SpaceJson.fromNode(template.path("searchSpace")).enumerate().size());
          steps.add(new Step(study, gridDir));
        }
        for (String strategy : strategies) {
          for (int s = 1; s <= optimizerSeeds; s++) {
            ObjectNode study =
                study(
                    template,
                    "grid-vs-search-" + common.dataset + "-" + strategy + "-" + s,
                    strategy);
            study.put("budget", budget);
            study.put("optimizerSeed", s);
            study.set("seeds", runSeeds.of(s, runs));
            steps.add(
                new Step(study, out.resolve("search").resolve(strategy).resolve("seed-" + s)));
          }
        }
        runAll(system, steps, err, common.quiet);
      }
      spec.commandLine().getOut().println("wrote " + GridVsSearchReport.write(out));
      return ExitCodes.OK;
    }

    private ObjectNode study(JsonNode template, String name, String strategy) {
      ObjectNode s = fromTemplate(template, name, common.dataset);
      s.put("strategy", strategy);
      return s;
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
      atLeast("--trials", trials, 2);
      atLeast("--runs", runs, 1);
      atLeast("--sweep-values", sweepValues, 2);
      atLeast("--evaluators", common.evaluators, 1);
      JsonNode template = template(space);
      if (template.path("searchSpace").has("constraints")) {
        throw new IllegalArgumentException(
            space
                + ": the joint space must have no constraints (Sobol indices need independent HPs)");
      }
      JsonNode params = parameters(template);
      ObjectNode groups = JSON.createObjectNode();
      for (JsonNode p : params) {
        String name = p.path("name").asText();
        groups.put(name, category(name));
      }
      Path out = common.out;
      Files.createDirectories(out);
      ObjectNode meta = experiment(spec, "sensitivity", common.dataset);
      meta.set("groups", groups);
      meta.put(
          "notes",
          String.format(
              Locale.ROOT,
              "Sample: random search over %s's searchSpace, %d sets x %d runs (seeds 1..%d)."
                  + " Sweeps: each HP over %d values (all choices of a categorical one), the"
                  + " others at their defaults, %d runs per value.",
              space,
              trials,
              runs,
              runs,
              sweepValues,
              runs));
      writeOnce(out.resolve("experiment.json"), meta);
      PrintWriter err = spec.commandLine().getErr();
      try (LocalSystem system = startSystem(common, err)) {
        List<Step> steps = new ArrayList<>();
        ObjectNode sample =
            fromTemplate(template, "sensitivity-" + common.dataset + "-sample", common.dataset);
        sample.put("strategy", "random");
        sample.put("budget", trials);
        sample.put("optimizerSeed", 1);
        sample.set("seeds", seeds(1, runs));
        steps.add(new Step(sample, out.resolve("sample")));
        for (JsonNode p : params) {
          steps.add(
              new Step(sweep(template, p), out.resolve("sweeps").resolve(p.path("name").asText())));
        }
        runAll(system, steps, err, common.quiet);
      }
      spec.commandLine().getOut().println("wrote " + SensitivityReport.write(out));
      return ExitCodes.OK;
    }

    /** A grid study over one HP's values; an HP active only under a condition gets it fixed. */
    private ObjectNode sweep(JsonNode template, JsonNode p) {
      String name = p.path("name").asText();
      ObjectNode study =
          fromTemplate(
              template, "sensitivity-" + common.dataset + "-sweep-" + name, common.dataset);
      study.put("strategy", "grid");
      study.put("optimizerSeed", 1);
      study.set("seeds", seeds(1, runs));
      ObjectNode param = JSON.createObjectNode();
      param.put("name", name);
      ArrayNode values;
      switch (p.path("type").asText()) {
        case "cat" -> {
          param.put("type", "cat");
          values = param.putArray("choices");
          p.path("choices").forEach(values::add);
        }
        case "ordinal" -> {
          param.put("type", "ordinal");
          values = param.putArray("values");
          p.path("values").forEach(values::add);
        }
        default -> {
          param.put("type", "ordinal");
          values = param.putArray("values");
          double lo = p.path("low").asDouble();
          double hi = p.path("high").asDouble();
          boolean integer = p.path("type").asText().equals("int");
          List<Double> seen = new ArrayList<>();
          for (int i = 0; i < sweepValues; i++) {
            double v = lo + (hi - lo) * i / (sweepValues - 1);
            v = integer ? Math.rint(v) : v;
            if (!seen.contains(v)) {
              seen.add(v);
              values.add(v);
            }
          }
        }
      }
      study.set("searchSpace", JSON.createArrayNode().add(param));
      study.put("budget", values.size());
      ObjectNode fixed =
          template.has("fixedParams")
              ? ((ObjectNode) template.get("fixedParams")).deepCopy()
              : JSON.createObjectNode();
      // the other HPs stay at their defaults, clamped into the joint space's ranges (a default
      // simTime of 24 would not fit a temporal window of 32)
      for (JsonNode other : parameters(template)) {
        String o = other.path("name").asText();
        if (!o.equals(name) && other.has("low") && !fixed.has(o)) {
          Object d = HyperParameterCatalog.get(o).defaultValue();
          if (d instanceof Number n) {
            double v = n.doubleValue();
            double c =
                Math.max(other.path("low").asDouble(), Math.min(other.path("high").asDouble(), v));
            if (c != v) {
              fixed.put(o, c);
            }
          }
        }
      }
      // an HP used only by some encoders is swept under the first of them
      p.path("when").fields().forEachRemaining(c -> fixed.set(c.getKey(), c.getValue().get(0)));
      study.set("fixedParams", fixed);
      return study;
    }

    static JsonNode parameters(JsonNode template) {
      JsonNode s = template.path("searchSpace");
      return s.isArray() ? s : s.path("parameters");
    }

    private static String category(String hp) {
      return switch (categoryOf(hp, "the joint space")) {
        case ENCODING -> "encoding";
        case TRAINING -> "EONS";
        case HARDWARE -> "hardware";
      };
    }
  }

  /** "1 evaluator", "2 evaluators". */
  static String evaluatorCount(int n) {
    return n == 1 ? "1 evaluator" : n + " evaluators";
  }

  /** The category of a searched HP; an unknown name is one line naming it and where it was. */
  static org.neurohpo.neuro.hp.Category categoryOf(String hp, String where) {
    try {
      return HyperParameterCatalog.get(hp).category();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown HP '" + hp + "' in " + where + " ('neurohpo hp-space' lists them)");
    }
  }

  /** Starts the whole system for an experiment and tells where its dashboard is. */
  static LocalSystem startSystem(Common common, PrintWriter err)
      throws IOException, InterruptedException {
    LocalSystem system =
        LocalSystem.start(
            common.against,
            common.kafka.settingsFor(common.against),
            common.evaluators,
            "neurohpo-experiment-");
    if (!common.quiet) {
      err.printf("dashboard: http://localhost:%d/%n", system.resultsPort());
      err.flush();
    }
    return system;
  }

  static void atLeast(String option, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
    }
  }

  static JsonNode template(Path file) throws IOException {
    JsonNode t = SpecFiles.readObject(file);
    if (!t.has("searchSpace")) {
      throw new IllegalArgumentException(file + ": no searchSpace");
    }
    return t;
  }

  /** A study named {@code name} on {@code dataset} with the template's space and fixed HPs. */
  static ObjectNode fromTemplate(JsonNode template, String name, String dataset) {
    ObjectNode s = JSON.createObjectNode();
    s.put("name", name);
    s.put("dataset", dataset);
    s.set("searchSpace", template.get("searchSpace"));
    if (template.has("fixedParams")) {
      s.set("fixedParams", template.get("fixedParams"));
    }
    return s;
  }

  static ArrayNode seeds(int from, int to) {
    ArrayNode a = JSON.createArrayNode();
    for (int i = from; i <= to; i++) {
      a.add(i);
    }
    return a;
  }

  /** experiment.json's common fields: what, on which data set, when, where, the command. */
  static ObjectNode experiment(CommandSpec spec, String name, String dataset) {
    ObjectNode e = JSON.createObjectNode();
    e.put("experiment", name);
    e.put("dataset", dataset);
    e.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    e.put("machine", Machine.describe());
    // the arguments as given, from the top command on (subcommand names included)
    List<String> args = spec.root().commandLine().getParseResult().originalArgs();
    e.putArray("commands").add("./neurohpo " + String.join(" ", args));
    return e;
  }

  /** Writes experiment.json unless a resumed experiment has it already. */
  static void writeOnce(Path f, ObjectNode meta) throws IOException {
    if (!Files.exists(f)) {
      Files.writeString(f, JSON.writeValueAsString(meta) + "\n");
    }
  }

  /** One study of an experiment and the folder it is written to. */
  record Step(ObjectNode study, Path dir) {
    /** Whether an earlier invocation finished it (a resumed experiment skips it). */
    boolean done() {
      return Files.exists(dir.resolve("summary.json"));
    }

    long runs() {
      return study.path("budget").asLong() * study.path("seeds").size();
    }
  }

  /**
   * Runs the steps not done yet, one at a time, with one progress bar over them all, counted in
   * runs (its ETA is for the whole experiment, from the pace of this invocation).
   */
  static void runAll(LocalSystem system, List<Step> steps, PrintWriter err, boolean quiet)
      throws Exception {
    long total = steps.stream().mapToLong(Step::runs).sum();
    long done = steps.stream().filter(Step::done).mapToLong(Step::runs).sum();
    try (ProgressBar bar = ProgressBar.onStderr(quiet, "experiment").resumedAt(done)) {
      for (int k = 0; k < steps.size(); k++) {
        Step step = steps.get(k);
        if (step.done()) {
          continue;
        }
        long before = done;
        String label = String.format(Locale.ROOT, "study %d/%d", k + 1, steps.size());
        int seeds = step.study().path("seeds").size();
        runStudy(
            system,
            step.study(),
            step.dir(),
            err,
            quiet,
            bar,
            v -> {
              int trials = v.path("trialsCompleted").asInt();
              bar.update(
                  before + (long) trials * seeds,
                  total,
                  String.format(
                      Locale.ROOT, "%s, %d/%d trials", label, trials, v.path("budget").asInt()));
            });
        done += step.runs();
      }
    }
  }

  /**
   * Runs one study to its end and writes its folder; a study that does not complete, or has a
   * failed trial, is an error.
   */
  static void runStudy(
      LocalSystem system,
      ObjectNode study,
      Path dir,
      PrintWriter err,
      boolean quiet,
      ProgressBar bar,
      java.util.function.Consumer<JsonNode> onView)
      throws Exception {
    long started = System.nanoTime();
    String id = system.submit(study);
    JsonNode view = system.client().awaitEnd(id, onView);
    system.ended();
    if (!"completed".equals(view.path("state").asText())) {
      throw new IllegalStateException(
          "study "
              + id
              + " ("
              + study.path("name").asText()
              + ") ended "
              + view.path("state").asText());
    }
    double wall = (System.nanoTime() - started) / 1e9;
    for (JsonNode t : view.path("trials")) {
      if (t.path("runs").isEmpty() && !t.path("failures").isEmpty()) {
        // an experiment's analysis needs every set measured: stop at the first failed trial
        throw new IllegalStateException(
            "study "
                + id
                + " ("
                + study.path("name").asText()
                + "): trial "
                + t.path("trialNumber").asInt()
                + " failed: "
                + t.path("failures").get(0).asText());
      }
    }
    RunOutputs.write(dir, view, study, wall);
    if (!quiet) {
      if (bar != null) {
        bar.clear();
      }
      err.printf(
          Locale.ROOT,
          "%s: %d trials in %.0f s, best validation %s, test %.4f%n",
          study.path("name").asText(),
          view.path("trialsCompleted").asInt(),
          wall,
          EventLines.figure(view.path("best").path("meanValidationAccuracy")),
          view.path("best").path("meanTestAccuracy").asDouble());
      err.flush();
    }
  }

  static void copyRun(Path from, Path to) throws IOException {
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      return;
    }
    Files.createDirectories(to);
    for (String f : List.of("study.json", "summary.json", "trials.csv", "runs.csv")) {
      if (Files.exists(from.resolve(f))) {
        Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
