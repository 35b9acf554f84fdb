package org.neurohpo.results.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.StudyStopped;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

class StudyIndexTest {
  private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

  static StudySpec spec(String name, int budget) throws Exception {
    return new StudySpec(
        name,
        "iris",
        "random",
        budget,
        List.of(1L, 2L),
        new ObjectMapper()
            .readTree("[{\"name\": \"bins\", \"type\": \"int\", \"low\": 2, \"high\": 9}]"),
        Map.of("generations", 10),
        7);
  }

  static TrialCompleted trial(String study, int n, double mean) {
    return trial(study, n, mean, mean);
  }

  static TrialCompleted trial(String study, int n, double validation, double test) {
    return new TrialCompleted(
        2,
        study,
        n,
        Map.of("bins", n + 2, "generations", 10),
        validation,
        0.02,
        test,
        0.01,
        List.of(new RunFigures(1, validation, validation, test, 9, 4, 2, 3, 1)),
        List.of());
  }

  static TrialCompleted atRung(TrialCompleted t, int rung) {
    return new TrialCompleted(
        t.schemaVersion(),
        t.studyId(),
        t.trialNumber(),
        t.params(),
        t.meanValidationAccuracy(),
        t.stdValidationAccuracy(),
        t.meanTestAccuracy(),
        t.stdTestAccuracy(),
        t.runs(),
        t.failures(),
        rung);
  }

  /** Trial {@code n} measuring the set of trial {@code of} again. */
  static TrialCompleted rerun(String study, int n, int of, double mean) {
    TrialCompleted t = trial(study, of, mean);
    return new TrialCompleted(2, study, n, t.params(), mean, 0.0, mean, 0.0, t.runs(), List.of());
  }

  @Test
  void aSetReRunLowerLosesItsLeadAndARedeliveryIsPooledOnce() throws Exception {
    StudyIndex index = new StudyIndex();
    index.on(new StudyCreated(2, "bo", spec("bo", 4), T0));
    index.on(trial("bo", 0, 0.9));
    index.on(trial("bo", 1, 0.85));
    assertThat(index.detail("bo").orElseThrow().best().trialNumber()).isZero();
    TrialCompleted again = rerun("bo", 2, 0, 0.7); // set 0 again: pooled 0.8 < 0.85
    index.on(again);
    index.on(again); // redelivered
    StudyIndex.Detail d = index.detail("bo").orElseThrow();
    assertThat(d.best().trialNumber()).isEqualTo(1);
    assertThat(d.overview().trialsDone()).isEqualTo(3);
    index.on(rerun("bo", 3, 1, 0.95)); // set 1 confirmed: pooled 0.9
    d = index.detail("bo").orElseThrow();
    assertThat(d.best().trialNumber()).isEqualTo(1);
    assertThat(d.best().runs()).hasSize(2);
    assertThat(d.overview().bestMeanValidationAccuracy())
        .isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aScheduledStudysBestIsOfItsHighestRungAndItsPrunedTrialsAreCounted() throws Exception {
    StudyIndex index = new StudyIndex();
    index.on(new StudyCreated(2, "sch", spec("asha", 3), T0));
    index.on(atRung(trial("sch", 0, 0.9), 0));
    index.on(atRung(trial("sch", 1, 0.6), 0));
    assertThat(index.detail("sch").orElseThrow().best().trialNumber()).isZero();
    index.on(atRung(trial("sch", 1, 0.7), 1)); // promoted: fewer runs no longer compete
    index.on(new org.neurohpo.model.TrialPruned(2, "sch", 0, 0, 2, "ranked low"));
    index.on(new org.neurohpo.model.TrialPruned(2, "sch", 0, 0, 2, "ranked low")); // repeat
    StudyIndex.Detail d = index.detail("sch").orElseThrow();
    assertThat(d.best().trialNumber()).isEqualTo(1);
    assertThat(d.best().rung()).isEqualTo(1);
    assertThat(d.overview().trialsDone()).isEqualTo(2);
    assertThat(d.overview().trialsPruned()).isEqualTo(1);
    assertThat(d.pruned()).containsExactly(0);
  }

  @Test
  void followsAStudyFromCreationToCompletionIgnoringRedeliveries() throws Exception {
    StudyIndex index = new StudyIndex();
    index.on(new StudyCreated(1, "a", spec("first", 3), T0));
    long v0 = index.version();
    index.on(new TrialRequested(1, "a", 0, "iris", Map.of("bins", 2), List.of(1L)));
    index.on(new TrialRequested(1, "a", 0, "iris", Map.of("bins", 2), List.of(1L)));
    index.on(trial("a", 0, 0.8));
    index.on(trial("a", 0, 0.8)); // redelivered
    index.on(trial("a", 1, 0.9));
    index.on(trial("a", 2, 0.9)); // a tie goes to the earlier trial
    assertThat(index.version()).isGreaterThan(v0);
    StudyIndex.Overview o = index.overview().get(0);
    assertThat(o.name()).isEqualTo("first");
    assertThat(o.status()).isEqualTo("running");
    assertThat(o.trialsRequested()).isEqualTo(1);
    assertThat(o.trialsDone()).isEqualTo(3);
    assertThat(o.budget()).isEqualTo(3);
    assertThat(o.bestTrialNumber()).isEqualTo(1);
    assertThat(o.bestMeanTestAccuracy()).isEqualTo(0.9);
    long v1 = index.version();
    index.on(trial("a", 1, 0.9));
    assertThat(index.version()).as("a redelivery changes nothing").isEqualTo(v1);
    index.on(
        new StudyCompleted(2, "a", 3, 1, Map.of("bins", 3), 0.9, 0.9, "budget", T0.plusSeconds(9)));
    assertThat(index.overview().get(0).status()).isEqualTo("completed");
    assertThat(index.overview().get(0).endedAt()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void theBestIsTheHighestValidationMeanEvenWhereTheTestMeanDisagrees() throws Exception {
    StudyIndex index = new StudyIndex();
    index.on(new StudyCreated(2, "v", spec("valid", 3), T0));
    index.on(trial("v", 0, 0.7, 0.95)); // best on test, never seen by the search
    index.on(trial("v", 1, 0.9, 0.8));
    StudyIndex.Overview o = index.overview().get(0);
    assertThat(o.bestTrialNumber()).isEqualTo(1);
    assertThat(o.bestMeanValidationAccuracy()).isEqualTo(0.9);
    assertThat(o.bestMeanTestAccuracy()).isEqualTo(0.8);
  }

  @Test
  void listsNewestFirstAndKnowsStudiesWhoseCreationItDidNotSee() throws Exception {
    StudyIndex index = new StudyIndex();
    index.on(new TrialRequested(1, "old", 0, "wine", Map.of("bins", 2), List.of(1L)));
    index.on(new StudyCreated(1, "new", spec("second", 5), T0));
    index.on(new StudyStopped(1, "new", "stopped by a user", T0.plusSeconds(1)));
    assertThat(index.overview())
        .extracting(StudyIndex.Overview::studyId)
        .containsExactly("new", "old");
    StudyIndex.Overview old = index.overview().get(1);
    assertThat(old.name()).isNull();
    assertThat(old.dataset()).isEqualTo("wine");
    assertThat(old.budget()).isZero();
    assertThat(old.bestMeanTestAccuracy()).isNull();
    assertThat(index.overview().get(0).status()).isEqualTo("stopped");
    assertThat(index.overview().get(0).reason()).isEqualTo("stopped by a user");
    assertThat(index.detail("old").orElseThrow().spec()).isNull();
    assertThat(index.detail("none")).isEmpty();
  }

  @Test
  void aStudyEndsOnceAndAnEndAloneListsNoStudy() throws Exception {
    StudyIndex index = new StudyIndex();
    index.on(new StudyCreated(1, "a", spec("first", 3), T0));
    index.on(
        new StudyCompleted(2, "a", 3, 1, Map.of("bins", 3), 0.9, 0.9, "budget", T0.plusSeconds(9)));
    index.on(new StudyStopped(1, "a", "forged", T0.plusSeconds(20)));
    assertThat(index.overview().get(0).status()).isEqualTo("completed");
    assertThat(index.overview().get(0).reason()).isEqualTo("budget");

    index.on(new StudyStopped(1, "ghost", "stray", T0));
    assertThat(index.overview()).extracting(StudyIndex.Overview::studyId).containsExactly("a");
    assertThat(index.detail("ghost")).isEmpty();
    // its trials, read later from another topic, show it with the end it had
    index.on(new TrialRequested(1, "ghost", 0, "iris", Map.of("bins", 2), List.of(1L)));
    assertThat(index.detail("ghost").orElseThrow().overview().status()).isEqualTo("stopped");
  }
}
