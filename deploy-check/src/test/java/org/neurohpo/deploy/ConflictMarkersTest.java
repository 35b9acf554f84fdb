package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No committed merge-conflict marker in any text file of the repository: a line starting with
 * {@code <<<<<<< }, {@code >>>>>>> } or {@code |||||||}, or a line {@code =======} in a file that
 * has one of those. Files are the ones git tracks (git ls-files), else every file outside build
 * output and dot folders.
 */
class ConflictMarkersTest {
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "out", "runs");

  @Test
  void noFileHasAConflictMarker() throws Exception {
    Path root = DeployFiles.root();
    List<String> found = new ArrayList<>();
    List<Path> files = files(root);
    assertThat(files).as("files of the repository").isNotEmpty();
    for (Path file : files) {
      List<String> lines = textLines(file);
      boolean marked =
          lines.stream()
              .anyMatch(
                  l ->
                      l.startsWith("<<<<<<< ")
                          || l.startsWith(">>>>>>> ")
                          || l.startsWith("|||||||"));
      if (!marked) {
        continue;
      }
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.startsWith("<<<<<<<")
            || l.startsWith(">>>>>>>")
            || l.startsWith("|||||||")
            || l.equals("=======")) {
          found.add(root.relativize(file) + ":" + (i + 1) + ": " + l);
        }
      }
    }
    assertThat(found)
        .as("merge-conflict markers (resolve them: keep both sides' intent)")
        .isEmpty();
  }

  private static List<Path> files(Path root) throws IOException, InterruptedException {
    try {
      Process git =
          new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (git.waitFor() == 0 && !out.isEmpty()) {
        return Stream.of(out.split("\0")).map(root::resolve).filter(Files::isRegularFile).toList();
      }
    } catch (IOException e) {
      // no git: walk the tree
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                Path rel = root.relativize(p);
                for (int i = 0; i < rel.getNameCount() - 1; i++) {
                  String n = rel.getName(i).toString();
                  if (SKIPPED_DIRS.contains(n) || (n.startsWith(".") && !n.equals(".ci"))) {
                    return false;
                  }
                }
                return true;
              })
          .toList();
    }
  }

  /** The file's lines, or none for a binary (not UTF-8, or with NUL bytes) or large file. */
  private static List<String> textLines(Path file) throws IOException {
    if (Files.size(file) > 5_000_000) {
      return List.of();
    }
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == 0) {
        return List.of();
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString()
          .lines()
          .toList();
    } catch (CharacterCodingException e) {
      return List.of();
    }
  }
}
