package org.neurohpo.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a study spec file: JSON, or YAML when the name ends in {@code .yaml} or {@code .yml} (the
 * same structure, written as YAML). Problems are one-line {@link IllegalArgumentException}s naming
 * the file and the line.
 */
public final class SpecFiles {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  private SpecFiles() {}

  public static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** The spec as a JSON object node. */
  public static JsonNode readObject(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such study file: " + file);
    }
    boolean yaml = isYaml(file);
    try {
      JsonNode n = (yaml ? YAML : JSON).readTree(file.toFile());
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(
            file + ": a study spec must be a " + (yaml ? "YAML mapping" : "JSON object"));
      }
      return n;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException(file + ": not valid " + (yaml ? "YAML" : "JSON") + where);
    }
  }
}
