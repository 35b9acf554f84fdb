package org.neurohpo.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurohpo.experiments.Grid;

/**
 * One page over several grid-vs-search experiment folders (one per data set, typically): for every
 * data set and search, whether its recommendations are as good as the grid's best, by the measured
 * mean and by the GP posterior mean, and the best-so-far curves side by side. Each folder's own
 * report stays the place for the details; the summary links to it.
 */
public final class GridVsSearchSummary {
  private GridVsSearchSummary() {}

  /** Writes OUT/report.html, OUT/figures and OUT/data/summary.csv; returns report.html's path. */
  public static Path write(List<Path> dirs, Path out) throws IOException {
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("a summary needs at least one grid-vs-search folder");
    }
    Path figures = out.resolve("figures");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    List<String> header =
        List.of(
            "data set",
            "experiment folder",
            "grid sets x runs",
            "sets as good as the best",
            "search",
            "studies",
            "sets x runs per study",
            "as good as the grid's best (measured mean)",
            "median grid rank (measured mean)",
            "as good as the grid's best (GP posterior mean)",
            "median grid rank (GP posterior mean)",
            "median wall time per study");
    List<List<String>> rows = new ArrayList<>();
    List<Figure> curves = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (Path dir : dirs) {
      GridVsSearch a = GridVsSearchReport.analyse(dir);
      Grid grid = a.grid();
      String dataset = grid.study().spec().path("dataset").asText();
      String folder = dir.toAbsolutePath().normalize().getFileName().toString();
      for (GridVsSearch.StrategyOutcome o : a.outcomes().values()) {
        if (o.strategy().equals(GridVsSearchReport.GRID_ROW)) {
          continue;
        }
        GridVsSearchReport.Cells c = GridVsSearchReport.cells(o);
        rows.add(
            List.of(
                dataset,
                folder,
                grid.ranked().size() + " x " + grid.runsPerSet(),
                Integer.toString(grid.topGroup(a.alpha()).size()),
                o.strategy(),
                c.studies(),
                c.setsTimesRuns(),
                c.foundTop(),
                c.rank(),
                c.foundTopByPosterior(),
                c.rankByPosterior(),
                c.wall()));
      }
      curves.add(
          Figure.save(
              Charts.bestSoFar(a, "Best so far on " + dataset + " (" + folder + ")"),
              figures,
              "best-so-far-" + folder,
              "Grid mean test accuracy of the recommended set after each evaluation on "
                  + dataset
                  + " ("
                  + folder
                  + "); bands are the interquartile range over optimizer seeds."));
      links.add(relative(out, dir.resolve("report").resolve("report.html")));
    }
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", header.stream().map(GridVsSearchSummary::quoted).toList()));
    csv.append('\n');
    for (List<String> r : rows) {
      csv.append(String.join(",", r.stream().map(GridVsSearchSummary::quoted).toList()));
      csv.append('\n');
    }
    Files.writeString(data.resolve("summary.csv"), csv);

    HtmlReport html = new HtmlReport("Grid vs search over data sets");
    html.paragraph(
        "For each data set, an exhaustive grid of encoding HP sets is the ground truth, and each"
            + " search (one study per optimizer seed) is judged by the set it recommends at the"
            + " end: is it as good as the grid's best (Welch's two-sided t-test on the two sets'"
            + " grid runs does not reject equal means at level "
            + GridVsSearchReport.ALPHA
            + "), and what is its rank in the grid. Two recommendation rules are judged on the"
            + " same studies: the set with the best measured mean, and the evaluated set with"
            + " the best posterior mean of the optimizer's GP fitted to all the study's trials.");
    html.table(header, rows);
    for (Figure f : curves) {
      html.figure(f, "figures");
    }
    html.links("Each data set's own report:", links);
    html.links("Data:", List.of("data/summary.csv"));
    Path file = out.resolve("report.html");
    html.write(file);
    return file;
  }

  private static String relative(Path from, Path to) {
    return from.toAbsolutePath()
        .normalize()
        .relativize(to.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  private static String quoted(String v) {
    return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
