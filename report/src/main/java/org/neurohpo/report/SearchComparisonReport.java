package org.neurohpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurohpo.experiments.Stats;
import org.neurohpo.experiments.StudyResult;
import org.neurohpo.model.SampleStats;

/**
 * The report of a search-comparison folder (`experiment joint-space`):
 *
 * <pre>
 * DIR/experiment.json             what was run
 * DIR/search/STRATEGY/seed-S/     one search per strategy and optimizer seed, on its run seeds
 * DIR/fresh/STRATEGY/seed-S/      that search's recommendation, on the fresh seeds (all the same)
 * </pre>
 *
 * A strategy is judged by its recommendations' mean test accuracy on the fresh seeds, which no
 * search saw; two strategies are compared with the two-sided Mann-Whitney test (exact for these
 * sample sizes) and Welch's t-test on those means, and seed by seed (the searches with the same
 * optimizer seed measured on the same run seeds).
 */
public final class SearchComparisonReport {
  /** Level of the tests. */
  public static final double ALPHA = 0.05;

  private SearchComparisonReport() {}

  /** One recommendation: its search, its HPs, its search's own estimate, its fresh runs. */
  public record Row(
      String strategy, int seed, Map<String, String> params, double searchMean, double[] fresh) {
    public double freshMean() {
      return Stats.mean(fresh);
    }
  }

  /** Every recommendation measured on the fresh seeds, by strategy (folder order) then seed. */
  public static Map<String, List<Row>> rows(Path dir) throws IOException {
    return read(dir).rows();
  }

  /** What the report shows, each search folder read once: its recommendation and its curve. */
  private record Searches(Map<String, List<Row>> rows, Map<String, List<double[]>> curves) {}

  private static Searches read(Path dir) throws IOException {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    for (Path strategy : ExperimentFolders.strategies(dir.resolve("search"))) {
      String name = strategy.getFileName().toString();
      List<Row> rows = new ArrayList<>();
      List<double[]> c = new ArrayList<>();
      for (Path search : ExperimentFolders.seeds(strategy)) {
        StudyResult searched = StudyResult.read(search);
        c.add(Charts.bestSoFar(searched.trials()));
        Path fresh = dir.resolve("fresh").resolve(name).resolve(search.getFileName());
        if (!Files.exists(fresh.resolve("summary.json"))) {
          continue;
        }
        StudyResult.Trial best = searched.best();
        StudyResult.Trial again = StudyResult.read(fresh).trials().get(0);
        if (!again.params().equals(best.params())) {
          throw new IllegalArgumentException(
              fresh + ": measures " + again.params() + ", not its search's best " + best.params());
        }
        rows.add(
            new Row(
                name,
                ExperimentFolders.seed(search),
                best.params(),
                best.selectionMean(),
                again.testAccuracies()));
      }
      out.put(name, rows);
      curves.put(name, c);
    }
    return new Searches(out, curves);
  }

  /** Writes the report; returns the path of report.html. */
  public static Path write(Path dir) throws IOException {
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("experiment.json").toFile());
    Searches searches = read(dir);
    Map<String, List<Row>> rows = searches.rows();
    String dataset = meta.path("dataset").asText();
    Path out = dir.resolve("report");
    Path figures = out.resolve("figures");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    writeFresh(rows, data.resolve("fresh.csv"));
    Map<String, List<double[]>> curves = searches.curves();
    writeCurves(curves, data.resolve("search-best-so-far.csv"));

    HtmlReport html = new HtmlReport("Search strategies compared on " + dataset);
    html.paragraph(
        "Which search strategy recommends the better HP set at the same budget? Each search"
            + " selected by its trials' mean validation accuracy on its own run seeds; its"
            + " recommendation was then measured again on the same fresh seeds as every other"
            + " recommendation, and judged by the mean test accuracy there, which no search saw."
            + " The strategies are compared with the two-sided Mann-Whitney U test (exact"
            + " without ties) and Welch's t-test on the recommendations' fresh means, at level "
            + ALPHA
            + ", and seed by seed: the searches with the same optimizer seed measured on the same"
            + " run seeds.");
    html.howItWasRun(meta);
    html.heading("Outcome");
    List<List<String>> summary = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : rows.entrySet()) {
      double[] fresh = freshMeans(e.getValue());
      if (fresh.length == 0) {
        continue;
      }
      double[] optimism =
          e.getValue().stream().mapToDouble(r -> r.searchMean() - r.freshMean()).toArray();
      summary.add(
          List.of(
              e.getKey(),
              Integer.toString(fresh.length),
              f4(Stats.quantile(fresh, 0.5)),
              f4(Stats.quantile(fresh, 0.25)) + " - " + f4(Stats.quantile(fresh, 0.75)),
              f4(Stats.mean(fresh)),
              f4(min(fresh)) + " / " + f4(max(fresh)),
              String.format(Locale.ROOT, "%+.4f", Stats.quantile(optimism, 0.5))));
    }
    html.table(
        List.of(
            "strategy",
            "searches",
            "median fresh test mean of its recommendations",
            "interquartile range",
            "mean",
            "worst / best",
            "median optimism (search's best validation mean - fresh test mean)"),
        summary);
    List<String> names = new ArrayList<>(rows.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        html.paragraph(
            comparison(names.get(i), rows.get(names.get(i)), names.get(j), rows.get(names.get(j))));
      }
    }
    html.heading("Every recommendation");
    List<List<String>> table = new ArrayList<>();
    for (List<Row> rs : rows.values()) {
      for (Row r : rs) {
        table.add(
            List.of(
                r.strategy(),
                Integer.toString(r.seed()),
                f4(r.searchMean()),
                f4(r.freshMean()) + " +- " + f4(SampleStats.std(r.fresh())),
                HardwareReport.params(r.params())));
      }
    }
    html.table(
        List.of(
            "strategy",
            "optimizer seed",
            "its search's best validation mean",
            "fresh test mean +- std",
            "HPs"),
        table);
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    rows.values()
        .forEach(
            rs ->
                rs.forEach(
                    r -> {
                      labels.add(r.strategy() + " seed " + r.seed());
                      values.add(r.freshMean());
                    }));
    if (!labels.isEmpty()) {
      html.figure(
          Figure.save(
              Charts.bars(
                  "Recommendations on fresh seeds, " + dataset,
                  "mean test accuracy",
                  labels,
                  values.stream().mapToDouble(Double::doubleValue).toArray()),
              figures,
              "fresh",
              "Mean test accuracy of each search's recommendation on the fresh seeds."),
          "figures");
    }
    if (curves.values().stream().anyMatch(c -> !c.isEmpty())) {
      html.figure(
          Figure.save(
              Charts.medianBands(
                  "Best validation mean so far, " + dataset,
                  "HP sets evaluated",
                  "best mean validation accuracy so far",
                  curves),
              figures,
              "search-best-so-far",
              "Best mean validation accuracy measured so far in each search (its own runs, what"
                  + " it selected on), median and interquartile band over optimizer seeds."),
          "figures");
    }
    html.heading("Data");
    html.links(
        "CSV behind the figures and tables:",
        List.of("data/fresh.csv", "data/search-best-so-far.csv"));
    Path file = out.resolve("report.html");
    html.write(file);
    return file;
  }

  /** One sentence comparing two strategies by their recommendations' fresh means. */
  static String comparison(String a, List<Row> ra, String b, List<Row> rb) {
    double[] fa = freshMeans(ra);
    double[] fb = freshMeans(rb);
    if (fa.length < 2 || fb.length < 2) {
      return a + " vs " + b + ": too few finished searches to compare.";
    }
    Map<Integer, Double> bySeed = new LinkedHashMap<>();
    rb.forEach(r -> bySeed.put(r.seed(), r.freshMean()));
    int pairs = 0;
    int aBetter = 0;
    int ties = 0;
    for (Row r : ra) {
      Double other = bySeed.get(r.seed());
      if (other != null) {
        pairs++;
        if (r.freshMean() > other) {
          aBetter++;
        } else if (r.freshMean() == other) {
          ties++;
        }
      }
    }
    double mw = Stats.mannWhitneyP(fa, fb);
    double welch = Stats.welchP(fa, fb);
    return String.format(
        Locale.ROOT,
        "%s vs %s: median fresh test mean %.4f vs %.4f (difference of medians %+.4f);"
            + " Mann-Whitney p = %.3g, Welch p = %.3g (%s at level %s); %s better on %d of %d"
            + " optimizer seeds%s.",
        a,
        b,
        Stats.quantile(fa, 0.5),
        Stats.quantile(fb, 0.5),
        Stats.quantile(fa, 0.5) - Stats.quantile(fb, 0.5),
        mw,
        welch,
        mw < ALPHA ? "a difference" : "no difference shown",
        ALPHA,
        a,
        aBetter,
        pairs,
        ties == 0 ? "" : ", " + ties + " tied");
  }

  private static double[] freshMeans(List<Row> rows) {
    return rows.stream().mapToDouble(Row::freshMean).toArray();
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static void writeFresh(Map<String, List<Row>> rows, Path file) throws IOException {
    StringBuilder sb =
        new StringBuilder("strategy,optimizerSeed,params,searchBestMean,run,testAccuracy\n");
    for (List<Row> rs : rows.values()) {
      for (Row r : rs) {
        for (int i = 0; i < r.fresh().length; i++) {
          sb.append(r.strategy())
              .append(',')
              .append(r.seed())
              .append(",\"")
              .append(HardwareReport.params(r.params()))
              .append("\",")
              .append(r.searchMean())
              .append(',')
              .append(i + 1)
              .append(',')
              .append(r.fresh()[i])
              .append('\n');
        }
      }
    }
    Files.writeString(file, sb);
  }

  private static void writeCurves(Map<String, List<double[]>> curves, Path file)
      throws IOException {
    StringBuilder sb = new StringBuilder("strategy,search,evaluations,bestMean\n");
    curves.forEach(
        (strategy, c) -> {
          for (int s = 0; s < c.size(); s++) {
            for (int k = 0; k < c.get(s).length; k++) {
              sb.append(strategy)
                  .append(',')
                  .append(s + 1)
                  .append(',')
                  .append(k + 1)
                  .append(',')
                  .append(c.get(s)[k])
                  .append('\n');
            }
          }
        });
    Files.writeString(file, sb);
  }
}
