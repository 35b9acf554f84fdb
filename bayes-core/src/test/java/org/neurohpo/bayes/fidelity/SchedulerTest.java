package org.neurohpo.bayes.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.RandomStrategy;

class SchedulerTest {

  /** Proposes x = 0, 1, 2, ... (trial i gets x = i). */
  private static Proposer counting() {
    int[] next = {0};
    return rungs -> Map.of("x", next[0]++);
  }

  @Test
  void geometricLadderEndsAtMax() {
    assertThat(Ladder.geometric(2, 10, 3).levels()).containsExactly(2, 6, 10);
    assertThat(Ladder.geometric(1, 9, 3).levels()).containsExactly(1, 3, 9);
    assertThat(Ladder.geometric(10, 10, 3).levels()).containsExactly(10);
    assertThatThrownBy(() -> Ladder.geometric(0, 10, 3)).hasMessageContaining("min 0");
    assertThatThrownBy(() -> Ladder.geometric(2, 10, 1)).hasMessageContaining("eta");
  }

  /**
   * The hand-worked example: rungs 1, 3, 9 runs, eta 3, one worker. Each row: the job expected
   * (trial, rung, runs from, runs to) and the value then reported.
   */
  @Test
  void ashaPromotesTheTopThirdOfARungAsSoonAsItHasOne() {
    Asha asha = new Asha(Ladder.geometric(1, 9, 3), counting());
    double[][] script = {
      {0, 0, 0, 1, 0.5}, // nothing to promote: new trials until rung 0 has 3 results
      {1, 0, 0, 1, 0.3},
      {2, 0, 0, 1, 0.4},
      {1, 1, 1, 3, 0.35}, // floor(3/3) = 1: trial 1 (0.3) is rung 0's top third
      {3, 0, 0, 1, 0.1}, // trial 1 already promoted, rung 1 has 1 result: a new trial
      {3, 1, 1, 3, 0.2}, // rung 0 now 4 results, top 1 = trial 3
      {4, 0, 0, 1, 0.9},
      {5, 0, 0, 1, 0.8}, // rung 0: 6 results, top 2 = trials 3 and 1, both promoted already
      {6, 0, 0, 1, 0.05},
      {6, 1, 1, 3, 0.25}, // 7 results, top 2 = trials 6, 3: trial 6 goes up
      {3, 2, 3, 9, 0.22}, // rung 1: 3 results (0.35, 0.2, 0.25), top 1 = trial 3 to the top rung
      {7, 0, 0, 1, 0.6} // rung 1's top third promoted, rung 0's top 2 (of 8) too: a new trial
    };
    for (double[] row : script) {
      Job j = asha.next().orElseThrow();
      assertThat(new int[] {j.trial(), j.rung(), j.fromRuns(), j.toRuns()})
          .as("job after %d trials", asha.rungs().trials().size())
          .containsExactly((int) row[0], (int) row[1], (int) row[2], (int) row[3]);
      assertThat(j.params()).containsEntry("x", (int) row[0]);
      asha.report(j, row[4]);
    }
    assertThat(asha.best()).contains(Map.of("x", 3)); // the only trial on the top rung
    assertThat(asha.rungs().results(1)).extracting(Rungs.Trial::id).containsExactly(3, 6, 1);
    assertThat(asha.rungs().trial(1).promoted(0)).isTrue();
    assertThat(asha.rungs().trial(1).promoted(1)).isFalse();
  }

  @Test
  void ashaRecommendsTheBestOfTheHighestRungReached() {
    Asha asha = new Asha(Ladder.geometric(1, 9, 3), counting());
    assertThat(asha.best()).isEmpty();
    for (double v : new double[] {0.5, 0.3, 0.4}) {
      asha.report(asha.next().orElseThrow(), v);
    }
    assertThat(asha.best()).contains(Map.of("x", 1));
    asha.report(asha.next().orElseThrow(), 0.45); // trial 1 at 3 runs: worse, but higher rung
    asha.report(asha.next().orElseThrow(), 0.01); // a new trial, rung 0 only
    assertThat(asha.best()).contains(Map.of("x", 1));
  }

  @Test
  void ashaKeepsWorkersBusyAndPromotesEachTrialOnceWithJobsInFlight() {
    Asha asha = new Asha(Ladder.geometric(1, 9, 3), counting());
    java.util.ArrayDeque<Job> inFlight = new java.util.ArrayDeque<>();
    java.util.Set<String> issued = new java.util.HashSet<>();
    SplittableRandom rng = new SplittableRandom(3);
    for (int step = 0; step < 300; step++) {
      while (inFlight.size() < 4) { // four workers: ask whenever one is free, never an idle one
        Job j = asha.next().orElseThrow();
        assertThat(issued.add(j.trial() + "@" + j.rung())).as("job %s issued twice", j).isTrue();
        if (j.rung() > 0) {
          assertThat(asha.rungs().trial(j.trial()).value(j.rung() - 1)).isNotNaN();
        }
        inFlight.add(j);
      }
      // results come back out of order: sometimes the newest job finishes first
      Job done = rng.nextBoolean() ? inFlight.pollFirst() : inFlight.pollLast();
      asha.report(done, rng.nextDouble());
    }
    assertThat(asha.rungs().results(2)).isNotEmpty();
  }

  @Test
  void hyperbandBracketQuotasFollowTheRule() {
    assertThat(Hyperband.quotas(2, 3, 2)).containsExactly(9, 3, 1);
    assertThat(Hyperband.quotas(2, 3, 1)).containsExactly(5, 1);
    assertThat(Hyperband.quotas(2, 3, 0)).containsExactly(3);
  }

  @Test
  void hyperbandRunsItsBracketsInTurnWithOneWorker() {
    Hyperband hb = new Hyperband(Ladder.geometric(1, 9, 3), counting());
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 9 + 3 + 1 + 5 + 1 + 3 + 1; i++) {
      Job j = hb.next().orElseThrow();
      jobs.add(j);
      hb.report(j, ((j.trial() * 7) % 9) / 10.0); // trial values: 0 .7 .5 .3 .1 .8 .6 .4 .2
    }
    // bracket 2: trials 0..8 at 1 run; the best three (0, 4, 8) to 3 runs; trial 0 to 9
    assertThat(jobs.subList(0, 9)).allMatch(j -> j.rung() == 0 && j.toRuns() == 1);
    assertThat(jobs.subList(9, 12)).extracting(Job::trial).containsExactly(0, 4, 8);
    assertThat(jobs.subList(9, 12)).allMatch(j -> j.fromRuns() == 1 && j.toRuns() == 3);
    assertThat(jobs.get(12)).isEqualTo(new Job(0, Map.of("x", 0), 2, 3, 9));
    // bracket 1: trials 9..13 start at 3 runs; the best (trial 9: value 0) goes to 9 runs
    assertThat(jobs.subList(13, 18)).extracting(Job::trial).containsExactly(9, 10, 11, 12, 13);
    assertThat(jobs.subList(13, 18)).allMatch(j -> j.rung() == 1 && j.fromRuns() == 0);
    assertThat(jobs.get(18)).isEqualTo(new Job(9, Map.of("x", 9), 2, 3, 9));
    // bracket 0: three trials at full fidelity; then bracket 2 again
    assertThat(jobs.subList(19, 22)).allMatch(j -> j.rung() == 2 && j.fromRuns() == 0);
    assertThat(jobs.get(22)).isEqualTo(new Job(17, Map.of("x", 17), 0, 0, 1));
    assertThat(jobs.stream().limit(22).mapToInt(Job::newRuns).sum()).isEqualTo(69);
  }

  @Test
  void hyperbandOpensTheNextBracketInsteadOfWaiting() {
    Hyperband hb = new Hyperband(Ladder.geometric(1, 9, 3), counting());
    List<Job> inFlight = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      inFlight.add(hb.next().orElseThrow());
    }
    Job tenth = hb.next().orElseThrow(); // bracket 2 waits for its 9 results: bracket 1 opens
    assertThat(tenth.rung()).isEqualTo(1);
    assertThat(tenth.fromRuns()).isZero();
    for (Job j : inFlight) {
      hb.report(j, j.trial() / 10.0);
    }
    Job promotion = hb.next().orElseThrow();
    assertThat(promotion).isEqualTo(new Job(0, Map.of("x", 0), 1, 1, 3));
  }

  @Test
  void schedulersStopWhenTheSpaceIsUsedUp() {
    int[] left = {2};
    Proposer two = rungs -> left[0]-- > 0 ? Map.of("x", left[0]) : null;
    Asha asha = new Asha(Ladder.geometric(1, 9, 3), two);
    asha.report(asha.next().orElseThrow(), 0.1);
    asha.report(asha.next().orElseThrow(), 0.2);
    assertThat(asha.next()).isEmpty();
  }

  private static final SearchSpace SPACE =
      SpaceJson.parse(
          "[{\"name\":\"a\",\"type\":\"ordinal\",\"values\":[1,2,3,4,5,6,7,8]},"
              + "{\"name\":\"b\",\"type\":\"ordinal\",\"values\":[1,2,3,4,5,6,7,8]},"
              + "{\"name\":\"e\",\"type\":\"cat\",\"choices\":[\"p\",\"q\"]}]");

  /** A noisy objective over SPACE: its minimum at a = 6, b = 3, e = q. */
  private static double objective(Map<String, Object> c, SplittableRandom rng) {
    double a = ((Number) c.get("a")).doubleValue();
    double b = ((Number) c.get("b")).doubleValue();
    double base =
        0.02 * ((a - 6) * (a - 6) + (b - 3) * (b - 3)) + ("q".equals(c.get("e")) ? 0 : 0.1);
    return base + 0.05 * rng.nextGaussian();
  }

  /** Jobs of a scheduler run on {@link #objective} for {@code runs} runs, one worker. */
  private static List<String> replay(Supplier<Scheduler> make, int budget) {
    Scheduler s = make.get();
    SplittableRandom rng = new SplittableRandom(5);
    List<String> out = new ArrayList<>();
    int spent = 0;
    while (spent < budget) {
      Job j = s.next().orElseThrow();
      double sum = 0;
      for (int r = 0; r < j.toRuns(); r++) {
        sum += objective(j.params(), rng);
      }
      spent += j.newRuns();
      s.report(j, sum / j.toRuns());
      out.add(j.trial() + ":" + j.rung() + ":" + SPACE.key(j.params()));
    }
    out.add("best " + SPACE.key(s.best().orElseThrow()));
    return out;
  }

  @Test
  void everySchedulerIsDeterministicForItsSeed() {
    Ladder ladder = Ladder.geometric(2, 10, 3);
    List<Supplier<Scheduler>> makers =
        List.of(
            () -> new Asha(ladder, new RandomProposer(SPACE, 3, false)),
            () -> new Asha(ladder, new ModelProposer(SPACE, 3)),
            () -> new Hyperband(ladder, new RandomProposer(SPACE, 3, false)),
            () -> new FullFidelity(SPACE, new RandomStrategy(SPACE, 3, false), 10));
    for (Supplier<Scheduler> m : makers) {
      List<String> first = replay(m, 150);
      assertThat(replay(m, 150)).isEqualTo(first);
    }
  }

  @Test
  void modelProposerNeverRepeatsATrialAndUsesTheModelOnceARungIsFull() {
    ModelProposer bo = new ModelProposer(SPACE, 7);
    Asha asha = new Asha(Ladder.geometric(2, 10, 3), bo);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 60; i++) {
      Job j = asha.next().orElseThrow();
      asha.report(j, objective(j.params(), rng));
    }
    List<String> keys = asha.rungs().trials().stream().map(t -> SPACE.key(t.params())).toList();
    assertThat(keys).doesNotHaveDuplicates();
    assertThat(asha.rungs().trials()).allMatch(t -> SPACE.isValid(t.params()));
    assertThat(asha.rungs().highestRungWith(bo.minPoints())).isGreaterThanOrEqualTo(0);
    // the GP-guided proposals crowd the optimum's neighbourhood more than the design does
    long nearAfter =
        asha.rungs().trials().stream()
            .skip(bo.minPoints())
            .filter(t -> Math.abs(((Number) t.params().get("a")).doubleValue() - 6) <= 1)
            .count();
    assertThat(nearAfter).isGreaterThan((asha.rungs().trials().size() - bo.minPoints()) * 3L / 8);
  }

  @Test
  void fullFidelityPoolsRepeatedRunsOfAConfiguration() {
    FullFidelity ff = new FullFidelity(SPACE, new RandomStrategy(SPACE, 1, false), 10);
    Job a = ff.next().orElseThrow();
    Job b = ff.next().orElseThrow();
    ff.report(a, 0.2);
    ff.report(b, 0.25);
    assertThat(ff.best()).contains(SPACE.canonical(a.params()));
    ff.report(new Job(2, a.params(), 0, 0, 30), 0.3); // a re-run of a: pooled (2 + 9) / 40
    assertThat(ff.best()).contains(SPACE.canonical(b.params()));
  }
}
