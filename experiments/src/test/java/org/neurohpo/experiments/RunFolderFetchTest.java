package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.SchedulerSpec;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;

/** `fetch` of a scheduled study: its pruned trials come from the trials topic's TrialPruned. */
class RunFolderFetchTest {
  @TempDir Path dir;

  private static TrialCompleted result(int trial, int rung, long... seeds) {
    return result(Map.of("x", trial), 0.7, trial, rung, seeds);
  }

  private static TrialCompleted result(
      Map<String, Object> params, double test, int trial, int rung, long... seeds) {
    List<RunFigures> runs = new ArrayList<>();
    for (long s : seeds) {
      runs.add(new RunFigures(s, 0.9, 0.8, test, 3, 4, 1, 1, 0.1));
    }
    return new TrialCompleted(
        Event.SCHEMA_VERSION, "s1", trial, params, 0.8, 0.0, test, 0.0, runs, List.of(), rung);
  }

  private static StudyEvent on(String topic, Event e) {
    return StudyEvent.decode(topic, EventCodec.encode(e), "s1");
  }

  @Test
  void aFetchedScheduledStudyMarksItsPrunedTrialsAndCountsEveryRun() throws Exception {
    StudySpec spec =
        new StudySpec(
            "asha",
            "iris",
            "random",
            2,
            LongStream.rangeClosed(1, 6).boxed().toList(),
            new ObjectMapper().readTree("[{\"name\":\"x\",\"type\":\"int\",\"low\":0,\"high\":9}]"),
            Map.of("generations", 3),
            5,
            new SchedulerSpec("asha", "runs", 2, 6, 3));
    List<StudyEvent> events =
        List.of(
            on(Topics.STUDIES, new StudyCreated(Event.SCHEMA_VERSION, "s1", spec, Instant.EPOCH)),
            on(Topics.RESULTS, result(0, 0, 1, 2)),
            on(Topics.RESULTS, result(1, 0, 1, 2)),
            on(Topics.TRIALS, new TrialPruned(Event.SCHEMA_VERSION, "s1", 1, 0, 2, "ranked low")),
            on(Topics.RESULTS, result(0, 1, 1, 2, 3, 4, 5, 6)),
            on(
                Topics.STUDIES,
                new StudyCompleted(
                    Event.SCHEMA_VERSION,
                    "s1",
                    2,
                    0,
                    Map.of("x", 0),
                    0.8,
                    0.7,
                    "budget",
                    Instant.EPOCH.plusSeconds(9),
                    1)));
    assertThat(events).doesNotContainNull();
    RunFolder.Fetched f = RunFolder.fromEvents("s1", events).orElseThrow();
    RunFolder.write(dir, f.view(), f.study(), f.wallSeconds());

    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.get("trialsPruned").asInt()).isEqualTo(1);
    assertThat(summary.get("runsUsed").asInt()).isEqualTo(8);
    assertThat(summary.get("best").get("trialNumber").asInt()).isZero();
    List<String> rows = Files.readAllLines(dir.resolve("trials.csv"));
    assertThat(rows.get(0)).endsWith(",pruned");
    assertThat(rows.get(1)).startsWith("0,").endsWith(",false");
    assertThat(rows.get(2)).startsWith("1,").endsWith(",true");
    assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(1 + 8);
  }

  /**
   * Over generations a promoted trial runs its seeds again: every rung's runs are in runs.csv (with
   * their rung) and in runsUsed and generationsUsed, and the trial's figures are its highest
   * rung's.
   */
  @Test
  void aFetchedStudyOverGenerationsKeepsEveryRungsRuns() throws Exception {
    StudySpec spec =
        new StudySpec(
            "asha-g",
            "iris",
            "random",
            2,
            List.of(1L, 2L),
            new ObjectMapper().readTree("[{\"name\":\"x\",\"type\":\"int\",\"low\":0,\"high\":9}]"),
            Map.of("populationSize", 10),
            5,
            new SchedulerSpec("asha", "generations", 2, 6, 3));
    List<StudyEvent> events =
        List.of(
            on(Topics.STUDIES, new StudyCreated(Event.SCHEMA_VERSION, "s1", spec, Instant.EPOCH)),
            on(Topics.RESULTS, result(Map.of("x", 0, "generations", 2), 0.6, 0, 0, 1, 2)),
            on(Topics.RESULTS, result(Map.of("x", 1, "generations", 2), 0.5, 1, 0, 1, 2)),
            on(Topics.TRIALS, new TrialPruned(Event.SCHEMA_VERSION, "s1", 1, 0, 2, "ranked low")),
            on(Topics.RESULTS, result(Map.of("x", 0, "generations", 6), 0.9, 0, 1, 1, 2)));
    RunFolder.Fetched f = RunFolder.fromEvents("s1", events).orElseThrow();
    assertThat(f.view().get("earlierRungs")).hasSize(1);
    RunFolder.write(dir, f.view(), f.study(), f.wallSeconds());

    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.get("runsUsed").asInt()).isEqualTo(6);
    assertThat(summary.get("generationsUsed").asLong()).isEqualTo(2 * 2 + 2 * 2 + 2 * 6);
    List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
    assertThat(runs).hasSize(1 + 6);
    assertThat(runs.get(0)).endsWith(",rung");
    assertThat(runs.stream().filter(r -> r.startsWith("0,"))).hasSize(4);
    StudyResult read = StudyResult.read(dir);
    assertThat(read.best().number()).isZero();
    assertThat(read.best().testAccuracies()).containsExactly(0.9, 0.9);
    assertThat(read.runs()).as("the trials' own runs: 2 + 2").isEqualTo(4);
  }
}
