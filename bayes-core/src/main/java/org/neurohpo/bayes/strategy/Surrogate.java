package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.gp.Hyperparameters;

/**
 * Keeps a GP in step with an {@link ObservationTable}. Hyperparameters are refitted on every tell
 * below 60 points and afterwards whenever the data grew by 10% (fits use at most {@code fitLimit}
 * points: the best half plus an even stride of the rest); between refits new points are added by
 * incremental Cholesky. Above {@code exactLimit} points the model is a subset-of-data GP on the
 * best half plus an even stride of the rest; points that arrive later are appended to it by
 * incremental Cholesky until it has grown by 10 %, the hyperparameters change or a modelled point
 * is run again, and then the subset is chosen again (a full factorisation of {@code exactLimit}
 * points on every ask was half the time of an ask at 1,000 observations).
 *
 * <p>From {@link #DEFER_FROM} points on, a refit (seconds at a few hundred points) runs in the
 * background on a snapshot of the data while suggestions go on with the previous hyperparameters;
 * its result is adopted at the first model request {@link #deferral(int)} observations later (5 %
 * of the data, at least 4; refits come every 10 % of growth), waiting for it if needed. Adoption
 * depends only on the number of points, never on timing, so the same sequence of asks and tells
 * gives the same suggestions.
 */
final class Surrogate {

  /**
   * Below this many points per input dimension, inputs of one kind share a lengthscale: an ARD fit
   * of {@code d + 2} hyperparameters on a few points per dimension lands in arbitrary modes (on
   * Hartmann-6, lengthscales jumping between 0.1 and 1.3 from one point to the next), and log EI on
   * such a model walks to whichever basin the best initial point leads to.
   */
  static final int TIED_PER_DIM = 5;

  /** Points from which refits run in the background. */
  static final int DEFER_FROM = 200;

  /** Observations after which a background refit started at {@code n} points is adopted. */
  static int deferral(int n) {
    return Math.max(4, n / 20);
  }

  private static final java.util.concurrent.ExecutorService FITTER =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "neurohpo-gp-refit");
            t.setDaemon(true);
            return t;
          });

  private final ObservationTable table;
  private final long seed;
  private final int exactLimit;
  private final int fitLimit;
  private GaussianProcess gp;
  private int[] modelled = new int[0];
  private int[] versions = new int[0];
  private int lastFit;
  private Hyperparameters hyper;
  private java.util.concurrent.Future<Hyperparameters> pendingFit;
  private int adoptAt;

  /** Points the subset-of-data model was last brought up to date with, their versions, its size. */
  private int sodCovers;

  private int[] sodVersions = new int[0];
  private int sodSize;

  Surrogate(ObservationTable table, long seed, int exactLimit, int fitLimit) {
    this.table = table;
    this.seed = seed;
    this.exactLimit = exactLimit;
    this.fitLimit = fitLimit;
  }

  /** The up-to-date model (null without observations). */
  GaussianProcess model() {
    List<ObservationTable.Point> pts = table.points();
    int n = pts.size();
    if (n == 0) {
      return null;
    }
    if (pendingFit != null) {
      if (n >= adoptAt) {
        hyper = join(pendingFit);
        pendingFit = null;
        gp = null;
      }
    } else if (hyper == null || n < 60 || n >= lastFit * 1.1) {
      int[] fitIdx = subset(Math.min(n, fitLimit));
      double[][] x = xs(fitIdx);
      double[] y = ys(fitIdx);
      double[] w = ws(fitIdx);
      double[] prior = prior();
      Hyperparameters warm = hyper;
      int restarts = n < 100 ? 2 : 1;
      boolean tied = n < TIED_PER_DIM * table.space().dim();
      long fitSeed = seed + n;
      lastFit = n;
      if (hyper != null && n >= DEFER_FROM) {
        adoptAt = n + deferral(n);
        pendingFit =
            FITTER.submit(
                () ->
                    GaussianProcess.fit(x, y, w, prior, warm, restarts, fitSeed, tied)
                        .hyperparameters());
      } else {
        hyper =
            GaussianProcess.fit(x, y, w, prior, warm, restarts, fitSeed, tied).hyperparameters();
        gp = null;
      }
    }
    Hyperparameters floored = withNoiseFloor(hyper);
    if (floored != hyper) {
      hyper = floored;
      gp = null;
    }
    if (n > exactLimit) {
      if (gp == null || !sodCurrent(n)) {
        int[] idx = subset(exactLimit);
        gp = GaussianProcess.ofKriging(xs(idx), ys(idx), ws(idx), hyper);
        sodSize = idx.length;
      } else {
        for (int i = sodCovers; i < n; i++) {
          ObservationTable.Point p = pts.get(i);
          gp = gp.append(p.u, p.mean(), 1.0 / p.count);
        }
        sodSize += n - sodCovers;
      }
      sodCovers = n;
      sodVersions = new int[n];
      for (int i = 0; i < n; i++) {
        sodVersions[i] = pts.get(i).version;
      }
      modelled = new int[0];
      return gp;
    }
    if (gp != null && unchanged()) {
      for (int i = modelled.length; i < n; i++) {
        ObservationTable.Point p = pts.get(i);
        gp = gp.append(p.u, p.mean(), 1.0 / p.count);
      }
    } else {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      gp = GaussianProcess.ofKriging(xs(all), ys(all), ws(all), hyper);
    }
    modelled = new int[n];
    versions = new int[n];
    for (int i = 0; i < n; i++) {
      modelled[i] = i;
      versions[i] = pts.get(i).version;
    }
    return gp;
  }

  /**
   * Whether the subset-of-data model can take the points that arrived since it was built by
   * incremental Cholesky: it is one (built for {@link #sodCovers} points, none of which changed
   * since) and stays within 10 % above {@code exactLimit} points; otherwise the subset is chosen
   * again (the best half plus an even stride).
   */
  private boolean sodCurrent(int n) {
    if (sodVersions.length == 0 || sodCovers > n || sodSize + n - sodCovers > exactLimit * 1.1) {
      return false;
    }
    List<ObservationTable.Point> pts = table.points();
    for (int i = 0; i < sodCovers; i++) {
      if (pts.get(i).version != sodVersions[i]) {
        return false;
      }
    }
    return true;
  }

  /** The hyperparameters in use (null before the first model). */
  Hyperparameters hyperparameters() {
    return hyper;
  }

  /**
   * {@code h} with its noise raised to the pooled spread of repeated runs (in standardised units),
   * when that is larger: a marginal-likelihood fit can explain noisy means by a wiggly function and
   * put the noise far below what the repeats show.
   */
  private Hyperparameters withNoiseFloor(Hyperparameters h) {
    double rep = table.replicateVariance();
    if (!(rep > 0)) {
      return h;
    }
    double var = table.meanVariance();
    double floor = rep / (var > 1e-24 ? var : 1);
    if (floor <= h.noiseVariance() * 1.0001) {
      return h;
    }
    return new Hyperparameters(h.lengthscales(), h.signalVariance(), floor);
  }

  private static Hyperparameters join(java.util.concurrent.Future<Hyperparameters> fit) {
    try {
      return fit.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a GP refit", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("GP refit failed: " + e.getCause(), e.getCause());
    }
  }

  /** Prior means of log lengthscales: continuous/ordinal dims and one-hot dims differ. */
  private double[] prior() {
    org.neurohpo.bayes.space.SearchSpace space = table.space();
    double[] p = GaussianProcess.defaultPrior(space.dim());
    double cat = GaussianProcess.LOG_LENGTHSCALE_PRIOR_CATEGORICAL;
    for (int i = 0; i < space.parameters().size(); i++) {
      var par = space.parameters().get(i);
      if (par instanceof org.neurohpo.bayes.space.CategoricalParameter) {
        java.util.Arrays.fill(p, space.offset(i), space.offset(i) + par.width(), cat);
      }
    }
    return p;
  }

  private boolean unchanged() {
    List<ObservationTable.Point> pts = table.points();
    if (modelled.length == 0 || modelled.length > pts.size()) {
      return false;
    }
    for (int i = 0; i < modelled.length; i++) {
      if (modelled[i] != i || pts.get(i).version != versions[i]) {
        return false;
      }
    }
    return true;
  }

  /** Indices of the best {@code m/2} points plus an even stride over the others. */
  private int[] subset(int m) {
    List<ObservationTable.Point> pts = table.points();
    int n = pts.size();
    if (m >= n) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> pts.get(i).mean()).thenComparing(i -> i));
    int best = m / 2;
    int[] out = new int[m];
    for (int i = 0; i < best; i++) {
      out[i] = order.get(i);
    }
    int rest = n - best;
    for (int i = best; i < m; i++) {
      out[i] = order.get(best + (int) ((long) (i - best) * rest / (m - best)));
    }
    java.util.Arrays.sort(out);
    return out;
  }

  private double[][] xs(int[] idx) {
    double[][] x = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      x[i] = table.points().get(idx[i]).u;
    }
    return x;
  }

  private double[] ys(int[] idx) {
    double[] y = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      y[i] = table.points().get(idx[i]).mean();
    }
    return y;
  }

  private double[] ws(int[] idx) {
    double[] w = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      w[i] = 1.0 / table.points().get(idx[i]).count;
    }
    return w;
  }
}
