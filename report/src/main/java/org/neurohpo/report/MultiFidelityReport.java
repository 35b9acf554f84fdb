package org.neurohpo.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.MultiFidelityReplay;
import org.neurohpo.experiments.Stats;

/**
 * The multi-fidelity replay's report: per strategy and budget (runs) the share of optimizer seeds
 * whose recommendation is as good as the grid's best (Welch's rule, {@link
 * Grid#indistinguishableFromBest}), as CSV, Markdown and a chart; and the test: does a
 * multi-fidelity strategy reach full-fidelity GP-BO's rate at its largest budget with at most a
 * third of its runs.
 */
public final class MultiFidelityReport {

  /** One strategy at one budget over all optimizer seeds. */
  public record Rate(
      String strategy,
      int budget,
      int seeds,
      int successes,
      double meanRunsSpent,
      double meanTrials,
      double medianGridRank,
      double meanGridAccuracy) {
    public double rate() {
      return successes / (double) seeds;
    }
  }

  private final MultiFidelityReplay replay;
  private final List<MultiFidelityReplay.Outcome> outcomes;
  private final List<Rate> rates = new ArrayList<>();

  public MultiFidelityReport(MultiFidelityReplay replay, List<MultiFidelityReplay.Outcome> rows) {
    this.replay = replay;
    this.outcomes = List.copyOf(rows);
    Map<String, List<MultiFidelityReplay.Outcome>> groups = new LinkedHashMap<>();
    for (MultiFidelityReplay.Outcome o : rows) {
      groups.computeIfAbsent(o.strategy() + "\t" + o.budget(), k -> new ArrayList<>()).add(o);
    }
    groups.forEach(
        (k, g) ->
            rates.add(
                new Rate(
                    g.get(0).strategy(),
                    g.get(0).budget(),
                    g.size(),
                    (int) g.stream().filter(MultiFidelityReplay.Outcome::asGoodAsBest).count(),
                    g.stream().mapToInt(MultiFidelityReplay.Outcome::runsSpent).average().orElse(0),
                    g.stream().mapToInt(MultiFidelityReplay.Outcome::trials).average().orElse(0),
                    Stats.quantile(
                        g.stream().mapToDouble(MultiFidelityReplay.Outcome::gridRank).toArray(),
                        0.5),
                    g.stream()
                        .mapToDouble(MultiFidelityReplay.Outcome::gridMean)
                        .average()
                        .orElse(Double.NaN))));
    rates.sort(
        java.util.Comparator.comparingInt((Rate r) -> strategyOrder(r.strategy()))
            .thenComparingInt(Rate::budget));
  }

  private static int strategyOrder(String s) {
    return MultiFidelityReplay.STRATEGIES.indexOf(s);
  }

  public List<Rate> rates() {
    return List.copyOf(rates);
  }

  /** The rate of a strategy at a budget, or null. */
  public Rate rate(String strategy, int budget) {
    return rates.stream()
        .filter(r -> r.strategy().equals(strategy) && r.budget() == budget)
        .findFirst()
        .orElse(null);
  }

  /**
   * The reference: full-fidelity GP-BO at its largest budget (40 sets x 10 runs by default), or
   * null when GP-BO was not replayed.
   */
  public Rate reference() {
    return rates.stream()
        .filter(r -> r.strategy().equals("bo"))
        .max(java.util.Comparator.comparingInt(Rate::budget))
        .orElse(null);
  }

  /**
   * The smallest budget at most a third of the reference's at which {@code strategy} recommends a
   * top set at least as often as the reference, or -1.
   */
  public int matchingBudget(String strategy) {
    Rate ref = reference();
    if (ref == null) {
      return -1;
    }
    return rates.stream()
        .filter(r -> r.strategy().equals(strategy))
        .filter(
            r ->
                r.budget() * 3 <= ref.budget()
                    && r.successes() * ref.seeds() >= ref.successes() * r.seeds())
        .mapToInt(Rate::budget)
        .min()
        .orElse(-1);
  }

  /** Writes replay.csv, success.csv, report.md and figures/success-vs-runs.{png,svg}. */
  public void write(Path dir, String title) throws IOException {
    Files.createDirectories(dir);
    StringBuilder raw =
        new StringBuilder(
            "strategy,budget,optimizerSeed,runsSpent,trials,set,gridRank,gridMean,asGoodAsBest\n");
    for (MultiFidelityReplay.Outcome o : outcomes) {
      raw.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%d,%d,\"%s\",%d,%s,%s%n",
              o.strategy(),
              o.budget(),
              o.seed(),
              o.runsSpent(),
              o.trials(),
              o.set(),
              o.gridRank(),
              o.gridMean(),
              o.asGoodAsBest()));
    }
    Files.writeString(dir.resolve("replay.csv"), raw);
    StringBuilder csv =
        new StringBuilder(
            "strategy,budget,seeds,successes,successRate,meanRunsSpent,meanTrials,"
                + "medianGridRank,meanGridAccuracy\n");
    for (Rate r : rates) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%d,%.4f,%.1f,%.1f,%.1f,%.4f%n",
              r.strategy(),
              r.budget(),
              r.seeds(),
              r.successes(),
              r.rate(),
              r.meanRunsSpent(),
              r.meanTrials(),
              r.medianGridRank(),
              r.meanGridAccuracy()));
    }
    Files.writeString(dir.resolve("success.csv"), csv);
    Figure.save(chart(title), dir.resolve("figures"), "success-vs-runs", title);
    Files.writeString(dir.resolve("report.md"), MultiFidelityMarkdown.of(this, replay, title));
  }

  /** Success rate against runs spent (budget), one line per strategy. */
  JFreeChart chart(String title) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (Rate r : rates) {
      series.computeIfAbsent(r.strategy(), XYSeries::new).add(r.budget(), r.rate());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    int seeds = rates.isEmpty() ? 0 : rates.get(0).seeds();
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "budget (EONS runs)",
            "share of " + seeds + " seeds: a top set",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, Charts.colour(i));
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    Rate ref = reference();
    if (ref != null) {
      ValueMarker third = new ValueMarker(ref.budget() / 3.0);
      third.setPaint(Color.DARK_GRAY);
      third.setStroke(Charts.dashed());
      third.setLabel("a third of GP-BO's runs");
      plot.addDomainMarker(third);
    }
    plot.getRangeAxis().setRange(0, 1.02);
    Charts.style(plot);
    return chart;
  }
}
