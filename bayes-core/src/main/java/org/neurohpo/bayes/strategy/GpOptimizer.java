package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.neurohpo.bayes.acquisition.Acquisition;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.gp.Hyper;
import org.neurohpo.bayes.gp.HyperFit;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Gaussian-process Bayesian optimisation. A Halton initial design, then each suggestion maximises
 * the acquisition (log EI by default) of a Matérn-5/2 ARD GP over the unit cube: exhaustively on
 * small finite spaces, else by random candidates plus local refinement. Batches and pending points
 * use the kriging believer (a pending point is assumed to score its posterior mean), so a batch
 * never repeats itself or a pending point.
 *
 * <p>Cost stays bounded: hyperparameters are refitted on at most {@link #FIT_SUBSET} points and
 * only when the data grew by 10 % past {@link #FIT_EVERY_BELOW} observations; between refits new
 * observations extend the Cholesky factor in O(n²); the number of acquisition candidates shrinks as
 * 1/n² to hold the time per suggestion steady.
 */
public final class GpOptimizer implements Optimizer {
  static final int FIT_SUBSET = 200;
  static final int FIT_EVERY_BELOW = 100;
  private static final int EXHAUSTIVE_LIMIT = 5000;
  private static final double WORK_PER_ASK = 2.5e7; // flops of posterior evaluations per point

  private final SearchSpace space;
  private final SplittableRandom rng;
  private final Acquisition acquisition;
  private final int initialPoints;
  private final History history;
  private final Halton halton;
  private final List<Map<String, Object>> finitePoints;

  private Hyper hyper;
  private int fittedAt = -1;
  private GaussianProcess gp;
  private List<Map<String, Object>> gpPoints = List.of();
  private double yMean;
  private double yScale = 1;

  public GpOptimizer(SearchSpace space, long seed) {
    this(space, seed, Acquisition.LOG_EI, defaultInitialPoints(space));
  }

  public GpOptimizer(SearchSpace space, long seed, Acquisition acquisition, int initialPoints) {
    this.space = space;
    this.rng = new SplittableRandom(seed);
    this.acquisition = acquisition;
    this.initialPoints = Math.max(2, initialPoints);
    this.history = new History(space);
    this.halton = new Halton(space.dims(), rng.split());
    this.hyper = Hyper.initial(space.dims());
    long card = space.cardinality();
    this.finitePoints =
        card > 0 && card <= EXHAUSTIVE_LIMIT ? space.enumerate(EXHAUSTIVE_LIMIT) : null;
  }

  static int defaultInitialPoints(SearchSpace space) {
    return Math.max(5, Math.min(10, space.dims() + 3));
  }

  @Override
  public List<Suggestion> ask(int n) {
    List<Suggestion> out = new ArrayList<>(n);
    if (history.distinct() < initialPoints) {
      while (out.size() < n && history.distinct() + out.size() < initialPoints) {
        Map<String, Object> p = initialPoint();
        if (p == null) {
          break;
        }
        out.add(history.propose(p));
      }
      if (out.size() == n) {
        return out;
      }
    }
    if (history.distinct() < 2) {
      while (out.size() < n) {
        Map<String, Object> p = initialPoint();
        if (p == null) {
          break;
        }
        out.add(history.propose(p));
      }
      return out;
    }
    refresh();
    int base = gp.size();
    for (Map<String, Object> pending : history.pendingPoints()) {
      double[] u = space.encode(pending);
      gp.append(u, gp.mean(u));
    }
    while (out.size() < n) {
      Map<String, Object> p = maximiseAcquisition();
      if (p == null) {
        break;
      }
      out.add(history.propose(p));
      double[] u = space.encode(p);
      gp.append(u, gp.mean(u)); // kriging believer
    }
    gp.truncate(base);
    return out;
  }

  private Map<String, Object> initialPoint() {
    for (int t = 0; t < 1000; t++) {
      Map<String, Object> p = space.decode(halton.next(rng));
      if (space.feasible(p) && !history.seen(p)) {
        return p;
      }
    }
    for (int t = 0; t < 1000; t++) {
      Map<String, Object> p = space.sample(rng);
      if (!history.seen(p)) {
        return p;
      }
    }
    return null;
  }

  /** Refits hyperparameters when due and conditions the GP on every distinct observation. */
  private void refresh() {
    List<Map.Entry<Map<String, Object>, double[]>> points = history.distinctPoints();
    int n = points.size();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = points.get(i).getValue()[0] / points.get(i).getValue()[1];
    }
    boolean refit = fittedAt < 0 || n < FIT_EVERY_BELOW || n >= fittedAt * 1.1;
    boolean sameScale = !refit && gp != null && gpPoints.size() <= n;
    if (sameScale && gp.size() == gpPoints.size()) {
      for (int i = gpPoints.size(); i < n; i++) {
        gp.append(space.encode(points.get(i).getKey()), (values[i] - yMean) / yScale);
      }
      gpPoints = points.stream().map(Map.Entry::getKey).toList();
      return;
    }
    yMean = Arrays.stream(values).average().orElse(0);
    double var = Arrays.stream(values).map(v -> (v - yMean) * (v - yMean)).sum() / Math.max(1, n);
    yScale = var > 0 ? Math.sqrt(var) : 1;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = space.encode(points.get(i).getKey());
      y[i] = (values[i] - yMean) / yScale;
    }
    if (refit) {
      int[] subset = subset(y);
      double[][] xs = new double[subset.length][];
      double[] ys = new double[subset.length];
      for (int i = 0; i < subset.length; i++) {
        xs[i] = x[subset[i]];
        ys[i] = y[subset[i]];
      }
      int starts = n < 30 ? 2 : 0;
      int iterations = n < FIT_EVERY_BELOW ? 60 : 25;
      hyper = new HyperFit(xs, ys).fit(hyper, starts, iterations, rng);
      fittedAt = n;
    }
    gp = GaussianProcess.fit(hyper, x, y, 64);
    gpPoints = points.stream().map(Map.Entry::getKey).toList();
  }

  /** Indices used to fit hyperparameters: all, or the best half and a random rest. */
  private int[] subset(double[] y) {
    int n = y.length;
    if (n <= FIT_SUBSET) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> y[i]));
    int[] out = new int[FIT_SUBSET];
    int half = FIT_SUBSET / 2;
    for (int i = 0; i < half; i++) {
      out[i] = order[i];
    }
    SplittableRandom pick = new SplittableRandom(n);
    for (int i = half; i < FIT_SUBSET; i++) {
      int j = i + pick.nextInt(n - i);
      Integer t = order[i];
      order[i] = order[j];
      order[j] = t;
      out[i] = order[i];
    }
    return out;
  }

  private double incumbentMean() {
    double best = Double.POSITIVE_INFINITY;
    for (Map<String, Object> p : gpPoints) {
      best = Math.min(best, gp.mean(space.encode(p)));
    }
    return best;
  }

  private Map<String, Object> maximiseAcquisition() {
    double best = incumbentMean();
    double[] pred = new double[2];
    if (finitePoints != null) {
      Map<String, Object> arg = null;
      double top = Double.NEGATIVE_INFINITY;
      for (Map<String, Object> p : finitePoints) {
        if (history.seen(p)) {
          continue;
        }
        gp.predict(space.encode(p), pred);
        double a = acquisition.score(pred[0], pred[1], best);
        if (a > top) {
          top = a;
          arg = p;
        }
      }
      return arg;
    }
    return new AcquisitionSearch(space, gp, acquisition, best, rng, history)
        .maximise(candidates(), gpPoints);
  }

  /** Posterior evaluations per suggestion: each costs about n²/2 + n·d flops. */
  private int candidates() {
    double n = gp.size();
    return (int) Math.max(100, Math.min(3000, WORK_PER_ASK / (n * n / 2 + n * space.dims())));
  }

  @Override
  public void tell(List<Observation> observations) {
    history.tell(observations);
  }

  @Override
  public Optional<Incumbent> best() {
    Optional<Incumbent> observed = history.bestObserved();
    if (gp == null || history.distinct() < initialPoints) {
      return observed;
    }
    refresh();
    Incumbent best = null;
    double bestMean = Double.POSITIVE_INFINITY;
    for (Map.Entry<Map<String, Object>, double[]> e : history.distinctPoints()) {
      double m = gp.mean(space.encode(e.getKey()));
      if (m < bestMean) {
        bestMean = m;
        best = new Incumbent(e.getKey(), e.getValue()[0] / e.getValue()[1], (int) e.getValue()[1]);
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public List<Observation> history() {
    return history.observations();
  }
}
