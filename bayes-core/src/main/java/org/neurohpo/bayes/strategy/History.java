package org.neurohpo.bayes.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.bayes.space.SearchSpace;

/** Observations and pending suggestions, shared by the strategies. */
final class History {
  private final SearchSpace space;
  private final List<Observation> observations = new ArrayList<>();
  private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
  private final Map<String, double[]> byKey = new LinkedHashMap<>(); // key -> {sum, count}
  private final Map<String, Map<String, Object>> pointOfKey = new LinkedHashMap<>();
  private long nextId;

  History(SearchSpace space) {
    this.space = space;
  }

  static String key(Map<String, Object> params) {
    return params.toString();
  }

  Suggestion propose(Map<String, Object> params) {
    String id = Long.toString(nextId++);
    pending.put(id, params);
    return new Suggestion(id, params);
  }

  void tell(List<Observation> told) {
    for (Observation o : told) {
      Map<String, Object> params = space.validate(o.params());
      if (o.id() != null) {
        pending.remove(o.id());
      }
      Observation canonical = new Observation(o.id(), params, o.value());
      observations.add(canonical);
      String k = key(params);
      byKey.computeIfAbsent(k, x -> new double[2]);
      byKey.get(k)[0] += o.value();
      byKey.get(k)[1] += 1;
      pointOfKey.putIfAbsent(k, params);
    }
  }

  boolean seen(Map<String, Object> params) {
    String k = key(params);
    return byKey.containsKey(k) || pending.values().stream().anyMatch(p -> key(p).equals(k));
  }

  List<Observation> observations() {
    return Collections.unmodifiableList(observations);
  }

  List<Map<String, Object>> pendingPoints() {
    return new ArrayList<>(pending.values());
  }

  int distinct() {
    return byKey.size();
  }

  /** Distinct observed points with their mean values, in first-seen order. */
  List<Map.Entry<Map<String, Object>, double[]>> distinctPoints() {
    List<Map.Entry<Map<String, Object>, double[]>> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : byKey.entrySet()) {
      out.add(Map.entry(pointOfKey.get(e.getKey()), e.getValue()));
    }
    return out;
  }

  /** The distinct point with the lowest observed mean. */
  Optional<Incumbent> bestObserved() {
    Incumbent best = null;
    for (Map.Entry<Map<String, Object>, double[]> e : distinctPoints()) {
      double mean = e.getValue()[0] / e.getValue()[1];
      if (best == null || mean < best.observedMean()) {
        best = new Incumbent(e.getKey(), mean, (int) e.getValue()[1]);
      }
    }
    return Optional.ofNullable(best);
  }
}
