package org.neurohpo.neuro.data;

import java.util.Arrays;

/**
 * A classification data set: {@code features[i][j]} is feature j of sample i, {@code labels[i]} its
 * class in 0..numClasses-1, {@code classNames[k]} the original label of class k.
 */
public record Dataset(
    String name, String[] featureNames, double[][] features, int[] labels, String[] classNames) {

  public Dataset {
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          "features has " + features.length + " rows but labels has " + labels.length);
    }
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != featureNames.length) {
        throw new IllegalArgumentException(
            "sample "
                + i
                + " has "
                + features[i].length
                + " features, expected "
                + featureNames.length);
      }
    }
    for (int y : labels) {
      if (y < 0 || y >= classNames.length) {
        throw new IllegalArgumentException(
            "label " + y + " outside [0, " + (classNames.length - 1) + "]");
      }
    }
  }

  public int size() {
    return labels.length;
  }

  public int numFeatures() {
    return featureNames.length;
  }

  public int numClasses() {
    return classNames.length;
  }

  /** The samples at {@code rows}, in that order, as a data set of the same name. */
  public Dataset subset(int[] rows) {
    double[][] x = new double[rows.length][];
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = features[rows[i]].clone();
      y[i] = labels[rows[i]];
    }
    return new Dataset(name, featureNames, x, y, classNames);
  }

  /** How many samples each class has. */
  public int[] classCounts() {
    int[] counts = new int[numClasses()];
    for (int y : labels) {
      counts[y]++;
    }
    return counts;
  }

  @Override
  public String toString() {
    return name
        + " ("
        + size()
        + " samples, "
        + numFeatures()
        + " features, "
        + numClasses()
        + " classes "
        + Arrays.toString(classCounts())
        + ")";
  }
}
