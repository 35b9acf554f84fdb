package org.neurohpo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.report.GridVsSearchReport;
import org.neurohpo.report.HardwareReport;
import org.neurohpo.report.SensitivityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** (Re)writes the HTML reports of experiment folders. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes DIR/report/report.html (figures as PNG and SVG, data as CSV) for each experiment",
      "folder, e.g. one written by `neurohpo experiment grid-vs-search --out DIR`."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "experiment folders")
  List<Path> dirs;

  @Override
  public Integer call() throws Exception {
    for (Path d : dirs) {
      if (!Files.isDirectory(d.resolve("grid"))
          && !Files.isDirectory(d.resolve("sample"))
          && !Files.isDirectory(d.resolve("validation"))) {
        throw new IllegalArgumentException(
            d
                + " is not an experiment folder (no grid/, sample/ or validation/ in it; see"
                + " `neurohpo experiment`)");
      }
    }
    for (Path d : dirs) {
      Path page;
      if (Files.isDirectory(d.resolve("sample"))) {
        page = SensitivityReport.write(d);
      } else if (Files.isDirectory(d.resolve("validation"))) {
        page = HardwareReport.write(d);
      } else {
        page = GridVsSearchReport.write(d);
      }
      spec.commandLine().getOut().println("wrote " + page);
    }
    return ExitCodes.OK;
  }
}
