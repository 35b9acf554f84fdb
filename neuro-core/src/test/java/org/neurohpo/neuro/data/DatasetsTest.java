package org.neurohpo.neuro.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path dir;

  @Test
  void loadsEveryBuiltInDataSetWithItsDocumentedShape() {
    int[][] shapes = {
      {150, 4, 3}, {178, 13, 3}, {569, 30, 2}, {768, 8, 2}, {351, 34, 2}, {208, 60, 2}, {214, 9, 6}
    };
    for (int i = 0; i < shapes.length; i++) {
      Dataset d = Datasets.load(Datasets.builtInNames().get(i));
      assertThat(new int[] {d.size(), d.numFeatures(), d.numClasses()}).containsExactly(shapes[i]);
    }
    assertThat(Datasets.load("iris").classCounts()).containsExactly(50, 50, 50);
  }

  @Test
  void shippedFilesMatchTheChecksumsOfTheirProvenance() throws Exception {
    String provenance;
    try (var in = Datasets.class.getResourceAsStream("/datasets/PROVENANCE.md")) {
      provenance = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (String name : Datasets.builtInNames()) {
      byte[] bytes;
      try (var in = Datasets.class.getResourceAsStream("/datasets/" + name + ".csv")) {
        bytes = in.readAllBytes();
      }
      String sha =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(provenance).as(name).contains("| " + name + ".csv |").contains(sha);
    }
  }

  @Test
  void toleratesByteOrderMarkCrlfQuotesAndBlankLines() throws IOException {
    Path f = write("\uFEFFa,\"b\",class\r\n1,2,x\r\n\r\n3, 4 ,\"y\"\r\n");
    Dataset d = Datasets.load(f.toString());
    assertThat(d.featureNames()).containsExactly("a", "b");
    assertThat(d.features()[1]).containsExactly(3, 4);
    assertThat(d.classNames()).containsExactly("x", "y");
  }

  @Test
  void acceptsAliases() {
    assertThat(Datasets.load("pima").name()).isEqualTo("pima_indians_diabetes");
    assertThat(Datasets.load("breast_cancer").size()).isEqualTo(569);
  }

  @Test
  void unknownDataSetListsTheKnownOnes() {
    assertThatThrownBy(() -> Datasets.load("irs"))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("unknown data set 'irs'; built-in: iris, wine,");
  }

  @Test
  void readsAUsersCsvWithStringLabels() throws IOException {
    Path f = write("a,b,kind\n1,2,dog\n3,4,cat\n5,6,dog\n");
    Dataset d = Datasets.load(f.toString());
    assertThat(d.classNames()).containsExactly("cat", "dog");
    assertThat(d.labels()).containsExactly(1, 0, 1);
    assertThat(d.features()[2]).containsExactly(5, 6);
  }

  @Test
  void numericLabelsAreOrderedNumerically() throws IOException {
    Path f = write("a,class\n1,10\n2,9\n3,10\n");
    assertThat(Datasets.load(f.toString()).classNames()).containsExactly("9", "10");
  }

  @Test
  void badCsvNamesFileLineAndProblem() throws IOException {
    Path f = write("a,b,class\n1,2,0\n1,x,1\n");
    assertThatThrownBy(() -> Datasets.load(f.toString()))
        .hasMessage(f + ":3: column 'b' is not a number: 'x'");
    Path g = write("a,b,class\n1,2,0\n1,1\n");
    assertThatThrownBy(() -> Datasets.load(g.toString()))
        .hasMessage(g + ":3: expected 3 columns, found 2");
    Path h = write("");
    assertThatThrownBy(() -> Datasets.load(h.toString())).hasMessage(h + ": the file is empty");
    Path one = write("a,class\n1,0\n2,0\n");
    assertThatThrownBy(() -> Datasets.load(one.toString()))
        .hasMessage(one + ": needs at least 2 classes, found 1");
    assertThatThrownBy(() -> Datasets.load(dir.resolve("missing.csv").toString()))
        .hasMessageStartingWith("no such file: ");
  }

  @Test
  void stratifiedSplitKeepsClassSharesAndIsDeterministic() {
    Dataset iris = Datasets.load("iris");
    Split a = Split.stratified(iris, 0.3, 7);
    Split b = Split.stratified(iris, 0.3, 7);
    Split c = Split.stratified(iris, 0.3, 8);
    assertThat(a.test().classCounts()).containsExactly(15, 15, 15);
    assertThat(a.train().classCounts()).containsExactly(35, 35, 35);
    assertThat(a.test().features()).isDeepEqualTo(b.test().features());
    assertThat(Arrays.deepEquals(a.test().features(), c.test().features())).isFalse();
  }

  @Test
  void everyClassWithTwoSamplesReachesBothParts() {
    Dataset glass = Datasets.load("glass");
    Split s = Split.stratified(glass, 0.3, 1);
    assertThat(s.test().classCounts()).doesNotContain(0);
    assertThat(s.train().classCounts()).doesNotContain(0);
  }

  @Test
  void scalingIsFittedOnTrainingDataOnly() {
    String[] names = {"f"};
    Dataset train =
        new Dataset(
            "t", names, new double[][] {{2}, {4}}, new int[] {0, 1}, new String[] {"a", "b"});
    Dataset test =
        new Dataset(
            "t",
            names,
            new double[][] {{3}, {10}, {0}},
            new int[] {0, 1, 0},
            new String[] {"a", "b"});
    MinMaxScaler s = MinMaxScaler.fit(train);
    assertThat(s.transform(test)).isDeepEqualTo(new double[][] {{0.5}, {1.0}, {0.0}});
  }

  @Test
  void constantColumnsScaleToZero() {
    Dataset iono = Datasets.load("ionosphere");
    double[][] x = MinMaxScaler.fit(iono).transform(iono);
    assertThat(Arrays.stream(x).mapToDouble(r -> r[1]).max().orElseThrow()).isZero();
  }

  private Path write(String text) throws IOException {
    Path f = Files.createTempFile(dir, "data", ".csv");
    Files.writeString(f, text);
    return f;
  }
}
