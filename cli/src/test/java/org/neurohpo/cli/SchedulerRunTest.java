package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `neurohpo run` of a study with an ASHA or a Hyperband scheduler over runs (issue 17) on the whole
 * system: some trials pruned at 2 runs, some promoted to 6 and 10 keeping their runs, and
 * summary.json's runsUsed equal to the rows of runs.csv.
 */
class SchedulerRunTest {
  @TempDir Path dir;

  @BeforeAll
  static void pointAtTheProject() {
    System.setProperty("neurohpo.home", Path.of("..").toAbsolutePath().normalize().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"asha", "hyperband"})
  void aScheduledStudyPrunesAndPromotesAndCountsEveryRun(String type) throws IOException {
    Path study = dir.resolve("study.json");
    Files.writeString(
        study,
        """
        {"name": "%s", "dataset": "iris", "strategy": "random", "budget": 9,
         "seeds": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "optimizerSeed": 3,
         "scheduler": {"type": "%s", "fidelity": "runs", "min": 2, "max": 10, "eta": 3},
         "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 8},
                         {"name": "simTime", "type": "ordinal", "values": [16, 24, 32]}],
         "fixedParams": {"populationSize": 10, "generations": 3}}
        """
            .formatted(type, type));
    Path out = dir.resolve("out");
    long t0 = System.nanoTime();
    Cli cli =
        Cli.run("run", study.toString(), "--out", out.toString(), "--quiet", "--evaluators", "2");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
    System.out.printf(
        "%s study: %.1f s, runsUsed %d, trialsPruned %d, summary %s%n",
        type,
        seconds,
        summary.get("runsUsed").asInt(),
        summary.get("trialsPruned").asInt(),
        summary);

    assertThat(summary.get("trialsCompleted").asInt()).isEqualTo(9);
    assertThat(summary.get("runsUsed").asInt()).isEqualTo(runs.size() - 1);
    assertThat(summary.get("generationsUsed").asLong())
        .isEqualTo(3L * summary.get("runsUsed").asInt());
    assertThat(rows.get(0)).endsWith(",validationMean,validationStd,pruned");
    assertThat(rows).hasSize(10);
    Map<String, Integer> runsOfTrial = new HashMap<>();
    Set<String> trialSeeds = new HashSet<>();
    for (String r : runs.subList(1, runs.size())) {
      String[] c = r.split(",");
      runsOfTrial.merge(c[0], 1, Integer::sum);
      assertThat(trialSeeds.add(c[0] + "/" + c[1])).as("run %s counted once", r).isTrue();
    }
    int pruned = 0;
    int promoted = 0;
    int runsColumn =
        rows.get(0).split(",").length - 4; // ...,runs,validationMean,validationStd,pruned
    for (String r : rows.subList(1, rows.size())) {
      String[] c = r.split(",");
      int n = Integer.parseInt(c[runsColumn]);
      assertThat(n).isIn(2, 6, 10);
      assertThat(runsOfTrial.get(c[0])).isEqualTo(n);
      boolean isPruned = Boolean.parseBoolean(c[c.length - 1]);
      pruned += isPruned ? 1 : 0;
      promoted += n > 2 ? 1 : 0;
      assertThat(isPruned || n == 10).as("trial %s: pruned or at the top rung", c[0]).isTrue();
    }
    assertThat(pruned).isPositive().isEqualTo(summary.get("trialsPruned").asInt());
    assertThat(promoted).isPositive();
    assertThat(summary.get("runsUsed").asInt()).isLessThan(9 * 10);
    // the recommendation is a trial of the top rung
    String bestTrial = summary.get("best").get("trialNumber").asText();
    assertThat(runsOfTrial.get(bestTrial)).isEqualTo(10);
    if (type.equals("hyperband")) {
      // one bracket of 9 trials at 2 runs: 3 go on to 6 runs, 1 to 10, the other 8 are pruned
      assertThat(pruned).isEqualTo(8);
      assertThat(promoted).isEqualTo(3);
      assertThat(summary.get("runsUsed").asInt()).isEqualTo(9 * 2 + 3 * 4 + 4);
    }
  }

  /**
   * Over EONS generations (rungs of 2, 6 and 18 generations): every request runs both seeds with
   * its rung's generations, a promotion runs them again, and runs.csv holds every rung's runs.
   */
  @Test
  void aStudyOverGenerationsRestartsPromotedTrialsWithMoreGenerations() throws IOException {
    Path study = dir.resolve("study.json");
    Files.writeString(
        study,
        """
        {"name": "asha-generations", "dataset": "iris", "strategy": "random", "budget": 9,
         "seeds": [1, 2], "optimizerSeed": 3,
         "scheduler": {"type": "asha", "fidelity": "generations", "min": 2, "max": 18, "eta": 3},
         "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 8},
                         {"name": "simTime", "type": "ordinal", "values": [16, 24, 32]}],
         "fixedParams": {"populationSize": 10}}
        """);
    Path out = dir.resolve("out");
    Cli cli =
        Cli.run("run", study.toString(), "--out", out.toString(), "--quiet", "--evaluators", "2");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
    System.out.printf("generations study: summary %s%n", summary);

    assertThat(summary.get("trialsCompleted").asInt()).isEqualTo(9);
    assertThat(summary.get("runsUsed").asInt()).isEqualTo(runs.size() - 1);
    int[] generations = {2, 6, 18};
    long used = 0;
    Map<String, Integer> topRung = new HashMap<>();
    Set<String> runKeys = new HashSet<>();
    for (String r : runs.subList(1, runs.size())) {
      String[] c = r.split(",");
      int rung = Integer.parseInt(c[c.length - 1]);
      used += generations[rung];
      topRung.merge(c[0], rung, Math::max);
      assertThat(runKeys.add(c[0] + "/" + c[1] + "@" + rung)).as("run %s once", r).isTrue();
    }
    assertThat(summary.get("generationsUsed").asLong()).isEqualTo(used);
    // each trial ran both seeds at every rung up to its highest (ASHA starts all at rung 0)
    topRung.forEach(
        (trial, rung) ->
            assertThat(runs.stream().filter(r -> r.startsWith(trial + ",")))
                .as("trial %s", trial)
                .hasSize(2 * (rung + 1)));
    assertThat(topRung.values()).contains(0, 2);
    int genColumn = List.of(rows.get(0).split(",")).indexOf("generations");
    for (String r : rows.subList(1, rows.size())) {
      String[] c = r.split(",");
      assertThat(Integer.parseInt(c[genColumn])).isEqualTo(generations[topRung.get(c[0])]);
      boolean isPruned = Boolean.parseBoolean(c[c.length - 1]);
      assertThat(isPruned || topRung.get(c[0]) == 2).as("trial %s", c[0]).isTrue();
    }
    assertThat(summary.get("best").get("params").get("generations").asInt()).isEqualTo(18);
    assertThat(summary.get("generationsUsed").asLong()).isLessThan(9L * 2 * 18);
  }
}
