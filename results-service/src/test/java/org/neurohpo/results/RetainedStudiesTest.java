package org.neurohpo.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.kafka.local.KafkaLocal;
import org.neurohpo.kafka.local.TopicProbe;
import org.neurohpo.kafka.support.CompactedTopic;
import org.neurohpo.model.Event;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.StudyArchived;
import org.neurohpo.model.StudyCompleted;
import org.neurohpo.model.StudyCreated;
import org.neurohpo.model.StudySpec;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;

/**
 * On a real broker whose archive topic holds ended studies before the service starts: the service
 * holds the two most recently ended whole studies of one trial each ({@code
 * neurohpo.results.trials-kept=2}), answers 410 for older ones, keeps a study with trials still out
 * whatever its age, and lets the oldest held go when a live study ends.
 */
@QuarkusTest
@TestProfile(RetainedStudiesTest.HoldTwo.class)
@QuarkusTestResource(
    value = RetainedStudiesTest.SeededBroker.class,
    restrictToAnnotatedClass = true)
class RetainedStudiesTest {
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  public static class HoldTwo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("neurohpo.results.trials-kept", "2");
    }
  }

  /** A broker whose archive holds three whole ended studies and one with a trial still out. */
  public static class SeededBroker implements QuarkusTestResourceLifecycleManager {
    static KafkaLocal broker;

    @Override
    public Map<String, String> start() {
      broker = KafkaLocal.builder().start();
      try {
        CompactedTopic.ensure(
            Map.of("bootstrap.servers", broker.bootstrapServers()), Topics.ARCHIVE, "seed");
        TopicProbe probe = new TopicProbe(broker.bootstrapServers());
        // old-1 ended first, then old-2, old-3; out-1 ended before all of them, trial 1 still out
        archive(probe, "old-1", T0.plusSeconds(3600), List.of());
        archive(probe, "old-3", T0.plusSeconds(3 * 3600), List.of());
        archive(probe, "old-2", T0.plusSeconds(2 * 3600), List.of());
        archive(probe, "out-1", T0, List.of(1));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    private static void archive(TopicProbe probe, String id, Instant end, List<Integer> out)
        throws Exception {
      StudyCreated created = new StudyCreated(2, id, spec(id), T0, null);
      TrialCompleted t = trial(id, 0);
      StudyCompleted done =
          new StudyCompleted(2, id, 1, 0, t.params(), 0.8, 0.8, "budget", end, null);
      for (StudyArchived a : StudyArchived.of(created, done, List.of(t), out, List.of())) {
        probe.send(Topics.ARCHIVE, a.key(), EventCodec.encode(a));
      }
    }

    @Override
    public void stop() {
      if (broker != null) {
        broker.close();
      }
    }
  }

  static StudySpec spec(String name) throws Exception {
    return new StudySpec(
        name,
        "iris",
        "random",
        2,
        List.of(1L),
        new ObjectMapper()
            .readTree("[{\"name\": \"bins\", \"type\": \"int\", \"low\": 2, \"high\": 9}]"),
        Map.of("generations", 10),
        7);
  }

  static TrialCompleted trial(String study, int n) {
    return new TrialCompleted(
        2,
        study,
        n,
        Map.of("bins", n + 2, "generations", 10),
        0.8,
        0.0,
        0.8,
        0.0,
        List.of(new RunFigures(1, 0.8, 0.8, 0.8, 9, 4, 2, 3, 1)),
        List.of());
  }

  @Test
  void holdsTheMostRecentlyEndedStudiesAndAnswersGoneForOlderOnes() throws Exception {
    // at start: the two newest whole studies and the one with a trial out; the oldest whole one
    // is on the archive topic only
    assertThat(status("/studies/old-1/trials")).isEqualTo(410);
    assertThat(status("/studies/old-2/trials")).isEqualTo(200);
    assertThat(status("/studies/old-3/trials")).isEqualTo(200);
    assertThat(status("/studies/out-1/trials")).isEqualTo(200);
    assertThat(status("/studies/never/trials")).isEqualTo(404);
    assertThat(RestAssured.given().get("/studies/old-1").asString())
        .contains("neurohpo.results.trials-kept", Topics.ARCHIVE);
    assertThat(status("/studies/old-1/events")).isEqualTo(410);

    // a live study ends (later than every held one): the oldest held whole study goes
    Instant now = Instant.now();
    send(Topics.STUDIES, new StudyCreated(2, "new", spec("new"), now, null));
    send(Topics.TRIALS, new TrialRequested(1, "new", 0, "iris", Map.of("bins", 2), List.of(1L)));
    send(
        Topics.EVALUATIONS,
        new RunEvaluated(2, "new", 0, new RunFigures(1, 0.9, 0.9, 0.9, 9, 4, 2, 3, 1), "e"));
    send(
        Topics.STUDIES,
        new StudyCompleted(2, "new", 1, 0, Map.of("bins", 2), 0.9, 0.9, "budget", now, null));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (status("/studies/old-2/trials") != 410 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(status("/studies/old-2/trials")).isEqualTo(410);
    assertThat(status("/studies/new/trials")).isEqualTo(200);
    assertThat(status("/studies/old-3/trials")).isEqualTo(200);
    assertThat(status("/studies/out-1/trials")).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    for (var s :
        new ObjectMapper().readTree(RestAssured.given().get("/studies/overview").asString())) {
      listed.add(s.path("studyId").asText());
    }
    assertThat(listed).contains("new", "old-3", "out-1").doesNotContain("old-1", "old-2");
    assertThat(RestAssured.given().get("/studies").asString())
        .doesNotContain("old-1")
        .doesNotContain("old-2");
  }

  @TestHTTPResource("/")
  URI base;

  /**
   * The status of a GET (a live stream's 200 once its headers arrive), waiting out 503 while the
   * service reads its topics.
   */
  private int status(String path) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest get =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      int code = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (code != 503 || System.nanoTime() > deadline) {
        return code;
      }
      Thread.sleep(200);
    }
  }

  private static void send(String topic, Event e) {
    new TopicProbe(SeededBroker.broker.bootstrapServers())
        .send(topic, e.studyId(), EventCodec.encode(e));
  }
}
