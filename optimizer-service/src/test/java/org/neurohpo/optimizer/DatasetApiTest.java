package org.neurohpo.optimizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.DatasetRegistered;
import org.neurohpo.model.Topics;
import org.neurohpo.testsupport.KafkaBroker;

/**
 * On a real broker: a user's CSV is checked, registered under its content's id on the data-set
 * topic, and a study may then name it; bad CSVs are answered 400 naming the problem, and nothing of
 * them reaches the topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class DatasetApiTest {
  private static final String TOKEN = "tester-token-0123456789";
  private static final String CSV =
      "width,height,class\n1.0,2.0,a\n1.5,2.5,a\n3.0,0.5,b\n3.5,0.2,b\n2.0,1.0,a\n4.0,0.1,b\n";

  @Test
  void aCsvIsRegisteredUnderItsContentsIdAndAStudyMayNameIt() {
    String id = DatasetRegistered.idOf(CSV);
    given().contentType("text/csv").body(CSV).post("/datasets").then().statusCode(401);
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("text/csv")
        .queryParam("name", "boxes")
        .body(CSV)
        .post("/datasets")
        .then()
        .statusCode(201)
        .body("id", equalTo(id))
        .body("name", equalTo("boxes"))
        .body("owner", equalTo("tester"))
        .body("rows", equalTo(6))
        .body("features", equalTo(2))
        .body("classes", equalTo(2));
    // the same content again: the same registration
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("text/csv")
        .body(CSV)
        .post("/datasets")
        .then()
        .statusCode(200)
        .body("name", equalTo("boxes"));
    given().get("/datasets/" + id).then().statusCode(200).body("rows", equalTo(6));
    given().get("/datasets").then().statusCode(200).body("id", hasItem(id));
    List<ConsumerRecord<String, String>> records =
        KafkaBroker.probe().read(Topics.DATASETS, 100, Duration.ofSeconds(2));
    assertThat(records).filteredOn(r -> r.key().equals(id)).hasSize(1);
    assertThat(DatasetRegistered.decode(records.get(0).value()).csv()).isEqualTo(CSV);

    String spec =
        "{\"name\":\"on-boxes\",\"dataset\":\"%s\",\"strategy\":\"random\",\"budget\":1,"
            + "\"seeds\":[1],\"searchSpace\":[{\"name\":\"bins\",\"type\":\"int\",\"low\":2,"
            + "\"high\":4}]}";
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(spec.formatted(id))
        .post("/studies")
        .then()
        .statusCode(201)
        .body("dataset", equalTo(id));
    String unknown = "sha256:" + "0".repeat(64);
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(spec.formatted(unknown))
        .post("/studies")
        .then()
        .statusCode(400)
        .body("problems", hasItem(startsWith("unknown dataset 'sha256:000")));
  }

  @Test
  void aCsvThatCannotBeUsedIsAnswered400NamingItsProblem() {
    List<String[]> bad =
        List.of(
            new String[] {"", "data set: the data set is empty"},
            new String[] {"class\n1\n2\n", "data set: line 1: the header needs at least one"},
            new String[] {"a,class\n1,x\n2,x\n", "data set: needs at least 2 classes, found 1"},
            new String[] {"a,class\n1,x\nabc,y\n", "data set: line 3: column 1 is not a finite"},
            new String[] {"a,b,class\n1,x\n", "data set: line 2: expected 3 columns, found 2"});
    for (String[] b : bad) {
      given()
          .auth()
          .oauth2(TOKEN)
          .contentType("text/csv")
          .body(b[0])
          .post("/datasets")
          .then()
          .statusCode(400)
          .body("problems", hasItem(startsWith(b[1])));
    }
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("text/csv")
        .queryParam("name", "../etc/passwd")
        .body(CSV)
        .post("/datasets")
        .then()
        .statusCode(400);
    String big = "a,class\n" + "1.0,x\n2.0,y\n".repeat(60_000);
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("text/csv")
        .body(big)
        .post("/datasets")
        .then()
        .statusCode(413);
    assertThat(KafkaBroker.probe().read(Topics.DATASETS, 100, Duration.ofSeconds(1)))
        .allMatch(r -> DatasetRegistered.decode(r.value()).csv().equals(CSV));
  }
}
