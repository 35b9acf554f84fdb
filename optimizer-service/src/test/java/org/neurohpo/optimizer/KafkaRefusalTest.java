package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * Kafka refusing the optimizer's records (here: a topic takes no record over 16 bytes, as a
 * misconfigured topic would; a broker unreachable for longer than the producer's
 * delivery.timeout.ms fails a send the same way). A refused trial request: the result whose
 * follow-up it was is applied and acknowledged, not dead-lettered, and the request is sent again
 * until Kafka takes it, so the study completes its budget with every trial requested once. A
 * refused study creation: answered 503 with the reason, and never sent again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class KafkaRefusalTest {
  private static final String SPACE =
      "{\"parameters\":[{\"name\":\"bins\",\"type\":\"int\",\"low\":2,\"high\":16}]}";

  @Test
  void aRequestKafkaRefusedIsSentAgainAndTheResultBehindItIsNotDeadLettered() throws Exception {
    String id =
        given()
            .auth()
            .oauth2(StudyLifecycleTest.TOKEN)
            .contentType("application/json")
            .body(
                "{\"name\":\"refused\",\"dataset\":\"iris\",\"strategy\":\"random\","
                    + "\"budget\":4,\"seeds\":[1],\"searchSpace\":"
                    + SPACE
                    + ",\"optimizerSeed\":7}")
            .post("/studies")
            .then()
            .statusCode(201)
            .extract()
            .path("studyId");
    // two in flight: trials 0 and 1
    List<TrialRequested> first = awaitRequests(id, 2, Duration.ofSeconds(30));
    assertThat(first).extracting(TrialRequested::trialNumber).containsExactlyInAnyOrder(0, 1);

    Set<Integer> answered = new HashSet<>();
    try {
      maxMessageBytes("16"); // the broker now refuses every write to the trials topic
      assertThat(refusesWrites()).as("the broker refuses writes to the trials topic").isTrue();
      answer(first.stream().filter(t -> t.trialNumber() == 0).findFirst().orElseThrow(), answered);
      // the optimizer applied the result and tried to request trial 2: Kafka refused it, and again
      // 2 and 6 s later; nothing reached the topic
      Thread.sleep(8_000);
      assertThat(requests(id, Duration.ofSeconds(2)))
          .extracting(TrialRequested::trialNumber)
          .containsExactlyInAnyOrder(0, 1);
    } finally {
      maxMessageBytes(null);
    }
    // sent again once Kafka takes it (the next attempt comes at most 8 s after the last refusal)
    StudyCompleted done = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (done == null && System.nanoTime() < deadline) {
      for (TrialRequested t : requests(id, Duration.ofSeconds(1))) {
        if (!answered.contains(t.trialNumber())) {
          answer(t, answered);
        }
      }
      for (ConsumerRecord<String, String> r :
          KafkaBroker.probe().read(Topics.STUDIES, 10_000, Duration.ofMillis(500))) {
        if (EventCodec.decode(r.value()) instanceof StudyCompleted c && c.studyId().equals(id)) {
          done = c;
        }
      }
    }
    assertThat(done).as("study completed after Kafka took the refused request").isNotNull();
    assertThat(done.trialsCompleted()).isEqualTo(4);
    // every trial requested once: the refused request is on the topic exactly once
    assertThat(requests(id, Duration.ofSeconds(2)))
        .extracting(TrialRequested::trialNumber)
        .containsExactlyInAnyOrder(0, 1, 2, 3);
    // the result whose follow-up was refused was applied, not dead-lettered
    assertThat(
            KafkaBroker.probe()
                .read(Topics.deadLetter(Topics.RESULTS), 10_000, Duration.ofSeconds(2)))
        .noneMatch(r -> r.value().contains(id));
    // operators see the refusals
    assertThat(given().get("/q/metrics").asString())
        .containsPattern(
            "neurohpo_kafka_sends_refused_total\\{topic=\"neurohpo.trials.v1\",?\\} [1-9]");
  }

  /** A study Kafka refuses to create is answered 503 with the reason, and is not created later. */
  @Test
  void aStudyKafkaRefusesIsNotCreatedAndTheAnswerSaysWhy() throws Exception {
    try {
      KafkaBroker.probe().topicConfig(Topics.STUDIES, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16");
      given()
          .auth()
          .oauth2(StudyLifecycleTest.TOKEN)
          .contentType("application/json")
          .body(
              "{\"name\":\"never\",\"dataset\":\"iris\",\"strategy\":\"random\","
                  + "\"budget\":2,\"seeds\":[1],\"searchSpace\":"
                  + SPACE
                  + "}")
          .post("/studies")
          .then()
          .statusCode(503)
          .body(
              "problems[0]",
              org.hamcrest.Matchers.startsWith(
                  "Kafka refused the new study (RecordTooLargeException: "))
          .body("problems[0]", org.hamcrest.Matchers.endsWith("); nothing was created, retry"));
    } finally {
      KafkaBroker.probe().topicConfig(Topics.STUDIES, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, null);
    }
    Thread.sleep(5_000); // a creation sent again (2 s after the refusal) would be taken by now
    assertThat(
            given()
                .auth()
                .oauth2(StudyLifecycleTest.TOKEN)
                .get("/studies")
                .jsonPath()
                .getList("name", String.class))
        .doesNotContain("never");
    assertThat(KafkaBroker.probe().read(Topics.STUDIES, 10_000, Duration.ofSeconds(2)))
        .noneMatch(r -> r.value().contains("\"never\""));
  }

  /** Sets (or, with null, removes) the trials topic's max.message.bytes. */
  private static void maxMessageBytes(String value) {
    KafkaBroker.probe().topicConfig(Topics.TRIALS, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value);
  }

  /** Whether a write to the trials topic fails. */
  private static boolean refusesWrites() {
    try {
      // a record no reader takes for a trial: not an event
      KafkaBroker.probe().send(Topics.TRIALS, "probe", "not an event");
      return false;
    } catch (IllegalStateException refused) {
      return true;
    }
  }

  private static List<TrialRequested> awaitRequests(String id, int count, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<TrialRequested> seen = List.of();
    while (seen.size() < count && System.nanoTime() < deadline) {
      seen = requests(id, Duration.ofSeconds(1));
    }
    return seen;
  }

  /** The study's requests on the trials topic, one per record. */
  private static List<TrialRequested> requests(String id, Duration wait) {
    List<TrialRequested> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : KafkaBroker.probe().read(Topics.TRIALS, 10_000, wait)) {
      Event e = EventCodec.decode(r.value());
      if (e instanceof TrialRequested t && t.studyId().equals(id)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Plays the evaluators and the results service: the trial's result, as they would publish it. */
  private static void answer(TrialRequested t, Set<Integer> answered) {
    KafkaBroker.probe()
        .send(
            Topics.RESULTS,
            t.studyId(),
            StudyLifecycleTest.result(t, 0.5 + t.trialNumber() / 100.0));
    answered.add(t.trialNumber());
  }
}
