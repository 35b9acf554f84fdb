package org.neurohpo.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

/**
 * A measured grid: every HP set of a grid study with all its runs. The ground truth that searches
 * with fewer runs are judged against.
 */
public final class Grid {

  /**
   * One set of the grid, ranked 1 (best mean test accuracy) to n: its test runs and, run by run,
   * its validation runs (none in a grid measured before validation existed).
   */
  public record Cell(
      String key,
      Map<String, String> params,
      double mean,
      double std,
      double[] runs,
      int rank,
      double[] validationRuns) {}

  private final StudyResult study;
  private final List<Cell> ranked;
  private final Map<String, Cell> byKey = new LinkedHashMap<>();

  public Grid(StudyResult study) {
    this.study = study;
    List<StudyResult.Trial> ts = new ArrayList<>(study.trials());
    ts.sort(
        Comparator.comparingDouble((StudyResult.Trial t) -> -t.mean())
            .thenComparingInt(StudyResult.Trial::number));
    List<Cell> cells = new ArrayList<>();
    for (StudyResult.Trial t : ts) {
      Cell c =
          new Cell(
              study.key(t.params()),
              t.params(),
              t.mean(),
              t.std(),
              t.testAccuracies(),
              cells.size() + 1,
              t.validationAccuracies());
      if (byKey.putIfAbsent(c.key(), c) != null) {
        throw new IllegalArgumentException(
            study.dir() + ": the grid holds the set " + c.key() + " twice");
      }
      cells.add(c);
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(study.dir() + ": the grid has no trials");
    }
    this.ranked = List.copyOf(cells);
  }

  public StudyResult study() {
    return study;
  }

  /** Cells from best to worst. */
  public List<Cell> ranked() {
    return ranked;
  }

  public Cell best() {
    return ranked.get(0);
  }

  /** The cell of a set, or null when the grid does not hold it. */
  public Cell cell(String key) {
    return byKey.get(key);
  }

  /** Runs per set (the smallest count, should all be equal). */
  public int runsPerSet() {
    return ranked.stream().mapToInt(c -> c.runs().length).min().orElse(0);
  }

  /**
   * Whether a set's runs are statistically indistinguishable from the best set's: Welch's t-test,
   * two-sided, not rejecting equal means at level {@code alpha}. The best set is so by definition.
   */
  public boolean indistinguishableFromBest(String key, double alpha) {
    Cell c = byKey.get(key);
    if (c == null) {
      return false;
    }
    return c == best() || Stats.welchP(c.runs(), best().runs()) >= alpha;
  }

  /** Sets indistinguishable from the best at {@code alpha}. */
  public List<Cell> topGroup(double alpha) {
    return ranked.stream().filter(c -> indistinguishableFromBest(c.key(), alpha)).toList();
  }

  /**
   * Per set: the searched parameters, mean, std, runs and every run's test accuracy (columns
   * run_1..run_R), best first.
   */
  public void writeRunsTable(Path file) throws IOException {
    int r = ranked.stream().mapToInt(c -> c.runs().length).max().orElse(0);
    StringBuilder sb = new StringBuilder("rank,");
    sb.append(String.join(",", study.searched())).append(",mean,std,runs");
    for (int i = 1; i <= r; i++) {
      sb.append(",run_").append(i);
    }
    sb.append('\n');
    for (Cell c : ranked) {
      sb.append(c.rank());
      for (String n : study.searched()) {
        sb.append(',').append(c.params().getOrDefault(n, ""));
      }
      sb.append(',')
          .append(c.mean())
          .append(',')
          .append(c.std())
          .append(',')
          .append(c.runs().length);
      for (double v : c.runs()) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    Files.writeString(file, sb);
  }

  /**
   * The grid as a problem of the benchmark harness ({@code ../shared/bench}, {@code --problem
   * FILE.csv}): one column per searched parameter, then {@code mean} (the value to minimise: 1 -
   * mean test accuracy) and {@code sd} (one run's standard deviation).
   *
   * <p>The harness's space is the product of the columns' values, while the grid is conditional
   * (parameters of other encoders are inactive) and constrained. So every product cell is written:
   * a cell whose active parameters form a valid grid set gets that set's values (inactive
   * parameters change nothing); a cell the constraints rule out gets {@code mean} 1 (accuracy 0,
   * what an invalid HP set is worth) and {@code sd} 0. The harness counts "evaluations to the
   * optimum" for its first best cell only; regret is exact.
   */
  public int writeBenchProblem(Path file) throws IOException {
    SearchSpace space = SpaceJson.fromNode(study.spec().path("searchSpace"));
    List<List<String>> values = new ArrayList<>();
    for (String n : study.searched()) {
      values.add(columnValues(n));
    }
    StringBuilder sb = new StringBuilder(String.join(",", study.searched())).append(",mean,sd\n");
    int[] idx = new int[values.size()];
    int rows = 0;
    while (true) {
      Map<String, Object> raw = new LinkedHashMap<>();
      Map<String, String> text = new LinkedHashMap<>();
      for (int i = 0; i < idx.length; i++) {
        String v = values.get(i).get(idx[i]);
        text.put(study.searched().get(i), v);
        raw.put(study.searched().get(i), typed(v));
      }
      Map<String, Object> canonical = space.canonical(raw);
      Map<String, String> active = new LinkedHashMap<>();
      text.forEach(
          (k, v) -> {
            if (canonical.containsKey(k)) {
              active.put(k, v);
            }
          });
      Cell c = space.isValid(canonical) ? byKey.get(study.key(active)) : null;
      sb.append(String.join(",", text.values()));
      if (c != null) {
        sb.append(',').append(1 - c.mean()).append(',').append(c.std());
      } else {
        sb.append(",1.0,0.0");
      }
      sb.append('\n');
      rows++;
      int k = idx.length - 1;
      while (k >= 0 && ++idx[k] == values.get(k).size()) {
        idx[k--] = 0;
      }
      if (k < 0) {
        break;
      }
    }
    Files.writeString(file, sb);
    return rows;
  }

  /** The values a parameter takes in the grid, in their first-seen (numeric: ascending) order. */
  private List<String> columnValues(String name) {
    List<String> seen = new ArrayList<>();
    for (Cell c : ranked) {
      String v = c.params().get(name);
      if (v != null && !seen.contains(v)) {
        seen.add(v);
      }
    }
    if (seen.stream().allMatch(Grid::isNumber)) {
      seen.sort(Comparator.comparingDouble(Double::parseDouble));
    }
    return seen;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Object typed(String v) {
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    return isNumber(v) ? (Object) Double.parseDouble(v) : v;
  }
}
