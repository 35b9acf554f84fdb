package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neurohpo.bayes.acquisition.Acquisition;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Maximises an acquisition over a space that is too large to enumerate: random feasible candidates
 * and perturbations of the best observed points, then stochastic hill climbing with a shrinking
 * step from the five best. Every point tried is a decoded (valid) point, so integer, categorical,
 * conditional and constraint structure is respected.
 */
final class AcquisitionSearch {
  private static final int STARTS = 5;

  private final SearchSpace space;
  private final GaussianProcess gp;
  private final Acquisition acquisition;
  private final double best;
  private final SplittableRandom rng;
  private final History history;
  private final double[] pred = new double[2];
  private final boolean[] continuous;
  private final double[] dMean;
  private final double[] dVar;
  private final double[] dAcq = new double[2];
  private static final int ASCENT_STEPS = 40;

  AcquisitionSearch(
      SearchSpace space,
      GaussianProcess gp,
      Acquisition acquisition,
      double best,
      SplittableRandom rng,
      History history) {
    this.space = space;
    this.gp = gp;
    this.acquisition = acquisition;
    this.best = best;
    this.rng = rng;
    this.history = history;
    this.continuous = space.continuousCoordinates();
    this.dMean = new double[space.dims()];
    this.dVar = new double[space.dims()];
  }

  private record Scored(Map<String, Object> point, double[] u, double score) {}

  /**
   * The best point found with about {@code predictions} posterior evaluations: 70 % on random
   * candidates and perturbed good points, the rest on hill climbing from the five best.
   */
  Map<String, Object> maximise(int predictions, List<Map<String, Object>> observed) {
    int climbSteps = Math.max(10, (int) (0.3 * predictions / STARTS));
    int candidates = Math.max(20, predictions - climbSteps * STARTS);
    List<Scored> pool = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      add(pool, space.sample(rng));
    }
    List<Map<String, Object>> good = new ArrayList<>(observed);
    good.sort(Comparator.comparingDouble(p -> gp.mean(space.encode(p))));
    for (int i = 0; i < Math.min(STARTS, good.size()); i++) {
      double[] u = space.encode(good.get(i));
      for (int k = 0; k < 10; k++) {
        add(pool, space.decode(perturb(u, 0.05)));
      }
    }
    pool.sort(Comparator.comparingDouble(Scored::score).reversed());
    Scored top = null;
    for (int s = 0; s < Math.min(STARTS, pool.size()); s++) {
      Scored c = ascend(climb(pool.get(s), climbSteps));
      if (top == null || c.score() > top.score()) {
        top = c;
      }
    }
    return top == null ? null : top.point();
  }

  private Scored climb(Scored start, int steps) {
    Scored cur = start;
    double step = 0.1;
    for (int i = 0; i < steps; i++) {
      Map<String, Object> p =
          i % 3 == 2 ? mutateOne(cur.point()) : space.decode(perturb(cur.u(), step));
      Scored s = score(p);
      if (s != null && s.score() > cur.score()) {
        cur = s;
      } else {
        step = Math.max(1e-4, step * 0.85);
      }
    }
    return cur;
  }

  /**
   * Gradient ascent of the acquisition along the continuous (float) coordinates, the others fixed;
   * a normalised step that grows on success and halves on failure.
   */
  private Scored ascend(Scored start) {
    boolean any = false;
    for (boolean c : continuous) {
      any |= c;
    }
    if (!any) {
      return start;
    }
    double[] u = start.u().clone();
    double[] grad = new double[u.length];
    double value = valueAndGradient(u, grad);
    double step = 0.02;
    double[] trial = new double[u.length];
    double[] trialGrad = new double[u.length];
    for (int it = 0; it < ASCENT_STEPS && step > 1e-7; it++) {
      double norm = 0;
      for (int j = 0; j < u.length; j++) {
        norm += continuous[j] ? grad[j] * grad[j] : 0;
      }
      norm = Math.sqrt(norm);
      if (!(norm > 0)) {
        break;
      }
      for (int j = 0; j < u.length; j++) {
        trial[j] = continuous[j] ? Math.max(0, Math.min(1, u[j] + step * grad[j] / norm)) : u[j];
      }
      double v = valueAndGradient(trial, trialGrad);
      if (v > value) {
        System.arraycopy(trial, 0, u, 0, u.length);
        System.arraycopy(trialGrad, 0, grad, 0, u.length);
        value = v;
        step *= 1.5;
      } else {
        step *= 0.5;
      }
    }
    Scored end = score(space.decode(u));
    return end != null && end.score() > start.score() ? end : start;
  }

  private double valueAndGradient(double[] u, double[] grad) {
    gp.predictWithGradient(u, pred, dMean, dVar);
    acquisition.derivatives(pred[0], pred[1], best, dAcq);
    for (int j = 0; j < u.length; j++) {
      grad[j] = dAcq[0] * dMean[j] + dAcq[1] * dVar[j];
    }
    return acquisition.score(pred[0], pred[1], best);
  }

  /** The point with one parameter redrawn at random (moves across categories and integers). */
  private Map<String, Object> mutateOne(Map<String, Object> point) {
    List<String> names = new ArrayList<>(point.keySet());
    String name = names.get(rng.nextInt(names.size()));
    Map<String, Object> copy = new java.util.LinkedHashMap<>(point);
    copy.put(name, space.parameter(name).sample(rng));
    return space.decode(space.encode(copy));
  }

  private double[] perturb(double[] u, double sd) {
    double[] v = u.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(0, Math.min(1, v[i] + sd * gaussian()));
    }
    return v;
  }

  private double gaussian() {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private void add(List<Scored> pool, Map<String, Object> p) {
    Scored s = score(p);
    if (s != null) {
      pool.add(s);
    }
  }

  private Scored score(Map<String, Object> p) {
    if (!space.feasible(p) || history.seen(p)) {
      return null;
    }
    double[] u = space.encode(p);
    gp.predict(u, pred);
    return new Scored(p, u, acquisition.score(pred[0], pred[1], best));
  }
}
