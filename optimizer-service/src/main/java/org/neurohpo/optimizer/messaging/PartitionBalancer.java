package org.neurohpo.optimizer.messaging;

import java.util.HashMap;
import java.util.Map;

/**
 * Chooses the partition of each new trial: the one with the fewest trials in flight (ties: the next
 * after the last chosen). Evaluators own partitions, not trials, so spreading the trials in flight
 * evenly over the partitions keeps every evaluator busy, where hashing the key would leave some
 * idle while others queue. Thread-safe.
 */
final class PartitionBalancer {
  private final int[] load;
  private final Map<String, Integer> placed = new HashMap<>();
  private int last = -1;

  /** {@code partitions} of the trials topic; 0 if unknown (then Kafka hashes the key). */
  PartitionBalancer(int partitions) {
    this.load = new int[Math.max(0, partitions)];
  }

  /** The partition for a new trial, or -1 to let Kafka choose. */
  synchronized int place(String trialKey) {
    if (load.length == 0) {
      return -1;
    }
    Integer known = placed.get(trialKey);
    if (known != null) {
      return known;
    }
    int best = -1;
    for (int k = 1; k <= load.length; k++) {
      int p = (last + k) % load.length;
      if (best < 0 || load[p] < load[best]) {
        best = p;
      }
    }
    return assign(trialKey, best);
  }

  /** Records a trial already on {@code partition} (recovered from the topic). */
  synchronized void placed(String trialKey, int partition) {
    if (partition >= 0 && partition < load.length && !placed.containsKey(trialKey)) {
      assign(trialKey, partition);
    }
  }

  private int assign(String trialKey, int partition) {
    load[partition]++;
    placed.put(trialKey, partition);
    last = partition;
    return partition;
  }

  /** The trial completed (or its study ended): its partition has one trial fewer in flight. */
  synchronized void done(String trialKey) {
    Integer p = placed.remove(trialKey);
    if (p != null) {
      load[p]--;
    }
  }

  synchronized int inFlight(int partition) {
    return load[partition];
  }

  /** Forgets the trials whose keys {@code handedOver} matches (their studies went elsewhere). */
  synchronized void forget(java.util.function.Predicate<String> handedOver) {
    placed
        .entrySet()
        .removeIf(
            e -> {
              if (handedOver.test(e.getKey())) {
                load[e.getValue()]--;
                return true;
              }
              return false;
            });
  }
}
