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
 * best half plus an even stride of the rest.
 */
final class Surrogate {

  private final ObservationTable table;
  private final long seed;
  private final int exactLimit;
  private final int fitLimit;
  private GaussianProcess gp;
  private int[] modelled = new int[0];
  private int[] versions = new int[0];
  private int lastFit;
  private Hyperparameters hyper;

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
    boolean refit = hyper == null || n < 60 || n >= lastFit * 1.1;
    if (refit) {
      int[] fitIdx = subset(Math.min(n, fitLimit));
      GaussianProcess fitted =
          GaussianProcess.fit(
              xs(fitIdx), ys(fitIdx), ws(fitIdx), prior(), hyper, n < 100 ? 2 : 1, seed + n);
      hyper = fitted.hyperparameters();
      lastFit = n;
      gp = null;
    }
    if (n > exactLimit) {
      int[] idx = subset(exactLimit);
      gp = GaussianProcess.of(xs(idx), ys(idx), ws(idx), hyper);
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
      gp = GaussianProcess.of(xs(all), ys(all), ws(all), hyper);
    }
    modelled = new int[n];
    versions = new int[n];
    for (int i = 0; i < n; i++) {
      modelled[i] = i;
      versions[i] = pts.get(i).version;
    }
    return gp;
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
