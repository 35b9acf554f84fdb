package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.neurohpo.model.TrialCompleted;

/**
 * A finished study as {@code neurohpo run --out DIR} writes it: {@code study.json} (the spec),
 * {@code trials.csv} (one row per trial), {@code runs.csv} (one row per run) and {@code
 * summary.json}. A folder written since issue 15 has each trial's validation mean ({@code
 * validationMean} in trials.csv); the study selected on it. An older folder has none: its study
 * selected on the test mean.
 */
public final class StudyResult {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One trial: its searched parameters (active ones only, as text), test mean, std and run values,
   * and its validation mean and run values (NaN and none in a folder written before validation
   * existed; the run values are in the order of testAccuracies, run by run).
   */
  public record Trial(
      int number,
      Map<String, String> params,
      double mean,
      double std,
      double[] testAccuracies,
      double validationMean,
      double[] validationAccuracies) {

    /**
     * What the study selected on: the validation mean, or the test mean in a folder without
     * validation figures.
     */
    public double selectionMean() {
      return Double.isNaN(validationMean) ? mean : validationMean;
    }
  }

  private final Path dir;
  private final JsonNode spec;
  private final JsonNode summary;
  private final List<String> searched;
  private final List<Trial> trials;

  /** Each trial's highest rung, from runs.csv's rung column (empty for a folder without one). */
  private final Map<Integer, Integer> rungs;

  private StudyResult(
      Path dir,
      JsonNode spec,
      JsonNode summary,
      List<String> searched,
      List<Trial> trials,
      Map<Integer, Integer> rungs) {
    this.dir = dir;
    this.rungs = rungs;
    this.spec = spec;
    this.summary = summary;
    this.searched = searched;
    this.trials = trials;
  }

  /** Reads a run folder; a missing or malformed file is one IllegalArgumentException naming it. */
  public static StudyResult read(Path dir) {
    JsonNode spec = json(dir.resolve("study.json"));
    JsonNode summary = json(dir.resolve("summary.json"));
    List<String> searched = new ArrayList<>();
    JsonNode space = spec.path("searchSpace");
    JsonNode params = space.isArray() ? space : space.path("parameters");
    params.forEach(p -> searched.add(p.path("name").asText()));
    if (searched.isEmpty()) {
      throw new IllegalArgumentException(dir.resolve("study.json") + ": no searchSpace parameters");
    }
    Map<Integer, List<Double>> runs = new HashMap<>();
    Map<Integer, List<Double>> validationRuns = new HashMap<>();
    List<String[]> runRows = csv(dir.resolve("runs.csv"));
    int acc = column(runRows, "testAccuracy", dir.resolve("runs.csv"));
    int trialCol = column(runRows, "trialNumber", dir.resolve("runs.csv"));
    int validAcc = optionalColumn(runRows, "validationAccuracy");
    for (String[] r : highestRung(runRows, trialCol)) {
      int t = Integer.parseInt(r[trialCol]);
      runs.computeIfAbsent(t, k -> new ArrayList<>()).add(Double.parseDouble(r[acc]));
      if (validAcc >= 0 && validAcc < r.length && !r[validAcc].isEmpty()) {
        validationRuns
            .computeIfAbsent(t, k -> new ArrayList<>())
            .add(Double.parseDouble(r[validAcc]));
      }
    }
    List<String[]> rows = csv(dir.resolve("trials.csv"));
    Path trialsCsv = dir.resolve("trials.csv");
    int number = column(rows, "number", trialsCsv);
    int mean = column(rows, "mean", trialsCsv);
    int std = column(rows, "std", trialsCsv);
    int validation = optionalColumn(rows, "validationMean");
    Map<String, Integer> cols = new LinkedHashMap<>();
    for (String name : searched) {
      // no column: a conditional HP no trial had active (trials.csv has the HPs trials had)
      int c = optionalColumn(rows, name);
      if (c >= 0) {
        cols.put(name, c);
      }
    }
    List<Trial> trials = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      Map<String, String> p = new LinkedHashMap<>();
      cols.forEach(
          (name, i) -> {
            if (i < r.length && !r[i].isEmpty()) {
              p.put(name, normal(r[i]));
            }
          });
      int n = Integer.parseInt(r[number]);
      double[] acc1 =
          runs.getOrDefault(n, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
      double v =
          validation < 0 || validation >= r.length || r[validation].isEmpty()
              ? Double.NaN
              : Double.parseDouble(r[validation]);
      double[] valid =
          validationRuns.getOrDefault(n, List.of()).stream()
              .mapToDouble(Double::doubleValue)
              .toArray();
      double m = Double.parseDouble(r[mean]);
      double runsMean = acc1.length > 0 ? Stats.mean(acc1) : m;
      if (Math.abs(runsMean - m) > 1e-6) {
        // runs.csv and trials.csv of different studies, or rows paired with the wrong trials (a
        // grid's first merge did that): every figure read from the runs would be wrong
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: trial %d's runs in runs.csv average %.6f but trials.csv gives %.6f; the two"
                    + " files do not belong together",
                dir,
                n,
                runsMean,
                m));
      }
      trials.add(
          new Trial(
              n,
              p,
              m,
              Double.parseDouble(r[std]),
              acc1,
              v,
              valid.length == acc1.length ? valid : new double[0]));
    }
    trials.sort(Comparator.comparingInt(Trial::number));
    Map<Integer, Integer> rungs = topRungs(runRows, trialCol);
    return new StudyResult(
        dir, spec, summary, List.copyOf(searched), List.copyOf(trials), Map.copyOf(rungs));
  }

  /** "6.0" and "6" are the same value: integral numbers lose their fraction. */
  public static String normal(String v) {
    try {
      double d = Double.parseDouble(v);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** The key of a parameter set: its active searched parameters, in search-space order. */
  public String key(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (String n : searched) {
      String v = params.get(n);
      if (v != null) {
        sb.append(sb.isEmpty() ? "" : ", ").append(n).append('=').append(v);
      }
    }
    return sb.toString();
  }

  public Path dir() {
    return dir;
  }

  public JsonNode spec() {
    return spec;
  }

  public List<String> searched() {
    return searched;
  }

  /** Trials in trial-number (proposal) order. */
  public List<Trial> trials() {
    return trials;
  }

  /**
   * The trial with the highest {@link Trial#selectionMean} (the validation mean; ties to the
   * earlier trial, {@link TrialCompleted#byObjective}), a set measured in several trials (GP-BO's
   * re-runs of an incumbent) as one by all their runs ({@link #pooled}); in a study with a
   * scheduler the best of those with the most runs (the highest rung reached): the study's
   * recommendation, as the optimizer picks it ({@link #recommendationOrder}). Judge it by its test
   * accuracy on fresh seeds.
   */
  public Trial best() {
    List<Trial> candidates = trials;
    if (!scheduled()) { // a set measured in several trials competes by all its runs
      Map<Map<String, String>, List<Trial>> sets = new LinkedHashMap<>();
      trials.forEach(t -> sets.computeIfAbsent(t.params(), k -> new ArrayList<>()).add(t));
      candidates = sets.values().stream().map(StudyResult::pooled).toList();
    }
    return candidates.stream()
        .max(recommendationOrder())
        .orElseThrow(() -> new IllegalArgumentException(dir + ": no trials"));
  }

  /**
   * Trials of one set as one (the rule of {@link TrialCompleted#pooled}): the earliest number, the
   * means over all their runs (each trial's weighted by its runs), every run's accuracies.
   */
  static Trial pooled(List<Trial> same) {
    if (same.size() == 1) {
      return same.get(0);
    }
    Trial first = same.stream().min(Comparator.comparingInt(Trial::number)).orElseThrow();
    double test = 0;
    double validation = 0;
    int n = 0;
    List<double[]> tests = new ArrayList<>();
    List<double[]> validations = new ArrayList<>();
    for (Trial t : same) {
      int k = Math.max(1, t.testAccuracies().length);
      test += t.mean() * k;
      validation += t.validationMean() * k;
      n += k;
      tests.add(t.testAccuracies());
      validations.add(t.validationAccuracies());
    }
    double[] allTests = concat(tests);
    return new Trial(
        first.number(),
        first.params(),
        test / n,
        org.neurohpo.model.SampleStats.std(allTests),
        allTests,
        validation / n, // NaN when the folder has no validation figures
        concat(validations));
  }

  private static double[] concat(List<double[]> parts) {
    return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  /** Whether the study ran with a multi-fidelity scheduler (issue 17): its trials' runs differ. */
  public boolean scheduled() {
    return spec.hasNonNull("scheduler");
  }

  /**
   * The order the study recommends by, greatest best: in a study with a scheduler a higher rung
   * first (runs.csv's rung column; in a folder without one, more runs), then the selection mean,
   * then the earlier trial.
   */
  public Comparator<Trial> recommendationOrder() {
    Comparator<Trial> byMean = TrialCompleted.byObjective(Trial::selectionMean, Trial::number);
    if (!scheduled()) {
      return byMean;
    }
    return rungs.isEmpty()
        ? Comparator.comparingInt((Trial t) -> t.testAccuracies().length).thenComparing(byMean)
        : Comparator.comparingInt((Trial t) -> rungs.getOrDefault(t.number(), -1))
            .thenComparing(byMean);
  }

  /**
   * Runs of every trial at its highest rung (failed runs not counted); over EONS generations the
   * lower rungs' runs are not counted here (summary.json's runsUsed has them).
   */
  public int runs() {
    return trials.stream().mapToInt(t -> t.testAccuracies().length).sum();
  }

  /**
   * A run figure of runs.csv (e.g. synapseEventsPerSample, neurons) averaged over each trial's
   * runs, by trial number; a trial without runs is absent.
   */
  public Map<Integer, Double> runMeans(String column) {
    Path file = dir.resolve("runs.csv");
    List<String[]> rows = csv(file);
    int c = column(rows, column, file);
    int trial = column(rows, "trialNumber", file);
    Map<Integer, double[]> sums = new HashMap<>();
    for (String[] r : highestRung(rows, trial)) {
      double[] s = sums.computeIfAbsent(Integer.parseInt(r[trial]), k -> new double[2]);
      s[0] += Double.parseDouble(r[c]);
      s[1]++;
    }
    Map<Integer, Double> out = new HashMap<>();
    sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
    return out;
  }

  /**
   * The data rows of runs.csv at each trial's highest rung: a scheduler over EONS generations runs
   * a promoted trial's seeds again, and its lower rungs' runs are not its figures (over runs every
   * row of a trial has its highest rung; without a {@code rung} column every row counts).
   */
  private static List<String[]> highestRung(List<String[]> rows, int trialCol) {
    Map<Integer, Integer> top = topRungs(rows, trialCol);
    int rungCol = optionalColumn(rows, "rung");
    return rows.subList(1, rows.size()).stream()
        .filter(r -> top.isEmpty() || rungOf(r, rungCol) == top.get(Integer.parseInt(r[trialCol])))
        .toList();
  }

  /** Each trial's highest rung in runs.csv; empty without a {@code rung} column. */
  private static Map<Integer, Integer> topRungs(List<String[]> rows, int trialCol) {
    Map<Integer, Integer> top = new HashMap<>();
    int rungCol = optionalColumn(rows, "rung");
    if (rungCol >= 0) {
      for (String[] r : rows.subList(1, rows.size())) {
        top.merge(Integer.parseInt(r[trialCol]), rungOf(r, rungCol), Math::max);
      }
    }
    return top;
  }

  private static int rungOf(String[] row, int rungCol) {
    return rungCol < row.length && !row[rungCol].isEmpty() ? Integer.parseInt(row[rungCol]) : -1;
  }

  /** Wall time of the study from summary.json, when the run recorded it. */
  public OptionalDouble wallSeconds() {
    JsonNode w = summary.path("wallSeconds");
    return w.isNumber() ? OptionalDouble.of(w.asDouble()) : OptionalDouble.empty();
  }

  private static JsonNode json(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
    }
  }

  private static List<String[]> csv(Path p) {
    try {
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(p)) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(p + " is empty");
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e);
    }
  }

  private static int column(List<String[]> rows, String name, Path p) {
    int i = optionalColumn(rows, name);
    if (i < 0) {
      throw new IllegalArgumentException(p + " has no column '" + name + "'");
    }
    return i;
  }

  /** The index of column {@code name}, or -1 when the header has none. */
  private static int optionalColumn(List<String[]> rows, String name) {
    String[] header = rows.get(0);
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
