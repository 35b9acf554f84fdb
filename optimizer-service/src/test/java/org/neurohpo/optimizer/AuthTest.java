package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Topics;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * On a real broker: writes need a known bearer token, a study remembers its owner and only the
 * owner or an admin may stop it, a stop must be JSON, cross-origin requests get no CORS grant, and
 * each owner has a bounded number of running studies. The test profile's tokens: tester, other and
 * root (admin).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class AuthTest {
  private static final String TESTER = "tester-token-0123456789";
  private static final String OTHER = "other-token-0123456789";
  private static final String ROOT = "root-token-0123456789";

  /** A small valid spec named {@code name}. */
  static String spec(String name) {
    return "{\"name\":\""
        + name
        + "\",\"dataset\":\"iris\",\"strategy\":\"random\",\"budget\":3,\"seeds\":[1],"
        + "\"searchSpace\":[{\"name\":\"bins\",\"type\":\"int\",\"low\":2,\"high\":16}]}";
  }

  private static Response create(String token, String name) {
    var r = given().contentType("application/json").body(spec(name));
    if (token != null) {
      r = r.auth().oauth2(token);
    }
    return r.post("/studies");
  }

  @Test
  void writingNeedsAKnownTokenAndNothingIsPublishedWithout() {
    create(null, "anonymous-marker").then().statusCode(401);
    create("not-a-token-of-anyone", "stranger-marker").then().statusCode(401);
    given()
        .contentType("application/json")
        .header("Authorization", "Basic dGVzdGVyOnRlc3Q=")
        .body(spec("basic-marker"))
        .post("/studies")
        .then()
        .statusCode(401);
    assertThat(KafkaBroker.probe().read(Topics.STUDIES, 10_000, Duration.ofSeconds(1)))
        .noneMatch(r -> r.value().contains("-marker"));
    // reading stays open
    given().get("/studies").then().statusCode(200);
  }

  @Test
  void onlyTheOwnerOrAnAdminMayStopAStudyAndOnlyWithJson() {
    String id = create(TESTER, "owned").then().statusCode(201).extract().path("studyId");
    given().get("/studies/" + id).then().body("owner", equalTo("tester"));
    // no body, no content type: what a form on another site may send
    given().auth().oauth2(TESTER).post("/studies/" + id + "/stop").then().statusCode(415);
    given().contentType("application/json").post("/studies/" + id + "/stop").then().statusCode(401);
    given()
        .auth()
        .oauth2(OTHER)
        .contentType("application/json")
        .post("/studies/" + id + "/stop")
        .then()
        .statusCode(403)
        .body("problems", hasItem(startsWith("only the study's owner or an admin")));
    given().get("/studies/" + id).then().body("state", equalTo("running"));
    given()
        .auth()
        .oauth2(TESTER)
        .contentType("application/json")
        .post("/studies/" + id + "/stop")
        .then()
        .statusCode(200)
        .body("state", equalTo("stopped"));

    String other = create(OTHER, "someone-elses").then().statusCode(201).extract().path("studyId");
    given()
        .auth()
        .oauth2(ROOT)
        .contentType("application/json")
        .post("/studies/" + other + "/stop")
        .then()
        .statusCode(200)
        .body("state", equalTo("stopped"));
  }

  @Test
  void crossOriginRequestsGetNoCorsGrant() {
    Response preflight =
        given()
            .header("Origin", "http://attacker.example")
            .header("Access-Control-Request-Method", "POST")
            .options("/studies");
    assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
    Response get = given().header("Origin", "http://attacker.example").get("/studies");
    assertThat(get.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anOwnerHasABoundedNumberOfRunningStudies() {
    String root = "root";
    int running = 0;
    int status = 201;
    while (status == 201 && running < 100) {
      status = create(ROOT, "many-" + running).statusCode();
      if (status == 201) {
        running++;
      }
    }
    assertThat(status).isEqualTo(429);
    assertThat(running).as("studies %s could start", root).isEqualTo(20);
    create(TESTER, "another-owner").then().statusCode(201);
  }

  @Test
  void theListIsPagedAndLeavesTrialsOut() {
    create(TESTER, "paged-1").then().statusCode(201);
    create(TESTER, "paged-2").then().statusCode(201);
    Response page = given().get("/studies?limit=2");
    page.then().statusCode(200).body("size()", equalTo(2)).body("[0].trials", nullValue());
    assertThat(Integer.parseInt(page.getHeader("X-Total-Count"))).isGreaterThanOrEqualTo(2);
    given().get("/studies?limit=5000").then().statusCode(400);
    given().get("/studies?offset=-1").then().statusCode(400);
  }
}
