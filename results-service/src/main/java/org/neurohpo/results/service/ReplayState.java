package org.neurohpo.results.service;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the results service stands on its topics. It keeps its state in memory and reads its topics
 * from the beginning when it starts; this remembers, per topic partition, the next offset to apply,
 * so a record read again (after a rebalance or a broker restart sends a consumer back to the
 * beginning) is applied once. It also knows the highest offset of each partition that was already
 * dead-lettered, by this instance or an earlier one (read from the dead-letter topics at start), so
 * an unreadable record is dead-lettered once across restarts; and the end offsets at start, so the
 * service is ready only once it has caught up with what existed when it started. One entry per
 * partition: bounded by the topics' partition count. Plain Java; thread-safe.
 */
public final class ReplayState {
  private final Map<String, Long> next = new HashMap<>();
  private Map<String, Long> deadLetteredUpTo;
  private Map<String, Long> endAtStart;

  /** The key of a partition in the maps given to {@link #start}. */
  public static String partitionKey(String topic, int partition) {
    return topic + "/" + partition;
  }

  /**
   * What the topics held when the service started: each partition's end offset, and the highest
   * offset of each source partition already dead-lettered (partitions with none left out).
   */
  public synchronized void start(Map<String, Long> endOffsets, Map<String, Long> deadLettered) {
    endAtStart = Map.copyOf(endOffsets);
    deadLetteredUpTo = Map.copyOf(deadLettered);
  }

  /** Whether {@link #start} ran: before it, records must wait. */
  public synchronized boolean started() {
    return endAtStart != null;
  }

  /**
   * Whether the record at {@code offset} is read for the first time; marks it as read. A record
   * read again (an earlier offset than one already read) is not to be applied again.
   */
  public synchronized boolean firstRead(String topic, int partition, long offset) {
    String k = partitionKey(topic, partition);
    long n = next.getOrDefault(k, 0L);
    if (offset < n) {
      return false;
    }
    next.put(k, offset + 1);
    return true;
  }

  /** Whether an unreadable record at this place was dead-lettered already (by any instance). */
  public synchronized boolean deadLetteredBefore(String topic, int partition, long offset) {
    Long upTo =
        deadLetteredUpTo == null ? null : deadLetteredUpTo.get(partitionKey(topic, partition));
    return upTo != null && offset <= upTo;
  }

  /** Whether every record that existed at start has been read. */
  public synchronized boolean caughtUp() {
    if (endAtStart == null) {
      return false;
    }
    for (Map.Entry<String, Long> e : endAtStart.entrySet()) {
      if (e.getValue() > 0 && next.getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
