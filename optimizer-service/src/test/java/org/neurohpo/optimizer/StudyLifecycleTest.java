package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * The optimizer on a real broker, with this test playing evaluators and results service: a study
 * runs exactly its budget of distinct trials, keeps the configured number in flight, completes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class StudyLifecycleTest {
  static final String TOKEN = "tester-token-0123456789";

  private static final String SPACE =
      "{\"parameters\":[{\"name\":\"bins\",\"type\":\"int\",\"low\":2,\"high\":16},"
          + "{\"name\":\"encoder\",\"type\":\"cat\",\"choices\":[\"bins\",\"rate\"]}]}";

  @Test
  void invalidSpecIsRejectedNamingEveryProblemAndPublishesNothing() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(
            "{\"name\":\"bad\",\"dataset\":\"marker-dataset\",\"strategy\":\"annealing\","
                + "\"budget\":0,\"seeds\":[1],\"searchSpace\":[{\"name\":\"x\",\"type\":\"float\","
                + "\"low\":1,\"high\":0}]}")
        .post("/studies")
        .then()
        .statusCode(400)
        .body("problems", hasSize(4))
        .body("problems", hasItem(startsWith("unknown dataset 'marker-dataset' (built-in: iris")))
        .body("problems", hasItem(startsWith("strategy must be one of grid, random, bo, parego")))
        .body("problems", hasItem(startsWith("budget must be an integer in [1, 10000]")))
        .body("problems", hasItem(startsWith("searchSpace: ")));
    List<ConsumerRecord<String, String>> trials =
        KafkaBroker.probe().read(Topics.TRIALS, 1000, Duration.ofSeconds(3));
    assertThat(trials).noneMatch(r -> r.value().contains("marker-dataset"));
  }

  @Test
  void studyRunsItsBudgetOfDistinctTrialsAndCompletes() {
    String id =
        given()
            .auth()
            .oauth2(TOKEN)
            .contentType("application/json")
            .body(
                "{\"name\":\"demo\",\"dataset\":\"iris\",\"strategy\":\"bo\",\"budget\":6,"
                    + "\"seeds\":[1,2],\"searchSpace\":"
                    + SPACE
                    + ",\"fixedParams\":{\"generations\":3},\"optimizerSeed\":5}")
            .post("/studies")
            .then()
            .statusCode(201)
            .extract()
            .path("studyId");
    Set<Integer> answered = new HashSet<>();
    StudyCompleted done = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (done == null && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r :
          KafkaBroker.probe().read(Topics.TRIALS, 1000, Duration.ofSeconds(1))) {
        if (EventCodec.decode(r.value()) instanceof TrialRequested t
            && t.studyId().equals(id)
            && answered.add(t.trialNumber())) {
          assertThat(t.params()).containsEntry("generations", 3).containsKeys("bins", "encoder");
          // the k-th measurement of a set runs on the study's seeds + k x 1,000,000
          long shift = t.seeds().get(0) - 1;
          assertThat(shift % 1_000_000).isZero();
          assertThat(t.seeds()).containsExactly(1L + shift, 2L + shift);
          double acc = ((Number) t.params().get("bins")).doubleValue() / 16.0;
          KafkaBroker.probe().send(Topics.RESULTS, id, result(t, acc));
        }
      }
      for (ConsumerRecord<String, String> r :
          KafkaBroker.probe().read(Topics.STUDIES, 1000, Duration.ofMillis(500))) {
        Event e = EventCodec.decode(r.value());
        if (e instanceof StudyCompleted c && c.studyId().equals(id)) {
          done = c;
        }
      }
    }
    assertThat(done).as("study completed").isNotNull();
    assertThat(answered).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    assertThat(done.trialsCompleted()).isEqualTo(6);
    // results of schema 1 (no validation figures, as before issue 15) still drive a study; its
    // completion then says so
    assertThat(done.schemaVersion()).isEqualTo(1);
    assertThat(done.bestMeanValidationAccuracy()).isNull();
    given()
        .get("/studies/" + id)
        .then()
        .statusCode(200)
        .body("state", org.hamcrest.Matchers.equalTo("completed"))
        .body("trialsCompleted", org.hamcrest.Matchers.equalTo(6));
    // the budget holds: no trial beyond number 5 was ever published
    assertThat(KafkaBroker.probe().read(Topics.TRIALS, 1000, Duration.ofSeconds(2)))
        .map(r -> EventCodec.decode(r.value()))
        .filteredOn(e -> e instanceof TrialRequested t && t.studyId().equals(id))
        .hasSize(6);
  }

  /**
   * The trial's result as the results service would publish it, of schema 1 (one run, test accuracy
   * {@code acc}, no validation figures).
   */
  static String result(TrialRequested t, double acc) {
    return EventCodec.encode(
        new TrialCompleted(
            1,
            t.studyId(),
            t.trialNumber(),
            t.params(),
            null,
            null,
            acc,
            0.0,
            List.of(new RunFigures(1, acc, null, acc, 5, 5, 1, 1, 1)),
            List.of()));
  }

  @Test
  void servesMetricsHealthAndOpenApi() {
    given().get("/q/health/ready").then().statusCode(200);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("neurohpo_trials_in_flight"));
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("/studies"));
  }

  @Test
  void optimizerSeedIsOptional() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(
            "{\"name\":\"no-seed\",\"dataset\":\"iris\",\"strategy\":\"random\",\"budget\":1,"
                + "\"seeds\":[1],\"searchSpace\":"
                + SPACE
                + ",\"fixedParams\":{\"generations\":1,\"populationSize\":4}}")
        .post("/studies")
        .then()
        .statusCode(201);
  }

  @Test
  void unknownStudyIs404() {
    given().get("/studies/nope").then().statusCode(404);
  }
}
