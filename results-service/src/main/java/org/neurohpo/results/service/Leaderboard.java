package org.neurohpo.results.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurohpo.model.TrialCompleted;

/**
 * Completed trials per study, in completion order, and the best of each. A scheduled study's trial
 * completes again at each rung it reaches: its entry is replaced by the higher rung's, in place.
 * Thread-safe.
 */
public final class Leaderboard {
  private final Map<String, List<TrialCompleted>> byStudy = new LinkedHashMap<>();

  public synchronized void add(TrialCompleted t) {
    List<TrialCompleted> trials = byStudy.computeIfAbsent(t.studyId(), k -> new ArrayList<>());
    for (int i = 0; i < trials.size(); i++) {
      if (trials.get(i).trialNumber() == t.trialNumber()) {
        if (rung(t) > rung(trials.get(i))) {
          trials.set(i, t);
        }
        return;
      }
    }
    trials.add(t);
  }

  private static int rung(TrialCompleted t) {
    return t.rung() == null ? -1 : t.rung();
  }

  /** Lets a study's trials go (an ended study past {@link Retention}'s limit). */
  public synchronized void forget(String studyId) {
    byStudy.remove(studyId);
  }

  public synchronized List<String> studies() {
    return List.copyOf(byStudy.keySet());
  }

  public synchronized Optional<List<TrialCompleted>> trials(String studyId) {
    List<TrialCompleted> t = byStudy.get(studyId);
    return t == null ? Optional.empty() : Optional.of(List.copyOf(t));
  }

  /**
   * Highest mean validation accuracy (what the study optimised); ties to the earlier trial number;
   * in a scheduled study among the trials of the highest rung ({@link
   * TrialCompleted#BY_RECOMMENDATION}).
   */
  public synchronized Optional<TrialCompleted> best(String studyId) {
    return TrialCompleted.best(byStudy.getOrDefault(studyId, List.of()));
  }
}
