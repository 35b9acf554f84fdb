package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Multi-objective GP-BO by ParEGO (Knowles, IEEE TEVC 2006). Every {@link #ask} draws a weight
 * vector uniformly from the simplex, normalises each objective to [0, 1] over the observations,
 * scalarises them with the augmented Tchebycheff function {@code max_j(w_j f_j) + 0.05 sum_j(w_j
 * f_j)} and lets a single-objective {@link BayesianStrategy} (same space, seed and options) choose
 * the next points on those scalars; pending points stay excluded. Different weights aim at
 * different parts of the Pareto front. All objectives are minimised. The same seed and the same
 * history give the same candidates.
 */
public final class ParEgoStrategy implements Strategy {
  /** Weight of the sum term of the augmented Tchebycheff function, as in ParEGO. */
  static final double RHO = 0.05;

  private record Measured(Map<String, Object> params, double[] objectives, double value) {}

  private final SearchSpace space;
  private final long seed;
  private final BayesOptions options;
  private final int objectives;
  private final List<Measured> observed = new ArrayList<>();
  private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
  private long nextId;
  private long asks;

  /**
   * @param options of the inner GP-BO; re-evaluations of near-ties are turned off (a front has no
   *     single incumbent to confirm)
   */
  public ParEgoStrategy(SearchSpace space, long seed, BayesOptions options, int objectives) {
    if (objectives < 2) {
      throw new IllegalArgumentException("ParEGO needs at least 2 objectives, got " + objectives);
    }
    this.space = space;
    this.seed = seed;
    this.objectives = objectives;
    this.options =
        new BayesOptions(
            options.acquisition(),
            options.initialPoints(),
            options.exactLimit(),
            options.fitLimit(),
            options.budget(),
            0,
            options.fantasy());
  }

  @Override
  public List<Candidate> ask(int n) {
    double[] w = weights(seed, asks++, objectives);
    double[] scalars = scalarise(observed.stream().map(Measured::objectives).toList(), w);
    BayesianStrategy inner = new BayesianStrategy(space, seed, options);
    List<Observation> told = new ArrayList<>();
    for (int i = 0; i < scalars.length; i++) {
      told.add(new Observation(null, observed.get(i).params(), scalars[i]));
    }
    inner.tell(told);
    pending.values().forEach(inner::resume);
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : inner.ask(n)) {
      out.add(register(c.params()));
    }
    return out;
  }

  private Candidate register(Map<String, Object> params) {
    String id = "p" + nextId++;
    pending.put(id, params);
    return new Candidate(id, params);
  }

  @Override
  public Candidate resume(Map<String, Object> params) {
    return register(space.canonical(params));
  }

  @Override
  public void tell(List<Observation> observations) {
    for (Observation o : observations) {
      if (o.objectives() == null || o.objectives().length != objectives) {
        throw new IllegalArgumentException(
            "ParEGO needs " + objectives + " objective values per observation");
      }
      if (o.id() != null) {
        pending.remove(o.id());
      }
      observed.add(new Measured(space.canonical(o.params()), o.objectives(), o.value()));
    }
  }

  /** The observation with the lowest first objective (value); a front has no single best. */
  @Override
  public Optional<Recommendation> best() {
    Measured best = null;
    for (Measured m : observed) {
      if (best == null || m.value() < best.value()) {
        best = m;
      }
    }
    return best == null
        ? Optional.empty()
        : Optional.of(new Recommendation(best.params(), best.value(), best.value(), 1));
  }

  @Override
  public List<Double> values() {
    return observed.stream().map(Measured::value).toList();
  }

  /** The weight vector of ask number {@code ask}: uniform on the simplex, from the seed. */
  static double[] weights(long seed, long ask, int m) {
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ask);
    double[] w = new double[m];
    double sum = 0;
    for (int j = 0; j < m; j++) {
      w[j] = -Math.log(1 - rng.nextDouble()); // exponential spacings: uniform on the simplex
      sum += w[j];
    }
    for (int j = 0; j < m; j++) {
      w[j] /= sum;
    }
    return w;
  }

  /**
   * Augmented Tchebycheff scalars of {@code objectives} (rows: observations) under weights {@code
   * w}, after normalising each objective to [0, 1] over the rows; a NaN objective counts as 1.
   */
  static double[] scalarise(List<double[]> objectives, double[] w) {
    int m = w.length;
    double[] lo = new double[m];
    double[] hi = new double[m];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] f : objectives) {
      for (int j = 0; j < m; j++) {
        if (!Double.isNaN(f[j])) {
          lo[j] = Math.min(lo[j], f[j]);
          hi[j] = Math.max(hi[j], f[j]);
        }
      }
    }
    double[] out = new double[objectives.size()];
    for (int i = 0; i < out.length; i++) {
      double[] f = objectives.get(i);
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int j = 0; j < m; j++) {
        double g = Double.isNaN(f[j]) ? 1 : hi[j] > lo[j] ? (f[j] - lo[j]) / (hi[j] - lo[j]) : 0;
        max = Math.max(max, w[j] * g);
        sum += w[j] * g;
      }
      out[i] = max + RHO * sum;
    }
    return out;
  }
}
