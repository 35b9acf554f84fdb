package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.neurohpo.neuro.hp.ParameterSpec;

/** What `hp-space` prints of the HP catalogue: every HP with its category, type, range, default. */
public final class HpSpaceListing {
  private HpSpaceListing() {}

  /** The readable table: name, category, type, default, meaning, range. */
  public static String table(List<ParameterSpec> all) {
    int nameWidth = Math.max(4, all.stream().mapToInt(p -> p.name().length()).max().orElse(4));
    int meaningWidth =
        Math.max(7, all.stream().mapToInt(p -> p.description().length()).max().orElse(7));
    String row = "%-" + nameWidth + "s  %-8s  %-11s  %-9s  %-" + meaningWidth + "s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(row, "name", "category", "type", "default", "meaning", "range"));
    for (ParameterSpec p : all) {
      sb.append(
          String.format(
              row,
              p.name(),
              p.category().name().toLowerCase(java.util.Locale.ROOT),
              p.type(),
              String.valueOf(p.defaultValue()),
              p.description(),
              p.range()));
    }
    return sb.toString().stripTrailing();
  }

  /** A JSON array, one object per HP. */
  public static String json(List<ParameterSpec> all) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (ParameterSpec p : all) {
      ObjectNode o = array.addObject();
      o.put("name", p.name());
      o.put("category", p.category().name().toLowerCase(java.util.Locale.ROOT));
      o.put("type", p.type());
      o.put("range", p.range());
      o.set("default", mapper.valueToTree(p.defaultValue()));
      o.put("description", p.description());
    }
    try {
      return mapper.writeValueAsString(array);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
