package org.neurohpo.bayes.fidelity;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.strategy.RandomStrategy;

/**
 * Random search as a proposer: uniform draws (or the shifted Halton sequence) from {@link
 * RandomStrategy}, never a configuration some trial already has.
 */
public final class RandomProposer implements Proposer {
  private final SearchSpace space;
  private final RandomStrategy strategy;
  private final Set<String> known = new HashSet<>();

  public RandomProposer(SearchSpace space, long seed, boolean lowDiscrepancy) {
    this.space = space;
    this.strategy = new RandomStrategy(space, seed, lowDiscrepancy);
  }

  @Override
  public Map<String, Object> propose(Rungs rungs) {
    sync(rungs);
    Map<String, Object> c = strategy.ask(1).get(0).params();
    return known.add(space.key(c)) ? c : null;
  }

  /** Registers every trial's configuration (proposed by anyone) as taken. */
  private void sync(Rungs rungs) {
    for (Rungs.Trial t : rungs.trials()) {
      if (known.add(space.key(t.params()))) {
        strategy.resume(t.params());
      }
    }
  }
}
