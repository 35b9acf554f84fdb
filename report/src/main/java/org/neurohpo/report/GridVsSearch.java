package org.neurohpo.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.Stats;
import org.neurohpo.experiments.StudyResult;

/**
 * Experiment 1 of the reference study: does a search with few sets and few runs find the grid's
 * best set (or one statistically indistinguishable from it), after how many evaluations and in how
 * much time, next to the grid itself.
 */
public final class GridVsSearch {

  /** One strategy over its optimizer seeds. */
  public record StrategyOutcome(
      String strategy,
      List<SearchTrace> traces,
      int foundTop,
      double medianEvaluationsToTop,
      double medianFinalRank,
      double medianWallSeconds,
      int foundTopByPosterior,
      double medianFinalRankByPosterior) {}

  private final Grid grid;
  private final double alpha;
  private final Map<String, StrategyOutcome> outcomes = new LinkedHashMap<>();

  public GridVsSearch(Grid grid, Map<String, List<StudyResult>> searches, double alpha) {
    this.grid = grid;
    this.alpha = alpha;
    searches.forEach(
        (strategy, studies) -> {
          List<SearchTrace> traces = new ArrayList<>();
          for (StudyResult s : studies) {
            traces.add(new SearchTrace(s, grid, alpha));
          }
          int found = 0;
          List<Double> toTop = new ArrayList<>();
          List<Double> ranks = new ArrayList<>();
          List<Double> walls = new ArrayList<>();
          int foundByPosterior = 0;
          List<Double> posteriorRanks = new ArrayList<>();
          for (SearchTrace t : traces) {
            String p = t.posteriorIncumbent();
            if (p != null) {
              foundByPosterior += grid.indistinguishableFromBest(p, alpha) ? 1 : 0;
              posteriorRanks.add((double) grid.cell(p).rank());
            }
            if (grid.indistinguishableFromBest(t.finalIncumbent(), alpha)) {
              found++;
            }
            toTop.add(
                t.evaluationsToTop() < 0
                    ? Double.POSITIVE_INFINITY
                    : (double) t.evaluationsToTop());
            ranks.add((double) grid.cell(t.finalIncumbent()).rank());
            t.study().wallSeconds().ifPresent(walls::add);
          }
          outcomes.put(
              strategy,
              new StrategyOutcome(
                  strategy,
                  List.copyOf(traces),
                  found,
                  Stats.quantile(array(toTop), 0.5),
                  Stats.quantile(array(ranks), 0.5),
                  Stats.quantile(array(walls), 0.5),
                  foundByPosterior,
                  posteriorRanks.isEmpty()
                      ? Double.NaN
                      : Stats.quantile(array(posteriorRanks), 0.5)));
        });
  }

  /** Random orders of the grid drawn for its band: enough for stable quartiles. */
  public static final int GRID_ORDERS = 50;

  /**
   * The grid walked in {@link #GRID_ORDERS} random orders (seeded, so the same every time): after k
   * sets, the best grid mean among them. Quartiles over the orders, as {@link #band}.
   */
  public double[][] gridOrdersBand() {
    return Stats.quartileBands(gridOrders());
  }

  /** Median over the random orders of the sets walked until one of the grid's top group. */
  public double gridOrdersEvaluationsToTop() {
    java.util.Set<String> top = new java.util.HashSet<>();
    grid.topGroup(alpha).forEach(c -> top.add(c.key()));
    double[] toTop = new double[GRID_ORDERS];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    for (int o = 0; o < GRID_ORDERS; o++) {
      List<Grid.Cell> order = shuffled(rng);
      int k = 0;
      while (!top.contains(order.get(k).key())) {
        k++;
      }
      toTop[o] = k + 1;
    }
    return Stats.quantile(toTop, 0.5);
  }

  private List<double[]> gridOrders() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    List<double[]> out = new ArrayList<>();
    for (int o = 0; o < GRID_ORDERS; o++) {
      List<Grid.Cell> order = shuffled(rng);
      double[] best = new double[order.size()];
      double b = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < best.length; k++) {
        b = Math.max(b, order.get(k).mean());
        best[k] = b;
      }
      out.add(best);
    }
    return out;
  }

  /** The grid's sets in an order drawn from {@code rng} (Fisher-Yates). */
  private List<Grid.Cell> shuffled(java.util.SplittableRandom rng) {
    List<Grid.Cell> cells = new ArrayList<>(grid.ranked());
    for (int i = cells.size() - 1; i > 0; i--) {
      java.util.Collections.swap(cells, i, rng.nextInt(i + 1));
    }
    return cells;
  }

  public Grid grid() {
    return grid;
  }

  public double alpha() {
    return alpha;
  }

  public Map<String, StrategyOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Quantiles over seeds of the grid accuracy of the recommended set after each evaluation: rows
   * {@code evaluation, strategy, q25, median, q75}.
   */
  public void writeCurves(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("evaluation,strategy,q25,median,q75\n");
    Map<String, double[][]> bands = new LinkedHashMap<>();
    for (StrategyOutcome o : outcomes.values()) {
      bands.put(o.strategy(), band(o));
    }
    bands.put("grid (random orders)", gridOrdersBand());
    for (Map.Entry<String, double[][]> e : bands.entrySet()) {
      double[][] band = e.getValue();
      for (int k = 0; k < band[0].length; k++) {
        sb.append(k + 1).append(',').append(e.getKey());
        for (double[] q : band) {
          sb.append(',').append(q[k]);
        }
        sb.append('\n');
      }
    }
    Files.writeString(file, sb);
  }

  /** Per strategy and seed: the final set, its grid rank and mean, evaluations to the top group. */
  public void writeOutcomes(Path file) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "strategy,study,evaluations,finalSet,finalGridRank,finalGridMean,asGoodAsBest,"
                + "evaluationsToTop,wallSeconds,posteriorSet,posteriorGridRank,"
                + "posteriorAsGoodAsBest,runs\n");
    for (StrategyOutcome o : outcomes.values()) {
      for (SearchTrace t : o.traces()) {
        Grid.Cell c = grid.cell(t.finalIncumbent());
        sb.append(o.strategy())
            .append(',')
            .append(t.study().dir().getFileName())
            .append(',')
            .append(t.evaluations())
            .append(",\"")
            .append(c.key())
            .append("\",")
            .append(c.rank())
            .append(',')
            .append(c.mean())
            .append(',')
            .append(grid.indistinguishableFromBest(c.key(), alpha))
            .append(',')
            .append(t.evaluationsToTop() < 0 ? "" : Integer.toString(t.evaluationsToTop()))
            .append(',')
            .append(
                t.study().wallSeconds().isPresent() ? t.study().wallSeconds().getAsDouble() : "");
        String p = t.posteriorIncumbent();
        if (p == null) {
          sb.append(",,,");
        } else {
          sb.append(",\"")
              .append(p)
              .append("\",")
              .append(grid.cell(p).rank())
              .append(',')
              .append(grid.indistinguishableFromBest(p, alpha));
        }
        sb.append(',').append(t.study().runs()).append('\n');
      }
    }
    Files.writeString(file, sb);
  }

  /** {q25, median, q75} per evaluation over a strategy's seeds (shortest study's length). */
  public static double[][] band(StrategyOutcome o) {
    return Stats.quartileBands(o.traces().stream().map(SearchTrace::trueBestSoFar).toList());
  }

  private static double[] array(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
