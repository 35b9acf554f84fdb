package org.neurohpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.bayes.strategy.Pareto;
import org.neurohpo.experiments.Stats;
import org.neurohpo.experiments.StudyResult;

/**
 * The report of an accuracy-vs-energy experiment folder:
 *
 * <pre>
 * DIR/experiment.json            what was run
 * DIR/search/STRATEGY/seed-S/    one study per strategy and optimizer seed
 * </pre>
 *
 * Each trial is a point (energy, accuracy): energy is the mean synapse events per inference over
 * its runs, accuracy its mean test accuracy. Hypervolume is measured in a normalised plane, both
 * minimised: {@code x = log(1 + energy) / log(1 + E)} with E the largest energy of any trial of the
 * experiment, and {@code y = 1 - accuracy}; reference point (1.05, 1). It is 0 for no useful trial
 * and approaches 1.05 for a perfect, energy-free one.
 */
public final class ParetoReport {
  static final double[] REF = {1.05, 1.0};

  private ParetoReport() {}

  /** One trial as a point of the accuracy-vs-energy plane, with its network size. */
  public record Point(
      String strategy,
      int seed,
      int trial,
      double accuracy,
      double energy,
      double neurons,
      double synapses,
      Map<String, String> params) {}

  /** Every trial of every study, by strategy then seed; trials without runs are left out. */
  public static Map<String, List<List<Point>>> read(Path dir) throws IOException {
    Map<String, List<List<Point>>> out = new LinkedHashMap<>();
    Path search = dir.resolve("search");
    for (Path strategy : ExperimentFolders.strategies(search)) {
      List<List<Point>> studies = new ArrayList<>();
      for (Path seedDir : ExperimentFolders.seeds(strategy)) {
        StudyResult r = StudyResult.read(seedDir);
        int seed = ExperimentFolders.seed(seedDir);
        Map<Integer, Double> energy = r.runMeans("synapseEventsPerSample");
        Map<Integer, Double> neurons = r.runMeans("neurons");
        Map<Integer, Double> synapses = r.runMeans("synapses");
        List<Point> points = new ArrayList<>();
        for (StudyResult.Trial t : r.trials()) {
          if (energy.containsKey(t.number())) {
            points.add(
                new Point(
                    strategy.getFileName().toString(),
                    seed,
                    t.number(),
                    t.mean(),
                    energy.get(t.number()),
                    neurons.get(t.number()),
                    synapses.get(t.number()),
                    t.params()));
          }
        }
        studies.add(points);
      }
      if (!studies.isEmpty()) {
        out.put(strategy.getFileName().toString(), studies);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no search/STRATEGY/seed-S studies");
    }
    return out;
  }

  /** The points in the normalised, minimised plane of the hypervolume. */
  static List<double[]> plane(List<Point> points, double maxEnergy) {
    List<double[]> out = new ArrayList<>();
    for (Point p : points) {
      out.add(new double[] {Math.log1p(p.energy()) / Math.log1p(maxEnergy), 1 - p.accuracy()});
    }
    return out;
  }

  /** Writes the report; returns the path of report.html. */
  public static Path write(Path dir) throws IOException {
    JsonNode meta =
        Files.exists(dir.resolve("experiment.json"))
            ? new ObjectMapper().readTree(dir.resolve("experiment.json").toFile())
            : new ObjectMapper().createObjectNode();
    Map<String, List<List<Point>>> all = read(dir);
    double maxEnergy = 0;
    for (List<List<Point>> studies : all.values()) {
      for (List<Point> s : studies) {
        for (Point p : s) {
          maxEnergy = Math.max(maxEnergy, p.energy());
        }
      }
    }
    Path out = dir.resolve("report");
    Path figures = out.resolve("figures");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    Map<String, double[]> finalHv = new LinkedHashMap<>();
    Map<String, List<double[]>> traces = new LinkedHashMap<>();
    Map<String, List<Point>> pooledFronts = new LinkedHashMap<>();
    StringBuilder hvCsv = new StringBuilder("strategy,seed,evaluations,hypervolume\n");
    StringBuilder pointsCsv =
        new StringBuilder(
            "strategy,seed,trial,accuracy,synapseEventsPerSample,neurons,synapses,onStudyFront\n");
    for (Map.Entry<String, List<List<Point>>> e : all.entrySet()) {
      double[] hv = new double[e.getValue().size()];
      List<double[]> tr = new ArrayList<>();
      List<Point> pooled = new ArrayList<>();
      for (int s = 0; s < hv.length; s++) {
        List<Point> study = e.getValue().get(s);
        List<double[]> plane = plane(study, maxEnergy);
        double[] trace = Pareto.hypervolumeTrace(plane, REF);
        tr.add(trace);
        hv[s] = trace.length == 0 ? 0 : trace[trace.length - 1];
        for (int k = 0; k < trace.length; k++) {
          hvCsv.append(e.getKey()).append(',').append(study.get(0).seed()).append(',');
          hvCsv.append(k + 1).append(',').append(trace[k]).append('\n');
        }
        java.util.Set<Integer> front = new java.util.HashSet<>();
        for (int i : Pareto.front(plane)) {
          front.add(i);
        }
        for (int i = 0; i < study.size(); i++) {
          Point p = study.get(i);
          pointsCsv.append(
              String.format(
                  java.util.Locale.ROOT,
                  "%s,%d,%d,%s,%s,%s,%s,%s%n",
                  p.strategy(),
                  p.seed(),
                  p.trial(),
                  p.accuracy(),
                  p.energy(),
                  p.neurons(),
                  p.synapses(),
                  front.contains(i)));
        }
        pooled.addAll(study);
      }
      finalHv.put(e.getKey(), hv);
      traces.put(e.getKey(), tr);
      List<Point> pooledFront = new ArrayList<>();
      for (int i : Pareto.front(plane(pooled, maxEnergy))) {
        pooledFront.add(pooled.get(i));
      }
      pooledFront.sort(java.util.Comparator.comparingDouble(Point::energy));
      pooledFronts.put(e.getKey(), pooledFront);
    }
    Files.writeString(data.resolve("hypervolume.csv"), hvCsv);
    Files.writeString(data.resolve("points.csv"), pointsCsv);

    String dataset = meta.path("dataset").asText("?");
    HtmlReport html = new HtmlReport("Accuracy vs energy on " + dataset);
    html.paragraph(
        "Multi-objective search of the HPs for high test accuracy and low energy (the mean number"
            + " of synapse events per inference, the RISP processor's work per sample). Each"
            + " strategy ran once per optimizer seed with the same budget. Hypervolume (higher is"
            + " better) is measured in a normalised plane: x = log(1 + energy) / log(1 + "
            + String.format("%.0f", maxEnergy)
            + ") (the largest energy of any trial here), y = 1 - accuracy, reference point (1.05,"
            + " 1); the Mann-Whitney U test compares the strategies' final hypervolumes (exact"
            + " p-value without ties up to 100 seeds in all, else the normal approximation).");
    html.howItWasRun(meta);
    html.heading("Outcome");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> e : finalHv.entrySet()) {
      double[] hv = e.getValue();
      List<Point> front = pooledFronts.get(e.getKey());
      rows.add(
          List.of(
              e.getKey(),
              Integer.toString(hv.length),
              Integer.toString(all.get(e.getKey()).get(0).size()),
              String.format(
                  "%.4f (%.4f to %.4f)",
                  Stats.quantile(hv, 0.5), Stats.quantile(hv, 0.25), Stats.quantile(hv, 0.75)),
              Integer.toString(front.size())));
    }
    html.table(
        List.of(
            "strategy",
            "studies (optimizer seeds)",
            "trials per study",
            "final hypervolume: median (interquartile range)",
            "points on the front pooled over seeds"),
        rows);
    List<String> names = new ArrayList<>(finalHv.keySet());
    if (names.size() >= 2) {
      double[] a = finalHv.get(names.get(0));
      double[] b = finalHv.get(names.get(1));
      double p = a.length > 0 && b.length > 0 ? Stats.mannWhitneyP(a, b) : 1;
      html.paragraph(
          String.format(
              "%s vs %s: median final hypervolume %.4f vs %.4f; Mann-Whitney U two-sided p = %.3g"
                  + " over %d and %d seeds.",
              names.get(0),
              names.get(1),
              Stats.quantile(a, 0.5),
              Stats.quantile(b, 0.5),
              p,
              a.length,
              b.length));
    }
    html.figure(
        Figure.save(
            Charts.medianBands(
                "Hypervolume on " + dataset, "trials evaluated", "hypervolume", traces),
            figures,
            "hypervolume",
            "Hypervolume of the trials so far; line: median over optimizer seeds, band:"
                + " interquartile range."),
        "figures");
    html.figure(
        Figure.save(
            Charts.fronts("Accuracy vs energy on " + dataset, all, pooledFronts),
            figures,
            "fronts",
            "Every trial (light) and each strategy's front pooled over its seeds (line); energy on"
                + " a log scale."),
        "figures");
    for (Map.Entry<String, List<Point>> e : pooledFronts.entrySet()) {
      html.heading("Front of " + e.getKey() + " (pooled over seeds)");
      // trials with the same figures (e.g. the many silent networks at chance level) share a row
      Map<String, List<Point>> same = new LinkedHashMap<>();
      for (Point p : e.getValue()) {
        same.computeIfAbsent(
                String.format(java.util.Locale.ROOT, "%.6f/%.6f", p.accuracy(), p.energy()),
                k -> new ArrayList<>())
            .add(p);
      }
      List<List<String>> front = new ArrayList<>();
      for (List<Point> group : same.values()) {
        Point p = group.get(0);
        front.add(
            List.of(
                String.format("%.4f", p.accuracy()),
                String.format("%.1f", p.energy()),
                String.format("%.1f", p.neurons()),
                String.format("%.1f", p.synapses()),
                "seed " + p.seed() + ", trial " + p.trial(),
                Integer.toString(group.size()),
                p.params().toString()));
      }
      html.table(
          List.of(
              "mean test accuracy",
              "synapse events per inference",
              "neurons",
              "synapses",
              "study (first)",
              "trials with these figures",
              "HPs (of the first)"),
          front);
    }
    html.heading("Data");
    html.links(
        "CSV behind the figures and tables:", List.of("data/points.csv", "data/hypervolume.csv"));
    Path file = out.resolve("report.html");
    html.write(file);
    return file;
  }
}
