package org.neurohpo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.Stats;
import org.neurohpo.experiments.StudyResult;

/**
 * The report of a grid-vs-search experiment folder:
 *
 * <pre>
 * DIR/experiment.json                 what was run: dataset, commands, machine, dates (optional)
 * DIR/grid/                           the grid study (neurohpo run --out)
 * DIR/search/STRATEGY/seed-S/         one search study per strategy and optimizer seed
 * </pre>
 *
 * It writes {@code DIR/report/report.html} with its figures (PNG and SVG) and data (CSV), and
 * {@code DIR/report/grid-bench.csv}, the grid as a problem of the benchmark harness.
 */
public final class GridVsSearchReport {
  /** Level of Welch's test for "as good as the grid's best". */
  public static final double ALPHA = 0.05;

  private GridVsSearchReport() {}

  /** Writes the report; returns the path of report.html. */
  public static Path write(Path dir) throws IOException {
    GridVsSearch a = analyse(dir);
    Grid grid = a.grid();
    JsonNode meta =
        Files.exists(dir.resolve("experiment.json"))
            ? new ObjectMapper().readTree(dir.resolve("experiment.json").toFile())
            : new ObjectMapper().createObjectNode();
    String dataset = grid.study().spec().path("dataset").asText();
    Path out = dir.resolve("report");
    Path figures = out.resolve("figures");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    a.writeCurves(data.resolve("best-so-far.csv"));
    a.writeOutcomes(data.resolve("outcomes.csv"));
    grid.writeRunsTable(data.resolve("grid-runs.csv"));
    int cells = grid.writeBenchProblem(out.resolve("grid-bench.csv"));

    HtmlReport html = new HtmlReport("Grid vs search on " + dataset);
    html.paragraph(
        "Does a search with few HP sets and few runs per set find the best set of an exhaustive"
            + " grid? The grid is the ground truth: each of its "
            + grid.ranked().size()
            + " sets was run "
            + grid.runsPerSet()
            + " times. A set counts as as good as the grid's best when Welch's two-sided t-test"
            + " on the two sets' grid runs does not reject equal means at level "
            + ALPHA
            + ". A search's recommendation after k evaluations is the set with the best mean it"
            + " measured itself; the curves show that set's accuracy on the grid. The grid's"
            + " curves (its own order, and random orders for a band) count sets too, but each of"
            + " its sets costs all its runs, and it recommends by those many-run means, so it"
            + " never mistakes a lucky set for a good one.");
    html.howItWasRun(meta);
    html.heading("Outcome");
    List<List<String>> rows = new ArrayList<>();
    for (GridVsSearch.StrategyOutcome o : a.outcomes().values()) {
      Cells c = cells(o);
      rows.add(
          List.of(
              o.strategy(),
              c.studies(),
              c.setsTimesRuns(),
              c.foundTop(),
              c.evaluationsToTop(),
              c.rank(),
              c.wall(),
              c.foundTopByPosterior(),
              c.rankByPosterior()));
    }
    rows.add(
        List.of(
            "grid (random orders)",
            GridVsSearch.GRID_ORDERS + " orders",
            grid.ranked().size() + " x " + grid.runsPerSet(),
            "yes (it ends at the best)",
            String.format("%.1f", a.gridOrdersEvaluationsToTop()),
            "1",
            "-",
            "-",
            "-"));
    html.table(
        List.of(
            "search",
            "studies (optimizer seeds)",
            "sets x runs per study",
            "recommends a set as good as the grid's best",
            "median evaluations to first evaluate such a set",
            "median grid rank of the recommendation",
            "median wall time per study",
            "by GP posterior mean: as good as the grid's best",
            "by GP posterior mean: median grid rank"),
        rows);
    html.paragraph(
        "The last two columns judge another recommendation rule on the same studies: the GP of"
            + " the optimizer fitted to all of a study's trial means, recommending the evaluated"
            + " set with the highest posterior mean. With noisy measurements it shrinks a lucky"
            + " set towards its neighbours; it applies to random search's trials too.");
    html.figure(
        Figure.save(
            Charts.bestSoFar(a, "Best so far on " + dataset),
            figures,
            "best-so-far",
            "Grid mean test accuracy of the recommended set after each evaluation; bands are the"
                + " interquartile range over optimizer seeds."),
        "figures");
    html.figure(
        Figure.save(
            Charts.landscape(grid, grid.study().searched().get(0), "The grid on " + dataset),
            figures,
            "grid-landscape",
            "Every set of the grid by rank, coloured by " + grid.study().searched().get(0) + "."),
        "figures");
    html.heading("The grid's best sets");
    List<List<String>> top = new ArrayList<>();
    for (Grid.Cell c : grid.ranked().subList(0, Math.min(10, grid.ranked().size()))) {
      top.add(
          List.of(
              Integer.toString(c.rank()),
              c.key(),
              String.format("%.4f", c.mean()),
              String.format("%.4f", c.std()),
              c == grid.best()
                  ? "-"
                  : String.format("%.3g", Stats.welchP(c.runs(), grid.best().runs()))));
    }
    html.table(List.of("rank", "set", "mean", "std", "Welch p vs best"), top);
    html.paragraph(
        grid.topGroup(ALPHA).size()
            + " sets of the grid are as good as its best at level "
            + ALPHA
            + ".");
    html.heading("Data");
    html.links(
        "CSV behind the figures and tables:",
        List.of("data/best-so-far.csv", "data/outcomes.csv", "data/grid-runs.csv"));
    html.paragraph(
        "grid-bench.csv is the grid as a problem of the benchmark harness ("
            + cells
            + " product cells; invalid ones are worth accuracy 0): python3"
            + " ../shared/bench/bench.py run --problem grid-bench.csv ...");
    Path file = out.resolve("report.html");
    html.write(file);
    return file;
  }

  /** A strategy's outcome as the tables print it; "-" where it does not apply. */
  record Cells(
      String studies,
      String setsTimesRuns,
      String foundTop,
      String evaluationsToTop,
      String rank,
      String wall,
      String foundTopByPosterior,
      String rankByPosterior) {}

  static Cells cells(GridVsSearch.StrategyOutcome o) {
    int n = o.traces().size();
    StudyResult first = o.traces().get(0).study();
    boolean posterior = !Double.isNaN(o.medianFinalRankByPosterior());
    return new Cells(
        Integer.toString(n),
        first.scheduled()
            ? String.format(
                "%d sets, %.0f runs (median)",
                o.traces().get(0).evaluations(),
                Stats.quantile(
                    o.traces().stream().mapToDouble(t -> t.study().runs()).toArray(), 0.5))
            : o.traces().get(0).evaluations() + " x " + first.spec().path("seeds").size(),
        o.foundTop() + " of " + n,
        Double.isInfinite(o.medianEvaluationsToTop())
            ? "not reached"
            : String.format("%.1f", o.medianEvaluationsToTop()),
        String.format("%.1f", o.medianFinalRank()),
        Double.isNaN(o.medianWallSeconds()) ? "-" : String.format("%.0f s", o.medianWallSeconds()),
        posterior ? o.foundTopByPosterior() + " of " + n : "-",
        posterior ? String.format("%.1f", o.medianFinalRankByPosterior()) : "-");
  }

  /** The analysis of an experiment folder: its grid, and every search study under search/. */
  public static GridVsSearch analyse(Path dir) throws IOException {
    Grid grid = new Grid(StudyResult.read(dir.resolve("grid")));
    Map<String, List<StudyResult>> searches = new LinkedHashMap<>();
    searches.put(GRID_ROW, List.of(grid.study()));
    // every sub-folder, by name (seed-1, seed-10, seed-2, ...: the order outcomes.csv has)
    for (Path strategy : ExperimentFolders.strategies(dir.resolve("search"))) {
      List<StudyResult> studies = new ArrayList<>();
      for (Path seed : ExperimentFolders.strategies(strategy)) {
        studies.add(StudyResult.read(seed));
      }
      if (!studies.isEmpty()) {
        searches.put(strategy.getFileName().toString(), studies);
      }
    }
    return new GridVsSearch(grid, searches, ALPHA);
  }

  /** The row of the grid walked in its own order. */
  public static final String GRID_ROW = "grid (its order)";
}
