package org.neurohpo.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code neurohpo} command. */
@Command(
    name = "neurohpo",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Finds the best hyperparameters of spiking neuromorphic systems",
      "(encoding, EONS training, RISP hardware) with Bayesian optimisation."
    },
    subcommands = {
      RunCommand.class,
      UpCommand.class,
      SystemBenchCommand.class,
      WatchCommand.class,
      ExportCommand.class,
      FetchCommand.class,
      ExperimentCommand.class,
      ReportCommand.class,
      EvaluateCommand.class,
      SimulateCommand.class,
      HpSpaceCommand.class,
      BenchPeerCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  static {
    // Kafka clients (watch, bench-system) log through SLF4J: only errors, on stderr
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    // a broker that refuses the client: the command says so in one line, without this log's
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "off");
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Width of the help text. */
  static final int USAGE_WIDTH = 100;

  /** Builds the command line with this project's error handling; tests call it directly. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new UserErrors());
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // descriptions are written in lines of up to 90 characters; picocli's default 80 breaks them
    cl.setUsageHelpWidth(USAGE_WIDTH);
    // an unknown command is an error even beside --help (picocli would print the top-level help
    // for `neurohpo nope --help` and exit 0)
    cl.setExecutionStrategy(
        parseResult -> {
          if (!parseResult.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(
                parseResult.commandSpec().commandLine(), parseResult.unmatched());
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Reads the version from the jar manifest (or says it is a development build). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"neurohpo " + (v == null ? "(development build)" : v)};
    }
  }
}
