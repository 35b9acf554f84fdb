package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.local.LocalStack;
import org.neurohpo.local.StudyClient;

/** `watch` and `export` against a running system with one finished study. */
class WatchExportTest {
  @TempDir static Path dir;
  private static LocalStack stack;
  private static LocalStack.Parts parts;
  private static String id;

  @BeforeAll
  static void runAStudy() throws Exception {
    stack =
        new LocalStack(
            Path.of("..").toAbsolutePath().normalize(),
            Files.createDirectories(dir.resolve("logs")));
    parts = stack.startSystem(null, dir, 1, 1, 2);
    StudyClient client = new StudyClient(stack.http(), parts.optimizerPort(), stack.token());
    id =
        client.submit(
            new ObjectMapper()
                .readTree(
                    """
                    {"name": "watched", "dataset": "iris", "strategy": "random", "budget": 3,
                     "seeds": [1, 2], "optimizerSeed": 2,
                     "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 6}],
                     "fixedParams": {"populationSize": 10, "generations": 2}}
                    """));
    assertThat(client.awaitEnd(id).path("state").asText()).isEqualTo("completed");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void watchPrintsTheStudysEventsAsJsonLinesAndEndsWithTheStudy() throws Exception {
    Cli cli = Cli.run("watch", id, "--against", parts.bootstrap(), "--json");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<String> types = new ArrayList<>();
    for (String line : cli.out().strip().split("\n")) {
      JsonNode e = new ObjectMapper().readTree(line);
      assertThat(e.path("studyId").asText()).isEqualTo(id);
      types.add(e.path("type").asText());
    }
    assertThat(types.get(0)).isEqualTo("StudyCreated");
    assertThat(types.get(types.size() - 1)).isEqualTo("StudyCompleted");
    assertThat(types).filteredOn("TrialRequested"::equals).hasSize(3);
    assertThat(types).filteredOn("RunEvaluated"::equals).hasSize(6);
    assertThat(types).filteredOn("TrialCompleted"::equals).hasSize(3);
  }

  @Test
  void watchPrintsReadableLines() {
    Cli cli = Cli.run("watch", id, "--against", parts.bootstrap());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("study " + id + " created: watched on iris, random, budget 3 trials x 2 seeds")
        .contains("trial 0 requested: populationSize=10 generations=2 bins=")
        .containsPattern("trial 2 completed: mean validation accuracy [01]\\.\\d{4}, test ")
        .contains("study completed (budget): 3 trials, best trial ");
  }

  @Test
  void exportGivesTheTrialsAsCsvAndJson() throws Exception {
    String results = "http://127.0.0.1:" + parts.resultsPort();
    Cli csv = Cli.run("export", id, "--results", results);
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    List<String> rows = csv.out().strip().lines().toList();
    assertThat(rows.get(0))
        .isEqualTo(
            "number,populationSize,generations,bins,mean,std,runs,validationMean,validationStd");
    assertThat(rows).hasSize(4);
    Cli json = Cli.run("export", id, "--format", "json", "--results", results);
    assertThat(json.exitCode()).isZero();
    JsonNode trials = new ObjectMapper().readTree(json.out());
    assertThat(trials).hasSize(3);
    assertThat(trials.get(0).path("runs")).hasSize(2);
  }

  @Test
  void exportOfAnUnknownStudyIsOneLine() {
    Cli cli =
        Cli.run("export", "study-none", "--results", "http://127.0.0.1:" + parts.resultsPort());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .doesNotContain("\n")
        .contains("the results service has no results for study-none");
  }
}
