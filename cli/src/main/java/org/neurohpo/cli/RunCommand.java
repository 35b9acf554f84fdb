package org.neurohpo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
      Thread hook = new Thread(stack::close, "neurohpo-run-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      String bootstrap = against != null ? against : stack.startBroker(work.resolve("kafka"));
      int optimizer = LocalStack.freePort();
      int results = LocalStack.freePort();
      stack.startService(
          "optimizer-service",
          "optimizer",
          optimizer,
          bootstrap,
          "512m",
          // twice the evaluators: trials reach evaluators by partition, not by who is idle, so a
          // backlog keeps every evaluator busy
          List.of("neurohpo.optimizer.in-flight=" + 2 * evaluators));
      stack.startService("results-service", "results", results, bootstrap, "256m", List.of());
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / evaluators);
      for (int i = 0; i < evaluators; i++) {
        stack.startService(
            "evaluator-service",
            "evaluator-" + (i + 1),
            LocalStack.freePort(),
            bootstrap,
            "1g",
            List.of(
                "neurohpo.evaluator.threads=" + threads,
                "neurohpo.evaluator.id=evaluator-" + (i + 1)));
      }
      stack.awaitReady("optimizer", optimizer);
      stack.awaitReady("results", results);
      String id = submit(stack, optimizer, study);
      JsonNode view = follow(stack, optimizer, id);
      Path dir = out != null ? out : Path.of("runs", id);
      RunOutputs.write(dir, view, study);
      spec.commandLine().getOut().println(RunOutputs.describe(view, dir));
      Runtime.getRuntime().removeShutdownHook(hook);
      return "completed".equals(view.path("state").asText()) ? ExitCodes.OK : ExitCodes.INTERNAL;
    } finally {
      err.flush();
    }
  }

  private static String submit(LocalStack stack, int port, JsonNode study) throws Exception {
    HttpResponse<String> r =
        stack
            .http()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/studies"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(study)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    if (r.statusCode() == 400) {
      List<String> problems =
          JSON.convertValue(
              body.get("problems"),
              JSON.getTypeFactory().constructCollectionType(List.class, String.class));
      throw new IllegalArgumentException("invalid study: " + String.join("; ", problems));
    }
    if (r.statusCode() != 201) {
      throw new IllegalStateException("the optimizer answered " + r.statusCode() + ": " + r.body());
    }
    return body.get("studyId").asText();
  }

  private JsonNode follow(LocalStack stack, int port, String id) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/studies/" + id);
    try (ProgressBar bar = ProgressBar.onStderr(quiet, id)) {
      while (true) {
        JsonNode view =
            JSON.readTree(
                stack
                    .http()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
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
