package org.neurohpo.bayes.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class AshaRulingOutTest {

  /** Proposes x = 0, 1, ... up to {@code budget} trials, then nothing. */
  private static Proposer limited(int budget) {
    return rungs -> rungs.trials().size() >= budget ? null : Map.of("x", rungs.trials().size());
  }

  /**
   * Runs ASHA to its end with {@code workers} jobs in flight and random values reported in a random
   * order; marks trials pruned as {@link Asha#ruledOut} names them. Returns the trials ruled out
   * early.
   */
  private static Set<Integer> runToTheEnd(Asha asha, int budget, int workers, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Job> flight = new ArrayList<>();
    Set<Integer> ruledOut = new HashSet<>();
    while (true) {
      while (flight.size() < workers) {
        var j = asha.next();
        if (j.isEmpty()) {
          break;
        }
        assertThat(ruledOut)
            .as("a trial ruled out is never promoted")
            .doesNotContain(j.get().trial());
        flight.add(j.get());
      }
      if (flight.isEmpty()) {
        return ruledOut;
      }
      Job done = flight.remove(rnd.nextInt(flight.size()));
      asha.report(done, rnd.nextDouble());
      for (Rungs.Trial t : asha.ruledOut(budget)) {
        ruledOut.add(t.id());
        asha.rungs().prune(t.id());
      }
    }
  }

  @RepeatedTest(40)
  void neverRulesOutATrialThatWouldBePromotedLater(RepetitionInfo info) {
    int budget = 5 + info.getCurrentRepetition() % 20;
    int workers = 1 + info.getCurrentRepetition() % 4;
    Asha asha = new Asha(Ladder.geometric(2, 10, 3), limited(budget));
    Set<Integer> early = runToTheEnd(asha, budget, workers, info.getCurrentRepetition());
    // at the end every trial is at the top rung, ruled out early, or waiting (pruned at the end)
    for (Rungs.Trial t : asha.rungs().trials()) {
      boolean top = t.rung() == asha.rungs().ladder().top();
      boolean waiting = asha.waiting().contains(t);
      assertThat(top || early.contains(t.id()) || waiting).as("trial " + t.id()).isTrue();
    }
  }

  @Test
  void rulesOutAtOnceWhatCanNeverReachTheTopThirdOfNineTrials() {
    Asha asha = new Asha(Ladder.geometric(2, 10, 3), limited(9));
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      jobs.add(asha.next().orElseThrow());
    }
    for (int i = 0; i < 4; i++) {
      asha.report(jobs.get(i), i / 10.0); // trial 0 best
    }
    // rung 0 holds at most 9 results, so at most 3 are promoted: ranks 3 and worse are out
    assertThat(asha.ruledOut(9)).extracting(Rungs.Trial::id).containsExactly(3);
    assertThat(asha.ruledOut(100)).isEmpty();
  }
}
