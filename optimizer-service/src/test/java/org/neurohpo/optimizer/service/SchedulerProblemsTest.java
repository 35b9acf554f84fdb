package org.neurohpo.optimizer.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchedulerProblemsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode spec(String scheduler) throws Exception {
    return JSON.readTree(
        "{\"name\":\"s\",\"dataset\":\"iris\",\"strategy\":\"random\",\"budget\":9,"
            + "\"seeds\":[1,2,3,4,5,6,7,8,9,10],\"optimizerSeed\":1,"
            + "\"searchSpace\":[{\"name\":\"simTime\",\"type\":\"ordinal\",\"values\":[16,24]}]"
            + (scheduler == null ? "" : ",\"scheduler\":" + scheduler)
            + "}");
  }

  @Test
  void acceptsAnAshaSchedulerOverRunsAndASpecWithoutOne() throws Exception {
    assertThat(
            SpecProblems.of(
                spec("{\"type\":\"asha\",\"fidelity\":\"runs\",\"min\":2,\"max\":10,\"eta\":3}")))
        .isEmpty();
    assertThat(SpecProblems.of(spec(null))).isEmpty();
    assertThat(SpecProblems.of(spec("null"))).isEmpty();
  }

  @Test
  void namesEveryBadFieldOnOneLine() throws Exception {
    assertThat(
            SpecProblems.of(
                spec(
                    "{\"type\":\"median\",\"fidelity\":\"epochs\",\"min\":0,\"max\":-1,\"eta\":1}")))
        .containsExactly(
            "scheduler.type must be asha or hyperband; got \"median\"",
            "scheduler.fidelity must be runs or generations; got \"epochs\"",
            "scheduler.min must be an integer >= 1; got 0",
            "scheduler.max must be an integer >= 1; got -1",
            "scheduler.eta must be an integer >= 2; got 1");
    assertThat(
            SpecProblems.of(
                spec("{\"type\":\"asha\",\"fidelity\":\"runs\",\"min\":4,\"max\":3,\"eta\":3}")))
        .containsExactly("scheduler.max must be >= scheduler.min (4); got 3");
    assertThat(
            SpecProblems.of(
                spec(
                    "{\"type\":\"asha\",\"fidelity\":\"runs\",\"min\":2,\"max\":12,\"eta\":3,"
                        + "\"x\":1}")))
        .containsExactly(
            "scheduler: unknown field 'x' (a scheduler has eta, fidelity, max, min, type)",
            "scheduler.max is 12 runs but seeds name only 10; give at least 12 seeds");
    assertThat(SpecProblems.of(spec("3")).get(0)).startsWith("scheduler must be an object");
  }

  @Test
  void takesGenerationsWhenTheSchedulerAloneSetsThem() throws Exception {
    String scheduler =
        "{\"type\":\"asha\",\"fidelity\":\"generations\",\"min\":10,\"max\":90,\"eta\":3}";
    assertThat(SpecProblems.of(spec(scheduler))).as("fewer seeds than max is fine").isEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode both =
        (com.fasterxml.jackson.databind.node.ObjectNode) spec(scheduler);
    both.putObject("fixedParams").put("generations", 20);
    ((com.fasterxml.jackson.databind.node.ArrayNode) both.get("searchSpace"))
        .addObject()
        .put("name", "generations")
        .put("type", "int")
        .put("low", 5)
        .put("high", 50);
    assertThat(SpecProblems.of(both))
        .containsExactly(
            "scheduler.fidelity generations sets each rung's generations; remove generations"
                + " from searchSpace",
            "scheduler.fidelity generations sets each rung's generations; remove generations"
                + " from fixedParams");
    assertThat(
            SpecProblems.of(
                spec(scheduler.replace("\"max\":90", "\"max\":20000").replace(":10,", ":100,"))))
        .containsExactly("scheduler.max is 20000 generations; generations must be at most 10000");
  }

  @Test
  void takesHyperbandAndRefusesAGridStrategy() throws Exception {
    assertThat(
            SpecProblems.of(
                spec(
                    "{\"type\":\"hyperband\",\"fidelity\":\"runs\",\"min\":2,\"max\":10,"
                        + "\"eta\":3}")))
        .isEmpty();
    JsonNode grid =
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                spec("{\"type\":\"asha\",\"fidelity\":\"runs\",\"min\":2,\"max\":10,\"eta\":3}"))
            .put("strategy", "grid");
    assertThat(SpecProblems.of(grid))
        .containsExactly("a scheduler proposes with strategy random or bo; got strategy grid");
  }
}
