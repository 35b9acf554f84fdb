package org.neurohpo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.GridTest;
import org.neurohpo.experiments.StudyResult;

class GridVsSearchReportTest {

  @TempDir Path dir;

  /** A search study that evaluated the given sets (encoder, x, y) with the given measured means. */
  private static void search(Path d, String[][] sets, double[] means) throws IOException {
    Files.createDirectories(d);
    Files.writeString(
        d.resolve("study.json"),
        Files.readString(GridTest.smallGrid(Files.createTempDirectory("g")).resolve("study.json"))
            .replace("\"strategy\": \"grid\"", "\"strategy\": \"random\""));
    Files.writeString(d.resolve("summary.json"), "{\"wallSeconds\": 3.0}");
    StringBuilder t = new StringBuilder("number,encoder,x,y,mean,std,runs\n");
    StringBuilder r = new StringBuilder("trialNumber,seed,trainAccuracy,testAccuracy\n");
    for (int i = 0; i < sets.length; i++) {
      t.append(i).append(',').append(String.join(",", sets[i])).append(',').append(means[i]);
      t.append(",0.0,1\n");
      r.append(i).append(",1,1.0,").append(means[i]).append('\n');
    }
    Files.writeString(d.resolve("trials.csv"), t);
    Files.writeString(d.resolve("runs.csv"), r);
  }

  @Test
  void traceFollowsTheSearchsOwnIncumbentJudgedByTheGrid() throws IOException {
    Grid g = new Grid(StudyResult.read(GridTest.smallGrid(dir.resolve("grid"))));
    search(
        dir.resolve("s"),
        new String[][] {{"b", "", "1.0"}, {"a", "1.0", "3.0"}, {"a", "2.0", "3.0"}},
        new double[] {0.4, 0.95, 0.7});
    SearchTrace t = new SearchTrace(StudyResult.read(dir.resolve("s")), g, 0.05);
    // measured 0.95 for a/1/3 (lucky): the search recommends it though its grid mean is 0.5
    assertThat(t.trueBestSoFar()).containsExactly(0.3, 0.5, 0.5);
    assertThat(t.finalIncumbent()).isEqualTo("encoder=a, x=1, y=3");
    // a/2/3 (third evaluation) is indistinguishable from the grid's best
    assertThat(t.evaluationsToTop()).isEqualTo(3);
  }

  @Test
  void aSetMeasuredAgainCountsByAllItsRuns() throws IOException {
    Grid g = new Grid(StudyResult.read(GridTest.smallGrid(dir.resolve("grid"))));
    // a/1/3 lucky at first (0.95), then measured again at 0.35: pooled 0.65, below a/2/3's 0.7
    search(
        dir.resolve("s"),
        new String[][] {{"a", "1.0", "3.0"}, {"a", "2.0", "3.0"}, {"a", "1.0", "3.0"}},
        new double[] {0.95, 0.7, 0.35});
    SearchTrace t = new SearchTrace(StudyResult.read(dir.resolve("s")), g, 0.05);
    assertThat(t.trueBestSoFar()).containsExactly(0.5, 0.5, 0.85);
    assertThat(t.finalIncumbent()).isEqualTo("encoder=a, x=2, y=3");
  }

  /**
   * A study with a scheduler recommends the best trial of the highest rung: here a/1/3 measured
   * 0.95 on its 1 run (pruned) loses to a/2/3's 0.7 on 3 runs, and the trace follows that rule.
   */
  @Test
  void aScheduledSearchIsJudgedByItsRecommendationTheBestOfTheHighestRung() throws IOException {
    Grid g = new Grid(StudyResult.read(GridTest.smallGrid(dir.resolve("grid"))));
    Path s = dir.resolve("s");
    search(
        s,
        new String[][] {{"b", "", "1.0"}, {"a", "1.0", "3.0"}, {"a", "2.0", "3.0"}},
        new double[] {0.4, 0.95, 0.7});
    Files.writeString(
        s.resolve("study.json"),
        Files.readString(s.resolve("study.json"))
            .replaceFirst(
                "\\{",
                "{\"scheduler\": {\"type\": \"asha\", \"fidelity\": \"runs\", \"min\": 1,"
                    + " \"max\": 3, \"eta\": 3}, "));
    Files.writeString(
        s.resolve("runs.csv"),
        "trialNumber,seed,trainAccuracy,testAccuracy\n0,1,1.0,0.4\n1,1,1.0,0.95\n"
            + "2,1,1.0,0.6\n2,2,1.0,0.7\n2,3,1.0,0.8\n");
    StudyResult study = StudyResult.read(s);
    assertThat(study.scheduled()).isTrue();
    assertThat(study.runs()).isEqualTo(5);
    assertThat(study.best().number()).isEqualTo(2);
    SearchTrace t = new SearchTrace(study, g, 0.05);
    assertThat(t.finalIncumbent()).isEqualTo("encoder=a, x=2, y=3");
    assertThat(t.trueBestSoFar()).containsExactly(0.3, 0.5, 0.85);
    assertThat(t.posteriorIncumbent()).isNull();
  }

  @Test
  void setOutsideTheGridIsNamed() throws IOException {
    Grid g = new Grid(StudyResult.read(GridTest.smallGrid(dir.resolve("grid"))));
    search(dir.resolve("s"), new String[][] {{"a", "2.0", "1.0"}}, new double[] {0.4});
    assertThatThrownBy(() -> new SearchTrace(StudyResult.read(dir.resolve("s")), g, 0.05))
        .hasMessageContaining("encoder=a, x=2, y=1")
        .hasMessageContaining("not a set of the grid");
  }

  @Test
  void writesAReportWithFiguresAndData() throws IOException {
    GridTest.smallGrid(Files.createDirectories(dir.resolve("grid")));
    search(
        dir.resolve("search/random/seed-1"),
        new String[][] {{"b", "", "2.0"}, {"a", "1.0", "2.0"}},
        new double[] {0.2, 0.9});
    search(
        dir.resolve("search/random/seed-2"),
        new String[][] {{"b", "", "3.0"}, {"b", "", "1.0"}},
        new double[] {0.1, 0.3});
    Files.writeString(
        dir.resolve("experiment.json"),
        "{\"date\": \"2026-11-29\", \"machine\": \"2 cores\", \"commands\": [\"neurohpo x\"]}");
    Path html = GridVsSearchReport.write(dir);
    String page = Files.readString(html);
    assertThat(page)
        .contains("<svg", "random", "1 of 2", "neurohpo x", "grid-bench.csv", "posterior mean");
    List<String> outcomes = Files.readAllLines(dir.resolve("report/data/outcomes.csv"));
    assertThat(outcomes.get(0))
        .endsWith(",posteriorSet,posteriorGridRank,posteriorAsGoodAsBest,runs");
    // the grid's own row has no posterior recommendation; every search row has one of its sets
    assertThat(outcomes.get(1)).startsWith("grid (its order),").matches(".*,,,,\\d+");
    assertThat(outcomes.subList(2, 4))
        .allMatch(r -> r.matches(".*,\"encoder=[ab], (x=[12], )?y=[123]\",[1-6],(true|false),2"));
    for (String f :
        List.of(
            "figures/best-so-far.png",
            "figures/best-so-far.svg",
            "figures/grid-landscape.png",
            "data/best-so-far.csv",
            "data/outcomes.csv",
            "data/grid-runs.csv",
            "grid-bench.csv")) {
      assertThat(dir.resolve("report").resolve(f)).isNotEmptyFile();
    }
    List<String> curves = Files.readAllLines(dir.resolve("report/data/best-so-far.csv"));
    // random: seed 1 recommends b/2 (0.2) then a/1/2 (0.9); seed 2 b/3 (0.1) then b/1 (0.3)
    String[] second =
        curves.stream().filter(c -> c.startsWith("2,random,")).findFirst().orElseThrow().split(",");
    assertThat(second[2]).startsWith("0.45");
    assertThat(Double.parseDouble(second[3])).isCloseTo(0.6, within(1e-12));
    assertThat(Double.parseDouble(second[4])).isCloseTo(0.75, within(1e-12));
    int cells = new Grid(StudyResult.read(dir.resolve("grid"))).ranked().size();
    List<String> orders =
        curves.stream().filter(c -> c.contains(",grid (random orders),")).toList();
    assertThat(curves).hasSize(1 + 6 + 2 + cells);
    // walked in random orders, the grid reaches its best at the end of every order
    String[] last = orders.get(cells - 1).split(",");
    double best = new Grid(StudyResult.read(dir.resolve("grid"))).best().mean();
    assertThat(Double.parseDouble(last[2])).isEqualTo(best);
    assertThat(Double.parseDouble(orders.get(0).split(",")[4])).isLessThanOrEqualTo(best);
    assertThat(page).contains("grid (random orders)");
    // the same folder gives the same report, byte for byte (figures' SVG ids included)
    GridVsSearchReport.write(dir);
    assertThat(Files.readString(html)).isEqualTo(page);
  }
}
