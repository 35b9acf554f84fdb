package org.neurohpo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
  private static final Instant T = Instant.parse("2026-11-28T12:00:00Z");

  static Stream<Event> everyKindOfEvent() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("encoder", "bins");
    params.put("bins", 4);
    params.put("thresholdInclusive", true);
    params.put("crossoverRate", 0.5);
    RunFigures run = new RunFigures(1, 0.95, 0.9, 0.93, 12, 30, 41.5, 80.25, 2.1);
    StudySpec spec =
        new StudySpec(
            "iris-bo",
            "iris",
            "bo",
            40,
            List.of(1L, 2L),
            JsonNodeFactory.instance.arrayNode(),
            Map.of("generations", 20),
            7);
    StudyCreated created = new StudyCreated(1, "s-1", spec, T, "alice");
    TrialCompleted done =
        new TrialCompleted(2, "s-1", 3, params, 0.9, 0.0, 0.93, 0.0, List.of(run), List.of());
    return Stream.of(
        new StudyCreated(1, "s-1", spec, T),
        new StudyCompleted(2, "s-1", 40, 12, params, 0.97, 0.96, "budget", T),
        new StudyStopped(1, "s-1", "stopped by user", T),
        new TrialRequested(1, "s-1", 3, "iris", params, List.of(1L, 2L)),
        new RunEvaluated(2, "s-1", 3, run, "evaluator-a"),
        new RunFailed(1, "s-1", 3, 2, "out of memory", "evaluator-b"),
        new TrialCompleted(2, "s-1", 3, params, 0.9, 0.0, 0.93, 0.0, List.of(run), List.of()),
        new StudyArchived(
            2,
            "s-1",
            created,
            new StudyCompleted(2, "s-1", 1, 3, params, 0.9, 0.93, "budget", T),
            null,
            List.of(done),
            List.of(),
            0,
            1),
        new StudyCreated(2, "s-2", scheduled(spec), T, "bob"),
        new TrialRequested(2, "s-2", 3, "iris", params, List.of(3L, 4L, 5L, 6L), 1),
        new TrialCompleted(2, "s-2", 3, params, 0.9, 0.0, 0.93, 0.0, List.of(run), List.of(), 1),
        new TrialPruned(2, "s-2", 4, 0, 2, "not in the top 1/3 of rung 0"),
        new RunEvaluated(2, "s-2", 3, run, "evaluator-a", 1),
        new RunFailed(2, "s-2", 3, 5, "study stopped", "evaluator-b", 2));
  }

  private static StudySpec scheduled(StudySpec s) {
    return new StudySpec(
        s.name(),
        s.dataset(),
        s.strategy(),
        s.budget(),
        List.of(1L, 2L, 3L, 4L, 5L, 6L),
        s.searchSpace(),
        s.fixedParams(),
        s.optimizerSeed(),
        new SchedulerSpec("asha", "runs", 2, 6, 3));
  }

  @Test
  void decodesATrialOfAnUnscheduledStudyWithoutARung() {
    String json =
        "{\"type\":\"TrialRequested\",\"schemaVersion\":2,\"studyId\":\"s\",\"trialNumber\":1,"
            + "\"dataset\":\"iris\",\"params\":{},\"seeds\":[1]}";
    assertThat(((TrialRequested) EventCodec.decode(json)).rung()).isNull();
  }

  @Test
  void decodesRunsFromBeforeTheRungFieldWithoutARung() {
    String evaluated =
        "{\"type\":\"RunEvaluated\",\"schemaVersion\":1,\"studyId\":\"s\",\"trialNumber\":1,"
            + "\"run\":{\"seed\":1,\"trainAccuracy\":0.5,\"testAccuracy\":0.5,\"neurons\":1,"
            + "\"synapses\":1,\"spikesPerSample\":1,\"synapseEventsPerSample\":1,\"seconds\":1},"
            + "\"evaluator\":\"e\"}";
    String failed =
        "{\"type\":\"RunFailed\",\"schemaVersion\":2,\"studyId\":\"s\",\"trialNumber\":1,"
            + "\"seed\":1,\"reason\":\"x\",\"evaluator\":\"e\"}";
    assertThat(((RunEvaluated) EventCodec.decode(evaluated)).rung()).isNull();
    assertThat(((RunFailed) EventCodec.decode(failed)).rung()).isNull();
    assertThatThrownBy(() -> EventCodec.decode(failed.replace("}", ",\"rung\":-1}")))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessage("rung must be >= 0 when given, got -1");
  }

  @Test
  void rejectsABadSchedulerNamingTheField() {
    assertThatThrownBy(() -> new SchedulerSpec("median", "runs", 2, 10, 3))
        .hasMessage("scheduler.type must be asha or hyperband, got 'median'");
    assertThatThrownBy(() -> new SchedulerSpec("asha", "epochs", 2, 10, 3))
        .hasMessage("scheduler.fidelity must be runs or generations, got 'epochs'");
    assertThatThrownBy(() -> new SchedulerSpec("asha", "runs", 0, 10, 3))
        .hasMessage("scheduler.min must be >= 1, got 0");
    assertThatThrownBy(() -> new SchedulerSpec("asha", "runs", 4, 3, 3))
        .hasMessage("scheduler.max must be >= scheduler.min (4), got 3");
    assertThatThrownBy(() -> new SchedulerSpec("asha", "runs", 2, 10, 1))
        .hasMessage("scheduler.eta must be >= 2, got 1");
    StudySpec s = ((StudyCreated) everyKindOfEvent().findFirst().get()).spec();
    assertThatThrownBy(
            () ->
                new StudySpec(
                    "n",
                    "iris",
                    "random",
                    3,
                    List.of(1L, 2L),
                    s.searchSpace(),
                    Map.of(),
                    1,
                    new SchedulerSpec("asha", "runs", 2, 10, 3)))
        .hasMessageContaining("scheduler.max is 10 runs but seeds name only 2");
  }

  @Test
  void laysRungsGeometricallyUpToTheMaximum() {
    assertThat(new SchedulerSpec("asha", "runs", 2, 10, 3).rungs()).containsExactly(2, 6, 10);
    assertThat(new SchedulerSpec("asha", "runs", 1, 9, 3).rungs()).containsExactly(1, 3, 9);
    assertThat(new SchedulerSpec("asha", "runs", 5, 5, 3).rungs()).containsExactly(5);
  }

  @ParameterizedTest
  @MethodSource("everyKindOfEvent")
  void roundTripsEveryEvent(Event event) {
    String json = EventCodec.encode(event);
    assertThat(json).contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
    assertThat(EventCodec.decode(json)).isEqualTo(event);
  }

  @Test
  void keepsParameterValuesTyped() {
    TrialRequested t = (TrialRequested) everyKindOfEvent().skip(3).findFirst().orElseThrow();
    String json = EventCodec.encode(t);
    assertThat(json).contains("\"bins\":4", "\"thresholdInclusive\":true", "\"encoder\":\"bins\"");
    TrialRequested back = (TrialRequested) EventCodec.decode(json);
    assertThat(back.params().get("bins")).isEqualTo(4);
    assertThat(back.params().get("thresholdInclusive")).isEqualTo(true);
  }

  @Test
  void rejectsNotJson() {
    assertThatThrownBy(() -> EventCodec.decode("{not json"))
        .isInstanceOf(EventCodec.MalformedEventException.class);
  }

  @Test
  void rejectsUnknownType() {
    assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"Nonsense\",\"studyId\":\"s\"}"))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("Nonsense");
  }

  @Test
  void rejectsAnInvalidFieldNamingIt() {
    String json =
        "{\"type\":\"RunFailed\",\"schemaVersion\":1,\"studyId\":\"s\",\"trialNumber\":-1,"
            + "\"seed\":1,\"reason\":\"x\",\"evaluator\":\"e\"}";
    assertThatThrownBy(() -> EventCodec.decode(json))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("trialNumber must be >= 0, got -1");
  }

  @Test
  void namesAMissingPrimitiveField() {
    assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"TrialRequested\",\"trialNumber\":4}"))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessage("field 'schemaVersion' is missing, null or of the wrong type");
  }

  @Test
  void rejectsAFutureSchemaVersion() {
    assertThatThrownBy(() -> new StudyStopped(3, "s", "why", T))
        .hasMessage("schemaVersion must be in [1, 2], got 3");
  }

  /** Records as schema version 1 wrote them, before validation existed (issue 15). */
  private static final String V1_RUN =
      "{\"type\":\"RunEvaluated\",\"schemaVersion\":1,\"studyId\":\"s-1\",\"trialNumber\":3,"
          + "\"run\":{\"seed\":1,\"trainAccuracy\":0.95,\"testAccuracy\":0.93,\"neurons\":12,"
          + "\"synapses\":30,\"spikesPerSample\":41.5,\"synapseEventsPerSample\":80.25,"
          + "\"seconds\":2.1},\"evaluator\":\"evaluator-a\"}";

  private static final String V1_TRIAL =
      "{\"type\":\"TrialCompleted\",\"schemaVersion\":1,\"studyId\":\"s-1\",\"trialNumber\":3,"
          + "\"params\":{\"bins\":4},\"meanTestAccuracy\":0.93,\"stdTestAccuracy\":0.0,"
          + "\"runs\":[],\"failures\":[]}";

  private static final String V1_COMPLETED =
      "{\"type\":\"StudyCompleted\",\"schemaVersion\":1,\"studyId\":\"s-1\","
          + "\"trialsCompleted\":40,\"bestTrialNumber\":12,\"bestParams\":{\"bins\":4},"
          + "\"bestMeanTestAccuracy\":0.96,\"reason\":\"budget\","
          + "\"completedAt\":\"2026-11-28T12:00:00Z\"}";

  @Test
  void decodesVersion1RecordsWithoutValidationFigures() {
    RunEvaluated run = (RunEvaluated) EventCodec.decode(V1_RUN);
    assertThat(run.run().validationAccuracy()).isNull();
    assertThat(run.run().testAccuracy()).isEqualTo(0.93);
    TrialCompleted trial = (TrialCompleted) EventCodec.decode(V1_TRIAL);
    assertThat(trial.meanValidationAccuracy()).isNull();
    assertThat(trial.stdValidationAccuracy()).isNull();
    assertThat(trial.objectiveAccuracy()).isEqualTo(0.93); // selected on test before version 2
    StudyCompleted done = (StudyCompleted) EventCodec.decode(V1_COMPLETED);
    assertThat(done.bestMeanValidationAccuracy()).isNull();
    assertThat(done.bestMeanTestAccuracy()).isEqualTo(0.96);
  }

  @Test
  void version2RecordsMustCarryTheirValidationFigures() {
    assertThatThrownBy(
            () -> EventCodec.decode(V1_RUN.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessage(
            "run.validationAccuracy is required from schemaVersion 2 on, got schemaVersion 2");
    assertThatThrownBy(
            () -> EventCodec.decode(V1_TRIAL.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("meanValidationAccuracy is required from schemaVersion 2 on");
    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    V1_COMPLETED.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("bestMeanValidationAccuracy is required from schemaVersion 2 on");
  }

  @Test
  void rejectsAValidationAccuracyOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new RunFigures(1, 0.9, 1.5, 0.9, 1, 1, 0, 0, 0))
        .hasMessage("validationAccuracy must be in [0, 1], got 1.5");
  }

  @Test
  void theBestTrialHasTheHighestValidationMeanWhateverItsTestMean() {
    TrialCompleted validationBest =
        new TrialCompleted(2, "s", 0, Map.of("bins", 4), 0.9, 0.0, 0.7, 0.0, List.of(), List.of());
    TrialCompleted testBest =
        new TrialCompleted(2, "s", 1, Map.of("bins", 5), 0.8, 0.0, 0.95, 0.0, List.of(), List.of());
    TrialCompleted tieLater =
        new TrialCompleted(2, "s", 2, Map.of("bins", 6), 0.9, 0.0, 0.99, 0.0, List.of(), List.of());
    assertThat(TrialCompleted.best(List.of(testBest, tieLater, validationBest)))
        .containsSame(validationBest);
    assertThat(TrialCompleted.best(List.of())).isEmpty();
  }

  private static List<RunFigures> runs(double validation, double test, int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> new RunFigures(i, 0.9, validation, test, 1, 1, 0, 0, 0))
        .toList();
  }

  @Test
  void aSetMeasuredTwiceCompetesByAllItsRuns() {
    // GP-BO re-ran set A on fresh seeds and it fell: pooled over its 20 runs it is below set B
    TrialCompleted a =
        new TrialCompleted(
            2, "s", 1, Map.of("bins", 4), 0.9, 0.0, 0.8, 0.0, runs(0.9, 0.8, 10), List.of());
    TrialCompleted b =
        new TrialCompleted(
            2, "s", 2, Map.of("bins", 5), 0.85, 0.0, 0.7, 0.0, runs(0.85, 0.7, 10), List.of());
    TrialCompleted aAgain =
        new TrialCompleted(
            2, "s", 3, Map.of("bins", 4), 0.7, 0.0, 0.6, 0.0, runs(0.7, 0.6, 10), List.of("x"));
    assertThat(TrialCompleted.best(List.of(a, b, aAgain))).containsSame(b);

    TrialCompleted pooled = TrialCompleted.pooled(List.of(aAgain, a));
    assertThat(pooled.trialNumber()).isEqualTo(1);
    assertThat(pooled.meanValidationAccuracy()).isCloseTo(0.8, within(1e-12));
    assertThat(pooled.meanTestAccuracy()).isCloseTo(0.7, within(1e-12));
    // sample std of ten 0.9 and ten 0.7: sqrt(20 * 0.01 / 19)
    assertThat(pooled.stdValidationAccuracy()).isCloseTo(Math.sqrt(0.2 / 19), within(1e-12));
    assertThat(pooled.runs()).hasSize(20);
    assertThat(pooled.failures()).containsExactly("x");

    // re-measured and confirmed: the set stays the best, with its pooled figures
    TrialCompleted aConfirmed =
        new TrialCompleted(
            2, "s", 3, Map.of("bins", 4), 0.88, 0.0, 0.8, 0.0, runs(0.88, 0.8, 10), List.of());
    TrialCompleted best = TrialCompleted.best(List.of(a, b, aConfirmed)).orElseThrow();
    assertThat(best.trialNumber()).isEqualTo(1);
    assertThat(best.meanValidationAccuracy()).isCloseTo(0.89, within(1e-12));
  }

  @Test
  void rejectsAParameterValueThatIsNotAScalar() {
    assertThatThrownBy(
            () -> new TrialRequested(1, "s", 0, "iris", Map.of("bins", List.of(1)), List.of(1L)))
        .hasMessageContaining("param 'bins' must be a number, boolean or string");
  }

  @Test
  void namesDeadLetterTopics() {
    assertThat(Topics.deadLetter(Topics.TRIALS)).isEqualTo("neurohpo.trials.v1.dlq");
  }

  @ParameterizedTest
  @MethodSource("everyKindOfEvent")
  void everyEventBelongsOnExactlyOneTopic(Event event) {
    List<String> topics =
        Stream.of(Topics.TRIALS, Topics.EVALUATIONS, Topics.RESULTS, Topics.STUDIES, Topics.ARCHIVE)
            .filter(t -> Topics.belongsOn(t, event))
            .toList();
    assertThat(topics).hasSize(1);
    assertThat(EventCodec.decodeOn(topics.get(0), EventCodec.encode(event))).isEqualTo(event);
  }

  @Test
  void aValidEventOnTheWrongTopicIsMalformedThere() {
    String stopped = EventCodec.encode(new StudyStopped(1, "s-1", "by hand", T));
    assertThatThrownBy(() -> EventCodec.decodeOn(Topics.EVALUATIONS, stopped))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessage(
            "a StudyStopped does not belong on neurohpo.evaluations.v1 (expected RunEvaluated or"
                + " RunFailed)");
  }
}
