package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.neurohpo.optimizer.security.TestJwts.claims;
import static org.neurohpo.optimizer.security.TestJwts.sign;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * With reads protected by Quarkus HTTP permissions (ClusterSecurityProfile), an anonymous read gets
 * 401 and an authenticated one 200; the management endpoints answer on their own port and not on
 * the API's.
 */
@QuarkusTest
@TestProfile(ClusterSecurityProfile.class)
@QuarkusTestResource(KafkaBroker.class)
class ProtectedReadsTest {
  private static final String TESTER = "tester-token-0123456789";

  @Test
  void anonymousReadsGet401AndAuthenticatedOnes200() {
    String jwt = sign("RS256", ClusterSecurityProfile.privateKey("rsa-1"), "rsa-1", claims("ada"));
    given().get("/studies").then().statusCode(401);
    given().get("/datasets").then().statusCode(401);
    given().auth().oauth2(jwt).get("/studies").then().statusCode(200);
    given().auth().oauth2(TESTER).get("/studies").then().statusCode(200);
    String id =
        given()
            .auth()
            .oauth2(TESTER)
            .contentType("application/json")
            .body(AuthTest.spec("protected"))
            .post("/studies")
            .then()
            .statusCode(201)
            .extract()
            .path("studyId");
    given().get("/studies/" + id).then().statusCode(401);
    given().auth().oauth2(jwt).get("/studies/" + id).then().statusCode(200);
  }

  @Test
  void managementEndpointsAnswerOnTheirOwnPortOnly() {
    int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    given().port(port).get("/q/health/ready").then().statusCode(200);
    given().port(port).get("/q/metrics").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(404);
  }
}
