package org.neurohpo.bayes.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link SearchSpace} from JSON: either the bench harness's bare array of parameter specs
 * or an object {@code {"parameters":[...], "constraints":[...]}}; see the package documentation.
 */
public final class SpaceJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SpaceJson() {}

  /** Parses JSON text; throws IllegalArgumentException naming the parameter and the problem. */
  public static SearchSpace parse(String json) {
    try {
      return fromNode(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("search space is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Builds a space from a parsed JSON node (array or object form). */
  public static SearchSpace fromNode(JsonNode root) {
    JsonNode params = root.isArray() ? root : root.get("parameters");
    if (params == null || !params.isArray() || params.isEmpty()) {
      throw new IllegalArgumentException("search space needs a non-empty 'parameters' array");
    }
    List<Parameter> list = new ArrayList<>();
    Map<String, Condition> conditions = new HashMap<>();
    for (JsonNode p : params) {
      Parameter parameter = parameter(p);
      list.add(parameter);
      JsonNode when = p.get("when");
      if (when != null) {
        if (!when.isObject() || when.size() != 1) {
          throw new IllegalArgumentException(
              "parameter '" + parameter.name() + "': 'when' must be {\"parent\": [values]}");
        }
        String parent = when.fieldNames().next();
        conditions.put(parameter.name(), new Condition(parent, values(when.get(parent))));
      }
    }
    SearchSpace bare = new SearchSpace(list, conditions, List.of());
    List<Constraint> constraints = new ArrayList<>();
    JsonNode cs = root.isArray() ? null : root.get("constraints");
    if (cs != null) {
      for (JsonNode c : cs) {
        if (c.isTextual() || c.has("expr")) {
          String expr = c.isTextual() ? c.asText() : c.get("expr").asText();
          constraints.add(new ExpressionConstraint(expr, names(list)));
        } else {
          constraints.add(
              new Implication(
                  valueMap(bare, c.get("if"), "if"), valueMap(bare, c.get("then"), "then")));
        }
      }
    }
    return new SearchSpace(list, conditions, constraints);
  }

  private static java.util.Set<String> names(List<Parameter> parameters) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    parameters.forEach(p -> names.add(p.name()));
    return names;
  }

  private static Map<String, List<Object>> valueMap(SearchSpace space, JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("constraint needs an object '" + what + "'");
    }
    Map<String, List<Object>> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              Parameter p = space.parameter(e.getKey());
              List<Object> vs = new ArrayList<>();
              for (Object v : values(e.getValue())) {
                vs.add(p.canonical(v));
              }
              out.put(e.getKey(), vs);
            });
    return out;
  }

  private static List<Object> values(JsonNode node) {
    List<Object> out = new ArrayList<>();
    JsonNode arr = node.isArray() ? node : MAPPER.createArrayNode().add(node);
    for (JsonNode v : arr) {
      out.add(v.isNumber() ? (Object) v.numberValue() : v.asText());
    }
    return out;
  }

  private static Parameter parameter(JsonNode p) {
    JsonNode nameNode = p.get("name");
    String name = nameNode == null ? null : nameNode.asText();
    Parameter.checkName(name);
    String type = p.hasNonNull("type") ? p.get("type").asText() : "";
    return switch (type) {
      case "float" ->
          new FloatParameter(
              name, number(p, name, "low"), number(p, name, "high"), p.path("log").asBoolean());
      case "int", "integer" -> {
        double lo = number(p, name, "low");
        double hi = number(p, name, "high");
        if (lo != Math.rint(lo) || hi != Math.rint(hi)) {
          throw new IllegalArgumentException(
              "parameter '" + name + "': int bounds must be integers, got " + lo + ", " + hi);
        }
        yield new IntParameter(name, (long) lo, (long) hi);
      }
      case "cat", "categorical" -> {
        List<String> choices = new ArrayList<>();
        for (JsonNode c : array(p, name, "choices")) {
          choices.add(c.asText());
        }
        yield new CategoricalParameter(name, choices);
      }
      case "ordinal" -> {
        List<Double> vs = new ArrayList<>();
        for (JsonNode c : array(p, name, "values")) {
          if (!c.isNumber()) {
            throw new IllegalArgumentException(
                "parameter '" + name + "': ordinal values must be numbers, got " + c);
          }
          vs.add(c.asDouble());
        }
        yield new OrdinalParameter(name, vs);
      }
      default ->
          throw new IllegalArgumentException(
              "parameter '"
                  + name
                  + "': unknown type '"
                  + type
                  + "', expected float, int, cat or ordinal");
    };
  }

  private static double number(JsonNode p, String name, String field) {
    JsonNode n = p.get(field);
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': '" + field + "' must be a number, got " + n);
    }
    return n.asDouble();
  }

  private static JsonNode array(JsonNode p, String name, String field) {
    JsonNode n = p.get(field);
    if (n == null || !n.isArray()) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': '" + field + "' must be an array, got " + n);
    }
    return n;
  }
}
