package org.neurohpo.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of a search experiment (hardware, Pareto, joint space): {@code
 * search/STRATEGY/seed-N} run folders, one per optimizer seed.
 */
final class ExperimentFolders {
  private ExperimentFolders() {}

  /** The sub-folders of {@code dir} (one per strategy), by name; none when it does not exist. */
  static List<Path> strategies(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** The {@code seed-N} folders of {@code dir}, by N; none when it does not exist. */
  static List<Path> seeds(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("seed-\\d+"))
          .sorted(Comparator.comparingInt(ExperimentFolders::seed))
          .toList();
    }
  }

  /** The N of a {@code seed-N} folder. */
  static int seed(Path seedFolder) {
    return Integer.parseInt(seedFolder.getFileName().toString().substring(5));
  }
}
