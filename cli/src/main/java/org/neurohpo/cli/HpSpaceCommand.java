package org.neurohpo.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.experiments.HpSpaceListing;
import org.neurohpo.neuro.hp.HyperParameterCatalog;
import org.neurohpo.neuro.hp.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists every hyperparameter with its category, type, range and default. */
@Command(
    name = "hp-space",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every hyperparameter (HP) with its category, type, range and default.",
      "Categories: encoding (data to spikes), training (EONS), hardware (RISP)."
    })
final class HpSpaceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print a JSON array instead of a table")
  boolean json;

  @Override
  public Integer call() {
    List<ParameterSpec> all = HyperParameterCatalog.all();
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? HpSpaceListing.json(all) : HpSpaceListing.table(all));
    out.flush();
    return ExitCodes.OK;
  }
}
