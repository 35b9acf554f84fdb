package org.neurohpo.results.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.PinnedSpace;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;

/**
 * A study spec that evaluates exactly one HP set, a study's best, again: a grid of one set (every
 * HP of the best set a one-value choice), the study's other fixed HPs, data set and seeds. It is
 * what the dashboard offers to copy, to rerun the best set with more seeds or on a cluster.
 */
public final class RerunSpec {
  private RerunSpec() {}

  public static ObjectNode of(StudySpec spec, TrialCompleted best) {
    ObjectNode root = EventCodec.mapper().createObjectNode();
    root.put("name", spec.name() + "-best-trial-" + best.trialNumber());
    root.put("dataset", spec.dataset());
    root.put("strategy", "grid");
    root.put("budget", 1);
    ArrayNode seeds = root.putArray("seeds");
    spec.seeds().forEach(seeds::add);
    root.put("optimizerSeed", spec.optimizerSeed());
    Map<String, Object> searched = new LinkedHashMap<>();
    best.params()
        .forEach(
            (k, v) -> {
              if (!isFixed(spec, k, v)) { // the study's fixed HPs stay fixed
                searched.put(k, v);
              }
            });
    root.set("searchSpace", PinnedSpace.of(searched));
    ObjectNode fixed = root.putObject("fixedParams");
    for (Map.Entry<String, Object> f : spec.fixedParams().entrySet()) {
      if (!best.params().containsKey(f.getKey())
          || isFixed(spec, f.getKey(), best.params().get(f.getKey()))) {
        fixed.set(f.getKey(), EventCodec.mapper().valueToTree(f.getValue()));
      }
    }
    return root;
  }

  /** Whether a trial's HP value is the study's fixed value of that HP (numbers by value). */
  private static boolean isFixed(StudySpec spec, String name, Object value) {
    Object f = spec.fixedParams().get(name);
    if (f instanceof Number a && value instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return f != null && String.valueOf(f).equals(String.valueOf(value));
  }
}
