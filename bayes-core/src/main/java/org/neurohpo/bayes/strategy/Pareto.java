package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Pareto fronts and the two-objective hypervolume, every objective minimised. */
public final class Pareto {
  private Pareto() {}

  /** Whether {@code a} dominates {@code b}: no worse in every objective, better in one. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int j = 0; j < a.length; j++) {
      if (a[j] > b[j]) {
        return false;
      }
      better |= a[j] < b[j];
    }
    return better;
  }

  /** Indices of the points no other point dominates (duplicates all kept), in input order. */
  public static int[] front(List<double[]> points) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      boolean dominated = false;
      for (int k = 0; k < points.size() && !dominated; k++) {
        dominated = k != i && dominates(points.get(k), points.get(i));
      }
      if (!dominated) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Area dominated by {@code points} and bounded by the reference point {@code ref} (two
   * objectives); points not better than {@code ref} in both objectives add nothing.
   */
  public static double hypervolume2d(List<double[]> points, double[] ref) {
    double[][] p =
        points.stream()
            .filter(x -> x[0] < ref[0] && x[1] < ref[1])
            .sorted(Comparator.<double[]>comparingDouble(x -> x[0]).thenComparingDouble(x -> x[1]))
            .toArray(double[][]::new);
    double area = 0;
    double ceiling = ref[1];
    for (double[] x : p) {
      if (x[1] < ceiling) {
        area += (ref[0] - x[0]) * (ceiling - x[1]);
        ceiling = x[1];
      }
    }
    return area;
  }

  /** Hypervolume after each of the first k points, k = 1..n (a search's progress). */
  public static double[] hypervolumeTrace(List<double[]> points, double[] ref) {
    double[] out = new double[points.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = hypervolume2d(points.subList(0, k + 1), ref);
    }
    return out;
  }
}
