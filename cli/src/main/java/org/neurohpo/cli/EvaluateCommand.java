package org.neurohpo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.EvaluationOutput;
import org.neurohpo.local.ProgressBar;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.data.Datasets;
import org.neurohpo.neuro.evaluation.Evaluation;
import org.neurohpo.neuro.evaluation.RunResult;
import org.neurohpo.neuro.hp.HyperParameterSet;
import org.neurohpo.risp.NetworkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Evaluates one hyperparameter set: encode, train with EONS, test, once per seed. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates one hyperparameter set on a data set, once per seed.",
      "Encodes the data into spikes, trains a network with EONS on the training part and",
      "scores it on the validation and the test parts (stratified by seed: 30 % test, 25 % of",
      "the rest validation, so 52.5/17.5/30). A study selects on validation; test is for reports.",
      "HPs not given keep their defaults; 'neurohpo hp-space' lists them all."
    })
final class EvaluateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "NAME|FILE.csv",
      description = "a built-in data set (iris, wine, breast_cancer, pima, ...) or a CSV file")
  String dataset;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description = "an HP value, e.g. --param encoder=rate --param simTime=40 (repeatable)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--seeds",
      split = ",",
      paramLabel = "S1,S2,...",
      defaultValue = "1,2,3,4,5",
      description = "seeds of the runs (split, EONS); default: ${DEFAULT-VALUE}")
  List<Long> seeds;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(
      names = "--save-network",
      paramLabel = "FILE",
      description =
          "save the trained network as TENNLab JSON (with several seeds: FILE-seed<S>.json each)")
  Path saveNetwork;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads for EONS fitness (default: all cores); results do not depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin Options.Quiet quiet;

  @Override
  public Integer call() throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    Dataset data = Datasets.load(dataset);
    HyperParameterSet hp = HyperParameterSet.fromStrings(params);
    Evaluation evaluation = Evaluation.prepare(data, hp);
    List<RunResult> runs = new ArrayList<>();
    try (ProgressBar bar = ProgressBar.onStderr(quiet.quiet, "evaluate")) {
      for (int i = 0; i < seeds.size(); i++) {
        long seed = seeds.get(i);
        int runIndex = i;
        RunResult run =
            evaluation.run(
                seed,
                threads,
                (generation, generations, best) ->
                    bar.update(
                        runIndex + (double) generation / generations,
                        seeds.size(),
                        String.format("seed %d, best train %.3f", seed, best)));
        runs.add(run);
        if (saveNetwork != null) {
          save(run, seeds.size() > 1 ? withSeed(saveNetwork, seed) : saveNetwork);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        json ? EvaluationOutput.json(data, hp, runs) : EvaluationOutput.table(data, hp, runs));
    out.flush();
    return ExitCodes.OK;
  }

  private static void save(RunResult run, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, NetworkJson.write(run.network()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path withSeed(Path file, long seed) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : ".json";
    return file.resolveSibling(stem + "-seed" + seed + ext);
  }
}
