package org.neurohpo.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.neurohpo.kafka.local.TopicProbe;
import org.neurohpo.model.EventCodec;
import org.neurohpo.model.RunEvaluated;
import org.neurohpo.model.RunFigures;
import org.neurohpo.model.Topics;
import org.neurohpo.model.TrialCompleted;
import org.neurohpo.model.TrialRequested;
import org.neurohpo.testsupport.SecuredKafkaBroker;

/**
 * The results service on a broker that only takes SASL_SSL (SCRAM-SHA-512) clients, configured
 * through {@code kafka.*} settings only: its channels and its plain start-up consumer log in and it
 * aggregates a trial; a client without the credentials is refused by the same broker.
 */
@QuarkusTest
@TestProfile(SecuredKafkaBroker.Sasl.class)
class SaslKafkaTest {

  @Test
  void aggregatesATrialOnTheSecuredBrokerAndTheBrokerRefusesClientsWithoutCredentials() {
    assertThat(SecuredKafkaBroker.clientSettings()).containsEntry("security.protocol", "SASL_SSL");
    aggregatesATrial("sasl-study");
  }

  /** Runs in, one trial result out, served by REST; a probe without credentials gets nothing. */
  static void aggregatesATrial(String study) {
    TopicProbe probe = SecuredKafkaBroker.probe();
    probe.send(
        Topics.TRIALS,
        study,
        EventCodec.encode(new TrialRequested(1, study, 0, "iris", Map.of("bins", 3), List.of(1L))));
    probe.send(
        Topics.EVALUATIONS,
        study,
        EventCodec.encode(
            new RunEvaluated(2, study, 0, new RunFigures(1, 0.9, 0.8, 0.75, 9, 4, 2, 3, 1), "e")));
    List<ConsumerRecord<String, String>> results =
        probe.read(Topics.RESULTS, 1, Duration.ofSeconds(60));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(study));
    TrialCompleted t = (TrialCompleted) EventCodec.decode(results.get(0).value());
    assertThat(t.meanTestAccuracy()).isEqualTo(0.75);
    RestAssured.given()
        .get("/studies/" + study + "/best")
        .then()
        .statusCode(200)
        .body("meanTestAccuracy", Matchers.equalTo(0.75f));
    // Quarkus' own Kafka health check logs in too
    RestAssured.given().get("/q/health/ready").then().statusCode(200);
    TopicProbe stranger =
        new TopicProbe(SecuredKafkaBroker.bootstrapServers(), Map.of("max.block.ms", "5000"));
    assertThatThrownBy(() -> stranger.send(Topics.RESULTS, study, "{}"))
        .isInstanceOf(IllegalStateException.class);
  }
}
