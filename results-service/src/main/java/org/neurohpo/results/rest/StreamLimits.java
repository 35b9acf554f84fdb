package org.neurohpo.results.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many live streams (server-sent events) are open, in total and per study: past {@code
 * neurohpo.results.streams.max} in total or {@code neurohpo.results.streams.max-per-study} on one
 * study, a new stream is refused (503), so a flood of clients cannot exhaust the service.
 */
@ApplicationScoped
public class StreamLimits {
  private final int max;
  private final int maxPerStudy;
  private final Map<String, Integer> open = new HashMap<>();
  private int total;

  @Inject
  public StreamLimits(
      @ConfigProperty(name = "neurohpo.results.streams.max", defaultValue = "256") int max,
      @ConfigProperty(name = "neurohpo.results.streams.max-per-study", defaultValue = "32")
          int maxPerStudy) {
    this.max = max;
    this.maxPerStudy = maxPerStudy;
  }

  /** Opens a stream of a study if the limits allow; true when it may go ahead. */
  public synchronized boolean open(String key) {
    return open(key, maxPerStudy);
  }

  /** Opens a stream that is not a study's (the overview): only the total limit applies. */
  public synchronized boolean openShared(String key) {
    return open(key, max);
  }

  private boolean open(String key, int perKey) {
    int n = open.getOrDefault(key, 0);
    if (total >= max || n >= perKey) {
      return false;
    }
    open.put(key, n + 1);
    total++;
    return true;
  }

  /** A stream of {@code key} ended. */
  public synchronized void close(String key) {
    Integer n = open.get(key);
    if (n == null) {
      return;
    }
    if (n <= 1) {
      open.remove(key);
    } else {
      open.put(key, n - 1);
    }
    total--;
  }

  public synchronized int total() {
    return total;
  }
}
