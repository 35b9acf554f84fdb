package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "STUDY.json",
      description = "the study spec, JSON (or YAML when named *.yaml / *.yml)")
  Path studyFile;

  @Option(
      names = "--evaluators",
      paramLabel = "N",
      description = "evaluator instances (default ${DEFAULT-VALUE})")
  int evaluators = 2;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default runs/<study id>)")
  Path out;

  @Option(
      names = "--against",
      paramLabel = "HOST:PORT",
      description = "use this Kafka cluster instead of starting a broker")
  String against;

  @Option(
      names = {"-q", "--quiet"},
      description = "no progress bar")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (evaluators < 1) {
      throw new IllegalArgumentException("--evaluators must be >= 1, got " + evaluators);
    }
    JsonNode study = SpecFiles.readObject(studyFile);
    Path home = Path.of(System.getProperty("neurohpo.home", ".")).toAbsolutePath();
    Path work = Files.createTempDirectory("neurohpo-run-");
    Path logs = Files.createDirectories(work.resolve("logs"));
    PrintWriter err = spec.commandLine().getErr();
    try (LocalStack stack = new LocalStack(home, logs)) {
      // Ctrl-C: stop the study first (so an optimizer started later on the same cluster does not
      // resume it), then the services and the broker
      AtomicReference<Runnable> stopStudy = new AtomicReference<>(() -> {});
      Thread hook =
          new Thread(
              () -> {
                stopStudy.get().run();
                stack.close();
              },
              "neurohpo-run-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      // twice the evaluators in flight: trials reach evaluators by partition, not by who is
      // idle, so a backlog keeps every evaluator busy
      LocalStack.Parts system =
          stack.startSystem(
              against,
              work,
              evaluators,
              Math.max(1, Runtime.getRuntime().availableProcessors() / evaluators),
              2 * evaluators);
      StudyClient client = new StudyClient(stack.http(), system.optimizerPort());
      long started = System.nanoTime();
      String id = client.submit(study);
      stopStudy.set(() -> client.stopQuietly(id));
      if (!quiet) {
        err.printf("dashboard: http://localhost:%d/study.html?id=%s%n", system.resultsPort(), id);
        err.flush();
      }
      JsonNode view = follow(client, id);
      Path dir = out != null ? out : Path.of("runs", id);
      RunOutputs.write(dir, view, study, (System.nanoTime() - started) / 1e9);
      spec.commandLine().getOut().println(RunOutputs.describe(view, dir));
      Runtime.getRuntime().removeShutdownHook(hook);
      return "completed".equals(view.path("state").asText()) ? ExitCodes.OK : ExitCodes.INTERNAL;
    } finally {
      err.flush();
    }
  }

  private JsonNode follow(StudyClient client, String id) throws Exception {
    try (ProgressBar bar = ProgressBar.onStderr(quiet, id)) {
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
                    : String.format("%.4f", best.path("meanTestAccuracy").asDouble())));
        if (!"running".equals(view.path("state").asText())) {
          return view;
        }
        Thread.sleep(500);
      }
    }
  }
}
