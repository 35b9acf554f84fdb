package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.neurohpo.bayes.space.Parameter;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Grid search over every feasible point of a finite space, in a seeded random order (so a cut
 * budget still spreads over the grid). Float parameters are cut into {@code pointsPerFloat} evenly
 * spaced levels.
 */
public final class GridSearch implements Optimizer {
  private final History history;
  private final List<Map<String, Object>> order;
  private int next;

  public GridSearch(SearchSpace space, long seed, int pointsPerFloat, int maxPoints) {
    SearchSpace grid = discretised(space, pointsPerFloat);
    this.history = new History(space);
    List<Map<String, Object>> all = new ArrayList<>(grid.enumerate(maxPoints));
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Map<String, Object> t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    this.order = all;
  }

  /** Number of grid points. */
  public int size() {
    return order.size();
  }

  private static SearchSpace discretised(SearchSpace space, int points) {
    if (space.finite()) {
      return space;
    }
    List<Parameter> ps = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      if (p instanceof Parameter.FloatParameter f) {
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < points; i++) {
          double[] u = {points == 1 ? 0.5 : (double) i / (points - 1)};
          levels.add((Double) f.decode(u, 0));
        }
        ps.add(new Parameter.OrdinalParameter(f.name(), levels.stream().distinct().toList()));
      } else {
        ps.add(p);
      }
    }
    return new SearchSpace(ps, space.conditions(), space.constraints());
  }

  @Override
  public List<Suggestion> ask(int n) {
    List<Suggestion> out = new ArrayList<>();
    while (out.size() < n && next < order.size()) {
      Map<String, Object> p = order.get(next++);
      if (!history.seen(p)) {
        out.add(history.propose(p));
      }
    }
    return out;
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
