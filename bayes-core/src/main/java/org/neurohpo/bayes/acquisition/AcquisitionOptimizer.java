package org.neurohpo.bayes.acquisition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.gp.Lbfgs;
import org.neurohpo.bayes.space.FloatParameter;
import org.neurohpo.bayes.space.Parameter;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Maximises an acquisition over a search space: exhaustively on enumerable spaces, otherwise by
 * scoring random and local candidates, refining the best starts with L-BFGS on the active float
 * coordinates and one pass of discrete neighbour moves (ints +-1, other categories, adjacent
 * ordinals). Work is bounded deterministically: the candidate count shrinks as {@code 1/n^2}.
 * Configurations whose key is in {@code excluded} (observed or pending) are never returned.
 */
public final class AcquisitionOptimizer {

  private static final int STARTS = 5;
  private static final int FINITE_LIMIT = 20_000;

  /** Half-width of the box (unit cube) that local refinement stays in. */
  private static final double LOCAL_BOX = 0.05;

  private final SearchSpace space;

  public AcquisitionOptimizer(SearchSpace space) {
    this.space = space;
  }

  private record Scored(Map<String, Object> config, double[] u, double value) {}

  /** The best non-excluded valid configuration, or null if none was found. */
  public Map<String, Object> maximize(
      GaussianProcess gp,
      Acquisition acq,
      double best,
      Set<String> excluded,
      List<double[]> anchors,
      long seed) {
    return maximize(gp, acq, best, excluded, anchors, seed, false);
  }

  /**
   * As {@link #maximize(GaussianProcess, Acquisition, double, Set, List, long)}; with {@code local}
   * the search stays near the anchors (small steps, no global candidates): the final refinement of
   * a noise-free study with a known budget.
   */
  public Map<String, Object> maximize(
      GaussianProcess gp,
      Acquisition acq,
      double best,
      Set<String> excluded,
      List<double[]> anchors,
      long seed,
      boolean local) {
    if (space.isFinite() && space.enumerate().size() <= FINITE_LIMIT) {
      Scored top = null;
      for (Map<String, Object> c : space.enumerate()) {
        if (!excluded.contains(space.key(c))) {
          Scored s = score(gp, acq, best, c);
          if (top == null || s.value > top.value) {
            top = s;
          }
        }
      }
      return top == null ? null : top.config;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int n = Math.max(gp.size(), 1);
    int budget = (int) Math.max(128, Math.min(1024, 5e6 / ((double) n * n)));
    int starts = n > 150 ? 2 : STARTS;
    int iterations = n > 150 ? 20 : 40;
    List<Scored> pool = new ArrayList<>();
    for (int i = 0; i < budget && !(local && !anchors.isEmpty()); i++) {
      addIfValid(pool, gp, acq, best, space.decode(randomPoint(rng)));
    }
    double[] scales = local ? new double[] {0.001, 0.005, 0.02} : new double[] {0.003, 0.02, 0.1};
    int localCount = local ? budget : budget / 2;
    for (int i = 0; i < localCount && !anchors.isEmpty(); i++) {
      double[] a = anchors.get(i % anchors.size());
      double sd = scales[rng.nextInt(scales.length)];
      double[] u = a.clone();
      for (int j = 0; j < u.length; j++) {
        u[j] = Math.min(1, Math.max(0, u[j] + sd * gauss(rng)));
      }
      if (!local && rng.nextInt(4) == 0) {
        int j = rng.nextInt(u.length);
        u[j] = rng.nextDouble();
      }
      addIfValid(pool, gp, acq, best, space.decode(u));
    }
    pool.sort(Comparator.comparingDouble(Scored::value).reversed());
    Scored top = null;
    int started = 0;
    for (Scored s : pool) {
      if (started >= starts) {
        break;
      }
      started++;
      Scored r =
          neighbours(
              gp, acq, best, refine(gp, acq, best, s, iterations, local ? LOCAL_BOX : 1), excluded);
      if (r != null && !excluded.contains(space.key(r.config))) {
        if (top == null || r.value > top.value) {
          top = r;
        }
      }
    }
    if (top == null) {
      for (Scored s : pool) {
        if (!excluded.contains(space.key(s.config))) {
          return s.config;
        }
      }
      return null;
    }
    return top.config;
  }

  private double[] randomPoint(SplittableRandom rng) {
    double[] u = new double[space.dim()];
    for (int j = 0; j < u.length; j++) {
      u[j] = rng.nextDouble();
    }
    return u;
  }

  private void addIfValid(
      List<Scored> pool, GaussianProcess gp, Acquisition acq, double best, Map<String, Object> c) {
    if (space.satisfiesConstraints(c)) {
      pool.add(score(gp, acq, best, c));
    }
  }

  private Scored score(GaussianProcess gp, Acquisition acq, double best, Map<String, Object> c) {
    double[] u = space.encode(c);
    return new Scored(c, u, acq.value(gp, best, u, null));
  }

  /**
   * L-BFGS on the active float coordinates of {@code s} within {@code +-box} of it (unit cube
   * coordinates); other coordinates fixed.
   */
  private Scored refine(
      GaussianProcess gp, Acquisition acq, double best, Scored s, int iterations, double box) {
    List<Parameter> ps = space.parameters();
    double[] lo = s.u.clone();
    double[] hi = s.u.clone();
    boolean any = false;
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i) instanceof FloatParameter && s.config.containsKey(ps.get(i).name())) {
        int j = space.offset(i);
        lo[j] = Math.max(0, s.u[j] - box);
        hi[j] = Math.min(1, s.u[j] + box);
        any = true;
      }
    }
    if (!any) {
      return s;
    }
    double[] u = s.u.clone();
    Lbfgs.minimize(
        (x, g) -> {
          double v = -acq.value(gp, best, x, g);
          for (int j = 0; j < g.length; j++) {
            g[j] = lo[j] == hi[j] ? 0 : -g[j];
          }
          return v;
        },
        u,
        lo,
        hi,
        iterations);
    Map<String, Object> c = space.decode(u);
    if (!space.satisfiesConstraints(c)) {
      return s;
    }
    Scored r = score(gp, acq, best, c);
    return r.value >= s.value ? r : s;
  }

  /** One pass of discrete neighbour moves, keeping improvements that are valid. */
  private Scored neighbours(
      GaussianProcess gp, Acquisition acq, double best, Scored s, Set<String> excluded) {
    Scored cur = s;
    List<Parameter> ps = space.parameters();
    for (int i = 0; i < ps.size(); i++) {
      Parameter p = ps.get(i);
      if (p instanceof FloatParameter || !cur.config.containsKey(p.name())) {
        continue;
      }
      for (Object v : neighbourValues(p, cur.config.get(p.name()))) {
        Map<String, Object> raw = new java.util.LinkedHashMap<>(cur.config);
        raw.put(p.name(), v);
        Map<String, Object> c = completed(raw, cur.u);
        if (c == null || !space.satisfiesConstraints(c)) {
          continue;
        }
        Scored t = score(gp, acq, best, c);
        boolean curExcluded = excluded.contains(space.key(cur.config));
        if ((t.value > cur.value || curExcluded) && !excluded.contains(space.key(c))) {
          cur = t;
        }
      }
    }
    return cur;
  }

  /** Fills parameters that became active from {@code u}, drops those that became inactive. */
  private Map<String, Object> completed(Map<String, Object> raw, double[] u) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    List<Parameter> ps = space.parameters();
    for (int i = 0; i < ps.size(); i++) {
      Parameter p = ps.get(i);
      if (space.isActive(p.name(), out)) {
        Object v = raw.get(p.name());
        out.put(p.name(), v != null ? v : p.decode(u, space.offset(i)));
      }
    }
    return out;
  }

  private static List<Object> neighbourValues(Parameter p, Object v) {
    List<Object> out = new ArrayList<>();
    long card = p.cardinality();
    int idx = -1;
    for (int k = 0; k < card && k < 100_000; k++) {
      if (p.valueAt(k).equals(v)) {
        idx = k;
        break;
      }
    }
    if (p instanceof org.neurohpo.bayes.space.CategoricalParameter) {
      for (int k = 0; k < card; k++) {
        if (k != idx) {
          out.add(p.valueAt(k));
        }
      }
    } else {
      if (idx > 0) {
        out.add(p.valueAt(idx - 1));
      }
      if (idx >= 0 && idx + 1 < card) {
        out.add(p.valueAt(idx + 1));
      }
    }
    return out;
  }

  private static double gauss(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
