package org.neurohpo.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.space.Parameter;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.experiments.Stats;

/**
 * How much of the objective's variance each HP, and each group of HPs (encoding, training,
 * hardware), explains: Sobol indices of the mean of a GP fitted to the measured trials.
 *
 * <p>Inputs are drawn independently and uniformly per parameter (log-uniformly for log floats);
 * parameters a draw makes inactive drop out, so a conditional parameter only matters where it is
 * active. Rows that break a constraint are redrawn for the base samples A and B; the mixed rows
 * A_B^i are predicted as they come. First-order indices use Saltelli's (2010) estimator, total
 * indices Jansen's (1999); both on the same N x (k + 2) GP predictions.
 */
public final class Sensitivity {

  /** First-order and total Sobol index of a parameter or group. */
  public record Index(String name, double firstOrder, double total) {}

  /** Indices per parameter and per group, and the variance they are shares of. */
  public record Result(List<Index> parameters, List<Index> groups, double variance) {}

  private Sensitivity() {}

  /** A GP fitted (MAP hyperparameters) to the observations on the space's unit-cube encoding. */
  public static GaussianProcess fit(
      SearchSpace space, List<Map<String, Object>> configs, double[] values, long seed) {
    double[][] x = new double[configs.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = space.encode(space.canonical(configs.get(i)));
    }
    return GaussianProcess.fit(x, values, null, null, null, 3, seed);
  }

  /**
   * Sobol indices of {@code model}'s mean over {@code space}.
   *
   * @param groups group name per parameter name (parameters without one form no group)
   * @param n base samples (the cost is n x (parameters + groups + 2) GP predictions)
   */
  public static Result analyse(
      SearchSpace space, GaussianProcess model, Map<String, String> groups, int n, long seed) {
    return analyse(space, c -> model.mean(space.encode(c)), groups, n, seed);
  }

  /**
   * Sobol indices of any function {@code f} of a canonical configuration over {@code space} (the
   * GP's mean above; a function whose indices are known, in the tests).
   */
  public static Result analyse(
      SearchSpace space,
      ToDoubleFunction<Map<String, Object>> f,
      Map<String, String> groups,
      int n,
      long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Map<String, Object>> a = new ArrayList<>();
    List<Map<String, Object>> b = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      a.add(validDraw(space, rng));
      b.add(validDraw(space, rng));
    }
    double[] fa = predict(space, f, a);
    double[] fb = predict(space, f, b);
    double[] both = new double[2 * n];
    System.arraycopy(fa, 0, both, 0, n);
    System.arraycopy(fb, 0, both, n, n);
    double variance = Stats.variance(both);
    List<Index> perParameter = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      perParameter.add(index(space, f, p.name(), List.of(p.name()), a, b, fa, fb, variance));
    }
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (Parameter p : space.parameters()) {
      String g = groups.get(p.name());
      if (g != null) {
        members.computeIfAbsent(g, k -> new ArrayList<>()).add(p.name());
      }
    }
    List<Index> perGroup = new ArrayList<>();
    members.forEach((g, names) -> perGroup.add(index(space, f, g, names, a, b, fa, fb, variance)));
    return new Result(List.copyOf(perParameter), List.copyOf(perGroup), variance);
  }

  private static Index index(
      SearchSpace space,
      ToDoubleFunction<Map<String, Object>> f,
      String name,
      List<String> taken,
      List<Map<String, Object>> a,
      List<Map<String, Object>> b,
      double[] fa,
      double[] fb,
      double variance) {
    int n = a.size();
    List<Map<String, Object>> mixed = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Map<String, Object> m = new LinkedHashMap<>(a.get(r));
      for (String t : taken) {
        m.put(t, b.get(r).get(t));
      }
      mixed.add(m);
    }
    double[] fab = predict(space, f, mixed);
    double first = 0;
    double total = 0;
    for (int r = 0; r < n; r++) {
      first += fb[r] * (fab[r] - fa[r]);
      total += (fa[r] - fab[r]) * (fa[r] - fab[r]);
    }
    if (variance == 0) {
      return new Index(name, 0, 0);
    }
    return new Index(name, first / n / variance, total / (2.0 * n) / variance);
  }

  /** Every parameter drawn (active or not), redrawn until the active ones are valid. */
  private static Map<String, Object> validDraw(SearchSpace space, SplittableRandom rng) {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      Map<String, Object> raw = new LinkedHashMap<>();
      for (Parameter p : space.parameters()) {
        raw.put(p.name(), p.sample(rng));
      }
      if (space.isValid(space.canonical(raw))) {
        return raw;
      }
    }
    throw new IllegalStateException("no valid configuration in 10000 draws");
  }

  private static double[] predict(
      SearchSpace space, ToDoubleFunction<Map<String, Object>> f, List<Map<String, Object>> raws) {
    double[] y = new double[raws.size()];
    for (int r = 0; r < y.length; r++) {
      y[r] = f.applyAsDouble(space.canonical(raws.get(r)));
    }
    return y;
  }
}
