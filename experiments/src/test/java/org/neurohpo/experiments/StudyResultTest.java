package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyResultTest {
  @TempDir Path dir;

  /** A run folder of three trials; {@code trials} holds the rows of trials.csv after its header. */
  private StudyResult folder(String header, String trials) throws IOException {
    Files.writeString(
        dir.resolve("study.json"),
        """
        {"name": "s", "dataset": "iris", "strategy": "random", "budget": 3, "seeds": [1],
         "searchSpace": [{"name": "bins", "type": "int", "low": 2, "high": 9}]}
        """);
    Files.writeString(dir.resolve("summary.json"), "{}");
    Files.writeString(dir.resolve("trials.csv"), header + "\n" + trials);
    Files.writeString(
        dir.resolve("runs.csv"),
        "trialNumber,seed,trainAccuracy,validationAccuracy,testAccuracy\n"
            + "0,1,1.0,0.7,0.95\n1,1,1.0,0.9,0.8\n2,1,1.0,0.9,0.85\n");
    return StudyResult.read(dir);
  }

  @Test
  void recommendsTheHighestValidationMeanWhereTheTestMeanDisagrees() throws IOException {
    StudyResult s =
        folder(
            "number,bins,mean,std,runs,validationMean,validationStd",
            "0,3,0.95,0.0,1,0.7,0.0\n1,4,0.8,0.0,1,0.9,0.0\n2,5,0.85,0.0,1,0.9,0.0\n");
    assertThat(s.best().number()).isEqualTo(1); // a tie goes to the earlier trial
    assertThat(s.best().mean()).isEqualTo(0.8);
    assertThat(s.best().validationMean()).isEqualTo(0.9);
    assertThat(s.trials().get(0).testAccuracies()).containsExactly(0.95);
  }

  @Test
  void aSetMeasuredInTwoTrialsCompetesByAllItsRuns() throws IOException {
    // trial 2 re-ran trial 1's set (bins 4): 0.9 then 0.7, pooled 0.8 < trial 0's 0.85
    StudyResult s =
        folder(
            "number,bins,mean,std,runs,validationMean,validationStd",
            "0,3,0.95,0.0,1,0.85,0.0\n1,4,0.8,0.0,1,0.9,0.0\n2,4,0.85,0.0,1,0.7,0.0\n");
    assertThat(s.best().number()).isZero();
    StudyResult.Trial pooled = StudyResult.pooled(s.trials().subList(1, 3));
    assertThat(pooled.number()).isEqualTo(1);
    assertThat(pooled.validationMean())
        .isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(pooled.mean()).isCloseTo(0.825, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(pooled.testAccuracies()).containsExactly(0.8, 0.85);
  }

  @Test
  void aFolderWrittenBeforeValidationExistedSelectsOnTheTestMean() throws IOException {
    StudyResult s =
        folder("number,bins,mean,std,runs", "0,3,0.95,0.0,1\n1,4,0.8,0.0,1\n2,5,0.85,0.0,1\n");
    assertThat(s.best().number()).isZero();
    assertThat(s.best().validationMean()).isNaN();
    assertThat(s.best().selectionMean()).isEqualTo(0.95);
  }

  @Test
  void anEmptyValidationCellIsATrialOfSchemaVersion1() throws IOException {
    StudyResult s =
        folder(
            "number,bins,mean,std,runs,validationMean,validationStd",
            "0,3,0.95,0.0,1,,\n1,4,0.8,0.0,1,0.9,0.0\n2,5,0.85,0.0,1,0.9,0.0\n");
    assertThat(s.trials().get(0).selectionMean()).isEqualTo(0.95);
    assertThat(s.best().number()).isZero();
  }

  @Test
  void aSearchedHpNoTrialHadActiveHasNoColumnAndIsAbsentFromEveryTrial() throws IOException {
    // trials.csv has a column for each HP some trial had: a conditional HP never active has none
    StudyResult s =
        folder(
            "number,mean,std,runs,validationMean,validationStd",
            "0,0.95,0.0,1,0.7,0.0\n1,0.8,0.0,1,0.9,0.0\n2,0.85,0.0,1,0.9,0.0\n");
    assertThat(s.trials()).hasSize(3).allMatch(t -> t.params().isEmpty());
    // so all three measured the same (empty) set: the best is that set, over all its runs
    assertThat(s.best().number()).isZero();
    assertThat(s.best().testAccuracies()).containsExactly(0.95, 0.8, 0.85);
  }

  @Test
  void refusesRunsThatDoNotAverageToTheirTrialsMean() throws IOException {
    // trial 1's row says 0.85 but its runs average 0.8 (runs.csv of another study, or rows paired
    // with the wrong trials)
    assertThatThrownBy(
            () ->
                folder(
                    "number,bins,mean,std,runs,validationMean,validationStd",
                    "0,3,0.95,0.0,1,0.7,0.0\n1,4,0.85,0.0,1,0.9,0.0\n2,5,0.8,0.0,1,0.9,0.0\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trial 1's runs in runs.csv average 0.800000 but trials.csv gives")
        .hasMessageContaining("do not belong together");
  }

  /** Every run folder committed under docs/results reads, its runs agreeing with its trials. */
  @Test
  void everyCommittedRunFolderReads() throws IOException {
    java.util.List<Path> folders;
    try (var walk = Files.walk(Path.of("../docs/results"))) {
      folders =
          walk.filter(p -> p.getFileName().toString().equals("trials.csv"))
              .map(Path::getParent)
              .filter(
                  d -> Files.exists(d.resolve("runs.csv")) && Files.exists(d.resolve("study.json")))
              .sorted()
              .toList();
    }
    assertThat(folders).hasSizeGreaterThan(100);
    for (Path d : folders) {
      assertThat(StudyResult.read(d).trials()).as(d.toString()).isNotEmpty();
    }
  }
}
