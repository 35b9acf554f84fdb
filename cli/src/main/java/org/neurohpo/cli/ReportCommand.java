package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.Specs;
import org.neurohpo.report.GridVsSearchReport;
import org.neurohpo.report.GridVsSearchSummary;
import org.neurohpo.report.HardwareReport;
import org.neurohpo.report.ParetoReport;
import org.neurohpo.report.SearchComparisonReport;
import org.neurohpo.report.SensitivityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** (Re)writes the HTML reports of experiment folders. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes DIR/report/report.html (figures as PNG and SVG, data as CSV) for each experiment",
      "folder, e.g. one written by `neurohpo experiment grid-vs-search --out DIR`. With",
      "--summary OUT, also one page over the grid-vs-search folders among them (one per",
      "data set): OUT/report.html with every search's outcome per data set and the curves."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "experiment folders")
  List<Path> dirs;

  @Option(
      names = "--summary",
      paramLabel = "OUT",
      description = "also write a summary over the grid-vs-search folders to OUT/report.html")
  Path summary;

  @Override
  public Integer call() throws Exception {
    // every folder checked before any report is written
    java.util.Map<Path, String> kinds = new java.util.LinkedHashMap<>();
    for (Path d : dirs) {
      kinds.put(d, Specs.kindOf(d));
    }
    List<Path> gridVsSearch =
        dirs.stream().filter(d -> kinds.get(d).equals("grid-vs-search")).toList();
    if (summary != null && gridVsSearch.isEmpty()) {
      throw new IllegalArgumentException(
          "--summary: none of the folders is a grid-vs-search experiment");
    }
    for (Path d : dirs) {
      spec.commandLine().getOut().println("wrote " + write(kinds.get(d), d));
    }
    if (summary != null) {
      spec.commandLine()
          .getOut()
          .println("wrote " + GridVsSearchSummary.write(gridVsSearch, summary));
    }
    return ExitCodes.OK;
  }

  /** Writes the report of an experiment folder of this kind; the page written. */
  static Path write(String kind, Path dir) throws java.io.IOException {
    return switch (kind) {
      case "sensitivity" -> SensitivityReport.write(dir);
      case "hardware" -> HardwareReport.write(dir);
      case "pareto" -> ParetoReport.write(dir);
      case "joint-space" -> SearchComparisonReport.write(dir);
      default -> GridVsSearchReport.write(dir);
    };
  }
}
