package org.neurohpo.bayes.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scheduler rebuilt from what it published (the trials, the rungs they were requested at, the
 * values reported, the trials pruned) goes on exactly as the one that was not interrupted: the
 * optimizer restart of a scheduled study, at every point of a run.
 */
class SchedulerRebuildTest {

  /** Trial i proposes x = i, up to {@code budget} trials. */
  private static Proposer limited(int budget) {
    return rungs -> rungs.trials().size() >= budget ? null : Map.of("x", rungs.trials().size());
  }

  private static RungScheduler make(String type, int budget) {
    Ladder ladder = Ladder.geometric(1, 9, 3);
    return type.equals("asha")
        ? new Asha(ladder, limited(budget))
        : new Hyperband(ladder, limited(budget));
  }

  /** A trial's value at a rung: a fixed pseudo-random number (ties impossible). */
  private static double value(int trial, int rung) {
    return new SplittableRandom(trial * 31L + rung).nextDouble();
  }

  /** What was published: each trial's first and highest requested rung, values, prunes. */
  private static final class Published {
    final Map<Integer, int[]> rungsRequested = new TreeMap<>();
    final List<Job> reported = new ArrayList<>();
    final List<Integer> pruned = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    RungScheduler rebuild(String type, int budget) {
      RungScheduler s = make(type, budget);
      int[] first = new int[rungsRequested.size()];
      for (Map.Entry<Integer, int[]> e : rungsRequested.entrySet()) {
        assertThat(s.rungs().add(Map.of("x", e.getKey())).id()).isEqualTo(e.getKey());
        first[e.getKey()] = e.getValue()[0];
        for (int k = e.getValue()[0]; k < e.getValue()[1]; k++) {
          s.rungs().promoted(e.getKey(), k);
        }
      }
      for (Job j : reported) {
        s.report(j, value(j.trial(), j.rung()));
      }
      s.rebuild(first);
      pruned.forEach(s.rungs()::prune);
      return s;
    }
  }

  /** Runs to the end with {@code workers} in flight; rebuilt after {@code restartAt} reports. */
  private static List<String> run(String type, int budget, int workers, long seed, int restartAt) {
    Published p = new Published();
    RungScheduler s = make(type, budget);
    SplittableRandom order = new SplittableRandom(seed);
    List<Job> flight = new ArrayList<>();
    for (int reports = 0; ; reports++) {
      if (reports == restartAt) {
        s = p.rebuild(type, budget);
        p.log.add("restart");
      }
      while (flight.size() < workers) {
        var j = s.next();
        if (j.isEmpty()) {
          break;
        }
        flight.add(j.get());
        p.rungsRequested.merge(
            j.get().trial(),
            new int[] {j.get().rung(), j.get().rung()},
            (a, b) -> new int[] {a[0], Math.max(a[1], b[1])});
        p.log.add("job " + j.get().trial() + "@" + j.get().rung());
      }
      for (Rungs.Trial t : s.ruledOut(budget)) {
        s.rungs().prune(t.id());
        p.pruned.add(t.id());
        p.log.add("prune " + t.id());
      }
      if (flight.isEmpty()) {
        p.log.add("waiting " + s.waiting().stream().map(Rungs.Trial::id).toList());
        p.log.add("best " + s.best().orElseThrow());
        return p.log;
      }
      Job done = flight.remove(order.nextInt(flight.size()));
      s.report(done, value(done.trial(), done.rung()));
      p.reported.add(done);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "hyperband, 30, 1, 1",
    "hyperband, 30, 3, 2",
    "hyperband, 13, 4, 3",
    "hyperband, 50, 2, 4",
    "asha, 30, 1, 1",
    "asha, 20, 3, 2"
  })
  void goesOnAsIfNeverInterrupted(String type, int budget, int workers, long seed) {
    List<String> whole = run(type, budget, workers, seed, -1);
    assertThat(whole).anyMatch(l -> l.startsWith("prune"));
    assertThat(whole).anyMatch(l -> l.endsWith("@2"));
    long reports = whole.stream().filter(l -> l.startsWith("job")).count();
    for (int at = 0; at <= reports; at++) {
      List<String> restarted = new ArrayList<>(run(type, budget, workers, seed, at));
      restarted.remove("restart");
      assertThat(restarted).as("%s restarted after %d reports", type, at).isEqualTo(whole);
    }
  }

  @ParameterizedTest
  @CsvSource({"asha", "hyperband"})
  void refusesAHistoryItCannotHaveWritten(String type) {
    RungScheduler s = make(type, 30);
    s.rungs().add(Map.of("x", 0));
    s.rungs().add(Map.of("x", 1));
    Function<int[], Throwable> rebuild =
        first -> {
          try {
            s.rebuild(first);
            return null;
          } catch (IllegalArgumentException e) {
            return e;
          }
        };
    // Hyperband's first bracket starts at rung 0 (of rungs 1, 3, 9); ASHA always does
    assertThat(rebuild.apply(new int[] {0, 0})).isNull();
    assertThat(rebuild.apply(new int[] {1, 0})).hasMessageContaining("trial 0 started at rung 1");
    assertThatThrownBy(() -> s.rebuild(new int[] {0})).isInstanceOf(IllegalArgumentException.class);
  }
}
