package org.neurohpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neurohpo.bayes.gp.GaussianProcess;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.experiments.StudyResult;

/**
 * The report of a sensitivity experiment folder:
 *
 * <pre>
 * DIR/experiment.json     what was run, and "groups": the category of every HP
 * DIR/sample/             a study over the joint space (neurohpo run --out)
 * DIR/sweeps/HP/          one-at-a-time sweeps: a grid study over one HP, the others at defaults
 * </pre>
 *
 * Sobol indices of a GP fitted to the sample's trial means, cross-checked by the sweeps' ranges.
 */
public final class SensitivityReport {
  /** Base samples of the Sobol estimators. */
  static final int SOBOL_SAMPLES = 4000;

  private SensitivityReport() {}

  public static Path write(Path dir) throws IOException {
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("experiment.json").toFile());
    Map<String, String> groups = new LinkedHashMap<>();
    meta.path("groups")
        .fields()
        .forEachRemaining(e -> groups.put(e.getKey(), e.getValue().asText()));
    StudyResult sample = StudyResult.read(dir.resolve("sample"));
    SearchSpace space = SpaceJson.fromNode(sample.spec().path("searchSpace"));
    List<Map<String, Object>> configs = new ArrayList<>();
    double[] means = new double[sample.trials().size()];
    for (int i = 0; i < means.length; i++) {
      configs.add(typed(space, sample.trials().get(i).params()));
      means[i] = sample.trials().get(i).mean();
    }
    GaussianProcess gp = Sensitivity.fit(space, configs, means, 1);
    Sensitivity.Result sobol = Sensitivity.analyse(space, gp, groups, SOBOL_SAMPLES, 2);

    Map<String, double[]> sweeps = new LinkedHashMap<>();
    Path sweepDir = dir.resolve("sweeps");
    if (Files.isDirectory(sweepDir)) {
      try (Stream<Path> s = Files.list(sweepDir)) {
        for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
          StudyResult r = StudyResult.read(p);
          sweeps.put(
              p.getFileName().toString(),
              r.trials().stream().mapToDouble(StudyResult.Trial::mean).toArray());
        }
      }
    }
    Path out = dir.resolve("report");
    Path figures = out.resolve("figures");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    StringBuilder csv = new StringBuilder("kind,name,group,firstOrder,total,sweepRange\n");
    for (Sensitivity.Index i : sobol.parameters()) {
      csv.append("hp,")
          .append(i.name())
          .append(',')
          .append(groups.getOrDefault(i.name(), ""))
          .append(',')
          .append(i.firstOrder())
          .append(',')
          .append(i.total())
          .append(',')
          .append(sweeps.containsKey(i.name()) ? Double.toString(range(sweeps.get(i.name()))) : "")
          .append('\n');
    }
    for (Sensitivity.Index i : sobol.groups()) {
      csv.append("group,")
          .append(i.name())
          .append(',')
          .append(i.name())
          .append(',')
          .append(i.firstOrder())
          .append(',')
          .append(i.total())
          .append(',')
          .append(groupRange(i.name(), groups, sweeps))
          .append('\n');
    }
    Files.writeString(data.resolve("sensitivity.csv"), csv);

    String dataset = sample.spec().path("dataset").asText();
    HtmlReport html = new HtmlReport("Sensitivity of HP categories on " + dataset);
    html.paragraph(
        "Which HPs, and which kind of HP (encoding, EONS training, hardware), the test accuracy"
            + " depends on. A GP was fitted to the mean test accuracies of "
            + means.length
            + " HP sets drawn at random from the joint space ("
            + sample.spec().path("seeds").size()
            + " runs each); the Sobol indices of its mean say which share of the accuracy's"
            + " variance an HP or a category explains alone (first order) and with all its"
            + " interactions (total). The one-at-a-time sweeps vary one HP over its range with"
            + " every other HP at its default and report the spread of the mean accuracy.");
    html.howItWasRun(meta);
    html.heading("By category");
    List<List<String>> rows = new ArrayList<>();
    List<Sensitivity.Index> byTotal = new ArrayList<>(sobol.groups());
    byTotal.sort(Comparator.comparingDouble((Sensitivity.Index i) -> -i.total()));
    for (Sensitivity.Index i : byTotal) {
      rows.add(
          List.of(
              i.name(),
              String.format("%.3f", i.firstOrder()),
              String.format("%.3f", i.total()),
              groupRange(i.name(), groups, sweeps)));
    }
    html.table(
        List.of("category", "first-order Sobol index", "total Sobol index", "largest sweep range"),
        rows);
    if (!byTotal.isEmpty()) {
      html.paragraph(
          "The category that explains the most variance is "
              + byTotal.get(0).name()
              + "; the least, "
              + byTotal.get(byTotal.size() - 1).name()
              + String.format(
                  " (total index %.3f vs %.3f).",
                  byTotal.get(0).total(), byTotal.get(byTotal.size() - 1).total()));
    }
    html.figure(
        Figure.save(
            Charts.bars(
                "Variance explained by category (" + dataset + ")",
                "total Sobol index",
                byTotal.stream().map(Sensitivity.Index::name).toList(),
                byTotal.stream().mapToDouble(Sensitivity.Index::total).toArray()),
            figures,
            "sobol-categories",
            "Total Sobol index of each HP category."),
        "figures");
    List<Sensitivity.Index> hps = new ArrayList<>(sobol.parameters());
    hps.sort(Comparator.comparingDouble((Sensitivity.Index i) -> -i.total()));
    html.figure(
        Figure.save(
            Charts.bars(
                "Variance explained by HP (" + dataset + ")",
                "total Sobol index",
                hps.stream()
                    .map(i -> i.name() + " (" + groups.getOrDefault(i.name(), "?") + ")")
                    .toList(),
                hps.stream().mapToDouble(Sensitivity.Index::total).toArray()),
            figures,
            "sobol-hps",
            "Total Sobol index of each HP."),
        "figures");
    html.heading("By HP");
    List<List<String>> hpRows = new ArrayList<>();
    for (Sensitivity.Index i : hps) {
      hpRows.add(
          List.of(
              i.name(),
              groups.getOrDefault(i.name(), ""),
              String.format("%.3f", i.firstOrder()),
              String.format("%.3f", i.total()),
              sweeps.containsKey(i.name())
                  ? String.format("%.3f", range(sweeps.get(i.name())))
                  : "-"));
    }
    html.table(
        List.of("HP", "category", "first order", "total", "sweep range of mean accuracy"), hpRows);
    html.links("Data:", List.of("data/sensitivity.csv"));
    Path file = out.resolve("report.html");
    html.write(file);
    return file;
  }

  /** The CSV's text values typed for the space: numbers for numeric HPs, text for categories. */
  static Map<String, Object> typed(SearchSpace space, Map<String, String> text) {
    Map<String, Object> out = new LinkedHashMap<>();
    text.forEach(
        (k, v) ->
            out.put(
                k,
                space.parameter(k) instanceof org.neurohpo.bayes.space.CategoricalParameter
                    ? v
                    : Double.parseDouble(v)));
    return out;
  }

  private static double range(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return hi - lo;
  }

  private static String groupRange(
      String group, Map<String, String> groups, Map<String, double[]> sweeps) {
    double best = -1;
    for (Map.Entry<String, double[]> e : sweeps.entrySet()) {
      if (group.equals(groups.get(e.getKey()))) {
        best = Math.max(best, range(e.getValue()));
      }
    }
    return best < 0 ? "-" : String.format("%.3f", best);
  }
}
