package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurohpo.local.ProgressBar;
import org.neurohpo.local.Style;

class UsageTest {

  @Test
  void everyDescriptionLineIsPrintedWholeInTheHelp() {
    java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>();
    java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
    todo.add(Main.commandLine());
    while (!todo.isEmpty()) {
      picocli.CommandLine c = todo.poll();
      all.add(c);
      todo.addAll(c.getSubcommands().values());
    }
    assertThat(all).hasSizeGreaterThan(15);
    for (picocli.CommandLine c : all) {
      String usage = c.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
      for (String line : c.getCommandSpec().usageMessage().description()) {
        assertThat(usage).as(c.getCommandName() + " --help").contains(line.replace("%n", ""));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run",
        "evaluate",
        "simulate",
        "hp-space",
        "bench-peer",
        "bench-system",
        "watch",
        "export",
        "experiment",
        "report",
        "up"
      })
  void everySubcommandHasHelp(String command) {
    Cli cli = Cli.run(command, "--help");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("Usage: neurohpo " + command);
  }

  @Test
  void generatesABashAndZshCompletionScriptNamingEveryCommand() {
    Cli cli = Cli.run("generate-completion");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("complete -F")
        .contains("watch")
        .contains("export")
        .contains("run");
  }

  @Test
  void unknownOptionIsOneLineNamingIt() {
    Cli cli = Cli.run("evaluate", "--dataset", "iris", "--colour", "blue");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("--colour");
  }

  @Test
  void negativeWarmupIsOneLineNamingIt() {
    Cli cli = Cli.run("bench-system", "--warmup", "-1");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("--warmup");
  }

  @Test
  void missingRequiredOptionIsOneLine() {
    Cli cli = Cli.run("simulate", "net.json", "--steps", "5");
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("--spikes");
  }

  @Test
  void anUnknownCommandIsAnErrorEvenWithHelp() {
    for (String[] args : new String[][] {{"nope"}, {"nope", "--help"}, {"upp", "-h"}}) {
      Cli cli = Cli.run(args);
      assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err().strip()).doesNotContain("\n").contains(args[0]);
      assertThat(cli.out()).isEmpty();
    }
  }

  @Test
  void withoutSubcommandPrintsUsage() {
    Cli cli = Cli.run();
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("evaluate", "simulate", "hp-space", "bench-peer");
  }

  @Test
  void progressBarShowsFractionAndEta() {
    String line = ProgressBar.render(1, 4, 3_000_000_000L, "evaluate", "seed 1");
    assertThat(line).contains(" 25%").contains("ETA 0:09").endsWith("seed 1");
  }

  @Test
  void resumedProgressBarTakesItsEtaFromThePaceSinceItStarted() {
    // 60 of 100 done before; 10 more in 5 s: 30 left at 2 per second
    String line = ProgressBar.render(70, 100, 5_000_000_000L, 60, "experiment", "study 3/21");
    assertThat(line).contains(" 70%").contains("ETA 0:15");
    assertThat(ProgressBar.render(60, 100, 1_000_000_000L, 60, "experiment", ""))
        .as("no pace yet, no ETA")
        .doesNotContain("ETA");
  }

  @Test
  void pipedOutputHasNoColours() {
    // tests run with stdout redirected: no terminal, so no escape codes anywhere
    assertThat(Style.isTerminal()).isFalse();
    assertThat(Style.state("completed")).isEqualTo("completed");
    Cli cli = Cli.run("evaluate", "--dataset", "no-such-data");
    assertThat(cli.err()).doesNotContain("\033").startsWith("neurohpo evaluate: error: ");
  }

  @Test
  void seedIsInsertedBeforeTheExtension() {
    assertThat(EvaluateCommand.withSeed(java.nio.file.Path.of("out/net.json"), 3))
        .isEqualTo(java.nio.file.Path.of("out/net-seed3.json"));
  }
}
