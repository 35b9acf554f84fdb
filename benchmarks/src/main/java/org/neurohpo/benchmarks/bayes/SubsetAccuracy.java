package org.neurohpo.benchmarks.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.gp.Hyperparameters;

/**
 * Measures the subset-of-data GP (best half plus an even stride of the rest, as the strategy uses
 * above its exact limit) against the exact GP on Hartmann-6 with {@code n} random observations:
 * RMSE of the posterior mean against the exact GP's and against the truth, at uniform test points
 * and near the best observations, plus build+predict times. Usage: {@code java -cp benchmarks.jar
 * org.neurohpo.benchmarks.bayes.SubsetAccuracy [n] [subset]}.
 */
public final class SubsetAccuracy {

  private SubsetAccuracy() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[n][6];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = new java.util.HashMap<>();
      for (int j = 0; j < 6; j++) {
        x[i][j] = rng.nextDouble();
        p.put("x" + j, x[i][j]);
      }
      y[i] = AskTellBenchmark.hartmann6(p);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> y[i]));
    int[] sub = new int[m];
    for (int i = 0; i < m / 2; i++) {
      sub[i] = order.get(i);
    }
    for (int i = m / 2; i < m; i++) {
      sub[i] = order.get(m / 2 + (int) ((long) (i - m / 2) * (n - m / 2) / (m - m / 2)));
    }
    double[][] xs = new double[m][];
    double[] ys = new double[m];
    for (int i = 0; i < m; i++) {
      xs[i] = x[sub[i]];
      ys[i] = y[sub[i]];
    }
    Hyperparameters h = GaussianProcess.fit(xs, ys, null, null, null, 1, 1).hyperparameters();
    long t0 = System.nanoTime();
    GaussianProcess exact = GaussianProcess.of(x, y, null, h);
    long t1 = System.nanoTime();
    GaussianProcess subset = GaussianProcess.of(xs, ys, null, h);
    long t2 = System.nanoTime();
    double[][] uniform = new double[500][6];
    double[][] near = new double[500][];
    for (int i = 0; i < 500; i++) {
      for (int j = 0; j < 6; j++) {
        uniform[i][j] = rng.nextDouble();
      }
      double[] a = x[order.get(i % 20)].clone();
      for (int j = 0; j < 6; j++) {
        a[j] = Math.min(1, Math.max(0, a[j] + 0.05 * (rng.nextDouble() - 0.5)));
      }
      near[i] = a;
    }
    report("uniform", uniform, exact, subset);
    report("near-best", near, exact, subset);
    long t3 = System.nanoTime();
    for (double[] p : uniform) {
      exact.predict(p);
    }
    long t4 = System.nanoTime();
    for (double[] p : uniform) {
      subset.predict(p);
    }
    long t5 = System.nanoTime();
    System.out.printf(
        "n=%d subset=%d build exact %.3f s, subset %.3f s; 500 predictions exact %.3f s, subset %.3f s%n",
        n, m, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9);
  }

  private static void report(
      String name, double[][] pts, GaussianProcess exact, GaussianProcess sub) {
    double dm = 0;
    double te = 0;
    double ts = 0;
    double sdRatio = 0;
    for (double[] p : pts) {
      Map<String, Object> q = new java.util.HashMap<>();
      for (int j = 0; j < 6; j++) {
        q.put("x" + j, p[j]);
      }
      double f = AskTellBenchmark.hartmann6(q);
      double[] a = exact.predict(p);
      double[] b = sub.predict(p);
      dm += (a[0] - b[0]) * (a[0] - b[0]);
      te += (a[0] - f) * (a[0] - f);
      ts += (b[0] - f) * (b[0] - f);
      sdRatio += Math.sqrt(b[1] / a[1]) / pts.length;
    }
    int k = pts.length;
    System.out.printf(
        "%s: RMSE(subset mean - exact mean) %.4f, RMSE vs truth exact %.4f subset %.4f, mean sd ratio subset/exact %.2f%n",
        name, Math.sqrt(dm / k), Math.sqrt(te / k), Math.sqrt(ts / k), sdRatio);
  }
}
