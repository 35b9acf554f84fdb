package org.neurohpo.neuro.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a CSV data set: a header row, then one sample per row with numeric features and the class
 * label in the last column. Labels may be integers or any strings; they are mapped to 0..K-1 in
 * sorted order (numerically when all are numbers).
 */
final class CsvDatasetReader {
  private CsvDatasetReader() {}

  static Dataset read(String name, String source, BufferedReader in) throws IOException {
    String header = in.readLine();
    int lineNo = 1;
    while (header != null && header.isBlank()) {
      header = in.readLine();
      lineNo++;
    }
    if (header == null) {
      throw new DatasetException(source + ": the file is empty");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1); // UTF-8 byte-order mark
    }
    String[] columns = split(header);
    if (columns.length < 2) {
      throw new DatasetException(
          source + ":" + lineNo + ": the header needs at least one feature and the class column");
    }
    String[] featureNames = Arrays.copyOf(columns, columns.length - 1);
    List<double[]> rows = new ArrayList<>();
    List<String> rawLabels = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = split(line);
      if (cells.length != columns.length) {
        throw new DatasetException(
            source
                + ":"
                + lineNo
                + ": expected "
                + columns.length
                + " columns, found "
                + cells.length);
      }
      double[] x = new double[featureNames.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = number(cells[j], source, lineNo, featureNames[j]);
      }
      String label = cells[cells.length - 1].trim();
      if (label.isEmpty()) {
        throw new DatasetException(source + ":" + lineNo + ": the class label is empty");
      }
      rows.add(x);
      rawLabels.add(label);
    }
    if (rows.isEmpty()) {
      throw new DatasetException(source + ": no samples after the header");
    }
    String[] classNames = classNames(rawLabels);
    if (classNames.length < 2) {
      throw new DatasetException(source + ": needs at least 2 classes, found " + classNames.length);
    }
    List<String> order = Arrays.asList(classNames);
    int[] labels = rawLabels.stream().mapToInt(order::indexOf).toArray();
    return new Dataset(name, featureNames, rows.toArray(new double[0][]), labels, classNames);
  }

  private static String[] classNames(List<String> raw) {
    boolean numeric = raw.stream().allMatch(CsvDatasetReader::isNumber);
    if (numeric) {
      TreeMap<Double, String> byValue = new TreeMap<>();
      for (String s : raw) {
        byValue.putIfAbsent(Double.parseDouble(s), s);
      }
      return byValue.values().toArray(new String[0]);
    }
    return new TreeSet<>(raw).toArray(new String[0]);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static double number(String cell, String source, int line, String column) {
    String s = cell.trim();
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DatasetException(
        source + ":" + line + ": column '" + column + "' is not a number: '" + s + "'");
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].trim();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1);
      }
      cells[i] = c;
    }
    return cells;
  }
}
