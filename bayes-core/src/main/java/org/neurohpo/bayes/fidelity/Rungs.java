package org.neurohpo.bayes.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trials of a scheduler with their value at each rung they completed: the bookkeeping that
 * promotion decisions and model-based proposals read. Trials are numbered 0, 1, ... in the order
 * they were started.
 */
public final class Rungs {

  /** One trial: its parameters and, per rung, its value (NaN until reported) and promotion. */
  public static final class Trial {
    private final int id;
    private final Map<String, Object> params;
    private final double[] values;
    private final boolean[] promoted;
    private boolean pruned;

    Trial(int id, Map<String, Object> params, int rungs) {
      this.id = id;
      this.params = Map.copyOf(params);
      this.values = new double[rungs];
      this.promoted = new boolean[rungs];
      Arrays.fill(values, Double.NaN);
    }

    public int id() {
      return id;
    }

    public Map<String, Object> params() {
      return params;
    }

    /** Value at rung {@code k}, NaN when not reported. */
    public double value(int k) {
      return values[k];
    }

    /** Whether the trial was promoted out of rung {@code k}. */
    public boolean promoted(int k) {
      return promoted[k];
    }

    /** Whether the scheduler ruled the trial out: it will not be promoted again. */
    public boolean pruned() {
      return pruned;
    }

    /** Highest rung with a reported value, -1 for none. */
    public int rung() {
      for (int k = values.length - 1; k >= 0; k--) {
        if (!Double.isNaN(values[k])) {
          return k;
        }
      }
      return -1;
    }
  }

  private final Ladder ladder;
  private final List<Trial> trials = new ArrayList<>();

  public Rungs(Ladder ladder) {
    this.ladder = ladder;
  }

  public Ladder ladder() {
    return ladder;
  }

  /** Starts a new trial and returns it. */
  public Trial add(Map<String, Object> params) {
    Trial t = new Trial(trials.size(), params, ladder.levels().length);
    trials.add(t);
    return t;
  }

  public Trial trial(int id) {
    if (id < 0 || id >= trials.size()) {
      throw new IllegalArgumentException(
          "unknown trial " + id + " (0.." + (trials.size() - 1) + ")");
    }
    return trials.get(id);
  }

  /** All trials in the order they were started. */
  public List<Trial> trials() {
    return java.util.Collections.unmodifiableList(trials);
  }

  /** Records a trial's value at a rung (the mean objective over its runs up to that rung). */
  public void record(int trial, int rung, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, got " + value);
    }
    trial(trial).values[rung] = value;
  }

  /** Marks a trial as promoted out of rung {@code k}. */
  void promote(Trial t, int k) {
    t.promoted[k] = true;
  }

  /**
   * Marks trial {@code id} as promoted out of rung {@code k} (a scheduler rebuilt from what it
   * published: the trial was requested at rung {@code k + 1}).
   */
  public void promoted(int id, int k) {
    if (k < 0 || k >= ladder.top()) {
      throw new IllegalArgumentException("no promotion out of rung " + k + " of " + ladder);
    }
    promote(trial(id), k);
  }

  /** Marks trial {@code id} as pruned: the scheduler ruled it out. */
  public void prune(int id) {
    trial(id).pruned = true;
  }

  /** Trials with a value at rung {@code k}, best (lowest) first, ties by trial number. */
  public List<Trial> results(int k) {
    return trials.stream()
        .filter(t -> !Double.isNaN(t.values[k]))
        .sorted(Comparator.comparingDouble((Trial t) -> t.values[k]).thenComparingInt(Trial::id))
        .toList();
  }

  /** The highest rung with at least {@code n} results, -1 for none. */
  public int highestRungWith(int n) {
    for (int k = ladder.top(); k >= 0; k--) {
      int c = 0;
      for (Trial t : trials) {
        c += Double.isNaN(t.values[k]) ? 0 : 1;
      }
      if (c >= n) {
        return k;
      }
    }
    return -1;
  }

  /** The recommendation: the best trial of the highest rung that has a result. */
  public Optional<Trial> best() {
    int k = highestRungWith(1);
    return k < 0 ? Optional.empty() : Optional.of(results(k).get(0));
  }
}
