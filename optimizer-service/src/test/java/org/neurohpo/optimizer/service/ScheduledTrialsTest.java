package org.neurohpo.optimizer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurohpo.model.Event;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.SchedulerSpec;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;
import org.neurohpo.model.TrialRequested;

/**
 * A study with an ASHA or Hyperband scheduler over runs, driven by hand (as the results service
 * would).
 */
class ScheduledTrialsTest {

  static StudySpec spec(String strategy) throws Exception {
    return spec(strategy, "asha", 9);
  }

  static StudySpec spec(String strategy, String type, int budget) throws Exception {
    return spec(strategy, type, budget, "runs");
  }

  /** Over runs: rungs of 2, 6, 10 runs of seeds 1..10; over generations: 2, 6, 18 of seeds 1..3. */
  static StudySpec spec(String strategy, String type, int budget, String fidelity)
      throws Exception {
    boolean runs = fidelity.equals("runs");
    return new StudySpec(
        type,
        "iris",
        strategy,
        budget,
        LongStream.rangeClosed(1, runs ? 10 : 3).boxed().toList(),
        new ObjectMapper().readTree("[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1}]"),
        runs ? Map.of("generations", 3) : Map.of("populationSize", 10),
        5,
        new SchedulerSpec(type, fidelity, 2, runs ? 10 : 18, 3));
  }

  /** Plays the evaluators and the results service: every event published, and the runs. */
  static final class Cluster {
    final List<Event> published = new ArrayList<>();
    final List<TrialCompleted> results = new ArrayList<>();
    final Deque<TrialRequested> queue = new ArrayDeque<>();
    final Map<Integer, List<Long>> seeds = new HashMap<>();

    void publish(List<Event> events) {
      for (Event e : events) {
        published.add(e);
        if (e instanceof TrialRequested r) {
          queue.add(r);
        }
      }
    }

    /**
     * Completes the oldest request as the results service would: each seed requested so far at the
     * latest request of it (a promotion over generations runs the seeds again), accuracy x (+ seed
     * noise, + a little per generation).
     */
    TrialCompleted completeOne() {
      TrialRequested r = queue.poll();
      List<Long> all = seeds.computeIfAbsent(r.trialNumber(), k -> new ArrayList<>());
      all.removeAll(r.seeds());
      all.addAll(r.seeds());
      double x = ((Number) r.params().get("x")).doubleValue();
      int generations = ((Number) r.params().get("generations")).intValue();
      List<RunFigures> runs = new ArrayList<>();
      double sum = 0;
      for (long s : all) {
        double acc = Math.min(1, 0.5 * x + 0.05 * (s % 3) + 0.001 * generations);
        sum += acc;
        runs.add(new RunFigures(s, acc, acc, acc, 3, 4, 1, 1, 0.1));
      }
      double mean = sum / all.size();
      TrialCompleted t =
          new TrialCompleted(
              Event.SCHEMA_VERSION,
              r.studyId(),
              r.trialNumber(),
              r.params(),
              mean,
              0.0,
              mean,
              0.0,
              runs,
              List.of(),
              r.rung());
      results.add(t);
      return t;
    }

    History history(StudyCreated created) {
      History h = new History();
      h.accept(created);
      published.forEach(h::accept);
      results.forEach(h::accept);
      return h;
    }
  }

  private static void runToTheEnd(StudyRun run, Cluster c) {
    while (run.state() == StudyRun.State.RUNNING && !c.queue.isEmpty()) {
      run.onCompleted(c.completeOne());
      c.publish(run.fill());
      run.completion().ifPresent(e -> c.published.add(e));
    }
  }

  private static void checkNothingRanTwice(Cluster c) {
    Set<String> requests = new HashSet<>();
    Set<String> seeds = new HashSet<>();
    for (Event e : c.published) {
      if (e instanceof TrialRequested r) {
        assertThat(requests.add(r.trialNumber() + "@" + r.rung())).as("request " + r).isTrue();
        for (long s : r.seeds()) {
          assertThat(seeds.add(r.trialNumber() + "/" + s)).as("trial/seed " + r).isTrue();
        }
      }
    }
  }

  @Test
  void promotesTheBestTrialsKeepingTheirRunsAndPrunesTheRest() throws Exception {
    StudyRun run = new StudyRun("sa", spec("random"), 2, 5);
    Cluster c = new Cluster();
    c.publish(run.fill());
    assertThat(c.queue).hasSize(2).allSatisfy(r -> assertThat(r.seeds()).containsExactly(1L, 2L));
    runToTheEnd(run, c);

    assertThat(run.state()).isEqualTo(StudyRun.State.COMPLETED);
    assertThat(run.trialsRequested()).isEqualTo(9);
    List<TrialRequested> promotions =
        c.published.stream()
            .filter(TrialRequested.class::isInstance)
            .map(TrialRequested.class::cast)
            .filter(r -> r.rung() > 0)
            .toList();
    assertThat(promotions).isNotEmpty();
    assertThat(promotions)
        .allSatisfy(
            r ->
                assertThat(r.seeds())
                    .isEqualTo(r.rung() == 1 ? List.of(3L, 4L, 5L, 6L) : List.of(7L, 8L, 9L, 10L)));
    List<Integer> pruned =
        c.published.stream()
            .filter(TrialPruned.class::isInstance)
            .map(e -> ((TrialPruned) e).trialNumber())
            .toList();
    assertThat(pruned).isNotEmpty().doesNotHaveDuplicates();
    assertThat(run.prunedTrials()).containsExactlyElementsOf(pruned.stream().sorted().toList());
    checkNothingRanTwice(c);
    // every trial either reached the top rung or was pruned
    for (TrialCompleted t : run.completedTrials()) {
      assertThat(t.rung() == 2 || pruned.contains(t.trialNumber())).as("trial " + t).isTrue();
    }
    int seedsRequested =
        c.published.stream()
            .filter(TrialRequested.class::isInstance)
            .mapToInt(e -> ((TrialRequested) e).seeds().size())
            .sum();
    StudyView view = StudyView.of(run, null);
    assertThat(view.runsUsed()).isEqualTo(seedsRequested).isLessThan(9 * 10);
    StudyCompleted done = run.completion().orElseThrow();
    assertThat(done.trialsCompleted()).isEqualTo(9);
    TrialCompleted best = run.best().orElseThrow();
    assertThat(best.rung()).isEqualTo(2);
    assertThat(done.bestTrialNumber()).isEqualTo(best.trialNumber());
  }

  @Test
  void aRestoredSchedulerGoesOnWithoutRunningATrialOrSeedTwice() throws Exception {
    for (String strategy : List.of("random", "bo")) {
      StudySpec spec = spec(strategy);
      StudyCreated created = new StudyCreated(Event.SCHEMA_VERSION, "sr", spec, Instant.EPOCH);
      StudyRun run = new StudyRun("sr", spec, 2, 5);
      Cluster c = new Cluster();
      c.publish(run.fill());
      for (int i = 0; i < 8; i++) {
        run.onCompleted(c.completeOne());
        c.publish(run.fill());
      }
      assertThat(c.published).anyMatch(e -> e instanceof TrialRequested r && r.rung() > 0);
      // the optimizer dies here; a new one rebuilds the study from the topics
      History.Study h = c.history(created).studies().get(0);
      StudyRun restored =
          StudyRun.restore("sr", spec, 2, 5, h.requested(), h.completed(), h.pruned(), false);
      assertThat(restored.inFlight()).isEqualTo(c.queue.size());
      assertThat(restored.fill()).as("nothing more to publish while two are in flight").isEmpty();
      runToTheEnd(restored, c);
      assertThat(restored.state()).as(strategy).isEqualTo(StudyRun.State.COMPLETED);
      assertThat(restored.trialsRequested()).isEqualTo(9);
      checkNothingRanTwice(c);
    }
  }

  /**
   * Hyperband (rungs 2, 6, 10 runs, eta 3): brackets of 9 trials from 2 runs, 5 from 6 runs and 3
   * at 10 runs, in turn; a bracket's losers are pruned as soon as it moves on.
   */
  @Test
  void hyperbandRunsItsBracketsAndPrunesEachBracketsLosers() throws Exception {
    StudyRun run = new StudyRun("hb", spec("random", "hyperband", 20), 3, 5);
    Cluster c = new Cluster();
    c.publish(run.fill());
    runToTheEnd(run, c);
    assertThat(run.state()).isEqualTo(StudyRun.State.COMPLETED);
    assertThat(run.trialsRequested()).isEqualTo(20);
    List<TrialRequested> firsts = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Event e : c.published) {
      if (e instanceof TrialRequested r && seen.add(r.trialNumber())) {
        firsts.add(r);
      }
    }
    // trials 0-8 start at 2 runs, 9-13 at 6, 14-16 at 10, 17-19 at 2 again
    assertThat(firsts)
        .extracting(r -> r.seeds().size())
        .containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 6, 6, 6, 6, 10, 10, 10, 2, 2, 2);
    assertThat(firsts).allSatisfy(r -> assertThat(r.seeds().get(0)).isEqualTo(1L));
    List<TrialPruned> pruned =
        c.published.stream()
            .filter(TrialPruned.class::isInstance)
            .map(TrialPruned.class::cast)
            .toList();
    // bracket 1: 6 of 9 out at rung 0, 2 of 3 at rung 1; bracket 2: 4 of 5; the last bracket's
    // three trials wait at rung 0 when the budget is spent: two dropped, one promoted
    assertThat(pruned).extracting(TrialPruned::trialNumber).doesNotHaveDuplicates();
    assertThat(pruned.stream().filter(p -> p.trialNumber() < 9)).hasSize(8);
    assertThat(pruned.stream().filter(p -> p.trialNumber() >= 9 && p.trialNumber() < 14))
        .hasSize(4);
    assertThat(pruned.stream().filter(p -> p.trialNumber() >= 14 && p.trialNumber() < 17))
        .isEmpty();
    assertThat(pruned.get(0).reason()).contains("Hyperband bracket");
    checkNothingRanTwice(c);
    for (TrialCompleted t : run.completedTrials()) {
      assertThat(t.rung() == 2 || pruned.stream().anyMatch(p -> p.trialNumber() == t.trialNumber()))
          .as("trial " + t)
          .isTrue();
    }
  }

  /**
   * An optimizer dies after one request of a decision reached the topics and an earlier one did not
   * (they go to different partitions): the request of trial {@code lost} is never published, and
   * the dead optimizer went on until two later trials were requested. The new one proposes the lost
   * trial again, in flight at the first rung its scheduler starts it at, publishes its request
   * first, and the study completes with every trial number requested once at its first rung and no
   * seed run twice. Hyperband's trial 9 opens its second bracket (it starts at rung 1, after trial
   * 8 at rung 0).
   */
  @ParameterizedTest(name = "{1} with {0} proposals, trial {2} lost")
  @CsvSource({
    "random,asha,1",
    "bo,asha,1",
    "bo,asha,7",
    "random,hyperband,1",
    "bo,hyperband,9",
    "random,hyperband,9"
  })
  void aRequestLostWhenTheOptimizerDiedIsProposedAgain(String strategy, String type, int lost)
      throws Exception {
    StudySpec spec = spec(strategy, type, 20);
    StudyCreated created = new StudyCreated(Event.SCHEMA_VERSION, "lr", spec, Instant.EPOCH);
    StudyRun first = new StudyRun("lr", spec, 3, 5);
    Cluster c = new Cluster();
    int[] highest = {-1};
    java.util.function.Consumer<List<Event>> publishAllBut =
        events -> {
          for (Event e : events) {
            if (e instanceof TrialRequested r) {
              highest[0] = Math.max(highest[0], r.trialNumber());
              if (r.trialNumber() == lost) {
                continue; // never reached the topic
              }
            }
            c.publish(List.of(e));
          }
        };
    publishAllBut.accept(first.fill());
    while (highest[0] < lost + 2 && !c.queue.isEmpty()) {
      first.onCompleted(c.completeOne());
      publishAllBut.accept(first.fill());
    }
    assertThat(highest[0]).as("trials requested before the crash").isGreaterThan(lost);
    History.Study h = c.history(created).studies().get(0);
    StudyRun restored =
        StudyRun.restore("lr", spec, 3, 5, h.requested(), h.completed(), h.pruned(), false);
    assertThat(restored.inFlight()).isEqualTo(c.queue.size() + 1);
    List<Event> out = restored.fill();
    assertThat(out)
        .first()
        .isInstanceOfSatisfying(
            TrialRequested.class, r -> assertThat(r.trialNumber()).isEqualTo(lost));
    c.publish(out);
    runToTheEnd(restored, c);
    assertThat(restored.state()).isEqualTo(StudyRun.State.COMPLETED);
    assertThat(restored.trialsRequested()).isEqualTo(20);
    checkNothingRanTwice(c);
    Set<Integer> numbers = new HashSet<>();
    Set<String> configs = new HashSet<>();
    for (Event e : c.published) {
      if (e instanceof TrialRequested r && numbers.add(r.trialNumber())) {
        assertThat(configs.add(String.valueOf(r.params().get("x"))))
            .as("trial %d's configuration is new", r.trialNumber())
            .isTrue();
        assertThat(r.seeds())
            .as("trial %d starts with the first seeds", r.trialNumber())
            .startsWith(1L);
      }
    }
    assertThat(numbers)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, 20).boxed().toList());
  }

  /**
   * Restarted after every number of results, a study publishes what it would have: the same
   * proposals (GP-BO's included: its acquisition search is seeded from the study's state, not from
   * a count a restart resets), promotions and prunes.
   */
  @ParameterizedTest(name = "{1} over {2} with {0} proposals")
  @CsvSource({
    "random,hyperband,runs",
    "bo,hyperband,runs",
    "random,asha,runs",
    "bo,asha,runs",
    "bo,asha,generations",
    "random,hyperband,generations"
  })
  void aRestoredStudyPublishesWhatTheUninterruptedOneWould(
      String strategy, String type, String fidelity) throws Exception {
    StudySpec spec = spec(strategy, type, 20, fidelity);
    StudyCreated created = new StudyCreated(Event.SCHEMA_VERSION, "hr", spec, Instant.EPOCH);
    Cluster whole = new Cluster();
    StudyRun run = new StudyRun("hr", spec, 3, 5);
    whole.publish(run.fill());
    runToTheEnd(run, whole);
    int results = whole.results.size();
    for (int at = 0; at <= results; at++) {
      Cluster c = new Cluster();
      StudyRun first = new StudyRun("hr", spec, 3, 5);
      c.publish(first.fill());
      for (int i = 0; i < at && !c.queue.isEmpty(); i++) {
        first.onCompleted(c.completeOne());
        c.publish(first.fill());
        first.completion().ifPresent(e -> c.published.add(e));
      }
      History.Study h = c.history(created).studies().get(0);
      StudyRun restored =
          StudyRun.restore("hr", spec, 3, 5, h.requested(), h.completed(), h.pruned(), false);
      assertThat(restored.inFlight()).as("after %d results", at).isEqualTo(c.queue.size());
      c.publish(restored.fill());
      runToTheEnd(restored, c);
      assertThat(restored.state()).isEqualTo(StudyRun.State.COMPLETED);
      assertThat(withoutTimes(c.published))
          .as("restarted after %d results", at)
          .isEqualTo(withoutTimes(whole.published));
    }
  }

  /**
   * Over generations a rung is EONS generations: every request runs all the study's seeds with its
   * rung's generations, a promotion runs them again, and every rung's runs count as used.
   */
  @Test
  void overGenerationsEveryRungRunsEverySeedWithItsGenerations() throws Exception {
    StudyRun run = new StudyRun("sg", spec("random", "asha", 9, "generations"), 2, 5);
    Cluster c = new Cluster();
    c.publish(run.fill());
    runToTheEnd(run, c);
    assertThat(run.state()).isEqualTo(StudyRun.State.COMPLETED);
    List<TrialRequested> requests =
        c.published.stream()
            .filter(TrialRequested.class::isInstance)
            .map(TrialRequested.class::cast)
            .toList();
    assertThat(requests).allSatisfy(r -> assertThat(r.seeds()).containsExactly(1L, 2L, 3L));
    assertThat(requests)
        .allSatisfy(
            r ->
                assertThat(r.params())
                    .containsEntry("generations", new int[] {2, 6, 18}[r.rung()])
                    .containsEntry("populationSize", 10));
    assertThat(requests).anyMatch(r -> r.rung() == 2);
    Set<String> once = new HashSet<>();
    assertThat(requests).allMatch(r -> once.add(r.trialNumber() + "@" + r.rung()));
    // every result is kept: the latest of each trial, and the rungs below it beside
    assertThat(run.completedTrials().size() + run.earlierRungs().size())
        .isEqualTo(c.results.size());
    assertThat(run.earlierRungs()).allMatch(t -> t.runs().size() == 3);
    StudyView view = StudyView.of(run, "o");
    assertThat(view.runsUsed()).isEqualTo(3 * c.results.size());
    assertThat(view.earlierRungs()).hasSameSizeAs(run.earlierRungs());
    assertThat(run.best().orElseThrow().params()).containsEntry("generations", 18);
    List<TrialPruned> pruned =
        c.published.stream()
            .filter(TrialPruned.class::isInstance)
            .map(TrialPruned.class::cast)
            .toList();
    assertThat(pruned).isNotEmpty().allMatch(p -> p.runs() == 3);
    // a study over runs has no earlier rungs to show
    assertThat(new StudyRun("sr", spec("random"), 2, 5).earlierRungs()).isNull();
  }

  private static List<String> withoutTimes(List<Event> events) {
    return events.stream()
        .map(e -> e.toString().replaceAll("completedAt=[^,\\]]*", "completedAt=*"))
        .toList();
  }
}
