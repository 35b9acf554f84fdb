package org.neurohpo.results.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which ended studies the service holds in memory: of those whole in the archive (ended, no trial
 * out), the most recently ended ones whose trials add up to at most {@code limit} (a held study
 * costs about 4 KB per trial of ten runs: its trials, events and overview; the newest is held
 * whatever its size). An older whole study is let go; its record stays on the archive topic, which
 * keeps every ended study. Running studies, and ended ones with trials still out, are never let go.
 * Order: by end time, then by study id. What is held is the same however the studies arrive: the
 * longest run of most recently ended studies within the limit (once a study is let go, one that
 * ended before it is let go as it arrives). Plain Java; not thread-safe (the listener calls it
 * under its lock).
 */
public final class Retention {

  /** An ended study: when it ended, its id, its trials. */
  public record Ended(Instant at, String studyId, int trials) {
    public Ended {
      at = at == null ? Instant.EPOCH : at;
      trials = Math.max(1, trials);
    }
  }

  private static final Comparator<Ended> ORDER =
      Comparator.comparing(Ended::at).thenComparing(Ended::studyId);

  private final long limit;
  private final TreeSet<Ended> held = new TreeSet<>(ORDER);
  private final Map<String, Ended> byId = new HashMap<>();
  private long trials;

  /** The most recently ended study let go: one that ended before it is let go on arrival. */
  private Ended horizon;

  public Retention(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the trials of ended studies held must be >= 1");
    }
    this.limit = limit;
  }

  /**
   * A study became whole: returns the studies to let go now (the oldest ended, until the trials
   * held are within the limit; possibly this one, when it ended before every study held).
   */
  public List<String> whole(Ended e) {
    if (byId.containsKey(e.studyId())) {
      return List.of();
    }
    if (horizon != null && ORDER.compare(e, horizon) <= 0) {
      // what is held stays the newest studies, whatever order they became whole in
      return List.of(e.studyId());
    }
    held.add(e);
    byId.put(e.studyId(), e);
    trials += e.trials();
    List<String> out = new ArrayList<>();
    while (trials > limit && held.size() > 1) {
      Ended oldest = held.pollFirst();
      byId.remove(oldest.studyId());
      trials -= oldest.trials();
      horizon = oldest;
      out.add(oldest.studyId());
    }
    return out;
  }

  /** Whole studies held now. */
  public int size() {
    return held.size();
  }

  /** Their trials. */
  public long trials() {
    return trials;
  }

  /**
   * Takes many whole studies at once (the archive at start), oldest first: returns those let go.
   */
  public List<String> wholeAll(List<Ended> ended) {
    List<Ended> sorted = new ArrayList<>(ended);
    sorted.sort(ORDER);
    List<String> out = new ArrayList<>();
    for (Ended e : sorted) {
      out.addAll(whole(e));
    }
    return out;
  }
}
