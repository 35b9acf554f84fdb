package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts one study's events, read from several topics at once, in causal order: the study's creation
 * first, a trial's request before its runs, its runs before its result, and the study's completion
 * after the results it counts. An event whose causes were not seen yet waits (at most {@link
 * #MAX_WAITING} events; past that the oldest are let through). {@link #flush()} lets every waiting
 * event through in the order of their kind: for the end of a topic's history, where a cause never
 * seen is gone (retention) rather than late. Plain Java; not thread-safe.
 */
public final class CausalOrder {
  public static final int MAX_WAITING = 100_000;

  private final List<JsonNode> waiting = new ArrayList<>();
  private boolean created;
  private final Set<Integer> requested = new HashSet<>();
  private final Map<Integer, Set<Long>> runSeeds = new HashMap<>();
  private final Set<Integer> completed = new HashSet<>();

  /** Takes an event; returns the events that may be printed now, in order. */
  public List<JsonNode> accept(JsonNode e) {
    waiting.add(e);
    List<JsonNode> out = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Iterator<JsonNode> it = waiting.iterator(); it.hasNext(); ) {
        JsonNode w = it.next();
        if (ready(w)) {
          it.remove();
          release(w, out);
          progress = true;
        }
      }
    }
    while (waiting.size() > MAX_WAITING) {
      release(waiting.remove(0), out);
    }
    return out;
  }

  /** Lets every waiting event through, by kind (creation, requests, runs, results, the end). */
  public List<JsonNode> flush() {
    List<JsonNode> out = new ArrayList<>();
    waiting.sort(java.util.Comparator.comparingInt(CausalOrder::rank));
    for (JsonNode w : waiting) {
      release(w, out);
    }
    waiting.clear();
    if (!out.isEmpty()) {
      created = true; // its events were there and its creation was not: it is gone, not late
    }
    return out;
  }

  private static int rank(JsonNode e) {
    return switch (e.path("type").asText()) {
      case "StudyCreated" -> 0;
      case "TrialRequested" -> 1;
      case "RunEvaluated", "RunFailed" -> 2;
      case "TrialCompleted" -> 3;
      default -> 4;
    };
  }

  private boolean ready(JsonNode e) {
    String type = e.path("type").asText();
    if (type.equals("StudyCreated")) {
      return true;
    }
    if (!created) {
      return false;
    }
    int trial = e.path("trialNumber").asInt();
    return switch (type) {
      case "TrialRequested", "StudyStopped" -> true;
      case "RunEvaluated", "RunFailed" -> requested.contains(trial);
      case "TrialCompleted" ->
          requested.contains(trial)
              && runSeeds.getOrDefault(trial, Set.of()).size()
                  >= e.path("runs").size() + e.path("failures").size();
      case "StudyCompleted" -> completed.size() >= e.path("trialsCompleted").asInt();
      case "TrialPruned" -> completed.contains(trial);
      default -> true;
    };
  }

  private void release(JsonNode e, List<JsonNode> out) {
    int trial = e.path("trialNumber").asInt();
    switch (e.path("type").asText()) {
      case "StudyCreated" -> created = true;
      case "TrialRequested" -> requested.add(trial);
      case "RunEvaluated" ->
          runSeeds
              .computeIfAbsent(trial, k -> new HashSet<>())
              .add(e.path("run").path("seed").asLong());
      case "RunFailed" ->
          runSeeds.computeIfAbsent(trial, k -> new HashSet<>()).add(e.path("seed").asLong());
      case "TrialCompleted" -> completed.add(trial);
      default -> {}
    }
    out.add(e);
  }
}
