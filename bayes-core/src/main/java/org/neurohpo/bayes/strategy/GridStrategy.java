package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurohpo.bayes.space.FloatParameter;
import org.neurohpo.bayes.space.IntParameter;
import org.neurohpo.bayes.space.OrdinalParameter;
import org.neurohpo.bayes.space.Parameter;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Grid search: the valid configurations of the space with every float (and every int with more than
 * {@code levels} values) replaced by {@code levels} evenly spaced values (log-spaced for log
 * floats), visited in a seeded random order. When the grid is exhausted it continues at random.
 */
public final class GridStrategy implements Strategy {

  private final ObservationTable table;
  private final List<Map<String, Object>> grid;
  private final RandomStrategy fallback;
  private int next;

  public GridStrategy(SearchSpace space, long seed, int levels) {
    if (levels < 2) {
      throw new IllegalArgumentException("grid needs levels >= 2, got " + levels);
    }
    this.table = new ObservationTable(space);
    this.fallback = new RandomStrategy(space, seed, false);
    List<Parameter> discrete = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      discrete.add(discretised(p, levels));
    }
    SearchSpace g = new SearchSpace(discrete, space.conditions(), space.constraints());
    List<Map<String, Object>> all = new ArrayList<>();
    for (Map<String, Object> c : g.enumerate()) {
      all.add(space.canonical(c));
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Map<String, Object> t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    this.grid = all;
  }

  private static Parameter discretised(Parameter p, int levels) {
    if (p instanceof FloatParameter f) {
      List<Double> vs = new ArrayList<>();
      for (int k = 0; k < levels; k++) {
        vs.add((Double) f.decode(new double[] {k / (levels - 1.0)}, 0));
      }
      return new OrdinalParameter(f.name(), vs);
    }
    if (p instanceof IntParameter i && i.cardinality() > levels) {
      List<Double> vs = new ArrayList<>();
      for (int k = 0; k < levels; k++) {
        double v = ((Long) i.decode(new double[] {k / (levels - 1.0)}, 0)).doubleValue();
        if (vs.isEmpty() || v > vs.get(vs.size() - 1)) {
          vs.add(v);
        }
      }
      return new OrdinalParameter(i.name(), vs);
    }
    return p;
  }

  /** Number of grid configurations. */
  public int size() {
    return grid.size();
  }

  @Override
  public List<Candidate> ask(int n) {
    Set<String> excluded = table.excludedKeys();
    List<Candidate> out = new ArrayList<>();
    while (out.size() < n) {
      Map<String, Object> c = null;
      while (next < grid.size() && c == null) {
        Map<String, Object> g = grid.get(next++);
        if (!excluded.contains(table.space().key(g))) {
          c = g;
        }
      }
      if (c == null) {
        c = fallback.draw(excluded);
      }
      excluded.add(table.space().key(c));
      out.add(table.propose(c));
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
