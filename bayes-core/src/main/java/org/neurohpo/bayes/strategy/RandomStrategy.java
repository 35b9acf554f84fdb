package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Random search: uniform ({@link SplittableRandom}) or low-discrepancy (shifted {@link Halton}
 * decoded through the space). Never repeats an observed or pending configuration when another can
 * be found in 1000 draws.
 */
public final class RandomStrategy implements Strategy {

  private final ObservationTable table;
  private final SplittableRandom rng;
  private final Halton halton;

  public RandomStrategy(SearchSpace space, long seed, boolean lowDiscrepancy) {
    this.table = new ObservationTable(space);
    this.rng = new SplittableRandom(seed);
    this.halton = lowDiscrepancy ? new Halton(space.dim(), seed) : null;
  }

  /** The next configuration not in {@code excluded} (and adds its key there). */
  Map<String, Object> draw(Set<String> excluded) {
    SearchSpace space = table.space();
    Map<String, Object> c = null;
    for (int attempt = 0; attempt < 1000; attempt++) {
      c = halton != null ? space.decode(halton.next()) : space.sample(rng);
      if (space.satisfiesConstraints(c) && !excluded.contains(space.key(c))) {
        excluded.add(space.key(c));
        return c;
      }
    }
    return space.sample(rng);
  }

  @Override
  public List<Candidate> ask(int n) {
    Set<String> excluded = table.excludedKeys();
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(table.propose(draw(excluded)));
    }
    return out;
  }

  @Override
  public Candidate resume(Map<String, Object> params) {
    return table.propose(table.space().canonical(params));
  }

  @Override
  public void tell(List<Observation> observations) {
    observations.forEach(table::add);
  }

  @Override
  public Optional<Recommendation> best() {
    return table.lowestMean();
  }

  @Override
  public List<Double> values() {
    return table.values();
  }
}
