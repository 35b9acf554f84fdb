package org.neurohpo.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The search-space JSON of exactly one HP set: every HP a one-value choice (a number an {@code
 * ordinal}, anything else a {@code cat}). A grid study over it, budget 1, evaluates that set: how
 * the dashboard reruns a study's best set and how experiments measure a chosen set again.
 */
public final class PinnedSpace {
  private PinnedSpace() {}

  /** {@code {"parameters": [...]}}: one pinned parameter per entry, in the map's order. */
  public static ObjectNode of(Map<String, ?> params) {
    ObjectNode space = EventCodec.mapper().createObjectNode();
    ArrayNode parameters = space.putArray("parameters");
    params.forEach(
        (name, value) -> {
          ObjectNode p = parameters.addObject().put("name", name);
          if (value instanceof Number n) {
            ArrayNode values = p.put("type", "ordinal").putArray("values");
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
              values.add(n.longValue());
            } else {
              values.add(d);
            }
          } else {
            p.put("type", "cat").putArray("choices").add(String.valueOf(value));
          }
        });
    return space;
  }
}
