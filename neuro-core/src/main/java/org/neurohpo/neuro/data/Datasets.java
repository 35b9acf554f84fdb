package org.neurohpo.neuro.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The built-in data sets, and users' CSV files. */
public final class Datasets {
  private static final List<String> BUILT_IN =
      List.of(
          "iris",
          "wine",
          "breast_cancer_wisconsin_diagnostic",
          "pima_indians_diabetes",
          "ionosphere",
          "sonar",
          "glass");
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    ALIASES.put("breast_cancer", "breast_cancer_wisconsin_diagnostic");
    ALIASES.put("wdbc", "breast_cancer_wisconsin_diagnostic");
    ALIASES.put("pima", "pima_indians_diabetes");
    ALIASES.put("diabetes", "pima_indians_diabetes");
  }

  private Datasets() {}

  /** Names of the built-in data sets. */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /**
   * A built-in data set by name (or alias: breast_cancer, wdbc, pima, diabetes), or the CSV file at
   * that path. The error for an unknown name lists the known ones.
   */
  public static Dataset load(String nameOrPath) {
    if (nameOrPath == null || nameOrPath.isBlank()) {
      throw new DatasetException("no data set given; built-in: " + String.join(", ", BUILT_IN));
    }
    String key = nameOrPath.trim().toLowerCase(Locale.ROOT);
    String name = ALIASES.getOrDefault(key, key);
    if (BUILT_IN.contains(name)) {
      return builtIn(name);
    }
    Path file = Path.of(nameOrPath);
    if (Files.isRegularFile(file)) {
      return file(file);
    }
    if (nameOrPath.contains("/") || nameOrPath.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new DatasetException("no such file: " + nameOrPath);
    }
    throw new DatasetException(
        "unknown data set '"
            + nameOrPath
            + "'; built-in: "
            + String.join(", ", BUILT_IN)
            + " (or give a CSV file)");
  }

  /**
   * A built-in data set by name or alias, never a file: what a service loads for a study, whose
   * data set name comes from outside. The error names the data set and lists the built-in ones.
   */
  public static Dataset named(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    String canonical = ALIASES.getOrDefault(key, key);
    if (!BUILT_IN.contains(canonical)) {
      String shown = name == null ? "" : name.length() <= 80 ? name : name.substring(0, 77) + "...";
      throw new DatasetException(
          "unknown data set '" + shown + "'; built-in: " + String.join(", ", BUILT_IN));
    }
    return builtIn(canonical);
  }

  private static Dataset builtIn(String name) {
    String resource = "/datasets/" + name + ".csv";
    InputStream in = Datasets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("built-in data set missing from the jar: " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return CsvDatasetReader.read(name, name + ".csv", r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A data set from CSV text (header row, numeric features, class label in the last column). */
  public static Dataset fromCsv(String name, String csv) {
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
      return CsvDatasetReader.read(name, name, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a CSV file: header row, numeric features, class label in the last column. */
  public static Dataset file(Path file) {
    String name = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CsvDatasetReader.read(name, file.toString(), r);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new DatasetException(file + ": not a UTF-8 text file");
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
