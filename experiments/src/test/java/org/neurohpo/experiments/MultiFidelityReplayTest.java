package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.bayes.fidelity.Job;
import org.neurohpo.bayes.fidelity.Scheduler;

/** The replay on the committed Pima grid (240 sets x 20 measured runs). */
public class MultiFidelityReplayTest {
  private static final Grid pima = pimaGrid();

  @TempDir Path dir;

  /** The committed Pima grid; a test in another module finds it from its own folder too. */
  public static Grid pimaGrid() {
    return new Grid(
        StudyResult.read(Path.of("../docs/results/2026-11-29-grid-vs-search-pima/grid")));
  }

  /** Passes jobs through and keeps every report. */
  private static final class Recording implements Scheduler {
    final Scheduler inner;
    final List<Job> jobs = new ArrayList<>();
    final List<Double> values = new ArrayList<>();

    Recording(Scheduler inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Job> next() {
      return inner.next();
    }

    @Override
    public void report(Job job, double value) {
      jobs.add(job);
      values.add(value);
      inner.report(job, value);
    }

    @Override
    public Optional<Map<String, Object>> best() {
      return inner.best();
    }
  }

  public static MultiFidelityReplay replay(int min, int max, int eta) {
    return new MultiFidelityReplay(pima, new MultiFidelityReplay.Settings(min, max, eta, 1), 0.05);
  }

  /** One replay of a strategy with every job and report recorded. */
  private static Recording recorded(MultiFidelityReplay replay, String strategy, long seed, int b) {
    Recording r = new Recording(replay.scheduler(strategy, seed, b));
    replay.replay(r, seed, b);
    return r;
  }

  @Test
  void onAGridWithValidationRunsStrategiesAreToldValidationAndJudgedOnTest() {
    // the iris grid of the validation design (issue 15): every run has both accuracies
    Grid iris =
        new Grid(StudyResult.read(Path.of("../docs/results/2026-12-02-grid-vs-search-iris/grid")));
    MultiFidelityReplay replay =
        new MultiFidelityReplay(iris, new MultiFidelityReplay.Settings(5, 20, 2, 1), 0.05);
    assertThat(replay.selectsOnValidation()).isTrue();
    assertThat(replay(5, 20, 2).selectsOnValidation()).as("the Pima grid predates it").isFalse();
    Recording r = recorded(replay, "random", 4, 100);
    assertThat(r.jobs).hasSize(5);
    for (int i = 0; i < r.jobs.size(); i++) {
      Grid.Cell c = replay.cell(r.jobs.get(i).params());
      double validation = java.util.Arrays.stream(c.validationRuns()).average().orElseThrow();
      assertThat(r.values.get(i)).isCloseTo(1 - validation, within(1e-12));
      assertThat(validation).as("the two parts differ").isNotCloseTo(c.mean(), within(1e-9));
    }
  }

  @Test
  void aTrialWithAllItsSetsRunsScoresExactlyTheGridMean() {
    // full fidelity 20 runs = every measured run of a set: drawn without replacement, the mean is
    // the grid's mean whatever the order
    MultiFidelityReplay replay = replay(5, 20, 2);
    Recording r = recorded(replay, "random", 4, 100);
    assertThat(r.jobs).hasSize(5);
    for (int i = 0; i < r.jobs.size(); i++) {
      assertThat(r.values.get(i))
          .isCloseTo(1 - replay.cell(r.jobs.get(i).params()).mean(), within(1e-12));
    }
  }

  @Test
  void aPromotedTrialKeepsItsRunsAndGetsNewOnes() {
    // rungs 2, 6, 18, 20: a trial that reaches 20 runs has drawn each of its set's runs once
    MultiFidelityReplay replay = replay(2, 20, 3);
    Recording r = recorded(replay, "asha-random", 2, 1000);
    List<Integer> top = new ArrayList<>();
    for (int i = 0; i < r.jobs.size(); i++) {
      Job j = r.jobs.get(i);
      if (j.toRuns() == 20) {
        top.add(i);
        assertThat(j.fromRuns()).isEqualTo(18);
        assertThat(r.values.get(i)).isCloseTo(1 - replay.cell(j.params()).mean(), within(1e-12));
      }
    }
    assertThat(top).isNotEmpty();
    int spent = r.jobs.stream().mapToInt(Job::newRuns).sum();
    assertThat(spent).isLessThanOrEqualTo(1000).isGreaterThan(1000 - 20);
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() throws Exception {
    MultiFidelityReplay replay = replay(2, 10, 3);
    List<String> strategies = List.of("bo", "asha-bo", "hyperband");
    List<MultiFidelityReplay.Outcome> one = replay.run(strategies, 3, List.of(40, 130), 1);
    List<MultiFidelityReplay.Outcome> two = replay.run(strategies, 3, List.of(40, 130), 2);
    assertThat(two).isEqualTo(one);
    assertThat(one).hasSize(3 * 3 * 2);
    for (MultiFidelityReplay.Outcome o : one) {
      assertThat(o.runsSpent()).isBetween(1, o.budget());
      assertThat(o.asGoodAsBest()).isEqualTo(pima.indistinguishableFromBest(o.set(), 0.05));
      assertThat(o.gridRank()).isEqualTo(pima.cell(o.set()).rank());
    }
  }

  @Test
  void withSeveralWorkersJobsOverlapAndTheBudgetCountsStartedRuns() {
    MultiFidelityReplay four =
        new MultiFidelityReplay(pima, new MultiFidelityReplay.Settings(2, 10, 3, 4), 0.05);
    Recording r = recorded(four, "asha-random", 3, 100);
    // the first reports are the four first trials (2 runs each, started together), in start order
    assertThat(r.jobs.subList(0, 4)).extracting(Job::trial).containsExactly(0, 1, 2, 3);
    // a promotion needs a third of rung 0: with four in flight it comes later than with one
    int firstPromotion = 0;
    while (r.jobs.get(firstPromotion).rung() == 0) {
      firstPromotion++;
    }
    Recording one = recorded(replay(2, 10, 3), "asha-random", 3, 100);
    int alone = 0;
    while (one.jobs.get(alone).rung() == 0) {
      alone++;
    }
    assertThat(firstPromotion).isGreaterThan(alone);
    assertThat(r.jobs.stream().mapToInt(Job::newRuns).sum()).isLessThanOrEqualTo(100);
  }
}
