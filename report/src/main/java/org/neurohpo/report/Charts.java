package org.neurohpo.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.Stats;
import org.neurohpo.experiments.StudyResult;

/** The report's charts, built with JFreeChart from the analyses' plain arrays. */
public final class Charts {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0xff7f0e),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f)
  };

  /** The i-th series' colour, the palette repeating. */
  static Color colour(int i) {
    return PALETTE[i % PALETTE.length];
  }

  private Charts() {}

  /**
   * Grid accuracy of the recommended set vs HP sets evaluated: per strategy the median over seeds
   * with its interquartile band; a line at the grid's best.
   */
  public static JFreeChart bestSoFar(GridVsSearch analysis, String title) {
    Map<String, double[][]> bands = new java.util.LinkedHashMap<>();
    for (GridVsSearch.StrategyOutcome o : analysis.outcomes().values()) {
      String label =
          o.traces().size() == 1
              ? o.strategy()
              : o.strategy() + " (median, IQR over " + o.traces().size() + " seeds)";
      bands.put(label, GridVsSearch.band(o));
    }
    bands.put(
        "grid, random orders (median, IQR over " + GridVsSearch.GRID_ORDERS + " orders)",
        analysis.gridOrdersBand());
    JFreeChart chart =
        bandChart(title, "HP sets evaluated", "grid accuracy of the recommendation", bands);
    XYPlot plot = chart.getXYPlot();
    ValueMarker best = new ValueMarker(analysis.grid().best().mean());
    best.setPaint(Color.DARK_GRAY);
    best.setStroke(dashed());
    best.setLabel("grid best");
    plot.addRangeMarker(best);
    org.jfree.chart.axis.LogarithmicAxis x =
        new org.jfree.chart.axis.LogarithmicAxis("HP sets evaluated (log scale)");
    x.setStrictValuesFlag(false);
    x.setRange(
        1,
        Math.max(
            2,
            org.jfree.data.general.DatasetUtils.findMaximumDomainValue(plot.getDataset())
                .doubleValue()));
    plot.setDomainAxis(x);
    return chart;
  }

  /** Median line and interquartile band over seeds of each named set of series (e.g. strategy). */
  public static JFreeChart medianBands(
      String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
    Map<String, double[][]> bands = new java.util.LinkedHashMap<>();
    series.forEach(
        (name, s) ->
            bands.put(
                s.size() == 1 ? name : name + " (median, IQR over " + s.size() + " seeds)",
                Stats.quartileBands(s)));
    return bandChart(title, xLabel, yLabel, bands);
  }

  /** Lines (band [1]) with shaded bands ([0] to [2]) against 1, 2, ... */
  private static JFreeChart bandChart(
      String title, String xLabel, String yLabel, Map<String, double[][]> bands) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    bands.forEach(
        (label, band) -> {
          YIntervalSeries s = new YIntervalSeries(label);
          for (int k = 0; k < band[1].length; k++) {
            s.add(k + 1, band[1][k], band[0][k], band[2][k]);
          }
          data.addSeries(s);
        });
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    DeviationRenderer r = new DeviationRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Color c = colour(i);
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    r.setAlpha(0.2f);
    plot.setRenderer(r);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    style(plot);
    return chart;
  }

  /**
   * Accuracy against energy (log scale): every trial of each strategy as light points, and each
   * strategy's front as a line.
   */
  public static JFreeChart fronts(
      String title,
      Map<String, List<List<ParetoReport.Point>>> all,
      Map<String, List<ParetoReport.Point>> fronts) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<List<ParetoReport.Point>>> e : all.entrySet()) {
      XYSeries s = new XYSeries(e.getKey() + ": trials");
      e.getValue()
          .forEach(study -> study.forEach(p -> s.add(Math.max(p.energy(), 1e-3), p.accuracy())));
      data.addSeries(s);
    }
    for (Map.Entry<String, List<ParetoReport.Point>> e : fronts.entrySet()) {
      XYSeries s = new XYSeries(e.getKey() + ": front", false);
      e.getValue().forEach(p -> s.add(Math.max(p.energy(), 1e-3), p.accuracy()));
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            title,
            "synapse events per inference (log scale)",
            "mean test accuracy",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    int strategies = all.size();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Color c = colour(i % strategies);
      boolean front = i >= strategies;
      r.setSeriesPaint(i, front ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
      r.setSeriesLinesVisible(i, front);
      r.setSeriesShapesVisible(i, true);
      r.setSeriesShape(
          i,
          front
              ? new java.awt.geom.Rectangle2D.Double(-3, -3, 6, 6)
              : new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    org.jfree.chart.axis.LogarithmicAxis x =
        new org.jfree.chart.axis.LogarithmicAxis("synapse events per inference (log scale)");
    x.setStrictValuesFlag(false);
    plot.setDomainAxis(x);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    style(plot);
    return chart;
  }

  /**
   * The grid's landscape: every set's mean test accuracy against its rank, one colour per value of
   * {@code groupBy} (e.g. the encoder).
   */
  public static JFreeChart landscape(Grid grid, String groupBy, String title) {
    Map<String, XYSeries> series = new TreeMap<>();
    for (Grid.Cell c : grid.ranked()) {
      String g = c.params().getOrDefault(groupBy, "-");
      series.computeIfAbsent(g, k -> new XYSeries(groupBy + "=" + k)).add(c.rank(), c.mean());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            title,
            "rank of the set in the grid (1 = best)",
            "mean test accuracy over " + grid.runsPerSet() + " runs",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, colour(i));
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
    }
    plot.setRenderer(r);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    style(plot);
    return chart;
  }

  /** Bars of a named share per item, e.g. variance explained per HP (used by sensitivity). */
  public static JFreeChart bars(String title, String axis, List<String> names, double[] values) {
    org.jfree.data.category.DefaultCategoryDataset data =
        new org.jfree.data.category.DefaultCategoryDataset();
    for (int i = 0; i < names.size(); i++) {
      data.addValue(values[i], axis, names.get(i));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, "", axis, data, PlotOrientation.HORIZONTAL, false, false, false);
    chart.getCategoryPlot().getRenderer().setSeriesPaint(0, colour(0));
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  /**
   * The best mean so far after each trial, in trial-number order, by what the study selected on
   * ({@link StudyResult.Trial#selectionMean}).
   */
  static double[] bestSoFar(List<StudyResult.Trial> trials) {
    double[] out = new double[trials.size()];
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < out.length; k++) {
      best = Math.max(best, trials.get(k).selectionMean());
      out[k] = best;
    }
    return out;
  }

  /** One best-so-far line per study (its own measured means), against HP sets evaluated. */
  public static JFreeChart traces(String title, List<List<StudyResult.Trial>> studies) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int s = 0; s < studies.size(); s++) {
      XYSeries series = new XYSeries("seed " + (s + 1));
      double[] best = bestSoFar(studies.get(s));
      for (int k = 0; k < best.length; k++) {
        series.add(k + 1, best[k]);
      }
      data.addSeries(series);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "HP sets evaluated",
            "best mean so far (validation; test before issue 15)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, colour(i));
      r.setSeriesStroke(i, new BasicStroke(1.5f));
    }
    plot.setRenderer(r);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    style(plot);
    return chart;
  }

  /** The thin dashed stroke of reference lines. */
  static BasicStroke dashed() {
    return new BasicStroke(
        1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f}, 0f);
  }

  static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }
}
