package org.neurohpo.cli;

import java.util.List;
import java.util.Map;
import org.neurohpo.experiments.Summary;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.evaluation.RunResult;
import org.neurohpo.neuro.hp.HyperParameterSet;

/** The readable form of an evaluation: the HP set, a row per run and the summary. */
final class EvaluationTable {
  private EvaluationTable() {}

  static String render(Dataset data, HyperParameterSet hp, List<RunResult> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "data set  %s (%d samples, %d features, %d classes)%n",
            data.name(), data.labels().length, data.featureNames().length, data.numClasses()));
    sb.append("params   ");
    for (Map.Entry<String, Object> e : hp.asMap().entrySet()) {
      sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
    }
    sb.append(System.lineSeparator()).append(System.lineSeparator());
    sb.append(
        String.format(
            "%6s  %6s  %6s  %6s  %7s  %8s  %13s  %8s%n",
            "seed", "train", "valid", "test", "neurons", "synapses", "spikes/sample", "seconds"));
    for (RunResult r : runs) {
      sb.append(
          String.format(
              "%6d  %6.3f  %6.3f  %6.3f  %7d  %8d  %13.1f  %8.2f%n",
              r.seed(),
              r.trainAccuracy(),
              r.validationAccuracy(),
              r.testAccuracy(),
              r.neurons(),
              r.synapses(),
              r.spikesPerSample(),
              r.seconds()));
    }
    Summary v = Summary.of(runs.stream().mapToDouble(RunResult::validationAccuracy).toArray());
    Summary s = Summary.of(runs.stream().mapToDouble(RunResult::testAccuracy).toArray());
    sb.append(
        String.format(
            "%nvalidation accuracy: mean %.3f, std %.3f, median %.3f over %d run(s)",
            v.mean(), v.std(), v.median(), runs.size()));
    sb.append(
        String.format(
            "%ntest accuracy:       mean %.3f, std %.3f, median %.3f over %d run(s)",
            s.mean(), s.std(), s.median(), runs.size()));
    return sb.toString();
  }
}
