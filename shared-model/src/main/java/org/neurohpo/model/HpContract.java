package org.neurohpo.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a study may name, as part of the wire contract: the built-in data sets (and their aliases)
 * and every HP with its type and range, read from {@code hp-contract.json}. neuro-core's catalogue
 * and data sets are the source; a test there keeps this file equal to them. The optimizer checks a
 * spec against it before anything is registered or published, so an evaluator never gets an HP set
 * it must refuse.
 */
public final class HpContract {

  /** One HP: {@code int} or {@code float} in [low, high], {@code bool}, or {@code cat}. */
  public record Param(String name, String type, double low, double high, List<String> choices) {}

  private static final List<String> DATASETS = new ArrayList<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();
  private static final Map<String, Param> PARAMS = new LinkedHashMap<>();

  static {
    try (InputStream in = HpContract.class.getResourceAsStream("hp-contract.json")) {
      JsonNode doc = EventCodec.mapper().readTree(in);
      doc.get("datasets").forEach(d -> DATASETS.add(d.asText()));
      doc.get("aliases")
          .fields()
          .forEachRemaining(e -> ALIASES.put(e.getKey(), e.getValue().asText()));
      for (JsonNode p : doc.get("parameters")) {
        List<String> choices = new ArrayList<>();
        p.path("choices").forEach(c -> choices.add(c.asText()));
        PARAMS.put(
            p.get("name").asText(),
            new Param(
                p.get("name").asText(),
                p.get("type").asText(),
                p.path("low").asDouble(),
                p.path("high").asDouble(),
                List.copyOf(choices)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HpContract() {}

  /** The built-in data sets' names. */
  public static List<String> datasets() {
    return List.copyOf(DATASETS);
  }

  /** Aliases of built-in data sets (e.g. {@code pima}), to their names. */
  public static Map<String, String> aliases() {
    return Map.copyOf(ALIASES);
  }

  /** The built-in data set a name or alias stands for (case-insensitive), or empty. */
  public static Optional<String> dataset(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    String canonical = ALIASES.getOrDefault(key, key);
    return DATASETS.contains(canonical) ? Optional.of(canonical) : Optional.empty();
  }

  /** Every HP, in the catalogue's order. */
  public static List<Param> params() {
    return List.copyOf(PARAMS.values());
  }

  public static Optional<Param> param(String name) {
    return Optional.ofNullable(PARAMS.get(name));
  }

  /** The problem of a value of HP {@code name}, or empty when the value is allowed. */
  public static Optional<String> valueProblem(String name, JsonNode value) {
    Param p = PARAMS.get(name);
    if (p == null) {
      return Optional.of("unknown HP '" + name + "' (`neurohpo hp-space` lists them)");
    }
    boolean ok =
        switch (p.type()) {
          case "int" ->
              value.isNumber()
                  && Double.isFinite(value.asDouble())
                  && value.asDouble() == Math.rint(value.asDouble())
                  && value.asDouble() >= p.low()
                  && value.asDouble() <= p.high();
          case "float" ->
              value.isNumber()
                  && Double.isFinite(value.asDouble())
                  && value.asDouble() >= p.low()
                  && value.asDouble() <= p.high();
          case "bool" ->
              value.isBoolean()
                  || (value.isTextual() && List.of("true", "false").contains(value.asText()));
          default -> value.isTextual() && p.choices().contains(value.asText());
        };
    return ok
        ? Optional.empty()
        : Optional.of("HP " + name + " must be " + range(p) + ", got " + value);
  }

  /** The allowed values of an HP, readable: {@code an int in [2, 16]}, {@code one of a, b}. */
  public static String range(Param p) {
    return switch (p.type()) {
      case "int" -> "an integer in [" + (long) p.low() + ", " + (long) p.high() + "]";
      case "float" -> "a number in [" + p.low() + ", " + p.high() + "]";
      case "bool" -> "true or false";
      default -> "one of " + String.join(", ", p.choices());
    };
  }
}
