package org.neurohpo.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.evaluator.service.TrialRunner;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFailed;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.neuro.data.Datasets;
import org.neurohpo.neuro.eons.GenerationListener;
import org.neurohpo.neuro.evaluation.Evaluation;
import org.neurohpo.neuro.evaluation.RunResult;
import org.neurohpo.neuro.hp.HyperParameterSet;

class TrialRunnerTest {
  private final TrialRunner runner = new TrialRunner(1, "test");

  @Test
  void evaluatesEverySeed() throws InterruptedException {
    List<Event> events =
        runner.run(
            new TrialRequested(
                1,
                "s",
                0,
                "iris",
                Map.of("populationSize", 10, "generations", 3),
                List.of(1L, 2L)));
    assertThat(events).hasSize(2).allMatch(e -> e instanceof RunEvaluated);
    assertThat(((RunEvaluated) events.get(1)).run().seed()).isEqualTo(2);
  }

  @Test
  void publishesTheRunsValidationAccuracyBesideItsTestAccuracy() throws InterruptedException {
    Map<String, Object> params = Map.of("populationSize", 10, "generations", 3);
    List<Event> events =
        runner.run(new TrialRequested(Event.SCHEMA_VERSION, "s", 0, "wine", params, List.of(3L)));
    RunEvaluated run = (RunEvaluated) events.get(0);
    RunResult direct =
        Evaluation.prepare(Datasets.load("wine"), HyperParameterSet.of(params))
            .run(3, 1, GenerationListener.NONE);
    assertThat(run.schemaVersion()).isEqualTo(Event.SCHEMA_VERSION);
    assertThat(run.run().validationAccuracy()).isEqualTo(direct.validationAccuracy());
    assertThat(run.run().testAccuracy()).isEqualTo(direct.testAccuracy());
  }

  @Test
  void aScheduledTrialsRunsAndFailuresCarryItsRung() throws InterruptedException {
    Map<String, Object> params = Map.of("populationSize", 10, "generations", 2);
    List<Event> events =
        runner.run(
            new TrialRequested(Event.SCHEMA_VERSION, "s", 0, "iris", params, List.of(1L), 2));
    assertThat(((RunEvaluated) events.get(0)).rung()).isEqualTo(2);
    List<Event> failed =
        runner.run(new TrialRequested(1, "s", 3, "iris", Map.of("bins", 99), List.of(1L), 1));
    assertThat(((RunFailed) failed.get(0)).rung()).isEqualTo(1);
    List<Event> plain = runner.run(new TrialRequested(1, "s", 0, "iris", params, List.of(1L)));
    assertThat(((RunEvaluated) plain.get(0)).rung()).isNull();
  }

  @Test
  void badHyperparametersFailEveryRunWithTheReason() throws InterruptedException {
    List<Event> events =
        runner.run(new TrialRequested(1, "s", 3, "iris", Map.of("bins", 99), List.of(1L, 2L)));
    assertThat(events).hasSize(2).allMatch(e -> e instanceof RunFailed);
    assertThat(((RunFailed) events.get(0)).reason())
        .isEqualTo("HP bins must be int in [2, 16], got 99");
  }

  @Test
  void unknownDataSetFailsNamingIt() throws InterruptedException {
    List<Event> events = runner.run(new TrialRequested(1, "s", 3, "irrs", Map.of(), List.of(5L)));
    assertThat(((RunFailed) events.get(0)).reason()).startsWith("unknown data set 'irrs'");
  }

  @Test
  void aPathIsNeverOpenedAndItsFailureTellsNothingOfTheFile() throws InterruptedException {
    for (String path : List.of("/etc/passwd", "../../etc/passwd", "/proc/self/environ", "/nope")) {
      List<Event> events = runner.run(new TrialRequested(1, "s", 3, path, Map.of(), List.of(5L)));
      String reason = ((RunFailed) events.get(0)).reason();
      // the same answer for files that exist and files that do not
      assertThat(reason)
          .isEqualTo(
              "unknown data set '"
                  + path
                  + "'; built-in: iris, wine, breast_cancer_wisconsin_diagnostic,"
                  + " pima_indians_diabetes, ionosphere, sonar, glass");
    }
  }

  @Test
  void startsNoRunOfAStoppedStudyAndEndsOneInProgressAtItsNextGeneration()
      throws InterruptedException {
    Map<String, Object> params = Map.of("populationSize", 10, "generations", 200);
    TrialRunner stopped = new TrialRunner(1, "test", Datasets::named, id -> id.equals("gone"));
    List<Event> none =
        stopped.run(
            new TrialRequested(Event.SCHEMA_VERSION, "gone", 0, "iris", params, List.of(1L, 2L)));
    assertThat(none).hasSize(2).allMatch(e -> e instanceof RunFailed);
    assertThat(((RunFailed) none.get(0)).reason()).isEqualTo("study stopped: run not started");

    // stopped while its first run is in progress (the check before it, then generations 1 and 2
    // go on): it ends after generation 3 of 200, and the next run never starts
    int[] asked = {0};
    TrialRunner midway = new TrialRunner(1, "test", Datasets::named, id -> ++asked[0] > 3);
    List<Event> ended =
        midway.run(
            new TrialRequested(Event.SCHEMA_VERSION, "s", 0, "iris", params, List.of(1L, 2L)));
    assertThat(ended).hasSize(2).allMatch(e -> e instanceof RunFailed);
    assertThat(((RunFailed) ended.get(0)).reason())
        .isEqualTo("study stopped: run ended after generation 3");
    assertThat(((RunFailed) ended.get(1)).reason()).isEqualTo("study stopped: run not started");
    assertThat(
            stopped.run(
                new TrialRequested(
                    Event.SCHEMA_VERSION,
                    "kept",
                    0,
                    "iris",
                    Map.of("populationSize", 10, "generations", 3),
                    List.of(1L))))
        .as("another study's runs go on")
        .allMatch(e -> e instanceof RunEvaluated);
  }
}
