package org.neurohpo.results.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.StudyArchived;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/** When an ended study is written to the archive, and when it is not written again. */
class ArchivistTest {
  private static final Instant T = Instant.parse("2026-12-02T06:00:00Z");
  private final Map<String, List<TrialCompleted>> board = new java.util.HashMap<>();

  private List<StudyArchived> on(Archivist a, Object e) {
    if (e instanceof TrialCompleted t) {
      board.computeIfAbsent(t.studyId(), k -> new ArrayList<>()).add(t);
    }
    return a.on((org.neurohpo.model.Event) e, id -> board.getOrDefault(id, List.of()));
  }

  @Test
  void aCompletedStudyIsWrittenOnceWhenEveryTrialItCountsIsIn() throws Exception {
    Archivist a = new Archivist();
    StudyCreated created = new StudyCreated(2, "c", StudyIndexTest.spec("c", 2), T, "alice");
    assertThat(on(a, created)).isEmpty();
    assertThat(on(a, StudyIndexTest.trial("c", 0, 0.8))).isEmpty();
    StudyCompleted done = new StudyCompleted(2, "c", 2, 1, Map.of(), 0.9, 0.9, "budget", T);
    assertThat(on(a, done)).as("one of its two trials is still on its way").isEmpty();
    List<StudyArchived> parts = on(a, StudyIndexTest.trial("c", 1, 0.9));
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).trials()).extracting(TrialCompleted::trialNumber).containsExactly(0, 1);
    assertThat(parts.get(0).completed()).isEqualTo(done);
    assertThat(a.whole("c")).isTrue();
    assertThat(on(a, done)).as("read again").isEmpty();
    assertThat(on(a, StudyIndexTest.trial("c", 1, 0.9))).isEmpty();
  }

  @Test
  void aScheduledStudyIsWholeOnceItsPromotedTrialsAndItsPrunesAreIn() throws Exception {
    Archivist a = new Archivist();
    Leaderboard lb = new Leaderboard();
    java.util.function.Function<String, List<TrialCompleted>> trials =
        id -> lb.trials(id).orElse(List.of());
    a.on(new StudyCreated(2, "h", StudyIndexTest.spec("h", 2), T, "carol"), trials);
    a.on(new TrialRequested(2, "h", 0, "iris", Map.of(), List.of(1L, 2L), 0), trials);
    a.on(new TrialRequested(2, "h", 1, "iris", Map.of(), List.of(1L, 2L), 0), trials);
    for (TrialCompleted t :
        List.of(StudyIndexTest.trial("h", 0, 0.5), StudyIndexTest.trial("h", 1, 0.8))) {
      lb.add(StudyIndexTest.atRung(t, 0));
      assertThat(a.on(StudyIndexTest.atRung(t, 0), trials)).isEmpty();
    }
    a.on(new TrialRequested(2, "h", 1, "iris", Map.of(), List.of(3L, 4L), 1), trials);
    StudyCompleted done = new StudyCompleted(2, "h", 2, 1, Map.of(), 0.8, 0.8, "budget", T, 1);
    assertThat(a.on(done, trials)).as("trial 1's rung 1 is out").isEmpty();
    TrialCompleted promoted = StudyIndexTest.atRung(StudyIndexTest.trial("h", 1, 0.8), 1);
    lb.add(promoted);
    assertThat(a.on(promoted, trials)).as("its prune is on its way").isEmpty();
    List<StudyArchived> parts =
        a.on(new org.neurohpo.model.TrialPruned(2, "h", 0, 0, 2, "ranked low"), trials);
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).whole()).isTrue();
    assertThat(parts.get(0).pruned()).containsExactly(0);
    assertThat(parts.get(0).trials()).extracting(TrialCompleted::rung).containsExactly(0, 1);
  }

  @Test
  void aStoppedStudyIsWrittenAtItsStopAndForEachLateTrialUntilNoneIsOut() throws Exception {
    Archivist a = new Archivist();
    StudyCreated created = new StudyCreated(2, "s", StudyIndexTest.spec("s", 5), T, "bob");
    StudyStopped stop = new StudyStopped(2, "s", "stopped by request", T);
    on(a, created);
    for (int n = 0; n < 3; n++) {
      on(a, new TrialRequested(2, "s", n, "iris", Map.of("bins", n + 2), List.of(1L)));
    }
    on(a, StudyIndexTest.trial("s", 0, 0.8));
    List<StudyArchived> atStop = on(a, stop);
    assertThat(atStop).hasSize(1);
    assertThat(atStop.get(0).trials()).hasSize(1);
    assertThat(atStop.get(0).pending()).containsExactly(1, 2);
    assertThat(on(a, stop)).as("the stop read again").isEmpty();
    assertThat(on(a, StudyIndexTest.trial("s", 2, 0.7)).get(0).pending()).containsExactly(1);
    assertThat(a.whole("s")).as("trial 1 may still report").isFalse();

    // after a restart: loaded with its two trials and one out; its events read again write
    // nothing, and the last trial makes it whole
    Archivist restarted = new Archivist();
    StudyArchived last =
        StudyArchived.of(created, stop, board.get("s"), List.of(1), List.of()).get(0);
    restarted.loaded(last, 2);
    assertThat(restarted.on(created, id -> board.get(id))).isEmpty();
    assertThat(restarted.on(stop, id -> board.get(id))).isEmpty();
    List<StudyArchived> whole = on(restarted, StudyIndexTest.trial("s", 1, 0.6));
    assertThat(whole.get(0).whole()).isTrue();
    assertThat(whole.get(0).trials()).hasSize(3);
    assertThat(restarted.whole("s")).isTrue();
  }

  @Test
  void aLargeStudyIsWrittenInPartsUnderTheLimit() throws Exception {
    StudyCreated created = new StudyCreated(2, "big", StudyIndexTest.spec("big", 5000), T);
    List<TrialCompleted> trials = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      trials.add(StudyIndexTest.trial("big", i, 0.5));
    }
    List<StudyArchived> parts =
        StudyArchived.of(
            created, new StudyStopped(2, "big", "stopped", T), trials, List.of(), List.of());
    assertThat(parts.size()).isGreaterThan(1);
    assertThat(parts.stream().mapToInt(p -> p.trials().size()).sum()).isEqualTo(5000);
    for (StudyArchived p : parts) {
      assertThat(org.neurohpo.model.EventCodec.encode(p).length()).isLessThan(900_000);
      assertThat(p.key()).isEqualTo(p.part() == 0 ? "big" : "big#" + p.part());
    }
  }
}
