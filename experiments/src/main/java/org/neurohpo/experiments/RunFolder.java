package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialPruned;

/**
 * The run folder, written: summary.json and trials.csv of a finished study (the contract of issue
 * 4), and runs.csv: one row per run with everything it measured, for analyses that need the per-run
 * values.
 *
 * <p>Validation and test (issue 15): the best trial is the study's, by mean validation accuracy;
 * summary.json gives both its {@code best.meanValidationAccuracy} and {@code
 * best.meanTestAccuracy}. trials.csv keeps issue 4's columns ({@code mean} and {@code std} are the
 * test accuracy's) and appends {@code validationMean} and {@code validationStd}; runs.csv has a
 * {@code validationAccuracy} column. A trial of schema version 1 has no validation figures: they
 * are null in summary.json and empty in the CSV files.
 *
 * <p>Schedulers (issue 17): summary.json has {@code runsUsed} (every run evaluated, pruned trials'
 * included, failed ones too: the rows of runs.csv plus failed runs) and {@code generationsUsed}
 * (each run's EONS generations, summed), and for a study with a scheduler {@code trialsPruned};
 * trials.csv appends {@code pruned} (true for a trial the scheduler pruned), and a trial's row has
 * every run it was given at its highest rung. runs.csv's last column {@code rung} is the rung of
 * the result a run belongs to: over runs a trial's runs are all at its highest rung; over EONS
 * generations a promotion runs the seeds again, so a trial has rows at every rung it ran (the
 * view's {@code earlierRungs}), and its figures are those of its highest.
 *
 * <p>The one writer of the format; {@link StudyResult} is its one reader.
 */
public final class RunFolder {
  /** The files of a run folder. */
  public static final String STUDY = "study.json",
      SUMMARY = "summary.json",
      TRIALS = "trials.csv",
      RUNS = "runs.csv";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunFolder() {}

  /**
   * Writes summary.json, trials.csv, runs.csv and study.json (the spec as submitted); {@code
   * wallSeconds} is the study's time from submission to its end.
   */
  public static void write(Path dir, JsonNode view, JsonNode study, double wallSeconds)
      throws IOException {
    Files.createDirectories(dir);
    ObjectNode summary = JSON.createObjectNode();
    summary.put("studyId", view.path("studyId").asText());
    summary.put("strategy", view.path("strategy").asText());
    summary.put("trialsCompleted", view.path("trialsCompleted").asInt());
    summary.put("runsPerTrial", study.path("seeds").size());
    summary.put("wallSeconds", Math.round(wallSeconds * 10) / 10.0);
    double evaluation = 0;
    for (JsonNode t : view.path("trials")) {
      for (JsonNode r : t.path("runs")) {
        evaluation += r.path("seconds").asDouble();
      }
    }
    summary.put("evaluationSeconds", Math.round(evaluation * 10) / 10.0);
    List<JsonNode> results = results(view);
    summary.put("runsUsed", runsUsed(results));
    summary.put("generationsUsed", generationsUsed(results));
    if (study.hasNonNull("scheduler")) {
      summary.put("trialsPruned", view.path("pruned").size());
    }
    JsonNode best = view.path("best");
    if (!best.isMissingNode() && !best.isNull()) {
      ObjectNode b = summary.putObject("best");
      b.set("params", best.get("params"));
      b.set("meanValidationAccuracy", numberOrNull(best.path("meanValidationAccuracy")));
      b.put("meanTestAccuracy", best.path("meanTestAccuracy").asDouble());
      b.put("trialNumber", best.path("trialNumber").asInt());
    }
    Files.writeString(dir.resolve(TRIALS), csv(view.path("trials"), pruned(view)));
    Files.writeString(dir.resolve(RUNS), runsCsv(results));
    Files.writeString(dir.resolve(STUDY), JSON.writeValueAsString(study) + "\n");
    // last: a folder with its summary is done (a resumed experiment skips it)
    Files.writeString(dir.resolve(SUMMARY), JSON.writeValueAsString(summary) + "\n");
  }

  static final List<String> RUN_FIELDS =
      List.of(
          "seed",
          "trainAccuracy",
          "validationAccuracy",
          "testAccuracy",
          "neurons",
          "synapses",
          "spikesPerSample",
          "synapseEventsPerSample",
          "seconds");

  /**
   * Every trial result of a view: each trial's latest, then (a scheduler over generations) the
   * results of the rungs below it, whose runs were run again with more generations.
   */
  static List<JsonNode> results(JsonNode view) {
    List<JsonNode> out = new ArrayList<>();
    view.path("trials").forEach(out::add);
    view.path("earlierRungs").forEach(out::add);
    return out;
  }

  /**
   * One row per run: the trial number, then {@link #RUN_FIELDS}, then the {@code rung} of the
   * result it belongs to (empty outside a scheduled study).
   */
  static String runsCsv(List<JsonNode> results) {
    StringBuilder sb = new StringBuilder("trialNumber,").append(String.join(",", RUN_FIELDS));
    sb.append(",rung\n");
    for (JsonNode t : results) {
      for (JsonNode r : t.path("runs")) {
        sb.append(t.path("trialNumber").asText());
        for (String f : RUN_FIELDS) {
          sb.append(',').append(cell(r.path(f)));
        }
        sb.append(',').append(cell(t.path("rung"))).append('\n');
      }
    }
    return sb.toString();
  }

  /** Runs evaluated over every result: successful and failed. */
  static int runsUsed(List<JsonNode> results) {
    int n = 0;
    for (JsonNode t : results) {
      n += t.path("runs").size() + t.path("failures").size();
    }
    return n;
  }

  /** EONS generations over every run evaluated (a result's {@code generations}, or the default). */
  static long generationsUsed(List<JsonNode> results) {
    int fallback =
        (Integer) org.neurohpo.neuro.hp.HyperParameterCatalog.get("generations").defaultValue();
    long n = 0;
    for (JsonNode t : results) {
      int runs = t.path("runs").size() + t.path("failures").size();
      n += (long) runs * t.path("params").path("generations").asInt(fallback);
    }
    return n;
  }

  private static Set<Integer> pruned(JsonNode view) {
    Set<Integer> out = new java.util.HashSet<>();
    view.path("pruned").forEach(n -> out.add(n.asInt()));
    return out;
  }

  /** trials.csv: one row per trial (also what `export --format csv` prints). */
  public static String csv(JsonNode trials) {
    return csv(trials, null);
  }

  /** trials.csv; with {@code pruned} not null, a last column says whether each trial was pruned. */
  static String csv(JsonNode trials, Set<Integer> pruned) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode t : trials) {
      t.path("params").fieldNames().forEachRemaining(names::add);
    }
    List<String> header = new ArrayList<>(List.of("number"));
    header.addAll(names);
    header.addAll(List.of("mean", "std", "runs", "validationMean", "validationStd"));
    if (pruned != null) {
      header.add("pruned");
    }
    StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
    for (JsonNode t : trials) {
      List<String> row = new ArrayList<>(List.of(t.path("trialNumber").asText()));
      for (String n : names) {
        JsonNode v = t.path("params").get(n);
        row.add(v == null ? "" : v.asText());
      }
      row.add(Double.toString(t.path("meanTestAccuracy").asDouble()));
      row.add(Double.toString(t.path("stdTestAccuracy").asDouble()));
      row.add(Integer.toString(t.path("runs").size()));
      row.add(cell(t.path("meanValidationAccuracy")));
      row.add(cell(t.path("stdValidationAccuracy")));
      if (pruned != null) {
        row.add(Boolean.toString(pruned.contains(t.path("trialNumber").asInt())));
      }
      sb.append(String.join(",", row)).append('\n');
    }
    return sb.toString();
  }

  /** A CSV cell: the value's text, empty where a record of schema version 1 has none. */
  private static String cell(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  /** A figure to 4 places, or "-" where a record of schema version 1 has none. */
  public static String figure(JsonNode value) {
    return value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.asDouble()) : "-";
  }

  private static JsonNode numberOrNull(JsonNode value) {
    return value.isNumber() ? value : JSON.getNodeFactory().nullNode();
  }

  /**
   * Writes one run folder from the folders of a grid's parts ({@link GridParts}), in order, each
   * part's trials numbered after those of the parts before (a trial keeps its own number plus the
   * parts before's trial count, in trials.csv and runs.csv alike; rows stay in each part's order,
   * the order its trials completed in): the trials.csv and runs.csv the grid run as one study
   * writes, summary.json with the parts' sums and the best trial by validation mean (ties to the
   * earlier trial), and {@code study} (the whole grid's spec) as study.json.
   */
  public static void merge(List<Path> parts, Path dir, JsonNode study) throws IOException {
    List<String> params = new ArrayList<>();
    List<String> tail = null;
    List<List<String[]>> trialRows = new ArrayList<>();
    String runsHeader = null;
    StringBuilder runs = new StringBuilder();
    ObjectNode summary = JSON.createObjectNode();
    List<String> ids = new ArrayList<>();
    double wall = 0;
    double evaluation = 0;
    long runsUsed = 0;
    long generations = 0;
    JsonNode best = null;
    List<Integer> offsets = new ArrayList<>();
    int offset = 0;
    for (Path part : parts) {
      offsets.add(offset);
      List<String> lines = Files.readAllLines(part.resolve(TRIALS));
      String[] header = lines.get(0).split(",", -1);
      int mean = List.of(header).indexOf("mean");
      List<String> figures = List.of(header).subList(mean, header.length);
      if (tail != null && !tail.equals(figures)) {
        throw new IllegalArgumentException(
            part.resolve(TRIALS) + ": columns differ from the others");
      }
      tail = figures;
      for (int i = 1; i < mean; i++) {
        if (!params.contains(header[i])) {
          params.add(header[i]);
        }
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(header);
      lines.subList(1, lines.size()).forEach(l -> rows.add(l.split(",", -1)));
      trialRows.add(rows);
      List<String> runLines = Files.readAllLines(part.resolve(RUNS));
      if (runsHeader != null && !runsHeader.equals(runLines.get(0))) {
        throw new IllegalArgumentException(part.resolve(RUNS) + ": columns differ from the others");
      }
      runsHeader = runLines.get(0);
      for (String l : runLines.subList(1, runLines.size())) {
        int comma = l.indexOf(',');
        runs.append(Integer.parseInt(l.substring(0, comma)) + offset)
            .append(l.substring(comma))
            .append('\n');
      }
      JsonNode s = JSON.readTree(part.resolve(SUMMARY).toFile());
      ids.add(s.path("studyId").asText());
      wall += s.path("wallSeconds").asDouble();
      evaluation += s.path("evaluationSeconds").asDouble();
      runsUsed += s.path("runsUsed").asLong();
      generations += s.path("generationsUsed").asLong();
      JsonNode b = s.path("best");
      if (b.isObject() && (best == null || selection(b) > selection(best))) {
        ObjectNode renumbered = b.deepCopy();
        renumbered.put("trialNumber", b.path("trialNumber").asInt() + offset);
        best = renumbered;
      }
      int last = -1;
      for (String[] r : rows.subList(1, rows.size())) {
        last = Math.max(last, Integer.parseInt(r[0]));
      }
      offset += last + 1;
    }
    List<String> header = new ArrayList<>(List.of("number"));
    header.addAll(params);
    header.addAll(tail);
    StringBuilder trials = new StringBuilder(String.join(",", header)).append('\n');
    int trialCount = 0;
    for (int p = 0; p < trialRows.size(); p++) {
      List<String[]> rows = trialRows.get(p);
      List<String> own = List.of(rows.get(0));
      for (String[] r : rows.subList(1, rows.size())) {
        // the part's own number, as its runs.csv has it: rows are in completion order, not by
        // number (numbering rows by position once paired half a grid's runs with other sets)
        List<String> row =
            new ArrayList<>(List.of(Integer.toString(Integer.parseInt(r[0]) + offsets.get(p))));
        trialCount++;
        for (String name : header.subList(1, header.size())) {
          int i = own.indexOf(name);
          row.add(i < 0 ? "" : r[i]);
        }
        trials.append(String.join(",", row)).append('\n');
      }
    }
    summary.put("studyId", String.join(",", ids));
    summary.put("strategy", study.path("strategy").asText());
    summary.put("trialsCompleted", trialCount);
    summary.put("runsPerTrial", study.path("seeds").size());
    summary.put("wallSeconds", Math.round(wall * 10) / 10.0);
    summary.put("evaluationSeconds", Math.round(evaluation * 10) / 10.0);
    summary.put("runsUsed", runsUsed);
    summary.put("generationsUsed", generations);
    summary.put("parts", parts.size());
    if (best != null) {
      summary.set("best", best);
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(TRIALS), trials.toString());
    Files.writeString(dir.resolve(RUNS), runsHeader + "\n" + runs);
    Files.writeString(dir.resolve(STUDY), JSON.writeValueAsString(study) + "\n");
    // last: a folder with its summary is done
    Files.writeString(dir.resolve(SUMMARY), JSON.writeValueAsString(summary) + "\n");
  }

  /** What a study's best was chosen by: its validation mean, or its test mean before validation. */
  private static double selection(JsonNode best) {
    JsonNode v = best.path("meanValidationAccuracy");
    return v.isNumber() ? v.asDouble() : best.path("meanTestAccuracy").asDouble();
  }

  /** A run folder's content assembled from a study's events: the view, the spec, the wall time. */
  public record Fetched(JsonNode view, JsonNode study, double wallSeconds) {}

  /**
   * What `fetch` writes: the study's view as the optimizer would give it, from its events on the
   * studies, results and trials topics (in time order): its creation, each trial's result at the
   * highest rung it reached (over generations its lower rungs' results as {@code earlierRungs}, as
   * the optimizer shows them), the trials pruned ({@link TrialPruned}), its end (the first, if
   * any); the best trial by {@link TrialCompleted#best} (the best of the highest rung in a
   * scheduled study, whose trials appear at the highest rung they reached). Empty when the study's
   * creation is not among them.
   */
  public static Optional<Fetched> fromEvents(String studyId, List<StudyEvent> events) {
    StudyEvent created = null;
    StudyEvent ended = null;
    TreeMap<Integer, StudyEvent> trials = new TreeMap<>();
    List<StudyEvent> earlier = new ArrayList<>();
    java.util.TreeSet<Integer> pruned = new java.util.TreeSet<>();
    for (StudyEvent e : events) {
      if (e.event() instanceof TrialPruned p) {
        pruned.add(p.trialNumber());
      } else if (e.event() instanceof StudyCreated) {
        created = e;
      } else if (e.event() instanceof StudyCompleted || e.event() instanceof StudyStopped) {
        ended = ended == null ? e : ended;
      } else if (e.event() instanceof TrialCompleted t) {
        // a promoted trial of a scheduled study completes again at each rung: keep its highest
        StudyEvent had = trials.get(t.trialNumber());
        if (had == null || rung(t) > rung((TrialCompleted) had.event())) {
          trials.put(t.trialNumber(), e);
          if (had != null) {
            earlier.add(had);
          }
        } else if (rung(t) < rung((TrialCompleted) had.event())) {
          earlier.add(e);
        }
      }
    }
    if (created == null) {
      return Optional.empty();
    }
    JsonNode study = created.json().path("spec");
    ObjectNode view = JSON.createObjectNode();
    view.put("studyId", studyId);
    view.put("strategy", study.path("strategy").asText());
    view.put("trialsCompleted", trials.size());
    view.put(
        "state",
        ended == null
            ? "running"
            : ended.event() instanceof StudyCompleted ? "completed" : "stopped");
    ArrayNode ts = view.putArray("trials");
    List<TrialCompleted> decoded = new ArrayList<>();
    for (StudyEvent t : trials.values()) {
      ts.add(t.json());
      decoded.add((TrialCompleted) t.event());
    }
    // as the optimizer's view: the best set, its trials pooled when GP-BO measured it twice
    TrialCompleted.best(decoded)
        .ifPresent(
            b -> {
              ObjectNode best = view.putObject("best");
              best.put("trialNumber", b.trialNumber());
              if (b.meanValidationAccuracy() != null) {
                best.put("meanValidationAccuracy", b.meanValidationAccuracy());
              }
              best.put("meanTestAccuracy", b.meanTestAccuracy());
              best.set("params", JSON.valueToTree(b.params()));
            });
    ArrayNode p = view.putArray("pruned");
    pruned.forEach(p::add);
    if (study.path("scheduler").path("fidelity").asText("").equals("generations")) {
      ArrayNode lower = view.putArray("earlierRungs");
      earlier.forEach(e -> lower.add(e.json()));
    }
    double wall = 0;
    Instant end =
        ended == null
            ? null
            : ended.event() instanceof StudyCompleted c
                ? c.completedAt()
                : ((StudyStopped) ended.event()).stoppedAt();
    if (end != null) {
      wall =
          Duration.between(((StudyCreated) created.event()).createdAt(), end).toMillis() / 1000.0;
    }
    return Optional.of(new Fetched(view, study, wall));
  }

  private static int rung(TrialCompleted t) {
    return t.rung() == null ? -1 : t.rung();
  }

  /** Whether {@code dir} holds a finished study's folder (a resumed experiment skips it). */
  public static boolean done(Path dir) {
    return Files.exists(dir.resolve(SUMMARY));
  }

  /** Whether {@code dir} is a run folder at all (it has trials.csv). */
  public static boolean isRunFolder(Path dir) {
    return Files.exists(dir.resolve(TRIALS));
  }

  /** Copies a run folder's files (those it has) into {@code to}; nothing when both are one. */
  public static void copy(Path from, Path to) throws IOException {
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      return;
    }
    Files.createDirectories(to);
    for (String f : List.of(STUDY, SUMMARY, TRIALS, RUNS)) {
      if (Files.exists(from.resolve(f))) {
        Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
