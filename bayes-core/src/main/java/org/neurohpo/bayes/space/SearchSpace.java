package org.neurohpo.bayes.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An ordered list of parameters with optional conditions (parent/values) and constraints.
 *
 * <p>A configuration is a {@code Map<String,Object>} holding exactly the active parameters with
 * canonical typed values. Its encoding is a point of the unit cube of dimension {@link #dim()};
 * inactive parameters are encoded at 0.5 (numeric) or all-zero (one-hot).
 */
public final class SearchSpace {

  /** Finite spaces up to this many raw combinations are enumerated. */
  public static final long ENUMERATION_LIMIT = 200_000;

  private final List<Parameter> parameters;
  private final Map<String, Condition> conditions;
  private final List<Constraint> constraints;
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] offsets;
  private final int dim;
  private List<Map<String, Object>> enumerated;

  public SearchSpace(
      List<Parameter> parameters, Map<String, Condition> conditions, List<Constraint> constraints) {
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException("search space needs at least one parameter");
    }
    this.parameters = List.copyOf(parameters);
    this.conditions = Map.copyOf(conditions);
    this.constraints = List.copyOf(constraints);
    offsets = new int[parameters.size()];
    int d = 0;
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (index.put(p.name(), i) != null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is defined twice");
      }
      offsets[i] = d;
      d += p.width();
    }
    dim = d;
    for (var e : conditions.entrySet()) {
      checkCondition(e.getKey(), e.getValue());
    }
  }

  /** A space without conditions or constraints. */
  public static SearchSpace of(Parameter... parameters) {
    return new SearchSpace(List.of(parameters), Map.of(), List.of());
  }

  private void checkCondition(String child, Condition c) {
    Integer ci = index.get(child);
    Integer pi = index.get(c.parent());
    if (ci == null) {
      throw new IllegalArgumentException("condition on unknown parameter '" + child + "'");
    }
    if (pi == null) {
      throw new IllegalArgumentException(
          "parameter '" + child + "': condition parent '" + c.parent() + "' is not defined");
    }
    if (pi >= ci) {
      throw new IllegalArgumentException(
          "parameter '" + child + "': parent '" + c.parent() + "' must be defined before it");
    }
    for (Object v : c.values()) {
      parameters.get(pi).canonical(v);
    }
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public Parameter parameter(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'");
    }
    return parameters.get(i);
  }

  public Map<String, Condition> conditions() {
    return conditions;
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  /** Dimension of the unit-cube encoding. */
  public int dim() {
    return dim;
  }

  /** Offset of parameter {@code i} in the encoding. */
  public int offset(int i) {
    return offsets[i];
  }

  /** Whether parameter {@code name} is active given the (partial) assignment {@code values}. */
  public boolean isActive(String name, Map<String, Object> values) {
    Condition c = conditions.get(name);
    if (c == null) {
      return true;
    }
    Object pv = values.get(c.parent());
    if (pv == null || !isActive(c.parent(), values)) {
      return false;
    }
    Parameter parent = parameter(c.parent());
    for (Object v : c.values()) {
      if (parent.canonical(v).equals(pv)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Canonicalises a loosely typed assignment: numbers get their parameter's type, inactive
   * parameters are dropped; throws with a message naming the parameter when a value is invalid or
   * an active parameter is missing.
   */
  public Map<String, Object> canonical(Map<String, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      if (!isActive(p.name(), out)) {
        continue;
      }
      Object v = raw.get(p.name());
      if (v == null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is active but missing");
      }
      out.put(p.name(), p.canonical(v));
    }
    return out;
  }

  /** Whether {@code config} is canonical, complete, and satisfies every constraint. */
  public boolean isValid(Map<String, Object> config) {
    int active = 0;
    for (Parameter p : parameters) {
      if (isActive(p.name(), config)) {
        if (!p.accepts(config.get(p.name()))) {
          return false;
        }
        active++;
      }
    }
    return active == config.size() && satisfiesConstraints(config);
  }

  public boolean satisfiesConstraints(Map<String, Object> config) {
    for (Constraint c : constraints) {
      if (!c.test(config)) {
        return false;
      }
    }
    return true;
  }

  /** Unit-cube encoding of a canonical configuration. */
  public double[] encode(Map<String, Object> config) {
    double[] u = new double[dim];
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      Object v = config.get(p.name());
      if (v != null) {
        p.encode(v, u, offsets[i]);
      } else if (p.width() == 1) {
        u[offsets[i]] = 0.5;
      }
    }
    return u;
  }

  /** Nearest configuration to a unit-cube point (may violate constraints). */
  public Map<String, Object> decode(double[] u) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (isActive(p.name(), out)) {
        out.put(p.name(), p.decode(u, offsets[i]));
      }
    }
    return out;
  }

  /** A uniform valid configuration (rejection sampling on constraints), or an exception. */
  public Map<String, Object> sample(SplittableRandom rng) {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Parameter p : parameters) {
        if (isActive(p.name(), out)) {
          out.put(p.name(), p.sample(rng));
        }
      }
      if (satisfiesConstraints(out)) {
        return out;
      }
    }
    throw new IllegalStateException("no valid configuration found in 10000 draws");
  }

  /** Whether every parameter is discrete and the raw product is at most the enumeration limit. */
  public boolean isFinite() {
    double product = 1;
    for (Parameter p : parameters) {
      if (p.cardinality() < 0) {
        return false;
      }
      product *= p.cardinality();
    }
    return product <= ENUMERATION_LIMIT;
  }

  /** All valid configurations of a finite space, in lexicographic order of parameter indices. */
  public synchronized List<Map<String, Object>> enumerate() {
    if (!isFinite()) {
      throw new IllegalStateException("space is not finite or exceeds " + ENUMERATION_LIMIT);
    }
    if (enumerated == null) {
      List<Map<String, Object>> out = new ArrayList<>();
      extend(0, new LinkedHashMap<>(), out);
      enumerated = List.copyOf(out);
    }
    return enumerated;
  }

  private void extend(int i, LinkedHashMap<String, Object> partial, List<Map<String, Object>> out) {
    if (i == parameters.size()) {
      if (satisfiesConstraints(partial)) {
        out.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partial)));
      }
      return;
    }
    Parameter p = parameters.get(i);
    if (!isActive(p.name(), partial)) {
      extend(i + 1, partial, out);
      return;
    }
    for (int k = 0; k < p.cardinality(); k++) {
      partial.put(p.name(), p.valueAt(k));
      extend(i + 1, partial, out);
      partial.remove(p.name());
    }
  }

  /** A string identifying a configuration (equal configurations give equal keys). */
  public String key(Map<String, Object> config) {
    StringBuilder b = new StringBuilder();
    for (Parameter p : parameters) {
      Object v = config.get(p.name());
      if (v != null) {
        b.append(p.name()).append('=').append(v).append(';');
      }
    }
    return b.toString();
  }
}
