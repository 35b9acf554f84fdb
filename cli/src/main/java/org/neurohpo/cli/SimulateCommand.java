package org.neurohpo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.NetworkJson;
import org.neurohpo.risp.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a network on input spikes with the RISP processor and prints the output fires. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a TENNLab network on the RISP simulator and prints its output fires.",
      "Loads the network (JSON with proc_params), applies the input spikes, runs N timesteps",
      "from a cleared state and prints {\"counts\":{...},\"steps\":N,\"times\":{...}} keyed by",
      "output node id: the golden-case expected.json format."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETWORK.json", description = "TENNLab network file")
  Path network;

  @Option(
      names = "--spikes",
      required = true,
      paramLabel = "SPIKES.json",
      description =
          "input spikes: [{\"node\":<input node id>,\"time\":<int>,\"value\":<0..1>}, ...]")
  Path spikes;

  @Option(
      names = "--steps",
      required = true,
      paramLabel = "N",
      description = "timesteps to run (run_time_inclusive networks run N+1)")
  int steps;

  @Override
  public Integer call() {
    if (steps < 0) {
      throw new IllegalArgumentException("--steps must be >= 0, got " + steps);
    }
    Network net = NetworkJson.read(network);
    String json = Simulation.goldenJson(net, Simulation.readSpikes(spikes, net), steps);
    spec.commandLine().getOut().println(json);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
