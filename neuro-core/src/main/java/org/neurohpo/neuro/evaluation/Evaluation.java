package org.neurohpo.neuro.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.neurohpo.neuro.data.Dataset;
import org.neurohpo.neuro.data.MinMaxScaler;
import org.neurohpo.neuro.data.Partition;
import org.neurohpo.neuro.encoding.Decoder;
import org.neurohpo.neuro.encoding.EncodedData;
import org.neurohpo.neuro.encoding.Encoder;
import org.neurohpo.neuro.eons.Eons;
import org.neurohpo.neuro.eons.EonsParams;
import org.neurohpo.neuro.eons.EonsResult;
import org.neurohpo.neuro.eons.GenerationListener;
import org.neurohpo.neuro.hp.Category;
import org.neurohpo.neuro.hp.HyperParameterCatalog;
import org.neurohpo.neuro.hp.HyperParameterSet;
import org.neurohpo.neuro.hp.ParameterSpec;
import org.neurohpo.risp.Network;
import org.neurohpo.risp.ProcParams;

/** Evaluates one HP set on one data set; {@link #run} does one seed. See the package doc. */
public final class Evaluation {
  /** Share of each class that goes to the test split. */
  public static final double TEST_FRACTION = 0.3;

  /**
   * Share of each class's training samples (after the test split) held out for validation: with
   * {@link #TEST_FRACTION} 0.3, a run trains on 52.5 %, validates on 17.5 % and tests on 30 %.
   */
  public static final double VALIDATION_FRACTION = 0.25;

  private final Dataset data;
  private final HyperParameterSet hp;
  private final Encoder encoder;
  private final Decoder decoder;
  private final ProcParams hardware;
  private final EonsParams eons;

  private Evaluation(Dataset data, HyperParameterSet hp) {
    this.data = data;
    this.hp = hp;
    this.encoder = hp.encoder();
    this.decoder = hp.decoder();
    this.hardware = hp.procParams();
    this.eons = eonsParams(hp);
  }

  public static Evaluation prepare(Dataset data, HyperParameterSet hp) {
    return new Evaluation(data, hp);
  }

  public HyperParameterSet hyperParameters() {
    return hp;
  }

  /** EONS parameters from the {@code training} HPs. */
  public static EonsParams eonsParams(HyperParameterSet hp) {
    return new EonsParams(
        hp.getInt("populationSize"),
        hp.getInt("generations"),
        hp.getInt("startingNodes"),
        hp.getInt("startingEdges"),
        hp.getDouble("crossoverRate"),
        hp.getDouble("mergeRate"),
        hp.getDouble("mutationRate"),
        hp.getInt("numMutations"),
        hp.getDouble("tournamentSizeFactor"),
        hp.getDouble("tournamentBestNetFactor"),
        hp.getDouble("randomFactor"),
        hp.getInt("numBest"),
        hp.getDouble("addNodeRate"),
        hp.getDouble("deleteNodeRate"),
        hp.getDouble("addEdgeRate"),
        hp.getDouble("deleteEdgeRate"),
        hp.getDouble("nodeParamsRate"),
        hp.getDouble("edgeParamsRate"),
        hp.getDouble("weightMutationWeight"),
        hp.getDouble("delayMutationWeight"),
        hp.getDouble("thresholdMutationWeight"));
  }

  /**
   * Partitions by {@code seed} (train / validation / test, see {@link Partition}), trains with EONS
   * seeded from {@code seed} on the training part, and scores the trained network on the validation
   * part (what a search selects on) and on the test part. The result does not depend on {@code
   * threads}.
   */
  public RunResult run(long seed, int threads, GenerationListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    Partition parts = Partition.stratified(data, TEST_FRACTION, VALIDATION_FRACTION, seed);
    MinMaxScaler scaler = MinMaxScaler.fit(parts.train());
    EncodedData train = encode(scaler, parts.train());
    EncodedData validation = encode(scaler, parts.validation());
    EncodedData test = encode(scaler, parts.test());
    int simTime = hp.getInt("simTime");
    int classes = data.numClasses();
    Eons evolution = new Eons(eons, hardware, train.numInputs(), classes);
    EonsResult result =
        evolution.evolve(
            () -> new Classifier(train, decoder, simTime, classes, true)::accuracy,
            mix(seed),
            threads,
            listener);
    Network best = result.best();
    double validationAccuracy =
        new Classifier(validation, decoder, simTime, classes, true).accuracy(best);
    Classifier scorer = new Classifier(test, decoder, simTime, classes, false);
    double testAccuracy = scorer.accuracy(best);
    describe(best, seed);
    int n = Math.max(1, test.size());
    return new RunResult(
        seed,
        result.bestFitness(),
        validationAccuracy,
        testAccuracy,
        best.neuronCount(),
        best.synapseCount(),
        (double) scorer.lastFires() / n,
        (double) scorer.lastSynapseEvents() / n,
        (System.nanoTime() - start) / 1e9,
        result.generationsRun(),
        best);
  }

  private EncodedData encode(MinMaxScaler scaler, Dataset part) {
    return EncodedData.encode(encoder, scaler.transform(part), part.labels());
  }

  /** Stores the encoder, decoder and EONS parameters with the network, as TENNLab does. */
  private void describe(Network net, long seed) {
    ObjectNode assoc = net.associatedData();
    assoc.putObject("other").put("proc_name", "risp").put("dataset", data.name()).put("seed", seed);
    assoc.set("encoder_array", section(Category.ENCODING));
    assoc.set("eons_params", section(Category.TRAINING));
    assoc.putObject("decoder_array").put("decoder", decoder.name());
  }

  private ObjectNode section(Category category) {
    ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> e : hp.asMap().entrySet()) {
      ParameterSpec spec = HyperParameterCatalog.get(e.getKey());
      if (spec.category() == category) {
        Object v = e.getValue();
        if (v instanceof Integer i) {
          o.put(e.getKey(), i);
        } else if (v instanceof Double d) {
          o.put(e.getKey(), d);
        } else if (v instanceof Boolean b) {
          o.put(e.getKey(), b);
        } else {
          o.put(e.getKey(), String.valueOf(v));
        }
      }
    }
    return o;
  }

  /** A different but fixed stream for EONS than for the split (SplitMix64 finaliser). */
  static long mix(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
