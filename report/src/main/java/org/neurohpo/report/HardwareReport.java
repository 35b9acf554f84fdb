package org.neurohpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.neurohpo.experiments.Stats;
import org.neurohpo.experiments.StudyResult;
import org.neurohpo.model.SampleStats;

/**
 * The report of a hardware experiment folder:
 *
 * <pre>
 * DIR/experiment.json        what was run, and "encoding": the fixed encoding
 * DIR/search/seed-S/         GP-BO over the hardware HPs, one study per optimizer seed
 * DIR/validation/defaults/   the default hardware, measured on the validation seeds
 * DIR/validation/seed-S/     search S's recommended hardware, on the same validation seeds
 * </pre>
 *
 * The gain of a recommendation is its validation mean minus that of the defaults, on the same seeds
 * (so the same data splits), tested with Welch's t-test.
 */
public final class HardwareReport {
  /** Level of Welch's test for "better than the defaults". */
  public static final double ALPHA = 0.05;

  private HardwareReport() {}

  /** One validated hardware set: its HPs, its search's estimate, its validation runs. */
  public record Row(String label, Map<String, String> params, double searchMean, double[] runs) {
    public double mean() {
      return Stats.mean(runs);
    }

    public double std() {
      return SampleStats.std(runs);
    }
  }

  /** The defaults' row first, then one per search seed (in seed order). */
  public static List<Row> rows(Path dir) throws IOException {
    List<Row> rows = new ArrayList<>();
    Path validation = dir.resolve("validation");
    rows.add(row("defaults", validation.resolve("defaults"), Double.NaN));
    for (Path search : ExperimentFolders.seeds(dir.resolve("search"))) {
      String seed = search.getFileName().toString();
      Path v = validation.resolve(seed);
      if (Files.exists(v.resolve("summary.json"))) {
        double searchBest =
            StudyResult.read(search).trials().stream()
                .mapToDouble(StudyResult.Trial::selectionMean)
                .max()
                .orElse(Double.NaN);
        rows.add(row(seed.replace("seed-", "BO seed "), v, searchBest));
      }
    }
    return rows;
  }

  private static Row row(String label, Path dir, double searchMean) {
    StudyResult r = StudyResult.read(dir);
    StudyResult.Trial t = r.trials().get(0);
    return new Row(label, t.params(), searchMean, t.testAccuracies());
  }

  /** Writes the report; returns the path of report.html. */
  public static Path write(Path dir) throws IOException {
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("experiment.json").toFile());
    List<Row> rows = rows(dir);
    Row defaults = rows.get(0);
    List<List<StudyResult.Trial>> traces = new ArrayList<>();
    for (Path search : ExperimentFolders.seeds(dir.resolve("search"))) {
      traces.add(StudyResult.read(search).trials());
    }
    String dataset = meta.path("dataset").asText();
    Path out = dir.resolve("report");
    Path figures = out.resolve("figures");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    writeValidation(rows, data.resolve("validation.csv"));
    writeTraces(traces, data.resolve("search-best-so-far.csv"));

    HtmlReport html = new HtmlReport("Hardware HPs for a fixed encoding on " + dataset);
    html.paragraph(
        "How much does tuning the hardware (RISP weight precision and sign, leak, maximum delay,"
            + " threshold inclusiveness) gain over the default hardware, for a fixed encoding"
            + " ("
            + meta.path("encoding")
            + ")? GP-BO searched the hardware HPs once per optimizer seed. Because a search's"
            + " best mean is an optimistic estimate (it is the maximum of many noisy means), the"
            + " default hardware and each search's recommendation were measured again on the same"
            + " fresh seeds (same data splits, same EONS seeds); the gain is the difference of"
            + " those means, and Welch's two-sided t-test at "
            + ALPHA
            + " says whether it is more than noise.");
    html.howItWasRun(meta);
    html.heading("Outcome");
    List<List<String>> table = new ArrayList<>();
    int better = 0;
    int worse = 0;
    List<Double> gains = new ArrayList<>();
    for (Row r : rows) {
      double gain = r.mean() - defaults.mean();
      double p = r == defaults ? Double.NaN : Stats.welchP(r.runs(), defaults.runs());
      if (r != defaults) {
        gains.add(gain);
        if (p < ALPHA) {
          if (gain > 0) {
            better++;
          } else {
            worse++;
          }
        }
      }
      table.add(
          List.of(
              r.label(),
              params(r.params()),
              Double.isNaN(r.searchMean()) ? "-" : String.format("%.4f", r.searchMean()),
              String.format("%.4f +- %.4f", r.mean(), r.std()),
              r == defaults ? "-" : String.format("%+.4f", gain),
              r == defaults ? "-" : String.format("%.3g", p)));
    }
    html.table(
        List.of(
            "hardware",
            "HPs",
            "best mean in its search",
            "validation mean +- std (" + defaults.runs().length + " runs)",
            "gain over the defaults",
            "Welch p vs the defaults"),
        table);
    double medianGain =
        Stats.quantile(gains.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
    html.paragraph(
        String.format(
            "Median gain over the defaults: %+.4f. %d of %d recommendations are significantly"
                + " better than the defaults at level %s, %d significantly worse.",
            medianGain, better, gains.size(), ALPHA, worse));
    List<String> names = new ArrayList<>();
    double[] means = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      names.add(rows.get(i).label());
      means[i] = rows.get(i).mean();
    }
    html.figure(
        Figure.save(
            Charts.bars("Validation accuracy on " + dataset, "mean test accuracy", names, means),
            figures,
            "validation",
            "Mean test accuracy on the validation seeds: the default hardware and each search's"
                + " recommendation."),
        "figures");
    JFreeChart curves = Charts.traces("GP-BO over the hardware HPs on " + dataset, traces);
    html.figure(
        Figure.save(
            curves,
            figures,
            "search-best-so-far",
            "Best mean accuracy measured so far in each search (its own runs, what it selected"
                + " on: validation, or test in a folder written before issue 15), against HP"
                + " sets evaluated."),
        "figures");
    html.heading("Data");
    html.links(
        "CSV behind the figures and tables:",
        List.of("data/validation.csv", "data/search-best-so-far.csv"));
    Path file = out.resolve("report.html");
    html.write(file);
    return file;
  }

  /** HPs as "k=v, k=v", in their order. */
  static String params(Map<String, String> p) {
    StringBuilder sb = new StringBuilder();
    p.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }

  private static void writeValidation(List<Row> rows, Path file) throws IOException {
    StringBuilder sb = new StringBuilder("hardware,params,searchBestMean,run,testAccuracy\n");
    for (Row r : rows) {
      for (int i = 0; i < r.runs().length; i++) {
        sb.append(r.label())
            .append(",\"")
            .append(params(r.params()))
            .append("\",")
            .append(Double.isNaN(r.searchMean()) ? "" : Double.toString(r.searchMean()))
            .append(',')
            .append(i + 1)
            .append(',')
            .append(r.runs()[i])
            .append('\n');
      }
    }
    Files.writeString(file, sb);
  }

  private static void writeTraces(List<List<StudyResult.Trial>> traces, Path file)
      throws IOException {
    StringBuilder sb = new StringBuilder("search,evaluations,bestMean\n");
    for (int s = 0; s < traces.size(); s++) {
      double[] best = Charts.bestSoFar(traces.get(s));
      for (int k = 0; k < best.length; k++) {
        sb.append(s + 1).append(',').append(k + 1).append(',').append(best[k]).append('\n');
      }
    }
    Files.writeString(file, sb);
  }
}
