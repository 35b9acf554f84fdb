package org.neurohpo.results.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every event of every study in arrival order (encoded JSON), and the live subscribers of each
 * study: a subscriber gets the study's history, then each new event, with no gap and no repeat.
 * Thread-safe; subscribers are called under the lock and must not block.
 */
public final class StudyLog {
  private final Map<String, List<String>> events = new LinkedHashMap<>();
  private final Map<String, List<Consumer<String>>> subscribers = new LinkedHashMap<>();

  /** Appends an event of {@code studyId} and hands it to the study's subscribers. */
  public synchronized void append(String studyId, String json) {
    events.computeIfAbsent(studyId, k -> new ArrayList<>()).add(json);
    for (Consumer<String> s : subscribers.getOrDefault(studyId, List.of())) {
      s.accept(json);
    }
  }

  /**
   * Replaces a study's history by a shorter one (an ended study's creation, trials and end, without
   * its runs); its subscribers have had the long one and keep listening.
   */
  public synchronized void replace(String studyId, List<String> history) {
    events.put(studyId, new ArrayList<>(history));
  }

  /**
   * Lets a study's history go (an ended study past {@link Retention}'s limit); live subscribers
   * have had it and stay until they leave.
   */
  public synchronized void forget(String studyId) {
    events.remove(studyId);
  }

  /** Hands {@code subscriber} the study's history now and every later event until cancelled. */
  public synchronized Runnable subscribe(String studyId, Consumer<String> subscriber) {
    events.getOrDefault(studyId, List.of()).forEach(subscriber);
    subscribers.computeIfAbsent(studyId, k -> new ArrayList<>()).add(subscriber);
    return () -> unsubscribe(studyId, subscriber);
  }

  private synchronized void unsubscribe(String studyId, Consumer<String> subscriber) {
    List<Consumer<String>> list = subscribers.get(studyId);
    if (list != null) {
      list.remove(subscriber);
      if (list.isEmpty()) {
        subscribers.remove(studyId); // else every id ever asked for stays (a leak)
      }
    }
  }

  /** Studies with live subscribers (entries of the subscriber map). */
  public synchronized int subscribedStudies() {
    return subscribers.size();
  }

  /** Number of events of a study so far. */
  public synchronized int size(String studyId) {
    return events.getOrDefault(studyId, List.of()).size();
  }

  /** Live subscribers over all studies. */
  public synchronized int subscribers() {
    return subscribers.values().stream().mapToInt(List::size).sum();
  }
}
