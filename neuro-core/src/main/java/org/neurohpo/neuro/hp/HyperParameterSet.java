package org.neurohpo.neuro.hp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neurohpo.neuro.encoding.Decoder;
import org.neurohpo.neuro.encoding.Encoder;
import org.neurohpo.risp.LeakMode;
import org.neurohpo.risp.ProcParams;

/** One value for every HP of the catalogue (defaults filled in), typed and validated. Immutable. */
public final class HyperParameterSet {
  private final Map<String, Object> values;

  private HyperParameterSet(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
    if (getInt("numBest") > getInt("populationSize")) {
      throw new HyperParameterException(
          "HP numBest ("
              + getInt("numBest")
              + ") must not exceed populationSize ("
              + getInt("populationSize")
              + ")");
    }
    int last = encoder().lastSpikeTime();
    if (getInt("simTime") <= last) {
      throw new HyperParameterException(
          "HP simTime ("
              + getInt("simTime")
              + ") must exceed the last spike time of encoder "
              + getString("encoder")
              + " ("
              + last
              + ")");
    }
  }

  public static HyperParameterSet defaults() {
    return of(Map.of());
  }

  /** From command-line text, {@code name -> value}; unknown names and bad values are errors. */
  public static HyperParameterSet fromStrings(Map<String, String> given) {
    Map<String, Object> typed = new LinkedHashMap<>();
    given.forEach((k, v) -> typed.put(k, HyperParameterCatalog.get(k).parse(v)));
    return of(typed);
  }

  /** From typed values (Integer, Double, Boolean, String), e.g. a trial's parameters. */
  public static HyperParameterSet of(Map<String, ?> given) {
    for (String name : given.keySet()) {
      HyperParameterCatalog.get(name);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    for (ParameterSpec p : HyperParameterCatalog.all()) {
      Object v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
      all.put(p.name(), p.check(v));
    }
    return new HyperParameterSet(all);
  }

  /** A copy with one HP changed. */
  public HyperParameterSet with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, HyperParameterCatalog.get(name).check(value));
    return new HyperParameterSet(copy);
  }

  /** Every HP, typed, in catalogue order. */
  public Map<String, Object> asMap() {
    return values;
  }

  public int getInt(String name) {
    return (Integer) value(name);
  }

  public double getDouble(String name) {
    return (Double) value(name);
  }

  public boolean getBoolean(String name) {
    return (Boolean) value(name);
  }

  public String getString(String name) {
    return (String) value(name);
  }

  private Object value(String name) {
    HyperParameterCatalog.get(name);
    return values.get(name);
  }

  /** The encoder these HPs choose. */
  public Encoder encoder() {
    return switch (getString("encoder")) {
      case "bins" -> new Encoder.Bins(getInt("bins"));
      case "rate" -> new Encoder.Rate(getInt("maxSpikes"), getInt("interval"));
      case "temporal" -> new Encoder.Temporal(getInt("timeWindow"));
      case "triangle" -> new Encoder.Triangle(getInt("bins"));
      case "flipflop" -> new Encoder.FlipFlop(getInt("maxSpikes"), getInt("interval"));
      case "charge" -> new Encoder.Charge();
      default -> throw new IllegalStateException("unhandled encoder " + getString("encoder"));
    };
  }

  public Decoder decoder() {
    return Decoder.named(getString("decoder"));
  }

  /** The processor: the preset with leak mode, max delay and threshold inclusiveness set. */
  public ProcParams procParams() {
    return ProcParams.preset(getString("preset"))
        .withLeakMode(LeakMode.fromJson(getString("leakMode")))
        .withMaxDelay(getInt("maxDelay"))
        .withThresholdInclusive(getBoolean("thresholdInclusive"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperParameterSet h && h.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
