package org.neurohpo.model;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks a CSV data set before it is registered, as neuro-core reads it (a test there keeps the two
 * in agreement): a header row with at least one feature and the class column, then one sample per
 * row with finite numeric features and a non-empty label; at least 2 classes. Bounded: at most
 * {@code maxRows} samples and {@code maxColumns} columns. Plain Java.
 */
public final class CsvCheck {
  /** What a valid data set holds. */
  public record Summary(int rows, int features, int classes) {}

  private CsvCheck() {}

  /**
   * The data set's size, or an IllegalArgumentException whose one-line message names the problem.
   */
  public static Summary check(String csv, int maxRows, int maxColumns) {
    String[] lines = csv.split("\r?\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length) {
      throw new IllegalArgumentException("the data set is empty");
    }
    String header = lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
    String[] columns = split(header);
    if (columns.length < 2) {
      throw new IllegalArgumentException(
          "line " + (i + 1) + ": the header needs at least one feature and the class column");
    }
    if (columns.length > maxColumns) {
      throw new IllegalArgumentException(
          "at most " + maxColumns + " columns; the header has " + columns.length);
    }
    int rows = 0;
    Set<String> labels = new HashSet<>();
    for (int n = i + 1; n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      String[] cells = split(lines[n]);
      if (cells.length != columns.length) {
        throw new IllegalArgumentException(
            "line " + (n + 1) + ": expected " + columns.length + " columns, found " + cells.length);
      }
      for (int j = 0; j < cells.length - 1; j++) {
        if (!finite(cells[j])) {
          throw new IllegalArgumentException(
              "line " + (n + 1) + ": column " + (j + 1) + " is not a finite number");
        }
      }
      String label = cells[cells.length - 1];
      if (label.isEmpty()) {
        throw new IllegalArgumentException("line " + (n + 1) + ": the class label is empty");
      }
      if (++rows > maxRows) {
        throw new IllegalArgumentException("at most " + maxRows + " samples");
      }
      labels.add(label);
    }
    if (rows == 0) {
      throw new IllegalArgumentException("no samples after the header");
    }
    int classes = classes(labels);
    if (classes < 2) {
      throw new IllegalArgumentException("needs at least 2 classes, found " + classes);
    }
    return new Summary(rows, columns.length - 1, classes);
  }

  /** Labels that are all numbers are classes by value (1 and 1.0 are one class), as neuro-core. */
  private static int classes(Set<String> labels) {
    Set<Double> values = new HashSet<>();
    for (String l : labels) {
      try {
        values.add(Double.parseDouble(l));
      } catch (NumberFormatException e) {
        return labels.size();
      }
    }
    return values.size();
  }

  private static boolean finite(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int k = 0; k < cells.length; k++) {
      String c = cells[k].trim();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1);
      }
      cells[k] = c;
    }
    return cells;
  }
}
