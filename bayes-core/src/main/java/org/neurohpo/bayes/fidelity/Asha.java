package org.neurohpo.bayes.fidelity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asynchronous successive halving (ASHA, Li et al., MLSys 2020). When asked for work it looks at
 * the rungs from the second-highest down: the first trial in the top {@code floor(n_k / eta)} of
 * rung {@code k}'s {@code n_k} results that was not promoted yet is promoted to rung {@code k + 1};
 * if there is none, a new trial starts at rung 0. A rung never waits for a full cohort, so workers
 * never idle; a trial promoted early on few results may later turn out not to be in the top {@code
 * 1/eta} (the price of asynchrony the paper accepts).
 */
public final class Asha extends RungScheduler {

  public Asha(Ladder ladder, Proposer proposer) {
    super(ladder, proposer);
  }

  @Override
  public Optional<Job> next() {
    Ladder ladder = rungs.ladder();
    for (int k = ladder.top() - 1; k >= 0; k--) {
      List<Rungs.Trial> results = rungs.results(k);
      int quota = results.size() / ladder.eta();
      for (int i = 0; i < quota; i++) {
        Rungs.Trial t = results.get(i);
        if (!t.promoted(k)) {
          rungs.promote(t, k);
          return Optional.of(
              new Job(t.id(), t.params(), k + 1, ladder.runs(k), ladder.runs(k + 1)));
        }
      }
    }
    Map<String, Object> c = proposer.propose(rungs);
    if (c == null) {
      return Optional.empty();
    }
    Rungs.Trial t = rungs.add(c);
    return Optional.of(new Job(t.id(), t.params(), 0, 0, ladder.runs(0)));
  }
}
