package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Docker CLI and Compose (the {@code docker compose} plugin, else {@code docker-compose} 1.29)
 * run with ProcessBuilder for one project of docker-compose.yml.
 */
final class Compose {
  /** How ComposeStackTest reports a step. */
  interface Log {
    void log(String format, Object... args);
  }

  private final Path root;
  private final String project;
  private final Map<String, String> env;
  private final Log log;
  private final List<String> command;

  Compose(Path root, String project, Map<String, String> env, Log log) {
    this.root = root;
    this.project = project;
    this.env = env;
    this.log = log;
    this.command = composeCommand();
  }

  /** Why no Docker engine or compose can be used here, or null when both answer. */
  static String unavailable() {
    Result info = exec(List.of("docker", "info", "--format", "{{.ServerVersion}}"), null, 60);
    if (info.code != 0) {
      return "no Docker engine answers (docker info: " + info.brief() + ")";
    }
    if (composeCommand() == null) {
      return "neither `docker compose` nor `docker-compose` is installed";
    }
    return null;
  }

  static boolean hasImage(String image) {
    return exec(List.of("docker", "image", "inspect", image), null, 60).code == 0;
  }

  private static List<String> composeCommand() {
    if (exec(List.of("docker", "compose", "version"), null, 60).code == 0) {
      return List.of("docker", "compose");
    }
    if (exec(List.of("docker-compose", "version"), null, 60).code == 0) {
      return List.of("docker-compose");
    }
    return null;
  }

  /** Runs {@code compose -p PROJECT -f docker-compose.yml ARGS}; fails on a non-zero exit. */
  String run(Duration limit, String... args) {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("-p", project, "-f", root.resolve("docker-compose.yml").toString()));
    cmd.addAll(List.of(args));
    Result r = exec(cmd, env, limit.toSeconds());
    if (r.code != 0) {
      throw new AssertionError(String.join(" ", cmd) + " exited " + r.code + ":\n" + r.output);
    }
    return r.output;
  }

  /** Runs {@code docker ARGS}; fails on a non-zero exit. */
  String docker(Duration limit, String... args) {
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    Result r = exec(cmd, null, limit.toSeconds());
    if (r.code != 0) {
      throw new AssertionError(String.join(" ", cmd) + " exited " + r.code + ":\n" + r.output);
    }
    return r.output;
  }

  /** Ids of the running containers of one service. */
  List<String> containers(String service) {
    List<String> ids = new ArrayList<>();
    for (String line :
        docker(
                Duration.ofMinutes(1),
                "ps",
                "-q",
                "--no-trunc",
                "--filter",
                "label=com.docker.compose.project=" + project,
                "--filter",
                "label=com.docker.compose.service=" + service)
            .split("\n")) {
      if (!line.isBlank()) {
        ids.add(line.trim());
      }
    }
    return ids;
  }

  /** Status and the last lines of every container's log, for a failed step. */
  void dumpLogs() {
    try {
      System.out.println("[compose-e2e] --- compose ps ---");
      System.out.println(run(Duration.ofMinutes(2), "ps"));
      System.out.println("[compose-e2e] --- compose logs (last 150 lines a container) ---");
      System.out.println(run(Duration.ofMinutes(3), "logs", "--no-color", "--tail", "150"));
    } catch (AssertionError e) {
      System.out.println("[compose-e2e] could not collect logs: " + e.getMessage());
    }
  }

  /** {@code down -v --remove-orphans}, twice if the first one fails. */
  void down() {
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        run(Duration.ofMinutes(5), "down", "-v", "--remove-orphans", "--timeout", "10");
        return;
      } catch (AssertionError e) {
        log.log("down -v failed (attempt %d): %s", attempt, e.getMessage());
      }
    }
  }

  void assertNothingLeft() {
    String label = "label=com.docker.compose.project=" + project;
    Duration limit = Duration.ofMinutes(1);
    assertThat(docker(limit, "ps", "-aq", "--filter", label).trim())
        .as("containers of %s after down -v", project)
        .isEmpty();
    assertThat(docker(limit, "network", "ls", "-q", "--filter", label).trim())
        .as("networks of %s after down -v", project)
        .isEmpty();
    assertThat(docker(limit, "volume", "ls", "-q", "--filter", label).trim())
        .as("volumes of %s after down -v", project)
        .isEmpty();
  }

  private record Result(int code, String output) {
    String brief() {
      String s = output.strip();
      return "exit " + code + (s.isEmpty() ? "" : ", " + s.lines().findFirst().orElse(""));
    }
  }

  private static Result exec(List<String> cmd, Map<String, String> env, long seconds) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      if (env != null) {
        pb.environment().putAll(env);
      }
      Process p = pb.start();
      StringBuilder out = new StringBuilder();
      Thread reader =
          new Thread(
              () -> {
                try {
                  out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      reader.start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        reader.join(5000);
        return new Result(124, "timed out after " + seconds + " s\n" + out);
      }
      reader.join(10000);
      return new Result(p.exitValue(), out.toString());
    } catch (IOException e) {
      return new Result(127, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(130, "interrupted");
    }
  }
}
