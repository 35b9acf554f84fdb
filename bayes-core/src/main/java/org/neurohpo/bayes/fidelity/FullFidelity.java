package org.neurohpo.bayes.fidelity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.strategy.Candidate;
import org.neurohpo.bayes.strategy.Observation;
import org.neurohpo.bayes.strategy.Strategy;

/**
 * A plain {@link Strategy} as a scheduler without early stopping: every trial gets all {@code runs}
 * runs at once. The baseline the multi-fidelity schedulers are measured against. A strategy may
 * propose a configuration again (GP-BO re-running near-tied incumbents at the end of a known
 * budget); the recommendation pools every run of a configuration and is the lowest pooled mean
 * (ties: the configuration measured first), as the grid-vs-search report judges full-fidelity
 * searches.
 */
public final class FullFidelity implements Scheduler {
  private final SearchSpace space;
  private final Strategy strategy;
  private final int runs;
  private final Map<Integer, String> ids = new HashMap<>();
  private final Map<String, double[]> pooled = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> configs = new HashMap<>();
  private int trials;

  public FullFidelity(SearchSpace space, Strategy strategy, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, got " + runs);
    }
    this.space = space;
    this.strategy = strategy;
    this.runs = runs;
  }

  @Override
  public Optional<Job> next() {
    List<Candidate> c = strategy.ask(1);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    int trial = trials++;
    ids.put(trial, c.get(0).id());
    return Optional.of(new Job(trial, c.get(0).params(), 0, 0, runs));
  }

  @Override
  public void report(Job job, double value) {
    String id = ids.remove(job.trial());
    strategy.tell(List.of(new Observation(id, job.params(), value)));
    Map<String, Object> c = space.canonical(job.params());
    String key = space.key(c);
    configs.putIfAbsent(key, c);
    double[] sum = pooled.computeIfAbsent(key, k -> new double[2]);
    sum[0] += value * job.newRuns();
    sum[1] += job.newRuns();
  }

  @Override
  public Optional<Map<String, Object>> best() {
    String best = null;
    double bestMean = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, double[]> e : pooled.entrySet()) {
      double m = e.getValue()[0] / e.getValue()[1];
      if (m < bestMean) {
        bestMean = m;
        best = e.getKey();
      }
    }
    return Optional.ofNullable(best).map(configs::get);
  }
}
