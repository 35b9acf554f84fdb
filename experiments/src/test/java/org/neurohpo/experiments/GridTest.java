package org.neurohpo.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class GridTest {

  @TempDir Path dir;

  /**
   * A grid over encoder {a, b}, x in {1, 2} (only for a) and y in {1, 2, 3} with x < y: valid sets
   * a/x1/y2, a/x1/y3, a/x2/y3, b/y1, b/y2, b/y3 (6).
   */
  public static Path smallGrid(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("study.json"),
        """
        {"name": "g", "dataset": "iris", "strategy": "grid", "budget": 6, "seeds": [1, 2, 3],
         "searchSpace": {"parameters": [
           {"name": "encoder", "type": "cat", "choices": ["a", "b"]},
           {"name": "x", "type": "ordinal", "values": [1, 2], "when": {"encoder": ["a"]}},
           {"name": "y", "type": "ordinal", "values": [1, 2, 3]}],
          "constraints": ["x < y"]}}
        """);
    Files.writeString(dir.resolve("summary.json"), "{\"wallSeconds\": 12.5}");
    Files.writeString(
        dir.resolve("trials.csv"),
        """
        number,encoder,x,y,mean,std,runs
        0,a,1.0,2.0,0.9,0.1,3
        1,a,1.0,3.0,0.5,0.0,3
        2,a,2.0,3.0,0.85,0.05,3
        3,b,,1.0,0.3,0.0,3
        4,b,,2.0,0.2,0.0,3
        5,b,,3.0,0.1,0.0,3
        """);
    StringBuilder runs = new StringBuilder("trialNumber,seed,trainAccuracy,testAccuracy,x\n");
    double[][] acc = {
      {0.8, 0.9, 1.0},
      {0.5, 0.5, 0.5},
      {0.8, 0.85, 0.9},
      {0.3, 0.3, 0.3},
      {0.2, 0.2, 0.2},
      {0.1, 0.1, 0.1}
    };
    for (int t = 0; t < acc.length; t++) {
      for (int s = 0; s < 3; s++) {
        runs.append(t).append(',').append(s + 1).append(",1.0,").append(acc[t][s]).append(",0\n");
      }
    }
    Files.writeString(dir.resolve("runs.csv"), runs);
    return dir;
  }

  @Test
  void ranksSetsAndTellsWhichAreIndistinguishableFromTheBest() throws IOException {
    Grid g = new Grid(StudyResult.read(smallGrid(dir)));
    assertThat(g.best().key()).isEqualTo("encoder=a, x=1, y=2");
    assertThat(g.best().runs()).containsExactly(0.8, 0.9, 1.0);
    assertThat(g.ranked()).extracting(Grid.Cell::rank).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(g.cell("encoder=a, x=2, y=3").rank()).isEqualTo(2);
    // 0.85 +- 0.05 vs 0.9 +- 0.1 over 3 runs: not told apart; 0.5 without spread: told apart
    assertThat(g.indistinguishableFromBest("encoder=a, x=2, y=3", 0.05)).isTrue();
    assertThat(g.indistinguishableFromBest("encoder=a, x=1, y=3", 0.05)).isFalse();
    assertThat(g.topGroup(0.05)).hasSize(2);
    assertThat(g.runsPerSet()).isEqualTo(3);
    assertThat(g.study().wallSeconds()).hasValue(12.5);
  }

  @Test
  void benchProblemIsTheFullProductWithInvalidCellsWorthNothing() throws IOException {
    Grid g = new Grid(StudyResult.read(smallGrid(dir)));
    Path out = dir.resolve("bench.csv");
    assertThat(g.writeBenchProblem(out)).isEqualTo(2 * 2 * 3);
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).isEqualTo("encoder,x,y,mean,sd");
    // x is inactive for b: both x values carry b's value
    assertThat(rows).contains("b,1,2,0.8,0.0", "b,2,2,0.8,0.0");
    // a with x >= y breaks the constraint
    assertThat(rows).contains("a,2,2,1.0,0.0", "a,1,1,1.0,0.0");
    String best = rows.stream().filter(r -> r.startsWith("a,1,2,")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(best.split(",")[3])).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void runsTableHasEveryRunOfEverySetBestFirst() throws IOException {
    Grid g = new Grid(StudyResult.read(smallGrid(dir)));
    Path out = dir.resolve("runs-table.csv");
    g.writeRunsTable(out);
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).isEqualTo("rank,encoder,x,y,mean,std,runs,run_1,run_2,run_3");
    assertThat(rows.get(1)).isEqualTo("1,a,1,2,0.9,0.1,3,0.8,0.9,1.0");
    assertThat(rows).hasSize(7);
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> StudyResult.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("study.json");
  }
}
