package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.bayes.space.SearchSpace;

/**
 * Observations aggregated per distinct configuration (in order of first arrival), plus pending
 * candidates by id. Repeated runs of a configuration give its mean and count ({@code noise of the
 * mean = noise / count}).
 */
public final class ObservationTable {

  /** One distinct configuration with its runs. */
  public static final class Point {
    final Map<String, Object> config;
    final double[] u;
    double sum;

    /** Sum of squared deviations from the mean (Welford). */
    double m2;

    int count;
    int version;

    Point(Map<String, Object> config, double[] u) {
      this.config = config;
      this.u = u;
    }

    public double mean() {
      return sum / count;
    }

    public int count() {
      return count;
    }

    public Map<String, Object> config() {
      return config;
    }
  }

  private final SearchSpace space;
  private final List<Point> points = new ArrayList<>();
  private final Map<String, Integer> byKey = new HashMap<>();
  private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
  private final List<Double> values = new ArrayList<>();
  private long nextId;

  public ObservationTable(SearchSpace space) {
    this.space = space;
  }

  /** Registers a new pending candidate and returns it. */
  public Candidate propose(Map<String, Object> config) {
    String id = Long.toString(nextId++);
    pending.put(id, config);
    return new Candidate(id, config);
  }

  /** Adds an observation (canonicalising its params); returns the index of its point. */
  public int add(Observation o) {
    if (o.id() != null) {
      pending.remove(o.id());
    }
    Map<String, Object> c = space.canonical(o.params());
    String key = space.key(c);
    Integer i = byKey.get(key);
    if (i == null) {
      i = points.size();
      points.add(new Point(c, space.encode(c)));
      byKey.put(key, i);
    }
    Point p = points.get(i);
    double before = p.count > 0 ? p.mean() : o.value();
    p.sum += o.value();
    p.count++;
    p.m2 += (o.value() - before) * (o.value() - p.mean());
    p.version++;
    values.add(o.value());
    return i;
  }

  /**
   * Pooled within-configuration variance of repeated runs ({@code sum (n_i - 1) s_i^2 / sum (n_i -
   * 1)}), or {@code NaN} when no configuration ran twice.
   */
  public double replicateVariance() {
    double ss = 0;
    int dof = 0;
    for (Point p : points) {
      if (p.count > 1) {
        ss += p.m2;
        dof += p.count - 1;
      }
    }
    return dof == 0 ? Double.NaN : ss / dof;
  }

  /** Sample variance of the configurations' means (0 with fewer than two configurations). */
  public double meanVariance() {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    double m = 0;
    for (Point p : points) {
      m += p.mean() / n;
    }
    double ss = 0;
    for (Point p : points) {
      ss += (p.mean() - m) * (p.mean() - m);
    }
    return ss / (n - 1);
  }

  public List<Point> points() {
    return points;
  }

  public Map<String, Map<String, Object>> pending() {
    return pending;
  }

  /** The distinct point with the lowest observed mean, as a recommendation (no model). */
  public Optional<Recommendation> lowestMean() {
    return points().stream()
        .min(Comparator.comparingDouble(Point::mean))
        .map(p -> new Recommendation(p.config(), p.mean(), p.mean(), p.count()));
  }

  public List<Double> values() {
    return values;
  }

  /** Keys of observed and pending configurations. */
  public java.util.Set<String> excludedKeys() {
    java.util.Set<String> s = new java.util.HashSet<>(byKey.keySet());
    for (Map<String, Object> c : pending.values()) {
      s.add(space.key(c));
    }
    return s;
  }

  public SearchSpace space() {
    return space;
  }
}
