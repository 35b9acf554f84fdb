package org.neurohpo.optimizer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.model.DatasetRegistered;

/**
 * The registered data sets this optimizer knows (from the data-set topic and its own API), without
 * their contents: what a study may name. Thread-safe.
 */
public final class DatasetRegistry {
  /** What the API shows of a registered data set. */
  public record Info(
      String id,
      String name,
      String owner,
      int rows,
      int features,
      int classes,
      Instant registeredAt) {
    static Info of(DatasetRegistered d) {
      return new Info(
          d.id(), d.name(), d.owner(), d.rows(), d.features(), d.classes(), d.registeredAt());
    }
  }

  private final Map<String, Info> byId = new LinkedHashMap<>();

  /** Adds a registered data set (a repeat keeps the first registration). */
  public synchronized Info add(DatasetRegistered d) {
    return byId.computeIfAbsent(d.id(), k -> Info.of(d));
  }

  public synchronized Optional<Info> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public synchronized int size() {
    return byId.size();
  }

  public synchronized boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** Data sets registered by {@code owner}. */
  public synchronized int countOf(String owner) {
    return (int) byId.values().stream().filter(i -> owner.equals(i.owner())).count();
  }

  /** Every registered data set, newest first: {@code limit} from {@code offset}. */
  public synchronized List<Info> page(int offset, int limit) {
    List<Info> all = new ArrayList<>(byId.values());
    java.util.Collections.reverse(all);
    return all.stream().skip(offset).limit(limit).toList();
  }
}
