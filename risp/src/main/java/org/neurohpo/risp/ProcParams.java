package org.neurohpo.risp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameters of a RISP processor ({@code Associated_Data.proc_params} of a network file).
 *
 * @param discrete integer weights, thresholds and potentials
 * @param minWeight smallest synapse weight
 * @param maxWeight largest synapse weight
 * @param minThreshold smallest neuron threshold
 * @param maxThreshold largest neuron threshold
 * @param maxDelay largest synapse delay in timesteps; delays are integers in [1, maxDelay]
 * @param minPotential floor of a neuron's potential, at most 0
 * @param leakMode how neurons leak
 * @param thresholdInclusive fire when potential >= threshold (else: > threshold)
 * @param fireLikeRavens record a fire one timestep late (synapses deliver as normal)
 * @param runTimeInclusive {@code run(d)} simulates d + 1 timesteps instead of d
 * @param spikeValueFactor scale of normalised input spike values
 */
public record ProcParams(
    boolean discrete,
    double minWeight,
    double maxWeight,
    double minThreshold,
    double maxThreshold,
    int maxDelay,
    double minPotential,
    LeakMode leakMode,
    boolean thresholdInclusive,
    boolean fireLikeRavens,
    boolean runTimeInclusive,
    double spikeValueFactor) {

  /** The precisions n of the discrete presets RISP-n and RISP-n+. */
  public static final List<Integer> PRECISIONS = List.of(1, 7, 15, 127, 255);

  public ProcParams {
    if (leakMode == null) {
      throw new IllegalArgumentException("leak_mode must be given");
    }
    finite("min_weight", minWeight);
    finite("max_weight", maxWeight);
    finite("min_threshold", minThreshold);
    finite("max_threshold", maxThreshold);
    finite("min_potential", minPotential);
    finite("spike_value_factor", spikeValueFactor);
    if (minWeight > maxWeight) {
      throw new IllegalArgumentException(
          "min_weight (" + minWeight + ") must not exceed max_weight (" + maxWeight + ")");
    }
    if (minThreshold > maxThreshold) {
      throw new IllegalArgumentException(
          "min_threshold ("
              + minThreshold
              + ") must not exceed max_threshold ("
              + maxThreshold
              + ")");
    }
    if (maxDelay < 1) {
      throw new IllegalArgumentException("max_delay must be >= 1, got " + maxDelay);
    }
    if (minPotential > 0) {
      throw new IllegalArgumentException("min_potential must be <= 0, got " + minPotential);
    }
    if (spikeValueFactor < 0) {
      throw new IllegalArgumentException(
          "spike_value_factor must be >= 0, got " + spikeValueFactor);
    }
  }

  private static void finite(String key, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(key + " must be a finite number, got " + v);
    }
  }

  /**
   * A named preset: {@code RISP-F} (floating point, weights and thresholds in [-1, 1], max delay 5,
   * min potential -1), {@code RISP-F+} (floating point, positive only: weights and thresholds in
   * [0, 1], min potential 0), {@code RISP-n} (discrete, weights in [-n, n], thresholds in [0, n],
   * min potential -n, max delay max(n, 15)) and {@code RISP-n+} (discrete, weights and thresholds
   * in [1, n], min potential 0), for n in {@link #PRECISIONS}. Leak mode none, threshold inclusive,
   * no RAVENS firing, run time exclusive.
   */
  public static ProcParams preset(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    if (n.equals("RISP-F")) {
      return new ProcParams(false, -1, 1, -1, 1, 5, -1, LeakMode.NONE, true, false, false, 1);
    }
    if (n.equals("RISP-F+")) {
      return new ProcParams(false, 0, 1, 0, 1, 5, 0, LeakMode.NONE, true, false, false, 1);
    }
    if (n.startsWith("RISP-")) {
      boolean plus = n.endsWith("+");
      String digits = n.substring(5, plus ? n.length() - 1 : n.length());
      if (digits.matches("\\d{1,3}") && PRECISIONS.contains(Integer.parseInt(digits))) {
        int p = Integer.parseInt(digits);
        int delay = Math.max(p, 15);
        return plus
            ? new ProcParams(true, 1, p, 1, p, delay, 0, LeakMode.NONE, true, false, false, p)
            : new ProcParams(true, -p, p, 0, p, delay, -p, LeakMode.NONE, true, false, false, p);
      }
    }
    throw new IllegalArgumentException(
        "unknown RISP preset '" + name + "'; known: " + String.join(", ", presetNames()));
  }

  /** Every name {@link #preset} accepts. */
  public static List<String> presetNames() {
    List<String> names = new ArrayList<>(List.of("RISP-F", "RISP-F+"));
    for (int p : PRECISIONS) {
      names.add("RISP-" + p);
    }
    for (int p : PRECISIONS) {
      names.add("RISP-" + p + "+");
    }
    return names;
  }

  public ProcParams withLeakMode(LeakMode mode) {
    return new ProcParams(
        discrete,
        minWeight,
        maxWeight,
        minThreshold,
        maxThreshold,
        maxDelay,
        minPotential,
        mode,
        thresholdInclusive,
        fireLikeRavens,
        runTimeInclusive,
        spikeValueFactor);
  }

  public ProcParams withMaxDelay(int delay) {
    return new ProcParams(
        discrete,
        minWeight,
        maxWeight,
        minThreshold,
        maxThreshold,
        delay,
        minPotential,
        leakMode,
        thresholdInclusive,
        fireLikeRavens,
        runTimeInclusive,
        spikeValueFactor);
  }

  public ProcParams withThresholdInclusive(boolean inclusive) {
    return new ProcParams(
        discrete,
        minWeight,
        maxWeight,
        minThreshold,
        maxThreshold,
        maxDelay,
        minPotential,
        leakMode,
        inclusive,
        fireLikeRavens,
        runTimeInclusive,
        spikeValueFactor);
  }

  /** The {@code proc_params} object. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("discrete", discrete);
    putNumber(o, "min_weight", minWeight);
    putNumber(o, "max_weight", maxWeight);
    putNumber(o, "min_threshold", minThreshold);
    putNumber(o, "max_threshold", maxThreshold);
    o.put("max_delay", maxDelay);
    putNumber(o, "min_potential", minPotential);
    o.put("leak_mode", leakMode.jsonName());
    o.put("threshold_inclusive", thresholdInclusive);
    o.put("fire_like_ravens", fireLikeRavens);
    o.put("run_time_inclusive", runTimeInclusive);
    putNumber(o, "spike_value_factor", spikeValueFactor);
    return o;
  }

  private void putNumber(ObjectNode o, String key, double v) {
    if (discrete && v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  /**
   * Reads {@code proc_params}. Required: discrete, min/max threshold, max_delay, min_potential; the
   * weight range defaults to [-1, 1], leak_mode to none, the flags to RISP.md's defaults and
   * spike_value_factor to max_weight.
   */
  public static ProcParams fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new NetworkFormatException("proc_params must be a JSON object");
    }
    boolean discrete = bool(node, "discrete", null);
    double maxWeight = number(node, "max_weight", 1.0);
    try {
      return new ProcParams(
          discrete,
          number(node, "min_weight", -1.0),
          maxWeight,
          number(node, "min_threshold", null),
          number(node, "max_threshold", null),
          (int) integer(node, "max_delay"),
          number(node, "min_potential", null),
          LeakMode.fromJson(text(node, "leak_mode", "none")),
          bool(node, "threshold_inclusive", true),
          bool(node, "fire_like_ravens", false),
          bool(node, "run_time_inclusive", false),
          number(node, "spike_value_factor", maxWeight));
    } catch (NetworkFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new NetworkFormatException("proc_params: " + e.getMessage());
    }
  }

  private static JsonNode field(JsonNode node, String key, boolean required) {
    JsonNode v = node.get(key);
    if ((v == null || v.isNull()) && required) {
      throw new NetworkFormatException("proc_params." + key + " is missing");
    }
    return v == null || v.isNull() ? null : v;
  }

  private static double number(JsonNode node, String key, Double dflt) {
    JsonNode v = field(node, key, dflt == null);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw new NetworkFormatException("proc_params." + key + " must be a number, got " + v);
    }
    return v.doubleValue();
  }

  private static long integer(JsonNode node, String key) {
    JsonNode v = field(node, key, true);
    if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
      throw new NetworkFormatException("proc_params." + key + " must be an integer, got " + v);
    }
    return v.longValue();
  }

  private static boolean bool(JsonNode node, String key, Boolean dflt) {
    JsonNode v = field(node, key, dflt == null);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new NetworkFormatException("proc_params." + key + " must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  private static String text(JsonNode node, String key, String dflt) {
    JsonNode v = field(node, key, false);
    if (v == null) {
      return dflt;
    }
    if (!v.isTextual()) {
      throw new NetworkFormatException("proc_params." + key + " must be a string, got " + v);
    }
    return v.textValue();
  }
}
