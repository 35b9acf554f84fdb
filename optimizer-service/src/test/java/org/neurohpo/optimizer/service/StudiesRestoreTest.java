package org.neurohpo.optimizer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurohpo.model.Event;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * An optimizer that dies mid-study and a new one that rebuilds the study from the events on the
 * topics: trial numbers go on without repeats, pending trials are not proposed again, every result
 * is told, and the budget holds.
 */
class StudiesRestoreTest {

  private static final int BUDGET = 9;

  private static StudySpec spec(String strategy) throws Exception {
    return new StudySpec(
        "restart",
        "iris",
        strategy,
        BUDGET,
        List.of(1L, 2L),
        new ObjectMapper()
            .readTree(
                "{\"parameters\":[{\"name\":\"x\",\"type\":\"float\",\"low\":0,\"high\":1},"
                    + "{\"name\":\"e\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]}]}"),
        Map.of("generations", 3),
        7);
  }

  private static TrialCompleted result(TrialRequested t) {
    double x = ((Number) t.params().get("x")).doubleValue();
    double acc = Math.max(0, 0.9 - Math.abs(x - 0.3) - ("b".equals(t.params().get("e")) ? 0 : 0.1));
    // energy grows with x: parego trades it against accuracy
    return new TrialCompleted(
        Event.SCHEMA_VERSION,
        t.studyId(),
        t.trialNumber(),
        t.params(),
        acc,
        0.01,
        acc - 0.05,
        0.01,
        List.of(
            new org.neurohpo.model.RunFigures(1, acc, acc, acc - 0.05, 5, 5, 10, 1 + 100 * x, 0.1)),
        List.of());
  }

  /** Answers the oldest pending trial, appending every event published to {@code log}. */
  private static void answerOne(Studies studies, List<Event> log, Set<Integer> answered) {
    TrialRequested next =
        log.stream()
            .filter(e -> e instanceof TrialRequested t && !answered.contains(t.trialNumber()))
            .map(TrialRequested.class::cast)
            .findFirst()
            .orElseThrow();
    answered.add(next.trialNumber());
    TrialCompleted r = result(next);
    log.add(r);
    log.addAll(studies.onResult(r));
  }

  /** Answers every trial until the study ends; returns every request of the log. */
  private static List<TrialRequested> answerAll(
      Studies studies, String id, List<Event> log, Set<Integer> answered) {
    while (studies.view(id).orElseThrow().state().equals("running")) {
      answerOne(studies, log, answered);
    }
    return log.stream()
        .filter(TrialRequested.class::isInstance)
        .map(TrialRequested.class::cast)
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bo", "random", "grid", "parego"})
  void aNewOptimizerResumesFromTheTopicsWithoutRepeatsAndWithinBudget(String strategy)
      throws Exception {
    Studies first = new Studies(3, 5);
    List<Event> log = new ArrayList<>(first.create(spec(strategy)));
    String id = log.get(0).studyId();
    Set<Integer> answered = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      answerOne(first, log, answered);
    }
    // the first optimizer is gone; a result lands while nobody runs the study
    answerOne(new Studies(3, 5), log, answered);

    History history = new History();
    log.forEach(history::accept);
    Studies second = new Studies(3, 5);
    log.addAll(second.restore(history));
    StudyView resumed = second.view(id).orElseThrow();
    assertThat(resumed.trialsCompleted()).isEqualTo(5);
    assertThat(resumed.state()).isEqualTo("running");
    assertThat(second.inFlight()).isEqualTo(3);

    List<TrialRequested> requested = answerAll(second, id, log, answered);
    assertThat(requested).extracting(TrialRequested::trialNumber).doesNotHaveDuplicates();
    assertThat(requested).hasSize(BUDGET);
    // GP-BO may measure a set again (a re-run of its incumbent or of near-ties), but always on new
    // seeds: a restart must never send the same set on the same seeds twice
    assertThat(
            requested.stream()
                .map(t -> List.of(t.params().get("x"), t.params().get("e"), t.seeds())))
        .as("no configuration proposed twice on the same seeds")
        .doesNotHaveDuplicates();
    assertThat(log).filteredOn(StudyCompleted.class::isInstance).hasSize(1);
    StudyView done = second.view(id).orElseThrow();
    assertThat(done.trialsCompleted()).isEqualTo(BUDGET);
    assertThat(done.state()).isEqualTo("completed");
  }

  /**
   * The first optimizer dies after the request of trial 1 was lost and that of trial 2 reached the
   * topics (one decision's requests go to different partitions): the new one requests trial number
   * 1 first (a new proposal), and the study completes with its whole budget, each number once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bo", "random", "grid", "parego"})
  void aRequestLostWhenTheOptimizerDiedIsRequestedAgain(String strategy) throws Exception {
    Studies first = new Studies(3, 5);
    List<Event> log = new ArrayList<>(first.create(spec(strategy)));
    String id = log.get(0).studyId();
    assertThat(log.removeIf(e -> e instanceof TrialRequested t && t.trialNumber() == 1)).isTrue();
    Set<Integer> answered = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      answerOne(first, log, answered);
    }

    History history = new History();
    log.forEach(history::accept);
    Studies second = new Studies(3, 5);
    List<Event> out = second.restore(history);
    assertThat(out)
        .first()
        .isInstanceOfSatisfying(
            TrialRequested.class, t -> assertThat(t.trialNumber()).isEqualTo(1));
    log.addAll(out);
    List<TrialRequested> requested = answerAll(second, id, log, answered);
    assertThat(requested)
        .extracting(TrialRequested::trialNumber)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, BUDGET).boxed().toList());
    assertThat(second.view(id).orElseThrow().trialsCompleted()).isEqualTo(BUDGET);
    assertThat(second.view(id).orElseThrow().state()).isEqualTo("completed");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void endedStudiesAreKeptForViewingButPublishNothing(boolean stopped) throws Exception {
    Studies first = new Studies(2, 5);
    List<Event> log = new ArrayList<>(first.create(spec("random")));
    String id = log.get(0).studyId();
    Set<Integer> answered = new HashSet<>();
    if (stopped) {
      answerOne(first, log, answered);
      log.add(first.stop(id).orElseThrow());
    } else {
      while (first.view(id).orElseThrow().state().equals("running")) {
        answerOne(first, log, answered);
      }
    }
    History history = new History();
    log.forEach(history::accept);
    Studies second = new Studies(2, 5);
    assertThat(second.restore(history)).isEmpty();
    assertThat(second.view(id).orElseThrow().state()).isEqualTo(stopped ? "stopped" : "completed");
    assertThat(second.inFlight()).isZero();
  }

  /**
   * A study whose history its scheduler cannot have written (an ASHA trial whose first request is
   * at rung 1) is skipped and said with its reason; the other studies of the history are restored
   * all the same, one with a trial number missing (a request lost when an optimizer died) among
   * them: its lost trial is requested again first.
   */
  @org.junit.jupiter.api.Test
  void aStudyThatCannotBeRestoredIsSaidAndKeepsNoOtherFromRecovering() throws Exception {
    StudySpec scheduled = ScheduledTrialsTest.spec("random");
    History history = new History();
    history.accept(
        new org.neurohpo.model.StudyCreated(
            Event.SCHEMA_VERSION, "rung1", scheduled, java.time.Instant.EPOCH));
    history.accept(
        new TrialRequested(
            Event.SCHEMA_VERSION, "rung1", 0, "iris", Map.of("x", 0.5), List.of(3L, 4L), 1));
    history.accept(
        new org.neurohpo.model.StudyCreated(
            Event.SCHEMA_VERSION, "gap", scheduled, java.time.Instant.EPOCH));
    for (int n : new int[] {0, 2}) {
      history.accept(
          new TrialRequested(
              Event.SCHEMA_VERSION, "gap", n, "iris", Map.of("x", n / 4.0), List.of(1L, 2L), 0));
    }
    history.accept(
        new org.neurohpo.model.StudyCreated(
            Event.SCHEMA_VERSION, "fine", spec("random"), java.time.Instant.EPOCH));
    Studies studies = new Studies(3, 5);
    List<Event> out = studies.restore(history);
    assertThat(studies.unrestorable()).isEqualTo(1);
    assertThat(studies.takeUnrestorable())
        .singleElement()
        .asString()
        .startsWith("rung1: ")
        .contains("trial 0 started at rung 1; ASHA starts every trial at 0");
    assertThat(studies.takeUnrestorable()).isEmpty();
    assertThat(out.stream().filter(e -> e.studyId().equals("fine"))).hasSize(3);
    assertThat(out.stream().filter(e -> e.studyId().equals("gap")))
        .singleElement()
        .isInstanceOfSatisfying(
            TrialRequested.class,
            r -> {
              assertThat(r.trialNumber()).isEqualTo(1);
              assertThat(r.seeds()).containsExactly(1L, 2L);
            });
  }
}
