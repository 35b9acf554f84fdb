package org.neurohpo.bayes.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Parameters (with optional conditions) and constraints. A point is a map from the names of its
 * active parameters to typed values. The GP sees a point as a vector in the unit cube of {@link
 * #dims()} coordinates; an inactive parameter's coordinates are 0.5.
 */
public final class SearchSpace {
  private static final int MAX_REJECTIONS = 10_000;

  private final List<Parameter> parameters;
  private final Map<String, Condition> conditions; // values in the parent's Java type
  private final List<Constraint> constraints;
  private final Map<String, Integer> offsets = new LinkedHashMap<>();
  private final int dims;

  public SearchSpace(
      List<Parameter> parameters, Map<String, Condition> conditions, List<Constraint> constraints) {
    this.parameters = List.copyOf(parameters);
    Map<String, Condition> canonical = new LinkedHashMap<>();
    conditions.forEach((k, c) -> canonical.put(k, c));
    this.conditions = canonical;
    this.constraints = List.copyOf(constraints);
    if (this.parameters.isEmpty()) {
      throw new SearchSpaceException("a search space needs at least one parameter");
    }
    int d = 0;
    for (Parameter p : this.parameters) {
      if (offsets.put(p.name(), d) != null) {
        throw new SearchSpaceException("parameter '" + p.name() + "' is defined twice");
      }
      d += p.dims();
    }
    this.dims = d;
    for (Map.Entry<String, Condition> e : this.conditions.entrySet()) {
      Parameter parent = parameter(e.getValue().parent());
      if (indexOf(parent.name()) >= indexOf(e.getKey())) {
        throw new SearchSpaceException(
            "parameter '"
                + e.getKey()
                + "': its parent '"
                + parent.name()
                + "' must be defined before it");
      }
      List<Object> values = new ArrayList<>();
      for (Object v : e.getValue().values()) {
        values.add(parent.check(v));
      }
      e.setValue(new Condition(parent.name(), values));
    }
  }

  public SearchSpace(List<Parameter> parameters) {
    this(parameters, Map.of(), List.of());
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  public Map<String, Condition> conditions() {
    return Collections.unmodifiableMap(conditions);
  }

  public int dims() {
    return dims;
  }

  public Set<String> names() {
    return offsets.keySet();
  }

  public Parameter parameter(String name) {
    Integer i = offsets.containsKey(name) ? indexOf(name) : null;
    if (i == null) {
      throw new SearchSpaceException("unknown parameter '" + name + "'");
    }
    return parameters.get(i);
  }

  private int indexOf(String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Which unit-cube coordinates belong to float parameters (continuous ones). */
  public boolean[] continuousCoordinates() {
    boolean[] mask = new boolean[dims];
    for (Parameter p : parameters) {
      if (p instanceof Parameter.FloatParameter) {
        mask[offsets.get(p.name())] = true;
      }
    }
    return mask;
  }

  /** Whether every parameter takes finitely many values. */
  public boolean finite() {
    return parameters.stream().allMatch(Parameter::finite);
  }

  /** Unit-cube coordinates of a valid point. */
  public double[] encode(Map<String, Object> point) {
    double[] u = new double[dims];
    for (Parameter p : parameters) {
      int o = offsets.get(p.name());
      if (point.containsKey(p.name())) {
        p.encode(point.get(p.name()), u, o);
      } else {
        for (int k = 0; k < p.dims(); k++) {
          u[o + k] = 0.5;
        }
      }
    }
    return u;
  }

  /** The point nearest to unit-cube coordinates (its constraints are not checked). */
  public Map<String, Object> decode(double[] u) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (active(p.name(), point)) {
        point.put(p.name(), p.decode(u, offsets.get(p.name())));
      }
    }
    return point;
  }

  private boolean active(String name, Map<String, Object> partial) {
    Condition c = conditions.get(name);
    return c == null
        || (partial.containsKey(c.parent()) && c.values().contains(partial.get(c.parent())));
  }

  /** Whether the point meets every constraint. */
  public boolean feasible(Map<String, Object> point) {
    for (Constraint c : constraints) {
      if (!c.holds(point)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a point: every active parameter present with a valid value, no inactive or unknown one,
   * every constraint met. Returns it with canonical types.
   */
  public Map<String, Object> validate(Map<String, ?> point) {
    for (String k : point.keySet()) {
      if (!offsets.containsKey(k)) {
        throw new SearchSpaceException("unknown parameter '" + k + "'");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      boolean on = active(p.name(), out);
      if (on && !point.containsKey(p.name())) {
        throw new SearchSpaceException("parameter '" + p.name() + "' is missing");
      }
      if (!on && point.containsKey(p.name())) {
        throw new SearchSpaceException(
            "parameter '" + p.name() + "' is inactive here (" + conditions.get(p.name()) + ")");
      }
      if (on) {
        out.put(p.name(), p.check(point.get(p.name())));
      }
    }
    for (Constraint c : constraints) {
      if (!c.holds(out)) {
        throw new SearchSpaceException("point " + out + " breaks constraint \"" + c.text() + "\"");
      }
    }
    return out;
  }

  /** A feasible point drawn uniformly (by rejection when there are constraints). */
  public Map<String, Object> sample(SplittableRandom rng) {
    for (int i = 0; i < MAX_REJECTIONS; i++) {
      Map<String, Object> point = new LinkedHashMap<>();
      for (Parameter p : parameters) {
        if (active(p.name(), point)) {
          point.put(p.name(), p.sample(rng));
        }
      }
      if (feasible(point)) {
        return point;
      }
    }
    throw new SearchSpaceException(
        "no feasible point found in "
            + MAX_REJECTIONS
            + " draws: are the constraints satisfiable?");
  }

  /** Every feasible point of a finite space, in lexicographic order; at most {@code limit}. */
  public List<Map<String, Object>> enumerate(int limit) {
    if (!finite()) {
      throw new SearchSpaceException(
          "only a space of int, categorical and ordinal parameters can be enumerated");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    enumerate(0, new LinkedHashMap<>(), out, limit);
    return Collections.unmodifiableList(out);
  }

  private void enumerate(
      int i, LinkedHashMap<String, Object> partial, List<Map<String, Object>> out, int limit) {
    if (out.size() >= limit) {
      return;
    }
    if (i == parameters.size()) {
      if (feasible(partial)) {
        out.add(new LinkedHashMap<>(partial));
      }
      return;
    }
    Parameter p = parameters.get(i);
    if (!active(p.name(), partial)) {
      enumerate(i + 1, partial, out, limit);
      return;
    }
    for (Object v : p.values()) {
      partial.put(p.name(), v);
      enumerate(i + 1, partial, out, limit);
      partial.remove(p.name());
    }
  }

  /** The number of grid cells before constraints (capped at Long.MAX_VALUE); -1 if infinite. */
  public long cardinality() {
    if (!finite()) {
      return -1;
    }
    long n = 1;
    try {
      for (Parameter p : parameters) {
        n = Math.multiplyExact(n, Math.max(1, p.values().size()));
      }
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
    return n;
  }
}
