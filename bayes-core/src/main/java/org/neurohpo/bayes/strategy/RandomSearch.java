package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.neurohpo.bayes.space.SearchSpace;

/** Random search: uniform, or a shifted Halton sequence (low discrepancy). Never repeats. */
public final class RandomSearch implements Optimizer {
  private static final int TRIES = 1000;

  private final SearchSpace space;
  private final SplittableRandom rng;
  private final Halton halton;
  private final History history;

  public RandomSearch(SearchSpace space, long seed, boolean lowDiscrepancy) {
    this.space = space;
    this.rng = new SplittableRandom(seed);
    this.halton = lowDiscrepancy ? new Halton(space.dims(), rng.split()) : null;
    this.history = new History(space);
  }

  @Override
  public List<Suggestion> ask(int n) {
    List<Suggestion> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = draw();
      if (p == null) {
        break;
      }
      out.add(history.propose(p));
    }
    return out;
  }

  private Map<String, Object> draw() {
    for (int t = 0; t < TRIES; t++) {
      Map<String, Object> p = halton != null ? space.decode(halton.next(rng)) : space.sample(rng);
      if (space.feasible(p) && !history.seen(p)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void tell(List<Observation> observations) {
    history.tell(observations);
  }

  @Override
  public Optional<Incumbent> best() {
    return history.bestObserved();
  }

  @Override
  public List<Observation> history() {
    return history.observations();
  }
}
