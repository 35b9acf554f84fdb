package org.neurohpo.neuro.hp;

import static org.neurohpo.neuro.hp.Category.ENCODING;
import static org.neurohpo.neuro.hp.Category.HARDWARE;
import static org.neurohpo.neuro.hp.Category.TRAINING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.neuro.hp.ParameterSpec.BoolSpec;
import org.neurohpo.neuro.hp.ParameterSpec.CategoricalSpec;
import org.neurohpo.neuro.hp.ParameterSpec.FloatSpec;
import org.neurohpo.neuro.hp.ParameterSpec.IntSpec;
import org.neurohpo.risp.ProcParams;

/** Every HP of an evaluation, with its category, type, range, default and meaning. */
public final class HyperParameterCatalog {
  private static final List<ParameterSpec> ALL =
      List.of(
          // encoding
          new CategoricalSpec(
              "encoder",
              ENCODING,
              List.of("bins", "rate", "temporal", "triangle", "flipflop", "charge"),
              "bins",
              "how feature values become input spikes"),
          new IntSpec("bins", ENCODING, 2, 16, 4, "bins or triangular fields per feature"),
          new IntSpec("maxSpikes", ENCODING, 1, 16, 4, "most spikes per value (rate, flipflop)"),
          new IntSpec("interval", ENCODING, 1, 8, 2, "timesteps between spikes (rate, flipflop)"),
          new IntSpec("timeWindow", ENCODING, 2, 64, 8, "spike-time window (temporal)"),
          new IntSpec("simTime", ENCODING, 1, 500, 24, "timesteps simulated per sample"),
          new CategoricalSpec(
              "decoder",
              ENCODING,
              List.of("wta", "first"),
              "wta",
              "winner-take-all on spike counts, or first output to spike"),
          // training (EONS)
          new IntSpec("populationSize", TRAINING, 4, 2000, 100, "networks per generation"),
          new IntSpec("generations", TRAINING, 1, 10000, 100, "generations of evolution"),
          new IntSpec("startingNodes", TRAINING, 0, 200, 5, "hidden neurons of a new network"),
          new IntSpec("startingEdges", TRAINING, 0, 2000, 10, "synapses of a new network"),
          new FloatSpec("crossoverRate", TRAINING, 0, 1, 0.5, "chance a child is a crossover"),
          new FloatSpec("mergeRate", TRAINING, 0, 1, 0.0, "chance a child merges two parents"),
          new FloatSpec("mutationRate", TRAINING, 0, 1, 0.9, "chance a child is mutated"),
          new IntSpec("numMutations", TRAINING, 1, 50, 3, "mutations applied to a mutated child"),
          new FloatSpec(
              "tournamentSizeFactor", TRAINING, 0, 1, 0.1, "tournament size / population size"),
          new FloatSpec(
              "tournamentBestNetFactor",
              TRAINING,
              0,
              1,
              0.9,
              "chance the tournament's best network wins"),
          new FloatSpec(
              "randomFactor", TRAINING, 0, 1, 0.05, "share of random new networks per generation"),
          new IntSpec("numBest", TRAINING, 0, 1000, 4, "best networks kept unchanged (elitism)"),
          new FloatSpec("addNodeRate", TRAINING, 0, 100, 0.75, "weight of 'add a neuron'"),
          new FloatSpec("deleteNodeRate", TRAINING, 0, 100, 0.25, "weight of 'delete a neuron'"),
          new FloatSpec("addEdgeRate", TRAINING, 0, 100, 0.75, "weight of 'add a synapse'"),
          new FloatSpec("deleteEdgeRate", TRAINING, 0, 100, 0.25, "weight of 'delete a synapse'"),
          new FloatSpec(
              "nodeParamsRate", TRAINING, 0, 100, 2.5, "weight of 'change a neuron parameter'"),
          new FloatSpec(
              "edgeParamsRate", TRAINING, 0, 100, 2.5, "weight of 'change a synapse parameter'"),
          new FloatSpec(
              "weightMutationWeight",
              TRAINING,
              0,
              100,
              0.65,
              "weight of changing a synapse's weight"),
          new FloatSpec(
              "delayMutationWeight",
              TRAINING,
              0,
              100,
              0.35,
              "weight of changing a synapse's delay"),
          new FloatSpec(
              "thresholdMutationWeight",
              TRAINING,
              0,
              100,
              1.0,
              "weight of changing a neuron's threshold"),
          // hardware
          new CategoricalSpec(
              "preset",
              HARDWARE,
              ProcParams.presetNames(),
              "RISP-7",
              "RISP precision: F (float) or n (weights in [-n, n]); '+' positive only"),
          new CategoricalSpec(
              "leakMode",
              HARDWARE,
              List.of("none", "all", "configurable"),
              "none",
              "neurons keep their potential, lose it every step, or each chooses"),
          new IntSpec("maxDelay", HARDWARE, 1, 255, 15, "largest synapse delay (timesteps)"),
          new BoolSpec(
              "thresholdInclusive",
              HARDWARE,
              true,
              "fire at potential >= threshold (else > threshold)"));

  private static final Map<String, ParameterSpec> BY_NAME = new LinkedHashMap<>();

  static {
    for (ParameterSpec p : ALL) {
      BY_NAME.put(p.name(), p);
    }
  }

  private HyperParameterCatalog() {}

  public static List<ParameterSpec> all() {
    return ALL;
  }

  public static Optional<ParameterSpec> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The HP of that name; the error for an unknown one suggests the closest known name. */
  public static ParameterSpec get(String name) {
    ParameterSpec p = BY_NAME.get(name);
    if (p == null) {
      throw new HyperParameterException(
          "unknown HP '"
              + name
              + "' (did you mean "
              + closest(name)
              + "? 'neurohpo hp-space'"
              + " lists them all)");
    }
    return p;
  }

  static String closest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : BY_NAME.keySet()) {
      int d = distance(name.toLowerCase(), known.toLowerCase());
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
