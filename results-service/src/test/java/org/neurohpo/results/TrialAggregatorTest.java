package org.neurohpo.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFailed;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.results.service.TrialAggregator;

class TrialAggregatorTest {
  private static final TrialRequested TRIAL =
      new TrialRequested(1, "s", 4, "iris", Map.of("bins", 4), List.of(1L, 2L, 3L));

  /** A run whose validation accuracy is {@code acc - 0.1} and test accuracy {@code acc}. */
  private static RunEvaluated run(long seed, double acc) {
    return new RunEvaluated(
        2, "s", 4, new RunFigures(seed, 0.9, acc - 0.1, acc, 10, 5, 3, 4, 1), "e");
  }

  @Test
  void completesOnceEverySeedReportedIgnoringDuplicates() {
    TrialAggregator a = new TrialAggregator();
    assertThat(a.onRun(run(2, 0.8))).isEmpty(); // before the request: kept
    assertThat(a.onRequested(TRIAL)).isEmpty();
    assertThat(a.onRun(run(1, 0.9))).isEmpty();
    assertThat(a.onRun(run(1, 0.1))).isEmpty(); // redelivery: ignored
    Optional<TrialCompleted> done = a.onRun(run(3, 1.0));
    assertThat(done).isPresent();
    TrialCompleted t = done.get();
    assertThat(t.runs()).extracting(RunFigures::seed).containsExactly(1L, 2L, 3L);
    assertThat(t.meanTestAccuracy()).isCloseTo(0.9, within(1e-12));
    assertThat(t.stdTestAccuracy()).isCloseTo(0.1, within(1e-12));
    assertThat(t.meanValidationAccuracy()).isCloseTo(0.8, within(1e-12));
    assertThat(t.stdValidationAccuracy()).isCloseTo(0.1, within(1e-12));
    assertThat(t.schemaVersion()).isEqualTo(2);
    assertThat(t.params()).containsEntry("bins", 4);
    assertThat(a.onRun(run(3, 0.5))).isEmpty(); // completes once
    assertThat(a.onRequested(TRIAL)).isEmpty();
  }

  @Test
  void aPromotedTrialCompletesAgainAtItsNewRungWithEveryRunSoFar() {
    TrialAggregator a = new TrialAggregator();
    TrialRequested rung0 =
        new TrialRequested(2, "s", 4, "iris", Map.of("bins", 4), List.of(1L, 2L), 0);
    TrialRequested rung1 =
        new TrialRequested(2, "s", 4, "iris", Map.of("bins", 4), List.of(3L, 4L), 1);
    assertThat(a.onRequested(rung0)).isEmpty();
    assertThat(a.onRun(run(1, 0.9))).isEmpty();
    TrialCompleted first = a.onRun(run(2, 0.7)).orElseThrow();
    assertThat(first.rung()).isZero();
    assertThat(first.runs()).hasSize(2);
    assertThat(a.onRun(run(2, 0.7))).isEmpty(); // a repeat: rung 0 completes once
    assertThat(a.onRequested(rung1)).isEmpty();
    assertThat(a.onRun(run(3, 1.0))).isEmpty();
    TrialCompleted second = a.onRun(run(4, 0.6)).orElseThrow();
    assertThat(second.rung()).isEqualTo(1);
    assertThat(second.runs()).extracting(RunFigures::seed).containsExactly(1L, 2L, 3L, 4L);
    assertThat(second.meanTestAccuracy()).isCloseTo(0.8, within(1e-12));
    assertThat(a.onRequested(rung1)).isEmpty();
  }

  private static RunEvaluated run(long seed, double acc, int rung) {
    return new RunEvaluated(
        2, "s", 4, new RunFigures(seed, 0.9, acc - 0.1, acc, 10, 5, 3, 4, 1), "e", rung);
  }

  @Test
  void runsNamingTheirRungAddUpOverRungsWhenPromotionsAddSeeds() {
    TrialAggregator a = new TrialAggregator();
    a.onRequested(new TrialRequested(2, "s", 4, "iris", Map.of("bins", 4), List.of(1L, 2L), 0));
    a.onRequested(new TrialRequested(2, "s", 4, "iris", Map.of("bins", 4), List.of(3L), 1));
    assertThat(a.onRun(run(3, 1.0, 1))).isEmpty(); // rung 1's run first: nothing completes
    assertThat(a.onRun(run(1, 0.9, 0))).isEmpty();
    TrialCompleted both = a.onRun(run(2, 0.8, 0)).orElseThrow();
    assertThat(both.rung()).as("rung 0 is passed over: rung 1 is complete too").isEqualTo(1);
    assertThat(both.runs()).extracting(RunFigures::seed).containsExactly(1L, 2L, 3L);
  }

  /**
   * Over generations a promotion runs the same seeds again with more generations: a rung's record
   * has that rung's runs and parameters only, and a run at one rung never stands in for another.
   */
  @Test
  void aTrialPromotedInGenerationsCompletesWithTheRunsOfItsNewRungOnly() {
    TrialAggregator a = new TrialAggregator();
    Map<String, Object> short_ = Map.of("bins", 4, "generations", 2);
    Map<String, Object> long_ = Map.of("bins", 4, "generations", 6);
    a.onRequested(new TrialRequested(2, "s", 4, "iris", short_, List.of(1L, 2L), 0));
    assertThat(a.onRun(run(1, 0.5, 0))).isEmpty();
    TrialCompleted low = a.onRun(run(2, 0.7, 0)).orElseThrow();
    assertThat(low.rung()).isZero();
    assertThat(low.params()).isEqualTo(short_);
    a.onRequested(new TrialRequested(2, "s", 4, "iris", long_, List.of(1L, 2L), 1));
    assertThat(a.onRun(run(1, 0.5, 0))).as("a redelivered rung-0 run").isEmpty();
    assertThat(a.onRun(run(1, 0.9, 1))).isEmpty();
    TrialCompleted high = a.onRun(run(2, 1.0, 1)).orElseThrow();
    assertThat(high.rung()).isEqualTo(1);
    assertThat(high.params()).isEqualTo(long_);
    assertThat(high.runs()).extracting(RunFigures::testAccuracy).containsExactly(0.9, 1.0);
    assertThat(high.meanTestAccuracy()).isCloseTo(0.95, within(1e-12));
    a.onFailed(new RunFailed(2, "s", 4, 1L, "late", "e", 1));
    assertThat(a.onRun(run(2, 0.1, 1))).isEmpty();
  }

  @Test
  void aTrialOfAStudyWithoutASchedulerHasNoRung() {
    TrialAggregator a = new TrialAggregator();
    a.onRequested(TRIAL);
    a.onRun(run(1, 0.9));
    a.onRun(run(2, 0.9));
    assertThat(a.onRun(run(3, 0.9)).orElseThrow().rung()).isNull();
  }

  @Test
  void failedRunsCountAsReportedAndAreListed() {
    TrialAggregator a = new TrialAggregator();
    a.onRequested(TRIAL);
    a.onRun(run(1, 0.7));
    a.onFailed(new RunFailed(1, "s", 4, 2, "out of memory", "e"));
    TrialCompleted t =
        a.onFailed(new RunFailed(1, "s", 4, 3, "HP bins out of range", "e")).orElseThrow();
    assertThat(t.runs()).hasSize(1);
    assertThat(t.failures())
        .containsExactly("seed 2: out of memory", "seed 3: HP bins out of range");
    assertThat(t.meanTestAccuracy()).isEqualTo(0.7);
    assertThat(t.stdTestAccuracy()).isZero();
    assertThat(t.meanValidationAccuracy()).isCloseTo(0.6, within(1e-12));
    assertThat(t.stdValidationAccuracy()).isZero();
  }

  @Test
  void aTrialWithARunOfASchema1EvaluatorCompletesWithoutValidationFigures() {
    TrialAggregator a = new TrialAggregator();
    a.onRequested(new TrialRequested(1, "s", 4, "iris", Map.of(), List.of(1L, 2L)));
    a.onRun(run(1, 0.9));
    TrialCompleted t =
        a.onRun(new RunEvaluated(1, "s", 4, new RunFigures(2, 1, null, 0.7, 1, 1, 1, 1, 1), "old"))
            .orElseThrow();
    assertThat(t.schemaVersion()).isEqualTo(1);
    assertThat(t.meanValidationAccuracy()).isNull();
    assertThat(t.meanTestAccuracy()).isCloseTo(0.8, within(1e-12));
    assertThat(t.objectiveAccuracy()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void keepsTrialsOfDifferentStudiesApart() {
    TrialAggregator a = new TrialAggregator();
    a.onRequested(new TrialRequested(1, "x", 4, "iris", Map.of(), List.of(1L)));
    assertThat(a.onRun(run(1, 0.5))).isEmpty(); // study "s" was never requested
    assertThat(
            a.onRun(
                new RunEvaluated(2, "x", 4, new RunFigures(1, 1, 0.5, 0.6, 1, 1, 1, 1, 1), "e")))
        .isPresent();
  }
}
