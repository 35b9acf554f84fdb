package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neurohpo.bayes.acquisition.Acquisition;
import org.neurohpo.bayes.acquisition.AcquisitionOptimizer;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * GP Bayesian optimisation: a low-discrepancy initial design, then the acquisition maximised on the
 * GP posterior. Pending candidates (asynchronous batches) enter the model as kriging-believer
 * fantasies (value = posterior mean) and the incumbent that expected improvement is measured
 * against includes them, so a batch spreads out and never repeats a pending or observed point. With
 * a noisy objective and a known budget, the last few evaluations re-run near-tied incumbents (by
 * posterior mean) to make the recommendation reliable.
 */
public final class BayesianStrategy implements Strategy {

  private final ObservationTable table;
  private final BayesOptions options;
  private final long seed;
  private final RandomStrategy initial;
  private final Surrogate surrogate;
  private final AcquisitionOptimizer optimizer;
  private long asks;

  public BayesianStrategy(SearchSpace space, long seed, BayesOptions options) {
    this.table = new ObservationTable(space);
    this.options = options;
    this.seed = seed;
    this.initial = new RandomStrategy(space, seed, true);
    this.surrogate = new Surrogate(table, seed, options.exactLimit(), options.fitLimit());
    this.optimizer = new AcquisitionOptimizer(space);
  }

  public BayesianStrategy(SearchSpace space, long seed) {
    this(space, seed, BayesOptions.defaults());
  }

  @Override
  public List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("ask needs n >= 1, got " + n);
    }
    SearchSpace space = table.space();
    Set<String> excluded = table.excludedKeys();
    List<Candidate> out = new ArrayList<>();
    GaussianProcess gp = null;
    // Lowest fantasy value in the model: a fantasy is data to the believer, so it is also the
    // incumbent to improve on when it is lower than every observed point's posterior mean.
    double fantasyBest = Double.POSITIVE_INFINITY;
    int observed = table.points().size();
    // Initial-design points still to propose: pending ones count, so that in a batch (or with
    // trials in flight) the design's last points share an ask with the first model-guided ones.
    int designLeft = Math.max(0, options.initialPoints() - observed - table.pending().size());
    boolean modelReady = observed >= 2 && designLeft < n;
    if (modelReady) {
      gp = surrogate.model();
      for (Map<String, Object> c : table.pending().values()) {
        double[] u = space.encode(c);
        double f = fantasy(gp, u);
        fantasyBest = Math.min(fantasyBest, f);
        gp = gp.append(u, f, 1);
      }
    }
    for (int i = 0; i < n; i++) {
      Map<String, Object> c = null;
      if (gp != null && i >= designLeft) {
        c = reevaluation(gp, excluded, i);
        if (c == null) {
          boolean tail = inTail(i) && !remeasure(gp);
          c =
              optimizer.maximize(
                  gp,
                  acquisition(),
                  Math.min(incumbent(gp), fantasyBest),
                  excluded,
                  tail ? anchors().subList(0, 1) : anchors(),
                  seed * 31 + asks,
                  tail);
        }
      }
      if (c == null) {
        c = initial.draw(excluded);
      }
      excluded.add(space.key(c));
      out.add(table.propose(c));
      if (gp != null && i + 1 < n) {
        double[] u = space.encode(c);
        double f = fantasy(gp, u);
        fantasyBest = Math.min(fantasyBest, f);
        gp = gp.append(u, f, 1);
      }
      asks++;
    }
    return out;
  }

  private double fantasy(GaussianProcess gp, double[] u) {
    if (options.fantasy() == BayesOptions.Fantasy.KRIGING_BELIEVER) {
      return gp.mean(u);
    }
    double min = Double.POSITIVE_INFINITY;
    for (ObservationTable.Point p : table.points()) {
      min = Math.min(min, p.mean());
    }
    return min;
  }

  private Acquisition acquisition() {
    if (options.acquisition() != Acquisition.PORTFOLIO) {
      return options.acquisition();
    }
    Acquisition[] cycle = {Acquisition.LOG_EI, Acquisition.LOG_EI, Acquisition.UCB, Acquisition.PI};
    return cycle[(int) (asks % cycle.length)];
  }

  /** Lowest posterior mean over observed points. */
  private double incumbent(GaussianProcess gp) {
    double best = Double.POSITIVE_INFINITY;
    for (ObservationTable.Point p : table.points()) {
      best = Math.min(best, gp.mean(p.u));
    }
    return best;
  }

  /** The best few observed points, as starting areas for local candidates. */
  private List<double[]> anchors() {
    List<ObservationTable.Point> pts = new ArrayList<>(table.points());
    pts.sort(Comparator.comparingDouble(ObservationTable.Point::mean));
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < Math.min(5, pts.size()); i++) {
      out.add(pts.get(i).u);
    }
    return out;
  }

  /** Whether this ask falls within the last {@code reevaluations} evaluations of a known budget. */
  private boolean inTail(int inBatch) {
    int used = table.values().size() + table.pending().size() + inBatch;
    int remaining = options.budget() - used;
    return options.budget() > 0 && remaining <= options.reevaluations() && remaining > 0;
  }

  /**
   * Whether the tail re-runs near-ties: yes while no configuration has run twice (the first tail
   * evaluation then re-runs the incumbent, which measures the noise; one such probe at a time),
   * when repeats differ at all (by more than {@code 1e-6} of the sd of the observed means, which
   * only rounding can stay under), or when the fitted noise is at least {@code 1e-3} of the signal
   * variance. The spread of repeats is a floor the marginal-likelihood fit cannot talk away: with
   * 40 points a fit often puts the noise of a noisy grid at a fraction of its true value and then
   * would never re-check near-tied top cells.
   */
  private boolean remeasure(GaussianProcess gp) {
    double rep = table.replicateVariance();
    if (Double.isNaN(rep)) {
      return !repeatPending();
    }
    return rep > 1e-12 * table.meanVariance() || gp.noiseVariance() >= 1e-3 * gp.signalVariance();
  }

  /** Whether a pending candidate re-runs an observed configuration. */
  private boolean repeatPending() {
    Set<String> observed = new java.util.HashSet<>();
    for (ObservationTable.Point p : table.points()) {
      observed.add(table.space().key(p.config));
    }
    for (Map<String, Object> c : table.pending().values()) {
      if (observed.contains(table.space().key(c))) {
        return true;
      }
    }
    return false;
  }

  /**
   * In the last {@code reevaluations} evaluations of a noisy study, re-runs the near-tied point
   * (posterior mean within two posterior sd of the best) with the largest posterior variance.
   */
  private Map<String, Object> reevaluation(GaussianProcess gp, Set<String> excluded, int inBatch) {
    if (!inTail(inBatch)) {
      return null;
    }
    if (!remeasure(gp)) {
      return null;
    }
    ObservationTable.Point best = null;
    double bestMean = Double.POSITIVE_INFINITY;
    for (ObservationTable.Point p : table.points()) {
      double m = gp.predict(p.u)[0];
      if (m < bestMean) {
        bestMean = m;
        best = p;
      }
    }
    if (Double.isNaN(table.replicateVariance())) {
      return best.config; // the probe: re-run the incumbent
    }
    double sd = Math.sqrt(gp.predict(best.u)[1]);
    ObservationTable.Point pick = null;
    double pickVar = -1;
    for (ObservationTable.Point p : table.points()) {
      double[] mv = gp.predict(p.u);
      String key = table.space().key(p.config);
      boolean pendingNow =
          excluded.contains(key)
              && table.pending().values().stream().anyMatch(c -> table.space().key(c).equals(key));
      if (mv[0] <= bestMean + 2 * sd && mv[1] > pickVar && !pendingNow) {
        pick = p;
        pickVar = mv[1];
      }
    }
    return pick == null ? null : pick.config;
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
    if (table.points().isEmpty()) {
      return Optional.empty();
    }
    GaussianProcess gp = table.points().size() >= 2 ? surrogate.model() : null;
    ObservationTable.Point best = null;
    double bestMean = Double.POSITIVE_INFINITY;
    for (ObservationTable.Point p : table.points()) {
      double m = gp != null ? gp.mean(p.u) : p.mean();
      if (m < bestMean) {
        bestMean = m;
        best = p;
      }
    }
    return Optional.of(new Recommendation(best.config, bestMean, best.mean(), best.count));
  }

  @Override
  public List<Double> values() {
    return table.values();
  }
}
