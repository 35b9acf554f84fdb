package org.neurohpo.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFailed;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.testsupport.KafkaBroker;

/** On a real broker: a trial's runs in, exactly one trial result out, duplicates ignored. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class ResultsListenerTest {

  @Test
  void publishesOneResultPerCompletedTrial() {
    send(Topics.TRIALS, new TrialRequested(1, "st", 2, "iris", Map.of("bins", 3), List.of(1L, 2L)));
    RunEvaluated run =
        new RunEvaluated(2, "st", 2, new RunFigures(1, 0.9, 0.85, 0.8, 9, 4, 2, 3, 1), "e");
    send(Topics.EVALUATIONS, run);
    send(Topics.EVALUATIONS, run); // redelivered
    send(Topics.EVALUATIONS, new RunFailed(1, "st", 2, 2, "boom", "e"));
    List<ConsumerRecord<String, String>> got =
        read(Topics.RESULTS, 10, Duration.ofSeconds(10)).stream()
            .filter(r -> r.key().equals("st"))
            .toList();
    assertThat(got).hasSize(1);
    assertThat(got.get(0).key()).isEqualTo("st");
    TrialCompleted t = (TrialCompleted) EventCodec.decode(got.get(0).value());
    assertThat(t.meanTestAccuracy()).isEqualTo(0.8);
    assertThat(t.meanValidationAccuracy()).isEqualTo(0.85);
    assertThat(t.schemaVersion()).isEqualTo(2);
    assertThat(t.runs()).hasSize(1);
    assertThat(t.failures()).containsExactly("seed 2: boom");
    io.restassured.RestAssured.given()
        .get("/studies/st/best")
        .then()
        .statusCode(200)
        .body("trialNumber", org.hamcrest.Matchers.equalTo(2))
        .body("meanTestAccuracy", org.hamcrest.Matchers.equalTo(0.8f))
        .body("meanValidationAccuracy", org.hamcrest.Matchers.equalTo(0.85f));
    io.restassured.RestAssured.given()
        .get("/studies/st/trials")
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1));
    io.restassured.RestAssured.given().get("/studies/none/best").then().statusCode(404);
  }

  /**
   * Kafka refusing a trial's result (here: the results topic takes no record over 16 bytes; a
   * broker unreachable for longer than the producer's delivery.timeout.ms fails a send the same
   * way): the results service sends it again until Kafka takes it, rather than dead-letter the
   * evaluation that completed the trial (the optimizer would wait for that trial forever).
   */
  @Test
  void aResultKafkaRefusedIsSentAgainAndTheEvaluationIsNotDeadLettered() throws Exception {
    send(
        Topics.TRIALS, new TrialRequested(1, "refused", 0, "iris", Map.of("bins", 3), List.of(4L)));
    KafkaBroker.probe().createIfAbsent(Topics.RESULTS);
    try {
      KafkaBroker.probe().topicConfig(Topics.RESULTS, "max.message.bytes", "16");
      send(
          Topics.EVALUATIONS,
          new RunEvaluated(2, "refused", 0, new RunFigures(4, 0.9, 0.85, 0.8, 9, 4, 2, 3, 1), "e"));
      // refused at once, again 2 and 6 s later
      Thread.sleep(8_000);
      assertThat(read(Topics.RESULTS, 10_000, Duration.ofSeconds(2)))
          .noneMatch(r -> r.key().equals("refused"));
    } finally {
      KafkaBroker.probe().topicConfig(Topics.RESULTS, "max.message.bytes", null);
    }
    // taken at the next attempt, at most 8 s after the last refusal
    List<ConsumerRecord<String, String>> got = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (got.isEmpty() && System.nanoTime() < deadline) {
      got =
          read(Topics.RESULTS, 10_000, Duration.ofSeconds(1)).stream()
              .filter(r -> r.key().equals("refused"))
              .toList();
    }
    assertThat(got).hasSize(1);
    assertThat(((TrialCompleted) EventCodec.decode(got.get(0).value())).meanTestAccuracy())
        .isEqualTo(0.8);
    assertThat(read(Topics.deadLetter(Topics.EVALUATIONS), 10_000, Duration.ofSeconds(2)))
        .noneMatch(r -> "refused".equals(r.key()));
    assertThat(io.restassured.RestAssured.given().get("/q/metrics").asString())
        .containsPattern(
            "neurohpo_kafka_sends_refused_total\\{topic=\"neurohpo.results.v1\",?\\} [1-9]");
  }

  @TestHTTPResource("/studies/live/events")
  URI liveEvents;

  @Test
  void streamsAStudysEventsLiveOverServerSentEvents() throws Exception {
    send(Topics.TRIALS, new TrialRequested(1, "live", 0, "iris", Map.of("bins", 3), List.of(7L)));
    BlockingQueue<String> data = sse(liveEvents);
    // the history first: the trial requested before anyone listened
    assertThat(data.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"TrialRequested\"");
    send(
        Topics.EVALUATIONS,
        new RunEvaluated(2, "live", 0, new RunFigures(7, 0.9, 0.6, 0.7, 9, 4, 2, 3, 1), "e"));
    assertThat(data.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"RunEvaluated\"");
    String completed = data.poll(20, TimeUnit.SECONDS);
    assertThat(completed).contains("\"type\":\"TrialCompleted\"");
    assertThat(((TrialCompleted) EventCodec.decode(completed)).meanTestAccuracy()).isEqualTo(0.7);
  }

  /** The data lines of a server-sent-event stream, as they arrive. */
  private static BlockingQueue<String> sse(URI uri) {
    BlockingQueue<String> data = new LinkedBlockingQueue<>();
    HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.fromLineSubscriber(
                new Flow.Subscriber<String>() {
                  @Override
                  public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                  }

                  @Override
                  public void onNext(String line) {
                    if (line.startsWith("data:")) {
                      data.add(line.substring(5).strip());
                    }
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onComplete() {}
                }));
    return data;
  }

  @TestHTTPResource("/studies/overview/stream")
  URI overviewStream;

  @Test
  void overviewFollowsAStudyAndOffersASpecThatRerunsItsBestSet() throws Exception {
    StudySpec spec =
        new StudySpec(
            "shown",
            "wine",
            "bo",
            5,
            List.of(1L, 2L),
            new ObjectMapper()
                .readTree(
                    "{\"parameters\": [{\"name\": \"bins\", \"type\": \"int\", \"low\": 2, \"high\": 9}]}"),
            Map.of("generations", 10),
            4);
    BlockingQueue<String> overview = sse(overviewStream);
    send(Topics.STUDIES, new StudyCreated(1, "shown", spec, Instant.parse("2026-11-29T06:00:00Z")));
    send(
        Topics.TRIALS,
        new TrialRequested(
            1, "shown", 0, "wine", Map.of("bins", 3, "generations", 10), List.of(1L)));
    send(
        Topics.EVALUATIONS,
        new RunEvaluated(2, "shown", 0, new RunFigures(1, 0.9, 0.7, 0.75, 9, 4, 2, 3, 1), "e"));
    // the stream sends the list again when it changes: wait for the completed trial to show
    JsonNode shown = null;
    while (shown == null || shown.path("trialsDone").asInt() < 1) {
      String line = overview.poll(20, TimeUnit.SECONDS);
      assertThat(line).as("overview stream").isNotNull();
      for (JsonNode s : new ObjectMapper().readTree(line)) {
        if (s.path("studyId").asText().equals("shown")) {
          shown = s;
        }
      }
    }
    assertThat(shown.path("name").asText()).isEqualTo("shown");
    assertThat(shown.path("strategy").asText()).isEqualTo("bo");
    assertThat(shown.path("dataset").asText()).isEqualTo("wine");
    assertThat(shown.path("status").asText()).isEqualTo("running");
    assertThat(shown.path("budget").asInt()).isEqualTo(5);
    assertThat(shown.path("bestMeanTestAccuracy").asDouble()).isEqualTo(0.75);
    assertThat(shown.path("bestMeanValidationAccuracy").asDouble()).isEqualTo(0.7);

    JsonNode study =
        new ObjectMapper()
            .readTree(io.restassured.RestAssured.given().get("/studies/shown").asString());
    JsonNode rerun = study.path("rerunSpec");
    assertThat(rerun.path("strategy").asText()).isEqualTo("grid");
    assertThat(rerun.path("budget").asInt()).isEqualTo(1);
    assertThat(rerun.path("searchSpace").path("parameters").toString())
        .isEqualTo("[{\"name\":\"bins\",\"type\":\"ordinal\",\"values\":[3]}]");
    assertThat(rerun.path("fixedParams").toString()).isEqualTo("{\"generations\":10}");
    io.restassured.RestAssured.given().get("/studies/nothing").then().statusCode(404);
  }

  @Test
  void servesTheDashboardWithItsChartingLibraryBundled() {
    io.restassured.RestAssured.given()
        .get("/")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("neurohpo studies"));
    io.restassured.RestAssured.given()
        .get("/study.html")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("vendor/echarts/dist/echarts.min.js"));
    io.restassured.RestAssured.given()
        .get("/vendor/echarts/dist/echarts.min.js")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("echarts"));
  }

  private static void send(String topic, Event e) {
    KafkaBroker.probe().send(topic, e.studyId(), EventCodec.encode(e));
  }

  private static List<ConsumerRecord<String, String>> read(String topic, int max, Duration wait) {
    return KafkaBroker.probe().read(topic, max, wait);
  }
}
