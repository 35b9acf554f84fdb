package org.neurohpo.bayes.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads search spaces from JSON. Two forms:
 *
 * <pre>
 * [ {"name":"x1","type":"float","low":-5,"high":10}, ... ]            (the bench harness's form)
 * {"parameters": [ ... ], "constraints": ["maxSpikes * interval < simTime", ...]}
 * </pre>
 *
 * A parameter is {@code {"name", "type"}} plus: float {@code low, high[, log]}; int {@code low,
 * high}; cat (or categorical) {@code choices}; ordinal {@code values} (sorted numbers). Any of them
 * may carry {@code "condition": {"parent": "encoder", "values": ["bins"]}}.
 */
public final class SearchSpaceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SearchSpaceJson() {}

  public static SearchSpace parse(String json) {
    try {
      return parse(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new SearchSpaceException(
          "search space is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
  }

  public static SearchSpace parse(JsonNode root) {
    JsonNode params = root;
    JsonNode constraints = null;
    if (root != null && root.isObject()) {
      params = root.get("parameters");
      constraints = root.get("constraints");
    }
    if (params == null || !params.isArray() || params.isEmpty()) {
      throw new SearchSpaceException("search space needs a non-empty list of parameters");
    }
    List<Parameter> list = new ArrayList<>();
    Map<String, Condition> conditions = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      JsonNode p = params.get(i);
      Parameter parameter = parameter(p, i);
      list.add(parameter);
      JsonNode c = p.get("condition");
      if (c != null && !c.isNull()) {
        conditions.put(parameter.name(), condition(parameter.name(), c));
      }
    }
    Set<String> names = new HashSet<>();
    list.forEach(p -> names.add(p.name()));
    for (Map.Entry<String, Condition> e : conditions.entrySet()) {
      if (!names.contains(e.getValue().parent())) {
        throw new SearchSpaceException(
            "parameter '" + e.getKey() + "': unknown parent '" + e.getValue().parent() + "'");
      }
    }
    List<Constraint> cs = new ArrayList<>();
    if (constraints != null && !constraints.isNull()) {
      if (!constraints.isArray()) {
        throw new SearchSpaceException("constraints must be a list of expressions");
      }
      for (JsonNode c : constraints) {
        cs.add(new Constraint(c.asText(), names));
      }
    }
    return new SearchSpace(list, conditions, cs);
  }

  private static Parameter parameter(JsonNode p, int i) {
    String name = p.path("name").asText("");
    if (name.isBlank()) {
      throw new SearchSpaceException("parameter " + (i + 1) + " has no name");
    }
    String type = p.path("type").asText("");
    return switch (type) {
      case "float" ->
          new Parameter.FloatParameter(
              name, number(p, "low", name), number(p, "high", name), p.path("log").asBoolean());
      case "int" ->
          new Parameter.IntParameter(
              name, (int) integer(p, "low", name), (int) integer(p, "high", name));
      case "cat", "categorical" -> {
        List<String> choices = new ArrayList<>();
        for (JsonNode c : array(p, "choices", name)) {
          choices.add(c.asText());
        }
        yield new Parameter.CategoricalParameter(name, choices);
      }
      case "ordinal" -> {
        List<Double> values = new ArrayList<>();
        for (JsonNode v : array(p, "values", name)) {
          if (!v.isNumber()) {
            throw new SearchSpaceException(
                "parameter '" + name + "': ordinal values must be numbers, got " + v);
          }
          values.add(v.doubleValue());
        }
        yield new Parameter.OrdinalParameter(name, values);
      }
      default ->
          throw new SearchSpaceException(
              "parameter '"
                  + name
                  + "': type must be float, int, cat or ordinal, got '"
                  + type
                  + "'");
    };
  }

  private static Condition condition(String name, JsonNode c) {
    String parent = c.path("parent").asText("");
    JsonNode values = c.get("values");
    if (parent.isBlank() || values == null || !values.isArray() || values.isEmpty()) {
      throw new SearchSpaceException(
          "parameter '" + name + "': condition needs a parent and a non-empty list of values");
    }
    List<Object> vs = new ArrayList<>();
    for (JsonNode v : values) {
      vs.add(
          v.isNumber()
              ? (Object) (v.isIntegralNumber() ? v.intValue() : v.doubleValue())
              : v.asText());
    }
    return new Condition(parent, vs);
  }

  private static double number(JsonNode p, String key, String name) {
    JsonNode v = p.get(key);
    if (v == null || !v.isNumber()) {
      throw new SearchSpaceException("parameter '" + name + "': " + key + " must be a number");
    }
    return v.doubleValue();
  }

  private static long integer(JsonNode p, String key, String name) {
    JsonNode v = p.get(key);
    if (v == null || !v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
      throw new SearchSpaceException("parameter '" + name + "': " + key + " must be an integer");
    }
    return v.longValue();
  }

  private static JsonNode array(JsonNode p, String key, String name) {
    JsonNode v = p.get(key);
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw new SearchSpaceException(
          "parameter '" + name + "': " + key + " must be a non-empty list");
    }
    return v;
  }
}
