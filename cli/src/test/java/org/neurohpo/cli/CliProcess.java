package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real command line as its own process (for Ctrl-C and long-running commands). */
final class CliProcess {
  private CliProcess() {}

  /** A process builder running {@code neurohpo ARGS} from this build, with the repository home. */
  static ProcessBuilder of(String... args) {
    Path home = Path.of("..").toAbsolutePath().normalize();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dneurohpo.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "org.neurohpo.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }
}
