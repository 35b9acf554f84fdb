package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurohpo.model.Topics;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * On a real broker: every kind of bad spec is answered 400 naming its problem, and nothing of it is
 * registered or published. Each spec carries a marker name, looked for on the topics afterwards.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class SpecAttacksTest {
  static final String TOKEN = "tester-token-0123456789";

  private static final String SPACE =
      "[{\"name\":\"bins\",\"type\":\"int\",\"low\":2,\"high\":16}]";

  /** A valid spec with one field replaced (or added), written as raw JSON text. */
  private static String spec(String marker, String field, String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "\"" + marker + "\"");
    fields.put("dataset", "\"iris\"");
    fields.put("strategy", "\"random\"");
    fields.put("budget", "2");
    fields.put("seeds", "[1]");
    fields.put("searchSpace", SPACE);
    fields.put("fixedParams", "{\"generations\":1}");
    fields.put(field, value);
    StringBuilder b = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return b.append('}').toString();
  }

  static Stream<Arguments> badSpecs() {
    String seeds = "[" + "1,".repeat(1_000_000 - 1) + "1]";
    return Stream.of(
        Arguments.of("dataset", "\"/etc/passwd\"", "dataset '/etc/passwd' is a path"),
        Arguments.of("dataset", "\"../../etc/passwd\"", "dataset '../../etc/passwd' is a path"),
        Arguments.of("dataset", "\"/proc/self/environ\"", "is a path"),
        Arguments.of("dataset", "\"no-such-set\"", "unknown dataset 'no-such-set'"),
        Arguments.of(
            "scheduler",
            "{\"type\":\"asha\"}",
            "scheduler.fidelity must be runs or generations; got null"),
        Arguments.of(
            "scheduler",
            "{\"type\":\"asha\",\"fidelity\":\"runs\",\"min\":2,\"max\":10,\"eta\":3}",
            "scheduler.max is 10 runs but seeds name only 1"),
        Arguments.of(
            "searchSpace",
            "[{\"name\":\"binz\",\"type\":\"int\",\"low\":2,\"high\":4}]",
            "searchSpace: unknown HP 'binz'"),
        Arguments.of(
            "searchSpace",
            "[{\"name\":\"bins\",\"type\":\"int\",\"low\":2,\"high\":1000}]",
            "searchSpace: HP bins must be an integer in [2, 16], got 1000"),
        Arguments.of(
            "searchSpace",
            "[{\"name\":\"preset\",\"type\":\"cat\",\"choices\":[\"RISP-7\",\"RISP-9000\"]}]",
            "searchSpace: HP preset must be one of"),
        Arguments.of("fixedParams", "{\"generations\":1e400}", "must be a finite number"),
        Arguments.of(
            "fixedParams", "{\"simTime\":-5}", "HP simTime must be an integer in [1, 500]"),
        Arguments.of("fixedParams", "{\"leak\":1}", "fixedParams: unknown HP 'leak'"),
        Arguments.of("budget", "1000000000", "budget must be an integer in [1, 10000]"),
        Arguments.of("seeds", seeds, "seeds must hold at most 100 seeds; got 1000000"),
        Arguments.of("name", "\"" + "x".repeat(201) + "\"", "name must be at most 200 characters"));
  }

  @ParameterizedTest
  @MethodSource("badSpecs")
  void aBadSpecIsAnswered400NamingItsProblemAndLeavesNothing(
      String field, String value, String problem) {
    String body = spec("attack-" + Math.abs((field + value).hashCode()), field, value);
    String marker =
        field.equals("name")
            ? value.substring(1, 40)
            : "attack-" + Math.abs((field + value).hashCode());
    if (body.length() > 256 * 1024) {
      // past the body limit: refused before it is read whole
      given()
          .auth()
          .oauth2(TOKEN)
          .contentType("application/json")
          .body(body)
          .post("/studies")
          .then()
          .statusCode(413);
    } else {
      given()
          .auth()
          .oauth2(TOKEN)
          .contentType("application/json")
          .body(body)
          .post("/studies")
          .then()
          .statusCode(400)
          .body("problems", hasItem(containsString(problem)));
    }
    given()
        .get("/studies")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString(marker)));
    List<ConsumerRecord<String, String>> published =
        KafkaBroker.probe().read(Topics.STUDIES, 10_000, Duration.ofSeconds(1));
    assertThat(published).noneMatch(r -> r.value().contains(marker));
  }

  @Test
  void theSpecBuilderOfThisTestMakesAValidSpec() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(spec("attack-control", "budget", "1"))
        .post("/studies")
        .then()
        .statusCode(201);
  }

  @TestHTTPResource("/studies")
  URI studies;

  /** 413, or the connection closed while the body is still being sent: never read whole. */
  @Test
  void aFiveMegabyteNameIsRefusedBeforeItIsRead() throws Exception {
    String body = spec("big", "name", "\"" + "x".repeat(5 * 1024 * 1024) + "\"");
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(studies)
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + TOKEN)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(413);
    } catch (IOException refused) {
      // the server closed the connection on the oversized body
    }
    given()
        .get("/studies")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("xxxxxxxx")));
  }
}
