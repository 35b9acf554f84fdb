package org.neurohpo.neuro.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PartitionTest {
  /** A built-in data set with its row number appended as a last feature, to tell rows apart. */
  private static Dataset numbered(String name) {
    Dataset d = Datasets.load(name);
    String[] names = Arrays.copyOf(d.featureNames(), d.numFeatures() + 1);
    names[d.numFeatures()] = "row";
    double[][] x = new double[d.size()][];
    for (int i = 0; i < d.size(); i++) {
      x[i] = Arrays.copyOf(d.features()[i], d.numFeatures() + 1);
      x[i][d.numFeatures()] = i;
    }
    return new Dataset(d.name(), names, x, d.labels(), d.classNames());
  }

  private static Set<Integer> rows(Dataset part) {
    Set<Integer> rows = new HashSet<>();
    for (double[] x : part.features()) {
      rows.add((int) x[x.length - 1]);
    }
    return rows;
  }

  @Test
  void irisSplitsEachClassIntoTrainValidationAndTest() {
    Partition p = Partition.stratified(Datasets.load("iris"), 0.3, 0.25, 7);
    assertThat(p.test().classCounts()).containsExactly(15, 15, 15);
    assertThat(p.validation().classCounts()).containsExactly(9, 9, 9); // round(35 * 0.25)
    assertThat(p.train().classCounts()).containsExactly(26, 26, 26);
  }

  @Property(tries = 30)
  void partsAreDisjointCoverEverySampleAndKeepSmallClassesInEveryPart(
      @ForAll("names") String name,
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.1, max = 0.5) double validationFraction) {
    Dataset data = numbered(name);
    Partition p = Partition.stratified(data, 0.3, validationFraction, seed);
    Set<Integer> train = rows(p.train());
    Set<Integer> validation = rows(p.validation());
    Set<Integer> test = rows(p.test());
    assertThat(train.size() + validation.size() + test.size()).isEqualTo(data.size());
    Set<Integer> all = new HashSet<>(train);
    all.addAll(validation);
    all.addAll(test);
    assertThat(all).hasSize(data.size());
    int[] counts = data.classCounts();
    int[] trainCounts = p.train().classCounts();
    int[] validationCounts = p.validation().classCounts();
    for (int k = 0; k < counts.length; k++) {
      int rest = counts[k] - p.test().classCounts()[k];
      assertThat(validationCounts[k])
          .as("class %d of %s", k, name)
          .isEqualTo(Math.max(1, Math.min(rest - 1, (int) Math.round(rest * validationFraction))));
      assertThat(trainCounts[k]).isPositive();
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("iris", "wine", "glass", "pima");
  }

  @Test
  void theTestPartIsTheTrainTestSplitsSoValidationTakesOnlyTrainingSamples() {
    Dataset data = numbered("wine");
    Partition p = Partition.stratified(data, 0.3, 0.25, 11);
    Split s = Split.stratified(data, 0.3, 11);
    assertThat(p.test().features()).isDeepEqualTo(s.test().features());
    Set<Integer> trainAndValidation = rows(p.train());
    trainAndValidation.addAll(rows(p.validation()));
    assertThat(trainAndValidation).isEqualTo(rows(s.train()));
  }

  @Test
  void sameSeedSamePartitionAndAnotherSeedAnother() {
    Dataset data = numbered("pima");
    Partition a = Partition.stratified(data, 0.3, 0.25, 5);
    Partition b = Partition.stratified(data, 0.3, 0.25, 5);
    Partition c = Partition.stratified(data, 0.3, 0.25, 6);
    assertThat(b.train().features()).isDeepEqualTo(a.train().features());
    assertThat(b.validation().features()).isDeepEqualTo(a.validation().features());
    assertThat(b.test().features()).isDeepEqualTo(a.test().features());
    assertThat(rows(c.validation())).isNotEqualTo(rows(a.validation()));
  }

  @Test
  void rejectsAValidationFractionOutsideTheOpenUnitInterval() {
    Dataset iris = Datasets.load("iris");
    assertThatThrownBy(() -> Partition.stratified(iris, 0.3, 1.0, 1))
        .hasMessage("validation fraction must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> Partition.stratified(iris, 0.3, 0, 1))
        .hasMessage("validation fraction must be in (0, 1), got 0.0");
  }
}
