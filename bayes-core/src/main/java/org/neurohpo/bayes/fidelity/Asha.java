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

  /**
   * Trials that {@link #next} can never promote once at most {@code maxTrials} trials are started
   * in all, and that are not marked pruned yet: a trial waiting at rung {@code k < top} (a value
   * there, not promoted out of it) at rank {@code i} (0 best) among the rung's results, with {@code
   * i >= floor(maxTrials / eta)}. {@link #next} promotes only a trial of rank below {@code
   * floor(n_k / eta)} for the rung's {@code n_k <= maxTrials} results, and a rank can only grow as
   * results arrive; so such a trial is ruled out now instead of at the end. Decisions are those of
   * {@link #next} unchanged: this only tells them earlier. (A tighter bound for higher rungs does
   * not hold: asynchronous promotions out of a rung may outnumber {@code floor(n / eta)} of its
   * results, when later results outrank trials promoted early.)
   */
  @Override
  public String ruledOutReason(int rung) {
    return "ranked below the top 1/" + rungs.ladder().eta() + " that rung " + rung + " can promote";
  }

  @Override
  public List<Rungs.Trial> ruledOut(int maxTrials) {
    Ladder ladder = rungs.ladder();
    List<Rungs.Trial> out = new java.util.ArrayList<>();
    int quota = maxTrials / ladder.eta();
    for (int k = 0; k < ladder.top(); k++) {
      List<Rungs.Trial> results = rungs.results(k);
      for (int i = quota; i < results.size(); i++) {
        Rungs.Trial t = results.get(i);
        if (waiting(t, k)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** ASHA keeps no state beyond its rungs: every trial must have started at rung 0. */
  @Override
  public void rebuild(int[] firstRung) {
    requireOnePerTrial(firstRung);
    for (int i = 0; i < firstRung.length; i++) {
      if (firstRung[i] != 0) {
        throw new IllegalArgumentException(
            "trial " + i + " started at rung " + firstRung[i] + "; ASHA starts every trial at 0");
      }
    }
  }
}
