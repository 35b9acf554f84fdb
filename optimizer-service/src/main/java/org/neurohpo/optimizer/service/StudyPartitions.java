package org.neurohpo.optimizer.service;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;

/**
 * Which studies this optimizer drives. A study belongs to the partition of the results topic its id
 * hashes to (Kafka's partitioner for a keyed record: the results service keys each result by its
 * study), and an optimizer drives the studies of the partitions the {@code neurohpo-optimizer}
 * consumer group gave it. So several optimizers share the studies without talking to each other,
 * each receives exactly the results of its own studies, and when one dies the group gives its
 * partitions, and with them its studies, to the others. Plain Java; thread-safe.
 */
public final class StudyPartitions {
  /** Tries at an id of an owned partition (1 in 32 of them with 32 optimizers on 32 partitions). */
  private static final int ID_TRIES = 10_000;

  private final Set<Integer> owned = new TreeSet<>();
  private int partitions;

  /** The results-topic partition of a study, as Kafka's partitioner places its key. */
  public static int of(String studyId, int partitions) {
    return Utils.toPositive(Utils.murmur2(studyId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The group gave this optimizer {@code added} of the results topic's {@code partitions}. */
  public synchronized void assigned(int partitions, Iterable<Integer> added) {
    this.partitions = partitions;
    added.forEach(owned::add);
  }

  /** The group took {@code removed} from this optimizer. */
  public synchronized void revoked(Iterable<Integer> removed) {
    removed.forEach(owned::remove);
  }

  /** Whether this optimizer drives the study (its partition is one of ours). */
  public synchronized boolean owns(String studyId) {
    return partitions > 0 && owned.contains(of(studyId, partitions));
  }

  /** Whether the study lies on one of {@code partitionSet} (of the current partition count). */
  public synchronized boolean on(String studyId, Set<Integer> partitionSet) {
    return partitions > 0 && partitionSet.contains(of(studyId, partitions));
  }

  /** Partitions owned now, ascending. */
  public synchronized Set<Integer> owned() {
    return Set.copyOf(owned);
  }

  /** A new study id, one this optimizer drives when it owns any partition. */
  public String newStudyId() {
    return newStudyId(() -> UUID.randomUUID().toString().substring(0, 8));
  }

  String newStudyId(Supplier<String> suffixes) {
    String id = "study-" + suffixes.get();
    for (int i = 0; i < ID_TRIES && !owns(id); i++) {
      id = "study-" + suffixes.get();
    }
    return id; // owned by another optimizer when this one owns nothing: it adopts the study
  }
}
