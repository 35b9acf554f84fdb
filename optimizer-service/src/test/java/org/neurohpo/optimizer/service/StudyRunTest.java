package org.neurohpo.optimizer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

class StudyRunTest {

  static List<TrialRequested> requests(List<Event> events) {
    return events.stream()
        .filter(TrialRequested.class::isInstance)
        .map(TrialRequested.class::cast)
        .toList();
  }

  @Test
  void aRepeatedHpSetRunsOnNewSeeds() throws Exception {
    // three sets and a budget of eight: GP-BO must measure some sets again
    StudySpec spec =
        new StudySpec(
            "repeats",
            "iris",
            "bo",
            8,
            List.of(1L, 2L),
            new ObjectMapper()
                .readTree("[{\"name\":\"e\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]}]"),
            Map.of("generations", 3),
            4);
    StudyRun run = new StudyRun("st", spec, 1, 5);
    List<TrialRequested> requested = new ArrayList<>();
    while (run.state() == StudyRun.State.RUNNING) {
      List<TrialRequested> next = requests(run.fill());
      if (next.isEmpty()) {
        break;
      }
      for (TrialRequested t : next) {
        requested.add(t);
        double acc = "b".equals(t.params().get("e")) ? 0.8 : 0.5 + 0.01 * t.trialNumber();
        run.onCompleted(
            new TrialCompleted(
                Event.SCHEMA_VERSION,
                "st",
                t.trialNumber(),
                t.params(),
                acc,
                0.05,
                acc,
                0.05,
                List.of(new RunFigures(1, acc, acc, acc, 5, 5, 1, 1, 0.1)),
                List.of()));
      }
    }
    Map<Object, List<List<Long>>> seedsBySet = new HashMap<>();
    requested.forEach(
        t ->
            seedsBySet.computeIfAbsent(t.params().get("e"), k -> new ArrayList<>()).add(t.seeds()));
    assertThat(requested).hasSize(8);
    assertThat(seedsBySet.values()).anyMatch(l -> l.size() > 1);
    for (List<List<Long>> seeds : seedsBySet.values()) {
      assertThat(seeds).doesNotHaveDuplicates();
      assertThat(seeds.get(0)).containsExactly(1L, 2L);
      if (seeds.size() > 1) {
        assertThat(seeds.get(1)).containsExactly(1_000_001L, 1_000_002L);
      }
    }
  }

  /** Validation peaks at x = 0.2, test at x = 0.8: they disagree on every trial. */
  private static TrialCompleted disagreeing(TrialRequested t) {
    double x = ((Number) t.params().get("x")).doubleValue();
    double validation = 0.9 - Math.abs(x - 0.2) / 2;
    double test = 0.9 - Math.abs(x - 0.8) / 2;
    return new TrialCompleted(
        Event.SCHEMA_VERSION,
        t.studyId(),
        t.trialNumber(),
        t.params(),
        validation,
        0.01,
        test,
        0.01,
        List.of(new RunFigures(1, 1.0, validation, test, 5, 5, 1, 1, 0.1)),
        List.of());
  }

  @Test
  void searchesAndSelectsOnValidationNeverOnTest() throws Exception {
    StudySpec spec =
        new StudySpec(
            "validation",
            "iris",
            "bo",
            16,
            List.of(1L),
            new ObjectMapper()
                .readTree("[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1}]"),
            Map.of("generations", 3),
            3);
    StudyRun run = new StudyRun("vt", spec, 1, 5);
    List<Double> proposed = new ArrayList<>();
    for (List<TrialRequested> next = requests(run.fill());
        !next.isEmpty();
        next = requests(run.fill())) {
      for (TrialRequested t : next) {
        proposed.add(((Number) t.params().get("x")).doubleValue());
        run.onCompleted(disagreeing(t));
      }
    }
    assertThat(run.state()).isEqualTo(StudyRun.State.COMPLETED);
    assertThat(proposed).hasSize(16);
    // GP-BO follows what it is told: its last proposals close in on the validation optimum
    List<Double> last = proposed.subList(12, 16);
    assertThat(last).allSatisfy(x -> assertThat(Math.abs(x - 0.2)).isLessThan(0.1));
    TrialCompleted best = run.best().orElseThrow();
    double bestValidation =
        run.completedTrials().stream()
            .mapToDouble(TrialCompleted::meanValidationAccuracy)
            .max()
            .orElseThrow();
    assertThat(best.meanValidationAccuracy()).isEqualTo(bestValidation);
    assertThat(best.meanTestAccuracy())
        .isLessThan(
            run.completedTrials().stream()
                .mapToDouble(TrialCompleted::meanTestAccuracy)
                .max()
                .orElseThrow());
    StudyCompleted done = run.completion().orElseThrow();
    assertThat(done.bestTrialNumber()).isEqualTo(best.trialNumber());
    assertThat(done.bestMeanValidationAccuracy()).isEqualTo(best.meanValidationAccuracy());
    assertThat(done.bestMeanTestAccuracy()).isEqualTo(best.meanTestAccuracy());
    assertThat(StudyRun.objectives(best)[0]).isEqualTo(-best.meanValidationAccuracy());
  }
}
