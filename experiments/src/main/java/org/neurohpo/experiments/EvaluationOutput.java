package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.evaluation.RunResult;
import org.neurohpo.neuro.hp.HyperParameterSet;

/**
 * What `evaluate` prints of an evaluation: the readable table (the HP set, a row per run and the
 * summary), or one JSON object.
 */
public final class EvaluationOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationOutput() {}

  public static String table(Dataset data, HyperParameterSet hp, List<RunResult> runs) {
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

  /** The JSON form: the data set, every HP, every run and the validation and test summaries. */
  public static String json(Dataset data, HyperParameterSet hp, List<RunResult> runs) {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", data.name());
    root.set("params", JSON.valueToTree(hp.asMap()));
    ArrayNode array = root.putArray("runs");
    for (RunResult r : runs) {
      ObjectNode o = array.addObject();
      o.put("seed", r.seed());
      o.put("trainAccuracy", r.trainAccuracy());
      o.put("validationAccuracy", r.validationAccuracy());
      o.put("testAccuracy", r.testAccuracy());
      o.put("neurons", r.neurons());
      o.put("synapses", r.synapses());
      o.put("spikesPerSample", r.spikesPerSample());
      o.put("synapseEventsPerSample", r.synapseEventsPerSample());
      o.put("seconds", r.seconds());
    }
    Summary v = Summary.of(runs.stream().mapToDouble(RunResult::validationAccuracy).toArray());
    root.put("meanValidationAccuracy", v.mean());
    root.put("stdValidationAccuracy", v.std());
    Summary s = Summary.of(runs.stream().mapToDouble(RunResult::testAccuracy).toArray());
    root.put("meanTestAccuracy", s.mean());
    root.put("stdTestAccuracy", s.std());
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
