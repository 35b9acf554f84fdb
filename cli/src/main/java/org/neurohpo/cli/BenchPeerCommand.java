package org.neurohpo.cli;

import java.util.concurrent.Callable;
import org.neurohpo.bayes.bench.BenchPeer;
import picocli.CommandLine.Command;

/** Speaks the benchmark harness's JSON-lines contract on stdin/stdout (../shared/bench). */
@Command(
    name = "bench-peer",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Bayesian optimizer as a peer of the benchmark harness (../shared/bench).",
      "JSON lines in on stdin (init, ask, tell, close), JSON lines out on stdout, logs on stderr."
    })
final class BenchPeerCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return BenchPeer.run(System.in, System.out, System.err);
  }
}
