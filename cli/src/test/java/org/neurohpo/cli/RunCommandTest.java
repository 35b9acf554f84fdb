package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `neurohpo run` end to end: a real broker and the three services as their own JVMs, a small study,
 * its summary.json, trials.csv and runs.csv.
 */
class RunCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void pointAtTheProject() {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  @Test
  void runsAStudyOnTheWholeSystemAndWritesItsOutputs() throws IOException {
    Path study = dir.resolve("study.json");
    Files.writeString(
        study,
        """
        {"name": "tiny", "dataset": "iris", "strategy": "random", "budget": 4, "seeds": [1, 2],
         "optimizerSeed": 3,
         "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 6}],
         "fixedParams": {"populationSize": 20, "generations": 5}}
        """);
    Path out = dir.resolve("out");
    Cli cli =
        Cli.run("run", study.toString(), "--out", out.toString(), "--quiet", "--evaluators", "2");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("strategy").asText()).isEqualTo("random");
    assertThat(summary.get("trialsCompleted").asInt()).isEqualTo(4);
    assertThat(summary.get("runsPerTrial").asInt()).isEqualTo(2);
    assertThat(summary.get("best").get("params").get("bins").asInt()).isBetween(2, 6);
    List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
    assertThat(rows.get(0))
        .isEqualTo(
            "number,populationSize,generations,bins,mean,std,runs,validationMean,validationStd,"
                + "pruned");
    assertThat(rows).hasSize(5);
    assertThat(rows.subList(1, 5)).allMatch(r -> r.split(",")[6].equals("2"));
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertThat(runs.get(0))
        .isEqualTo(
            "trialNumber,seed,trainAccuracy,validationAccuracy,testAccuracy,neurons,synapses,"
                + "spikesPerSample,synapseEventsPerSample,seconds,rung");
    assertThat(runs).hasSize(1 + 4 * 2);
    // each trial's mean in trials.csv is the mean of its runs' test accuracies, its
    // validationMean that of their validation accuracies
    for (String row : rows.subList(1, 5)) {
      String[] t = row.split(",");
      assertThat(Double.parseDouble(t[4])).isCloseTo(runMean(runs, t[0], 4), within(1e-12));
      assertThat(Double.parseDouble(t[7])).isCloseTo(runMean(runs, t[0], 3), within(1e-12));
    }
    // the best trial is the one of the highest validation mean, reported with its test mean
    String[] best =
        rows.subList(1, 5).stream()
            .map(r -> r.split(","))
            .max(
                java.util.Comparator.<String[]>comparingDouble(r -> Double.parseDouble(r[7]))
                    .thenComparing(r -> -Integer.parseInt(r[0])))
            .orElseThrow();
    JsonNode b = summary.get("best");
    assertThat(b.get("trialNumber").asText()).isEqualTo(best[0]);
    assertThat(b.get("meanValidationAccuracy").asDouble()).isEqualTo(Double.parseDouble(best[7]));
    assertThat(b.get("meanTestAccuracy").asDouble()).isEqualTo(Double.parseDouble(best[4]));
  }

  /** The mean of column {@code column} of runs.csv over the runs of trial {@code trial}. */
  private static double runMean(List<String> runs, String trial, int column) {
    return runs.subList(1, runs.size()).stream()
        .map(r -> r.split(","))
        .filter(r -> r[0].equals(trial))
        .mapToDouble(r -> Double.parseDouble(r[column]))
        .average()
        .orElseThrow();
  }

  @Test
  void aLocalCsvIsRegisteredFirstAndTheStudyRunsOnIt() throws IOException {
    Files.copy(Path.of("..", "..", "shared", "datasets", "iris.csv"), dir.resolve("my-iris.csv"));
    Path study = dir.resolve("mine.json");
    Files.writeString(
        study,
        """
        {"name": "mine", "dataset": "my-iris.csv", "strategy": "random", "budget": 2,
         "seeds": [1], "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 6}],
         "fixedParams": {"populationSize": 20, "generations": 5}}
        """);
    Path out = dir.resolve("mine-out");
    Cli cli = Cli.run("run", study.toString(), "--out", out.toString(), "--evaluators", "1");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    String id =
        org.neurohpo.model.DatasetRegistered.idOf(Files.readString(dir.resolve("my-iris.csv")));
    assertThat(cli.err()).contains("registered as " + id);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("trialsCompleted").asInt()).isEqualTo(2);
    assertThat(summary.get("best").get("meanTestAccuracy").asDouble()).isPositive();

    Path missing = dir.resolve("missing.json");
    Files.writeString(missing, Files.readString(study).replace("my-iris.csv", "nope.csv"));
    Cli refused = Cli.run("run", missing.toString(), "--quiet");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err().strip())
        .doesNotContain("\n")
        .contains("dataset nope.csv: no such file");
  }

  @Test
  void invalidStudyIsOneLineNamingItsProblems() throws IOException {
    Path study = dir.resolve("bad.json");
    Files.writeString(
        study, "{\"name\": \"bad\", \"dataset\": \"iris\", \"strategy\": \"bo\", \"budget\": 0}");
    Cli cli = Cli.run("run", study.toString(), "--quiet", "--evaluators", "1");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .doesNotContain("\n")
        .contains("invalid study: ")
        .contains("budget must be an integer in [1, 10000]")
        .contains("seeds must be a non-empty list");
  }
}
