package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.EventLines;
import org.neurohpo.experiments.RunFolder;
import org.neurohpo.experiments.SpecFiles;
import org.neurohpo.local.LocalSystem;
import org.neurohpo.local.ProgressBar;
import org.neurohpo.local.StudyClient;
import org.neurohpo.local.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a whole study on this machine: broker, optimizer, results and N evaluators. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a study (a JSON spec, see examples/) on the whole system on this machine.",
      "Starts a Kafka broker (or uses --against), the optimizer, the results service and N",
      "evaluators, submits the study, shows progress, writes DIR/summary.json and",
      "DIR/trials.csv, and stops everything (Ctrl-C too)."
    })
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "STUDY.json",
      description = "the study spec, JSON (or YAML when named *.yaml / *.yml)")
  Path studyFile;

  @Mixin Options.Evaluators evaluators;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default runs/<study id>)")
  Path out;

  @Mixin Options.Cluster cluster;
  @Mixin Options.Quiet quietOption;

  @Override
  public Integer call() throws Exception {
    int evaluators = this.evaluators.evaluators;
    if (evaluators < 1) {
      throw new IllegalArgumentException("--evaluators must be >= 1, got " + evaluators);
    }
    java.util.Map<String, String> kafkaSecurity = cluster.settings();
    JsonNode study = SpecFiles.readObject(studyFile);
    // a CSV file of the user's: checked before anything starts, registered once the system runs
    java.util.Optional<Path> csvFile = localDataset(study);
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl-C stops the study first, then the services and the broker (LocalSystem's hook)
    try (LocalSystem system =
        LocalSystem.start(cluster.against, kafkaSecurity, evaluators, "neurohpo-run-")) {
      long started = System.nanoTime();
      csvFile.ifPresent(csv -> register(system.client(), study, csv));
      String id = system.submit(study);
      if (!quietOption.quiet) {
        err.printf("dashboard: http://localhost:%d/study.html?id=%s%n", system.resultsPort(), id);
        err.flush();
      }
      JsonNode view = follow(system.client(), id);
      system.ended();
      Path dir = out != null ? out : Path.of("runs", id);
      RunFolder.write(dir, view, study, (System.nanoTime() - started) / 1e9);
      spec.commandLine().getOut().println(EventLines.runFolder(view, dir, Style::state));
      return "completed".equals(view.path("state").asText()) ? ExitCodes.OK : ExitCodes.INTERNAL;
    } finally {
      err.flush();
    }
  }

  /** Files of at most this many bytes are registered (a Kafka record carries one). */
  private static final long MAX_DATASET_BYTES = 512 * 1024;

  /**
   * The CSV file the study's {@code dataset} names (a path, relative to the working directory or to
   * the study file), or empty for a data set name.
   */
  private java.util.Optional<Path> localDataset(JsonNode study) {
    String d = study.path("dataset").asText("");
    boolean looksLikeFile =
        d.contains("/")
            || d.contains("\\")
            || d.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    if (!looksLikeFile) {
      return java.util.Optional.empty();
    }
    Path here = Path.of(d);
    Path besideSpec = studyFile.toAbsolutePath().getParent().resolve(d);
    Path file = java.nio.file.Files.isRegularFile(here) ? here : besideSpec;
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException("dataset " + d + ": no such file");
    }
    return java.util.Optional.of(file);
  }

  /** Registers a local CSV with the optimizer and names it in the study by its id. */
  private void register(StudyClient client, JsonNode study, Path file) {
    try {
      if (java.nio.file.Files.size(file) > MAX_DATASET_BYTES) {
        throw new IllegalArgumentException(
            "dataset " + file + ": larger than " + MAX_DATASET_BYTES + " bytes");
      }
      String csv = java.nio.file.Files.readString(file);
      String name = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
      String id = client.registerDataset(name, csv);
      ((com.fasterxml.jackson.databind.node.ObjectNode) study).put("dataset", id);
      if (!quietOption.quiet) {
        spec.commandLine().getErr().printf("dataset: %s registered as %s%n", file, id);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException("dataset " + file + ": not a UTF-8 text file");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private JsonNode follow(StudyClient client, String id) throws Exception {
    try (ProgressBar bar = ProgressBar.onStderr(quietOption.quiet, id)) {
      while (true) {
        JsonNode view = client.view(id);
        int done = view.path("trialsCompleted").asInt();
        int budget = view.path("budget").asInt();
        JsonNode best = view.path("best");
        bar.update(
            done,
            budget,
            String.format(
                "%d/%d trials, best %s",
                done,
                budget,
                best.isMissingNode() || best.isNull()
                    ? "-"
                    : String.format(
                        "validation %s, test %.4f",
                        RunFolder.figure(best.path("meanValidationAccuracy")),
                        best.path("meanTestAccuracy").asDouble())));
        if (!"running".equals(view.path("state").asText())) {
          return view;
        }
        Thread.sleep(500);
      }
    }
  }
}
