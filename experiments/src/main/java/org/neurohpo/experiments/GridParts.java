package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;

/**
 * A grid split into parts, one per value of its first parameter, so that a long grid study can be
 * run as several studies, each written to its own folder when it ends: an experiment stopped midway
 * keeps the parts it finished. Part {@code v} is the space with the first parameter pinned to
 * {@code v}: a parameter active only for other values is left out (and any parameter conditional on
 * it, and any constraint that names it: it would hold anyway, a comparison with an inactive
 * parameter holds). The parts' sets, in part order, are the grid's sets in the grid's order, or the
 * grid is not split ({@link #of} checks it by enumerating both), so the same seeds give the grid's
 * very runs.
 */
public final class GridParts {
  private GridParts() {}

  /** One part: a label (the first parameter's value), its space, and how many sets it has. */
  public record Part(String label, JsonNode space, int sets) {}

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  /**
   * The parts of a grid's search space, or empty when it does not split: its first parameter has no
   * list of values (a float or int range) or only one, or the parts do not enumerate exactly the
   * grid's sets in its order.
   */
  public static Optional<List<Part>> of(JsonNode space) {
    SearchSpace whole = SpaceJson.fromNode(space);
    JsonNode parameters = space.isArray() ? space : space.path("parameters");
    JsonNode first = parameters.path(0);
    String field = first.has("choices") ? "choices" : first.has("values") ? "values" : null;
    if (field == null || first.get(field).size() < 2 || first.has("when")) {
      return Optional.empty();
    }
    List<Part> parts = new ArrayList<>();
    List<Map<String, Object>> joined = new ArrayList<>();
    for (JsonNode value : first.get(field)) {
      JsonNode part = pinned(space, first.path("name").asText(), field, value);
      List<Map<String, Object>> sets = SpaceJson.fromNode(part).enumerate();
      joined.addAll(sets);
      parts.add(new Part(value.asText(), part, sets.size()));
    }
    List<String> expected = whole.enumerate().stream().map(whole::key).toList();
    List<String> got = joined.stream().map(whole::key).toList();
    return expected.equals(got) ? Optional.of(parts) : Optional.empty();
  }

  /** The space with parameter {@code name} pinned to {@code value}. */
  private static JsonNode pinned(JsonNode space, String name, String field, JsonNode value) {
    JsonNode parameters = space.isArray() ? space : space.path("parameters");
    ObjectNode out = Specs.JSON.createObjectNode();
    ArrayNode kept = out.putArray("parameters");
    Set<String> dropped = new HashSet<>();
    for (JsonNode p : parameters) {
      ObjectNode copy = p.deepCopy();
      if (p.path("name").asText().equals(name)) {
        copy.putArray(field).add(value);
      } else if (p.has("when")) {
        String parent = p.get("when").fieldNames().next();
        if (dropped.contains(parent)) {
          dropped.add(p.path("name").asText());
          continue;
        }
        if (parent.equals(name)) {
          boolean applies = false;
          for (JsonNode v : p.get("when").get(parent)) {
            applies |= v.equals(value);
          }
          if (!applies) {
            dropped.add(p.path("name").asText());
            continue;
          }
          copy.putObject("when").putArray(parent).add(value);
        }
      }
      kept.add(copy);
    }
    ArrayNode constraints = out.putArray("constraints");
    for (JsonNode c : space.path("constraints")) {
      if (names(c).stream().noneMatch(dropped::contains)) {
        constraints.add(c);
      }
    }
    return out;
  }

  /** The names a constraint uses: an expression's identifiers, or an implication's keys. */
  private static Set<String> names(JsonNode constraint) {
    Set<String> out = new HashSet<>();
    if (constraint.isTextual() || constraint.has("expr")) {
      String expr = constraint.isTextual() ? constraint.asText() : constraint.get("expr").asText();
      Matcher m = NAME.matcher(expr.replaceAll("'[^']*'|\"[^\"]*\"", " "));
      while (m.find()) {
        out.add(m.group());
      }
    } else {
      constraint.path("if").fieldNames().forEachRemaining(out::add);
      constraint.path("then").fieldNames().forEachRemaining(out::add);
    }
    return out;
  }
}
