package org.neurohpo.results.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.model.TrialCompleted;

/** Completed trials per study, in completion order, and the best of each. Thread-safe. */
public final class Leaderboard {
  private final Map<String, List<TrialCompleted>> byStudy = new LinkedHashMap<>();

  public synchronized void add(TrialCompleted t) {
    byStudy.computeIfAbsent(t.studyId(), k -> new ArrayList<>()).add(t);
  }

  public synchronized List<String> studies() {
    return List.copyOf(byStudy.keySet());
  }

  public synchronized Optional<List<TrialCompleted>> trials(String studyId) {
    List<TrialCompleted> t = byStudy.get(studyId);
    return t == null ? Optional.empty() : Optional.of(List.copyOf(t));
  }

  /**
   * Highest mean validation accuracy (what the study optimised); ties to the earlier trial number
   * ({@link TrialCompleted#BY_OBJECTIVE}).
   */
  public synchronized Optional<TrialCompleted> best(String studyId) {
    return TrialCompleted.best(byStudy.getOrDefault(studyId, List.of()));
  }
}
