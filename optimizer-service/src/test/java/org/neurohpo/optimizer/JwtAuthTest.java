package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.neurohpo.optimizer.security.TestJwts.claims;
import static org.neurohpo.optimizer.security.TestJwts.sign;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.Topics;
import org.neurohpo.optimizer.security.TestJwts;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * On a real broker, with JWTs as an OIDC provider issues them (signed by keys made in the test,
 * published to the optimizer as a JWKS): a JWT's user owns the studies it creates, another user
 * cannot stop them and an admin-group member can; every invalid JWT is refused with a bare 401; the
 * static tokens still work beside JWTs.
 */
@QuarkusTest
@TestProfile(ClusterSecurityProfile.class)
@QuarkusTestResource(KafkaBroker.class)
class JwtAuthTest {
  private static String rsa(Map<String, Object> claims) {
    return sign("RS256", ClusterSecurityProfile.privateKey("rsa-1"), "rsa-1", claims);
  }

  private static Response create(String token, String name) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(AuthTest.spec(name))
        .post("/studies");
  }

  private static Response stop(String token, String id) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .post("/studies/" + id + "/stop");
  }

  @Test
  void aJwtsUserOwnsItsStudyAndOnlyItOrAnAdminGroupMemberMayStopIt() {
    String ada = rsa(claims("ada"));
    String id = create(ada, "jwt-owned").then().statusCode(201).extract().path("studyId");
    given().auth().oauth2(ada).get("/studies/" + id).then().body("owner", equalTo("ada"));

    stop(rsa(claims("bob", "some-team")), id).then().statusCode(403);
    given().auth().oauth2(ada).get("/studies/" + id).then().body("state", equalTo("running"));
    stop(rsa(claims("carol", ClusterSecurityProfile.ADMIN_GROUP)), id)
        .then()
        .statusCode(200)
        .body("state", equalTo("stopped"));

    String again = create(ada, "jwt-owned-2").then().statusCode(201).extract().path("studyId");
    stop(ada, again).then().statusCode(200).body("state", equalTo("stopped"));
  }

  @Test
  void anEcSignedJwtIsAcceptedToo() {
    String token = sign("ES256", ClusterSecurityProfile.privateKey("ec-1"), "ec-1", claims("eve"));
    create(token, "jwt-ec").then().statusCode(201).body("owner", equalTo("eve"));
  }

  @Test
  void everyInvalidJwtGetsABare401AndNothingIsPublished() {
    var expired = claims("mallory");
    expired.put("exp", Instant.now().getEpochSecond() - 3600);
    var wrongIssuer = claims("mallory");
    wrongIssuer.put("iss", "https://evil.example");
    var wrongAudience = claims("mallory");
    wrongAudience.put("aud", "another-service");
    Map<String, String> tokens =
        Map.of(
            "expired", rsa(expired),
            "wrong-issuer", rsa(wrongIssuer),
            "wrong-audience", rsa(wrongAudience),
            "bad-signature", sign("RS256", TestJwts.rsa().getPrivate(), "rsa-1", claims("mallory")),
            "unknown-kid",
                sign("RS256", ClusterSecurityProfile.privateKey("rsa-1"), "x", claims("mallory")),
            "alg-none", TestJwts.unsigned(claims("mallory")),
            "garbage", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.AAAA");
    tokens.forEach(
        (what, token) -> {
          Response r = create(token, "invalid-jwt-" + what + "-marker");
          assertThat(r.statusCode()).as(what).isEqualTo(401);
          assertThat(r.getHeader("WWW-Authenticate")).as(what).startsWith("Bearer");
          assertThat(r.asString()).as(what).doesNotContain("Exception").doesNotContain("at org.");
        });
    assertThat(KafkaBroker.probe().read(Topics.STUDIES, 10_000, Duration.ofSeconds(1)))
        .noneMatch(r -> r.value().contains("invalid-jwt-"));
  }

  @Test
  void staticTokensStillWorkBesideJwts() {
    create("tester-token-0123456789", "static-beside-jwt")
        .then()
        .statusCode(201)
        .body("owner", equalTo("tester"));
    create("not-a-token-of-anyone", "stranger").then().statusCode(401);
  }
}
