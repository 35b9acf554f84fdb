package org.neurohpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on `neurohpo run` stops the broker and every service it started. */
class RunInterruptTest {
  @TempDir Path dir;

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void ctrlCStopsEverythingTheRunStarted() throws Exception {
    Path study = dir.resolve("long.json");
    Files.writeString(
        study,
        """
        {"name": "long", "dataset": "iris", "strategy": "random", "budget": 500, "seeds": [1],
         "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 8}],
         "fixedParams": {"populationSize": 100, "generations": 200}}
        """);
    Process run =
        CliProcess.of(
                "run",
                study.toString(),
                "--quiet",
                "--evaluators",
                "1",
                "--out",
                dir.resolve("out").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile())
            .start();
    // wait until the broker and the services (4 JVMs) run
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    List<ProcessHandle> children = List.of();
    while (System.nanoTime() < deadline && children.size() < 4) {
      Thread.sleep(500);
      children = run.descendants().toList();
    }
    assertThat(children).as("broker and services started; " + log()).hasSizeGreaterThanOrEqualTo(4);
    Thread.sleep(3000); // let them get going
    new ProcessBuilder("kill", "-" + interruptSignal(), Long.toString(run.pid())).start().waitFor();
    assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("run exits after Ctrl-C; " + log()).isTrue();
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("child %d stopped", child.pid()).isFalse();
    }
    assertThat(run.exitValue()).isNotZero();
  }

  /**
   * INT, as Ctrl-C sends, unless this process ignores it: a job started in the background by a
   * non-interactive shell (`nohup ... &`) ignores SIGINT, its children inherit that, and a JVM
   * keeps an ignored SIGINT ignored. Then TERM, which runs the same shutdown hooks.
   */
  private static String interruptSignal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long ignored = Long.parseUnsignedLong(line.substring(7).strip(), 16);
          return (ignored & (1L << (2 - 1))) != 0 ? "TERM" : "INT";
        }
      }
    } catch (Exception e) {
      // no /proc (macOS): nothing is ignored there by the usual launchers
    }
    return "INT";
  }

  private String log() {
    try {
      return "log: " + Files.readString(dir.resolve("run.log")).replace("\n", " | ");
    } catch (Exception e) {
      return "no log";
    }
  }
}
