package org.neurohpo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.neurohpo.local.LocalSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the whole system on this machine and keeps it running until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the whole system on this machine (a Kafka broker, the optimizer, the results service",
      "and N evaluators, as `run` does) and keeps it running until Ctrl-C, starting again any part",
      "that dies. Prints where each part answers and the bearer token of its optimizer, one per",
      "line, then 'ready'. `run --against`, `watch` and `export` work against it."
    })
final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--evaluators",
      defaultValue = "1",
      description = "evaluator services to start (default ${DEFAULT-VALUE})")
  int evaluators;

  @Override
  public Integer call() throws Exception {
    if (evaluators < 1 || evaluators > 64) {
      throw new IllegalArgumentException("--evaluators must be in [1, 64], got " + evaluators);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl-C: LocalSystem's hook stops the services, then the broker
    LocalSystem system = LocalSystem.start(null, evaluators, "neurohpo-up-");
    out.println("optimizer: http://127.0.0.1:" + system.optimizerPort());
    out.println("results: http://127.0.0.1:" + system.resultsPort());
    out.println("dashboard: http://127.0.0.1:" + system.resultsPort() + "/");
    out.println("kafka: " + system.bootstrap());
    out.println("token: " + system.token());
    out.println("ready");
    out.flush();
    system.keepRunning(
        name -> {
          err.println("neurohpo up: " + name + " had stopped; started it again");
          err.flush();
        });
    return ExitCodes.OK;
  }
}
