package org.neurohpo.report;

import java.util.List;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.StudyResult;

/**
 * A search study (GP-BO, random, ...) over a measured grid's sets, judged by the grid: after each
 * evaluation, the set the search itself would recommend (the best mean it measured so far, a set
 * measured in several trials counting by all its runs; with a scheduler, the best of the trials
 * with the most runs, each trial at the runs it ended with) and that set's accuracy on the grid
 * (the mean of all the grid's runs, the ground truth).
 */
public final class SearchTrace {
  private final StudyResult study;
  private final double[] trueBestSoFar;
  private final String[] incumbents;
  private final int evaluationsToTop;
  private final String posteriorIncumbent;

  /**
   * @param alpha level of Welch's test: a set is "as good as the grid's best" when its grid runs
   *     cannot be told from the best set's at this level
   */
  public SearchTrace(StudyResult study, Grid grid, double alpha) {
    this.study = study;
    List<StudyResult.Trial> trials = study.trials();
    trueBestSoFar = new double[trials.size()];
    incumbents = new String[trials.size()];
    // a set measured in several trials (a strategy's repeats) counts by all its runs so far
    java.util.Map<String, double[]> pooled = new java.util.LinkedHashMap<>();
    String incumbent = null;
    int toTop = -1;
    for (int k = 0; k < trials.size(); k++) {
      StudyResult.Trial t = trials.get(k);
      String key = study.key(t.params());
      Grid.Cell cell = grid.cell(key);
      if (cell == null) {
        throw new IllegalArgumentException(
            study.dir()
                + ": trial "
                + t.number()
                + " evaluated "
                + key
                + ", not a set of the grid");
      }
      if (study.scheduled()) {
        // the scheduler's own rule over the trials so far, at the runs they ended with: the
        // highest rung first (a study with a scheduler never repeats a set)
        incumbent =
            study.key(
                trials.subList(0, k + 1).stream().max(study.recommendationOrder()).get().params());
      } else {
        int runs = Math.max(1, t.testAccuracies().length);
        double[] sum = pooled.computeIfAbsent(key, x -> new double[2]);
        sum[0] += t.selectionMean() * runs; // what the search measured and selects on
        sum[1] += runs;
        incumbent = null;
        double bestMeasured = Double.NEGATIVE_INFINITY;
        for (java.util.Map.Entry<String, double[]> e : pooled.entrySet()) {
          double m = e.getValue()[0] / e.getValue()[1];
          if (m > bestMeasured) { // ties: the set measured first
            bestMeasured = m;
            incumbent = e.getKey();
          }
        }
      }
      incumbents[k] = incumbent;
      trueBestSoFar[k] = grid.cell(incumbent).mean();
      if (toTop < 0 && grid.indistinguishableFromBest(key, alpha)) {
        toTop = k + 1;
      }
    }
    evaluationsToTop = toTop;
    posteriorIncumbent =
        "grid".equals(study.spec().path("strategy").asText()) || study.scheduled()
            ? null // (a scheduler's trials are means of different numbers of runs)
            : PosteriorRecommendation.of(study);
    if (posteriorIncumbent != null && grid.cell(posteriorIncumbent) == null) {
      throw new IllegalArgumentException(
          study.dir() + ": the GP recommends " + posteriorIncumbent + ", not a set of the grid");
    }
  }

  public StudyResult study() {
    return study;
  }

  /** After k+1 evaluations: the grid accuracy of the set the search recommends. */
  public double[] trueBestSoFar() {
    return trueBestSoFar.clone();
  }

  /** The set the search recommends at the end. */
  public String finalIncumbent() {
    return incumbents[incumbents.length - 1];
  }

  /**
   * The set the GP's posterior mean recommends at the end (see {@link PosteriorRecommendation});
   * null for a grid study.
   */
  public String posteriorIncumbent() {
    return posteriorIncumbent;
  }

  /**
   * Evaluations until the search first evaluated a set indistinguishable from the grid's best (-1:
   * never).
   */
  public int evaluationsToTop() {
    return evaluationsToTop;
  }

  public int evaluations() {
    return trueBestSoFar.length;
  }
}
