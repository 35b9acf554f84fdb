package org.neurohpo.experiments;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.neurohpo.model.SampleStats;

/** The few statistics the reports need, on plain arrays. */
public final class Stats {
  private Stats() {}

  public static double mean(double[] v) {
    return SampleStats.mean(v);
  }

  /** Sample variance (n - 1); 0 for fewer than two values. */
  public static double variance(double[] v) {
    return SampleStats.variance(v);
  }

  /**
   * Two-sided p-value of Welch's unequal-variance t-test that {@code a} and {@code b} have the same
   * mean. Two samples without spread are different exactly when their means differ (p 0 or 1).
   */
  public static double welchP(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      throw new IllegalArgumentException(
          "Welch's test needs at least 2 values per sample, got " + a.length + " and " + b.length);
    }
    double va = variance(a) / a.length;
    double vb = variance(b) / b.length;
    double diff = mean(a) - mean(b);
    if (va + vb == 0) {
      return diff == 0 ? 1 : 0;
    }
    double t = diff / Math.sqrt(va + vb);
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
  }

  /** Up to this many values in both samples together, {@link #mannWhitneyP} is exact. */
  public static final int MANN_WHITNEY_EXACT_MAX = 100;

  /**
   * Two-sided p-value of the Mann-Whitney U (Wilcoxon rank-sum) test that {@code a} and {@code b}
   * come from one distribution.
   *
   * <p>Without ties and with at most {@link #MANN_WHITNEY_EXACT_MAX} values in all, the p-value is
   * exact: under the null every choice of which ranks are {@code a}'s is equally likely, and p =
   * min(1, 2 P(U >= max(U_a, U_b))), as scipy's {@code mannwhitneyu(method="exact")}. With ties or
   * more values, the normal approximation with the tie-corrected variance and a continuity
   * correction of 1/2 (scipy's {@code method="asymptotic"}, {@code use_continuity=True}); with ties
   * the exact distribution above would not be the null distribution. Both p-values are checked
   * against scipy in {@code StatsTest}.
   */
  public static double mannWhitneyP(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException(
          "the Mann-Whitney test needs values in both samples, got " + n1 + " and " + n2);
    }
    int n = n1 + n2;
    double[] all = new double[n];
    System.arraycopy(a, 0, all, 0, n1);
    System.arraycopy(b, 0, all, n1, n2);
    Arrays.sort(all);
    // rank sum of a, ties at their mean rank; and the tie term sum(t^3 - t)
    double tieTerm = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[j + 1] == all[i]) {
        j++;
      }
      double t = j - i + 1;
      tieTerm += t * t * t - t;
      i = j + 1;
    }
    double rankSum = 0;
    for (double x : a) {
      // 0-based first and last index of x among all values: mean rank (lo + hi) / 2 + 1
      int lo = firstIndex(all, x, false);
      int hi = firstIndex(all, x, true) - 1;
      rankSum += (lo + hi) / 2.0 + 1;
    }
    double u1 = rankSum - n1 * (n1 + 1) / 2.0;
    double u = Math.max(u1, (double) n1 * n2 - u1);
    if (tieTerm == 0 && n <= MANN_WHITNEY_EXACT_MAX) {
      return Math.min(1, 2 * exactUpperTail(n1, n2, (int) u));
    }
    double mu = n1 * (double) n2 / 2;
    double var = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
    if (var <= 0) {
      return 1; // every value equal
    }
    double z = (u - mu - 0.5) / Math.sqrt(var);
    return Math.min(1, Erf.erfc(z / Math.sqrt(2)));
  }

  /** The first index of a value above {@code x} ({@code above}) or at least {@code x}. */
  private static int firstIndex(double[] sorted, double x, boolean above) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x || (above && sorted[mid] == x)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * P(U >= u) under the null for samples of n1 and n2 values without ties: U is the rank sum of the
   * first sample less n1(n1+1)/2, and every n1-subset of the ranks 1..n1+n2 is equally likely.
   * Counts of subsets by size and rank sum, built one rank at a time (in double: exact to 2^53,
   * relative error 1e-16 beyond).
   */
  static double exactUpperTail(int n1, int n2, int u) {
    int n = n1 + n2;
    int maxU = n1 * n2;
    // count[k][v]: k-subsets of the ranks so far whose U-offset (rank sum - k(k+1)/2) is v
    double[][] count = new double[n1 + 1][maxU + 1];
    count[0][0] = 1;
    for (int r = 1; r <= n; r++) {
      // adding rank r as the k-th smallest chosen element adds r - k to the offset
      for (int k = Math.min(r, n1); k >= 1; k--) {
        int shift = r - k;
        if (shift > n2) {
          continue;
        }
        double[] to = count[k];
        double[] from = count[k - 1];
        for (int v = maxU; v >= shift; v--) {
          to[v] += from[v - shift];
        }
      }
    }
    double total = 0;
    double tail = 0;
    for (int v = 0; v <= maxU; v++) {
      total += count[n1][v];
      if (v >= u) {
        tail += count[n1][v];
      }
    }
    return tail / total;
  }

  /** The median (the mean of the two middle values of an even count); NaN for no value. */
  public static double median(double[] v) {
    return quantile(v, 0.5);
  }

  /** The q-quantile by linear interpolation between order statistics. */
  public static double quantile(double[] v, double q) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  /**
   * Quartiles across series at each index, up to the shortest series: {@code [0]} the 25 %, {@code
   * [1]} the median, {@code [2]} the 75 % quantile (bands over seeds).
   */
  public static double[][] quartileBands(List<double[]> series) {
    int n = series.stream().mapToInt(a -> a.length).min().orElse(0);
    double[][] out = new double[3][n];
    for (int k = 0; k < n; k++) {
      double[] v = new double[series.size()];
      for (int s = 0; s < v.length; s++) {
        v[s] = series.get(s)[k];
      }
      out[0][k] = quantile(v, 0.25);
      out[1][k] = quantile(v, 0.5);
      out[2][k] = quantile(v, 0.75);
    }
    return out;
  }
}
